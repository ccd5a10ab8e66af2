import KaoheModel
import KaoheInput
extension DataTable {
    /// Validates every row with `validate`, which reads the row's fields, records its faults on
    /// the row and returns the record it makes. A row of the wrong shape is rejected with that
    /// one error; a row with any error is rejected; every row is counted as used or rejected.
    /// The file's diagnostics are listed up to ``DataTable/maxDiagnostics``, errors first, and
    /// the rest counted.
    func validateRows<Record>(diagnostics: inout [Diagnostic],
                              onShapeError: (CSVRow) -> Void = { _ in },
                              _ validate: (inout Row) -> Record?) -> (records: [Record], usage: FileUsage) {
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        var rejected = 0
        var list = DiagnosticList(limit: DataTable.maxDiagnostics)
        for csvRow in rows {
            var row = Row(table: self, row: csvRow)
            guard checkShape(&row) else {
                list.append(contentsOf: row.diagnostics)
                rejected += 1
                onShapeError(csvRow)
                continue
            }
            let record = validate(&row)
            list.append(contentsOf: row.diagnostics)
            if let record, !row.hasErrors { records.append(record) } else { rejected += 1 }
        }
        diagnostics += list.all(path)
        return (records, FileUsage(file: name, read: rows.count, used: records.count, rejected: rejected))
    }
}
