import KaoheModel

/// A ranking table per group for one period or the year (docs/scoring.md §10).
package struct Ranking: Sendable {
    /// `2025-Q2`, `2025-H1`, `2025-03` or `2025`.
    package var period: Period
    package var groups: [GroupRanking]
}

package struct GroupRanking: Sendable {
    package var group: String
    /// Rank order; ties in units.csv order; unranked (vetoed) rows last.
    package var rows: [RankRow]
}

package struct RankRow: Sendable {
    // The score comes first so that the smaller fields fill its padding (48 bytes a row, not 80).
    package var score: ExactDecimal
    /// Index into `units.csv` order.
    package var unitIndex: Int
    package var rank: Int?
    /// Holds the largest rank of its group when that rank is greater than 1 (末位).
    package var last: Bool
}
