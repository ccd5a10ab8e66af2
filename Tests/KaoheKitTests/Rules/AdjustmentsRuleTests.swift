import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// AdjustmentsRule: bonus and penalty, each min(Σ points, cap), rounded (docs/scoring.md §5).
@Suite struct AdjustmentsRuleTests {
    let d = Fixture.d

    func criteria(bonusCap: String? = "3", penaltyCap: String? = nil) -> Criteria {
        Fixture.criteria(quota: nil, bonusCap: bonusCap.map(Fixture.d), penaltyCap: penaltyCap.map(Fixture.d))
    }

    @Test func bonusIsCapped() {
        // 2 + 2.5 = 4.5 > cap 3 → 3.
        let events = [Fixture.event("U1", .bonus, "2", line: 2), Fixture.event("U1", .bonus, "2.5", line: 3)]
        let bonus = AdjustmentsRule.bonus(events, criteria: criteria(), base: 100)
        #expect(bonus.sum == d("4.5"))
        #expect(bonus.cap == 3)
        #expect(bonus.applied == 3)
        #expect(bonus.events.map(\.source.line) == [2, 3])
    }

    @Test func aSumWithinTheCapIsKept() {
        // 1 + 1.5 = 2.5 ≤ 3; exactly 3 stays 3.
        #expect(AdjustmentsRule.bonus([Fixture.event("U1", .bonus, "1", line: 2), Fixture.event("U1", .bonus, "1.5", line: 3)],
                                      criteria: criteria(), base: 100).applied == d("2.5"))
        #expect(AdjustmentsRule.bonus([Fixture.event("U1", .bonus, "3", line: 2)], criteria: criteria(), base: 100).applied == 3)
    }

    @Test func penaltyWithoutACapIsTheWholeSum() {
        let events = [Fixture.event("U1", .penalty, "80", line: 2), Fixture.event("U1", .penalty, "1.5", line: 3)]
        let penalty = AdjustmentsRule.penalty(events, criteria: criteria(penaltyCap: nil))
        #expect(penalty.cap == nil)
        #expect(penalty.applied == d("81.5"))
        // With a cap of 5: min(81.5, 5) = 5.
        #expect(AdjustmentsRule.penalty(events, criteria: criteria(penaltyCap: "5")).applied == 5)
    }

    @Test func eachSideTakesOnlyItsOwnEvents() {
        // Bonus 2 (capped at 3: 2), penalty 1; the veto carries no points and counts in neither.
        let events = [Fixture.event("U1", .penalty, "1", line: 2), Fixture.event("U1", .veto, line: 3),
                      Fixture.event("U1", .bonus, "2", line: 4)]
        let bonus = AdjustmentsRule.bonus(events, criteria: criteria(), base: 100)
        let penalty = AdjustmentsRule.penalty(events, criteria: criteria())
        #expect(bonus.events.map(\.source.line) == [4])
        #expect(bonus.applied == 2)
        #expect(penalty.events.map(\.source.line) == [2])
        #expect(penalty.applied == 1)
    }

    @Test func noEventsGiveZero() {
        let bonus = AdjustmentsRule.bonus([], criteria: criteria(), base: 100)
        #expect(bonus.sum == 0)
        #expect(bonus.applied == 0)
    }

    @Test func theAppliedAmountIsRoundedHalfUp() {
        // 0.125 → 0.13; the sum keeps 0.125.
        let bonus = AdjustmentsRule.adjustment([Fixture.event("U1", .bonus, "0.125", line: 2)], cap: nil, places: 2)
        #expect(bonus.sum == d("0.125"))
        #expect(bonus.applied == d("0.13"))
    }

    /// For any events and cap: applied = round(min(Σ, cap)), never above the cap.
    @Test func theAppliedAmountNeverExceedsTheCap() {
        var rng = SplitMix64(seed: 105)
        for _ in 0..<300 {
            let cap: ExactDecimal? = rng.chance(percent: 20) ? nil : d(rng.pick(["0", "0.5", "2", "3", "10"]))
            let events = (0..<rng.below(6)).map { Fixture.event("U1", .bonus, rng.pick(["0.25", "1", "1.5", "4"]), line: $0 + 2) }
            let sum = ExactDecimal.sum(events.compactMap(\.points))
            let applied = AdjustmentsRule.adjustment(events, cap: cap, places: 2).applied
            if let cap {
                #expect(applied <= cap)
                #expect(applied == (sum < cap ? sum : cap).rounded(2))
            } else {
                #expect(applied == sum)
            }
        }
    }
}

/// §5.1 The conditional bonus: it counts only when the base reaches `bonusMin`.
@Suite struct ConditionalBonusTests {
    let d = Fixture.d

    func criteria(bonusMin: String) -> Criteria {
        var criteria = Fixture.criteria(quota: nil, bonusCap: Fixture.d("30"))
        criteria.adjustments.bonusMin = Fixture.d(bonusMin)
        return criteria
    }

    @Test func exactlyAtTheMinimumTheBonusCounts() {
        let events = [Fixture.event("U1", .bonus, "5", line: 2)]
        let at = AdjustmentsRule.bonus(events, criteria: criteria(bonusMin: "80.01"), base: d("80.01"))
        #expect(at.applied == 5)
        #expect(at.withheld == nil)
        let below = AdjustmentsRule.bonus(events, criteria: criteria(bonusMin: "80.01"), base: d("80.00"))
        #expect(below.applied == 0)
        #expect(below.withheld == 5)
        #expect(below.minimum == d("80.01"))
    }

    /// In an assessment the base is the rounded weighted sum: 0.5 × 100 + 0.5 × 60.01 = 80.005 → 80.01.
    @Test func theBaseIsRoundedBeforeTheComparison() {
        let units = [("U1", "G"), ("U2", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "60.01", "U2": "60"], criteria: criteria(bonusMin: "80.01"),
                                                events: [Fixture.event("U1", .bonus, "5", line: 2), Fixture.event("U2", .bonus, "5", line: 3)]))
        #expect(a.units[0].base == d("80.01"))
        #expect(a.units[0].bonus.applied == 5)
        #expect(a.units[0].total == d("85.01"))
        #expect(a.units[1].base == d("80.00"))
        #expect(a.units[1].bonus.applied == 0)
        #expect(a.units[1].total == d("80.00"))
    }
}
