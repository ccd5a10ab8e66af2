import KaoheModel

/// docs/scoring.md §9 — the quota (优秀比例): at most `floor(share × units in units.csv)`
/// non-vetoed units keep the quota band; at the cut, tied units keep it only if all of them
/// fit (a tie never exceeds the quota); the others move down one band (flag `quota`).
enum QuotaRule {
    struct Candidate {
        var unitIndex: Int
        var total: ExactDecimal
    }

    /// Which candidates (non-vetoed units holding the quota band) move down, in ascending
    /// unit order, and the outcome to report.
    static func apply(_ quota: Quota, candidates: [Candidate], unitCount: Int, units: [Unit]) -> (moved: [Int], outcome: QuotaOutcome) {
        let allowed = (quota.share * ExactDecimal(unitCount)).floor
        var outcome = QuotaOutcome(band: quota.band, share: quota.share, allowed: allowed,
                                   reached: candidates.count, cut: nil, movedDown: [])
        guard candidates.count > allowed else { return ([], outcome) }
        var moved = Set<Int>()
        if allowed <= 0 {
            moved = Set(candidates.map(\.unitIndex))
        } else {
            let sorted = candidates.sorted { $0.total > $1.total }
            let cut = sorted[allowed - 1].total
            outcome.cut = cut
            let atOrAbove = candidates.filter { $0.total >= cut }.count
            for candidate in candidates {
                let keeps = candidate.total > cut || (candidate.total == cut && atOrAbove <= allowed)
                if !keeps { moved.insert(candidate.unitIndex) }
            }
        }
        let order = moved.sorted()
        outcome.movedDown = order.map { units[$0].id }
        return (order, outcome)
    }
}
