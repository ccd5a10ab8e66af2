import KaoheModel
/// Rankings within a group (3.7): scores descending, equal scores share a rank and the next
/// rank skips (1, 2, 2, 4); ties keep `units.csv` order; "last place" is every unit holding the
/// largest rank when at least two units are ranked.
enum Ranker {
    struct Entry {
        var unitIndex: Int
        var score: ExactDecimal
        /// Unranked entries (vetoed units in the annual ranking) are listed last with no rank.
        var ranked: Bool = true
    }

    /// Ranks entries given in `units.csv` order.
    static func rank(_ entries: [Entry]) -> [RankRow] {
        let ranked = entries.filter(\.ranked).enumerated()
            .sorted { a, b in a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset }
            .map(\.element)
        var rows: [RankRow] = []
        for (position, entry) in ranked.enumerated() {
            let rank: Int
            if position > 0, let previous = rows.last, ranked[position - 1].score == entry.score, let r = previous.rank {
                rank = r
            } else {
                rank = position + 1
            }
            rows.append(RankRow(score: entry.score, unitIndex: entry.unitIndex, rank: rank, last: false))
        }
        if rows.count >= 2, let largest = rows.last?.rank {
            for i in rows.indices where rows[i].rank == largest { rows[i].last = true }
        }
        for entry in entries where !entry.ranked {
            rows.append(RankRow(score: entry.score, unitIndex: entry.unitIndex, rank: nil, last: false))
        }
        return rows
    }

    /// One ranking table per group, groups in order of first appearance.
    static func ranking(period: String, groups: [String], units: [Unit], entries: [Entry]) -> Ranking {
        Ranking(period: period, groups: groups.map { group in
            GroupRanking(group: group, rows: rank(entries.filter { units[$0.unitIndex].group == group }))
        })
    }
}
