/// Lays a ``Document`` out as one self-contained, printable HTML page.
public enum HTMLRenderer {
    public static func render(_ document: Document, language: Language) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escape(document.title))</title>\n</head>\n<body>\n<h1>\(escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { out += "<p>\(escape(subtitle))</p>\n" }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level): out += "<h\(min(6, level + 1))>\(escape(text))</h\(min(6, level + 1))>\n"
            case .paragraph(let text): out += "<p>\(escape(text))</p>\n"
            case .lines(let lines): out += "<pre>" + lines.map { String(repeating: "  ", count: $0.indent) + escape($0.text) }.joined(separator: "\n") + "</pre>\n"
            case .table(let table):
                out += "<table>\n"
                if let caption = table.caption { out += "<caption>\(escape(caption))</caption>\n" }
                out += "<tr>" + table.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                for row in table.rows { out += "<tr>" + row.map { "<td>\(escape($0.display))</td>" }.joined() + "</tr>\n" }
                out += "</table>\n"
            case .chart, .pageBreak: continue
            }
        }
        return out + "</body>\n</html>\n"
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
