import Foundation
import Testing
import KaoheKit
import KaoheCLI
import KaoheTestSupport
@testable import KaoheRendering

/// Control characters in the data (escape sequences that clear the screen, write the
/// clipboard with OSC 52 or hide a link with OSC 8, and C1 controls) never reach the terminal:
/// text and Markdown output and diagnostics show them as visible escapes.
@Suite struct TerminalSafetyTests {
    static let hostile = "青石镇\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2J\u{9B}31m"

    /// The base data folder with unit U1 named `name`.
    func folder(unitName name: String, in root: URL) throws -> URL {
        var base = try BadInputCase(baseAs: "terminal")
        base.files["units.csv"] = Data("id,name,group\nU1,\(name),镇街\nU2,柳河街道,镇街\n".utf8)
        return try base.materialise(in: root)
    }

    func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { $0 == 0x1B || $0 == 0x07 || ($0 >= 0x80 && $0 <= 0x9F) }
    }

    @Test(arguments: [["grade"], ["grade", "--format", "md"], ["rank", "--annual"], ["bulletin", "--month", "1"],
                      ["grade", "--unit", "U1", "--explain"], ["report"]])
    func reportsShowControlsAsEscapes(_ arguments: [String]) throws {
        try BadInputTests.withTemporaryFolder { root in
            let data = try folder(unitName: Self.hostile, in: root)
            let output = KaoheCLI.run([arguments[0], data.path] + arguments.dropFirst())
            #expect(output.exitCode == 0, "\(output.stderr)")
            #expect(controls(output.stdout).isEmpty)
            // Shown as escapes (in a table the name may be cut short with …, and text wraps).
            let text = output.stdout.replacingOccurrences(of: "\n    ", with: "")
            #expect(text.contains("青石镇\\e]52") || text.contains("青石镇\\\\e\\]52"))
        }
    }

    @Test func diagnosticsShowControlsAsEscapes() throws {
        try BadInputTests.withTemporaryFolder { root in
            let data = try folder(unitName: "青石镇", in: root)
            let checks = try String(contentsOf: data.appendingPathComponent("checks.csv"), encoding: .utf8)
            try (checks + "2025-01-09,U9\u{1B}[2J,a1,fail,,,\n").write(to: data.appendingPathComponent("checks.csv"),
                                                                     atomically: true, encoding: .utf8)
            let output = KaoheCLI.run(["check", data.path])
            #expect(output.exitCode == 1)
            #expect(controls(output.stdout).isEmpty)
            #expect(output.stdout.contains("U9\\e[2J"))
        }
    }

    @Test func textIsUnchangedWithoutControls() {
        let plain = "青石镇 2025-01-06\t备注"
        #expect(TerminalText.safe(plain) == plain)
        #expect(TerminalText.safe("a\nb") == "a\nb")
        #expect(TerminalText.safe("a\nb", singleLine: true) == "a\\nb")
        #expect(TerminalText.safe("\u{1B}\u{7F}\r\u{85}\u{1}") == "\\e\\x7F\\r\\u{85}\\x01")
    }

    @Test func markdownKeepsTableRowsAndBlocks() {
        // A lone CR in a cell stays in its row; a name with a line break and ~~~ opens no fence;
        // an entity is shown as written.
        #expect(MarkdownRenderer.cell("青石\r镇") == "青石<br>镇")
        #expect(!MarkdownRenderer.escape("镇街\n~~~").contains("\n"))
        #expect(MarkdownRenderer.escape("镇街\n~~~") == "镇街 \\~\\~\\~")
        #expect(MarkdownRenderer.escape("&lt;b&gt;") == "\\&lt;b\\&gt;")
    }
}
