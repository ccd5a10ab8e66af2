import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// ScoresPartRule: a scores part is round(Σ component weight × component score) (docs/scoring.md §3).
@Suite struct ScoresPartRuleTests {
    let d = Fixture.d

    func components(_ list: [(String, String)]) -> ComponentList {
        ComponentList(list.map { Component(id: $0.0, name: $0.0, weight: d($0.1)) })
    }

    func record(_ component: String, _ score: String, line: Int) -> ScoreRecord {
        ScoreRecord(unit: "U1", component: component, score: d(score), source: SourceRef(file: "scores.csv", line: line))
    }

    func score(_ list: [(String, String)], _ records: [ScoreRecord], survey: SurveyOutcome? = nil,
               surveyComponent: String? = nil) -> PartScore {
        ScoresPartRule.table(RuleInputs.part("yearEnd", weight: "0.5"), components: components(list),
                             scores: ScoresByUnit(records, units: [Unit(id: "U1", name: "U1", group: "G")]),
                             surveys: [survey], surveyComponent: surveyComponent, scale: 100, places: 2).partScore(unit: 0)
    }

    func detail(_ part: PartScore) -> [ComponentScore] {
        if case .scores(let list, _) = part.detail { return list }
        return []
    }

    @Test func weightedSumRoundsHalfUp() {
        // 0.3 × 81.15 + 0.7 × 90 = 24.345 + 63 = 87.345 → 87.35 (half-even: 87.34).
        let part = score([("c1", "0.3"), ("c2", "0.7")], [record("c1", "81.15", line: 2), record("c2", "90", line: 3)])
        #expect(part.score == d("87.35"))
        #expect(detail(part).map(\.score) == [d("81.15"), 90])
        #expect(detail(part).map { $0.source?.description } == ["scores.csv:2", "scores.csv:3"])
        // 0.5 × 80.01 + 0.5 × 80 = 80.005 → 80.01 (truncation: 80.00).
        #expect(score([("c1", "0.5"), ("c2", "0.5")], [record("c1", "80.01", line: 2), record("c2", "80", line: 3)]).score
                == d("80.01"))
    }

    @Test func aMissingComponentCountsZero() {
        // 0.6 × 90 + 0.4 × 0 = 54.
        let part = score([("c1", "0.6"), ("c2", "0.4")], [record("c1", "90", line: 2)])
        #expect(part.score == 54)
        #expect(detail(part).map(\.score) == [90, 0])
        #expect(detail(part)[1].source == nil)
        #expect(detail(part).map(\.component.id) == ["c1", "c2"])
    }

    @Test func theSurveyComponentScoresTheSurvey() {
        // 0.5 × 80 + 0.5 × 66.67 = 73.335 → 73.34; the survey's score wins over a scores.csv row for it.
        let outcome = SurveyOutcome(record: RuleInputs.survey(satisfied: 2, dissatisfied: 1, line: 4),
                                    rate: d("0.6667"), score: d("66.67"))
        let part = score([("c1", "0.5"), ("survey", "0.5")], [record("c1", "80", line: 2), record("survey", "100", line: 3)],
                         survey: outcome, surveyComponent: "survey")
        #expect(part.score == d("73.34"))
        #expect(detail(part)[1].score == d("66.67"))
        #expect(detail(part)[1].source?.description == "survey.csv:4")
    }

    @Test func withoutASurveyResultTheSurveyComponentFallsBackToItsRowOrZero() {
        // No survey answers: the row's 100 counts (0.5 × 80 + 0.5 × 100 = 90), or 0 without a row (40).
        let list = [("c1", "0.5"), ("survey", "0.5")]
        #expect(score(list, [record("c1", "80", line: 2), record("survey", "100", line: 3)], surveyComponent: "survey").score == 90)
        #expect(score(list, [record("c1", "80", line: 2)], surveyComponent: "survey").score == 40)
    }
}

/// §3 components in points and §3.1 not-applicable components, rescaled with one division.
@Suite struct NotApplicableTests {
    let d = Fixture.d

    @Test func pointsArePlainSums() {
        let components = [Component(id: "x", name: "x", weight: 1, max: 30), Component(id: "y", name: "y", weight: 1, max: 70)]
        let (score, divisor) = ScoresPartRule.score(components, scores: [d("27.5"), d("60.125")], scale: 100, places: 2)
        #expect(score == d("87.63"))   // 87.625 → 87.63
        #expect(divisor == nil)
    }

    @Test func pointsRescaleOverTheApplicableMaxes() {
        let components = [Component(id: "x", name: "x", weight: 1, max: 30), Component(id: "y", name: "y", weight: 1, max: 66),
                          Component(id: "z", name: "z", weight: 1, max: 4)]
        // (27 + 61.125) × 100 ÷ 96 = 91.796875 → 91.80.
        let (score, divisor) = ScoresPartRule.score(components, scores: [27, d("61.125"), nil], scale: 100, places: 2)
        #expect(score == d("91.80"))
        #expect(divisor == 96)
    }

    @Test func weightsRescaleOverTheApplicableWeights() {
        let components = [Component(id: "x", name: "x", weight: d("0.3")), Component(id: "y", name: "y", weight: d("0.45")),
                          Component(id: "z", name: "z", weight: d("0.25"))]
        // (0.3 × 90 + 0.45 × 81) ÷ 0.75 = (27 + 36.45) ÷ 0.75 = 84.6.
        let (score, divisor) = ScoresPartRule.score(components, scores: [90, 81, nil], scale: 100, places: 2)
        #expect(score == d("84.60"))
        #expect(divisor == d("0.75"))
        // Only x applies: (0.3 × 85.01) ÷ 0.3 = 85.01, whatever the weight.
        let (single, _) = ScoresPartRule.score(components, scores: [d("85.01"), nil, nil], scale: 100, places: 2)
        #expect(single == d("85.01"))
    }
}
