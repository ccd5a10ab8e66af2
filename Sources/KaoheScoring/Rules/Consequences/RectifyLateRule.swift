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
    /// The date by which a failed check must be rectified.
    static func deadline(_ failure: Failure, rule: RectifyRule, calendar: WorkingCalendar) -> CivilDate {
        calendar.workingDay(rule.workingDays, after: failure.date)
    }

    /// Whether a failed check with this deadline is late.
    static func isLate(_ failure: Failure, deadline: CivilDate, year: Int) -> Bool {
        if failure.derivation != nil { return false }
        if let rectified = failure.rectified { return rectified > deadline }
        return deadline.year <= year
    }

    /// The late ones among a unit's failed checks (positions in `log`), by date, then line.
    static func find(_ positions: some Sequence<Int>, log: FailureLog, year: Int, rule: RectifyRule,
                     calendar: WorkingCalendar) -> [LateRectification] {
        var found: [(failure: Failure, late: LateRectification)] = []
        for position in positions {
            let failure = log[position]
            let due = deadline(failure, rule: rule, calendar: calendar)
            guard isLate(failure, deadline: due, year: year) else { continue }
            found.append((failure, LateRectification(position: Int32(truncatingIfNeeded: position),
                                                     deadline: Int32(truncatingIfNeeded: due.dayNumber))))
        }
        return found.sorted { a, b in
            a.failure.date != b.failure.date ? a.failure.date < b.failure.date : a.failure.source.line < b.failure.source.line
        }.map(\.late)
    }

    static func consequences(_ late: [LateRectification], log: FailureLog) -> [Consequence] {
        late.map { entry in
            let failure = log[Int(entry.position)]
            return Consequence(kind: .rectifyLate, period: .day(failure.date), evidence: failure.source,
                               facts: .rectifyLate(deadline: CivilDate(dayNumber: Int(entry.deadline)), rectified: failure.rectified))
        }
    }
}
