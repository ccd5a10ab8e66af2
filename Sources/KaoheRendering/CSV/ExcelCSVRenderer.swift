import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// CSV for Excel: UTF-8 with BOM and CRLF line ends (so Excel on a Chinese Windows opens it
/// correctly), numbers as plain numbers, and text cells that could start a formula neutralised
/// (OWASP CSV-injection advice). The document's primary table comes first, with its header
/// row; then, after an empty row, the rest of the document in order — other tables under their
/// captions, headings, paragraphs and lines one cell a row — so nothing is dropped. A missing
/// value (`-` in text) is an empty cell.
package enum ExcelCSVRenderer {
    package static func render(_ document: Document) -> String {
        var out = "\u{FEFF}"
        let primary = document.primaryTable
        if let primary { table(primary, into: &out) }
        // The tables already written as the primary one: those marked so, else the first.
        let anyPrimary = document.blocks.contains { if case .table(let t) = $0 { return t.primary } else { return false } }
        let firstTable = document.blocks.firstIndex { if case .table = $0 { return true } else { return false } }
        var rest = ""
        // A document of text alone (the audit trail) starts with what it is about.
        if primary == nil, let subtitle = document.subtitle, !subtitle.isEmpty { rest += field(subtitle) + "\r\n" }
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .table(let t):
                if anyPrimary ? t.primary : index == firstTable { continue }
                if !rest.isEmpty { rest += "\r\n" }
                if let caption = t.caption { rest += field(caption) + "\r\n" }
                table(t, into: &rest)
            case .heading(let text, _), .paragraph(let text):
                if !text.isEmpty { rest += field(text) + "\r\n" }
            case .lines(let lines):
                for line in lines where !line.text.isEmpty {
                    // A list bullet is left out: a cell starting with "-" would read as a formula.
                    let text = line.text.hasPrefix("- ") ? String(line.text.dropFirst(2)) : line.text
                    rest += field(String(repeating: "  ", count: line.indent) + text) + "\r\n"
                }
            case .chart, .pageBreak:
                continue
            }
        }
        if !rest.isEmpty {
            if primary != nil { out += "\r\n" }
            out += rest
        }
        return out
    }

    private static func table(_ table: Table, into out: inout String) {
        out += table.headers.map { field($0) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                switch cell {
                case .number(let value, let places): return value.formatted(places: places)
                case .integer(let value): return String(value)
                case .date(let value): return value.description
                case .text(let text): return text == "-" ? "" : field(text)
                }
            }.joined(separator: ",") + "\r\n"
        }
    }

    /// Quotes a text field when needed and defuses a leading `=`, `+`, `-`, `@`, tab or carriage return.
    package static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if needsQuotes { return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return value
    }
}
