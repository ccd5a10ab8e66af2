import KaoheModel

/// A second, deliberately plain computation of SPEC section 3 (3.1–3.9), written from the
/// contract text alone: no scoring code is shared with ``Assessor``. Property tests compare
/// every field it finds with what `Assessor.assess` finds.
///
/// Choices where the contract leaves room (the same ones `Assessor` makes): a vetoed unit is
/// never gated; a gated unit is no quota candidate; a part gate compares the rounded part
/// score, a component gate the score as given (an n/a component is not gated); the base is
/// `round(Σ weight × part)` and `total = round(clamp(base + bonus − penalty, 0, ceiling))` with
/// the printed (rounded) bonus and penalty; a veto's fixed score is printed rounded;
/// `contribution = round(total × targetShare ÷ scale)`; an exempt unit's period score is
/// `round(Σ cat of its other categories × scale ÷ Σ their points)`; with `share × units` below
/// 1 the quota moves every candidate down.
enum ReferenceScoring {

    struct Consequence: Equatable, CustomStringConvertible {
        var kind: ConsequenceKind
        var period: String
        var line: Int?
        var description: String { "\(kind.rawValue) \(period) \(line.map(String.init) ?? "-")" }
    }

    struct Month: Equatable {
        var failed: Int
        var passed: Bool
    }

    struct UnitOutcome {
        var periods: [ExactDecimal] = []
        var months: [Month] = []
        var parts: [ExactDecimal] = []
        var bonus: ExactDecimal = .zero
        var penalty: ExactDecimal = .zero
        var base: ExactDecimal = .zero
        var total: ExactDecimal = .zero
        var band: String?
        var vetoed = false
        var rank: Int?
        var contribution: ExactDecimal = .zero
        var flags: [String] = []
        /// 1-based periods of the checks part in which the unit is last of its group.
        var lastPlaces: [Int] = []
        var consequences: [Consequence] = []
        /// Only for the quota and the flags; not compared.
        var gated = false
        var commended = false
    }

    struct Row: Equatable, CustomStringConvertible {
        var unit: Int
        var rank: Int?
        var last: Bool
        var score: ExactDecimal
        var description: String { "u\(unit) r\(rank.map(String.init) ?? "-") \(score)\(last ? " last" : "")" }
    }

    struct GroupRows: Equatable {
        var group: String
        var rows: [Row]
    }

    struct QuotaOutcome: Equatable {
        var allowed: Int
        var reached: Int
        var cut: ExactDecimal?
        var movedDown: [String]
    }

    struct Outcome {
        var units: [UnitOutcome]
        var groups: [String]
        /// Per period of the checks part, the groups' rows in rank order.
        var periodRankings: [[GroupRows]]
        var annualRanking: [GroupRows]
        var quota: QuotaOutcome?
    }

    // MARK: the computation

