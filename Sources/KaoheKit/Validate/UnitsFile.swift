/// Validates `units.csv`: ids and names unique, a group for every unit.
enum UnitsFile {
    /// The valid units, and for rejected rows their id and name → line (so that references to
    /// them elsewhere say where the real fault is instead of "unknown unit").
    static func validate(_ table: DataTable, diagnostics: inout [Diagnostic]) -> (units: [Unit], rejected: [String: Int], usage: FileUsage) {
        var rejectedRefs: [String: Int] = [:]
        var units: [Unit] = []
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        var rejected = 0
        for csvRow in table.rows {
            var row = DataTable.Row(table: table, row: csvRow)
            guard table.checkShape(&row) else {
                diagnostics += row.diagnostics
                rejected += 1
                if let first = csvRow.fields.first?.trimmingSpaces, !first.isEmpty { rejectedRefs[first] = csvRow.line }
                continue
            }
            let id = row.required("id", what: "单位编号", "unit id")
            let name = row.required("name", what: "单位名称", "unit name")
            let group = row.required("group", what: "类别", "group")
            if let id, let first = seenIDs[id] {
                row.error("id", zh: "单位编号 \"\(id)\" 与第 \(first) 行重复；每个单位的编号必须唯一",
                          en: "unit id \"\(id)\" repeats line \(first); every unit needs its own id")
            }
            if let name, let first = seenNames[name] {
                row.error("name", zh: "单位名称 \"\(name)\" 与第 \(first) 行重复；名称必须唯一",
                          en: "unit name \"\(name)\" repeats line \(first); names must be unique")
            }
            diagnostics += row.diagnostics
            guard !row.hasErrors, let id, let name, let group else {
                rejected += 1
                for text in [row.text("id"), row.text("name")] where !text.isEmpty && rejectedRefs[text] == nil {
                    rejectedRefs[text] = csvRow.line
                }
                continue
            }
            seenIDs[id] = csvRow.line
            seenNames[name] = csvRow.line
            units.append(Unit(id: id, name: name, group: group))
        }
        return (units, rejectedRefs, FileUsage(file: table.name, read: table.rows.count, used: units.count, rejected: rejected))
    }
}
