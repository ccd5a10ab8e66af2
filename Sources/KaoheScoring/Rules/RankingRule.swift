import KaoheModel

/// docs/scoring.md §10 — rankings within a group: scores descending, equal scores share a
/// rank and the next rank skips (1, 2, 2, 4); ties keep `units.csv` order; unranked entries
/// (vetoed units in the annual ranking) come last without a rank. §10.1 last place (末位):
/// every unit holding the largest rank of its group, when that rank is greater than 1 (a group
/// whose units all share rank 1 has no last place). §10.2 `ranking.ties: dense` numbers
/// equal scores 1, 2, 2, 3 instead.
enum RankingRule {
    struct Entry {
        var unitIndex: Int
        var score: ExactDecimal
        /// Unranked entries (vetoed units in the annual ranking) are listed last with no rank.
        var ranked: Bool = true
    }

    /// Ranks entries given in `units.csv` order.
    static func rank(_ entries: [Entry], ties: RankingOptions.Ties = .shared) -> [RankRow] {
        let ranked = entries.filter(\.ranked).enumerated()
            .sorted { a, b in a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset }
            .map(\.element)
        var rows: [RankRow] = []
        for (position, entry) in ranked.enumerated() {
            let rank: Int
            if position > 0, let previous = rows.last, ranked[position - 1].score == entry.score, let r = previous.rank {
                rank = r
            } else if ties == .dense, let r = rows.last?.rank {
                rank = r + 1
            } else {
                rank = position + 1
            }
            rows.append(RankRow(score: entry.score, unitIndex: entry.unitIndex, rank: rank, last: false))
        }
        // §10.1
        if let largest = rows.last?.rank, largest > 1 {
            for i in rows.indices where rows[i].rank == largest { rows[i].last = true }
        }
        for entry in entries where !entry.ranked {
            rows.append(RankRow(score: entry.score, unitIndex: entry.unitIndex, rank: nil, last: false))
        }
        return rows
    }

    /// One ranking table per group, groups in order of first appearance.
    static func ranking(period: Period, groups: [String], units: [Unit], entries: [Entry],
                        ties: RankingOptions.Ties = .shared) -> Ranking {
        Ranking(period: period, groups: groups.map { group in
            GroupRanking(group: group, rows: rank(entries.filter { units[$0.unitIndex].group == group }, ties: ties))
        })
    }

    /// The ranking of each period of a period table, by period score.
    static func periodRankings(_ table: PeriodTable, groups: [String], units: [Unit], ties: RankingOptions.Ties) -> [Ranking] {
        (1...table.kind.count).map { index in
            ranking(period: .of(table.kind, year: table.year, index: index), groups: groups, units: units,
                    entries: units.indices.map { Entry(unitIndex: $0, score: table.score(unit: $0, index: index).score) },
                    ties: ties)
        }
    }

    /// The annual ranking by total; vetoed units (§8) are listed unranked.
    static func annualRanking(_ results: [UnitResult], year: Int, groups: [String], units: [Unit],
                              ties: RankingOptions.Ties) -> Ranking {
        ranking(period: .year(year), groups: groups, units: units,
                entries: results.indices.map { Entry(unitIndex: $0, score: results[$0].total, ranked: !results[$0].vetoed) },
                ties: ties)
    }

    /// Group names in order of first appearance.
    package static func orderedGroups(_ units: [Unit]) -> [String] {
        var seen = Set<String>()
        return units.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }
}
