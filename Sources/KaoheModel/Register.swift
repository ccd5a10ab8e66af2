/// The registers (台账) an office keeps of time-limited work, from which lateness findings are
/// derived by the criteria's deadline rules.
package enum RegisterKind: String, Sendable, Hashable, CaseIterable {
    /// 信息公开台账: information formed and published.
    case disclosures
    /// 依申请公开台账: applications received and answered.
    case applications
    /// 投诉举报台账: complaints received, forwarded and answered.
    case complaints
    /// 舆情回应台账: hot issues and the statements and press conferences answering them.
    case responses

    /// The file in a data folder.
    package var file: String { rawValue + ".csv" }

    /// Columns holding a date or a date and time, which deadline rules measure between.
    package var timeColumns: [String] {
        switch self {
        case .disclosures: return ["formed", "published"]
        case .applications: return ["received", "answered"]
        case .complaints: return ["received", "forwarded", "answered"]
        case .responses: return ["hotIssue", "statement", "pressConference"]
        }
    }

    /// Yes/no columns a rule may depend on.
    package var flagColumns: [String] {
        switch self {
        case .applications: return ["extended"]
        case .complaints: return ["realName"]
        default: return []
        }
    }

    /// The column that must be filled in on every row (when the work started).
    package var startColumn: String { timeColumns[0] }
}

/// A date, or a date and a time of day (for rules measured in hours).
package struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var date: CivilDate
    /// Minutes after midnight, when a time was given.
    package var minute: Int?

    package init(date: CivilDate, minute: Int? = nil) {
        self.date = date
        self.minute = minute
    }

    /// Minutes since 1970-01-01 00:00 (a date alone counts as its midnight).
    package var minutes: Int { date.dayNumber * 1440 + (minute ?? 0) }

    package static func < (a: Moment, b: Moment) -> Bool { a.minutes < b.minutes }

    /// Reads `2025-03-04`, `2025-03-04 09:30` or `2025-03-04T09:30` (seconds allowed and
    /// ignored), in any form ``DateText`` reads.
    package init?(_ text: String) {
        guard case .date(let date, let minute) = DateText.read(text) else { return nil }
        self.date = date
        self.minute = minute
    }

    package var description: String {
        guard let minute else { return date.description }
        let h = minute / 60, m = minute % 60
        return "\(date) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

/// One row of a register.
package struct RegisterRow: Sendable, Hashable {
    package var register: RegisterKind
    package var unit: String
    /// The item the row concerns, when the register names one (overrides the rule's item).
    package var item: String?
    /// Time column → value; absent when the cell is empty.
    package var times: [String: Moment]
    /// Yes/no column → value (empty counts as no).
    package var flags: [String: Bool]
    package var note: String
    package var source: SourceRef

    package init(register: RegisterKind, unit: String, item: String? = nil, times: [String: Moment],
                flags: [String: Bool] = [:], note: String = "", source: SourceRef) {
        self.register = register; self.unit = unit; self.item = item; self.times = times
        self.flags = flags; self.note = note; self.source = source
    }
}

/// A time limit from the regulations, applied to a register: the time from `start` to `end`
/// may not exceed `limit` `unit`s; a miss is a failed check of `item`.
package struct DeadlineRule: Sendable, Hashable {
    package enum Unit: String, Sendable, Hashable, CaseIterable {
        case workingDays, days, hours
    }

    package var id: String
    package var name: String
    package var en: String?
    package var register: RegisterKind
    package var start: String
    package var end: String
    package var limit: Int
    package var unit: Unit
    /// The check item a miss fails.
    package var item: String
    /// The deduction of a miss; nil = the item's default.
    package var deduction: ExactDecimal?
    /// The rule applies only to rows whose yes/no column has this value.
    package var when: (column: String, value: Bool)?

    package init(id: String, name: String, en: String? = nil, register: RegisterKind, start: String, end: String,
                limit: Int, unit: Unit, item: String, deduction: ExactDecimal? = nil, when: (column: String, value: Bool)? = nil) {
        self.id = id; self.name = name; self.en = en; self.register = register; self.start = start; self.end = end
        self.limit = limit; self.unit = unit; self.item = item; self.deduction = deduction; self.when = when
    }

    package static func == (a: DeadlineRule, b: DeadlineRule) -> Bool {
        a.id == b.id && a.register == b.register && a.start == b.start && a.end == b.end && a.limit == b.limit
            && a.unit == b.unit && a.item == b.item && a.deduction == b.deduction
            && a.when?.column == b.when?.column && a.when?.value == b.when?.value
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
