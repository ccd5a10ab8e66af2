import KaoheModel

/// docs/scoring.md §3 — a scores part (年终考核 …): `round(Σ component weight × component
/// score)`. The survey component scores the survey (§4); a component without a score counts 0
/// (the loader reports it as an error before scoring is reached).
enum ScoresPartRule {
    static func score(_ part: SharedPart, components: ComponentList, scores: [String: ScoreRecord],
                      survey: SurveyOutcome?, surveyComponent: String?, places: Int) -> PartScore {
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
        return PartScore(shared: part, score: total.rounded(places), stored: .scores(detail))
    }
}
