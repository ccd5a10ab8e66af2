import KaoheModel

/// A last place held in a period ranking.
struct LastPlace: Sendable {
    var period: Period
    var rank: Int32
}

/// docs/scoring.md §12.3 — period-last (考核排名末位, level 2): every last place (§10.1) in
/// the rankings of the checks part's periods.
enum PeriodLastRule {
    /// Each unit's last places, in period order.
    static func find(_ rankings: [Ranking]) -> [Int: [LastPlace]] {
        var found: [Int: [LastPlace]] = [:]
        for ranking in rankings {
            for group in ranking.groups {
                for row in group.rows where row.last {
                    found[row.unitIndex, default: []].append(
                        LastPlace(period: ranking.period, rank: Int32(truncatingIfNeeded: row.rank ?? 0)))
                }
            }
        }
        return found
    }

    static func consequence(_ place: LastPlace, group: String) -> Consequence {
        Consequence(kind: .periodLast, period: place.period, evidence: nil,
                    facts: .periodLast(group: group, rank: Int(place.rank)))
    }
}
