import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Lays a ``Document`` out as plain text: tables aligned by display width, so columns stay
/// straight with Chinese text; charts are left to the HTML report.
package enum TextRenderer {
    package static func render(_ document: Document) -> String {
        let safe = { (text: String) in TerminalText.safe(text) }
        var out = safe(document.title) + "\n"
        if let subtitle = document.subtitle { out += safe(subtitle) + "\n" }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                out += "\n" + (level <= 1 ? safe(text) : "【\(safe(text))】") + "\n"
            case .paragraph(let text):
                out += "\n" + TextWrap.lines(safe(text)).joined(separator: "\n") + "\n"
            case .lines(let lines):
                for line in lines {
                    let prefix = String(repeating: "  ", count: line.indent)
                    out += TextWrap.lines(safe(line.text), first: prefix.count, indent: prefix + "    ")
                        .map { $0.hasPrefix(prefix + "    ") ? $0 : prefix + $0 }.joined(separator: "\n") + "\n"
                }
            case .table(let table):
                out += "\n"
                if let caption = table.caption { out += safe(caption) + "\n" }
                TextTable.render(into: &out, table: table)
            case .chart:
                continue
            case .pageBreak:
                out += "\n"
            }
        }
        return out
    }
}
