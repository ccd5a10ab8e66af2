import KaoheModel

/// A ranking table per group for one period or the year (docs/scoring.md §10).
public struct Ranking: Sendable {
    /// `2025-Q2`, `2025-H1`, `2025-03` or `2025`.
    public var period: Period
    public var groups: [GroupRanking]
}

public struct GroupRanking: Sendable {
    public var group: String
    /// Rank order; ties in units.csv order; unranked (vetoed) rows last.
    public var rows: [RankRow]
}

public struct RankRow: Sendable {
    // The score comes first so that the smaller fields fill its padding (48 bytes a row, not 80).
    public var score: ExactDecimal
    /// Index into `units.csv` order.
    public var unitIndex: Int
    public var rank: Int?
    /// Holds the largest rank of its group when that rank is greater than 1 (末位).
    public var last: Bool
}
