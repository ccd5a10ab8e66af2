import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// The bad-input corpus: each folder under `BadInput/` named by a diagnostic code is the valid
/// data folder `BadInput/_base` with a small change (``BadInputCase``), and `expected` holds
/// exactly what `kaohe check` prints for it. Every case exits 1.
///
/// Each case is written to a temporary folder and checked in-process there, by its absolute
/// path; in the output that temporary folder is then replaced by `Tests/kaoheTests/BadInput/`,
/// so the output shows the path the case's `shown as` names, as if the case were a folder of
/// that name in the package. Through the library, the case's diagnostics must include the code
/// it is named after (and any it lists), and every code raised must be documented.
@Suite(.serialized) struct BadInputTests {
    static let cases = Golden.cases("BadInput", marker: "expected")

    @Test func corpusCoversEveryRule() {
        #expect(BadInputTests.cases.count >= 30)
    }

    /// A fresh temporary folder, removed after `body`. Its path is as long as
    /// `Tests/kaoheTests/BadInput` where the system's temporary folder allows, so messages that
    /// wrap at 100 columns wrap where they would in the folder the expected output shows.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let base = FileManager.default.temporaryDirectory
        let length = max(8, "Tests/kaoheTests/BadInput".count - base.path.count - (base.path.hasSuffix("/") ? 0 : 1))
        let random = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let name = String(("kbi" + random + random).prefix(length))
        let root = base.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        return try body(root)
    }

    @Test func baseIsValid() throws {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "base").materialise(in: root)
            let loaded = DataFolder.load(folder.path)
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message.en))")
            #expect(KaoheCLI.run(["check", folder.path]).exitCode == 0)
        }
    }

    @Test(arguments: BadInputTests.cases)
    func badInput(_ name: String) throws {
        let badCase = try BadInputCase(name)
        let documented = try DiagnosticCodesTests.documentedCodes()
        #expect(!badCase.expectedCodes.isEmpty, "\(name) is not named by a code and lists no codes")
        try BadInputTests.withTemporaryFolder { root in
            let folder = try badCase.materialise(in: root)
            let output = KaoheCLI.run(["check", folder.path])
            let shown = output.stdout.replacingOccurrences(of: root.path + "/", with: "Tests/kaoheTests/BadInput/")
            let url = BadInputCase.folder.appendingPathComponent(name).appendingPathComponent("expected")
            if let problem = Golden.compare(shown, url) { Issue.record(Comment(rawValue: problem)) }
            #expect(output.exitCode == 1, "\(name) should exit 1")
            #expect(output.stdout.contains(": error:"), "\(name) should report an error")

            let raised = Set(DataFolder.load(folder.path).diagnostics.map(\.code.rawValue))
            for code in badCase.expectedCodes {
                #expect(raised.contains(code), "\(name) should raise \(code); it raised \(raised.sorted())")
            }
            for code in raised {
                #expect(documented.contains(code), "\(code) (raised by \(name)) is not in docs/diagnostics.md")
            }
        }
    }
}
