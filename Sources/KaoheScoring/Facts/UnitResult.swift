import KaoheModel

/// Everything found for one unit. Periods, months and consequences are kept as compact facts
/// (a year of many units would otherwise hold a copy of each for every unit) and listed as
/// values when read, without applying any rule again.
package struct UnitResult: Sendable {
    package var unit: Unit
    /// Period scores of the checks part (4 quarters, 2 halves or 12 months); empty without a
    /// checks part (docs/scoring.md §1).
    package var periods: [PeriodScore] { facts.periods() }
    /// Bulletin status of each month (月通报, §11).
    package var months: [MonthStatus] { facts.months() }
    /// Part scores in criteria order, with how each was reached (§2, §3).
    package var parts: [PartScore]
    /// The parts' scores, in criteria order.
    package var partScores: [ExactDecimal] { parts.map(\.score) }
    package var survey: SurveyOutcome?
    package var bonus: AdjustmentOutcome
    package var penalty: AdjustmentOutcome
    /// Σ weight × part score, exact (§6).
    package var weightedSum: ExactDecimal
    /// `round(Σ weight × part score)` (§6).
    package var base: ExactDecimal
    /// base + bonus − penalty, before clamping to 0…ceiling (§6.1).
    package var baseTotal: ExactDecimal
    /// Σ weight × part score + bonus − penalty, exact, before clamping and rounding (§6); its
    /// rounding is base + bonus − penalty.
    package var unroundedTotal: ExactDecimal
    /// The total the scores give: rounded, within 0…ceiling (§6).
    package var scoredTotal: ExactDecimal
    /// The annual total: `scoredTotal`, or the veto's score for a vetoed unit when the criteria
    /// set one (§8.1).
    package var total: ExactDecimal
    /// The grade (等次); nil in a scheme without bands.
    package var band: String?
    /// The gates (§7.1) whose minimum the unit's scores fall below, in criteria order.
    package var gateHits: [GateHit]
    /// Why the unit holds its band (§7–§9).
    package var bandReason: BandReason
    /// The veto events (一票否决) of the unit, in file order.
    package var vetoes: [Event]
    package var vetoed: Bool { !vetoes.isEmpty }
    /// Annual rank in the unit's group; nil when vetoed (§10).
    package var rank: Int?
    /// Points carried into the target-responsibility assessment (§6).
    package var contribution: ExactDecimal
    /// `commend`, `gate`, `quota`, in that order.
    package var flags: [String]
    /// Consequences (责任追究, §12), by kind, then period, then line.
    package var consequences: [Consequence] { facts.consequences(of: self) }
    /// The facts periods, months and consequences are listed from.
    package var facts: UnitFacts

    package init(unit: Unit, parts: [PartScore], survey: SurveyOutcome?, bonus: AdjustmentOutcome,
                 penalty: AdjustmentOutcome, weightedSum: ExactDecimal, base: ExactDecimal, baseTotal: ExactDecimal,
                 unroundedTotal: ExactDecimal, scoredTotal: ExactDecimal,
                 total: ExactDecimal, band: String?, gateHits: [GateHit], bandReason: BandReason, vetoes: [Event],
                 contribution: ExactDecimal, flags: [String], facts: UnitFacts) {
        self.unit = unit; self.parts = parts; self.survey = survey; self.bonus = bonus; self.penalty = penalty
        self.weightedSum = weightedSum; self.base = base; self.baseTotal = baseTotal; self.unroundedTotal = unroundedTotal; self.scoredTotal = scoredTotal
        self.total = total; self.band = band; self.gateHits = gateHits; self.bandReason = bandReason
        self.vetoes = vetoes; self.contribution = contribution; self.flags = flags; self.facts = facts
    }
}

/// What an assessment's results share: the failed checks by unit and month, and the period
/// scores of every unit.
package final class AssessmentTables: Sendable {
    let ledger: DeductionLedger
    /// The checks part's period scores (nil without a checks part).
    let periods: PeriodTable?
    let year: Int

    init(ledger: DeductionLedger, periods: PeriodTable?, year: Int) {
        self.ledger = ledger; self.periods = periods; self.year = year
    }
}

/// One unit's facts as the rules found them, in a few bytes.
package struct UnitFacts: Sendable {
    let tables: AssessmentTables
    let unit: Int32
    /// Bit `m − 1` is set when month `m` failed the bulletin rule (§11).
    var failedMonths: UInt16 = 0
    /// Failed checks rectified late or not at all (§12.1), by date, then line.
    var lateRectifications: [LateRectification] = []
    /// Last places in the period rankings (§12.3), in period order.
    var lastPlaces: [LastPlace] = []
    /// The survey rate is below `warn` (§12.4).
    var surveyWarned = false
    /// The unit holds the lowest band (§12.6).
    var annualFailed = false

    init(tables: AssessmentTables, unit: Int) {
        self.tables = tables
        self.unit = Int32(truncatingIfNeeded: unit)
    }

    func periods() -> [PeriodScore] { tables.periods?.scores(unit: Int(unit)) ?? [] }

    func months() -> [MonthStatus] {
        // A scheme without daily checks has no monthly bulletin.
        guard tables.periods != nil else { return [] }
        return (1...12).map { month in
            MonthStatus(month: month, findings: tables.ledger.failures(unit: Int(unit), month: month),
                        passed: failedMonths & (1 << (month - 1)) == 0)
        }
    }

    /// The consequences, kind by kind in the order of ``ConsequenceKind``, each list already in
    /// period-then-line order.
    func consequences(of result: UnitResult) -> [Consequence] {
        let year = tables.year
        var list: [Consequence] = []
        list += RectifyLateRule.consequences(lateRectifications, log: tables.ledger.storage.log)
        list += MonthFailRule.consequences(failedMonths, year: year, ledger: tables.ledger, unit: Int(unit))
        list += lastPlaces.map { PeriodLastRule.consequence($0, group: result.unit.group) }
        if surveyWarned, let survey = result.survey { list.append(SurveyWarnRule.consequence(survey, year: year)) }
        list += VetoConsequenceRule.consequences(result.vetoes)
        if annualFailed { list.append(AnnualFailRule.consequence(year: year)) }
        return list
    }
}
