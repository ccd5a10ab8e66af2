import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Lays a ``Document`` out as Markdown: pipe tables (numbers right-aligned), headings, and
/// line blocks as fenced text so their indentation survives.
package enum MarkdownRenderer {
    package static func render(_ document: Document) -> String {
        var out = "# \(escape(document.title))\n"
        if let subtitle = document.subtitle { out += "\n**\(escape(subtitle))**\n" }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                out += "\n" + String(repeating: "#", count: min(6, level + 1)) + " \(escape(text))\n"
            case .paragraph(let text):
                out += "\n\(escape(text))\n"
            case .lines(let lines):
                guard !lines.isEmpty else { continue }
                out += "\n```text\n"
                for line in lines {
                    let text = TerminalText.safe(line.text, singleLine: true).replacingOccurrences(of: "```", with: "'''")
                    out += String(repeating: "  ", count: line.indent) + text + "\n"
                }
                out += "```\n"
            case .table(let table):
                out += "\n"
                if let caption = table.caption { out += "**\(escape(caption))**\n\n" }
                out += "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + table.numericColumns().map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
                for row in table.rows {
                    let cells = table.headers.indices.map { $0 < row.count ? cell(row[$0].display) : "" }
                    out += "| " + cells.joined(separator: " | ") + " |\n"
                }
            case .chart:
                continue
            case .pageBreak:
                out += "\n---\n"
            }
        }
        return out
    }

    /// A table cell: pipes escaped, line breaks (CRLF, LF or a lone CR) as `<br>`.
    static func cell(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return lines.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escape(String($0)).replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: "<br>")
    }

    /// Escapes the characters that would start Markdown or HTML markup inside text (entities
    /// and fences included); a line break becomes a space, so text stays in its block, and
    /// control characters are shown as escapes.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in TerminalText.safe(text, singleLine: false) {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "&", "~": out += "\\\(ch)"
            case "\n", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
