/// A year's validated assessment data: what scoring reads.
///
/// Check records keep only the failed checks (pass rows matter only for coverage, which
/// ``DataQuality`` holds), so memory grows with findings, not with the size of the log.
public struct Dataset: Sendable {
    public var year: Int
    public var title: String
    /// The office that issues the bulletins (发文机关) and the bulletin's issue number with
    /// `{year}` and `{month}`, from `assessment.json5`; nil for the defaults.
    public var office: String?
    public var docNumber: String?
    public var criteria: Criteria
    public var calendar: WorkingCalendar
    public var units: [Unit]
    /// Failed checks in file order (a compact collection of ``Failure``).
    public var failures: FailureLog
    public var scores: [ScoreRecord]
    public var events: [Event]
    public var surveys: [SurveyRecord]
    /// Rows of the registers (台账), from which the criteria's deadline rules derive failed checks.
    public var registers: [RegisterRow]
    public var quality: DataQuality

    public init(year: Int, title: String, criteria: Criteria, calendar: WorkingCalendar, units: [Unit],
                failures: [Failure] = [], scores: [ScoreRecord] = [], events: [Event] = [],
                surveys: [SurveyRecord] = [], registers: [RegisterRow] = [], quality: DataQuality = DataQuality()) {
        self.year = year; self.title = title; self.criteria = criteria; self.calendar = calendar
        self.units = units; self.failures = FailureLog(failures); self.scores = scores; self.events = events
        self.surveys = surveys; self.registers = registers; self.quality = quality
    }
}

/// A unit assessed (被考核单位): a town, street office or district department.
public struct Unit: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The ranking group (类别), e.g. 镇街 or 区级部门.
    public var group: String
    /// Category ids that do not apply to the unit (不适用): its period scores are rescaled
    /// over the other categories.
    public var exempt: [String]
    public init(id: String, name: String, group: String, exempt: [String] = []) {
        self.id = id; self.name = name; self.group = group; self.exempt = exempt
    }
}

/// A failed check (检查不合格) from the check log.
public struct Failure: Sendable, Hashable {
    public var date: CivilDate
    /// Unit id.
    public var unit: String
    /// Item id.
    public var item: String
    /// The deduction applied: the row's own, or the item's default.
    public var deduction: ExactDecimal
    public var note: String
    public var rectified: CivilDate?
    public var source: SourceRef
    /// For a failure derived from a register by a deadline rule: the rule and how late the row
    /// was. Such failures are not subject to rectify-late.
    public var derivation: LateFinding?
    public init(date: CivilDate, unit: String, item: String, deduction: ExactDecimal, note: String = "",
                rectified: CivilDate? = nil, source: SourceRef, derivation: LateFinding? = nil) {
        self.date = date; self.unit = unit; self.item = item; self.deduction = deduction
        self.note = note; self.rectified = rectified; self.source = source; self.derivation = derivation
    }
}

/// A year-end component score (年终考核得分) of one unit.
public struct ScoreRecord: Sendable, Hashable {
    public var unit: String
    public var component: String
    /// nil when the component does not apply to the unit (`n/a`, 不适用).
    public var score: ExactDecimal?
    public var source: SourceRef
    public init(unit: String, component: String, score: ExactDecimal?, source: SourceRef) {
        self.unit = unit; self.component = component; self.score = score; self.source = source
    }
}

/// A bonus (加分), penalty (减分) or one-vote veto (一票否决) event.
public struct Event: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case veto, bonus, penalty
    }
    public var date: CivilDate
    public var unit: String
    public var kind: Kind
    /// Points for bonus and penalty; nil for veto.
    public var points: ExactDecimal?
    /// The clause invoked (`第十四条第五项`).
    public var clause: String
    public var note: String
    public var source: SourceRef
    public init(date: CivilDate, unit: String, kind: Kind, points: ExactDecimal? = nil, clause: String = "",
                note: String = "", source: SourceRef) {
        self.date = date; self.unit = unit; self.kind = kind; self.points = points
        self.clause = clause; self.note = note; self.source = source
    }
}

/// Survey answers (民意调查) of one unit.
public struct SurveyRecord: Sendable, Hashable {
    public var unit: String
    public var satisfied: Int
    public var basic: Int
    public var dissatisfied: Int
    public var source: SourceRef
    public init(unit: String, satisfied: Int, basic: Int, dissatisfied: Int, source: SourceRef) {
        self.unit = unit; self.satisfied = satisfied; self.basic = basic
        self.dissatisfied = dissatisfied; self.source = source
    }
}
