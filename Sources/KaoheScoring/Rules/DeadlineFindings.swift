import KaoheModel
/// docs/scoring.md §13 — failed checks derived from the registers (台账) by the criteria's
/// deadline rules: a row whose end came after its deadline, or never came although the
/// deadline passed within the year, is a failed check of the rule's item, dated the first day
/// it was late, with the register line as evidence. Rows whose deadline falls after the year
/// are pending.
package enum DeadlineFindings {
    package struct Outcome: Sendable {
        /// Derived failures in register order.
        package var failures: [Failure]
        package var summaries: [RegisterSummary]
    }

    package static func derive(_ dataset: Dataset) -> Outcome {
        let rules = dataset.criteria.deadlines
        let defaults = Dictionary(dataset.criteria.items.map { ($0.item.id, $0.item.deduction) }, uniquingKeysWith: { a, _ in a })
        var failures: [Failure] = []
        var summaries: [String: RegisterSummary] = [:]
        for row in dataset.registers {
            for rule in rules where rule.register == row.register {
                if let when = rule.when, (row.flags[when.column] ?? false) != when.value { continue }
                guard let start = row.times[rule.start] else { continue }
                var summary = summaries[row.source.file] ?? RegisterSummary(file: row.source.file)
                summary.checked += 1
                let verdict = judge(rule, start: start, end: row.times[rule.end], calendar: dataset.calendar)
                let item = row.item ?? rule.item
                switch verdict {
                case .onTime:
                    summary.onTime += 1
                case .late(let firstLateDay, let lateness) where firstLateDay.year == dataset.year:
                    summary.late += 1
                    failures.append(Failure(date: firstLateDay, unit: row.unit, item: item,
                                            deduction: rule.deduction ?? defaults[item] ?? .zero,
                                            rectified: row.times[rule.end]?.date, source: row.source,
                                            derivation: LateFinding(rule: rule, lateness: lateness)))
                case .late:
                    summary.pending += 1
                }
                summaries[row.source.file] = summary
            }
        }
        let order = RegisterKind.allCases.map(\.file)
        return Outcome(failures: failures, summaries: order.compactMap { summaries[$0] })
    }

    enum Verdict: Equatable {
        case onTime
        /// Late (or not done) with the first day it was late and how late.
        case late(CivilDate, LateFinding.Lateness)
    }

    /// Whether `end` met the rule's deadline counted from `start`.
    static func judge(_ rule: DeadlineRule, start: Moment, end: Moment?, calendar: WorkingCalendar) -> Verdict {
        switch rule.unit {
        case .workingDays, .days:
            let deadline = rule.unit == .workingDays ? calendar.workingDay(rule.limit, after: start.date)
                                                     : start.date.adding(days: rule.limit)
            let firstLate = deadline.adding(days: 1)
            guard let end else { return .late(firstLate, .notDoneByDate(due: deadline)) }
            guard end.date > deadline else { return .onTime }
            if rule.unit == .workingDays {
                let n = workingDays(from: start.date, to: end.date, calendar: calendar)
                return .late(firstLate, .workingDays(taken: n, limit: rule.limit))
            }
            return .late(firstLate, .days(taken: end.date.dayNumber - start.date.dayNumber, limit: rule.limit))
        case .hours:
            let deadline = start.minutes + rule.limit * 60
            // The first late minute is deadline + 1; its day is the finding's date.
            let firstLate = CivilDate(dayNumber: floorDivide(deadline + 1, 1440))
            let due = Moment(date: CivilDate(dayNumber: floorDivide(deadline, 1440)), minute: deadline - floorDivide(deadline, 1440) * 1440)
            guard let end else { return .late(firstLate, .notDoneByTime(due: due)) }
            guard end.minutes > deadline else { return .onTime }
            return .late(firstLate, .hours(elapsedMinutes: end.minutes - start.minutes, limitHours: rule.limit))
        }
    }

    /// Working days after `start` up to and including `end`.
    static func workingDays(from start: CivilDate, to end: CivilDate, calendar: WorkingCalendar) -> Int {
        var n = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { n += 1 }
        }
        return n
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

extension DeadlineFindings {
    /// The dataset with the failed checks derived from its registers appended (after the check
    /// log's own, in register order).
    package static func appendingDerived(to dataset: Dataset) -> Dataset {
        guard !dataset.criteria.deadlines.isEmpty, !dataset.registers.isEmpty else { return dataset }
        var complete = dataset
        complete.failures += derive(dataset).failures
        return complete
    }
}
