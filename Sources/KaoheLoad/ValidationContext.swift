import KaoheModel
import KaoheInput
/// What row validators need to know: the year, the criteria and the units.
struct ValidationContext {
    let year: Int
    let criteria: Criteria
    let units: References
    let items: References
    let components: References
    /// Item id → its category's points (a deduction may not exceed them).
    let categoryPoints: [String: ExactDecimal]
    /// Item id → default deduction.
    let defaultDeduction: [String: ExactDecimal]

    /// Ids and names of rows rejected in units.csv → their line.
    let rejectedUnits: [String: Int]
    /// Unit id → the item ids of its exempt categories (不适用); a failed check of one is an error.
    let exemptItems: [String: Set<String>]
    /// Whether units.csv could be read: when not, the other files are still checked, their unit
    /// references taken as written (``unit(_:column:)`` accepts any non-empty text).
    let unitsVerified: Bool

    init(year: Int, criteria: Criteria, units: [Unit], rejectedUnits: [String: Int] = [:], unitsVerified: Bool = true) {
        self.year = year
        self.unitsVerified = unitsVerified
        self.rejectedUnits = rejectedUnits
        self.criteria = criteria
        self.units = References(units.map { .init(id: $0.id, name: $0.name) })
        self.items = References(criteria.items.map { .init(id: $0.item.id, name: $0.item.name) })
        self.components = References(criteria.components.map { .init(id: $0.id, name: $0.name) })
        var points: [String: ExactDecimal] = [:]
        var deductions: [String: ExactDecimal] = [:]
        for (category, item) in criteria.items {
            points[item.id] = criteria.categories[category].points
            deductions[item.id] = item.deduction
        }
        categoryPoints = points
        defaultDeduction = deductions
        var exempt: [String: Set<String>] = [:]
        for unit in units where !unit.exempt.isEmpty {
            exempt[unit.id] = Set(criteria.categories.filter { unit.exempt.contains($0.id) }.flatMap(\.items).map(\.id))
        }
        exemptItems = exempt
    }

    /// The category an exempt item of `unit` belongs to, when `item` is one.
    func exemptCategory(unit: String, item: String) -> String? {
        guard let items = exemptItems[unit], items.contains(item) else { return nil }
        return criteria.categories.first { $0.items.contains { $0.id == item } }?.id
    }

    /// Resolves the row's unit column, recording an error with a suggestion when unknown.
    func unit(_ row: inout DataTable.Row, column: String = "unit") -> String? {
        guard let text = row.required(column, what: "单位", "unit") else { return nil }
        if let id = units.resolve(text) { return id }
        if !unitsVerified { return text }
        if let line = rejectedUnits[text] {
            row.report(column, .unitRowRejected(text, line: line))
            return nil
        }
        row.report(column, .unknownUnit(text, hint: row.table.suggestions.take() ? units.hint(for: text) : ("", "")))
        return nil
    }

    /// Resolves an item by id or exact name.
    func item(_ row: inout DataTable.Row, _ text: String) -> String? {
        if let id = items.resolve(text) { return id }
        row.report("item", .unknownItem(text, criteria: criteria.id,
                                          hint: row.table.suggestions.take() ? items.hint(for: text) : ("", "")))
        return nil
    }
}

extension Diagnostic.Message {
    /// A unit that is neither an id nor a name in units.csv; `hint` suggests the closest.
    static func unknownUnit(_ text: String, hint: (zh: String, en: String)) -> Self {
        .error("field.unknown-unit", zh: "未知单位 \"\(text)\"；单位须为 units.csv 中的编号或名称\(hint.zh)",
               en: "unknown unit \"\(text)\"; use an id or name from units.csv\(hint.en)")
    }

    /// A unit whose own row in units.csv (`line`) was rejected.
    static func unitRowRejected(_ text: String, line: Int) -> Self {
        .error("field.unit-row-rejected", zh: "单位 \"\(text)\" 所在的 units.csv 第 \(line) 行有错误；请先修正该行",
               en: "unit \"\(text)\" is on line \(line) of units.csv, which has errors; fix that line first")
    }

    /// A check item that is neither an id nor a name in the criteria.
    static func unknownItem(_ text: String, criteria: String, hint: (zh: String, en: String)) -> Self {
        .error("field.unknown-item", zh: "未知检查项 \"\(text)\"；检查项须为评分标准 \(criteria) 中的编号或名称\(hint.zh)",
               en: "unknown check item \"\(text)\"; use an item id or name from the criteria \(criteria)\(hint.en)")
    }
}
