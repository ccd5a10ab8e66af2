/// The facts behind a failed check derived from a register (台账) by a deadline rule: which
/// rule, and how late the row was. Reports word it; the scoring only records it.
package struct LateFinding: Sendable, Hashable {
    /// The rule's id and names (`name` in Chinese, `en` when the criteria give one).
    package var ruleID: String
    package var ruleName: String
    package var ruleEn: String?
    /// The register column whose time stops the clock (`published`, `answered`, …).
    package var endColumn: String
    package var lateness: Lateness

    package enum Lateness: Sendable, Hashable {
        /// Not done by the end of the year; due on `due` (day rules) …
        case notDoneByDate(due: CivilDate)
        /// … or at `due` (hour rules).
        case notDoneByTime(due: Moment)
        /// Done on working day `taken` after the start; the rule allows `limit`.
        case workingDays(taken: Int, limit: Int)
        /// Done on day `taken` after the start; the rule allows `limit`.
        case days(taken: Int, limit: Int)
        /// Done `elapsedMinutes` after the start; the rule allows `limitHours` hours.
        case hours(elapsedMinutes: Int, limitHours: Int)
    }

    package init(rule: DeadlineRule, lateness: Lateness) {
        ruleID = rule.id
        ruleName = rule.name
        ruleEn = rule.en
        endColumn = rule.end
        self.lateness = lateness
    }
}
