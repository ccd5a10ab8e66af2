import KaoheModel
import KaoheScoring

/// The sentences that word the facts the scoring found: how late a register row was, and the
/// detail of each consequence (docs/scoring.md §12, §13).
extension Labels {
    /// `依申请公开答复时限：第 23 个工作日答复，时限 20 个工作日`.
    package func lateFinding(_ finding: LateFinding) -> String {
        let how = lateness(finding)
        return self("\(finding.ruleName)：\(how)", "\(finding.ruleEn ?? finding.ruleID): \(how)")
    }

    /// How late: `第 23 个工作日答复，时限 20 个工作日`.
    package func lateness(_ finding: LateFinding) -> String {
        let verb = Labels.verbs(finding.endColumn)
        let how: String
        switch finding.lateness {
        case .notDoneByDate(let due):
            how = self("截至年底未\(verb.zh)，期限 \(due)", "not \(verb.en) by the end of the year; due \(due)")
        case .notDoneByTime(let due):
            how = self("截至年底未\(verb.zh)，期限 \(due)", "not \(verb.en) by the end of the year; due \(due)")
        case .workingDays(let taken, let limit):
            how = self("第 \(taken) 个工作日\(verb.zh)，时限 \(limit) 个工作日",
                       "\(verb.en) on the \(Labels.ordinal(taken)) working day, limit \(limit)")
        case .days(let taken, let limit):
            how = self("第 \(taken) 天\(verb.zh)，时限 \(limit) 天", "\(verb.en) on day \(taken), limit \(limit) days")
        case .hours(let elapsed, let limit):
            how = self("\(elapsed / 60) 小时 \(elapsed % 60) 分钟后\(verb.zh)，时限 \(limit) 小时",
                       "\(verb.en) after \(elapsed / 60) h \(elapsed % 60) min, limit \(limit) hours")
        }
        return how
    }

    /// What a failed check says: the lateness of a derived one, else its note.
    package func note(_ failure: Failure) -> String {
        failure.derivation.map(lateFinding) ?? failure.note
    }

    /// The facts of a consequence in a few words (`期限 2025-03-21，未整改`); nil when there is
    /// nothing to add to its kind and period.
    package func consequenceDetail(_ consequence: Consequence) -> String? {
        switch consequence.facts {
        case .rectifyLate(let deadline, let rectified?):
            return self("期限 \(deadline)，\(rectified) 整改", "due \(deadline), rectified \(rectified)")
        case .rectifyLate(let deadline, nil):
            return self("期限 \(deadline)，未整改", "due \(deadline), not rectified")
        case .monthFail(let failed):
            return self("\(failed) 项不合格", failed == 1 ? "1 failed check" : "\(failed) failed checks")
        case .periodLast(let group, let rank):
            return self("\(group)第 \(rank) 名（末位）", "rank \(rank) of \(group), last place")
        case .surveyWarn(let rate):
            return self("满意率 \(rate)", "satisfaction rate \(rate)")
        case .veto(let clause):
            return clause.isEmpty ? nil : clause
        case .annualFail:
            return nil
        }
    }

    /// The verb of a register's end column, in both languages.
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

    /// `1st`, `2nd`, `23rd`, `11th`.
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
