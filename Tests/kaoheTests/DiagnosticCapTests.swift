import Foundation
import Testing
import KaoheModel
import KaoheKit
import KaoheCLI

/// Every file's diagnostics are capped (a flood of warnings or errors stays small and fast),
/// errors are never hidden behind warnings, and the closing totals are true.
@Suite struct DiagnosticCapTests {
    func run(_ change: (URL) throws -> Void, _ arguments: [String] = []) throws -> CommandOutput {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "caps").materialise(in: root)
            try change(folder)
            var output = KaoheCLI.run(["check", folder.path] + arguments)
            // Messages wrap at 100 columns: read them whole.
            output.stdout = output.stdout.replacingOccurrences(of: "\n    ", with: "")
            return output
        }
    }

    func append(_ text: String, to file: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(file)
        let old = try String(contentsOf: url, encoding: .utf8)
        try (old + text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func anErrorAfterAThousandWarningsIsListedAndTotalsAreTrue() throws {
        let output = try run { folder in
            let repeated = String(repeating: "2025-01-07,U2,a1,fail,,栏目未更新,2025-01-08\n", count: 1200)
            try append(repeated + "2025-01-09,U1,zz,fail,,,\n", to: "checks.csv", in: folder)
        }
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("未知检查项 \"zz\""))
        #expect(output.stdout.contains("错误 1 个，警告 1200 个"))
    }

    @Test func aHeaderOfManyUnknownColumnsGivesAFewWarnings() throws {
        let output = try run { folder in
            let columns = (1...5000).map { "x\($0)" }.joined(separator: ",")
            let rows = ["U1,青石镇,镇街", "U2,柳河街道,镇街"].map { $0 + String(repeating: ",", count: 5000) }
            try (["id,name,group," + columns] + rows).joined(separator: "\n").appending("\n")
                .write(to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        }
        #expect(output.exitCode == 0)
        #expect(output.stdout.components(separatedBy: "units.csv:1:").count - 1 == DiagnosticList.repeatLimit + 1)
        #expect(output.stdout.replacingOccurrences(of: " ", with: "").contains("另有4995个未知列同样已忽略"))
        #expect(output.stdout.contains("警告 5000 个") == false)
    }

    @Test func aFileOfThousandsOfErrorsListsAThousandAndCountsTheRest() throws {
        let output = try run({ folder in
            let rows = (0..<3000).map { _ in "U1,c1,abc" }.joined(separator: "\n")
            try ("unit,component,score\n" + rows + "\n").write(to: folder.appendingPathComponent("scores.csv"),
                                                                atomically: true, encoding: .utf8)
        }, ["--format", "json"])
        #expect(output.exitCode == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int ?? 0 >= 3000)
        let listed = (json["diagnostics"] as? [Any])?.count ?? 0
        #expect(listed <= 1010)
    }

    @Test func aCriteriaFileOfManyUnknownKeysIsReportedBriefly() {
        var text = "{id: \"x\", title: \"t\", scale: 100, places: 2, categories: [], parts: [], bands: [], veto: {band: \"a\"}, targetShare: 4,\n"
        for i in 0..<5000 { text += "  unknown\(i): 1,\n" }
        text += "}\n"
        let (_, diagnostics) = CriteriaLoader.parse(text, file: "c.json5")
        #expect(diagnostics.count <= 1001)
        #expect(diagnostics.totals.errors >= 5000)
        #expect(diagnostics.last?.code.rawValue == "file.not-listed")
    }

    /// A log pasted together several times: the data-quality summary names the first 20
    /// duplicate rows and gives the true count; the warnings say it once.
    @Test func manyDuplicatesAreNamedTwentyAndCounted() throws {
        let output = try run { folder in
            try append(String(repeating: "2025-01-06,U1,,pass,,,\n", count: 1500), to: "checks.csv", in: folder)
        }
        let line = output.stdout.split(separator: "\n").first { $0.hasPrefix("重复行：") } ?? ""
        #expect(line.components(separatedBy: "（同第").count - 1 == 20)
        #expect(line.hasSuffix("……共 1500 行"))
        #expect(output.stdout.contains("checks.duplicate-row 同样的问题另有 1495 行"))
        #expect(output.stdout.contains("错误 0 个，警告 1500 个"))
    }
}