    static func assess(_ dataset: Dataset) -> Outcome {
        let criteria = dataset.criteria
        let places = criteria.places
        let scale = criteria.scale
        let year = dataset.year
        let units = dataset.units
        func round(_ x: ExactDecimal) -> ExactDecimal { x.rounded(places) }

        var checksPeriod: PeriodKind?
        for part in criteria.parts { if case .checks(let period) = part.kind { checksPeriod = period } }

        var groups: [String] = []
        for unit in units where !groups.contains(unit.group) { groups.append(unit.group) }

        let failures = Array(dataset.failures)
        var results = [UnitOutcome](repeating: UnitOutcome(), count: units.count)

        // 3.1–3.2 period scores.
        var periodScores: [[ExactDecimal]] = Array(repeating: [], count: units.count)
        if let kind = checksPeriod {
            periodScores = ReferenceScoring.periodScores(dataset, kind: kind)
            for (u, unit) in units.enumerated() {
                results[u].periods = periodScores[u]
                // Monthly bulletin.
                results[u].months = (1...12).map { month in
                    let n = failures.filter { $0.unit == unit.id && $0.date.year == year && $0.date.month == month }.count
                    return Month(failed: n, passed: n < criteria.bulletin.failAt)
                }
            }
        }

        // 3.5 survey.
        var rates: [ExactDecimal?] = Array(repeating: nil, count: units.count)
        if let rule = criteria.survey {
            for (u, unit) in units.enumerated() {
                guard let record = dataset.surveys.last(where: { $0.unit == unit.id }) else { continue }
                let all = record.satisfied + record.basic + record.dissatisfied
                let numerator = ExactDecimal(record.satisfied) + rule.basicWeight * ExactDecimal(record.basic)
                rates[u] = ExactDecimal.quotient(numerator, ExactDecimal(all), places: 4)
            }
        }

        // 3.3–3.4 part scores; component scores as given for the gates.
        var componentScores: [[String: ExactDecimal]] = Array(repeating: [:], count: units.count)
        for (u, unit) in units.enumerated() {
            var given: [String: ExactDecimal?] = [:]
            for record in dataset.scores where record.unit == unit.id { given[record.component] = record.score }
            if let rule = criteria.survey, let component = rule.component, let rate = rates[u] {
                given[component] = round(rate * 100)
            }
            for part in criteria.parts {
                switch part.kind {
                case .checks:
                    let scores = periodScores[u]
                    results[u].parts.append(ExactDecimal.quotient(ExactDecimal.sum(scores), ExactDecimal(scores.count), places: places))
                case .scores(let components):
                    var applicable: [(Component, ExactDecimal)] = []
                    for component in components {
                        if let value = given[component.id] ?? nil {
                            applicable.append((component, value))
                            componentScores[u][component.id] = value
                        }
                    }
                    let notApplicable = applicable.count < components.count
                    if components.first?.max != nil {
                        let sum = ExactDecimal.sum(applicable.map(\.1))
                        if notApplicable {
                            let maxes = ExactDecimal.sum(applicable.map { $0.0.max ?? .zero })
                            results[u].parts.append(ExactDecimal.quotient(sum * scale, maxes, places: places))
                        } else {
                            results[u].parts.append(round(sum))
                        }
                    } else {
                        let sum = ExactDecimal.sum(applicable.map { $0.0.weight * $0.1 })
                        if notApplicable {
                            let weights = ExactDecimal.sum(applicable.map { $0.0.weight })
                            results[u].parts.append(ExactDecimal.quotient(sum, weights, places: places))
                        } else {
                            results[u].parts.append(round(sum))
                        }
                    }
                }
            }
        }

        // 3.6 and 3.9: total, band, veto, gates.
        let bandNames = criteria.bands.map(\.name)
        func bandIndex(_ name: String?) -> Int? { name.flatMap { bandNames.firstIndex(of: $0) } }
        for (u, unit) in units.enumerated() {
            var r = results[u]
            let events = dataset.events.filter { $0.unit == unit.id }
            var weighted = ExactDecimal.zero
            for (p, part) in criteria.parts.enumerated() { weighted += part.weight * r.parts[p] }
            r.base = round(weighted)
            var bonusSum = ExactDecimal.zero, penaltySum = ExactDecimal.zero
            for e in events where e.kind == .bonus { bonusSum += e.points ?? .zero }
            for e in events where e.kind == .penalty { penaltySum += e.points ?? .zero }
            var bonus = bonusSum
            if let cap = criteria.adjustments.bonusCap, cap < bonus { bonus = cap }
            if let minimum = criteria.adjustments.bonusMin, r.base < minimum { bonus = .zero }
            var penalty = penaltySum
            if let cap = criteria.adjustments.penaltyCap, cap < penalty { penalty = cap }
            r.bonus = round(bonus)
            r.penalty = round(penalty)
            // Every later step uses the printed (rounded) values.
            var sum = r.base + r.bonus - r.penalty
            if sum < .zero { sum = .zero }
            switch criteria.adjustments.ceiling {
            case .scale: if sum > scale { sum = scale }
            case .points(let top): if sum > top { sum = top }
            case .none: break
            }
            r.total = round(sum)
            r.band = criteria.bands.first { r.total >= $0.min }?.name

            let vetoes = events.filter { $0.kind == .veto }
            r.vetoed = !vetoes.isEmpty
            if r.vetoed {
                r.band = criteria.veto.band
                // The fixed score is printed, so rounded like every printed number.
                if let score = criteria.veto.score { r.total = round(score) }
            }

            if let rule = criteria.survey, let rate = rates[u], let commend = rule.commend, rate >= commend {
                r.commended = true
            }

            if !r.vetoed, var held = bandIndex(r.band) {
                var gated = false
                for gate in criteria.gates {
                    var value: ExactDecimal?
                    switch gate.target {
                    case .part(let id):
                        if let p = criteria.parts.firstIndex(where: { $0.id == id }) { value = r.parts[p] }
                    case .component(let id):
                        value = componentScores[u][id]
                    }
                    guard let value, value < gate.min, let limit = bandIndex(gate.band) else { continue }
                    if held < limit { held = limit; gated = true }
                }
                if gated { r.band = bandNames[held]; r.gated = true }
            }
            results[u] = r
        }

        // Quota.
        var quotaOutcome: QuotaOutcome?
        var movedByQuota = Set<Int>()
        if let quota = criteria.quota {
            let candidates = units.indices.filter { !results[$0].vetoed && !results[$0].gated && results[$0].band == quota.band }
            let allowed = (quota.share * ExactDecimal(units.count)).floor
            var cut: ExactDecimal?
            if candidates.count > allowed {
                let totals = candidates.map { results[$0].total }.sorted(by: >)
                if allowed == 0 {
                    movedByQuota = Set(candidates)
                } else {
                    let t = totals[allowed - 1]
                    cut = t
                    let atLeast = totals.filter { $0 >= t }.count
                    for c in candidates {
                        let total = results[c].total
                        let keeps = total > t || (total == t && atLeast <= allowed)
                        if !keeps { movedByQuota.insert(c) }
                    }
                }
            }
            let lower = bandIndex(quota.band).map { $0 + 1 < bandNames.count ? bandNames[$0 + 1] : bandNames[$0] }
            for c in movedByQuota.sorted() { results[c].band = lower }
            quotaOutcome = QuotaOutcome(allowed: allowed, reached: candidates.count, cut: cut,
                                        movedDown: movedByQuota.sorted().map { units[$0].id })
        }

        for u in units.indices {
            var flags: [String] = []
            if results[u].commended { flags.append("commend") }
            if results[u].gated { flags.append("gate") }
            if movedByQuota.contains(u) { flags.append("quota") }
            results[u].flags = flags
            results[u].contribution = ExactDecimal.quotient(results[u].total * criteria.targetShare, scale, places: places)
        }

        // 3.7 ranking.
        func rank(_ entries: [(unit: Int, score: ExactDecimal)]) -> [Row] { ReferenceScoring.rank(entries, ties: criteria.ranking.ties) }

        var periodRankings: [[GroupRows]] = []
        if let kind = checksPeriod {
            let count = kind == .quarter ? 4 : kind == .half ? 2 : 12
            for p in 1...count {
                periodRankings.append(groups.map { group in
                    GroupRows(group: group, rows: rank(units.indices.filter { units[$0].group == group }.map { ($0, periodScores[$0][p - 1]) }))
                })
            }
            for (p, ranking) in periodRankings.enumerated() {
                for group in ranking { for row in group.rows where row.last { results[row.unit].lastPlaces.append(p + 1) } }
            }
        }
        let annual = groups.map { group -> GroupRows in
            let members = units.indices.filter { units[$0].group == group }
            var rows = rank(members.filter { !results[$0].vetoed }.map { ($0, results[$0].total) })
            rows += members.filter { results[$0].vetoed }.map { Row(unit: $0, rank: nil, last: false, score: results[$0].total) }
            return GroupRows(group: group, rows: rows)
        }
        for group in annual { for row in group.rows { results[row.unit].rank = row.rank } }

        // 3.8 consequences.
        func isWorkingDay(_ date: CivilDate) -> Bool {
            if dataset.calendar.workdays.contains(date) { return true }
            return !date.isWeekend && !dataset.calendar.holidays.contains(date)
        }
        func deadline(_ date: CivilDate, _ days: Int) -> CivilDate {
            var day = date, counted = 0
            while counted < days {
                day = day.adding(days: 1)
                if isWorkingDay(day) { counted += 1 }
            }
            return day
        }
        for (u, unit) in units.enumerated() {
            var list: [Consequence] = []
            if let kind = checksPeriod {
                var late: [(CivilDate, Int)] = []
                for f in failures where f.unit == unit.id && f.derivation == nil {
                    let due = deadline(f.date, criteria.rectify.workingDays)
                    let isLate = f.rectified.map { $0 > due } ?? (due.year <= year)
                    if isLate { late.append((f.date, f.source.line)) }
                }
                late.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                list += late.map { Consequence(kind: .rectifyLate, period: $0.0.description, line: $0.1) }
                for (m, month) in results[u].months.enumerated() where !month.passed {
                    list.append(Consequence(kind: .monthFail, period: "\(year)-" + (m + 1 < 10 ? "0\(m + 1)" : "\(m + 1)"), line: nil))
                }
                for p in results[u].lastPlaces {
                    let label: String
                    switch kind {
                    case .quarter: label = "\(year)-Q\(p)"
                    case .half: label = "\(year)-H\(p)"
                    case .month: label = "\(year)-" + (p < 10 ? "0\(p)" : "\(p)")
                    }
                    list.append(Consequence(kind: .periodLast, period: label, line: nil))
                }
            }
            if let rule = criteria.survey, let warn = rule.warn, let rate = rates[u], rate < warn,
               let record = dataset.surveys.last(where: { $0.unit == unit.id }) {
                list.append(Consequence(kind: .surveyWarn, period: "\(year)", line: record.source.line))
            }
            let vetoes = dataset.events.filter { $0.unit == unit.id && $0.kind == .veto }
                .sorted { $0.date != $1.date ? $0.date < $1.date : $0.source.line < $1.source.line }
            list += vetoes.map { Consequence(kind: .veto, period: $0.date.description, line: $0.source.line) }
            if let lowest = bandNames.last, results[u].band == lowest {
                list.append(Consequence(kind: .annualFail, period: "\(year)", line: nil))
            }
            results[u].consequences = list
        }

        return Outcome(units: results, groups: groups, periodRankings: periodRankings, annualRanking: annual,
                       quota: quotaOutcome)
    }
    /// Per unit, the period scores of every period of `kind` (3.1, 3.2, 3.9 exempt categories).
    static func periodScores(_ dataset: Dataset, kind: PeriodKind) -> [[ExactDecimal]] {
        let criteria = dataset.criteria
        let failures = Array(dataset.failures)
        let count = kind == .quarter ? 4 : kind == .half ? 2 : 12
        return dataset.units.map { unit in
            (1...count).map { p in
                var cats: [ExactDecimal] = []
                var applicablePoints = ExactDecimal.zero
                for category in criteria.categories where !unit.exempt.contains(category.id) {
                    let itemIDs = Set(category.items.map(\.id))
                    var deducted = ExactDecimal.zero
                    for f in failures where f.unit == unit.id && itemIDs.contains(f.item) && f.date.year == dataset.year {
                        let m = f.date.month
                        let inPeriod = kind == .month ? m == p : kind == .quarter ? (m + 2) / 3 == p : (m + 5) / 6 == p
                        if inPeriod { deducted += f.deduction }
                    }
                    let left = category.points - deducted
                    cats.append(left < .zero ? .zero : left)
                    applicablePoints += category.points
                }
                let sum = ExactDecimal.sum(cats)
                return unit.exempt.isEmpty ? sum.rounded(criteria.places)
                    : ExactDecimal.quotient(sum * criteria.scale, applicablePoints, places: criteria.places)
            }
        }
    }

