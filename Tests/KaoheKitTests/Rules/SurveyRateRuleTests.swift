import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// SurveyRateRule: the survey rate, its component score and the commend flag (docs/scoring.md §4).
@Suite struct SurveyRateRuleTests {
    let d = Fixture.d
    let rule = SurveyRule(component: "survey", basicWeight: Fixture.d("0.8"), commend: Fixture.d("0.95"), warn: Fixture.d("0.8"))

    func outcome(_ satisfied: Int, _ basic: Int, _ dissatisfied: Int, rule: SurveyRule? = nil) -> SurveyOutcome? {
        SurveyRateRule.outcome(RuleInputs.survey(satisfied: satisfied, basic: basic, dissatisfied: dissatisfied),
                               rule: rule ?? self.rule, places: 2)
    }

    @Test func basicAnswersCountAtTheirWeight() {
        // (190 + 0.8 × 10) / 200 = 0.99 → 99; (100 + 0.8 × 50) / 200 = 0.7 → 70.
        #expect(outcome(190, 10, 0)?.rate == d("0.99"))
        #expect(outcome(190, 10, 0)?.score == 99)
        #expect(outcome(100, 50, 50)?.rate == d("0.7"))
        #expect(outcome(100, 50, 50)?.score == 70)
        // With the default weight 1 a basic answer counts in full: (100 + 50) / 200 = 0.75.
        #expect(outcome(100, 50, 50, rule: SurveyRule(component: "survey"))?.rate == d("0.75"))
    }

    @Test func theRateIsRoundedHalfUpToFourPlaces() {
        // 2/3 = 0.66666… → 0.6667 → 66.67; 1/3 → 0.3333 → 33.33.
        #expect(outcome(2, 0, 1)?.rate == d("0.6667"))
        #expect(outcome(2, 0, 1)?.score == d("66.67"))
        #expect(outcome(1, 0, 2)?.rate == d("0.3333"))
        // 1/32 = 0.03125 → 0.0313 (half-even or truncation: 0.0312); the score uses the rounded rate: 3.13.
        #expect(outcome(1, 0, 31)?.rate == d("0.0313"))
        #expect(outcome(1, 0, 31)?.score == d("3.13"))
        // (5 + 0.8 × 1) / 7 = 0.828571… → 0.8286 → 82.86.
        #expect(outcome(5, 1, 1)?.rate == d("0.8286"))
        #expect(outcome(5, 1, 1)?.score == d("82.86"))
    }

    @Test func noAnswersGiveNoRate() {
        #expect(outcome(0, 0, 0) == nil)
    }

    @Test func withoutASurveyComponentThereIsNoScore() {
        let plain = SurveyRule(basicWeight: d("0.8"), commend: d("0.95"))
        #expect(outcome(190, 10, 0, rule: plain)?.rate == d("0.99"))
        #expect(outcome(190, 10, 0, rule: plain)?.score == nil)
    }

    @Test func commendAtExactlyTheLine() {
        // 19/20 = 0.95: exactly the line, commended; 9499/10000 = 0.9499: not.
        #expect(SurveyRateRule.commended(outcome(19, 0, 1), rule: rule))
        #expect(!SurveyRateRule.commended(outcome(9499, 0, 501), rule: rule))
        // 18999/20000 = 0.94995 → rounded to 0.9500 first, so it reaches the line.
        #expect(outcome(18999, 0, 1001)?.rate == d("0.95"))
        #expect(SurveyRateRule.commended(outcome(18999, 0, 1001), rule: rule))
    }

    @Test func noCommendWithoutALineOrARate() {
        #expect(!SurveyRateRule.commended(outcome(20, 0, 0), rule: SurveyRule(component: "survey")))
        #expect(!SurveyRateRule.commended(outcome(20, 0, 0), rule: nil))
        #expect(!SurveyRateRule.commended(nil, rule: rule))
    }

    /// For any answers the rate is within 0…1 and the score is `round(rate × 100)`.
    @Test func theRateStaysWithinZeroAndOne() {
        var rng = SplitMix64(seed: 104)
        for _ in 0..<500 {
            let weight = d(rng.pick(["0", "0.5", "0.8", "1"]))
            let rule = SurveyRule(component: "survey", basicWeight: weight)
            let (s, b, n) = (rng.below(300), rng.below(300), rng.below(300))
            guard let result = SurveyRateRule.outcome(RuleInputs.survey(satisfied: s, basic: b, dissatisfied: n),
                                                      rule: rule, places: 2) else {
                #expect(s + b + n == 0)
                continue
            }
            let exact = ExactDecimal.quotient(ExactDecimal(s) + weight * ExactDecimal(b), ExactDecimal(s + b + n), places: 4)
            #expect(result.rate == exact)
            #expect(result.rate >= .zero && result.rate <= .one)
            #expect(result.score == (result.rate * 100).rounded(2))
        }
    }

    @Test func surveyRateScoreCommendAndWarnInAnAssessment() {
        let criteria = Fixture.criteria(quota: nil, survey: rule)
        let surveys = [
            RuleInputs.survey("U1", satisfied: 190, basic: 10, dissatisfied: 0, line: 2),
            RuleInputs.survey("U2", satisfied: 100, basic: 50, dissatisfied: 50, line: 3),
            RuleInputs.survey("U3", satisfied: 2, basic: 0, dissatisfied: 1, line: 4),
        ]
        let a = Assessor.assess(Fixture.dataset(units: RuleInputs.units(3), scores: ["U1": "80", "U2": "80", "U3": "80"],
                                                criteria: criteria, surveys: surveys))
        // U1: (190 + 8)/200 = 0.99 → 99; U2: (100 + 40)/200 = 0.7 → 70; U3: 2/3 = 0.6667 → 66.67.
        #expect(a.units.map { $0.survey?.rate } == [d("0.99"), d("0.7"), d("0.6667")])
        #expect(a.units.map { $0.survey?.score } == [99, 70, d("66.67")])
        #expect(a.units[0].flags == ["commend"])
        #expect(a.units[1].consequences.map(\.kind).contains(.surveyWarn))
        #expect(a.units[1].consequences.first { $0.kind == .surveyWarn }?.evidence?.description == "survey.csv:3")
        // yearEnd U3 = 0.5 × 80 + 0.5 × 66.67 = 73.335 → 73.34.
        #expect(a.units[2].parts[1].score == d("73.34"))
    }
}
