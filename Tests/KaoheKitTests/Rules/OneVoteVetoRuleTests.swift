import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// OneVoteVetoRule: a veto forces the criteria's veto band, keeping the reached band as the reason (docs/scoring.md §8).
@Suite struct OneVoteVetoRuleTests {
    func reached(_ reason: BandReason) -> String? {
        switch reason {
        case .veto(let reached): return "veto:" + (reached ?? "-")
        case .quota(let reached): return "quota:" + reached
        case .gate(let reached): return "gate:" + reached
        case .threshold: return nil
        }
    }

    @Test func onlyVetoEventsAreVetoes() {
        let events = [Fixture.event("U1", .bonus, "1", line: 2), Fixture.event("U1", .veto, line: 3),
                      Fixture.event("U1", .penalty, "2", line: 4), Fixture.event("U1", .veto, date: "2025-02-01", line: 5)]
        // In file order, not date order.
        #expect(OneVoteVetoRule.vetoes(events).map(\.source.line) == [3, 5])
        #expect(OneVoteVetoRule.vetoes([Fixture.event("U1", .bonus, "1", line: 2)]).isEmpty)
    }

    @Test func withoutAVetoTheReachedBandHolds() {
        let (band, reason) = OneVoteVetoRule.band(reached: "A", vetoes: [], rule: VetoRule(band: "D"))
        #expect(band == "A")
        #expect(reached(reason) == nil)
    }

    @Test func aVetoForcesTheVetoBandAndKeepsTheReachedOne() {
        let veto = [Fixture.event("U1", .veto, line: 2)]
        let (band, reason) = OneVoteVetoRule.band(reached: "A", vetoes: veto, rule: VetoRule(band: "D"))
        #expect(band == "D")
        #expect(reached(reason) == "veto:A")
        // Whatever the veto band is, and even when the total reached only it.
        #expect(OneVoteVetoRule.band(reached: "B", vetoes: veto, rule: VetoRule(band: "C")).band == "C")
        #expect(reached(OneVoteVetoRule.band(reached: "D", vetoes: veto, rule: VetoRule(band: "D")).reason) == "veto:D")
    }

    @Test func aVetoedUnitKeepsItsTotalAndLosesItsRank() {
        // U1 would be first with 0.5 × 100 + 0.5 × 99 = 99.5.
        let a = Assessor.assess(Fixture.dataset(units: RuleInputs.units(2), scores: ["U1": "99", "U2": "80"],
                                                criteria: Fixture.criteria(quota: nil),
                                                events: [Fixture.event("U1", .veto, line: 2)]))
        #expect(a.units[0].total == Fixture.d("99.5"))
        #expect(a.units[0].band == "D")
        #expect(reached(a.units[0].bandReason) == "veto:A")
        #expect(a.units[0].rank == nil)
        #expect(a.units[1].rank == 1)
    }
}
