import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// MonthlyBulletinRule: a month fails with at least `failAt` failed checks in it (docs/scoring.md §11).
@Suite struct MonthlyBulletinRuleTests {
    /// The failed months (1…12) of `unit`.
    func failedMonths(_ failures: [Failure], failAt: Int, unit: Int = 0, units: Int = 1) -> [Int] {
        let mask = MonthlyBulletinRule.failedMonths(unit: unit, ledger: RuleInputs.ledger(units: RuleInputs.units(units),
                                                                                         failures: failures),
                                                    rule: BulletinRule(failAt: failAt))
        return (1...12).filter { mask & (1 << ($0 - 1)) != 0 }
    }

    @Test func failAtOneFailsEveryMonthWithAFailure() {
        // January and March each have one failed check; December two.
        let failures = [Fixture.failure("U1", "a1", "2025-01-31", line: 2), Fixture.failure("U1", "b1", "2025-03-01", line: 3),
                        Fixture.failure("U1", "a1", "2025-12-01", line: 4), Fixture.failure("U1", "a1", "2025-12-31", line: 5)]
        #expect(failedMonths(failures, failAt: 1) == [1, 3, 12])
        #expect(failedMonths([], failAt: 1) == [])
    }

    @Test func failAtTwoNeedsTwoInTheSameMonth() {
        // March 1, April 2 (exactly failAt), May 3, June 1 + July 1 (two, but in different months).
        let dates = ["2025-03-03", "2025-04-07", "2025-04-14", "2025-05-05", "2025-05-06", "2025-05-07", "2025-06-30", "2025-07-01"]
        let failures = dates.enumerated().map { Fixture.failure("U1", "a1", $0.element, line: $0.offset + 2) }
        #expect(failedMonths(failures, failAt: 2) == [4, 5])
        #expect(failedMonths(failures, failAt: 3) == [5])
        #expect(failedMonths(failures, failAt: 1) == [3, 4, 5, 6, 7])
    }

    @Test func onlyTheUnitsOwnFailuresCount() {
        // U2's failures in February do not fail U1's February.
        let failures = [Fixture.failure("U2", "a1", "2025-02-03", line: 2), Fixture.failure("U1", "a1", "2025-08-04", line: 3)]
        #expect(failedMonths(failures, failAt: 1, unit: 0, units: 2) == [8])
        #expect(failedMonths(failures, failAt: 1, unit: 1, units: 2) == [2])
    }

    @Test func bulletinStatusFollowsFailAtInAnAssessment() {
        var criteria = Fixture.criteria(quota: nil)
        criteria.bulletin = BulletinRule(failAt: 2)
        let failures = [Fixture.failure("U1", "a1", "2025-03-03", rectified: "2025-03-04", line: 2),
                        Fixture.failure("U1", "a1", "2025-04-07", rectified: "2025-04-08", line: 3),
                        Fixture.failure("U1", "b1", "2025-04-14", rectified: "2025-04-15", line: 4)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], criteria: criteria, failures: failures)).units[0]
        #expect(u.months.map(\.passed) == [true, true, true, false, true, true, true, true, true, true, true, true])
        #expect(u.months[2].failed == 1)
        #expect(u.consequences.map(\.period.description) == ["2025-04"])
    }
}
