import KaoheModel

/// The public-opinion survey result of a unit (民意调查, docs/scoring.md §4).
package struct SurveyOutcome: Sendable {
    package var record: SurveyRecord
    /// Rounded to 4 decimals.
    package var rate: ExactDecimal
    /// `round(rate × 100)` when the survey feeds a component.
    package var score: ExactDecimal?
}

/// Bonus or penalty (§5): the events, their sum and the capped amount.
package struct AdjustmentOutcome: Sendable {
    package var events: [Event]
    package var sum: ExactDecimal
    package var cap: ExactDecimal?
    /// `min(sum, cap)`, rounded; 0 for a bonus withheld (§5.1).
    package var applied: ExactDecimal
    /// The base a bonus needs to count (`adjustments.bonusMin`), when the criteria set one.
    package var minimum: ExactDecimal?
    /// A bonus not counted because the base is below `minimum`: the amount it would have been.
    package var withheld: ExactDecimal?

    init(events: [Event], sum: ExactDecimal, cap: ExactDecimal?, applied: ExactDecimal) {
        self.events = events; self.sum = sum; self.cap = cap; self.applied = applied
    }
}

/// Why a unit holds its band (§7–§9).
package enum BandReason: Sendable {
    /// The total reached the band's minimum.
    case threshold
    /// Moved down one band by the quota; `reached` names the band the total reached.
    case quota(reached: String)
    /// Capped by gates (§7.1); `reached` names the band the total reached.
    case gate(reached: String)
    /// Forced by a one-vote veto; the band the total would have had (nil without bands).
    case veto(reached: String?)
}

/// How the quota (优秀比例, §9) was applied.
package struct QuotaOutcome: Sendable {
    package var band: String
    package var share: ExactDecimal
    /// floor(share × units in units.csv).
    package var allowed: Int
    /// Non-vetoed units whose total reached the band.
    package var reached: Int
    /// The total at the cut, when the quota bit.
    package var cut: ExactDecimal?
    /// Units moved down, in units.csv order.
    package var movedDown: [String]
}
