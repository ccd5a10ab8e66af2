import KaoheModel

/// docs/scoring.md §7.1 — gates (单项否决 by score): a unit whose part score (rounded) or
/// component score (as given, in points for a component in points) is strictly below a gate's
/// `min` holds at most the gate's band; when several gates bite, the lowest of their bands
/// holds. A unit whose band is lowered gets the flag `gate`. Gates act before the quota (§9),
/// so a gated unit is no quota candidate; a vetoed unit keeps the veto band (§8).
enum GatesRule {
    /// Every gate the unit's scores fall below, in criteria order.
    static func hits(_ gates: [Gate], parts: [PartScore]) -> [GateHit] {
        gates.compactMap { gate -> GateHit? in
            let score: ExactDecimal?
            switch gate.target {
            case .part(let id):
                score = parts.first { $0.part.id == id }?.score
            case .component(let id):
                score = parts.lazy.compactMap { part -> ExactDecimal?? in
                    guard case .scores(let components, _) = part.detail,
                          let found = components.first(where: { $0.component.id == id }) else { return nil }
                    return .some(found.score)
                }.first ?? nil
            }
            guard let score, score < gate.min else { return nil }
            return GateHit(gate: gate, score: score)
        }
    }

    /// The band the gates leave: the lowest of the biting gates' bands when it is below `band`,
    /// else nil (the band stands).
    static func cap(_ band: String?, hits: [GateHit], bands: [Band]) -> String? {
        guard let lowest = hits.map(\.gate.band).max(by: { BandsRule.order($0, bands: bands) < BandsRule.order($1, bands: bands) }),
              BandsRule.order(lowest, bands: bands) > BandsRule.order(band, bands: bands) else { return nil }
        return lowest
    }
}

/// A gate a unit's score fell below (§7.1).
package struct GateHit: Sendable {
    package var gate: Gate
    /// The part or component score compared.
    package var score: ExactDecimal
}
