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
    /// The date by which a failed check of `date` must be rectified.
    static func deadline(after date: CivilDate, rule: RectifyRule, calendar: WorkingCalendar) -> CivilDate {
        calendar.workingDay(rule.workingDays, after: date)
    }

    static func deadline(_ failure: Failure, rule: RectifyRule, calendar: WorkingCalendar) -> CivilDate {
        deadline(after: failure.date, rule: rule, calendar: calendar)
    }

    /// Whether a failed check rectified on `rectified` (nil: not rectified) with this deadline is late.
    static func isLate(rectified: CivilDate?, deadline: CivilDate, derived: Bool, year: Int) -> Bool {
        if derived { return false }
        if let rectified { return rectified > deadline }
        return deadline.year <= year
    }

    static func isLate(_ failure: Failure, deadline: CivilDate, year: Int) -> Bool {
        isLate(rectified: failure.rectified, deadline: deadline, derived: failure.derivation != nil, year: year)
    }

    /// The late ones among a unit's failed checks (positions in `log`), by date, then line.
    static func find(_ positions: some Sequence<Int>, log: FailureLog, year: Int, rule: RectifyRule,
                     calendar: WorkingCalendar) -> [LateRectification] {
        // On day numbers: no calendar dates are built for the checks that are on time.
        let firstDayAfterYear = (CivilDate(year: year + 1, month: 1, day: 1) ?? CivilDate(dayNumber: Int.max / 2)).dayNumber
        var found: [(day: Int, line: Int, late: LateRectification)] = []
        for position in positions {
            let check = log.days(at: position)
            if check.derived { continue }
            let due = calendar.workingDay(rule.workingDays, afterDay: check.day)
            let late = check.rectified.map { $0 > due } ?? (due < firstDayAfterYear)
            guard late else { continue }
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
