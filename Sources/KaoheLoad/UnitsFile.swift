import KaoheModel
import KaoheInput
/// Validates `units.csv`: ids and names unique, no name that is another unit's id (a reference
/// to it would be ambiguous), a group for every unit.
enum UnitsFile {
    /// The valid units, and for rejected rows their id and name → line (so that references to
    /// them elsewhere say where the real fault is instead of "unknown unit").
    static func validate(_ table: DataTable, criteria: Criteria, diagnostics: inout [Diagnostic])
        -> (units: [Unit], rejected: [String: Int], usage: FileUsage) {
        var rejectedRefs: [String: Int] = [:]
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        // Every id written in the file, with its first line: a name may not be another row's id.
        var idLines: [String: Int] = [:]
        if let idColumn = table.header.index["id"] {
            for row in table.rows where idColumn < row.fields.count {
                let id = row.fields[idColumn].trimmingSpaces
                if !id.isEmpty && idLines[id] == nil { idLines[id] = row.line }
            }
        }
        func remember(_ texts: [String], line: Int) {
            for text in texts where !text.isEmpty && rejectedRefs[text] == nil { rejectedRefs[text] = line }
        }
        let (units, usage) = table.validateRows(diagnostics: &diagnostics, onShapeError: { csvRow in
            remember([csvRow.fields.first?.trimmingSpaces ?? ""], line: csvRow.line)
        }) { row -> Unit? in
            let id = row.required("id", what: "单位编号", "unit id")
            let name = row.required("name", what: "单位名称", "unit name")
            let group = row.required("group", what: "类别", "group")
            if let id, let first = seenIDs[id] {
                row.report("id", .duplicateUnitID(id, first: first))
            }
            if let name, let first = seenNames[name] {
                row.report("name", .duplicateUnitName(name, first: first))
            }
            if let name, name != id, let other = idLines[name], other != row.row.line {
                row.report("name", .nameIsAnotherUnitsID(name, line: other))
            }
            let exempt = exemptCategories(&row, criteria: criteria)
            guard !row.hasErrors, let id, let name, let group else {
                remember([row.text("id"), row.text("name")], line: row.row.line)
                return nil
            }
            seenIDs[id] = row.row.line
            seenNames[name] = row.row.line
            return Unit(id: id, name: name, group: group, exempt: exempt)
        }
        return (units, rejectedRefs, usage)
    }

    /// The `exempt` column: category ids separated by `;` or `；` (不适用的类别).
    static func exemptCategories(_ row: inout DataTable.Row, criteria: Criteria) -> [String] {
        let text = row.text("exempt")
        guard !text.isEmpty else { return [] }
        let ids = text.split(whereSeparator: { $0 == ";" || $0 == "；" })
            .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let known = criteria.categories.map(\.id)
        var exempt: [String] = []
        for id in ids {
            if let category = criteria.categories.first(where: { $0.id == id || $0.name == id }) {
                if !exempt.contains(category.id) { exempt.append(category.id) }
            } else {
                row.report("exempt", .unknownExemptCategory(id, known: known))
            }
        }
        if !known.isEmpty, exempt.count == known.count {
            row.report("exempt", .everyCategoryExempt)
        }
        return exempt
    }
}

extension Diagnostic.Message {
    /// An `exempt` entry that is not a category of the criteria.
    static func unknownExemptCategory(_ text: String, known: [String]) -> Self {
        known.isEmpty
            ? .error("units.unknown-exempt-category", zh: "不适用类别 \"\(text)\" 无从适用：本方案没有日常检查类别；请清空 exempt 列",
                     en: "exempt category \"\(text)\" cannot apply: this scheme has no check categories; empty the exempt column")
            : .error("units.unknown-exempt-category", zh: "未知的不适用类别 \"\(text)\"；可用的类别编号：\(known.joined(separator: ", "))，多个用分号隔开",
                     en: "unknown exempt category \"\(text)\"; known category ids: \(known.joined(separator: ", ")), separated by semicolons")
    }

    /// Every category exempt: no period score is left to rescale.
    static var everyCategoryExempt: Self {
        .error("units.every-category-exempt", zh: "所有类别都不适用，无法计算日常考核得分；至少保留一个适用的类别",
               en: "every category is exempt, so no period score can be computed; leave at least one category that applies")
    }

    static func duplicateUnitID(_ id: String, first: Int) -> Self {
        .error("units.duplicate-id", zh: "单位编号 \"\(id)\" 与第 \(first) 行重复；每个单位的编号必须唯一",
               en: "unit id \"\(id)\" repeats line \(first); every unit needs its own id")
    }

    /// A name that is the id of another unit: `U2` in a data file could mean either.
    static func nameIsAnotherUnitsID(_ name: String, line: Int) -> Self {
        .error("units.name-is-another-id",
               zh: "单位名称 \"\(name)\" 与第 \(line) 行单位的编号相同，其他文件引用 \"\(name)\" 时无法区分是哪个单位；请修改名称或编号",
               en: "unit name \"\(name)\" is the id of the unit on line \(line), so a reference to \"\(name)\" in another file could mean either; change the name or the id")
    }

    static func duplicateUnitName(_ name: String, first: Int) -> Self {
        .error("units.duplicate-name", zh: "单位名称 \"\(name)\" 与第 \(first) 行重复；名称必须唯一",
               en: "unit name \"\(name)\" repeats line \(first); names must be unique")
    }
}
