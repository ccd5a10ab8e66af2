import KaoheModel

/// One trigger of accountability (责任追究, article 15; docs/scoring.md §12), as facts:
/// reports word them in either language.
package struct Consequence: Sendable, Hashable {
    package var kind: ConsequenceKind
    package var level: Int { kind.level }
    /// The day, month, period or year it concerns.
    package var period: Period
    /// The input line it rests on (`checks.csv:41`), if any.
    package var evidence: SourceRef?
    /// What the rule found.
    package var facts: Facts

    package enum Facts: Sendable, Hashable {
        /// §12.1: due `deadline`; rectified on `rectified`, or not at all.
        case rectifyLate(deadline: CivilDate, rectified: CivilDate?)
        /// §12.2: the month's number of failed checks.
        case monthFail(failedChecks: Int)
        /// §12.3: the rank held, last in `group`.
        case periodLast(group: String, rank: Int)
        /// §12.4: the satisfaction rate below the warning line.
        case surveyWarn(rate: ExactDecimal)
        /// §12.5: the clause invoked (may be empty).
        case veto(clause: String)
        /// §12.6: the lowest band.
        case annualFail
    }

    package init(kind: ConsequenceKind, period: Period, evidence: SourceRef?, facts: Facts) {
        self.kind = kind; self.period = period; self.evidence = evidence; self.facts = facts
    }
}
