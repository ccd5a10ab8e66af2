import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// RankingRule: shared ranks that skip (1, 2, 2, 4), ties in units.csv order, and last place 末位 (docs/scoring.md §10, §10.1).
@Suite struct RankingRuleTests {
    let d = Fixture.d

    /// Entries in units.csv order with these scores; `unranked` indices are listed without a rank.
    func rank(_ scores: [String], unranked: Set<Int> = []) -> [RankRow] {
        RankingRule.rank(scores.enumerated().map {
            RankingRule.Entry(unitIndex: $0.offset, score: d($0.element), ranked: !unranked.contains($0.offset))
        })
    }

    @Test func sharedRanksSkip() {
        // 95, 80, 80, 70 → 1, 2, 2, 4.
        let rows = rank(["95", "80", "80", "70"])
        #expect(rows.map(\.rank) == [1, 2, 2, 4])
        #expect(rows.map(\.unitIndex) == [0, 1, 2, 3])
        // Three tie at the top: 1, 1, 1, then 4.
        #expect(rank(["90", "90", "90", "89.99"]).map(\.rank) == [1, 1, 1, 4])
    }

    @Test func tiesKeepUnitsOrder() {
        // U1 80, U2 90, U3 80, U4 80: U2 first, then U1, U3, U4 (units.csv order) sharing rank 2.
        let rows = rank(["80", "90", "80", "80"])
        #expect(rows.map(\.unitIndex) == [1, 0, 2, 3])
        #expect(rows.map(\.rank) == [1, 2, 2, 2])
        // Scores differing only in the last decimal are not a tie: 80.01 before 80.
        #expect(rank(["80", "80.01"]).map(\.unitIndex) == [1, 0])
    }

    @Test func lastPlaceIsEveryUnitAtTheLargestRank() {
        #expect(rank(["95", "80", "80", "70"]).map(\.last) == [false, false, false, true])
        // Ties at the largest rank are all last.
        #expect(rank(["95", "80", "80"]).map(\.last) == [false, true, true])
        // Two ranked units tying at 1: the group has no last place (SPEC 3.7).
        #expect(rank(["100", "100"]).map(\.last) == [false, false])
        #expect(rank(["100", "100", "90"]).map(\.last) == [false, false, true])
    }

    @Test func aSingleRankedUnitIsNeverLast() {
        #expect(rank(["60"]).map(\.last) == [false])
        // One ranked unit and one unranked: still a single ranked unit.
        let rows = rank(["60", "99"], unranked: [1])
        #expect(rows.map(\.rank) == [1, nil])
        #expect(rows.map(\.last) == [false, false])
        #expect(rank([]).isEmpty)
    }

    @Test func unrankedEntriesComeLastWithoutARank() {
        // U1 (99, unranked) after U2 80 and U3 70; U3 is last, not U1.
        let rows = rank(["99", "80", "70", "95"], unranked: [0, 3])
        #expect(rows.map(\.unitIndex) == [1, 2, 0, 3])
        #expect(rows.map(\.rank) == [1, 2, nil, nil])
        #expect(rows.map(\.last) == [false, true, false, false])
        #expect(rows.map(\.score) == [80, 70, 99, 95])
    }

    @Test func eachGroupIsRankedOnItsOwn() {
        let units = [Unit(id: "U1", name: "1", group: "镇街"), Unit(id: "U2", name: "2", group: "部门"),
                     Unit(id: "U3", name: "3", group: "镇街"), Unit(id: "U4", name: "4", group: "部门")]
        #expect(RankingRule.orderedGroups(units) == ["镇街", "部门"])
        let scores: [ExactDecimal] = [70, 90, 80, 60]
        let ranking = RankingRule.ranking(period: .year(2025), groups: RankingRule.orderedGroups(units), units: units,
                                          entries: scores.enumerated().map { .init(unitIndex: $0.offset, score: $0.element) })
        #expect(ranking.period.description == "2025")
        #expect(ranking.groups.map(\.group) == ["镇街", "部门"])
        #expect(ranking.groups[0].rows.map(\.unitIndex) == [2, 0])
        #expect(ranking.groups[1].rows.map(\.unitIndex) == [1, 3])
        #expect(ranking.groups.map { $0.rows.map(\.rank) } == [[1, 2], [1, 2]])
    }

