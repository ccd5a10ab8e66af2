import KaoheModel

/// docs/scoring.md §6 — the annual total. The base is `round(Σ part.weight × partScore)`;
/// `total = round(clamp(base + bonus − penalty, 0, ceiling))`, the ceiling being full marks
/// unless the criteria give another (§6.1, `adjustments.ceiling`, null for none). The points
/// the total carries into the target-responsibility assessment are
/// `contribution = round(total × targetShare / scale)`.
package enum TotalRule {
    /// Σ weight × part score, exact.
    static func weightedSum(parts: [PartScore]) -> ExactDecimal {
        ExactDecimal.sum(parts.map { $0.part.weight * $0.score })
    }

    /// `round(Σ weight × part score)`.
    static func base(parts: [PartScore], places: Int) -> ExactDecimal {
        weightedSum(parts: parts).rounded(places)
    }

    /// base + bonus − penalty, exact.
    static func unrounded(base: ExactDecimal, bonus: AdjustmentOutcome, penalty: AdjustmentOutcome) -> ExactDecimal {
        base + bonus.applied - penalty.applied
    }

    /// The unrounded total kept within 0…ceiling (no upper bound when `ceiling` is nil), rounded.
    package static func total(_ unrounded: ExactDecimal, ceiling: ExactDecimal?, places: Int) -> ExactDecimal {
        let floored = Swift.max(unrounded, .zero)
        return (ceiling.map { Swift.min(floored, $0) } ?? floored).rounded(places)
    }

    /// `round(total × targetShare / scale)`.
    package static func contribution(_ total: ExactDecimal, targetShare: ExactDecimal, scale: ExactDecimal, places: Int) -> ExactDecimal {
        ExactDecimal.quotient(total * targetShare, scale, places: places)
    }
}
