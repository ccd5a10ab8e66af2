import Foundation
import Testing
import KaoheKit
import KaoheCLI

@Suite(.serialized) struct OutputOptionTests {
    @Test func outputWritesTheResultToTheFileInsteadOfStandardOutput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-output-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let direct = Golden.run(["grade", "Samples/demo-2025", "--format", "csv"])
        let written = Golden.run(["grade", "Samples/demo-2025", "--format", "csv", "--output", path])
        #expect(written.exitCode == 0)
        #expect(written.stdout.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: data, as: UTF8.self) == direct.stdout)
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    }

    @Test func checkWritesItsReportEvenWhenTheDataHasErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-check-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase("field.bad-date").materialise(in: root)
            let result = Golden.run(["check", folder.path, "--output", path])
            #expect(result.exitCode == 1)
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            #expect(text.contains("checks.csv:5:1: error:"))
        }
    }

    @Test func anUnwritableOutputIsACommandLineError() {
        let result = Golden.run(["grade", "Samples/demo-2025", "--output", "/nonexistent-folder/x.txt"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("/nonexistent-folder/x.txt"))
    }
}
