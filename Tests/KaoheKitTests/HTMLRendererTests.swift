import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KaoheKit
@testable import KaoheCLI
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

/// Checks shared by the HTML and SVG tests: well-formed XML, and the samples loaded.
enum MarkupCheck {
    static let samples = ["Samples/demo-2025", "Samples/baoding-demo-2025"]

    static func load(_ sample: String) -> (LoadedData, Dataset, Assessment)? {
        let loaded = DataFolder.load(Repository.path(sample))
        guard let dataset = loaded.dataset, !loaded.hasErrors else { return nil }
        return (loaded, dataset, Assessor.assess(dataset))
    }

    /// The parser's error for `markup` (the doctype line removed), or nil when it is well-formed XML.
    static func xmlError(_ markup: String) -> String? {
        var text = markup
        if text.hasPrefix("<!DOCTYPE html>") { text = String(text.dropFirst("<!DOCTYPE html>".count)) }
        let parser = XMLParser(data: Data(text.utf8))
        let recorder = ErrorRecorder()
        parser.delegate = recorder
        if parser.parse() && recorder.error == nil { return nil }
        return recorder.error ?? parser.parserError.map { "\($0)" } ?? "not well-formed"
    }

    final class ErrorRecorder: NSObject, XMLParserDelegate {
        var error: String?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = error ?? "line \(parser.lineNumber) column \(parser.columnNumber): \(parseError)"
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

@Suite struct HTMLRendererTests {
    /// Every command's HTML for a sample: report, bulletins, grade, explain, rankings, check.
    static func pages(_ sample: String) -> [(name: String, html: String)] {
        guard let (loaded, dataset, assessment) = MarkupCheck.load(sample) else { return [] }
        var pages: [(String, String)] = []
        for language in Language.allCases {
            func add(_ name: String, _ document: Document) {
                pages.append(("\(sample) \(name) \(language)", HTMLRenderer.render(document, language: language)))
            }
            add("report", YearReport.document(assessment, dataset: dataset, quality: loaded.quality, folder: sample, language: language))
            add("bulletin 3", BulletinReport.document(assessment, month: 3, title: dataset.title, language: language))
            add("grade", GradeReport.document(assessment, title: dataset.title, language: language))
            if let unit = assessment.units.first {
                add("explain", ExplainReport.document(assessment, unit: unit, title: dataset.title, language: language))
            }
            add("rank annual", RankReport.annual(assessment, title: dataset.title, language: language))
            let (ranking, scores) = Assessor.periodRanking(dataset, kind: dataset.criteria.checksPeriod, index: 1)
            add("rank period", RankReport.period(ranking, scores: scores, units: dataset.units, criteria: dataset.criteria,
                                                 title: dataset.title, language: language))
            add("check", CheckReport.document(loaded, folder: sample, language: language))
        }
        return pages
    }

    @Test(arguments: MarkupCheck.samples)
    func everyPageIsWellFormedAndScriptFree(sample: String) throws {
        let pages = Self.pages(sample)
        try #require(pages.count == 14, "the sample \(sample) should load without errors")
        for page in pages {
            #expect(MarkupCheck.xmlError(page.html) == nil, "\(page.name): \(MarkupCheck.xmlError(page.html) ?? "")")
            #expect(!page.html.lowercased().contains("<script"), "\(page.name)")
            #expect(page.html.hasPrefix("<!DOCTYPE html>\n<html"))
            #expect(page.html.contains("<meta charset=\"utf-8\"/>"))
            #expect(page.html.contains("@page { size: A4"))
            // Namespace names are the only URLs: no links, fonts, images or style sheets from elsewhere.
            let withoutNamespaces = page.html.replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "")
                .replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:") && !withoutNamespaces.contains("url(http"),
                    "\(page.name) refers to an external resource")
            #expect(!page.html.contains("<link") && !page.html.contains("<img") && !page.html.contains("@import"))
        }
    }

    @Test(arguments: MarkupCheck.samples)
    func reportCommandWritesHTMLWithCharts(sample: String) {
        let output = KaoheCLI.run(["report", Repository.path(sample), "--format", "html"])
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(MarkupCheck.xmlError(output.stdout) == nil)
        #expect(output.stdout.contains("<svg"))
        #expect(output.stdout.contains("class=\"page-break\""))
        #expect(output.stdout.contains("<nav class=\"contents\">"))
        // Bar charts of totals carry the band thresholds as dashed marks.
        #expect(output.stdout.contains("class=\"mark\""))
    }

    @Test func bulletinCommandHasTheRedMasthead() {
        let output = KaoheCLI.run(["bulletin", Repository.path("Samples/demo-2025"), "--month", "3", "--format", "html"])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("<body class=\"bulletin\">"))
        #expect(output.stdout.contains("<p class=\"mast-name\">政务公开工作月通报</p>"))
        #expect(output.stdout.contains("2025年第3期"))
        #expect(output.stdout.contains("class=\"mast-rule\""))
        #expect(MarkupCheck.xmlError(output.stdout) == nil)
    }

    @Test func reportJSONIsTheGradeJSON() {
        let folder = Repository.path("Samples/demo-2025")
        let report = KaoheCLI.run(["report", folder, "--format", "json"])
        let grade = KaoheCLI.run(["grade", folder, "--format", "json"])
        #expect(report.exitCode == 0)
        #expect(report.stdout == grade.stdout)
    }

    @Test func reportRejectsSelections() {
        let output = KaoheCLI.run(["report", Repository.path("Samples/demo-2025"), "--unit", "T01"])
        #expect(output.exitCode == 2)
        #expect(output.stdout.isEmpty)
    }

