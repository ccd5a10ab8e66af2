import KaoheModel
/// Bonus, penalty and the annual total (3.6):
/// `total = round(clamp(Σ part.weight × partScore + bonus − penalty, 0, scale))`.
package enum TotalScoring {
    /// `min(Σ points, cap)`, rounded.
    static func adjustment(_ events: [Event], cap: ExactDecimal?, places: Int) -> AdjustmentOutcome {
        let sum = ExactDecimal.sum(events.compactMap(\.points))
        let capped = cap.map { Swift.min(sum, $0) } ?? sum
        return AdjustmentOutcome(events: events, sum: sum, cap: cap, applied: capped.rounded(places))
    }

    /// Σ weight × part score + bonus − penalty, exact.
    static func unrounded(parts: [PartScore], bonus: AdjustmentOutcome, penalty: AdjustmentOutcome) -> ExactDecimal {
        ExactDecimal.sum(parts.map { $0.part.weight * $0.score }) + bonus.applied - penalty.applied
    }

    package static func total(_ unrounded: ExactDecimal, scale: ExactDecimal, places: Int) -> ExactDecimal {
        Swift.min(Swift.max(unrounded, .zero), scale).rounded(places)
    }

    /// `round(total × targetShare / 100)`.
    static func contribution(_ total: ExactDecimal, targetShare: ExactDecimal, places: Int) -> ExactDecimal {
        let product = total * targetShare
        return ExactDecimal(mantissa: product.mantissa, exponent: product.exponent + 2).rounded(places)
    }
}
