import KaoheModel
/// The whole computed year: every number the reports print, with the inputs it came from.
///
/// Renderers read only this (and the ``Dataset`` for names); they never compute.
public struct Assessment: Sendable {
    public var year: Int
    public var criteria: Criteria
    /// One result per unit, in `units.csv` order.
    public var units: [UnitResult]
    /// Group names in order of first appearance in `units.csv`.
    public var groups: [String]
    /// Rankings of the checks part's periods (季考核排名), one per period of the year.
    public var periodRankings: [Ranking]
    /// The annual ranking per group (totals; vetoed units last, unranked).
    public var annualRanking: Ranking
    /// The 优秀 quota as applied, when the criteria set one.
    public var quota: QuotaOutcome?

    public init(year: Int, criteria: Criteria, units: [UnitResult], groups: [String],
                periodRankings: [Ranking], annualRanking: Ranking, quota: QuotaOutcome?) {
        self.year = year; self.criteria = criteria; self.units = units; self.groups = groups
        self.periodRankings = periodRankings; self.annualRanking = annualRanking; self.quota = quota
    }

    public func result(for unitID: String) -> UnitResult? { units.first { $0.unit.id == unitID } }
}

/// Everything computed for one unit.
public struct UnitResult: Sendable {
    public var unit: Unit
    /// Period scores of the checks part (4 quarters, 2 halves or 12 months); empty without a
    /// checks part. Worked out from the ledger when read.
    public var periods: [PeriodScore] { derived.periods() }
    /// Bulletin status of each month (月通报), worked out from the ledger when read.
    public var months: [MonthStatus] { derived.months() }
    /// Part scores in criteria order, worked out again from the ledger and the score rows when
    /// read.
    public var parts: [PartScore] { derived.parts(survey: survey) }
    /// The parts' scores, in criteria order (what tables print, kept).
    public var partScores: [ExactDecimal]
    public var survey: SurveyOutcome?
    public var bonus: AdjustmentOutcome
    public var penalty: AdjustmentOutcome
    /// Σ weight × part score + bonus − penalty, before clamping and rounding.
    public var unroundedTotal: ExactDecimal
    /// The annual total: rounded, within 0…scale.
    public var total: ExactDecimal
    public var band: String
    /// Why the unit holds its band.
    public var bandReason: BandReason
    /// The veto events (一票否决) of the unit.
    public var vetoes: [Event]
    public var vetoed: Bool { !vetoes.isEmpty }
    /// Annual rank in the unit's group; nil when vetoed.
    public var rank: Int?
    /// Points carried into the target-responsibility assessment: round(total × targetShare / 100).
    public var contribution: ExactDecimal
    /// `commend` before `quota`.
    public var flags: [String]
    /// Consequences (责任追究), by kind, then period, then line; worked out when read from the
    /// unit's failed checks, months, survey, vetoes and band.
    public var consequences: [Consequence] { derived.consequences(of: self) }
    /// What the months and consequences are worked out from.
    var derived: UnitDerivation
}

/// One period of the checks part: category scores with their floors (扣完为止).
public struct PeriodScore: Sendable {
    /// 1-based period within the year.
    public var index: Int
    /// `2025-Q2`.
    public var label: String
    /// Σ category scores, rounded.
    public var score: ExactDecimal
    /// Where the category scores are worked out again when read (a year of many units keeps
    /// only the period scores).
    let breakdown: PeriodBreakdown

    /// The category scores, in criteria order.
    public var categories: [CategoryScore] { breakdown.categories().categories }
}

/// A category within one period: `max(0, points − Σ deductions)`.
public struct CategoryScore: Sendable {
    public var category: String
    public var points: ExactDecimal
    /// Σ deductions of the failed checks (may exceed the points).
    public var deducted: ExactDecimal
    /// The score after the floor at zero, rounded.
    public var score: ExactDecimal
    /// The failed checks that made the deductions, by month, in file order within a month.
    public var failures: FailureSelection
}

/// One month of the bulletin (月通报) for one unit.
public struct MonthStatus: Sendable {
    public var month: Int
    /// The unit's failed checks of the month, in file order.
    public var findings: FailureSelection
    public var failed: Int { findings.count }
    /// 合格: fewer than `bulletin.failAt` failed checks.
    public var passed: Bool
}

