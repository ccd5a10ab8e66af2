import KaoheModel
/// The public-opinion survey (3.5): `rate = (satisfied + basicWeight × basic) / all answers`,
/// rounded half-up to 4 decimals; the survey component scores `round(rate × 100)`.
enum SurveyScoring {
    static let ratePlaces = 4

    static func outcome(_ record: SurveyRecord, rule: SurveyRule, places: Int) -> SurveyOutcome? {
        let answers = record.satisfied + record.basic + record.dissatisfied
        guard answers > 0 else { return nil }
        let favourable = ExactDecimal(record.satisfied) + rule.basicWeight * ExactDecimal(record.basic)
        let rate = ExactDecimal.quotient(favourable, ExactDecimal(answers), places: ratePlaces)
        let score = rule.component == nil ? nil : (rate * ExactDecimal.hundred).rounded(places)
        return SurveyOutcome(record: record, rate: rate, score: score)
    }

    static func commended(_ outcome: SurveyOutcome?, rule: SurveyRule?) -> Bool {
        guard let outcome, let commend = rule?.commend else { return false }
        return outcome.rate >= commend
    }

    static func warned(_ outcome: SurveyOutcome?, rule: SurveyRule?) -> Bool {
        guard let outcome, let warn = rule?.warn else { return false }
        return outcome.rate < warn
    }
}