    @Test func periodRankingsUsePeriodScores() {
        // Q1: U1 95, U2 100, U3 90 → U2 1, U1 2, U3 3 (last); Q2–Q4 all 100 → all 1, all last.
        let table = RuleInputs.periods(units: RuleInputs.units(3),
                                       failures: [Fixture.failure("U1", "a1", "2025-01-06", line: 2),
                                                  Fixture.failure("U3", "b1", "2025-02-03", line: 3)])
        let units = RuleInputs.units(3).map { Unit(id: $0.0, name: $0.0, group: $0.1) }
        let rankings = RankingRule.periodRankings(table, groups: ["G"], units: units, ties: .shared)
        #expect(rankings.map(\.period.description) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        #expect(rankings[0].groups[0].rows.map(\.unitIndex) == [1, 0, 2])
        #expect(rankings[0].groups[0].rows.map(\.score) == [100, 95, 90])
        #expect(rankings[0].groups[0].rows.map(\.last) == [false, false, true])
        #expect(rankings[1].groups[0].rows.map(\.rank) == [1, 1, 1])
        // SPEC 3.7: a group whose units all share rank 1 has no last place.
        #expect(rankings[1].groups[0].rows.map(\.last) == [false, false, false])
    }

    @Test func sharedRanksSkipInAnAssessment() {
        let a = Assessor.assess(Fixture.dataset(units: RuleInputs.units(4), scores: ["U1": "70", "U2": "80", "U3": "80", "U4": "60"],
                                                criteria: Fixture.criteria(quota: nil)))
        #expect(a.units.map(\.rank) == [3, 1, 1, 4])
        let rows = a.annualRanking.groups[0].rows
        #expect(rows.map(\.unitIndex) == [1, 2, 0, 3])
        #expect(rows.map(\.last) == [false, false, false, true])
    }

    /// For any scores: ranks never decrease along the rows; each rank is 1 + the number of
    /// higher scores, so every tie shares one; ties stay in units.csv order; last place is
    /// every row at the largest rank when at least two are ranked; unranked rows come last.
    @Test func ranksAreOrderedAndTiesShareThem() {
        var rng = SplitMix64(seed: 110)
        for _ in 0..<500 {
            let count = rng.below(10)
            let scores = (0..<count).map { _ in rng.pick(["60", "70", "70.5", "80", "80", "90", "100"]) }
            let unranked = Set((0..<count).filter { _ in rng.chance(percent: 15) })
            let rows = rank(scores, unranked: unranked)
            #expect(rows.count == count)
            #expect(Set(rows.map(\.unitIndex)) == Set(0..<count))
            let ranked = rows.filter { $0.rank != nil }
            #expect(ranked.count == count - unranked.count)
            #expect(rows.prefix(ranked.count).allSatisfy { $0.rank != nil })
            #expect(rows.dropFirst(ranked.count).map(\.unitIndex) == unranked.sorted())
            for (a, b) in zip(ranked, ranked.dropFirst()) {
                #expect((a.rank ?? 0) <= (b.rank ?? 0))
                #expect(a.score >= b.score)
                if a.score == b.score { #expect(a.rank == b.rank && a.unitIndex < b.unitIndex) }
            }
            for row in ranked {
                #expect(row.rank == 1 + ranked.filter { $0.score > row.score }.count)
            }
            let largest = ranked.compactMap(\.rank).max()
            for row in rows {
                #expect(row.last == (row.rank != nil && row.rank == largest && (largest ?? 0) > 1))
            }
        }
    }
}

/// §10.2 dense tie numbering, and §10.1's last place under it.
@Suite struct DenseTiesTests {
    func rank(_ scores: [String]) -> [RankRow] {
        RankingRule.rank(scores.enumerated().map { .init(unitIndex: $0.offset, score: Fixture.d($0.element)) }, ties: .dense)
    }

    @Test func denseRanksDoNotSkip() {
        #expect(rank(["95", "80", "80", "70"]).map(\.rank) == [1, 2, 2, 3])
        #expect(rank(["95", "80", "80", "70"]).map(\.last) == [false, false, false, true])
        #expect(rank(["80", "80", "80"]).map(\.last) == [false, false, false])
    }

    /// Each group is numbered on its own, in both styles.
    @Test func denseTiesAcrossGroups() {
        var criteria = Fixture.criteria(quota: nil)
        criteria.ranking = RankingOptions(ties: .dense)
        let units = [("U1", "G1"), ("U2", "G2"), ("U3", "G1"), ("U4", "G2"), ("U5", "G1"), ("U6", "G2")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "80", "U2": "90", "U3": "80", "U4": "90", "U5": "70", "U6": "60"],
                                                criteria: criteria))
        #expect(a.units.map(\.rank) == [1, 1, 1, 1, 2, 2])
        criteria.ranking = RankingOptions(ties: .shared)
        let shared = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "80", "U2": "90", "U3": "80", "U4": "90", "U5": "70", "U6": "60"],
                                                     criteria: criteria))
        #expect(shared.units.map(\.rank) == [1, 1, 1, 1, 3, 3])
    }
}
