import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// A plain-text table whose columns stay aligned with Chinese text (widths by display width).
package struct TextTable: Sendable {
    package enum Alignment: Sendable { case left, right }

    package var headers: [String]
    package var alignments: [Alignment]
    package var rows: [[String]] = []

    package init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    package mutating func add(_ row: [String]) { rows.append(row) }

    /// The table with a rule under the header; columns separated by two spaces; no trailing spaces.
    package func render() -> String {
        var out = ""
        TextTable.render(into: &out, headers: headers, alignments: alignments, count: rows.count) { rows[$0] }
        return out
    }

    /// Appends a table to `out` whose `count` rows are made by `row` when needed (twice: once
    /// for the column widths, once for the text), so a long table is never held whole.
    static func render(into out: inout String, headers: [String], alignments: [Alignment], count: Int,
                       row: (Int) -> [String]) {
        let cellText = { (text: String) in TerminalText.safe(text, singleLine: true) }
        var widths = headers.map { DisplayWidth.of(cellText($0)) }
        for r in 0..<count {
            for (i, cell) in row(r).prefix(headers.count).enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cellText(cell))) }
        }
        write(into: &out, headers: headers, alignments: alignments, widths: widths, count: count, row: row)
    }

    /// Appends a document's table to `out`, its rows read twice: for the column widths and
    /// alignments (numbers to the right), then for the text.
    static func render(into out: inout String, table: Table) {
        let columns = table.headers.count
        var widths = table.headers.map { DisplayWidth.of(TerminalText.safe($0, singleLine: true)) }
        var numeric = Array(repeating: TableRows.Numeric.unknown, count: columns)
        for row in table.rows {
            TableRows.note(row, into: &numeric)
            for (i, cell) in row.prefix(columns).enumerated() {
                widths[i] = max(widths[i], DisplayWidth.of(TerminalText.safe(cell.display, singleLine: true)))
            }
        }
        write(into: &out, headers: table.headers, alignments: numeric.map { $0 == .yes ? .right : .left }, widths: widths,
              count: table.rows.count) { table.rows[$0].map(\.display) }
    }

    /// The widest a table is laid out: a terminal of 100 columns (Chinese characters count two).
    package static let maxWidth = 100

    /// Column widths that fit ``maxWidth``: the widest columns give up columns, one at a time,
    /// down to 6; their longer cells and headers are then cut with `…` (the full text is in
    /// `--format md`, `csv` and `json`).
    static func fitted(_ widths: [Int]) -> [Int] {
        var widths = widths
        func total() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        while total() > maxWidth, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        return widths
    }

    private static func write(into out: inout String, headers: [String], alignments: [Alignment], widths: [Int],
                              count: Int, row: (Int) -> [String]) {
        let widths = fitted(widths)
        let columns = headers.count
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columns {
                // Control characters shown as escapes, so a cell cannot move the cursor or break the row.
                let cell = DisplayWidth.truncate(i < cells.count ? TerminalText.safe(cells[i], singleLine: true) : "", to: widths[i])
                parts.append(DisplayWidth.pad(cell, to: widths[i], right: alignments.indices.contains(i) && alignments[i] == .right))
            }
            return TextTable.trimTrailing(parts.joined(separator: "  "))
        }
        out.reserveCapacity(out.utf8.count + (widths.reduce(0, +) + 2 * columns + 1) * (count + 2))
        out += line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in 0..<count {
            out += line(row(r))
            out += "\n"
        }
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
