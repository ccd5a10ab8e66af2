import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheTestSupport

/// AnnualFailRule: holding the lowest band after veto and quota is annual-fail (docs/scoring.md §12.6).
@Suite struct AnnualFailRuleTests {
    let bands = Fixture.criteria().bands

    @Test func onlyTheLowestBandFails() {
        #expect(AnnualFailRule.applies(band: "D", bands: bands))
        #expect(!AnnualFailRule.applies(band: "C", bands: bands))
        #expect(!AnnualFailRule.applies(band: "A", bands: bands))
        #expect(!AnnualFailRule.applies(band: "D", bands: []))
    }

    @Test func theConsequenceConcernsTheYear() {
        #expect(AnnualFailRule.consequence(year: 2025)
                == Consequence(kind: .annualFail, period: .year(2025), evidence: nil, facts: .annualFail))
        #expect(AnnualFailRule.consequence(year: 2025).level == 2)
    }

    @Test func aVetoedUnitFailsTheYearWhateverItsTotal() {
        // U1's total 99.5 reached A; the veto band D is the lowest, so the year fails. U2 (90, A) does not.
        let a = Assessor.assess(Fixture.dataset(units: RuleInputs.units(2), scores: ["U1": "99", "U2": "80"],
                                                criteria: Fixture.criteria(quota: nil),
                                                events: [Fixture.event("U1", .veto, line: 2)]))
        #expect(a.units[0].consequences.map(\.kind).contains(.annualFail))
        #expect(!a.units[1].consequences.map(\.kind).contains(.annualFail))
    }
}
