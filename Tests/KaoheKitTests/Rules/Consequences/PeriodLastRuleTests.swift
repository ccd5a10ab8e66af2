import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// PeriodLastRule: every last place (§10.1) in the checks part's period rankings (docs/scoring.md §12.3).
@Suite struct PeriodLastRuleTests {
    func ranking(_ index: Int, _ groups: [[(unit: Int, score: ExactDecimal)]]) -> Ranking {
        Ranking(period: .of(.quarter, year: 2025, index: index), groups: groups.enumerated().map { g, entries in
            GroupRanking(group: "G\(g + 1)", rows: RankingRule.rank(entries.map { .init(unitIndex: $0.unit, score: $0.score) }))
        })
    }

    @Test func eachUnitsLastPlacesInPeriodOrder() {
        // Q1: U1 95 < U2 100 → U1 last at 2. Q2: U1 and U2 tie at 100 → both rank 1, no last
        // place (SPEC 3.7). Q3: U2 last at 2; the single unit of group G2 (U3) is never last.
        let rankings = [ranking(1, [[(0, 95), (1, 100)], [(2, 50)]]),
                        ranking(2, [[(0, 100), (1, 100)], [(2, 100)]]),
                        ranking(3, [[(0, 100), (1, 90)], [(2, 70)]])]
        let found = PeriodLastRule.find(rankings)
        #expect(found.keys.sorted() == [0, 1])
        #expect(found[0]?.map(\.period.description) == ["2025-Q1"])
        #expect(found[0]?.map(\.rank) == [2])
        #expect(found[1]?.map(\.period.description) == ["2025-Q3"])
        #expect(found[1]?.map(\.rank) == [2])
        #expect(found[2] == nil)
    }

    @Test func theConsequenceNamesTheGroupAndRank() {
        let place = LastPlace(period: .of(.half, year: 2025, index: 2), rank: 7)
        let consequence = PeriodLastRule.consequence(place, group: "镇街")
        #expect(consequence == Consequence(kind: .periodLast, period: .of(.half, year: 2025, index: 2), evidence: nil,
                                           facts: .periodLast(group: "镇街", rank: 7)))
        #expect(consequence.level == 2)
    }
}
