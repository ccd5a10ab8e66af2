import KaoheModel
/// Part scores (3.3, 3.4): the checks part as the mean of rounded period scores, a scores
/// part as the weighted sum of its components.
enum PartScoring {
    /// `round(mean of the rounded period scores)`.
    /// With `derivation`, the part keeps no copy of the period scores (they are worked out
    /// again when its detail is read).
    static func checksPart(_ part: SharedPart, periods: [PeriodScore], places: Int,
                           derivation: UnitDerivation? = nil) -> PartScore {
        let scores = periods.map(\.score)
        let sum = ExactDecimal.sum(scores)
        let mean = scores.isEmpty ? .zero : ExactDecimal.quotient(sum, ExactDecimal(scores.count), places: places)
        let stored: PartScore.StoredDetail = derivation.map { .periods($0, sum: sum) }
            ?? .detail(.checks(periodScores: scores, sum: sum))
        return PartScore(shared: part, score: mean, stored: stored)
    }

    /// `round(Σ component.weight × score)`; a component without a score counts 0 (validation
    /// reports it as an error before scoring is reached).
    static func scoresPart(_ part: SharedPart, components: ComponentList,
                           scores: [String: ScoreRecord], survey: SurveyOutcome?, surveyComponent: String?,
                           places: Int) -> PartScore {
        var detail: [ComponentScore] = []
        detail.reserveCapacity(components.list.count)
        var total = ExactDecimal.zero
        for (index, component) in components.list.enumerated() {
            let score: ExactDecimal
            let source: SourceRef?
            if component.id == surveyComponent, let surveyScore = survey?.score {
                score = surveyScore
                source = survey?.record.source
            } else if let record = scores[component.id] {
                score = record.score
                source = record.source
            } else {
                score = .zero
                source = nil
            }
            total += component.weight * score
            detail.append(ComponentScore(components: components, index: Int32(truncatingIfNeeded: index), score: score,
                                         source: source))
        }
        return PartScore(shared: part, score: total.rounded(places), stored: .detail(.scores(detail)))
    }
}