public struct PartScore: Sendable {
    /// The part, as the criteria define it (shared by every unit's scores).
    public var part: Part { shared.part }
    let shared: SharedPart
    public var score: ExactDecimal
    /// How the score was reached.
    public var detail: Detail {
        switch stored {
        case .periods(let derivation, let sum): return .checks(periodScores: derivation.periods().map(\.score), sum: sum)
        case .detail(let detail): return detail
        }
    }
    let stored: StoredDetail

    /// The detail as kept: a checks part's period scores are worked out again from the ledger.
    enum StoredDetail: Sendable {
        case periods(UnitDerivation, sum: ExactDecimal)
        case detail(Detail)
    }

    public enum Detail: Sendable {
        /// The mean of `periodScores` (Σ and count shown in the audit trail).
        case checks(periodScores: [ExactDecimal], sum: ExactDecimal)
        /// Component scores with their weights and sources.
        case scores([ComponentScore])
    }
}

public struct ComponentScore: Sendable {
    /// The component, as the criteria define it.
    public var component: Component { components.list[Int(index)] }
    /// The part's components (shared by every unit's scores) and this one's place among them.
    let components: ComponentList
    let index: Int32
    public var score: ExactDecimal
    /// Where the score came from (`scores.csv:12` or `survey.csv:7`).
    public var source: SourceRef?
}

/// A part of the criteria, shared by the part scores of every unit.
final class SharedPart: Sendable {
    let part: Part
    init(_ part: Part) { self.part = part }
}

/// The components of a part, shared by the component scores of every unit.
final class ComponentList: Sendable {
    let list: [Component]
    init(_ list: [Component]) { self.list = list }
}

/// The public-opinion survey result of a unit (民意调查).
public struct SurveyOutcome: Sendable {
    public var record: SurveyRecord
    /// Rounded to 4 decimals.
    public var rate: ExactDecimal
    /// `round(rate × 100)` when the survey feeds a component.
    public var score: ExactDecimal?
}

/// Bonus or penalty: the events, their sum and the capped amount.
public struct AdjustmentOutcome: Sendable {
    public var events: [Event]
    public var sum: ExactDecimal
    public var cap: ExactDecimal?
    /// `min(sum, cap)`, rounded.
    public var applied: ExactDecimal
}

public enum BandReason: Sendable {
    /// The total reached the band's minimum.
    case threshold
    /// Moved down one band by the quota; `threshold` names the band the total reached.
    case quota(reached: String)
    /// Forced by a one-vote veto; the band the total would have had.
    case veto(reached: String)
}

/// How the quota (优秀比例) was applied.
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

/// A ranking table per group for one period (or the year).
public struct Ranking: Sendable {
    /// `2025-Q2`, `2025-H1`, `2025-03` or `2025`.
    public var period: String
    public var groups: [GroupRanking]
}

public struct GroupRanking: Sendable {
    public var group: String
    /// Rank order; ties in units.csv order; unranked (vetoed) rows last.
    public var rows: [RankRow]
}

public struct RankRow: Sendable {
    // The score comes first so that the smaller fields fill its padding (48 bytes a row, not 80).
    public var score: ExactDecimal
    /// Index into `units.csv` order.
    public var unitIndex: Int
    public var rank: Int?
    public var last: Bool
}

/// One trigger of accountability (责任追究, article 15).
public struct Consequence: Sendable, Hashable {
    public var kind: ConsequenceKind
    public var level: Int { kind.level }
    /// `2025-06-12`, `2025-03`, `2025-Q2` or `2025`.
    public var period: String
    /// The input line it rests on (`checks.csv:41`), if any.
    public var evidence: SourceRef?
    /// Extra facts for explanations (the deadline missed, the rank held, …).
    public var detail: LocalizedText?

    public init(kind: ConsequenceKind, period: String, evidence: SourceRef?, detail: LocalizedText? = nil) {
        self.kind = kind; self.period = period; self.evidence = evidence; self.detail = detail
    }
}
