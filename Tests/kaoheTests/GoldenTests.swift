import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// Every folder under `Golden/` with an `args` file is one command-line case; its `why` says in
/// one line what it shows.
@Suite(.serialized) struct GoldenTests {
    /// The command-line cases; those under `office/` write files and are OfficeGoldenTests'.
    static let cases = Golden.cases("Golden", marker: "args").filter { !$0.hasPrefix("office/") }

    @Test func thereAreGoldenCases() {
        #expect(GoldenTests.cases.count >= 20)
    }

    @Test(arguments: GoldenTests.cases)
    func golden(_ name: String) throws {
        let folder = Golden.testsFolder.appendingPathComponent("Golden").appendingPathComponent(name)
        if let problem = Golden.whyProblem(folder) { Issue.record(Comment(rawValue: problem)) }
        let args = (Golden.read(folder.appendingPathComponent("args")) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let output = Golden.run(args)
        for problem in [Golden.compare(output.stdout, folder.appendingPathComponent("stdout")),
                        Golden.compare(output.stderr, folder.appendingPathComponent("stderr")),
                        Golden.compare("\(output.exitCode)\n", folder.appendingPathComponent("exit"))] {
            if let problem { Issue.record(Comment(rawValue: problem)) }
        }
    }
}
