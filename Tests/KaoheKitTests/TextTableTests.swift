import Testing
import KaoheKit
@testable import KaoheCLI
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering

@Suite struct TextTableTests {
    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("青石镇") == 6)
        #expect(DisplayWidth.of("区自然资源分局") == 14)
        #expect(DisplayWidth.of("（否决）") == 8)       // full-width brackets
        #expect(DisplayWidth.of("Ａ１") == 4)           // full-width Latin and digits
        #expect(DisplayWidth.of("e\u{301}") == 1)      // combining accent takes no column
        #expect(DisplayWidth.of("92.83") == 5)
    }

    @Test func columnsStayAlignedWithChineseNames() {
        var table = TextTable(headers: ["编号", "单位", "总分"], alignments: [.left, .left, .right])
        table.add(["T01", "青石镇", "88.49"])
        table.add(["D25", "区行政审批服务局", "100.00"])
        table.add(["X1", "Riverside", "7.50"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        // Every line ends at the same display column, and the score column is right-aligned.
        let widths = lines.map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1, "\(widths)")
        #expect(lines[2].hasSuffix(" 88.49"))
        #expect(lines[3].hasSuffix("100.00"))
        // The unit column starts at the same display offset on every line.
        let offsets = lines.map { line -> Int in
            let prefix = line.prefix { $0 != " " }
            return DisplayWidth.of(prefix) + (line.dropFirst(prefix.count).prefix { $0 == " " }.count)
        }
        #expect(Set(offsets).count == 1, "\(offsets)")
    }

    @Test func textRendererRightAlignsNumberColumns() {
        var document = Document(title: "标题")
        document.add(.table(Table(headers: ["单位", "得分"], rows: [[.text("青石镇"), .number(ExactDecimal("9.5")!, places: 2)],
                                                                  [.text("区统计局"), .number(ExactDecimal("100")!, places: 2)]])))
        let text = TextRenderer.render(document)
        #expect(text == """
            标题

            单位        得分
            --------  ------
            青石镇      9.50
            区统计局  100.00

            """)
    }
}

@Suite struct ExcelCSVTests {
    @Test func formulaLikeTextIsNeutralised() {
        #expect(ExcelCSVRenderer.field("=SUM(A1:A2)") == "'=SUM(A1:A2)")
        #expect(ExcelCSVRenderer.field("+86 123") == "'+86 123")
        #expect(ExcelCSVRenderer.field("-2") == "'-2")
        #expect(ExcelCSVRenderer.field("@cmd") == "'@cmd")
        #expect(ExcelCSVRenderer.field("\tx") == "'\tx")
        #expect(ExcelCSVRenderer.field("\rx") == "\"'\rx\"")
        #expect(ExcelCSVRenderer.field("青石镇") == "青石镇")
        #expect(ExcelCSVRenderer.field("a,b") == "\"a,b\"")
        #expect(ExcelCSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func fileHasBOMAndCRLFAndNumbersStayNumbers() {
        var document = Document(title: "t")
        document.add(.table(Table(headers: ["单位", "得分", "名次"],
                                  rows: [[.text("=HYPERLINK(\"x\")"), .number(ExactDecimal("-1.5")!, places: 2), .integer(3)]],
                                  primary: true)))
        let csv = ExcelCSVRenderer.render(document)
        #expect(csv == "\u{FEFF}单位,得分,名次\r\n\"'=HYPERLINK(\"\"x\"\")\",-1.50,3\r\n")
    }

    @Test func groupedTablesJoinWithAKeyColumn() {
        var document = Document(title: "t")
        document.add(.table(Table(caption: "A", headers: ["单位"], rows: [[.text("甲")]], primary: true, key: ("类别", "镇街"))))
        document.add(.table(Table(caption: "B", headers: ["单位"], rows: [[.text("乙")]], primary: true, key: ("类别", "部门"))))
        #expect(ExcelCSVRenderer.render(document) == "\u{FEFF}类别,单位\r\n镇街,甲\r\n部门,乙\r\n")
    }
}

@Suite struct MarkdownTests {
    @Test func tablesEscapePipesAndAlignNumbers() {
        var document = Document(title: "年度 *结果*")
        document.add(.table(Table(headers: ["单位", "得分"], rows: [[.text("a|b"), .number(ExactDecimal("90")!, places: 2)]])))
        let md = MarkdownRenderer.render(document)
        #expect(md == """
            # 年度 \\*结果\\*

            | 单位 | 得分 |
            | --- | ---: |
            | a\\|b | 90.00 |

            """)
    }
}

@Suite struct TerminalTests {
    @Test func colourOnlyOnTerminalsWithoutNoColor() {
        #expect(Terminal.detect(environment: [:], stdoutIsTerminal: true, stderrIsTerminal: false) == Terminal(stdoutColor: true))
        #expect(Terminal.detect(environment: ["NO_COLOR": "1"], stdoutIsTerminal: true, stderrIsTerminal: true) == .plain)
        #expect(Terminal.detect(environment: ["TERM": "dumb"], stdoutIsTerminal: true, stderrIsTerminal: true) == .plain)
        #expect(Terminal.detect(environment: ["NO_COLOR": ""], stdoutIsTerminal: false, stderrIsTerminal: true) == Terminal(stderrColor: true))
    }

    @Test func diagnosticsAreColouredOnlyWhenAsked() {
        let d = Diagnostic(.error("csv.quote-in-field", zh: "错", en: "bad"), file: "checks.csv", line: 2, column: 3, excerpt: "ab青c")
        #expect(DiagnosticText.render(d, language: .en) == "checks.csv:2:3: error: bad\n 2 | ab青c\n   |   ^\n")
        let coloured = DiagnosticText.render(d, language: .en, color: true)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
    }
}
