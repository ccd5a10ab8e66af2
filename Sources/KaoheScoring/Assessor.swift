import KaoheModel
/// Computes the whole year (SPEC section 3) from a validated dataset.
public enum Assessor {
    /// The dataset with the failed checks derived from its registers appended (after the
    /// check log's own, in register order).
    public static func withDerivedChecks(_ dataset: Dataset) -> Dataset {
        guard !dataset.criteria.deadlines.isEmpty, !dataset.registers.isEmpty else { return dataset }
        var complete = dataset
        complete.failures += DeadlineChecks.derive(dataset).failures
        return complete
    }

    /// Scores every unit: periods, parts, total, band, veto, quota, ranks, consequences.
    public static func assess(_ input: Dataset) -> Assessment {
        let dataset = withDerivedChecks(input)
        let criteria = dataset.criteria
        let places = criteria.places
        let year = dataset.year
        let units = dataset.units
        let ledger = DeductionLedger(dataset: dataset)
        let groups = orderedGroups(units)
        let periodKind = criteria.checksPeriod
        let checksPart = criteria.checksPart

        var surveyByUnit: [String: SurveyRecord] = [:]
        for record in dataset.surveys { surveyByUnit[record.unit] = record }
        var eventsByUnit: [String: [Event]] = [:]
        for event in dataset.events { eventsByUnit[event.unit, default: []].append(event) }

        let context = ResultContext(ledger: ledger, criteria: criteria, year: year, calendar: dataset.calendar,
                                    units: units, scores: dataset.scores)

        // Per-unit scores up to the threshold band.
        var results: [UnitResult] = []
        results.reserveCapacity(units.count)
        // Each unit's period scores, for the period rankings (the results work them out again
        // when read).
        var periodScores: [[ExactDecimal]] = []
        periodScores.reserveCapacity(units.count)
        for (u, unit) in units.enumerated() {
            let periods = checksPart == nil ? [] : (1...periodKind.count).map {
                ledger.periodScore(unit: u, kind: periodKind, index: $0, year: year, criteria: criteria)
            }
            let derivation = UnitDerivation(context: context, unit: Int32(truncatingIfNeeded: u))
            let survey = criteria.survey.flatMap { rule in
                surveyByUnit[unit.id].flatMap { SurveyScoring.outcome($0, rule: rule, places: places) }
            }
            let parts = context.parts(unit: u, survey: survey, periods: periods, derivation: derivation)
            let events = eventsByUnit[unit.id] ?? []
            let bonus = TotalScoring.adjustment(events.filter { $0.kind == .bonus },
                                                cap: criteria.adjustments.bonusCap, places: places)
            let penalty = TotalScoring.adjustment(events.filter { $0.kind == .penalty },
                                                  cap: criteria.adjustments.penaltyCap, places: places)
            let unrounded = TotalScoring.unrounded(parts: parts, bonus: bonus, penalty: penalty)
            let total = TotalScoring.total(unrounded, scale: criteria.scale, places: places)
            let reached = Banding.band(for: total, bands: criteria.bands)
            let vetoes = events.filter { $0.kind == .veto }
            var flags: [String] = []
            if SurveyScoring.commended(survey, rule: criteria.survey) { flags.append("commend") }
            periodScores.append(periods.map(\.score))
            results.append(UnitResult(
                unit: unit, partScores: parts.map(\.score), survey: survey,
                bonus: bonus, penalty: penalty, unroundedTotal: unrounded, total: total,
                band: vetoes.isEmpty ? reached : criteria.veto.band,
                bandReason: vetoes.isEmpty ? .threshold : .veto(reached: reached),
                vetoes: vetoes, rank: nil,
                contribution: TotalScoring.contribution(total, targetShare: criteria.targetShare, places: places),
                flags: flags, derived: derivation))
        }

        // Quota on the quota band.
        var quotaOutcome: QuotaOutcome?
        if let quota = criteria.quota {
            // By index: the results are not copied.
            let candidates = results.indices
                .filter { !results[$0].vetoed && results[$0].band == quota.band }
                .map { QuotaRule.Candidate(unitIndex: $0, total: results[$0].total) }
            var (moved, outcome) = QuotaRule.apply(quota, candidates: candidates, unitCount: units.count)
            outcome.movedDown = moved.sorted().map { units[$0].id }
            for u in moved.sorted() {
                results[u].band = Banding.band(below: quota.band, bands: criteria.bands)
                results[u].bandReason = .quota(reached: quota.band)
                results[u].flags.append("quota")
            }
            quotaOutcome = outcome
        }

        // Rankings.
        let periodRankings: [Ranking] = checksPart == nil ? [] : (1...periodKind.count).map { index in
            Ranker.ranking(period: periodKind.label(year: year, index: index), groups: groups, units: units,
                           entries: results.indices.map { .init(unitIndex: $0, score: periodScores[$0][index - 1]) })
        }
        let annual = Ranker.ranking(period: String(year), groups: groups, units: units,
                                    entries: results.indices.map {
                                        .init(unitIndex: $0, score: results[$0].total, ranked: !results[$0].vetoed)
                                    })
        for group in annual.groups {
            for row in group.rows { results[row.unitIndex].rank = row.rank }
        }

        // Consequences.
        // Last places of the period rankings, per unit, in ranking order.
        var lastPlaces: [Int: [Consequence]] = [:]
        for ranking in periodRankings {
            for group in ranking.groups {
                for row in group.rows where row.last {
                    lastPlaces[row.unitIndex, default: []].append(
                        Consequence(kind: .periodLast, period: ranking.period, evidence: nil,
                                    detail: LocalizedText(zh: "\(group.group)第 \(row.rank ?? 0) 名（末位）",
                                                          en: "rank \(row.rank ?? 0) of \(group.group), last place")))
                }
            }
        }
        for (u, found) in lastPlaces { results[u].derived.lastPlaces = found }

        return Assessment(year: year, criteria: criteria, units: results, groups: groups,
                          periodRankings: periodRankings, annualRanking: annual, quota: quotaOutcome)
    }

    /// Group names in order of first appearance.
    package static func orderedGroups(_ units: [Unit]) -> [String] {
        var seen = Set<String>()
        return units.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }

    /// A ranking of any period (e.g. `rank --month 3` when the checks part is quarterly).
    public static func periodRanking(_ input: Dataset, kind: PeriodKind, index: Int) -> (Ranking, [PeriodScore]) {
        let dataset = withDerivedChecks(input)
        let ledger = DeductionLedger(dataset: dataset)
        let scores = dataset.units.indices.map {
            ledger.periodScore(unit: $0, kind: kind, index: index, year: dataset.year, criteria: dataset.criteria)
        }
        let ranking = Ranker.ranking(period: kind.label(year: dataset.year, index: index),
                                     groups: orderedGroups(dataset.units), units: dataset.units,
                                     entries: scores.enumerated().map { .init(unitIndex: $0.offset, score: $0.element.score) })
        return (ranking, scores)
    }
}
