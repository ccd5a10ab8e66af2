import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// `grade` and the other commands that need clean data print a short summary of the warnings
/// on standard error (counts by file, the first few, the repeated failed checks and what they
/// cost), not every warning: `kaohe check` lists them all.
@Suite struct WarningSummaryTests {
    @Test func aSummaryInsteadOfAWallOfWarnings() throws {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "summary").materialise(in: root)
            let checks = folder.appendingPathComponent("checks.csv")
            let text = try String(contentsOf: checks, encoding: .utf8)
            let failed = "2025-01-07,U2,a1,fail,,栏目未更新,2025-01-08\n"
            let passed = (0..<6).map { _ in "2025-01-06,U1,,pass,,,\n" }.joined()
            try (text + failed + failed + passed).write(to: checks, atomically: true, encoding: .utf8)
            let output = KaoheCLI.run(["grade", folder.path])
            #expect(output.exitCode == 0)
            let lines = output.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("kaohe: 数据有 8 条警告（checks.csv 8 条）；前 3 条：") == true)
            #expect(lines.filter { $0.contains("重复行") }.count == 3)
            #expect(output.stderr.contains("其中 2 条重复的不合格记录计入了扣分，共多扣 10 分：checks.csv:"))  // two repeats of an a1 failure, 5 points each
            #expect(lines.last == "  运行 kaohe check \(folder.path) 查看全部。")
        }
    }
}
