import KaoheModel

/// Computes the whole year from a validated dataset: the rules of docs/scoring.md, applied in
/// order, each once.
package enum Assessor {
    /// Scores every unit: periods, parts, total, band, veto, quota, ranks, consequences.
    package static func assess(_ input: Dataset) -> Assessment {
        let dataset = DeadlineFindings.appendingDerived(to: input)                         // §13
        let criteria = dataset.criteria
        let units = dataset.units
        let groups = RankingRule.orderedGroups(units)
        let ledger = DeductionLedger(dataset: dataset)
        let periods = criteria.checksPart == nil ? nil                                      // §1
            : PeriodScoreRule.table(ledger, kind: criteria.checksPeriod, year: dataset.year, criteria: criteria,
                                    units: units)
        let tables = AssessmentTables(ledger: ledger, periods: periods, year: dataset.year)
        let scoring = UnitScoring(dataset: dataset, tables: tables)
        var results = units.indices.map(scoring.result(unit:))                              // §2–§8, §11, §12

        var quota: QuotaOutcome?                                                            // §9
        if let rule = criteria.quota {
            let candidates = results.indices
                .filter { !results[$0].vetoed && !results[$0].flags.contains("gate") && results[$0].band == rule.band }
                .map { QuotaRule.Candidate(unitIndex: $0, total: results[$0].total) }
            let (moved, outcome) = QuotaRule.apply(rule, candidates: candidates, unitCount: units.count, units: units)
            for u in moved {
                results[u].band = BandsRule.band(below: rule.band, bands: criteria.bands)
                results[u].bandReason = .quota(reached: rule.band)
                results[u].flags.append("quota")
            }
            quota = outcome
        }

        let ties = criteria.ranking.ties                                                    // §10
        let periodRankings = periods.map { RankingRule.periodRankings($0, groups: groups, units: units, ties: ties) } ?? []
        let annual = RankingRule.annualRanking(results, year: dataset.year, groups: groups, units: units, ties: ties)
        for group in annual.groups {
            for row in group.rows { results[row.unitIndex].rank = row.rank }
        }

        for (u, places) in PeriodLastRule.find(periodRankings) { results[u].facts.lastPlaces = places }  // §12.3
        for u in results.indices {                                                          // §12.6
            results[u].facts.annualFailed = AnnualFailRule.applies(band: results[u].band, bands: criteria.bands)
        }
        let summaries = periods.map { GroupSummary.summaries($0, groups: groups, units: units, places: criteria.places) } ?? []
        return Assessment(year: dataset.year, criteria: criteria, units: results, groups: groups,
                          periodRankings: periodRankings, annualRanking: annual, quota: quota, groupSummaries: summaries)
    }

    /// A ranking of any period (`rank --month 3` when the checks part is quarterly), with the
    /// period scores of every unit.
    package static func periodRanking(_ input: Dataset, kind: PeriodKind, index: Int) -> (Ranking, [PeriodScore]) {
        let dataset = DeadlineFindings.appendingDerived(to: input)
        let table = PeriodScoreRule.table(DeductionLedger(dataset: dataset), kind: kind, year: dataset.year,
                                          criteria: dataset.criteria, units: dataset.units)
        let scores = dataset.units.indices.map { table.score(unit: $0, index: index) }
        let ranking = RankingRule.ranking(period: .of(kind, year: dataset.year, index: index),
                                          groups: RankingRule.orderedGroups(dataset.units), units: dataset.units,
                                          entries: scores.enumerated().map { .init(unitIndex: $0.offset, score: $0.element.score) },
                                          ties: dataset.criteria.ranking.ties)
        return (ranking, scores)
    }

    /// Group names in order of first appearance in `units.csv`.
    package static func orderedGroups(_ units: [Unit]) -> [String] { RankingRule.orderedGroups(units) }
}

/// One unit's result up to its band: the rules that need only the unit's own data, with the
/// survey (§4) and the scores parts (§3) worked out for every unit first.
struct UnitScoring {
    let dataset: Dataset
    let tables: AssessmentTables
    let sharedParts: [SharedPart]
    /// Per part: the component table of a scores part.
    let componentTables: [ComponentTable?]
    let surveys: [SurveyOutcome?]
    let events: [String: [Event]]

