import KaoheRandom

/// A finding the sample must contain, whatever the dice say.
struct ForcedFinding {
    /// Day offset of the check, or nil for a random working day of the week.
    var day: Int?
    var item: Int
    var note: String
    /// Working days until rectified; nil = never rectified.
    var rectifiedAfter: Int?
}

/// What the check log of a sample year looks like beyond the units' profiles.
struct CheckPlan {
    /// Checks per unit per week, each on a different working day.
    var checksPerWeek = 1
    /// Unit-weeks with no check at all (key: unit index × 1000 + week).
    var missing: Set<Int> = []
    var forced: [Int: ForcedFinding] = [:]
    /// Unit-weeks recorded with the Chinese result words 合格/不合格.
    var chineseWords: Set<Int> = []
    /// Rows that name the unit instead of giving its id (‰).
    var unitNamePerMille = 0
    /// Failed rows that name the item instead of giving its id (‰).
    var itemNamePerMille = 0
    /// Each check is logged item by item: one row per item of the criteria, `pass` naming the
    /// item or `fail` with a note (the shape of a province's consolidated log). The chance that
    /// an item fails is the unit's `failPerMille` scaled by the item's share of the frequencies
    /// and by `itemFailScale` (thousandths).
    var itemRows = false
    var itemFailScale = 1000

    static func key(unit: Int, week: Int) -> Int { unit * 1000 + week }
}

/// Counts of what was written, and the deductions each unit collected per period and
/// category (tenths of a point), for estimating totals.
struct CheckStats {
    var rows = 0
    var failRows = 0
    var unitWeeks = 0
    var failedUnitWeeks = 0
    var missingUnitWeeks = 0
    var lateRectified = 0
    var neverRectified = 0
    var rectifiedNextYear = 0
    var explicitDeductions = 0
    var deductions: [Int]
    let periods: Int
    let categories: Int

    init(units: Int, periods: Int, categories: Int) {
        self.periods = periods
        self.categories = categories
        deductions = Array(repeating: 0, count: units * periods * categories)
    }

    mutating func deduct(unit: Int, period: Int, category: Int, tenths: Int) {
        deductions[(unit * periods + period) * categories + category] += tenths
    }

    /// The checks part score (docs/scoring.md §1–§2), estimated in hundredths.
    func dailyScore(unit: Int, points: [Int]) -> Int {
        var sum = 0
        for period in 0..<periods {
            for (category, categoryPoints) in points.enumerated() {
                let lost = deductions[(unit * periods + period) * categories + category]
                sum += max(0, categoryPoints * 10 - lost)
            }
        }
        // sum is in tenths over all periods; mean in hundredths, half-up.
        return (sum * 10 * 2 + periods) / (2 * periods)
    }
}

/// Writes `checks.csv`, one week at a time, rows of a week ordered by date then unit.
struct CheckLogWriter {
    let scheme: SchemeSpec
    let words: Vocabulary
    let days: YearDays
    let units: [SampleUnit]
    let plan: CheckPlan
    let seed: UInt64

