import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// QuotaRule: at most floor(share × units) keep the quota band; a tie at the cut never exceeds it (docs/scoring.md §9).
@Suite struct QuotaRuleTests {
    let d = Fixture.d

    /// Applies a quota of `share` for band A to candidates with `totals` (unit i has totals[i]),
    /// among `unitCount` units.
    func apply(share: String, _ totals: [String], unitCount: Int? = nil) -> (moved: [Int], outcome: QuotaOutcome) {
        let count = unitCount ?? totals.count
        let candidates = totals.enumerated().map { QuotaRule.Candidate(unitIndex: $0.offset, total: d($0.element)) }
        return QuotaRule.apply(Quota(band: "A", share: d(share)), candidates: candidates, unitCount: count,
                               units: RuleInputs.units(count).map { Unit(id: $0.0, name: $0.0, group: $0.1) })
    }

    @Test func tiesAtTheCutNeverExceedTheQuota() {
        // 0.5 × 4 = 2 places; three tie at 95 for the 2nd: 3 ≥ 95 > 2, so none of them keeps A.
        let (moved, outcome) = apply(share: "0.5", ["95", "95", "95"], unitCount: 4)
        #expect(moved == [0, 1, 2])
        #expect(outcome.allowed == 2)
        #expect(outcome.reached == 3)
        #expect(outcome.cut == 95)
        #expect(outcome.movedDown == ["U1", "U2", "U3"])
    }

    @Test func unitsAboveTheCutKeepTheBand() {
        // 2 places: 98 keeps; 95 and 95 tie at the cut (3 ≥ 95 > 2) and move down.
        let (moved, outcome) = apply(share: "0.5", ["98", "95", "95"], unitCount: 4)
        #expect(moved == [1, 2])
        #expect(outcome.cut == 95)
    }

    @Test func aTieThatFitsKeepsTheBand() {
        // 0.75 × 4 = 3 places: 98, 95, 95 (3 ≥ 95 ≤ 3) keep; 90 moves down.
        let (moved, outcome) = apply(share: "0.75", ["95", "90", "98", "95"])
        #expect(outcome.allowed == 3)
        #expect(outcome.cut == 95)
        #expect(moved == [1])
        #expect(outcome.movedDown == ["U2"])
    }

    @Test func onlyCandidatesBelowTheCutMoveWhenNoneTie() {
        // 0.5 × 4 = 2: 97 and 96 keep, 92 and 91 move; the cut is the 2nd total, 96.
        let (moved, outcome) = apply(share: "0.5", ["92", "97", "91", "96"])
        #expect(moved == [0, 2])
        #expect(outcome.cut == 96)
    }

    @Test func aQuotaOfZeroMovesEveryCandidate() {
        // 0.5 × 1 = 0.5 → floor 0: the one candidate moves; there is no cut.
        let (moved, outcome) = apply(share: "0.5", ["95"])
        #expect(outcome.allowed == 0)
        #expect(moved == [0])
        #expect(outcome.cut == nil)
        #expect(outcome.movedDown == ["U1"])
    }

    @Test func candidatesWithinTheQuotaAllKeep() {
        // 0.3 × 10 = 3 places, 3 candidates: nobody moves, no cut.
        let (moved, outcome) = apply(share: "0.3", ["95", "95", "99"], unitCount: 10)
        #expect(outcome.allowed == 3)
        #expect(outcome.reached == 3)
        #expect(moved.isEmpty)
        #expect(outcome.cut == nil)
        #expect(outcome.movedDown.isEmpty)
    }

    @Test func theQuotaCountsEveryUnitAndRoundsDown() {
        // 0.25 × 7 = 1.75 → 1; 0.2 × 10 = 2; 0.15 × 20 = 3.
        #expect(apply(share: "0.25", ["99", "98"], unitCount: 7).outcome.allowed == 1)
        #expect(apply(share: "0.25", ["99", "98"], unitCount: 7).moved == [1])
        #expect(apply(share: "0.2", ["99"], unitCount: 10).outcome.allowed == 2)
        #expect(apply(share: "0.15", ["99"], unitCount: 20).outcome.allowed == 3)
    }

    /// For any candidates: at most `allowed` keep the band; a unit moves only if every kept one
    /// scored more; and a moved unit could not have kept it with all units tied with it.
    @Test func theQuotaNeverKeepsMoreThanAllowed() {
        var rng = SplitMix64(seed: 109)
        for _ in 0..<500 {
            let unitCount = 1 + rng.below(12)
            let totals = (0..<rng.between(0...unitCount)).map { _ in rng.pick(["90", "91.5", "93", "95", "95", "98", "100"]) }
            let share = rng.pick(["0", "0.1", "0.15", "0.2", "0.3", "0.5", "1"])
            let (moved, outcome) = apply(share: share, totals, unitCount: unitCount)
            let allowed = (d(share) * ExactDecimal(unitCount)).floor
            #expect(outcome.allowed == allowed)
            let kept = totals.indices.filter { !moved.contains($0) }
            #expect(kept.count <= allowed)
            #expect(moved == moved.sorted())
            #expect(moved.isEmpty == (totals.count <= allowed))
            if let top = moved.map({ d(totals[$0]) }).max() {
                #expect(kept.allSatisfy { d(totals[$0]) > top })
                #expect(totals.filter { d($0) >= top }.count > allowed)
            }
        }
    }

    @Test func quotaOfZeroPlacesMovesEveryoneDownInAnAssessment() {
        // share 0.5 × 1 unit = 0.5 → floor 0 places.
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"]))
        #expect(a.units[0].total == 90)
        #expect(a.units[0].band == "B")
        #expect(a.units[0].flags == ["quota"])
        #expect(a.quota?.allowed == 0)
    }

    @Test func tiesAtTheQuotaCutNeverExceedItInAnAssessment() {
        // Quota share 0.5 of 4 units = 2. Three units tie at 95 in band A → none at the cut may keep it.
        let a = Assessor.assess(Fixture.dataset(units: RuleInputs.units(4), scores: ["U1": "90", "U2": "90", "U3": "90", "U4": "70"]))
        #expect(a.units.map(\.band) == ["B", "B", "B", "B"])
        #expect(a.units.prefix(3).allSatisfy { $0.flags == ["quota"] })
        #expect(a.quota?.allowed == 2)
        #expect(a.quota?.cut == 95)
    }

    @Test func quotaKeepsUnitsAboveTheCutInAnAssessment() {
        // U1 98 keeps A; U2 and U3 tie at 95 at the 2nd place: 3 units ≥ 95 > 2 allowed → both move down.
        let units = RuleInputs.units(4)
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "96", "U2": "90", "U3": "90", "U4": "70"]))
        #expect(a.units.map(\.band) == ["A", "B", "B", "B"])
        #expect(a.units[0].flags == [])
        // With U3 lower, U1 and U2 both keep A.
        let b = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "96", "U2": "90", "U3": "88", "U4": "70"]))
        #expect(b.units.map(\.band) == ["A", "A", "B", "B"])
        #expect(b.units[2].flags == ["quota"])
    }
}
