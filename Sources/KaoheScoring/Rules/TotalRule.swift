import KaoheModel

/// docs/scoring.md §6 — the annual total:
/// `total = round(clamp(Σ part.weight × partScore + bonus − penalty, 0, scale))`, and the
/// points it carries into the target-responsibility assessment,
/// `contribution = round(total × targetShare / 100)`.
package enum TotalRule {
    /// Σ weight × part score + bonus − penalty, exact.
    static func unrounded(parts: [PartScore], bonus: AdjustmentOutcome, penalty: AdjustmentOutcome) -> ExactDecimal {
        ExactDecimal.sum(parts.map { $0.part.weight * $0.score }) + bonus.applied - penalty.applied
    }

    /// The unrounded total kept within 0…scale, rounded.
    package static func total(_ unrounded: ExactDecimal, scale: ExactDecimal, places: Int) -> ExactDecimal {
        Swift.min(Swift.max(unrounded, .zero), scale).rounded(places)
    }

    /// `round(total × targetShare / 100)`.
    static func contribution(_ total: ExactDecimal, targetShare: ExactDecimal, places: Int) -> ExactDecimal {
        let product = total * targetShare
        return ExactDecimal(mantissa: product.mantissa, exponent: product.exponent + 2).rounded(places)
    }
}