    @Test func reportCSVStartsWithTheAnnualResultsTable() {
        // The annual results (header and 35 units) first, then an empty row and the rest of the report.
        let output = KaoheCLI.run(["report", Repository.path("Samples/demo-2025"), "--format", "csv"])
        let lines = output.stdout.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("\u{FEFF}编号,单位,类别,") == true)
        #expect(lines.count > 37 && lines[36].isEmpty && !lines[37].isEmpty)
    }

    @Test(arguments: MarkupCheck.samples)
    func reportTextHasEverySection(sample: String) throws {
        let output = KaoheCLI.run(["report", Repository.path(sample), "--format", "text"])
        #expect(output.exitCode == 0)
        for heading in ["一、总体情况", "二、年度排名", "三、", "四、月通报情况", "五、数据质量", "附件一", "附件二"] {
            #expect(output.stdout.contains(heading), "\(heading)")
        }
        let (_, dataset, _) = try #require(MarkupCheck.load(sample))
        for unit in dataset.units {
            #expect(output.stdout.contains("\(unit.id) \(unit.name)（\(unit.group)）"))
        }
        for month in 1...12 { #expect(output.stdout.contains("\(dataset.year)年\(month)月政务公开工作通报")) }
    }

    @Test func hostileTextFromTheDataIsEscaped() throws {
        let (loaded, original, _) = try #require(MarkupCheck.load("Samples/demo-2025"))
        var dataset = original
        let script = "<script>alert(1)</script>"
        let quotes = "\"&'"
        dataset.title = "年度 \(script)"
        dataset.units[0].name = script
        dataset.units[1].name = quotes
        dataset.units[2].name = "a\u{1}b"
        for index in dataset.units.indices where dataset.units[index].group == dataset.units[0].group {
            dataset.units[index].group = "<b>group</b>&"
        }
        if !dataset.failures.isEmpty { dataset.failures[0].note = "</td></tr><script>x()</script>" }
        let assessment = Assessor.assess(dataset)
        let month = dataset.failures.first?.date.month ?? 1
        let documents = [
            YearReport.document(assessment, dataset: dataset, quality: loaded.quality, folder: "<folder>", language: .zh),
            BulletinReport.document(assessment, month: month, title: dataset.title, language: .en),
            GradeReport.document(assessment, title: dataset.title, language: .zh),
        ]
        for document in documents {
            let html = HTMLRenderer.render(document, language: .zh)
            #expect(MarkupCheck.xmlError(html) == nil, "\(MarkupCheck.xmlError(html) ?? "")")
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("<b>group"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        let report = HTMLRenderer.render(documents[0], language: .zh)
        #expect(report.contains("&quot;&amp;&#39;"))
        #expect(report.contains("a\u{FFFD}b"))
        #expect(!report.contains("\u{1}"))
    }

    @Test func blocksAreLaidOut() {
        var document = Document(title: "T & <t>", subtitle: "sub")
        document.footer = "foot"
        document.add(.heading("H", level: 1))
        document.add(.lines([Line("plain"), Line("err", indent: 2, style: .error), Line("warn", style: .warning),
                             Line("bold", style: .strong), Line("")]))
        var table = Table(caption: "cap", headers: ["名称", "分数", "备注"])
        table.add([.text("甲"), .number(ExactDecimal(mantissa: 9550, exponent: 2), places: 2), .text("一段 较长的 备注")])
        table.add([.text("乙"), .text("-"), .text("")])
        table.add([.text("丙"), .integer(7)])
        document.add(.table(table))
        document.add(.pageBreak)
        let html = HTMLRenderer.render(document, language: .en)
        #expect(MarkupCheck.xmlError(html) == nil)
        #expect(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        #expect(html.contains("<title>T &amp; &lt;t&gt; · sub</title>"))
        #expect(html.contains("<div class=\"line error\" style=\"margin-left:3em\">err</div>"))
        #expect(html.contains("<div class=\"line warning\">warn</div>"))
        #expect(html.contains("<div class=\"line strong\">bold</div>"))
        #expect(html.contains("<div class=\"line blank\"></div>"))
        #expect(html.contains("<thead><tr><th class=\"compact\">名称</th><th class=\"num\">分数</th><th>备注</th></tr></thead>"))
        #expect(html.contains("<td class=\"num\">95.50</td>"))
        // A short row is padded to the header's width.
        #expect(html.contains("<tr><td class=\"compact\">丙</td><td class=\"num\">7</td><td></td></tr>"))
        #expect(html.contains("<div class=\"page-break\"></div>"))
        #expect(html.contains("<footer class=\"doc-foot\">foot · kaohe</footer>"))
        #expect(html.contains(".page-break { break-before: page;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\""))
    }

    @Test func theCheckCatchesBrokenMarkup() {
        #expect(MarkupCheck.xmlError("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head></html>") != nil)
        #expect(MarkupCheck.xmlError("<p><b>x</p></b>") != nil)
        #expect(MarkupCheck.xmlError("<p>a & b</p>") != nil)
        #expect(MarkupCheck.xmlError("<p title=x>a</p>") != nil)
        #expect(MarkupCheck.xmlError("<!DOCTYPE html>\n<p class=\"a\">&amp;&#39;</p>") == nil)
    }

    @Test func wideTablesPrintSmaller() {
        let narrow = Table(headers: (1...9).map(String.init))
        let wide = Table(headers: (1...13).map(String.init))
        #expect(!HTMLRenderer.table(narrow).contains("class=\"wide\""))
        #expect(HTMLRenderer.table(wide).contains("<table class=\"wide\">"))
        #expect(HTMLRenderer.table(Table(headers: ["a", "b"])).contains("<table class=\"narrow\">"))
    }
}
