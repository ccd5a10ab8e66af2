import KaoheModel
import KaoheLoad
import KaoheScoring
/// How close each unit is to the band above and below: in total points, and as the score a
/// `scores` part (e.g. 年终考核) would need for the rounded total to cross the threshold.
public struct Margin: Sendable {
    public struct Step: Sendable {
        /// The band on the other side of the threshold.
        public var band: String
        /// The threshold (the band's `min` for above; the current band's `min` for below).
        public var min: ExactDecimal
        /// Above: points the total must gain. Below: points the total can lose and keep its band.
        public var points: ExactDecimal
        /// Per `scores` part: above, the lowest part score that reaches the band (nil if even full
        /// marks do not); below, the lowest part score that keeps the current band.
        public var parts: [(part: Part, score: ExactDecimal?)]
    }

    public var unit: Unit
    public var total: ExactDecimal
    /// The band the total reaches by its threshold (before quota and veto).
    public var reached: String
    public var band: String
    public var vetoed: Bool
    public var above: Step?
    public var below: Step?
}

public enum Margins {
    public static func compute(_ assessment: Assessment) -> [Margin] {
        let criteria = assessment.criteria
        let bands = criteria.bands
        return assessment.units.map { result in
            let reached = BandsRule.band(for: result.total, bands: bands)
            var margin = Margin(unit: result.unit, total: result.total, reached: reached, band: result.band,
                                vetoed: result.vetoed, above: nil, below: nil)
            guard !result.vetoed, let index = bands.firstIndex(where: { $0.name == reached }) else { return margin }
            if index > 0 {
                let up = bands[index - 1]
                margin.above = Margin.Step(band: up.name, min: up.min, points: up.min - result.total,
                                           parts: partScores(needed: up.min, result: result, criteria: criteria))
            }
            if index + 1 < bands.count {
                let floor = bands[index].min
                margin.below = Margin.Step(band: bands[index + 1].name, min: floor, points: result.total - floor,
                                           parts: partScores(needed: floor, result: result, criteria: criteria))
            }
            return margin
        }
    }

    /// For each scores part, the lowest part score (at the criteria's decimals) with which the
    /// rounded total is at least `threshold`, other parts unchanged; nil when full marks fall short.
    static func partScores(needed threshold: ExactDecimal, result: UnitResult, criteria: Criteria) -> [(part: Part, score: ExactDecimal?)] {
        result.parts.compactMap { partScore -> (part: Part, score: ExactDecimal?)? in
            guard case .scores = partScore.part.kind, partScore.part.weight > .zero else { return nil }
            let weight = partScore.part.weight
            let rest = result.unroundedTotal - weight * partScore.score
            let step = ExactDecimal(mantissa: 1, exponent: criteria.places)
            func reaches(_ x: ExactDecimal) -> Bool {
                TotalRule.total(rest + weight * x, scale: criteria.scale, places: criteria.places) >= threshold
            }
            guard reaches(criteria.scale) else { return (partScore.part, nil) }
            if reaches(.zero) { return (partScore.part, .zero) }
            // Start from the exact solution of rest + weight·x = threshold, then step to the boundary.
            var x = Swift.min(Swift.max(ExactDecimal.quotient(threshold - rest, weight, places: criteria.places), .zero), criteria.scale)
            while !reaches(x) { x += step }
            while x > .zero && reaches(x - step) { x -= step }
            return (partScore.part, x)
        }
    }
}
