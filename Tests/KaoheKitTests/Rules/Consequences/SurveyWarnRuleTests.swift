import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// SurveyWarnRule: a survey rate below `warn` triggers survey-warn (docs/scoring.md §12.4).
@Suite struct SurveyWarnRuleTests {
    let d = Fixture.d
    let rule = SurveyRule(warn: Fixture.d("0.8"))

    func outcome(_ satisfied: Int, _ dissatisfied: Int) -> SurveyOutcome? {
        SurveyRateRule.outcome(RuleInputs.survey(satisfied: satisfied, dissatisfied: dissatisfied, line: 3), rule: rule, places: 2)
    }

    @Test func belowTheLineWarns() {
        // 7/10 = 0.7 < 0.8; 7999/10000 = 0.7999 < 0.8.
        #expect(SurveyWarnRule.applies(outcome(7, 3), rule: rule))
        #expect(SurveyWarnRule.applies(outcome(7999, 2001), rule: rule))
    }

    @Test func exactlyAtTheLineDoesNotWarn() {
        // 8/10 = 0.8: not below. 15999/20000 = 0.79995 → rounded 0.8000 first: not below.
        #expect(!SurveyWarnRule.applies(outcome(8, 2), rule: rule))
        #expect(outcome(15999, 4001)?.rate == d("0.8"))
        #expect(!SurveyWarnRule.applies(outcome(15999, 4001), rule: rule))
    }

    @Test func noWarnWithoutALineOrARate() {
        #expect(!SurveyWarnRule.applies(outcome(1, 9), rule: SurveyRule()))
        #expect(!SurveyWarnRule.applies(outcome(1, 9), rule: nil))
        #expect(!SurveyWarnRule.applies(nil, rule: rule))
    }

    @Test func theConsequenceCarriesTheRateAndTheSurveyLine() {
        guard let survey = outcome(7, 3) else { Issue.record("no rate"); return }
        #expect(SurveyWarnRule.consequence(survey, year: 2025)
                == Consequence(kind: .surveyWarn, period: .year(2025), evidence: SourceRef(file: "survey.csv", line: 3),
                               facts: .surveyWarn(rate: d("0.7"))))
        #expect(SurveyWarnRule.consequence(survey, year: 2025).level == 2)
    }
}
