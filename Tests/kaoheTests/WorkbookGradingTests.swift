import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// The samples graded from workbooks made by openpyxl and LibreOffice (`Workbooks/make.py`):
/// one workbook per data file, and one workbook holding every file as a sheet. The results are
/// the CSV folder's, byte for byte (in JSON, evidence names the workbook's file or sheet).
@Suite(.serialized) struct WorkbookGradingTests {
    static let samples = ["demo-2025", "baoding-demo-2025"]
    static let makers = ["openpyxl", "libreoffice", "one-workbook"]

    static var cases: [(String, String)] { samples.flatMap { sample in makers.map { (sample, $0) } } }

    @Test(arguments: cases) func gradeIsTheCSVFolders(sample: String, maker: String) {
        let folder = "Tests/kaoheTests/Workbooks/\(sample)/\(maker)"
        for format in ["text", "json"] {
            let expected = Golden.run(["grade", "Samples/\(sample)", "--format", format])
            let actual = Golden.run(["grade", folder, "--format", format])
            #expect(actual.exitCode == 0, "\(actual.stderr)")
            // Evidence names the file (`checks.csv:41`, `checks.xlsx:41`, `检查记录:41`); the rows are the same.
            let evidence = #/"evidence": "[^":]*:/#
            func unnamed(_ text: String) -> String { text.replacing(evidence, with: "\"evidence\": \"FILE:") }
            #expect(unnamed(actual.stdout) == unnamed(expected.stdout), "\(folder) --format \(format)")
            if format == "text" { #expect(actual.stdout == expected.stdout, "\(folder)") }
        }
    }

    /// `--drop` names a row as its evidence does: `events.xlsx:4`, or `加减分:4` in the one workbook.
    @Test func simulateDropsWorkbookRows() {
        let expected = Golden.run(["simulate", "Samples/demo-2025", "--drop", "events.csv:4"])
        for (maker, name) in [("openpyxl", "events.xlsx"), ("one-workbook", "加减分")] {
            let actual = Golden.run(["simulate", "Tests/kaoheTests/Workbooks/demo-2025/\(maker)", "--drop", "\(name):4"])
            #expect(actual.exitCode == 0, "\(actual.stderr)")
            #expect(actual.stdout.replacingOccurrences(of: "\(name):4", with: "events.csv:4") == expected.stdout, "\(maker)")
        }
    }

    @Test func checkLocatesCellsInTheOneWorkbook() {
        let output = Golden.run(["check", "Tests/kaoheTests/Workbooks/demo-2025/one-workbook"])
        #expect(output.stdout.contains("考核台账.xlsx:单位!A1: warning:"), "\(output.stdout)")
        #expect(output.stdout.contains("考核台账.xlsx:检查记录: warning:"), "\(output.stdout)")
    }
}
