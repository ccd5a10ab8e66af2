import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// TotalRule: total = round(clamp(Σ weight × part + bonus − penalty, 0, scale)) and the contribution (docs/scoring.md §6).
@Suite struct TotalRuleTests {
    let d = Fixture.d

    func unrounded(_ parts: [(String, String)], bonus: String = "0", penalty: String = "0") -> ExactDecimal {
        TotalRule.unrounded(base: TotalRule.weightedSum(parts: parts.map { RuleInputs.partScore(weight: $0.0, score: $0.1) }),
                            bonus: RuleInputs.adjustment(bonus), penalty: RuleInputs.adjustment(penalty))
    }

    @Test func weightedPartsPlusBonusMinusPenalty() {
        // 0.5 × 99.99 + 0.5 × 80 + 1 − 0.5 = 49.995 + 40 + 0.5 = 90.495.
        #expect(unrounded([("0.5", "99.99"), ("0.5", "80")], bonus: "1", penalty: "0.5") == d("90.495"))
        // 0.3 × 90 + 0.7 × 70 = 27 + 49 = 76.
        #expect(unrounded([("0.3", "90"), ("0.7", "70")]) == 76)
    }

    @Test func totalOf89_995RoundsTo90() {
        // 0.5 × 99.99 + 0.5 × 80 = 89.995 → 90.00 (truncation: 89.99).
        let exact = unrounded([("0.5", "99.99"), ("0.5", "80")])
        #expect(exact == d("89.995"))
        #expect(TotalRule.total(exact, ceiling: 100, places: 2) == d("90.00"))
        #expect(TotalRule.total(d("89.994"), ceiling: 100, places: 2) == d("89.99"))
        // 90.125 → 90.13 (half-even: 90.12).
        #expect(TotalRule.total(d("90.125"), ceiling: 100, places: 2) == d("90.13"))
    }

    @Test func totalIsClampedToZeroAndTheScale() {
        #expect(TotalRule.total(d("102.5"), ceiling: 100, places: 2) == 100)
        #expect(TotalRule.total(d("100.004"), ceiling: 100, places: 2) == 100)
        #expect(TotalRule.total(-30, ceiling: 100, places: 2) == 0)
        #expect(TotalRule.total(d("-0.004"), ceiling: 100, places: 2) == 0)
        // Another scale: 102.5 fits within 150.
        #expect(TotalRule.total(d("102.5"), ceiling: 150, places: 2) == d("102.5"))
        #expect(TotalRule.total(100, ceiling: 100, places: 2) == 100)
    }

    @Test func contributionRoundsHalfUp() {
        // 92.83 × 4 / 100 = 3.7132 → 3.71; 93.75 × 4 / 100 = 3.75; 90.125 × 4 / 100 = 3.605 → 3.61.
        #expect(TotalRule.contribution(d("92.83"), targetShare: 4, scale: 100, places: 2) == d("3.71"))
        #expect(TotalRule.contribution(d("93.75"), targetShare: 4, scale: 100, places: 2) == d("3.75"))
        #expect(TotalRule.contribution(d("90.125"), targetShare: 4, scale: 100, places: 2) == d("3.61"))
        // 90 × 2.5 / 100 = 2.25.
        #expect(TotalRule.contribution(90, targetShare: d("2.5"), scale: 100, places: 2) == d("2.25"))
    }

    /// For any unrounded total: the total lies within 0…scale and is the rounded value when the
    /// unrounded one already does.
    @Test func theTotalStaysWithinZeroAndTheScale() {
        var rng = SplitMix64(seed: 106)
        for _ in 0..<500 {
            let x = ExactDecimal(mantissa: Int128(rng.between(-20_000...130_000)), exponent: 3)
            let total = TotalRule.total(x, ceiling: 100, places: 2)
            #expect(total >= .zero && total <= 100)
            if x >= .zero && x <= 100 { #expect(total == x.rounded(2)) }
            if x > 100 { #expect(total == 100) }
            if x < .zero { #expect(total == .zero) }
        }
    }

    @Test func bonusIsCappedAndTotalClampedAtTheScaleInAnAssessment() {
        let events = [Fixture.event("U1", .bonus, "2", line: 2), Fixture.event("U1", .bonus, "2.5", line: 3)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "99"], events: events)).units[0]
        #expect(u.bonus.sum == d("4.5"))
        #expect(u.bonus.applied == 3)
        // 0.5 × 100 + 0.5 × 99 + 3 = 102.5 → clamped to 100.
        #expect(u.unroundedTotal == d("102.5"))
        #expect(u.total == 100)
    }

    @Test func penaltyClampsAtZeroInAnAssessment() {
        let events = [Fixture.event("U1", .penalty, "80", line: 2)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "0"], events: events)).units[0]
        // 50 + 0 − 80 = −30 → 0.
        #expect(u.total == 0)
        #expect(u.band == "D")
        #expect(u.consequences.map(\.kind) == [.annualFail])
    }
}

/// §6.1 The ceiling of totals, and the contribution over the scale.
@Suite struct CeilingTests {
    let d = Fixture.d

    @Test func totalsStopAtTheCeilingOrNowhere() {
        #expect(TotalRule.total(d("123.456"), ceiling: 130, places: 2) == d("123.46"))
        #expect(TotalRule.total(d("135"), ceiling: 130, places: 2) == 130)
        #expect(TotalRule.total(d("235.5"), ceiling: nil, places: 2) == d("235.5"))
        #expect(TotalRule.total(d("-3"), ceiling: nil, places: 2) == 0)
    }

    @Test func theContributionIsOverTheScale() {
        // A 150-point scheme: 120 × 4 / 150 = 3.2; 100 × 2 / 150 = 1.3333… → 1.33.
        #expect(TotalRule.contribution(120, targetShare: 4, scale: 150, places: 2) == d("3.2"))
        #expect(TotalRule.contribution(100, targetShare: 2, scale: 150, places: 2) == d("1.33"))
        // Above full marks (ceiling 130): 123 × 2 / 100 = 2.46.
        #expect(TotalRule.contribution(123, targetShare: 2, scale: 100, places: 2) == d("2.46"))
    }

    @Test func aVetoScoreFixesTheTotalAndTheContribution() {
        var criteria = Fixture.criteria(quota: nil)
        criteria.veto = VetoRule(band: "D", score: 59)
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "90", "U2": "80"],
                                                criteria: criteria, events: [Fixture.event("U1", .veto, line: 2)]))
        #expect(a.units[0].scoredTotal == 95)
        #expect(a.units[0].total == 59)
        #expect(a.units[0].contribution == d("2.36"))
        #expect(a.units[0].band == "D")
    }
}
