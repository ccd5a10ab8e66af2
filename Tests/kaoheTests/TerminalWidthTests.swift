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
}
