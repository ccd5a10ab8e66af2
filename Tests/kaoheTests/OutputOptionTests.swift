import Foundation
import Testing
import KaoheKit
import KaoheCLI
import KaoheTestSupport

@Suite(.serialized) struct OutputOptionTests {
    @Test func outputWritesTheResultToTheFileInsteadOfStandardOutput() throws {
        try withTemporaryFolder("kaohe-output") { folder in
            let path = folder + "/grades.csv"
            let direct = Golden.run(["grade", "Samples/demo-2025", "--format", "csv"])
            let written = Golden.run(["grade", "Samples/demo-2025", "--format", "csv", "--output", path])
            #expect(written.exitCode == 0)
            #expect(written.stdout.isEmpty)
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(String(decoding: data, as: UTF8.self) == direct.stdout)
            #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func checkWritesItsReportEvenWhenTheDataHasErrors() throws {
        try withTemporaryFolder("kaohe-check") { folder in
            let path = folder + "/check.txt"
            let data = try BadInputCase("field.bad-date").materialise(in: URL(fileURLWithPath: folder))
            let result = Golden.run(["check", data.path, "--output", path])
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
