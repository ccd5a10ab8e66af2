import KaoheModel
/// The 优秀 quota (3.6): at most `floor(share × units)` units keep the quota band; a tie at the
/// cut never exceeds the quota; the others move down one band (flag `quota`).
enum QuotaRule {
    struct Candidate {
        var unitIndex: Int
        var total: ExactDecimal
    }

    /// Which candidates (non-vetoed units holding the quota band) move down; the caller
    /// fills `movedDown` with their ids.
    static func apply(_ quota: Quota, candidates: [Candidate], unitCount: Int) -> (moved: Set<Int>, outcome: QuotaOutcome) {
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
        return (moved, outcome)
    }
}
