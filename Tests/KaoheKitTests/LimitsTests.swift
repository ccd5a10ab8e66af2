import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheTestSupport

/// Hostile input: each case is a clear error, or is read with memory bounded by the limits in
/// docs/performance.md (a window of at most ``CSVReader/maxRecordBytes`` per reading thread).
@Suite struct LimitsTests {
    let context = RandomChecks.context
    static let header = "date,unit,item,result,deduction,note,rectified\n"

    /// A temporary folder for one test, removed afterwards.
    func withFolder(_ body: (String) throws -> Void) rethrows {
        try withTemporaryFolder("kaohe-limits", body)
    }

    func load(_ path: String, options: ChecksFile.Options = ChecksFile.Options()) -> (ChecksFile.Result?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var ignored: [IgnoredColumn] = []
        let result = ChecksFile.load(path: path, name: "checks.csv", context: context, diagnostics: &diagnostics,
                                     ignored: &ignored, options: options)
        return (result, diagnostics)
    }

    @Test func aLineLongerThanOneMiBIsAnErrorAndTheRestIsRead() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            let long = "2025-01-06,T01,,pass,," + String(repeating: "x", count: CSVReader.maxLineBytes) + ",\n"
            let text = LimitsTests.header + "2025-01-06,T01,,pass,,,\n" + long + "2025-01-07,T02,a1,fail,,,\n"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (result, diagnostics) = load(path)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.line == 3)
            #expect(diagnostics.first?.message.en.hasPrefix("line is longer than 1 MiB") == true)
            #expect(diagnostics.first?.excerpt?.hasSuffix("…") == true)
            #expect(result?.usage == FileUsage(file: "checks.csv", read: 2, used: 2, rejected: 0))
            #expect(result?.failures.map(\.source.line) == [4])
        }
    }

    @Test func aFieldOfAMillionQuotesIsAnError() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            let quotes = "\"" + String(repeating: "\"\"", count: 1_000_000) + "\""
            let text = LimitsTests.header + "2025-01-06,T01,,pass,,\(quotes),\n2025-01-07,T02,,pass,,,\n"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (result, diagnostics) = load(path)
            #expect(diagnostics.map(\.line) == [2])
            #expect(diagnostics.first?.message.en.hasPrefix("field starting here is longer than 1 MiB") == true)
            #expect(diagnostics.first?.column == 23)
            #expect(result?.usage.read == 1)
        }
    }

    @Test func aRecordLongerThanTheWindowLimitIsAnErrorAndReadingGoesOn() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            // A quoted note over many short lines, longer than the (lowered) record limit.
            let note = "\"" + String(repeating: "备注\n", count: 20_000) + "\""
            let text = LimitsTests.header + "2025-01-06,T01,a1,fail,,\(note),\n2025-01-07,T02,,pass,,,\n"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (result, diagnostics) = load(path, options: ChecksFile.Options(windowBytes: 4096, maxRecordBytes: 64 << 10))
            #expect(diagnostics.first?.line == 2)
            #expect(diagnostics.first?.message.en.hasPrefix("the record starting here is longer than") == true)
            // Reading goes on with line 3, inside the note: its lines are rows of one field (each
            // an error: the first few listed, the rest counted), and the last row is still read.
            // The record error, the stray closing quote of line 20002, five of the one-field rows.
            #expect(diagnostics.map(\.code.rawValue) == ["csv.record-too-long", "csv.unterminated-quote"]
                    + Array(repeating: "row.field-count", count: DiagnosticList.repeatLimit) + ["file.not-listed"])
            #expect(diagnostics.last?.omitted?.errors == 19_999 - DiagnosticList.repeatLimit)
            #expect(result?.usage.used == 1)
        }
    }

    @Test func anUnterminatedQuoteInALongFileIsOneError() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            let rows = String(repeating: "2025-01-06,T01,,pass,,,\n", count: 20_000)
            let text = LimitsTests.header + "2025-01-06,T01,,pass,,\"never closed,\n" + rows
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            // Within the record limit the reading is the whole-file one: the quote is reported and
            // reading goes on with the next line.
            let (result, diagnostics) = load(path)
            #expect(diagnostics.first?.message.en == "quoted field starting here never ends; add the closing \"")
            #expect(result?.usage.read == 20_000)
            // Past the record limit the record is reported as too long; reading goes on the same way.
            let (limited, limitedDiagnostics) = load(path, options: ChecksFile.Options(windowBytes: 4096, maxRecordBytes: 64 << 10))
            #expect(limitedDiagnostics.first?.line == 2)
            #expect(limitedDiagnostics.first?.message.en.hasPrefix("the record starting here is longer than") == true)
            #expect(limited?.usage.read == 20_000)
        }
    }

    @Test func aLargeFileWithoutLineBreaksIsOneError() throws {
        try withFolder { folder in
            // 32 MiB of zero bytes (a sparse file): one record far past the record limit.
            let path = folder + "/checks.csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data(LimitsTests.header.utf8))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 32 << 20)
            try handle.close()
            let (result, diagnostics) = load(path, options: ChecksFile.Options(maxRecordBytes: 1 << 20))
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.line == 2)
            #expect(result?.usage.read == 0)
        }
    }

    /// The same mistake on every row is listed a few times, then counted in one closing line that
    /// names it, with its first unlisted lines.
    @Test func theSameMistakeOnEveryRowIsSaidOnce() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            let text = LimitsTests.header + String(repeating: "2025-01-06,T01,,maybe,,,\n", count: ChecksFile.maxDiagnostics + 500)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (result, diagnostics) = load(path)
            #expect(diagnostics.count == DiagnosticList.repeatLimit + 1)
            #expect(diagnostics.prefix(DiagnosticList.repeatLimit).map(\.line) == [2, 3, 4, 5, 6])
            #expect(diagnostics.last?.message.en == "1495 more diagnostics not listed (1495 errors, 0 warnings): checks.bad-result again on 1495 more rows (from line 7, 8, 9); the same problem is listed 5 times, and fixing it usually clears the rest")
            #expect(diagnostics.last?.isError == true)
            #expect(result?.usage.rejected == ChecksFile.maxDiagnostics + 500)
        }
    }

    @Test func unknownUnitsPastTheLimitAreCountedExactly() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            // Each row: an unknown unit and a bad date, two errors.
            let text = LimitsTests.header + String(repeating: "2025-13-06,T99,,pass,,,\n", count: 700)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (_, diagnostics) = load(path)
            #expect(diagnostics.count == 2 * DiagnosticList.repeatLimit + 1)
            #expect(diagnostics.last?.message.en.hasPrefix("1390 more diagnostics not listed (1390 errors") == true)
            #expect(diagnostics.totals.errors == 1400)
        }
    }

    @Test func manyDuplicateRowsAreCountedPastTheLimit() {
        withFolder { folder in
            let path = folder + "/checks.csv"
            let text = LimitsTests.header + String(repeating: "2025-01-06,T01,,pass,,,\n2025-01-07,T02,a1,fail,,,\n", count: 1500)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let (result, diagnostics) = load(path, options: ChecksFile.Options(parallelBytes: 1))
            #expect(result?.duplicates.count == ChecksFile.maxDiagnostics)
            #expect(result?.duplicates.first == DuplicateRow(source: SourceRef(file: "checks.csv", line: 4), firstLine: 2))
            #expect(result?.usage.used == 3000)
            #expect(diagnostics.count == DiagnosticList.repeatLimit + 1)
            #expect(diagnostics.totals.warnings == 2998)
            #expect(diagnostics.last?.isError == false)
        }
    }

    @Test func otherFilesLargerThanTheLimitAreRefused() throws {
        try withFolder { folder in
            let path = folder + "/units.csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data("id,name,group\n".utf8))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: UInt64(DataTable.maxWholeFileBytes + 1))
            try handle.close()
            var diagnostics: [Diagnostic] = []
            var ignored: [IgnoredColumn] = []
            let table = DataTable.read(path: path, name: "units.csv", specs: ColumnSpec.units, diagnostics: &diagnostics, ignored: &ignored)
            #expect(table == nil)
            #expect(diagnostics.map(\.message.en) == ["the file is too large (268435457 bytes, at most 256 MiB); check that this is the right file"])
        }
    }

    /// Data files are read with `open`/`read`: an empty file is empty data (reading one through
    /// FileManager.contents(atPath:) leaks 4 KiB per call, which FuzzLoad found), a folder or a
    /// missing file cannot be read.
    @Test func emptyFilesFoldersAndMissingFiles() {
        withFolder { folder in
            let path = folder + "/empty.csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            #expect(FileBytes.contents(of: path) == Data())
            #expect(FileBytes.contents(of: folder) == nil)
            #expect(FileBytes.contents(of: folder + "/missing.csv") == nil)
            var diagnostics: [Diagnostic] = []
            var ignored: [IgnoredColumn] = []
            #expect(DataTable.read(path: path, name: "units.csv", specs: ColumnSpec.units, diagnostics: &diagnostics, ignored: &ignored) == nil)
            #expect(diagnostics.map(\.line) == [1])
        }
    }

    @Test func aDeeplyNestedCriteriaFileIsAnError() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (criteria, diagnostics) = CriteriaLoader.parse(text, file: "deep.json5")
        #expect(criteria == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.isError == true)
    }

    @Test func criteriaWithTenThousandItemsLoadAndResolve() throws {
        let items = (0..<10_000).map { "{id: \"x\($0)\", name: \"项目\($0)\", deduction: 0.01}" }.joined(separator: ",\n")
        let text = """
            {id: "big", title: "大细则", scale: 100, places: 2,
             categories: [{id: "a", name: "甲", points: 100, items: [\(items)]}],
             parts: [{id: "daily", name: "日常", weight: 1, kind: "checks", period: "quarter"}],
             bands: [{name: "A", min: 90}, {name: "D", min: 0}], veto: {band: "D"}, targetShare: 4}
            """
        let (loaded, diagnostics) = CriteriaLoader.parse(text, file: "big.json5")
        #expect(diagnostics.isEmpty)
        let criteria = try #require(loaded)
        #expect(criteria.items.count == 10_000)
        let context = ValidationContext(year: 2025, criteria: criteria, units: [Unit(id: "T01", name: "单位1", group: "甲")])
        withFolder { folder in
            let path = folder + "/checks.csv"
            let rows = (0..<10_000).map { "2025-02-03,T01,\($0 % 2 == 0 ? "x\($0)" : "项目\($0)"),fail,,," }.joined(separator: "\n")
            _ = FileManager.default.createFile(atPath: path, contents: Data((LimitsTests.header + rows + "\n").utf8))
            var diagnostics: [Diagnostic] = []
            var ignored: [IgnoredColumn] = []
            let result = ChecksFile.load(path: path, name: "checks.csv", context: context, diagnostics: &diagnostics, ignored: &ignored)
            #expect(diagnostics.isEmpty)
            #expect(result?.failures.count == 10_000)
            #expect(result?.failures.last?.item == "x9999")
        }
    }

    @Test func repeatedPassedChecksAreFoundWithManyItemsAndWithFew() throws {
        // 10,000 items: a day takes many words of the passed-check bitmap; 3 items: a word holds
        // every item of several days. Either way a repeat is found and named, none invented.
        for count in [10_000, 3] {
            let items = (0..<count).map { "{id: \"x\($0)\", name: \"项目\($0)\", deduction: 0.01}" }.joined(separator: ",\n")
            let text = """
                {id: "big", title: "大细则", scale: 100, places: 2,
                 categories: [{id: "a", name: "甲", points: 100, items: [\(items)]}],
                 parts: [{id: "daily", name: "日常", weight: 1, kind: "checks", period: "quarter"}],
                 bands: [{name: "A", min: 90}, {name: "D", min: 0}], veto: {band: "D"}, targetShare: 4}
                """
            let criteria = try #require(CriteriaLoader.parse(text, file: "big.json5").criteria)
            let units = (1...3).map { Unit(id: "T0\($0)", name: "单位\($0)", group: "甲") }
            let context = ValidationContext(year: 2025, criteria: criteria, units: units)
            let last = count - 1
            let rows = [
                "2025-02-04,T02,x\(last),pass,,,",   // line 2
                "2025-02-04,T02,x1,pass,,,",          // 3
                "2025-02-04,T02,x\(last),pass,,,",   // 4: repeats 2
                "2025-02-04,T02,,pass,,,",            // 5
                "2025-02-05,T02,,pass,,,",            // 6
                "2025-02-04,T03,,pass,,,",            // 7
                "2025-02-04,T02,,pass,,,",            // 8: repeats 5
                "2025-12-31,T01,x0,pass,,,",          // 9
                "2025-01-01,T01,x0,pass,,,",          // 10
                "2025-12-31,T01,x0,pass,,,",          // 11: repeats 9
            ].joined(separator: "\n")
            try withFolder { folder in
                let path = folder + "/checks.csv"
                _ = FileManager.default.createFile(atPath: path, contents: Data((LimitsTests.header + rows + "\n").utf8))
                var diagnostics: [Diagnostic] = []
                var ignored: [IgnoredColumn] = []
                let result = try #require(ChecksFile.load(path: path, name: "checks.csv", context: context,
                                                          diagnostics: &diagnostics, ignored: &ignored))
                #expect(result.duplicates.map(\.source.line) == [4, 8, 11], "\(count) items")
                #expect(result.duplicates.map(\.firstLine) == [2, 5, 9], "\(count) items")
                #expect(diagnostics.count == 3)
            }
        }
    }

    @Test func aGB18030FileLongerThanADecodingBlockReadsAsAWhole() throws {
        try withFolder { folder in
            let path = folder + "/checks.csv"
            var text = LimitsTests.header
            var n = 0
            while text.utf8.count < 3 * CSVGB18030Source.block {
                text += "2025-03-0\(3 + n % 5),单位\(1 + n % 4),乙一,不合格,,栏目\(n)未更新,\n"
                n += 1
            }
            let data = try #require(text.data(using: TextDecoding.gb18030))
            _ = FileManager.default.createFile(atPath: path, contents: data)
            let (result, diagnostics) = load(path)
            var oldDiagnostics: [Diagnostic] = []
            var oldIgnored: [IgnoredColumn] = []
            let old = ReferenceChecks.load(path: path, context: context, diagnostics: &oldDiagnostics, ignored: &oldIgnored)
            #expect(diagnostics == oldDiagnostics)
            #expect(diagnostics.first?.severity == .warning)
            #expect(result.map { Array($0.failures) } == old?.failures)
            #expect(result?.failures.count == n)
        }
    }
}
