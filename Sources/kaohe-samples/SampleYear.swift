import Foundation
import KaoheRandom

/// The target bands of annual totals, best first: a share of the units and the range of
/// totals (hundredths) they are given, best unit first within the band.
struct TargetBand {
    let share: Double
    let high: Int
    let low: Int
}

/// One bonus, penalty or veto event of a sample year.
struct SampleEvent {
    enum Kind { case bonus, penalty, veto }
    let day: Int
    let unit: Int
    let kind: Kind
    /// Points in tenths (nil for a veto).
    let points: Int?
    let clause: String
    let note: String
}

/// Everything that makes one sample data folder.
struct SampleYear {
    var name: String
    var year: Int
    var title: String
    var criteriaPath: String
    var scheme: SchemeSpec
    var words: Vocabulary
    var units: [SampleUnit]
    var plan = CheckPlan()
    var targets: [TargetBand]
    /// Failure chance (‰) per check of the best and of the last ordinary unit.
    var failRange: (best: Int, worst: Int)
    /// Failure chances of the clearly worse units, best first; they are the bottom
    /// `badShare` of the ranking (the list is stretched over them in a big year).
    var badFailPerMille: [Int]
    var badShare: Double
    var seed: UInt64
    var events: [SampleEvent] = []
    /// Whether to write the registers (台账); the big benchmark year leaves them out.
    var writeRegisters = true
    /// Share of units, from the bottom, whose survey rate is below 0.8 (at least 1).
    var surveyWarnShare = 2.0 / 35

    /// Gives every unit a quality rank (seeded shuffle), a failure chance and a target total.
    mutating func profileUnits() {
        var order = Array(units.indices)
        var rng = SplitMix64(seed: seed, stream: 0xA11CE)
        rng.shuffle(&order)
        let n = units.count
        let bad = min(n, max(badFailPerMille.isEmpty ? 0 : 1, Int((badShare * Double(n)).rounded())))
        for (rank, unit) in order.enumerated() {
            units[unit].rank = rank
            let position = rank - (n - bad)
            if position >= 0 {
                units[unit].failPerMille = badFailPerMille[position * badFailPerMille.count / bad]
            } else {
                let span = max(1, n - bad - 1)
                units[unit].failPerMille = failRange.best + (failRange.worst - failRange.best) * rank / span
            }
        }
        // Target totals by band, spread evenly inside each band, with a little noise.
        var start = 0
        for (index, band) in targets.enumerated() {
            let count = index == targets.count - 1 ? n - start : min(n - start, Int((band.share * Double(n)).rounded()))
            for position in 0..<count {
                let rank = start + position
                guard let unit = order.indices.contains(rank) ? order[rank] : nil else { continue }
                let step = count > 1 ? (band.high - band.low) * position / (count - 1) : 0
                let noise = rng.between(-15...15)
                units[unit].target = min(band.high, max(band.low, band.high - step + noise))
            }
            start += count
        }
    }

    /// Unit index holding `rank`.
    func unit(ofRank rank: Int) -> Int {
        units.firstIndex { $0.rank == rank } ?? 0
    }

