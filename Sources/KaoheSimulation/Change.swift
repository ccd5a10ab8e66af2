import KaoheModel
import KaoheLoad
import KaoheScoring
/// One what-if change to a year's data or criteria, applied in memory only (never to files).
package enum Change: Sendable, Hashable {
    /// `--veto UNIT[:CLAUSE]`: add a one-vote veto.
    case veto(unit: String, clause: String)
    /// `--fail UNIT:ITEM:DATE[:DEDUCTION]`: add a failed check.
    case fail(unit: String, item: String, date: CivilDate, deduction: ExactDecimal?)
    /// `--score UNIT:COMPONENT=VALUE`: set a component score.
    case score(unit: String, component: String, value: ExactDecimal?)
    /// `--bonus UNIT=POINTS`.
    case bonus(unit: String, points: ExactDecimal)
    /// `--penalty UNIT=POINTS`.
    case penalty(unit: String, points: ExactDecimal)
    /// `--weight PART=W`: change a part's weight (all weights must still sum to 1).
    case weight(part: String, weight: ExactDecimal)
    /// `--band NAME=MIN`: move a band's threshold.
    case band(name: String, min: ExactDecimal)
    /// `--quota SHARE|none`.
    case quota(share: ExactDecimal?)
    /// `--drop FILE:LINE`: remove one input record (an appeal that overturns it).
    case drop(file: String, line: Int)
}

/// A change as typed on the command line, kept for messages and evidence.
package struct ChangeRequest: Sendable, Hashable {
    /// The option without dashes: `veto`, `fail`, `score`, `bonus`, `penalty`, `weight`, `band`, `quota`, `drop`.
    package var option: String
    package var value: String
    package init(option: String, value: String) {
        self.option = option
        self.value = value
    }
    package var display: String { "--\(option) \(value)" }

    package static let options: Set<String> = ["veto", "fail", "score", "bonus", "penalty", "weight", "band", "quota", "drop"]
}
