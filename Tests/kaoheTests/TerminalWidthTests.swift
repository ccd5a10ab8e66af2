import Foundation
import Testing
import KaoheKit
import KaoheCLI
@testable import KaoheRendering

/// Text output fits a terminal of 100 columns, Chinese characters counted two: tables give up
/// width from their widest columns (cells cut with …, the full text is in md, csv and json), and
/// paragraphs, lines and diagnostics wrap.
@Suite struct TerminalWidthTests {
    static let commands: [[String]] = [
        ["check"], ["grade"], ["rank", "--quarter", "2"], ["rank", "--annual"], ["bulletin", "--month", "3"],
        ["simulate", "--margins"], ["simulate", "--veto", "T01"], ["grade", "--unit", "T06", "--explain"], ["report"],
    ]

    @Test(arguments: ["Samples/demo-2025", "Samples/baoding-demo-2025"], ["zh", "en"])
    func everyLineFitsAHundredColumns(sample: String, language: String) {
        for command in TerminalWidthTests.commands {
            var arguments = [command[0], sample] + command.dropFirst() + ["--lang", language]
            if sample.contains("baoding"), command.contains("--quarter") { arguments = ["rank", sample, "--half", "1", "--lang", language] }
            if sample.contains("baoding"), command.contains("T06") { continue }
            if sample.contains("baoding"), command.contains("T01") { continue }
            let output = Golden.run(arguments)
            for line in (output.stdout + output.stderr).split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 100, "\(arguments.joined(separator: " ")): \(line)")
            }
        }
    }

    @Test func wrappingKeepsWordsAndPathsWhole() {
        let path = "/a/very/long/folder/name/that/goes/on/checks.csv"
        let lines = TextWrap.lines("see \(path) now", width: 30)
        #expect(lines.contains(path))
        #expect(TextWrap.lines("青石镇有三周没有检查记录", width: 10) == ["青石镇有三", "周没有检查", "记录"])
        #expect(DisplayWidth.truncate("柳河街道办事处", to: 7) == "柳河街…")
    }

    /// Line-breaking rules of Chinese text: a line never starts with a closing mark nor ends with
    /// an opening one; the mark moves with the character next to it.
    @Test func wrappingKeepsPunctuationWithItsNeighbour() {
        // Width 10 would cut after 五 and start the next line with "）" or "，".
        #expect(TextWrap.lines("一二三四五）六七八九", width: 10) == ["一二三四", "五）六七八", "九"])
        #expect(TextWrap.lines("一二三四五，六七八九", width: 10) == ["一二三四", "五，六七八", "九"])
        // "（" at the end of a line goes down with what it opens.
        #expect(TextWrap.lines("一二三四（五六七八", width: 10) == ["一二三四", "（五六七八"])
        // A line cut at a space keeps no trailing space.
        #expect(TextWrap.lines("至多 10 位）", width: 8) == ["至多 10", "位）"])
        for line in TextWrap.lines(String(repeating: "说明（示例），", count: 30), width: 23) {
            #expect(!TextWrap.noStart.contains(line.first ?? " ") && !TextWrap.noEnd.contains(line.last ?? " "))
        }
    }
}
