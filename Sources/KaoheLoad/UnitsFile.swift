import KaoheModel
import KaoheInput
/// Validates `units.csv`: ids and names unique, no name that is another unit's id (a reference
/// to it would be ambiguous), a group for every unit.
enum UnitsFile {
    /// The valid units, and for rejected rows their id and name → line (so that references to
    /// them elsewhere say where the real fault is instead of "unknown unit").
    static func validate(_ table: DataTable, diagnostics: inout [Diagnostic]) -> (units: [Unit], rejected: [String: Int], usage: FileUsage) {
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
            guard !row.hasErrors, let id, let name, let group else {
                remember([row.text("id"), row.text("name")], line: row.row.line)
                return nil
            }
            seenIDs[id] = row.row.line
            seenNames[name] = row.row.line
            return Unit(id: id, name: name, group: group)
        }
        return (units, rejectedRefs, usage)
    }
}

extension Diagnostic.Message {
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
