import KaoheModel

/// docs/scoring.md §8 — the one-vote veto (一票否决): a unit with a veto event holds the
/// criteria's veto band whatever its total (which is still computed and shown); it is not
/// ranked (§10) and takes no place in the quota (§9). §8.1 With `veto.score` its total is
/// that score (its parts are still computed and shown).
enum OneVoteVetoRule {
    /// The unit's veto events, in file order.
    static func vetoes(_ events: [Event]) -> [Event] { events.filter { $0.kind == .veto } }

    /// The band held and why: the veto band when vetoed, else the band the total reached.
    static func band(reached: String?, vetoes: [Event], rule: VetoRule) -> (band: String?, reason: BandReason) {
        vetoes.isEmpty ? (reached, .threshold) : (rule.band, .veto(reached: reached))
    }

    /// The total a vetoed unit is given: `veto.score` when set, else its own.
    static func total(_ total: ExactDecimal, vetoes: [Event], rule: VetoRule, places: Int) -> ExactDecimal {
        guard !vetoes.isEmpty, let score = rule.score else { return total }
        return score.rounded(places)
    }
}
