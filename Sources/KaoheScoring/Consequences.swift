import KaoheModel
/// Consequences (责任追究, 3.8): one entry per trigger, listed by kind, then period, then line.
enum ConsequenceFinder {
    /// The date by which a failed check must be rectified: the `workingDays`-th working day after it.
    static func rectifyDeadline(_ failure: Failure, rule: RectifyRule, calendar: WorkingCalendar) -> CivilDate {
        calendar.workingDay(rule.workingDays, after: failure.date)
    }

    /// Failed checks rectified after their deadline, or not rectified while the deadline is within
    /// the year. Lateness derived from a register is itself the finding and is not counted again.
    static func rectifyLate<S: Sequence>(_ failures: S, year: Int, rule: RectifyRule,
                                         calendar: WorkingCalendar) -> [Consequence] where S.Element == Failure {
        failures.compactMap { (failure: Failure) -> Consequence? in
            if failure.derivation != nil { return nil }
            let deadline = rectifyDeadline(failure, rule: rule, calendar: calendar)
            if let rectified = failure.rectified {
                guard rectified > deadline else { return nil }
                return Consequence(kind: .rectifyLate, period: failure.date.description, evidence: failure.source,
                                   detail: LocalizedText(zh: "期限 \(deadline)，\(rectified) 整改",
                                                         en: "due \(deadline), rectified \(rectified)"))
            }
            guard deadline.year <= year else { return nil }
            return Consequence(kind: .rectifyLate, period: failure.date.description, evidence: failure.source,
                               detail: LocalizedText(zh: "期限 \(deadline)，未整改", en: "due \(deadline), not rectified"))
        }
    }

    static func sorted(_ consequences: [Consequence]) -> [Consequence] {
        consequences.sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            if a.period != b.period { return a.period < b.period }
            return (a.evidence?.line ?? 0) < (b.evidence?.line ?? 0)
        }
    }
}
