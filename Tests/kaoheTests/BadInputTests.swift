import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// The bad-input corpus: each folder under `BadInput/` is a small data folder with one fault,
/// and `expected` holds exactly what `kaohe check` prints for it. Every case exits 1.
@Suite(.serialized) struct BadInputTests {
    static let cases = Golden.cases("BadInput", marker: "expected")

    @Test func corpusCoversEveryRule() {
        #expect(BadInputTests.cases.count >= 30)
    }

    @Test(arguments: BadInputTests.cases)
    func badInput(_ name: String) throws {
        let folder = "Tests/kaoheTests/BadInput/\(name)"
        let output = Golden.run(["check", folder])
        let url = Golden.testsFolder.appendingPathComponent("BadInput").appendingPathComponent(name).appendingPathComponent("expected")
        if let problem = Golden.compare(output.stdout, url) { Issue.record(Comment(rawValue: problem)) }
        #expect(output.exitCode == 1, "\(name) should exit 1")
        #expect(output.stdout.contains(": error: "), "\(name) should report an error")
    }
}
