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
            let unknown = loaded.diagnostics.filter { $0.code.rawValue == "field.unknown-unit" && $0.file.hasSuffix("scores.csv") }
            #expect(unknown.count == DataTable.maxSuggestions + 100)  // fewer than the diagnostics listed per file
            #expect(unknown.prefix(DataTable.maxSuggestions).allSatisfy { $0.message.en.contains("did you mean \"U1") })
            #expect(unknown.dropFirst(DataTable.maxSuggestions).allSatisfy { !$0.message.en.contains("did you mean") })
        }
    }
}
