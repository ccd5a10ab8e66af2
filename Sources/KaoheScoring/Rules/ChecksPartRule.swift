import KaoheModel

/// docs/scoring.md §2 — the checks part (日常考核): the mean of the unit's rounded period
/// scores, rounded.
enum ChecksPartRule {
    static func score(_ part: SharedPart, periods: PeriodTable, unit: Int, places: Int) -> PartScore {
        let scores = periods.scores(unit: unit).map(\.score)
        let sum = ExactDecimal.sum(scores)
        let mean = scores.isEmpty ? .zero : ExactDecimal.quotient(sum, ExactDecimal(scores.count), places: places)
        return PartScore(shared: part, score: mean, stored: .checks(periods, unit: Int32(truncatingIfNeeded: unit), sum: sum))
    }
}
