/// Validates `units.csv`: ids and names unique, a group for every unit.
enum UnitsFile {
    static func validate(_ table: DataTable, diagnostics: inout [Diagnostic]) -> (units: [Unit], usage: FileUsage) {
        var units: [Unit] = []
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        var rejected = 0
        for csvRow in table.rows {
            var row = DataTable.Row(table: table, row: csvRow)
            table.checkShape(&row)
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
            guard !row.hasErrors, let id, let name, let group else { rejected += 1; continue }
            seenIDs[id] = csvRow.line
            seenNames[name] = csvRow.line
            units.append(Unit(id: id, name: name, group: group))
        }
        return (units, FileUsage(file: table.name, read: table.rows.count, used: units.count, rejected: rejected))
    }
}
