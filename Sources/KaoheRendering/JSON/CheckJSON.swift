import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `check --format json`: every diagnostic and the data-quality summary.
package enum CheckJSON {
    package static func render(_ loaded: LoadedData, language: Language) -> JSONValue {
        let q = loaded.quality
        return .object([
            ("errors", .int(loaded.errorCount)),
            ("warnings", .int(loaded.warningCount)),
            ("diagnostics", .array(loaded.diagnostics.map { d in
                var fields: [(String, JSONValue)] = [
                    ("file", .string(d.file)),
                    ("line", .optional(d.line)),
                    ("column", .optional(d.column)),
                ]
                // A workbook's cell (`检查记录!C17`); line and column are its row and column.
                if let cell = d.cell { fields.append(("cell", .string(cell))) }
                fields += [("severity", .string(d.severity.rawValue)), ("message", .string(d.message.text(language)))]
                return .object(fields)
            })),
            ("quality", .object([
                ("files", .array(q.files.map { f in
                    .object([("file", .string(f.file)), ("read", .int(f.read)), ("used", .int(f.used)), ("rejected", .int(f.rejected))])
                })),
                ("missingWeeks", .array(q.missingWeeks.map { g in
                    .object([("unit", .string(g.unit)), ("weeks", .array(g.weeks.map(JSONValue.int)))])
                })),
                ("neverChecked", .array(q.neverChecked.map(JSONValue.string))),
                ("duplicates", .array(q.duplicates.map { .object([("row", .string($0.source.description)), ("sameAs", .int($0.firstLine))]) })),
                ("ignoredColumns", .array(q.ignoredColumns.map {
                    .object([("file", .string($0.file)), ("column", .int($0.column)), ("header", .string($0.header))])
                })),
                ("registers", .array(q.registers.map {
                    .object([("file", .string($0.file)), ("checked", .int($0.checked)), ("onTime", .int($0.onTime)),
                             ("late", .int($0.late)), ("pending", .int($0.pending))])
                })),
            ])),
        ])
    }
}
