import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

/// The compact failure log reads back every failure exactly as stored, whatever its values.
@Suite struct FailureLogTests {
    let d = Fixture.d

    func failure(_ unit: String, _ item: String, _ date: String, deduction: String = "5", note: String = "",
                 rectified: String? = nil, file: String = "checks.csv", line: Int,
                 derivation: LateFinding? = nil) -> Failure {
        Failure(date: Fixture.date(date), unit: unit, item: item, deduction: d(deduction), note: note,
                rectified: rectified.map(Fixture.date), source: SourceRef(file: file, line: line), derivation: derivation)
    }

    @Test func readsBackWhatWasAppended() {
        let failures = [
            failure("U1", "a1", "2025-01-06", note: "栏目未更新", rectified: "2025-01-09", line: 2),
            failure("U2", "b1", "2025-03-31", deduction: "0.25", line: 7),
            failure("U1", "a1", "2025-01-06", note: "栏目未更新", rectified: "2025-01-09", line: 9),
            failure("U3", "a1", "2025-12-31", rectified: "2026-01-05", file: "disclosures.csv", line: 4,
                    derivation: LateFinding(rule: DeadlineRule(id: "r", name: "时限", register: .disclosures, start: "formed", end: "published", limit: 20, unit: .workingDays, item: "a1"), lateness: .workingDays(taken: 21, limit: 20))),
        ]
        let log = FailureLog(failures)
        #expect(log.count == 4)
        #expect(Array(log) == failures)
        #expect(log.unitIDs == ["U1", "U2", "U3"])
        // Only the derived failure from another file needs more than its record.
        #expect(log.extras.count == 1)
    }

    @Test func deductionsKeepHowTheyWereWritten() {
        // 1.0 and 1 are equal numbers written differently; each is kept as written.
        let log = FailureLog([failure("U1", "a1", "2025-01-06", deduction: "1.0", line: 2),
                              failure("U1", "a1", "2025-01-07", deduction: "1", line: 3)])
        #expect(log.map(\.deduction.exponent) == [1, 0])
        #expect(log.map(\.deduction.mantissa) == [10, 1])
    }

    @Test func textsThatLookAlikeKeepTheirBytes() {
        // "é" precomposed and as e + combining accent are equal Swift strings but different bytes.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let log = FailureLog([failure("U1", "a1", "2025-01-06", note: composed, line: 2),
                              failure("U1", "a1", "2025-01-06", note: decomposed, line: 3)])
        #expect(Array(log[0].note.utf8) == Array(composed.utf8))
        #expect(Array(log[1].note.utf8) == Array(decomposed.utf8))
    }

    @Test func valuesBeyondARecordGoToExtras() {
        let far = failure("U1", "a1", "9999-12-31", rectified: "0001-01-01", line: Int(UInt32.max) + 5)
        let log = FailureLog([failure("U1", "a1", "2025-01-06", line: 2), far])
        #expect(log[1] == far)
        #expect(log.extras[1]?.line == Int(UInt32.max) + 5)
        #expect(log.extras[1]?.date == Fixture.date("9999-12-31"))
        #expect(log.extras[1]?.rectified == Fixture.date("0001-01-01"))
        #expect(log.extras[0] == nil)
        #expect(MemoryLayout<FailureLog.Record>.stride == 20)
    }

    @Test func editsRemovalsAndShuffles() {
        var log = FailureLog((0..<20_000).map { failure("U\($0 % 7)", $0 % 2 == 0 ? "a1" : "b1", "2025-02-03", line: $0 + 2) })
        #expect(log.count == 20_000)
        #expect(log.blocks.count == 3)  // blocks of 8192 records
        log[10_000].note = "改过"
        #expect(log[10_000].note == "改过")
        #expect(log[10_000].source.line == 10_002)
        log.removeAll { $0.source.line % 2 == 0 }
        #expect(log.count == 10_000)
        #expect(log.allSatisfy { $0.source.line % 2 == 1 })
        var rng = SplitMix64(seed: 1)
        var shuffled = log
        shuffled.shuffle(using: &rng)
        #expect(shuffled.map(\.source.line).sorted() == log.map(\.source.line))
        #expect(log.first?.source.line == 3)  // the copy was shuffled, not the original
    }

    @Test func linesShiftAndLogsJoinAsOne() {
        let units = ["U1", "U2"], items = ["a1", "b1"]
        var first = FailureLog(unitIDs: units, itemIDs: items, file: "checks.csv", base: Fixture.date("2025-01-01").dayNumber - 32767)
        var second = FailureLog(unitIDs: units, itemIDs: items, file: "checks.csv", base: Fixture.date("2025-01-01").dayNumber - 32767)
        for (i, failure) in [failure("U1", "a1", "2025-01-06", note: "甲", line: 2),
                             failure("U2", "b1", "2025-01-07", deduction: "2.5", line: 3)].enumerated() {
            first.append(failure)
            #expect(first.count == i + 1)
        }
        second.append(failure("U2", "a1", "2025-07-01", note: "乙", line: 1))
        second.append(failure("U1", "b1", "2025-07-02", deduction: "2.5", note: "甲", line: 2))
        second.shiftLines(by: 100)
        first.append(log: &second)
        #expect(second.isEmpty)
        #expect(first.map(\.source.line) == [2, 3, 101, 102])
        #expect(first.map(\.note) == ["甲", "", "乙", "甲"])
        #expect(first.map(\.deduction) == [d("5"), d("2.5"), d("5"), d("2.5")])
        #expect(first.map(\.unit) == ["U1", "U2", "U2", "U1"])
    }

    @Test func anAssessmentListsFailuresWithoutCopyingThem() {
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", line: 2), Fixture.failure("U1", "b1", "2025-02-03", line: 3),
                        Fixture.failure("U1", "a1", "2025-04-01", line: 4), Fixture.failure("U2", "a1", "2025-01-08", line: 5)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "80", "U2": "80"],
                                                failures: failures)).units[0]
        #expect(u.periods[0].categories.map { $0.failures.map(\.source.line) } == [[2], [3]])
        #expect(u.periods[0].categories.map { $0.failures.count } == [1, 1])
        #expect(u.periods[1].categories[0].failures.map(\.source.line) == [4])
        #expect(u.periods[2].categories.allSatisfy { $0.failures.isEmpty })
        #expect(u.months[0].findings.map(\.source.line) == [2])
        #expect(u.months.map(\.failed) == [1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(FailureSelection().isEmpty)
    }
}
