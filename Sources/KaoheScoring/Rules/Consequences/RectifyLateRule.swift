import KaoheModel

/// A failed check rectified late, as kept: its place in the failure log and its deadline.
struct LateRectification: Sendable {
    var position: Int32
    var deadline: Int32
}

/// docs/scoring.md §12.1 — rectify-late (整改逾期, level 1): a failed check rectified after
/// the `workingDays`-th working day after it, or not rectified while that deadline falls
/// within the year. Lateness derived from a register (§13) is itself the finding and is not
/// counted again.
enum RectifyLateRule {
    /// The day (day number) by which a failed check of day `day` must be rectified: the
    /// `workingDays`-th working day after it.
    static func deadline(afterDay day: Int, rule: RectifyRule, calendar: WorkingCalendar) -> Int {
        calendar.workingDay(rule.workingDays, afterDay: day)
    }

    /// The rule itself, on day numbers: late when rectified after the deadline, or not rectified
    /// while the deadline falls within the year; never for a check derived from a register.
    static func isLate(rectified: Int?, deadline: Int, derived: Bool, year: Int) -> Bool {
        if derived { return false }
        if let rectified { return rectified > deadline }
        return deadline < (CivilDate(year: year + 1, month: 1, day: 1)?.dayNumber ?? Int.max)
    }

    /// ``deadline(afterDay:rule:calendar:)`` of a failed check, as a date.
    static func deadline(_ failure: Failure, rule: RectifyRule, calendar: WorkingCalendar) -> CivilDate {
        CivilDate(dayNumber: deadline(afterDay: failure.date.dayNumber, rule: rule, calendar: calendar))
    }

    /// ``isLate(rectified:deadline:derived:year:)`` of a failed check.
    static func isLate(_ failure: Failure, deadline: CivilDate, year: Int) -> Bool {
        isLate(rectified: failure.rectified?.dayNumber, deadline: deadline.dayNumber, derived: failure.derivation != nil, year: year)
    }

    /// The late ones among a unit's failed checks (positions in `log`), by date, then line; read
    /// on day numbers, so no calendar date is built for a check on time.
    static func find(_ positions: some Sequence<Int>, log: FailureLog, year: Int, rule: RectifyRule,
                     calendar: WorkingCalendar) -> [LateRectification] {
        var found: [(day: Int, line: Int, late: LateRectification)] = []
        for position in positions {
            let check = log.days(at: position)
            let due = deadline(afterDay: check.day, rule: rule, calendar: calendar)
            guard isLate(rectified: check.rectified, deadline: due, derived: check.derived, year: year) else { continue }
            found.append((check.day, check.line, LateRectification(position: Int32(truncatingIfNeeded: position),
                                                                     deadline: Int32(truncatingIfNeeded: due))))
        }
        if found.isEmpty { return [] }
        return found.sorted { a, b in a.day != b.day ? a.day < b.day : a.line < b.line }.map(\.late)
    }

    static func consequences(_ late: [LateRectification], log: FailureLog) -> [Consequence] {
        late.map { entry in
            let failure = log[Int(entry.position)]
            return Consequence(kind: .rectifyLate, period: .day(failure.date), evidence: failure.source,
                               facts: .rectifyLate(deadline: CivilDate(dayNumber: Int(entry.deadline)), rectified: failure.rectified))
        }
    }
}
