/// A year's validated assessment data: what scoring reads.
///
/// Check records keep only the failed checks (pass rows matter only for coverage, which
/// ``DataQuality`` holds), so memory grows with findings, not with the size of the log.
package struct Dataset: Sendable {
    package var year: Int
    package var title: String
    /// The office that issues the bulletins (发文机关) and the bulletin's issue number with
    /// `{year}` and `{month}`, from `assessment.json5`; nil for the defaults.
    package var office: String?
    package var docNumber: String?
    package var criteria: Criteria
    package var calendar: WorkingCalendar
    package var units: [Unit]
    /// Failed checks in file order (a compact collection of ``Failure``).
    package var failures: FailureLog
    package var scores: [ScoreRecord]
    package var events: [Event]
    package var surveys: [SurveyRecord]
    /// Rows of the registers (台账), from which the criteria's deadline rules derive failed checks.
    package var registers: [RegisterRow]
    package var quality: DataQuality

    package init(year: Int, title: String, criteria: Criteria, calendar: WorkingCalendar, units: [Unit],
                failures: [Failure] = [], scores: [ScoreRecord] = [], events: [Event] = [],
                surveys: [SurveyRecord] = [], registers: [RegisterRow] = [], quality: DataQuality = DataQuality()) {
        self.year = year; self.title = title; self.criteria = criteria; self.calendar = calendar
        self.units = units; self.failures = FailureLog(failures); self.scores = scores; self.events = events
        self.surveys = surveys; self.registers = registers; self.quality = quality
    }
}

/// A unit assessed (被考核单位): a town, street office or district department.
package struct Unit: Sendable, Hashable {
    /// The unit's id (编号, `T06`), unique in `units.csv`.
    package var id: String
    /// The unit's name (`白鹭街道`).
    package var name: String
    /// The ranking group (类别), e.g. 镇街 or 区级部门.
    package var group: String
    /// Category ids that do not apply to the unit (不适用): its period scores are rescaled
    /// over the other categories.
    package var exempt: [String]
    /// A unit with its id, name, group and exempt categories.
    package init(id: String, name: String, group: String, exempt: [String] = []) {
        self.id = id; self.name = name; self.group = group; self.exempt = exempt
    }
}

/// A failed check (检查不合格) from the check log.
package struct Failure: Sendable, Hashable {
    package var date: CivilDate
    /// Unit id.
    package var unit: String
    /// Item id.
    package var item: String
    /// The deduction applied: the row's own, or the item's default.
    package var deduction: ExactDecimal
    package var note: String
    package var rectified: CivilDate?
    package var source: SourceRef
    /// For a failure derived from a register by a deadline rule: the rule and how late the row
    /// was. Such failures are not subject to rectify-late.
    package var derivation: LateFinding?
    package init(date: CivilDate, unit: String, item: String, deduction: ExactDecimal, note: String = "",
                rectified: CivilDate? = nil, source: SourceRef, derivation: LateFinding? = nil) {
        self.date = date; self.unit = unit; self.item = item; self.deduction = deduction
        self.note = note; self.rectified = rectified; self.source = source; self.derivation = derivation
    }
}

/// A year-end component score (年终考核得分) of one unit.
package struct ScoreRecord: Sendable, Hashable {
    package var unit: String
    package var component: String
    /// nil when the component does not apply to the unit (`n/a`, 不适用).
    package var score: ExactDecimal?
    package var source: SourceRef
    package init(unit: String, component: String, score: ExactDecimal?, source: SourceRef) {
        self.unit = unit; self.component = component; self.score = score; self.source = source
    }
}

/// A bonus (加分), penalty (减分) or one-vote veto (一票否决) event.
package struct Event: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case veto, bonus, penalty
    }
    package var date: CivilDate
    package var unit: String
    package var kind: Kind
    /// Points for bonus and penalty; nil for veto.
    package var points: ExactDecimal?
    /// The clause invoked (`第十四条第五项`).
    package var clause: String
    package var note: String
    package var source: SourceRef
    package init(date: CivilDate, unit: String, kind: Kind, points: ExactDecimal? = nil, clause: String = "",
                note: String = "", source: SourceRef) {
        self.date = date; self.unit = unit; self.kind = kind; self.points = points
        self.clause = clause; self.note = note; self.source = source
    }
}

/// Survey answers (民意调查) of one unit.
package struct SurveyRecord: Sendable, Hashable {
    package var unit: String
    package var satisfied: Int
    package var basic: Int
    package var dissatisfied: Int
    package var source: SourceRef
    package init(unit: String, satisfied: Int, basic: Int, dissatisfied: Int, source: SourceRef) {
        self.unit = unit; self.satisfied = satisfied; self.basic = basic
        self.dissatisfied = dissatisfied; self.source = source
    }
}
