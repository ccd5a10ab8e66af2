import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// GatesRule: a score strictly below a gate's minimum caps the band; the lowest of several
/// biting gates holds (docs/scoring.md §7.1).
@Suite struct GatesRuleTests {
    let d = Fixture.d
    let bands = [Band(name: "A", min: 90), Band(name: "B", min: 80), Band(name: "C", min: 60), Band(name: "D", min: 0)]

    func gate(_ target: Gate.Target, _ min: String, _ band: String) -> Gate { Gate(target: target, min: d(min), band: band) }

    @Test func aPartGateComparesTheRoundedPartScoreStrictly() {
        let parts = [RuleInputs.partScore(weight: "1", score: "60.00")]
        // 60.00 is not below 60: no hit; 59.99 is.
        #expect(GatesRule.hits([gate(.part("p"), "60", "C")], parts: parts).isEmpty)
        let low = [RuleInputs.partScore(weight: "1", score: "59.99")]
        let hits = GatesRule.hits([gate(.part("p"), "60", "C")], parts: low)
        #expect(hits.map(\.score) == [d("59.99")])
    }

    @Test func theLowestBitingBandHoldsAndOnlyLowers() {
        let hits = [GateHit(gate: gate(.part("x"), "60", "B"), score: 50), GateHit(gate: gate(.part("y"), "60", "C"), score: 50)]
        #expect(GatesRule.cap("A", hits: hits, bands: bands) == "C")
        // Already at or below the cap: the band stands.
        #expect(GatesRule.cap("C", hits: hits, bands: bands) == nil)
        #expect(GatesRule.cap("D", hits: hits, bands: bands) == nil)
        #expect(GatesRule.cap("A", hits: [], bands: bands) == nil)
    }

    /// A component gate compares the score as given: 20.995 is below 21 though it would print 21.00.
    @Test func aComponentGateInAnAssessment() {
        var criteria = Fixture.criteria(quota: Quota(band: "A", share: d("0.5")))
        criteria.gates = [gate(.component("c1"), "21", "D")]
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "99", "U2": "20.995", "U3": "21", "U4": "98"],
                                                criteria: criteria))
        // U2: 100 × 0.5 + 20.995 × 0.5 = 60.4975 → 60.50, band C capped to D, flag gate.
        #expect(a.units[1].total == d("60.50"))
        #expect(a.units[1].band == "D")
        #expect(a.units[1].flags == ["gate"])
        if case .gate(let reached) = a.units[1].bandReason { #expect(reached == "C") } else { Issue.record("not gated") }
        // U3 exactly at the minimum: not gated.
        #expect(a.units[2].band == "C")
        #expect(a.units[2].flags.isEmpty)
    }

    /// A gated unit takes no quota place: with U1 gated, U4 keeps A within a quota of 2.
    @Test func aGatedUnitIsNoQuotaCandidate() {
        var criteria = Fixture.criteria(quota: Quota(band: "A", share: d("0.25")))
        criteria.gates = [gate(.part("daily"), "101", "B")]   // every unit: daily 100 < 101
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "99", "U2": "90", "U3": "88", "U4": "85"],
                                                criteria: criteria))
        // Everyone is capped at B by the gate; nobody is left for the quota to move.
        #expect(a.units.map(\.band) == ["B", "B", "B", "B"])
        #expect(a.units[0].flags == ["gate"])
        #expect(a.quota?.reached == 0)
    }

    @Test func aVetoedUnitKeepsTheVetoBandWithoutTheGateFlag() {
        var criteria = Fixture.criteria(quota: nil)
        criteria.gates = [gate(.component("c1"), "50", "C")]
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "40", "U2": "90"],
                                                criteria: criteria, events: [Fixture.event("U1", .veto, line: 2)]))
        #expect(a.units[0].band == "D")
        #expect(a.units[0].flags.isEmpty)
        #expect(a.units[0].gateHits.count == 1)
    }
}
