import KaoheModel
import KaoheLoad
import KaoheScoring
/// How close each unit is to the band above and below its band, every other unit unchanged:
/// the total it needs (or may lose), and the score each year-end component would need, with
/// the other inputs as they are. The quota (§9) and the gates (§7.1) count: a band under quota
/// is held only by a total that keeps a place after the cut.
package struct Margin: Sendable {
    package struct Step: Sendable {
        /// The band above (for `above`), or the unit's own band (for `below`).
        package var band: String
        /// Above: the lowest total that reaches `band`; below: the lowest total that keeps it.
        /// nil when no total would (see `blocked`).
        package var min: ExactDecimal?
        /// Above: points the total must gain. Below: points the total can lose and keep its band.
        package var points: ExactDecimal?
        /// Per year-end component (the survey's and those not applicable left out): the lowest
        /// score, with everything else unchanged, that reaches (above) or keeps (below) the band;
        /// nil when even full marks do not.
        package var components: [(component: Component, score: ExactDecimal?)]
        /// Why no total reaches the band: its quota has no place for the unit, or a gate caps it.
        package var blocked: Blocked?
    }

    package enum Blocked: String, Sendable {
        /// The quota band's places are all held by higher totals that cannot be passed.
        case quota
        /// A gate caps the band whatever the total.
        case gate
    }

    package var unit: Unit
    package var total: ExactDecimal
    package var band: String?
    package var vetoed: Bool
    package var above: Step?
    package var below: Step?
}

package enum Margins {
    package static func compute(_ assessment: Assessment) -> [Margin] {
        let criteria = assessment.criteria
        let bands = criteria.bands
        let step = ExactDecimal(mantissa: 1, exponent: criteria.places)
        // The units that hold the quota band before the cut (non-vetoed, not gated), for the
        // cut each unit would face with its own total changed.
        let quotaHolders: [(unit: Int, total: ExactDecimal)] = criteria.quota.map { quota in
            assessment.units.indices.compactMap { u in
                let r = assessment.units[u]
                guard !r.vetoed, !r.flags.contains("gate"),
                      BandsRule.band(for: r.total, bands: bands) == quota.band else { return nil }
                return (u, r.total)
            }
        } ?? []
        let allowed = criteria.quota.map { ($0.share * ExactDecimal(assessment.units.count)).floor } ?? 0
        // The holders' totals ascending, to count those at or above a total by binary search.
        let holderTotals = quotaHolders.map(\.total).sorted()
        let isHolder = Set(quotaHolders.map(\.unit))
        /// How many holders have a total of at least `total`.
        func holders(atLeast total: ExactDecimal) -> Int {
            var low = 0, high = holderTotals.count
            while low < high {
                let mid = (low + high) / 2
                if holderTotals[mid] < total { low = mid + 1 } else { high = mid }
            }
            return holderTotals.count - low
        }

        return assessment.units.enumerated().map { u, result in
            var margin = Margin(unit: result.unit, total: result.total, band: result.band, vetoed: result.vetoed)
            guard !result.vetoed, let band = result.band, let index = bands.firstIndex(where: { $0.name == band }) else {
                return margin
            }
            let rescoring = UnitRescoring(criteria: criteria, result: result)
            /// The other holders at or above `total`: every holder's count, less the unit itself.
            func others(atLeast total: ExactDecimal) -> Int {
                holders(atLeast: total) - (isHolder.contains(u) && result.total >= total ? 1 : 0)
            }
            /// The band position after the quota, for a total and the band gates leave.
            func position(total: ExactDecimal, band: String?) -> Int {
                var position = BandsRule.order(band, bands: bands)
                if let quota = criteria.quota, band == quota.band, 1 + others(atLeast: total) > allowed {
                    position += 1
                }
                return position
            }
            func reaches(_ target: Int) -> (ExactDecimal) -> Bool {
                { total in position(total: total, band: rescoring.band(total: total).band) <= target }
            }
            let top = criteria.ceiling ?? Swift.max(criteria.scale, holderTotals.last ?? .zero) + step
            if index > 0 {
                margin.above = Margin.Step(band: bands[index - 1].name, min: nil, points: nil, components: [], blocked: nil)
                if let needed = lowest(from: .zero, to: top, step: step, where: reaches(index - 1)) {
                    margin.above?.min = needed
                    margin.above?.points = needed - result.total
                } else {
                    let gated = rescoring.band(total: top).gated
                    margin.above?.blocked = gated ? .gate : .quota
                }
                margin.above?.components = components(result, criteria: criteria, step: step, target: index - 1,
                                                      rescoring: rescoring, position: position)
            }
            if index + 1 < bands.count {
                let kept = lowest(from: .zero, to: result.total, step: step, where: reaches(index)) ?? result.total
                margin.below = Margin.Step(band: band, min: kept, points: result.total - kept,
                                           components: components(result, criteria: criteria, step: step, target: index,
                                                                  rescoring: rescoring, position: position),
                                           blocked: nil)
            }
            return margin
        }
    }

    /// For each year-end component that can be set (`simulate --score`), the lowest score at the
    /// criteria's decimals whose outcome is band position `target` or better.
    static func components(_ result: UnitResult, criteria: Criteria, step: ExactDecimal, target: Int,
                           rescoring: UnitRescoring,
                           position: (ExactDecimal, String?) -> Int) -> [(component: Component, score: ExactDecimal?)] {
        result.parts.flatMap { part -> [(component: Component, score: ExactDecimal?)] in
            guard case .scores(let scores, _) = part.detail else { return [] }
            return scores.compactMap { entry -> (component: Component, score: ExactDecimal?)? in
                let component = entry.component
                guard component.id != criteria.survey?.component, entry.score != nil else { return nil }
                let full = component.max ?? criteria.scale
                let score = lowest(from: .zero, to: full, step: step) { x in
                    let outcome = rescoring.with(component: component.id, score: x)
                    return position(outcome.total, outcome.band) <= target
                }
                return (component, score)
            }
        }
    }

    /// The lowest value on the grid `from + k·step` within `from…to` that satisfies a condition
    /// that, once true, stays true as the value grows; nil when `to` does not.
    static func lowest(from: ExactDecimal, to: ExactDecimal, step: ExactDecimal,
                       where holds: (ExactDecimal) -> Bool) -> ExactDecimal? {
        guard holds(to) else { return nil }
        if holds(from) { return from }
        var low = 0                                  // fails
        var high = ExactDecimal.quotient(to - from, step, places: 0).floor  // holds (at or beyond `to`)
        func value(_ k: Int) -> ExactDecimal { Swift.min(from + step * ExactDecimal(k), to) }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if holds(value(mid)) { high = mid } else { low = mid }
        }
        return value(high)
    }
}
