import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// ChecksPartRule: the checks part is the rounded mean of the rounded period scores (docs/scoring.md §2).
@Suite struct ChecksPartRuleTests {
    let d = Fixture.d

    func score(_ failures: [Failure], kind: PeriodKind = .quarter, unit: Int = 0, units: Int = 1) -> PartScore {
        let table = RuleInputs.periods(kind, units: RuleInputs.units(units), failures: failures)
        return ChecksPartRule.score(RuleInputs.part("daily", weight: "0.5", kind: .checks(period: kind)), periods: table,
                                    unit: unit, places: 2)
    }

    @Test func checksPartIsTheRoundedMeanOfRoundedPeriods() {
        // Q1 loses 5 → 95. Q2 loses 0.125 → 99.875 → printed 99.88.
        // (95 + 99.88 + 100 + 100) / 4 = 98.72.
        let part = score([Fixture.failure("U1", "a1", "2025-01-06", line: 2),
                          Fixture.failure("U1", "a1", "2025-04-07", deduction: "0.125", line: 3)])
        #expect(part.score == d("98.72"))
        guard case .checks(let periods, let sum) = part.detail else { Issue.record("not a checks detail"); return }
        #expect(periods == [95, d("99.88"), 100, 100])
        #expect(sum == d("394.88"))
    }

    @Test func theMeanIsTakenOfTheRoundedPeriodScores() {
        // Q1–Q3 lose 0.006 each: 99.994 → 99.99. (3 × 99.99 + 100) / 4 = 99.9925 → 99.99.
        // The mean of the unrounded scores, (3 × 99.994 + 100) / 4 = 99.9955, would give 100.00.
        let failures = (1...3).map { Fixture.failure("U1", "a1", "2025-0\($0 * 3)-02", deduction: "0.006", line: $0 + 1) }
        #expect(score(failures).score == d("99.99"))
    }

    @Test func theMeanRoundsHalfUp() {
        // Q1 loses 0.06 → 99.94; (99.94 + 300) / 4 = 99.985 → 99.99 (half-even or truncation: 99.98).
        #expect(score([Fixture.failure("U1", "a1", "2025-02-03", deduction: "0.06", line: 2)]).score == d("99.99"))
        // Q1 and Q2 lose 0.01 → 99.99 each; 399.98 / 4 = 99.995 → 100.00 (truncation: 99.99).
        #expect(score([Fixture.failure("U1", "a1", "2025-02-03", deduction: "0.01", line: 2),
                       Fixture.failure("U1", "a1", "2025-05-05", deduction: "0.01", line: 3)]).score == d("100.00"))
    }

    @Test func halvesAverageTwoPeriodsAndMonthsTwelve() {
        // Halves: H1 loses 5 → 95; (95 + 100) / 2 = 97.5.
        let failure = [Fixture.failure("U1", "a1", "2025-06-30", line: 2)]
        #expect(score(failure, kind: .half).score == d("97.5"))
        // Months: June loses 5; (95 + 11 × 100) / 12 = 99.58333… → 99.58.
        #expect(score(failure, kind: .month).score == d("99.58"))
    }

    @Test func eachUnitAveragesItsOwnPeriods() {
        // U2 has no failures: 100. U1: (90 + 3 × 100) / 4 = 97.5.
        let failures = [Fixture.failure("U1", "b1", "2025-08-04", line: 2)]
        #expect(score(failures, unit: 0, units: 2).score == d("97.5"))
        #expect(score(failures, unit: 1, units: 2).score == 100)
    }

    /// For any failed checks the part is `round(Σ period scores / number of periods)`.
    @Test func thePartIsTheRoundedMeanForAnyYear() {
        var rng = SplitMix64(seed: 102)
        let deductions = ["0.001", "0.005", "0.013", "0.125", "1", "5", "7.777"]
        for _ in 0..<200 {
            let failures = (0..<rng.below(12)).map { line in
                Failure(date: CivilDate(dayNumber: Fixture.date("2025-01-01").dayNumber + rng.below(365)), unit: "U1",
                        item: rng.pick(["a1", "b1"]), deduction: d(rng.pick(deductions)),
                        source: SourceRef(file: "checks.csv", line: line + 2))
            }
            let kind = rng.pick(PeriodKind.allCases)
            let periods = RuleInputs.periods(kind, failures: failures).scores(unit: 0).map(\.score)
            #expect(periods.count == kind.count)
            let expected = ExactDecimal.quotient(ExactDecimal.sum(periods), ExactDecimal(kind.count), places: 2)
            #expect(score(failures, kind: kind).score == expected)
        }
    }
}