    func write(to output: CSVOutput) throws -> CheckStats {
        var stats = CheckStats(units: units.count, periods: scheme.periods, categories: scheme.categoryPoints.count)
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        let unitIDs = units.map { CSVOutput.escaped($0.id) }
        let unitNames = units.map { CSVOutput.escaped($0.name) }
        let itemIDs = scheme.items.map { CSVOutput.escaped($0.id) }
        let itemNames = scheme.items.map { CSVOutput.escaped($0.name) }
        let notes = scheme.items.map { $0.notes.map(CSVOutput.escaped) }
        let frequencies = scheme.items.map(\.frequency)
        let frequencySum = max(1, frequencies.reduce(0, +))
        // Per item: the unit's failPerMille times this gives the chance in millionths.
        let itemFailWeights = frequencies.map { $0 * frequencies.count * plan.itemFailScale / frequencySum }
        let pass = CSVOutput.escaped(words.pass), fail = CSVOutput.escaped(words.fail)
        let passZH = CSVOutput.escaped(Vocabulary.chinese.pass), failZH = CSVOutput.escaped(Vocabulary.chinese.fail)
        let periodOfDay = (0..<days.count).map { scheme.period(ofMonth: days.month(of: $0)) }
        let lastDay = days.count - 1
        var generators = (0..<units.count).map { SplitMix64(seed: seed, stream: UInt64($0) + 1) }
        var buckets = Array(repeating: [UInt8](), count: 7)
        var bucketRows = Array(repeating: 0, count: 7)
        var chosen: [Int] = []
        var picked: [Int] = []

        for (week, monday) in days.weekStarts.enumerated() {
            let workingDays = days.weekWorkingDays[week]
            for unit in units.indices {
                let key = CheckPlan.key(unit: unit, week: week)
                if plan.missing.contains(key) {
                    if !workingDays.isEmpty { stats.missingUnitWeeks += 1 }
                    continue
                }
                guard !workingDays.isEmpty else { continue }
                var rng = generators[unit]
                defer { generators[unit] = rng }
                let forced = plan.forced[key]

                // The check days of this unit-week.
                chosen = workingDays
                let checks = min(plan.checksPerWeek, chosen.count)
                for i in 0..<checks { chosen.swapAt(i, i + rng.below(chosen.count - i)) }
                chosen.removeSubrange(checks...)
                chosen.sort()
                if let day = forced?.day, !chosen.contains(day) { chosen[0] = day; chosen.sort() }

                let chinese = plan.chineseWords.contains(key)
                var weekFailed = false
                stats.unitWeeks += 1
                for (checkIndex, day) in chosen.enumerated() {
                    let bucket = day - monday
                    let useName = rng.chance(perMille: plan.unitNamePerMille)
                    let unitRef = useName ? unitNames[unit] : unitIDs[unit]
                    // A forced finding lands on its own day, or on the week's first check.
                    let isForced: Bool
                    if let forced {
                        isForced = forced.day.map { $0 == day } ?? (checkIndex == 0)
                    } else {
                        isForced = false
                    }
                    picked.removeAll(keepingCapacity: true)
                    let failed: Bool
                    if plan.itemRows {
                        if isForced, let forced { picked.append(forced.item) }
                        let chance = units[unit].failPerMille
                        for item in itemFailWeights.indices where rng.below(1_000_000) < chance * itemFailWeights[item] {
                            if !picked.contains(item) { picked.append(item) }
                        }
                        picked.sort()
                        failed = !picked.isEmpty
                    } else {
                        failed = isForced || rng.chance(perMille: units[unit].failPerMille)
                    }
                    // A passed check, without an item or of one item.
                    func passRow(_ item: [UInt8]) {
                        buckets[bucket].append(contentsOf: days.dateBytes[day])
                        buckets[bucket].append(comma)
                        buckets[bucket].append(contentsOf: unitRef)
                        buckets[bucket].append(comma)
                        buckets[bucket].append(contentsOf: item)
                        buckets[bucket].append(comma)
                        buckets[bucket].append(contentsOf: chinese ? passZH : pass)
                        buckets[bucket].append(contentsOf: [comma, comma, comma, newline])
                        bucketRows[bucket] += 1
                        stats.rows += 1
                    }
                    if !failed && !plan.itemRows {
                        passRow([])
                        continue
                    }
                    if failed { weekFailed = true }
                    if plan.itemRows {
                        // picked holds the failing items, in item order.
                    } else if isForced, let forced {
                        picked.append(forced.item)
                    } else {
                        let count = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)]
                        var weights = frequencies
                        for item in weights.indices where units[unit].exemptCategories.contains(scheme.items[item].category) {
                            weights[item] = 0
                        }
                        for _ in 0..<count where weights.contains(where: { $0 > 0 }) {
                            let item = rng.weighted(weights)
                            weights[item] = 0
                            picked.append(item)
                        }
                    }
                    for item in plan.itemRows ? Array(scheme.items.indices) : picked {
                        if plan.itemRows && !picked.contains(item) {
                            passRow(itemIDs[item])
                            continue
                        }
                        let spec = scheme.items[item]
                        // Deduction: usually empty (the item's default), sometimes explicit.
                        var deduction = spec.deduction
                        var deductionText: [UInt8] = []
                        if !isForced && rng.chance(perMille: 120) {
                            deduction = rng.below(2) == 0 && spec.deduction >= 10 ? spec.deduction / 2 : spec.deduction + 10
                            deductionText = Array(tenths(deduction).utf8)
                            stats.explicitDeductions += 1
                        }
                        let note: [UInt8]
                        if isForced, let forced {
                            note = CSVOutput.escaped(forced.note)
                        } else {
                            note = notes[item][rng.below(notes[item].count)]
                        }
                        // Rectification date.
                        var rectified: Int?
                        let deadline = days.workingDay(scheme.rectifyDays, after: day) ?? Int.max
                        if isForced, let forced {
                            rectified = forced.rectifiedAfter.flatMap { days.workingDay($0, after: day) }
                            if rectified == nil { stats.neverRectified += 1 }
                            if let r = rectified, r > lastDay { stats.rectifiedNextYear += 1 }
                        } else {
                            let roll = rng.below(1000)
                            let after: Int
                            if roll < 80 {
                                after = scheme.rectifyDays + 1 + rng.below(5)
                            } else {
                                after = 1 + rng.below(max(1, scheme.rectifyDays - 1))
                            }
                            if roll < 6 && deadline <= lastDay {
                                rectified = nil
                                stats.neverRectified += 1
                            } else {
                                // Findings of the last days are rectified before the year ends.
                                rectified = min(days.workingDay(after, after: day) ?? lastDay, max(day, lastDay))
                                if let r = rectified, r > deadline { stats.lateRectified += 1 }
                            }
                        }
                        let useItemName = rng.chance(perMille: plan.itemNamePerMille)
                        var row = days.dateBytes[day]
                        row.append(comma)
                        row.append(contentsOf: unitRef)
                        row.append(comma)
                        row.append(contentsOf: useItemName ? itemNames[item] : itemIDs[item])
                        row.append(comma)
                        row.append(contentsOf: chinese ? failZH : fail)
                        row.append(comma)
                        row.append(contentsOf: deductionText)
                        row.append(comma)
                        row.append(contentsOf: note)
                        row.append(comma)
                        if let rectified { row.append(contentsOf: days.dateBytes[rectified]) }
                        row.append(newline)
                        buckets[bucket].append(contentsOf: row)
                        bucketRows[bucket] += 1
                        stats.rows += 1
                        stats.failRows += 1
                        stats.deduct(unit: unit, period: periodOfDay[day], category: spec.category, tenths: deduction)
                    }
                }
                if weekFailed { stats.failedUnitWeeks += 1 }
            }
            for index in 0..<7 where !buckets[index].isEmpty {
                try output.raw(buckets[index], records: bucketRows[index])
                buckets[index].removeAll(keepingCapacity: true)
                bucketRows[index] = 0
            }
        }
        return stats
    }
}
