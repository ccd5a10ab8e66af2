import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// RectifyLateRule: rectified after the `workingDays`-th working day, or not while due within the year (docs/scoring.md §12.1).
@Suite struct RectifyLateRuleTests {
    let date = Fixture.date

    func isLate(_ failure: Failure, rule: RectifyRule = RectifyRule(), calendar: WorkingCalendar = .weekdays) -> Bool {
        RectifyLateRule.isLate(failure, deadline: RectifyLateRule.deadline(failure, rule: rule, calendar: calendar), year: 2025)
    }

    @Test func rectificationDeadlineCrossesTheNationalDayHoliday() {
        // 2025-09-30 (Tue) + 5 working days: Oct 1–8 are holidays, Oct 11 (Sat) is a 调休 working day.
        // Working days after 09-30: 10-09, 10-10, 10-11 (Sat, 调休), 10-13, 10-14 → deadline 2025-10-14.
        let calendar = WorkingCalendar(
            holidays: Set((1...8).compactMap { CivilDate(year: 2025, month: 10, day: $0) }),
            workdays: Set([date("2025-09-28"), date("2025-10-11")]))
        let failure = Fixture.failure("U1", "a1", "2025-09-30", line: 2)
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(workingDays: 5), calendar: calendar) == date("2025-10-14"))
        let onTime = Fixture.failure("U1", "a1", "2025-09-30", rectified: "2025-10-14", line: 2)
        let late = Fixture.failure("U1", "a1", "2025-09-30", rectified: "2025-10-15", line: 3)
        #expect([onTime, late].filter { isLate($0, calendar: calendar) }.map(\.source.line) == [3])
        // Without the 调休 Saturday the deadline would be 10-15.
        let plain = WorkingCalendar(holidays: calendar.holidays)
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(), calendar: plain) == date("2025-10-15"))
    }

    @Test func theDeadlineCountsWorkingDaysAfterTheCheck() {
        // 2025-06-06 (Fri) + 5 weekdays: 06-09 … 06-13 → 06-13; + 1 → 06-09.
        let failure = Fixture.failure("U1", "a1", "2025-06-06", line: 2)
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(workingDays: 5), calendar: .weekdays) == date("2025-06-13"))
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(workingDays: 1), calendar: .weekdays) == date("2025-06-09"))
        // Rectified on the deadline day: on time; the day after: late.
        #expect(!isLate(Fixture.failure("U1", "a1", "2025-06-06", rectified: "2025-06-13", line: 2)))
        #expect(isLate(Fixture.failure("U1", "a1", "2025-06-06", rectified: "2025-06-14", line: 2)))
        #expect(!isLate(Fixture.failure("U1", "a1", "2025-06-06", rectified: "2025-06-06", line: 2)))
    }

    @Test func unrectifiedFailureIsLateOnlyWhenItsDeadlineIsWithinTheYear() {
        let december = Fixture.failure("U1", "a1", "2025-12-29", line: 2) // deadline 2026-01-05
        let november = Fixture.failure("U1", "a1", "2025-11-28", line: 3)
        #expect([december, november].filter { isLate($0) }.map(\.source.line) == [3])
        // 12-24 (Wed): 25, 26, 29, 30, 31 → due 2025-12-31, within the year: late.
        #expect(isLate(Fixture.failure("U1", "a1", "2025-12-24", line: 4)))
        // 12-25 (Thu): 26, 29, 30, 31, 2026-01-01 → due next year: pending, not late.
        #expect(!isLate(Fixture.failure("U1", "a1", "2025-12-25", line: 5)))
    }

    @Test func rectifiedAfterTheYearEndPastTheDeadlineIsLate() {
        // 12-29 is due 2026-01-05; rectified 2026-01-06 is late, on 2026-01-05 on time.
        #expect(isLate(Fixture.failure("U1", "a1", "2025-12-29", rectified: "2026-01-06", line: 2)))
        #expect(!isLate(Fixture.failure("U1", "a1", "2025-12-29", rectified: "2026-01-05", line: 2)))
    }

    @Test func derivedFailuresAreNeverRectifyLate() {
        let rule = DeadlineRule(id: "r", name: "时限", register: .disclosures, start: "formed", end: "published", limit: 20,
                                unit: .workingDays, item: "a1")
        var failure = Fixture.failure("U1", "a1", "2025-03-03", line: 2)
        failure.derivation = LateFinding(rule: rule, lateness: .notDoneByDate(due: date("2025-03-02")))
        // Not rectified and due within the year, or rectified long after: still not rectify-late.
        #expect(!isLate(failure))
        failure.rectified = date("2025-06-30")
        #expect(!isLate(failure))
    }

    @Test func lateOnesAreFoundByDateThenLine() {
        // Positions 0…3; on-time position 2 is left out; 02-03 (line 9) before 03-03 (lines 4, 5).
        let log = FailureLog([Fixture.failure("U1", "a1", "2025-03-03", line: 5),
                              Fixture.failure("U1", "a1", "2025-03-03", line: 4),
                              Fixture.failure("U1", "a1", "2025-03-03", rectified: "2025-03-04", line: 7),
                              Fixture.failure("U1", "b1", "2025-02-03", rectified: "2025-02-20", line: 9)])
        let late = RectifyLateRule.find(0..<4, log: log, year: 2025, rule: RectifyRule(), calendar: .weekdays)
        #expect(late.map(\.position) == [3, 1, 0])
        let consequences = RectifyLateRule.consequences(late, log: log)
        #expect(consequences.map(\.evidence?.line) == [9, 4, 5])
        // 02-03 (Mon) + 5 → 02-10; 03-03 (Mon) + 5 → 03-10.
        #expect(consequences.first == Consequence(kind: .rectifyLate, period: .day(date("2025-02-03")),
                                                  evidence: SourceRef(file: "checks.csv", line: 9),
                                                  facts: .rectifyLate(deadline: date("2025-02-10"), rectified: date("2025-02-20"))))
        #expect(consequences.dropFirst().first?.facts == .rectifyLate(deadline: date("2025-03-10"), rectified: nil))
        #expect(consequences.allSatisfy { $0.level == 1 })
    }
}
