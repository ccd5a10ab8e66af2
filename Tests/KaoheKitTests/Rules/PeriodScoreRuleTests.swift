import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// PeriodScoreRule: a unit's period score and the category floor 扣完为止 (docs/scoring.md §1, §1.1).
@Suite struct PeriodScoreRuleTests {
    let d = Fixture.d

    @Test func categoryScoreFloorsAtZero() {
        #expect(PeriodScoreRule.categoryScore(points: 40, deducted: 0) == 40)
        #expect(PeriodScoreRule.categoryScore(points: 40, deducted: d("39.5")) == d("0.5"))
        #expect(PeriodScoreRule.categoryScore(points: 40, deducted: 40) == 0)
        // 40 − 50 = −10 → 0.
        #expect(PeriodScoreRule.categoryScore(points: 40, deducted: 50) == 0)
    }

    @Test func categoryIsFlooredAtZero() {
        // Five failures of b1 (10 each) in Q1: b = max(0, 40 − 50) = 0, not −10; a keeps 60.
        let failures = (0..<5).map { Fixture.failure("U1", "b1", "2025-03-0\($0 + 3)", line: $0 + 2) }
        let q1 = RuleInputs.periods(failures: failures).score(unit: 0, index: 1)
        #expect(q1.categories[1].deducted == 50)
        #expect(q1.categories[1].score == 0)
        #expect(q1.categories[0].score == 60)
        #expect(q1.score == 60)
    }

    @Test func aCategoryNeverTakesPointsFromAnother() {
        // a: max(0, 60 − 65) = 0; b: 40 − 10 = 30 → 30 (without the floor: −5 + 30 = 25).
        let failures = [Fixture.failure("U1", "a1", "2025-05-06", deduction: "65", line: 2),
                        Fixture.failure("U1", "b1", "2025-05-07", line: 3)]
        let q2 = RuleInputs.periods(failures: failures).score(unit: 0, index: 2)
        #expect(q2.categories.map(\.deducted) == [65, 10])
        #expect(q2.categories.map(\.score) == [0, 30])
        #expect(q2.score == 30)
    }

    @Test func aPeriodWithoutFailuresScoresFullMarks() {
        // U1 fails only in Q1; U2 never: every other period, and every period of U2, is 60 + 40 = 100.
        let table = RuleInputs.periods(units: RuleInputs.units(2),
                                       failures: [Fixture.failure("U1", "a1", "2025-02-03", line: 2)])
        #expect(table.scores(unit: 0).map(\.score) == [95, 100, 100, 100])
        #expect(table.scores(unit: 1).map(\.score) == [100, 100, 100, 100])
        #expect(table.score(unit: 1, index: 1).categories.map(\.deducted) == [0, 0])
        #expect(table.score(unit: 1, index: 1).categories.map(\.score) == [60, 40])
    }

