import KaoheModel

/// docs/scoring.md §5 — bonus and penalty (加分、减分): each is the sum of the unit's events of
/// that kind, capped by the criteria (`min(Σ points, cap)`), rounded. §5.1 The conditional
/// bonus: with `bonusMin`, the bonus counts only when the base (§6) is at least `bonusMin`;
/// otherwise it is 0.
enum AdjustmentsRule {
    static func bonus(_ events: [Event], criteria: Criteria, base: ExactDecimal) -> AdjustmentOutcome {
        var outcome = adjustment(events.filter { $0.kind == .bonus }, cap: criteria.adjustments.bonusCap, places: criteria.places)
        if let minimum = criteria.adjustments.bonusMin {
            outcome.minimum = minimum
            if base < minimum && !outcome.events.isEmpty {
                outcome.withheld = outcome.applied
                outcome.applied = .zero
            }
        }
        return outcome
    }

    static func penalty(_ events: [Event], criteria: Criteria) -> AdjustmentOutcome {
        adjustment(events.filter { $0.kind == .penalty }, cap: criteria.adjustments.penaltyCap, places: criteria.places)
    }

    static func adjustment(_ events: [Event], cap: ExactDecimal?, places: Int) -> AdjustmentOutcome {
        let sum = ExactDecimal.sum(events.compactMap(\.points))
        let capped = cap.map { Swift.min(sum, $0) } ?? sum
        return AdjustmentOutcome(events: events, sum: sum, cap: cap, applied: capped.rounded(places))
    }
}
