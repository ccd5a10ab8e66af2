import KaoheModel

/// docs/scoring.md §4 — the public-opinion survey (民意调查):
/// `rate = (satisfied + basicWeight × basic) / all answers`, rounded half-up to 4 decimals;
/// the survey component scores `round(rate × 100)`; a rate of at least `commend` flags
/// `commend`.
enum SurveyRateRule {
    static let ratePlaces = 4

    static func outcome(_ record: SurveyRecord, rule: SurveyRule, places: Int) -> SurveyOutcome? {
        let answers = record.satisfied + record.basic + record.dissatisfied
        guard answers > 0 else { return nil }
        let favourable = ExactDecimal(record.satisfied) + rule.basicWeight * ExactDecimal(record.basic)
        let rate = ExactDecimal.quotient(favourable, ExactDecimal(answers), places: ratePlaces)
        let score = rule.component == nil ? nil : (rate * ExactDecimal.hundred).rounded(places)
        return SurveyOutcome(record: record, rate: rate, score: score)
    }

    /// The flag `commend`: the rate reaches the criteria's `commend` line.
    static func commended(_ outcome: SurveyOutcome?, rule: SurveyRule?) -> Bool {
        guard let outcome, let commend = rule?.commend else { return false }
        return outcome.rate >= commend
    }
}