    /// One group's rows in rank order (3.7, 3.9 tie numbering): ties in the given order.
    static func rank(_ entries: [(unit: Int, score: ExactDecimal)], ties: RankingOptions.Ties) -> [Row] {
        let order = entries.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        var rows: [Row] = []
        for entry in order {
            let higher = order.filter { $0.score > entry.score }
            let r: Int
            switch ties {
            case .shared: r = higher.count + 1
            case .dense: r = Set(higher.map(\.score)).count + 1
            }
            rows.append(Row(unit: entry.unit, rank: r, last: false, score: entry.score))
        }
        let largest = rows.compactMap(\.rank).max() ?? 0
        if largest > 1 { for i in rows.indices where rows[i].rank == largest { rows[i].last = true } }
        return rows
    }

    /// The category scores of one unit's period as `rank` JSON shows them (3.9): an exempt
    /// category nil, the others `max(0, points − Σ deductions)` unscaled, rounded.
    static func categoryScores(_ dataset: Dataset, unit: Unit, kind: PeriodKind, index: Int) -> [ExactDecimal?] {
        dataset.criteria.categories.map { category in
            if unit.exempt.contains(category.id) { return nil }
            let itemIDs = Set(category.items.map(\.id))
            var deducted = ExactDecimal.zero
            for f in dataset.failures where f.unit == unit.id && itemIDs.contains(f.item) {
                let m = f.date.month
                let inPeriod = kind == .month ? m == index : kind == .quarter ? (m + 2) / 3 == index : (m + 5) / 6 == index
                if inPeriod { deducted += f.deduction }
            }
            let left = category.points - deducted
            return (left < .zero ? .zero : left).rounded(dataset.criteria.places)
        }
    }

    /// The ranking of period `index` of `kind` (`rank --quarter|--half|--month N`), group by group.
    static func periodRanking(_ dataset: Dataset, kind: PeriodKind, index: Int) -> [GroupRows] {
        let scores = periodScores(dataset, kind: kind)
        var groups: [String] = []
        for unit in dataset.units where !groups.contains(unit.group) { groups.append(unit.group) }
        return groups.map { group in
            GroupRows(group: group, rows: rank(dataset.units.indices.filter { dataset.units[$0].group == group }
                .map { ($0, scores[$0][index - 1]) }, ties: dataset.criteria.ranking.ties))
        }
    }
}
