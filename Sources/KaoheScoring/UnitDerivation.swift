import KaoheModel
/// What every unit's months and consequences are worked out from: the ledger of failed checks
/// and the criteria's rules. One per assessment, shared by its results.
final class ResultContext: Sendable {
    let ledger: DeductionLedger
    let bulletin: BulletinRule
    let rectify: RectifyRule
    let survey: SurveyRule?
    let lowestBand: String?
    let year: Int
    let calendar: WorkingCalendar
    /// The checks part's periods (nil without a checks part), and the criteria they use.
    let periodKind: PeriodKind?
    let criteria: Criteria

    /// The parts and each scores part's components, shared by every unit's scores.
    let sharedParts: [SharedPart]
    let componentLists: [ComponentList?]
    /// The year-end score rows, and their positions grouped by unit:
    /// `scoreOrder[scoreStart[u] ..< scoreStart[u + 1]]` are unit `u`'s, in file order.
    let scores: [ScoreRecord]
    let scoreStart: [Int32]
    let scoreOrder: [Int32]

    init(ledger: DeductionLedger, criteria: Criteria, year: Int, calendar: WorkingCalendar,
         units: [Unit] = [], scores: [ScoreRecord] = []) {
        sharedParts = criteria.parts.map(SharedPart.init)
        componentLists = criteria.parts.map { part in
            if case .scores(let components) = part.kind { return ComponentList(components) }
            return nil
        }
        var unitIndex: [String: Int] = [:]
        unitIndex.reserveCapacity(units.count)
        for (u, unit) in units.enumerated() where unitIndex[unit.id] == nil { unitIndex[unit.id] = u }
        var start = [Int32](repeating: 0, count: units.count + 1)
        for record in scores { if let u = unitIndex[record.unit] { start[u + 1] += 1 } }
        for u in units.indices { start[u + 1] += start[u] }
        var order = [Int32](repeating: 0, count: Int(start[units.count]))
        var next = start
        for (i, record) in scores.enumerated() {
            guard let u = unitIndex[record.unit] else { continue }
            order[Int(next[u])] = Int32(truncatingIfNeeded: i)
            next[u] += 1
        }
        self.scores = scores
        scoreStart = start
        scoreOrder = order
        self.ledger = ledger
        periodKind = criteria.checksPart == nil ? nil : criteria.checksPeriod
        self.criteria = criteria
        bulletin = criteria.bulletin
        rectify = criteria.rectify
        survey = criteria.survey
        lowestBand = criteria.bands.last?.name
        self.year = year
        self.calendar = calendar
    }
}

extension ResultContext {
    /// A unit's year-end scores by component (the last row of a component counts).
    func scores(ofUnit u: Int) -> [String: ScoreRecord] {
        var byComponent: [String: ScoreRecord] = [:]
        guard u >= 0, u + 1 < scoreStart.count else { return byComponent }
        for k in Int(scoreStart[u])..<Int(scoreStart[u + 1]) {
            let record = scores[Int(scoreOrder[k])]
            byComponent[record.component] = record
        }
        return byComponent
    }

    /// A unit's part scores in criteria order (3.3–3.4).
    func parts(unit u: Int, survey: SurveyOutcome?, periods: [PeriodScore], derivation: UnitDerivation) -> [PartScore] {
        criteria.parts.enumerated().map { p, part in
            switch part.kind {
            case .checks:
                return PartScoring.checksPart(sharedParts[p], periods: periods, places: criteria.places, derivation: derivation)
            case .scores(let components):
                return PartScoring.scoresPart(sharedParts[p], components: componentLists[p] ?? ComponentList(components),
                                              scores: scores(ofUnit: u), survey: survey,
                                              surveyComponent: criteria.survey?.component, places: criteria.places)
            }
        }
    }
}

/// A unit's periods, months and consequences, kept as the few facts they follow from (a year
/// of many units would otherwise hold them all for every unit).
struct UnitDerivation: Sendable {
    let context: ResultContext
    let unit: Int32
    /// Last places in the period rankings (末位), in ranking order.
    var lastPlaces: [Consequence] = []

    init(context: ResultContext, unit: Int32) {
        self.context = context
        self.unit = unit
    }

    /// Part scores (the survey outcome feeds a scores part).
    func parts(survey: SurveyOutcome?) -> [PartScore] {
        context.parts(unit: Int(unit), survey: survey, periods: periods(), derivation: self)
    }

    /// Period scores of the checks part.
    func periods() -> [PeriodScore] {
        guard let kind = context.periodKind else { return [] }
        return (1...kind.count).map {
            context.ledger.periodScore(unit: Int(unit), kind: kind, index: $0, year: context.year, criteria: context.criteria)
        }
    }

    /// Bulletin status of each month (月通报).
    func months() -> [MonthStatus] {
        BulletinRating.months(unit: Int(unit), ledger: context.ledger, rule: context.bulletin)
    }

    /// The consequences of a result (3.8): late rectifications, failed months, last places, the
    /// survey warning, vetoes and the lowest band; sorted by kind, period and line.
    func consequences(of result: UnitResult) -> [Consequence] {
        let year = context.year
        var found = ConsequenceFinder.rectifyLate(context.ledger.failures(unit: Int(unit)), year: year,
                                                  rule: context.rectify, calendar: context.calendar)
        for month in months() where !month.passed {
            found.append(Consequence(kind: .monthFail, period: PeriodKind.month.label(year: year, index: month.month),
                                     evidence: nil,
                                     detail: LocalizedText(zh: "\(month.failed) 项不合格", en: "\(month.failed) failed checks")))
        }
        found += lastPlaces
        if SurveyScoring.warned(result.survey, rule: context.survey), let survey = result.survey {
            found.append(Consequence(kind: .surveyWarn, period: String(year), evidence: survey.record.source,
                                     detail: LocalizedText(zh: "满意率 \(survey.rate)", en: "satisfaction rate \(survey.rate)")))
        }
        for veto in result.vetoes {
            found.append(Consequence(kind: .veto, period: veto.date.description, evidence: veto.source,
                                     detail: veto.clause.isEmpty ? nil : LocalizedText(zh: veto.clause, en: veto.clause)))
        }
        if result.band == context.lowestBand {
            found.append(Consequence(kind: .annualFail, period: String(year), evidence: nil))
        }
        return ConsequenceFinder.sorted(found)
    }
}