    @Test func periodScoreRoundsHalfUp() {
        // 100 − 0.005 = 99.995 → 100.00 (truncating would give 99.99).
        // 100 − 0.015 = 99.985 → 99.99 (half-even would give 99.98).
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", deduction: "0.005", line: 2),
                        Fixture.failure("U1", "a1", "2025-04-07", deduction: "0.015", line: 3)]
        let table = RuleInputs.periods(failures: failures)
        #expect(table.score(unit: 0, index: 1).score == d("100.00"))
        #expect(table.score(unit: 0, index: 2).score == d("99.99"))
    }

    @Test func theSumIsRoundedNotEachCategory() {
        // a: 60 − 0.004 = 59.996, b: 40 − 0.004 = 39.996; 99.992 → 99.99.
        // Rounding each category first would give 60.00 + 40.00 = 100.00.
        let failures = [Fixture.failure("U1", "a1", "2025-07-07", deduction: "0.004", line: 2),
                        Fixture.failure("U1", "b1", "2025-07-08", deduction: "0.004", line: 3)]
        let q3 = RuleInputs.periods(failures: failures).score(unit: 0, index: 3)
        #expect(q3.score == d("99.99"))
        #expect(q3.categories.map(\.score) == [60, 40])   // each shown rounded
    }

    @Test func periodsCoverTheirMonths() {
        #expect(PeriodScoreRule.months(of: .quarter, index: 1) == 1...3)
        #expect(PeriodScoreRule.months(of: .quarter, index: 4) == 10...12)
        #expect(PeriodScoreRule.months(of: .half, index: 2) == 7...12)
        #expect(PeriodScoreRule.months(of: .month, index: 7) == 7...7)
        // 03-31 is in Q1 and H1; 04-01 in Q2 and H1; 07-01 in Q3 and H2.
        let failures = [Fixture.failure("U1", "a1", "2025-03-31", line: 2),
                        Fixture.failure("U1", "b1", "2025-04-01", line: 3),
                        Fixture.failure("U1", "a1", "2025-07-01", line: 4)]
        #expect(RuleInputs.periods(.quarter, failures: failures).scores(unit: 0).map(\.score) == [95, 90, 95, 100])
        #expect(RuleInputs.periods(.half, failures: failures).scores(unit: 0).map(\.score) == [85, 95])
        #expect(RuleInputs.periods(.month, failures: failures).scores(unit: 0).map(\.score)
                == [100, 100, 95, 90, 100, 100, 95, 100, 100, 100, 100, 100])
        #expect(RuleInputs.periods(.half, failures: failures).scores(unit: 0).map(\.label) == ["2025-H1", "2025-H2"])
    }

    @Test func eachFailedCheckDeductsItsOwnDeduction() {
        // a1 defaults to 5; this row says 2.5: a = 60 − 2.5 − 5 = 52.5.
        let failures = [Fixture.failure("U1", "a1", "2025-10-06", deduction: "2.5", line: 2),
                        Fixture.failure("U1", "a1", "2025-10-07", line: 3)]
        let q4 = RuleInputs.periods(failures: failures).score(unit: 0, index: 4)
        #expect(q4.categories[0].deducted == d("7.5"))
        #expect(q4.score == d("92.5"))
        #expect(q4.categories[0].failures.map(\.source.line) == [2, 3])
        #expect(q4.categories[1].failures.isEmpty)
    }

    /// For any failed checks: every category score is `max(0, points − Σ its period's
    /// deductions)` (never negative, never above its points), and the period score is the
    /// rounded sum of the unrounded category scores.
    @Test func categoryScoresStayWithinZeroAndThePoints() {
        var rng = SplitMix64(seed: 101)
        let criteria = Fixture.criteria(quota: nil)
        let deductions = ["0.005", "0.01", "0.25", "1", "5", "12.5", "33.333", "45", "70"]
        for _ in 0..<200 {
            let units = RuleInputs.units(1 + rng.below(3))
            let failures = (0..<rng.below(25)).map { line in
                Failure(date: CivilDate(dayNumber: Fixture.date("2025-01-01").dayNumber + rng.below(365)),
                        unit: units[rng.below(units.count)].0, item: rng.pick(["a1", "b1"]),
                        deduction: d(rng.pick(deductions)), source: SourceRef(file: "checks.csv", line: line + 2))
            }
            let kind = rng.pick(PeriodKind.allCases)
            let table = RuleInputs.periods(kind, units: units, failures: failures, criteria: criteria)
            for (u, unit) in units.enumerated() {
                for index in 1...kind.count {
                    let months = PeriodScoreRule.months(of: kind, index: index)
                    let period = table.score(unit: u, index: index)
                    var sum = ExactDecimal.zero
                    for (c, category) in criteria.categories.enumerated() {
                        let items = Set(category.items.map(\.id))
                        let deducted = ExactDecimal.sum(failures.filter {
                            $0.unit == unit.0 && months.contains($0.date.month) && items.contains($0.item)
                        }.map(\.deduction))
                        let unrounded = Swift.max(.zero, category.points - deducted)
                        let score = period.categories[c]
                        #expect(score.deducted == deducted)
                        #expect(score.score >= .zero && score.score <= category.points)
                        #expect(score.score == unrounded.rounded(2))
                        sum += unrounded
                    }
                    #expect(period.score == sum.rounded(2))
                }
            }
        }
    }
}

/// §1.2 exempt categories: the period score rescaled over the categories that apply.
@Suite struct ExemptCategoryTests {
    @Test func theOtherCategoriesAreRescaled() {
        // Category a (60) applies, b (40) is exempt: a1 failed twice (−10) → 50 × 100 ÷ 60 = 83.33.
        let units = [Unit(id: "U1", name: "U1", group: "G", exempt: ["b"])]
        let criteria = Fixture.criteria(quota: nil)
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", line: 2), Fixture.failure("U1", "a1", "2025-02-03", line: 3)]
        let ledger = RuleInputs.ledger(failures: failures, criteria: criteria)
        let table = PeriodScoreRule.table(ledger, kind: .quarter, year: 2025, criteria: criteria, units: units)
        let q1 = table.score(unit: 0, index: 1)
        #expect(q1.score == Fixture.d("83.33"))
        #expect(q1.rescale?.applicablePoints == 60)
        #expect(q1.categories.map(\.exempt) == [false, true])
        // A quarter without findings is still full marks: 60 × 100 ÷ 60.
        #expect(table.score(unit: 0, index: 2).score == 100)
    }
}
