// The row-by-row reading uses KaoheLoad's internals, which only a build compiled for testing
// (every debug build) lets another module reach; a release build compiles this file empty.
#if DEBUG
import KaoheKit
@testable import KaoheLoad

/// Reads `checks.csv` as a whole table (``DataTable/read(path:name:specs:diagnostics:ignored:)``)
/// and validates it row by row, keeping every row's key for duplicates: a simple reading that
/// holds everything in memory, to compare the streaming loader against.
enum ReferenceChecks {
    struct Result {
        var failures: [Failure] = []
        var usage: FileUsage
        var weeks: [String: Set<Int>] = [:]
        var lastDate: CivilDate?
        var duplicates: [DuplicateRow] = []
    }

    static func load(path: String, context: ValidationContext, diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn]) -> Result? {
        guard let table = DataTable.read(path: path, name: "checks.csv", specs: ColumnSpec.checks,
                                         diagnostics: &diagnostics, ignored: &ignored) else { return nil }
        var result = Result(usage: FileUsage(file: table.name, read: table.rows.count, used: 0, rejected: 0))
        var firstLineOf: [String: Int] = [:]
        for csvRow in table.rows {
            var row = DataTable.Row(table: table, row: csvRow)
            let checked = ChecksFile.validate(&row, context: context)
            diagnostics += row.diagnostics
            guard let checked else {
                result.usage.rejected += 1
                continue
            }
            result.usage.used += 1
            let key = [checked.date.description, checked.unit, checked.item ?? "", checked.passed ? "pass" : "fail",
                       checked.deduction?.description ?? "", checked.note, checked.rectified?.description ?? ""]
                .joined(separator: "\u{1F}")
            if let first = firstLineOf[key] {
                result.duplicates.append(DuplicateRow(source: row.source, firstLine: first))
                diagnostics.append(ChecksFile.duplicateWarning(table.path, line: csvRow.line, first: first,
                                                               excerpt: table.excerpt(csvRow.line)))
            } else {
                firstLineOf[key] = csvRow.line
            }
            let week = checked.date.isoWeek
            if week.year == context.year { result.weeks[checked.unit, default: []].insert(week.week) }
            if result.lastDate.map({ checked.date > $0 }) ?? true { result.lastDate = checked.date }
            if !checked.passed, let item = checked.item {
                result.failures.append(Failure(date: checked.date, unit: checked.unit, item: item,
                                               deduction: checked.deduction ?? context.defaultDeduction[item] ?? .zero,
                                               note: checked.note, rectified: checked.rectified, source: row.source))
            }
        }
        return result
    }

    /// What differs between the streaming loader's reading of `path` with `options` and this
    /// row-by-row reading, or nil when they agree. Past ``ChecksFile/maxDiagnostics``
    /// diagnostics the two differ by design (the streaming loader counts the rest): nil then.
    static func mismatch(path: String, context: ValidationContext, options: ChecksFile.Options) -> String? {
        var newDiagnostics: [Diagnostic] = []
        var newIgnored: [IgnoredColumn] = []
        let new = ChecksFile.load(path: path, name: "checks.csv", context: context, diagnostics: &newDiagnostics,
                                  ignored: &newIgnored, options: options)
        var oldDiagnostics: [Diagnostic] = []
        var oldIgnored: [IgnoredColumn] = []
        let old = load(path: path, context: context, diagnostics: &oldDiagnostics, ignored: &oldIgnored)
        guard oldDiagnostics.count <= ChecksFile.maxDiagnostics else { return nil }
        // The same problem on many rows is listed a few times and then counted, in both readings.
        var list = DiagnosticList(limit: ChecksFile.maxDiagnostics)
        list.append(contentsOf: oldDiagnostics)
        oldDiagnostics = list.all(path)
        if newDiagnostics != oldDiagnostics { return "diagnostics differ from the row-by-row reading" }
        if newIgnored != oldIgnored { return "ignored columns differ" }
        if (new == nil) != (old == nil) { return "one reading refused the file" }
        guard let new, let old else { return nil }
        if Array(new.failures) != old.failures { return "failed checks differ" }
        if new.usage != old.usage { return "usage differs" }
        if new.duplicates != old.duplicates { return "duplicates differ" }
        if new.lastDate != old.lastDate { return "last date differs" }
        for (u, unit) in context.units.entries.enumerated() {
            let weeks = (1...53).filter { new.weeks[u] & (1 << UInt64($0)) != 0 }
            if weeks != (old.weeks[unit.id].map { $0.sorted() } ?? []) { return "weeks of \(unit.id) differ" }
        }
        return nil
    }
}

#endif
