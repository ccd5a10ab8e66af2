import KaoheModel
import KaoheInput
/// Validates `units.csv`: ids and names unique, a group for every unit.
enum UnitsFile {
    /// The valid units, and for rejected rows their id and name → line (so that references to
    /// them elsewhere say where the real fault is instead of "unknown unit").
    static func validate(_ table: DataTable, diagnostics: inout [Diagnostic]) -> (units: [Unit], rejected: [String: Int], usage: FileUsage) {
        var rejectedRefs: [String: Int] = [:]
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
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

    static func duplicateUnitName(_ name: String, first: Int) -> Self {
        .error("units.duplicate-name", zh: "单位名称 \"\(name)\" 与第 \(first) 行重复；名称必须唯一",
               en: "unit name \"\(name)\" repeats line \(first); names must be unique")
    }
}
