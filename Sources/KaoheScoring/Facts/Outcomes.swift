import KaoheModel

/// The public-opinion survey result of a unit (民意调查, docs/scoring.md §4).
public struct SurveyOutcome: Sendable {
    public var record: SurveyRecord
    /// Rounded to 4 decimals.
    public var rate: ExactDecimal
    /// `round(rate × 100)` when the survey feeds a component.
    public var score: ExactDecimal?
}

/// Bonus or penalty (§5): the events, their sum and the capped amount.
public struct AdjustmentOutcome: Sendable {
    public var events: [Event]
    public var sum: ExactDecimal
    public var cap: ExactDecimal?
    /// `min(sum, cap)`, rounded; 0 for a bonus withheld (§5.1).
    public var applied: ExactDecimal
    /// The base a bonus needs to count (`adjustments.bonusMin`), when the criteria set one.
    public var minimum: ExactDecimal?
    /// A bonus not counted because the base is below `minimum`: the amount it would have been.
    public var withheld: ExactDecimal?

    init(events: [Event], sum: ExactDecimal, cap: ExactDecimal?, applied: ExactDecimal) {
        self.events = events; self.sum = sum; self.cap = cap; self.applied = applied
    }
}

/// Why a unit holds its band (§7–§9).
public enum BandReason: Sendable {
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
public struct QuotaOutcome: Sendable {
    public var band: String
    public var share: ExactDecimal
    /// floor(share × units in units.csv).
    public var allowed: Int
    /// Non-vetoed units whose total reached the band.
    public var reached: Int
    /// The total at the cut, when the quota bit.
    public var cut: ExactDecimal?
    /// Units moved down, in units.csv order.
    public var movedDown: [String]
}