    init(dataset: Dataset, tables: AssessmentTables) {
        self.dataset = dataset
        self.tables = tables
        let criteria = dataset.criteria
        sharedParts = criteria.parts.map(SharedPart.init)
        var records: [String: SurveyRecord] = [:]
        for record in dataset.surveys { records[record.unit] = record }
        surveys = dataset.units.map { unit in                                               // §4
            criteria.survey.flatMap { rule in
                records[unit.id].flatMap { SurveyRateRule.outcome($0, rule: rule, places: criteria.places) }
            }
        }
        let scores = ScoresByUnit(dataset.scores, units: dataset.units)
        componentTables = criteria.parts.enumerated().map { [surveys, sharedParts] p, part in  // §3
            guard case .scores(let components) = part.kind else { return nil }
            return ScoresPartRule.table(sharedParts[p], components: ComponentList(components), scores: scores,
                                        surveys: surveys, surveyComponent: criteria.survey?.component, scale: criteria.scale,
                                        places: criteria.places)
        }
        var events: [String: [Event]] = [:]
        for event in dataset.events { events[event.unit, default: []].append(event) }
        self.events = events
    }

    func result(unit u: Int) -> UnitResult {
        let criteria = dataset.criteria
        let places = criteria.places
        let unit = dataset.units[u]
        let survey = surveys[u]
        let parts = criteria.parts.indices.map { p -> PartScore in
            if let table = componentTables[p] { return table.partScore(unit: u) }               // §3
            guard let periods = tables.periods else { return PartScore(shared: sharedParts[p], score: .zero, stored: .checks(nil, unit: 0, sum: .zero)) }
            return ChecksPartRule.score(sharedParts[p], periods: periods, unit: u, places: places)  // §2
        }
        let unitEvents = events[unit.id] ?? []
        let weightedSum = TotalRule.weightedSum(parts: parts)                               // §6
        let base = weightedSum.rounded(places)
        let bonus = AdjustmentsRule.bonus(unitEvents, criteria: criteria, base: base)       // §5, §5.1
        let penalty = AdjustmentsRule.penalty(unitEvents, criteria: criteria)
        let baseTotal = TotalRule.unrounded(base: base, bonus: bonus, penalty: penalty)
        let scoredTotal = TotalRule.total(baseTotal, ceiling: criteria.ceiling, places: places)  // §6.1
        let unrounded = TotalRule.unrounded(base: weightedSum, bonus: bonus, penalty: penalty)
        let reached = BandsRule.band(for: scoredTotal, bands: criteria.bands)              // §7
        let vetoes = OneVoteVetoRule.vetoes(unitEvents)                                     // §8
        var (band, reason) = OneVoteVetoRule.band(reached: reached, vetoes: vetoes, rule: criteria.veto)
        let total = OneVoteVetoRule.total(scoredTotal, vetoes: vetoes, rule: criteria.veto, places: places)  // §8.1
        var flags = SurveyRateRule.commended(survey, rule: criteria.survey) ? ["commend"] : []
        let gateHits = GatesRule.hits(criteria.gates, parts: parts)                         // §7.1
        if vetoes.isEmpty, let reached, let capped = GatesRule.cap(band, hits: gateHits, bands: criteria.bands) {
            band = capped
            reason = .gate(reached: reached)
            flags.append("gate")
        }

        var facts = UnitFacts(tables: tables, unit: u)
        if tables.periods != nil {
            facts.failedMonths = MonthlyBulletinRule.failedMonths(unit: u, ledger: tables.ledger, rule: criteria.bulletin)  // §11
            let storage = tables.ledger.storage
            facts.lateRectifications = RectifyLateRule.find(                                // §12.1
                tables.ledger.runs(unit: u, months: 1...12).lazy.map { Int(storage.order[$0]) }, log: storage.log,
                year: dataset.year, rule: criteria.rectify, calendar: dataset.calendar)
        }
        facts.surveyWarned = SurveyWarnRule.applies(survey, rule: criteria.survey)          // §12.4

        return UnitResult(unit: unit, parts: parts, survey: survey, bonus: bonus, penalty: penalty,
                          weightedSum: weightedSum, base: base, baseTotal: baseTotal,
                          unroundedTotal: unrounded, scoredTotal: scoredTotal, total: total, band: band,
                          gateHits: gateHits, bandReason: reason, vetoes: vetoes,
                          contribution: TotalRule.contribution(total, targetShare: criteria.targetShare,
                                                               scale: criteria.scale, places: places),
                          flags: flags, facts: facts)
    }
}

/// The year-end score rows grouped by unit: `order[start[u] ..< start[u + 1]]` are unit `u`'s
/// positions in `scores.csv` order.
struct ScoresByUnit {
    let scores: [ScoreRecord]
    let start: [Int32]
    let order: [Int32]

    init(_ scores: [ScoreRecord], units: [Unit]) {
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
        self.start = start
        self.order = order
    }

    /// A unit's year-end scores by component (the last row of a component counts).
    func byComponent(unit u: Int) -> [String: ScoreRecord] {
        var byComponent: [String: ScoreRecord] = [:]
        guard u >= 0, u + 1 < start.count else { return byComponent }
        for k in Int(start[u])..<Int(start[u + 1]) {
            let record = scores[Int(order[k])]
            byComponent[record.component] = record
        }
        return byComponent
    }
}
