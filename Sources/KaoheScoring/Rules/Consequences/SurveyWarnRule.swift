import KaoheModel

/// docs/scoring.md §12.4 — survey-warn (民意调查满意率偏低, level 2): the satisfaction rate
/// (§4) is below the criteria's `warn` line.
enum SurveyWarnRule {
    static func applies(_ outcome: SurveyOutcome?, rule: SurveyRule?) -> Bool {
        guard let outcome, let warn = rule?.warn else { return false }
        return outcome.rate < warn
    }

    static func consequence(_ survey: SurveyOutcome, year: Int) -> Consequence {
        Consequence(kind: .surveyWarn, period: .year(year), evidence: survey.record.source,
                    facts: .surveyWarn(rate: survey.rate))
    }
}
