import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// CSV for Excel: the document's primary table, UTF-8 with BOM and CRLF line ends (so Excel on
/// a Chinese Windows opens it correctly), one header row, numbers as plain numbers, and text
/// cells that could start a formula neutralised (OWASP CSV-injection advice).
public enum ExcelCSVRenderer {
    public static func render(_ document: Document) -> String {
        guard let table = document.primaryTable else { return "\u{FEFF}" }
        var out = "\u{FEFF}"
        out += table.headers.map { field($0) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                switch cell {
                case .number(let value, let places): return value.formatted(places: places)
                case .integer(let value): return String(value)
                case .text(let text): return field(text)
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Quotes a text field when needed and defuses a leading `=`, `+`, `-`, `@`, tab or carriage return.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if needsQuotes { return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return value
    }
}
