import KaoheModel
import KaoheInput
/// Reads the criteria's `deadlines` (time limits applied to the registers).
extension CriteriaReader {
    static let deadlineFields = ["id", "name", "en", "register", "start", "end", "limit", "unit", "item", "deduction", "when"]

    func readDeadlines(_ node: JSON5Node, categories: [Category]?) -> [DeadlineRule] {
        let path = JSON5Path.root.key("deadlines")
        guard let elements = r.array(node, path) else { return [] }
        let ids = IdRegistry(.deadline)
        let items = (categories ?? []).flatMap(\.items).map(\.id)
        let registers = RegisterKind.allCases.map(\.rawValue)
        let units = DeadlineRule.Unit.allCases.map(\.rawValue)
        var rules: [DeadlineRule] = []
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard let object = r.object(element, p, fields: CriteriaReader.deadlineFields,
                                        optional: ["en", "deduction", "when"]) else { continue }
            let id = object["id"].flatMap { idNode in r.identifier(idNode, p.key("id")).flatMap { _ = ids.register($0, idNode, p.key("id"), r); return $0 } }
            let name = object["name"].flatMap { r.string($0, p.key("name")) }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            var register: RegisterKind?
            if let n = object["register"], let text = r.string(n, p.key("register")) {
                register = RegisterKind(rawValue: text)
                if register == nil {
                    r.report(n, p.key("register"), .unknownRegister(text, valid: registers))
                }
            }
            func column(_ key: String) -> String? {
                guard let n = object[key], let text = r.string(n, p.key(key)) else { return nil }
                guard let register else { return text }
                guard register.timeColumns.contains(text) else {
                    r.report(n, p.key(key), .unknownTimeColumn(text, register: register))
                    return nil
                }
                return text
            }
            let start = column("start")
            let end = column("end")
            let limit = object["limit"].flatMap { r.positiveInteger($0, p.key("limit")) }
            var unit: DeadlineRule.Unit?
            if let n = object["unit"], let text = r.string(n, p.key("unit")) {
                unit = DeadlineRule.Unit(rawValue: text)
                if unit == nil {
                    r.report(n, p.key("unit"), .unknownLimitUnit(text, valid: units))
                }
            }
            var item: String?
            if let n = object["item"], let text = r.string(n, p.key("item")) {
                if items.contains(text) { item = text } else if categories != nil {
                    r.report(n, p.key("item"), .unknownDeadlineItem(text))
                }
            }
            let deduction = object.optional("deduction").flatMap { r.nonNegative($0, p.key("deduction")) }
            var when: (column: String, value: Bool)?
            if let n = object.optional("when") {
                let wp = p.key("when")
                if let w = r.object(n, wp, fields: ["column", "is"]),
                   let cn = w["column"], let columnName = r.string(cn, wp.key("column")), let vn = w["is"] {
                    if case .bool(let value) = vn.value {
                        if let register, !register.flagColumns.contains(columnName) {
                            r.report(cn, wp.key("column"), .unknownFlagColumn(columnName, register: register))
                        } else {
                            when = (columnName, value)
                        }
                    } else {
                        r.typeError(vn, wp.key("is"), expectedZh: "true 或 false", expectedEn: "true or false")
                    }
                }
            }
            guard let id, let name, let register, let start, let end, let limit, let unit, let item else { continue }
            rules.append(DeadlineRule(id: id, name: name, en: en, register: register, start: start, end: end,
                                      limit: limit, unit: unit, item: item, deduction: deduction, when: when))
        }
        return rules
    }
}

extension Diagnostic.Message {
    static func unknownRegister(_ text: String, valid: [String]) -> Self {
        .error("criteria.unknown-register", zh: "未知台账 “\(text)”；可选：" + valid.joined(separator: "、"),
               en: "unknown register \"\(text)\"; valid registers: " + valid.joined(separator: ", "))
    }

    /// A deadline's start or end that is not a time column of its register.
    static func unknownTimeColumn(_ text: String, register: RegisterKind) -> Self {
        .error("criteria.unknown-time-column",
               zh: "台账 \(register.rawValue) 没有时间列 “\(text)”；可选：" + register.timeColumns.joined(separator: "、"),
               en: "register \(register.rawValue) has no time column \"\(text)\"; valid columns: " + register.timeColumns.joined(separator: ", "))
    }

    static func unknownLimitUnit(_ text: String, valid: [String]) -> Self {
        .error("criteria.unknown-limit-unit", zh: "未知时限单位 “\(text)”；可选：" + valid.joined(separator: "、"),
               en: "unknown limit unit \"\(text)\"; valid units: " + valid.joined(separator: ", "))
    }

    /// A deadline's item that is not an item of the categories.
    static func unknownDeadlineItem(_ text: String) -> Self {
        .error("criteria.unknown-item", zh: "检查项 “\(text)” 不存在；时限规则须指向 categories 中的检查项 id",
               en: "item \"\(text)\" does not exist; a deadline rule must name an item id from categories")
    }

    /// A deadline's `when.column` that is not a yes/no column of its register.
    static func unknownFlagColumn(_ column: String, register: RegisterKind) -> Self {
        let valid = register.flagColumns.isEmpty ? "—" : register.flagColumns.joined(separator: ", ")
        return .error("criteria.unknown-flag-column", zh: "台账 \(register.rawValue) 没有是/否列 “\(column)”；可选：\(valid)",
                      en: "register \(register.rawValue) has no yes/no column \"\(column)\"; valid columns: \(valid)")
    }
}
