import KaoheModel

/// The whole computed year: every fact the reports print, found once by the rules of
/// docs/scoring.md and kept, with the inputs each came from.
///
/// Renderers read only this (and the ``Dataset`` for names); they word it and never compute.
package struct Assessment: Sendable {
    package var year: Int
    package var criteria: Criteria
    /// One result per unit, in `units.csv` order.
    package var units: [UnitResult]
    /// Group names in order of first appearance in `units.csv`.
    package var groups: [String]
    /// Rankings of the checks part's periods (季考核排名), one per period of the year.
    package var periodRankings: [Ranking]
    /// The annual ranking per group (totals; vetoed units last, unranked).
    package var annualRanking: Ranking
    /// The 优秀 quota as applied, when the criteria set one.
    package var quota: QuotaOutcome?
    /// Each group's highest, mean and lowest period scores (empty without a checks part).
    package var groupSummaries: [GroupSummary]

    package init(year: Int, criteria: Criteria, units: [UnitResult], groups: [String],
                periodRankings: [Ranking], annualRanking: Ranking, quota: QuotaOutcome?,
                groupSummaries: [GroupSummary] = []) {
        self.year = year; self.criteria = criteria; self.units = units; self.groups = groups
        self.periodRankings = periodRankings; self.annualRanking = annualRanking; self.quota = quota
        self.groupSummaries = groupSummaries
    }

    package func result(for unitID: String) -> UnitResult? { units.first { $0.unit.id == unitID } }
}
