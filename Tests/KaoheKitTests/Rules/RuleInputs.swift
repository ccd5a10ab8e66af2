import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// The inputs the scoring rules take, built from small hand-made years (Fixture's criteria:
/// category a 60 points with item a1 deducting 5, category b 40 points with item b1 deducting 10).
enum RuleInputs {
    static let d = Fixture.d

    /// Units `U1`, `U2`, … all in group `G`.
    static func units(_ count: Int, group: String = "G") -> [(String, String)] {
        (0..<count).map { ("U\($0 + 1)", group) }
    }

    static func ledger(units: [(String, String)] = [("U1", "G")], failures: [Failure],
                       criteria: Criteria = Fixture.criteria(quota: nil)) -> DeductionLedger {
        DeductionLedger(dataset: Fixture.dataset(units: units, scores: [:], criteria: criteria, failures: failures))
    }

    /// §1 period scores of every unit for periods of `kind`.
    static func periods(_ kind: PeriodKind = .quarter, units: [(String, String)] = [("U1", "G")], failures: [Failure],
                        criteria: Criteria = Fixture.criteria(quota: nil)) -> PeriodTable {
        PeriodScoreRule.table(ledger(units: units, failures: failures, criteria: criteria), kind: kind, year: 2025,
                              criteria: criteria, units: units.map { Unit(id: $0.0, name: $0.0, group: $0.1) })
    }

    static func part(_ id: String = "p", weight: String, kind: PartKind = .scores(components: [])) -> SharedPart {
        SharedPart(Part(id: id, name: id, weight: d(weight), kind: kind))
    }

    /// A part score of `score` for a part of `weight`.
    static func partScore(weight: String, score: String) -> PartScore {
        PartScore(shared: part(weight: weight), score: d(score), stored: .checks(nil, unit: 0, sum: .zero))
    }

    static func adjustment(_ applied: String) -> AdjustmentOutcome {
        AdjustmentOutcome(events: [], sum: d(applied), cap: nil, applied: d(applied))
    }

    static func survey(_ unit: String = "U1", satisfied: Int, basic: Int = 0, dissatisfied: Int, line: Int = 2) -> SurveyRecord {
        SurveyRecord(unit: unit, satisfied: satisfied, basic: basic, dissatisfied: dissatisfied,
                     source: SourceRef(file: "survey.csv", line: line))
    }
}