    func write(to folder: String, days: YearDays, quiet: Bool) throws {
        let started = Date()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        try writeText("""
            // 虚构数据，由 kaohe-samples 生成；单位名称均为虚构。
            // Fictional data made by kaohe-samples; all unit names are made up.
            {
              "year": \(year),
              "title": "\(title)",
              "criteria": "\(criteriaPath)"
            }

            """, to: folder + "/assessment.json5")

        let unitsFile = try CSVOutput(path: folder + "/units.csv")
        let exemptColumn = units.contains { !$0.exempt.isEmpty }
        try unitsFile.header(words.units + (exemptColumn ? [words.exempt] : []))
        for unit in units {
            try unitsFile.row([unit.id, unit.name, unit.group] + (exemptColumn ? [unit.exempt.joined(separator: ";")] : []))
        }
        try unitsFile.close()

        let checksFile = try CSVOutput(path: folder + "/checks.csv")
        try checksFile.header(words.checks)
        let stats = try CheckLogWriter(scheme: scheme, words: words, days: days, units: units,
                                       plan: plan, seed: seed).write(to: checksFile)
        try checksFile.close()

        let eventsFile = try CSVOutput(path: folder + "/events.csv")
        try eventsFile.header(words.events)
        for event in events.sorted(by: { ($0.day, $0.unit) < ($1.day, $1.unit) }) {
            let kind: String
            switch event.kind {
            case .bonus: kind = words.bonus
            case .penalty: kind = words.penalty
            case .veto: kind = words.veto
            }
            try eventsFile.row([days.dateText[event.day], units[event.unit].id, kind,
                                event.points.map(tenths) ?? "", event.clause, event.note])
        }
        try eventsFile.close()

        if writeRegisters {
            try RegisterWriter(units: units, days: days, chinese: words.checks.first == "日期", seed: seed).write(to: folder)
        }

        // Survey (民意调查): counts chosen to give each unit a rate that fits its rank.
        var surveyScores = Array(repeating: 0, count: units.count)
        var commended = 0, warned = 0
        if scheme.surveyWeight > 0 {
            let surveyFile = try CSVOutput(path: folder + "/survey.csv")
            try surveyFile.header(words.survey)
            var rng = SplitMix64(seed: seed, stream: 0x5EED)
            let n = units.count
            let warnUnits = max(1, Int((surveyWarnShare * Double(n)).rounded()))
            for (index, unit) in units.enumerated() {
                let rateTarget: Int   // in 1/10000
                if unit.rank >= n - warnUnits {
                    rateTarget = rng.between(7200...7850)
                } else if unit.rank < n * 3 / 10 {
                    rateTarget = rng.between(9520...9880)
                } else {
                    rateTarget = rng.between(8400...9450)
                }
                let total = unit.id.hasPrefix("T") ? rng.between(150...300) : rng.between(60...150)
                let shortfall = total * (10000 - rateTarget)                       // in 1/10000
                let dissatisfied = (shortfall / 2 + 5000) / 10000
                let basicWeightGap = 1000 - scheme.basicWeight                     // thousandths
                let basic = basicWeightGap > 0
                    ? min(total - dissatisfied, max(0, (shortfall - dissatisfied * 10000) / (basicWeightGap * 10)))
                    : 0
                let satisfied = total - dissatisfied - basic
                // rate = (satisfied + basicWeight × basic) / total, half-up to 4 decimals.
                let numerator = satisfied * 1000 + scheme.basicWeight * basic       // thousandths
                let rate = (numerator * 10 * 2 + total) / (2 * total)
                surveyScores[index] = rate                                          // hundredths of a point
                if rate >= 9500 { commended += 1 }
                if rate < 8000 { warned += 1 }
                try surveyFile.row([unit.id, String(satisfied), String(basic), String(dissatisfied)])
            }
            try surveyFile.close()
        }

        // Year-end scores chosen so that each unit's estimated total lands on its target.
        var adjustments = Array(repeating: (bonus: 0, penalty: 0), count: units.count)
        var vetoed = Set<Int>()
        for event in events {
            switch event.kind {
            case .bonus: adjustments[event.unit].bonus += event.points ?? 0
            case .penalty: adjustments[event.unit].penalty += event.points ?? 0
            case .veto: vetoed.insert(event.unit)
            }
        }
        guard !scheme.components.isEmpty else {
            if !quiet {
                FileHandle.standardError.write(Data("\(name): \(units.count) units; checks.csv: \(stats.rows) rows (\(stats.failRows) fail rows); events: \(events.count)\n".utf8))
            }
            return
        }
        let scoresFile = try CSVOutput(path: folder + "/scores.csv")
        try scoresFile.header(words.scores)
        var rng = SplitMix64(seed: seed, stream: 0x5C0E)
        var totals: [Int] = []
        let componentWeight = scheme.components.reduce(0) { $0 + $1.totalWeight }
        for (index, unit) in units.enumerated() {
            let daily = stats.dailyScore(unit: index, points: scheme.categoryPoints)      // hundredths
            let bonus = min(adjustments[index].bonus, scheme.bonusCap) * 10                  // hundredths
            let penalty = min(adjustments[index].penalty, scheme.penaltyCap) * 10
            // Points the components must bring, in hundredths × 1000 (weights are thousandths).
            let needed = (unit.target - bonus + penalty) * 1000 - scheme.checksWeight * daily
                - scheme.surveyWeight * surveyScores[index]
            let mean = needed / componentWeight                                             // hundredths
            var scores: [Int] = []                                                          // tenths
            var remaining = needed
            for (position, component) in scheme.components.enumerated() {
                let score: Int
                if position < scheme.components.count - 1 {
                    score = min(999, max(0, (mean + 5) / 10 + rng.between(-35...35)))
                } else {
                    // The last component absorbs the rest, rounded to a tenth.
                    let exact = remaining * 10 / component.totalWeight                     // thousandths
                    score = min(1000, max(0, (exact + 50) / 100))
                }
                remaining -= score * 10 * component.totalWeight
                scores.append(score)
            }
            for (component, score) in zip(scheme.components, scores) {
                try scoresFile.row([unit.id, component.id, tenths(score)])
            }
            // Estimated total (hundredths), for the summary.
            var total = scheme.checksWeight * daily + scheme.surveyWeight * surveyScores[index]
            for (component, score) in zip(scheme.components, scores) { total += component.totalWeight * score * 10 }
            totals.append(max(0, min(10000, (total + 500) / 1000 + bonus - penalty)))
        }
        try scoresFile.close()

        guard !quiet else { return }
        var groups: [(String, Int)] = []
        for unit in units {
            if let i = groups.firstIndex(where: { $0.0 == unit.group }) { groups[i].1 += 1 } else { groups.append((unit.group, 1)) }
        }
        let percent = { (a: Int, b: Int) in b == 0 ? "0" : String(format: "%.1f", Double(a) * 100 / Double(b)) }
        let high = totals.filter { $0 >= 9000 }.count
        let bandCounts = [9000, 8000, 7500, 6000, 0].map { min in totals.filter { $0 >= min }.count }
        FileHandle.standardError.write(Data("""
            \(name): \(units.count) units (\(groups.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))
              checks.csv: \(stats.rows) rows (\(stats.failRows) fail rows, \(stats.explicitDeductions) with an explicit deduction)
              unit-weeks checked: \(stats.unitWeeks), with a failure: \(stats.failedUnitWeeks) (\(percent(stats.failedUnitWeeks, stats.unitWeeks))%), missing: \(stats.missingUnitWeeks)
              rectified late: \(stats.lateRectified), never: \(stats.neverRectified), in the next year: \(stats.rectifiedNextYear)
              events: \(events.count) (veto \(vetoed.count)); survey ≥ 0.95: \(commended), < 0.8: \(warned)
              estimated totals ≥ 90: \(high); ≥ 80: \(bandCounts[1]); ≥ 75: \(bandCounts[2]); ≥ 60: \(bandCounts[3]); lowest \(tenths((totals.min() ?? 0) / 10))
              written in \(String(format: "%.2f", Date().timeIntervalSince(started))) s

            """.utf8))
    }
}
