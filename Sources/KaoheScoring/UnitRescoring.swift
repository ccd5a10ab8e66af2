import KaoheModel

/// One unit scored again with one input changed, by the same rules as ``Assessor`` (§3, §5,
/// §6, §7, §7.1), for the margins of `simulate --margins`. The veto (§8) and the quota (§9),
/// which depend on the other units, are left to the caller.
package struct UnitRescoring: Sendable {
    package let criteria: Criteria
    package let result: UnitResult

    package init(criteria: Criteria, result: UnitResult) {
        self.criteria = criteria
        self.result = result
    }

    /// The total and band (before veto and quota) with `component` scored `score`, and whether
    /// gates lowered the band.
    package func with(component id: String, score: ExactDecimal) -> (total: ExactDecimal, band: String?, gated: Bool) {
        var parts = result.parts
        for p in parts.indices {
            guard case .scores(let components, _) = parts[p].detail,
                  components.contains(where: { $0.component.id == id }) else { continue }
            let scores = components.map { $0.component.id == id ? score : $0.score }
            parts[p].score = ScoresPartRule.score(components.map(\.component), scores: scores, scale: criteria.scale,
                                                  places: criteria.places).score
            parts[p].override = (id, score)
        }
        return outcome(parts: parts)
    }

    /// The band (before veto and quota) of a total, with the unit's gates as they are.
    package func band(total: ExactDecimal) -> (band: String?, gated: Bool) {
        capped(BandsRule.band(for: total, bands: criteria.bands), hits: result.gateHits)
    }

    private func outcome(parts: [PartScore]) -> (total: ExactDecimal, band: String?, gated: Bool) {
        let base = TotalRule.base(parts: parts, places: criteria.places)
        let bonus = AdjustmentsRule.bonus(result.bonus.events, criteria: criteria, base: base)
        let unrounded = TotalRule.unrounded(base: base, bonus: bonus, penalty: result.penalty)
        let total = TotalRule.total(unrounded, ceiling: criteria.ceiling, places: criteria.places)
        let (band, gated) = capped(BandsRule.band(for: total, bands: criteria.bands), hits: GatesRule.hits(criteria.gates, parts: parts))
        return (total, band, gated)
    }

    private func capped(_ band: String?, hits: [GateHit]) -> (band: String?, gated: Bool) {
        guard let capped = GatesRule.cap(band, hits: hits, bands: criteria.bands) else { return (band, false) }
        return (capped, true)
    }
}
