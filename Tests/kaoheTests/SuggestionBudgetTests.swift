import Foundation
import Testing
import KaoheKit
import KaoheCLI
@testable import KaoheLoad

/// "Did you mean" is searched for at most `DataTable.maxSuggestions` times per file: each
/// search measures every unit, so a file of many unknown names against a long unit list stays
/// fast; the errors themselves are all reported.
@Suite struct SuggestionBudgetTests {
    @Test func aFileGetsABoundedNumberOfSuggestions() throws {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "budget").materialise(in: root)
            let rows = (0..<(DataTable.maxSuggestions + 100)).map { _ in "U3,c1,80" }
            try ("unit,component,score\n" + rows.joined(separator: "\n") + "\n")
                .write(to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
            let loaded = DataFolder.load(folder.path)
            let scores = loaded.diagnostics.filter { $0.file.hasSuffix("scores.csv") }
            let unknown = scores.filter { $0.code.rawValue == "field.unknown-unit" }
            // The same mistake is listed a few times, with its suggestion; every one is counted.
            #expect(unknown.count == DiagnosticList.repeatLimit)
            #expect(unknown.allSatisfy { $0.message.en.contains("did you mean \"U1") })
            #expect(scores.totals.errors == DataTable.maxSuggestions + 100 + 2)  // and U1, U2 left without a score
        }
    }
}
