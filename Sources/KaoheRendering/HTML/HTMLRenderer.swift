import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Lays a ``Document`` out as one self-contained, printable HTML page.
///
/// The page carries its own style sheet (screen and A4 print), uses system fonts only, and has
/// no scripts, images or external references. The markup is also well-formed XML: every
/// element is closed, every attribute quoted, and all text escaped, since unit names and notes
/// come from the user's CSV files.
///
/// Looks (``Document/Kind``): `.plain` for command output, `.report` for the year report (with
/// a contents list), `.bulletin` for the monthly bulletin under a red masthead (文件头).
package enum HTMLRenderer {
    /// Tables with at least this many columns print in a smaller type so they fit A4.
    static let wideColumns = 10
    /// Tables with at most this many columns take only the width they need (at least 60%).
    static let narrowColumns = 4

    package static func render(_ document: Document, language: Language) -> String {
        var out = "<!DOCTYPE html>\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(escape(pageTitle(document)))</title>\n"
        out += "<style>\n\(styleSheet)</style>\n</head>\n"
        out += "<body class=\"\(kindClass(document.kind))\">\n<div class=\"page\">\n"
        out += head(document)
        if case .report = document.kind { out += contents(document, language: language) }
        out += "<main>\n"
        var headingNumber = 0
        var chartNumber = 0
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                headingNumber += 1
                let tag = "h\(min(6, max(1, level) + 1))"
                out += "<\(tag) id=\"h\(headingNumber)\">\(escape(text))</\(tag)>\n"
            case .paragraph(let text):
                out += "<p>\(escape(text))</p>\n"
            case .lines(let lines):
                out += self.lines(lines)
            case .table(let table):
                out += self.table(table)
            case .chart(let chart):
                chartNumber += 1
                out += "<figure class=\"chart\">\n<figcaption>\(escape(chart.title))</figcaption>\n"
                out += SVGChart.render(chart, id: "chart\(chartNumber)")
                out += "</figure>\n"
            case .pageBreak:
                out += "<div class=\"page-break\"></div>\n"
            }
        }
        out += "</main>\n"
        let footer = [document.footer, "kaohe"].compactMap { $0 }.joined(separator: " · ")
        out += "<footer class=\"doc-foot\">\(escape(footer))</footer>\n"
        return out + "</div>\n</body>\n</html>\n"
    }

    static func pageTitle(_ document: Document) -> String {
        [document.title, document.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func kindClass(_ kind: Document.Kind) -> String {
        switch kind {
        case .plain: return "plain"
        case .report: return "report"
        case .bulletin: return "bulletin"
        }
    }

    /// The title and subtitle; a bulletin puts its masthead first and its own title (the
    /// subtitle) in the title's place, with the assessment's name below.
    static func head(_ document: Document) -> String {
        var out = "<header class=\"doc-head\">\n"
        if case .bulletin(let masthead) = document.kind {
            out += "<div class=\"masthead\">\n"
            out += "<p class=\"mast-name\">\(escape(masthead.name))</p>\n"
            out += "<p class=\"mast-issue\">\(escape(masthead.issue))</p>\n"
            out += "<div class=\"mast-meta\"><span class=\"mast-issuer\">\(escape(masthead.issuer))</span>"
            out += "<span class=\"mast-date\">\(escape(masthead.date))</span></div>\n"
            out += "<div class=\"mast-rule\"></div>\n</div>\n"
            out += "<h1 class=\"title\">\(escape(document.subtitle ?? document.title))</h1>\n"
            if document.subtitle != nil { out += "<p class=\"subtitle\">\(escape(document.title))</p>\n" }
        } else {
            out += "<h1 class=\"title\">\(escape(document.title))</h1>\n"
            if let subtitle = document.subtitle { out += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
        }
        return out + "</header>\n"
    }

    /// A contents list of the top-level headings, linked within the page.
    static func contents(_ document: Document, language: Language) -> String {
        var items: [String] = []
        var number = 0
        for block in document.blocks {
            guard case .heading(let text, let level) = block else { continue }
            number += 1
            if level <= 1 { items.append("<li><a href=\"#h\(number)\">\(escape(text))</a></li>") }
        }
        guard items.count > 1 else { return "" }
        return "<nav class=\"contents\">\n<p class=\"contents-title\">\(language == .zh ? "目录" : "Contents")</p>\n<ul>\n"
            + items.joined(separator: "\n") + "\n</ul>\n</nav>\n"
    }

    /// Lines keep their indentation; empty lines keep their space.
    static func lines(_ lines: [Line]) -> String {
        var out = "<div class=\"lines\">\n"
        for line in lines {
            var classes = ["line"]
            switch line.style {
            case .plain: break
            case .error: classes.append("error")
            case .warning: classes.append("warning")
            case .strong: classes.append("strong")
            }
            if line.text.isEmpty { classes.append("blank") }
            let indent = max(0, min(line.indent, 12))
            let style = indent > 0 ? " style=\"margin-left:\(SVGChart.f(Double(indent) * 1.5))em\"" : ""
            out += "<div class=\"\(classes.joined(separator: " "))\"\(style)>\(escape(line.text))</div>\n"
        }
        return out + "</div>\n"
    }

    /// A table with a repeating header row; number columns right-aligned.
    static func table(_ table: Table) -> String {
        let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        let headers = (0..<columns).map { $0 < table.headers.count ? table.headers[$0] : "" }
        let numeric = table.numericColumns(count: columns)
        let classes = (0..<columns).map { column -> String in
            if numeric[column] { return " class=\"num\"" }
            let compact = table.rows.allSatisfy { row in column >= row.count || isCompact(row[column].display) }
            return compact && isCompact(headers[column]) ? " class=\"compact\"" : ""
        }
        let size = columns >= wideColumns ? " class=\"wide\"" : columns <= narrowColumns ? " class=\"narrow\"" : ""
        var out = "<div class=\"table-wrap\">\n<table\(size)>\n"
        if let caption = table.caption { out += "<caption>\(escape(caption))</caption>\n" }
        out += "<thead><tr>"
        for column in 0..<columns {
            out += "<th\(classes[column])>\(escape(headers[column]))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for column in 0..<columns {
                let cell = column < row.count ? row[column] : .text("")
                out += "<td\(classes[column])>\(escape(cell.display))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// A short word (an ID, a date, a status, a unit name) that reads badly when wrapped: no
    /// spaces and at most 16 columns wide, counting a Chinese character as two.
    static func isCompact(_ text: String) -> Bool {
        var width = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { return false }
            width += scalar.value >= 0x2E80 ? 2 : 1
            if width > 16 { return false }
        }
        return true
    }

    /// Escapes text for HTML (and XML) element content and attribute values; characters XML
    /// does not allow (control characters other than tab and line breaks) become U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Screen and A4 print styles; system fonts with Chinese coverage on Windows, macOS and Linux.
    static let styleSheet = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #eceff1; color: #000; font-size: 14px; line-height: 1.6;
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "SimSun", sans-serif; }
    .page { max-width: 210mm; margin: 16px auto; padding: 16mm 15mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
    h1.title { font-size: 22px; line-height: 1.4; text-align: center; margin: 0 0 4px; }
    p.subtitle { text-align: center; font-size: 15px; color: #333; margin: 0 0 18px; }
    h2 { font-size: 18px; margin: 26px 0 10px; padding-bottom: 2px; border-bottom: 2px solid #000; break-after: avoid; }
    h3 { font-size: 15px; margin: 18px 0 8px; break-after: avoid; }
    h4, h5, h6 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; }
    p { margin: 8px 0; }
    nav.contents { margin: 0 0 18px; padding: 6px 14px; border: 1px solid #999; }
    nav.contents .contents-title { font-weight: bold; margin: 2px 0; }
    nav.contents ul { margin: 4px 0; padding-left: 1em; list-style: none; }
    nav.contents a { color: inherit; text-decoration: none; }
    .table-wrap { overflow-x: auto; margin: 10px 0 14px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.35; }
    table.narrow { width: auto; min-width: 60%; }
    caption { caption-side: top; text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border: 1px solid #666; padding: 3px 6px; vertical-align: top; text-align: left; }
    thead { display: table-header-group; }
    thead th { background: #dcdcdc; border-bottom: 2px solid #000; font-weight: bold; }
    tbody tr:nth-child(even) td { background: #f0f0f0; }
    th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    thead th.num { white-space: normal; overflow-wrap: break-word; }
    th.compact, td.compact { white-space: nowrap; }
    tr { break-inside: avoid; }
    caption, thead { break-after: avoid; }
    tbody tr:first-child, tbody tr:nth-child(2), tbody tr:last-child { break-before: avoid; }
    .lines { margin: 8px 0; font-size: 13px; line-height: 1.5; }
    .table-wrap + .lines { break-before: avoid; }
    .line { white-space: pre-wrap; overflow-wrap: anywhere; }
    .line.blank { height: 0.75em; }
    .line.strong { font-weight: bold; }
    .line.error { font-weight: bold; color: #a00000; border-left: 3px solid #a00000; padding-left: 6px; }
    .line.warning { font-style: italic; color: #6b4200; border-left: 3px dotted #6b4200; padding-left: 6px; }
    figure.chart { margin: 14px 0; text-align: center; break-inside: avoid; }
    figure.chart figcaption { font-weight: bold; margin-bottom: 4px; }
    .chart-svg { max-width: 100%; height: auto; font-family: inherit; }
    .page-break { margin: 30px -15mm; border-top: 1px dashed #90a4ae; }
    footer.doc-foot { margin-top: 26px; padding-top: 4px; border-top: 1px solid #999; font-size: 11px; color: #444; }
    body.bulletin .masthead { text-align: center; margin: 0 0 12px; }
    body.bulletin .mast-name { margin: 0; color: #c00000; font-size: 36px; font-weight: bold; letter-spacing: 0.12em; line-height: 1.3;
      font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
    body.bulletin .mast-issue { margin: 6px 0 10px; font-size: 15px; }
    body.bulletin .mast-meta { display: flex; justify-content: space-between; font-size: 14px; padding: 0 2px 3px; }
    body.bulletin .mast-rule { height: 5px; border-top: 3px solid #c00000; border-bottom: 1px solid #c00000; }
    body.bulletin h1.title { margin-top: 18px; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
    body.bulletin main > p { text-indent: 2em; }
    @page { size: A4; margin: 16mm 14mm 18mm 14mm;
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; } }
    @media print {
      body { background: #fff; font-size: 10.5pt; }
      .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      h1.title { font-size: 17pt; }
      h2 { font-size: 13.5pt; }
      h3 { font-size: 11.5pt; }
      table { font-size: 9pt; }
      table.wide { font-size: 7.5pt; }
      table.wide th, table.wide td { padding: 2px 3px; }
      .lines { font-size: 9pt; line-height: 1.4; }
      .table-wrap { overflow: visible; }
      .page-break { break-before: page; margin: 0; border: 0; }
      nav.contents { break-after: avoid; }
      footer.doc-foot { font-size: 8pt; }
      body.bulletin .mast-name { font-size: 28pt; }
    }

    """
}
