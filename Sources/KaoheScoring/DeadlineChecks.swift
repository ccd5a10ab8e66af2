import KaoheModel
/// Derives failed checks from the registers (台账) by the criteria's deadline rules: a row whose
/// end came after its deadline, or never came although the deadline passed within the year,
/// is a failed check of the rule's item, dated the first day it was late, with the register
/// line as evidence. Rows whose deadline falls after the year are pending.
public enum DeadlineChecks {
    public struct Outcome: Sendable {
        /// Derived failures in register order.
        public var failures: [Failure]
        public var summaries: [RegisterSummary]
    }

    public static func derive(_ dataset: Dataset) -> Outcome {
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
                case .late(let firstLateDay, let text) where firstLateDay.year == dataset.year:
                    summary.late += 1
                    let derivation = LocalizedText(zh: "\(rule.name)：\(text.zh)", en: "\(rule.en ?? rule.id): \(text.en)")
                    failures.append(Failure(date: firstLateDay, unit: row.unit, item: item,
                                            deduction: rule.deduction ?? defaults[item] ?? .zero,
                                            note: derivation.zh, rectified: row.times[rule.end]?.date,
                                            source: row.source, derivation: derivation))
                case .late:
                    summary.pending += 1
                }
                summaries[row.source.file] = summary
            }
        }
        let order = RegisterKind.allCases.map(\.file)
        return Outcome(failures: failures, summaries: order.compactMap { summaries[$0] })
    }

    enum Verdict {
        case onTime
        /// Late (or not done) with the first day it was late and how late, in words.
        case late(CivilDate, LocalizedText)
    }

    /// Whether `end` met the rule's deadline counted from `start`.
    static func judge(_ rule: DeadlineRule, start: Moment, end: Moment?, calendar: WorkingCalendar) -> Verdict {
        let verb = verbs(rule.end)
        switch rule.unit {
        case .workingDays, .days:
            let deadline = rule.unit == .workingDays ? calendar.workingDay(rule.limit, after: start.date)
                                                     : start.date.adding(days: rule.limit)
            let firstLate = deadline.adding(days: 1)
            guard let end else {
                return .late(firstLate, LocalizedText(zh: "截至年底未\(verb.zh)，期限 \(deadline)",
                                                     en: "not \(verb.en) by the end of the year; due \(deadline)"))
            }
            guard end.date > deadline else { return .onTime }
            if rule.unit == .workingDays {
                let n = workingDays(from: start.date, to: end.date, calendar: calendar)
                return .late(firstLate, LocalizedText(zh: "第 \(n) 个工作日\(verb.zh)，时限 \(rule.limit) 个工作日",
                                                      en: "\(verb.en) on the \(ordinal(n)) working day, limit \(rule.limit)"))
            }
            let n = end.date.dayNumber - start.date.dayNumber
            return .late(firstLate, LocalizedText(zh: "第 \(n) 天\(verb.zh)，时限 \(rule.limit) 天",
                                                  en: "\(verb.en) on day \(n), limit \(rule.limit) days"))
        case .hours:
            let deadline = start.minutes + rule.limit * 60
            // The first late minute is deadline + 1; its day is the finding's date.
            let firstLate = CivilDate(dayNumber: floorDivide(deadline + 1, 1440))
            let due = Moment(date: CivilDate(dayNumber: floorDivide(deadline, 1440)), minute: deadline - floorDivide(deadline, 1440) * 1440)
            guard let end else {
                return .late(firstLate, LocalizedText(zh: "截至年底未\(verb.zh)，期限 \(due)",
                                                     en: "not \(verb.en) by the end of the year; due \(due)"))
            }
            guard end.minutes > deadline else { return .onTime }
            let elapsed = end.minutes - start.minutes
            return .late(firstLate, LocalizedText(zh: "\(elapsed / 60) 小时 \(elapsed % 60) 分钟后\(verb.zh)，时限 \(rule.limit) 小时",
                                                  en: "\(verb.en) after \(elapsed / 60) h \(elapsed % 60) min, limit \(rule.limit) hours"))
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

    static func verbs(_ column: String) -> (zh: String, en: String) {
        switch column {
        case "published": return ("公开", "published")
        case "answered": return ("答复", "answered")
        case "forwarded": return ("转办", "forwarded")
        case "statement": return ("发布权威信息", "statement issued")
        case "pressConference": return ("召开新闻发布会", "press conference held")
        default: return ("完成", "done")
        }
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
