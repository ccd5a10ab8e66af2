import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// MonthFailRule: one month-fail consequence for every month the bulletin failed (docs/scoring.md §12.2).
@Suite struct MonthFailRuleTests {
    @Test func eachFailedMonthIsAConsequenceWithItsCount() {
        // January has 1 failed check, April 2; the mask marks months 1 and 4 (bits 0 and 3).
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", line: 2), Fixture.failure("U1", "a1", "2025-04-07", line: 3),
                        Fixture.failure("U1", "b1", "2025-04-08", line: 4), Fixture.failure("U1", "b1", "2025-06-09", line: 5)]
        let ledger = RuleInputs.ledger(failures: failures)
        let list = MonthFailRule.consequences(0b1001, year: 2025, ledger: ledger, unit: 0)
        #expect(list == [
            Consequence(kind: .monthFail, period: .month(1, of: 2025), evidence: nil, facts: .monthFail(failedChecks: 1)),
            Consequence(kind: .monthFail, period: .month(4, of: 2025), evidence: nil, facts: .monthFail(failedChecks: 2)),
        ])
        #expect(list.map(\.period.description) == ["2025-01", "2025-04"])
        #expect(list.allSatisfy { $0.level == 2 })
    }

    @Test func noFailedMonthNoConsequence() {
        let ledger = RuleInputs.ledger(failures: [Fixture.failure("U1", "a1", "2025-01-06", line: 2)])
        #expect(MonthFailRule.consequences(0, year: 2025, ledger: ledger, unit: 0).isEmpty)
    }

    @Test func decemberIsTheTwelfthBit() {
        let ledger = RuleInputs.ledger(failures: [Fixture.failure("U1", "a1", "2025-12-31", line: 2)])
        let list = MonthFailRule.consequences(1 << 11, year: 2025, ledger: ledger, unit: 0)
        #expect(list.map(\.period.description) == ["2025-12"])
        #expect(list.map(\.facts) == [.monthFail(failedChecks: 1)])
    }
}
