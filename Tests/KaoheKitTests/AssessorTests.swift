import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

/// The whole assessment: the rules of docs/scoring.md applied together, in order (each rule has its own tests under Rules/).
@Suite struct AssessorTests {
    let d = Fixture.d

    @Test func perfectChecksAndScoreGiveTheScoreAverage() {
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], criteria: Fixture.criteria(quota: nil)))
        let u = a.units[0]
        #expect(u.periods.map(\.score) == [100, 100, 100, 100])
        #expect(u.parts.map(\.score) == [100, 80])
        #expect(u.total == 90)
        #expect(u.band == "A")
        #expect(u.contribution == d("3.6"))
    }

    @Test func totalOf89_995RoundsUpToTheTopBand() {
        // daily: a period with a deduction of 0.04 → 99.96; mean (99.96 + 3×100)/4 = 99.99.
        // yearEnd 80: 0.5 × 99.99 + 0.5 × 80 = 89.995 → 90.00 → band A.
        let failures = [Fixture.failure("U1", "a1", "2025-02-03", deduction: "0.04", line: 2)]
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], criteria: Fixture.criteria(quota: nil),
                                                failures: failures))
        #expect(a.units[0].parts[0].score == d("99.99"))
        #expect(a.units[0].unroundedTotal == d("89.995"))
        #expect(a.units[0].total == d("90.00"))
        #expect(a.units[0].band == "A")
    }

    @Test func vetoOnTheTopUnit() {
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G")]
        let events = [Fixture.event("U1", .veto, date: "2025-05-06", line: 4)]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "99", "U2": "80", "U3": "70"],
                                                criteria: Fixture.criteria(quota: nil), events: events))
        let top = a.units[0]
        #expect(top.vetoed)
        #expect(top.total == d("99.5"))
        #expect(top.band == "D")
        #expect(top.rank == nil)
        #expect(a.units[1].rank == 1)
        let rows = a.annualRanking.groups[0].rows
        #expect(rows.map(\.unitIndex) == [1, 2, 0])
        #expect(rows.map(\.last) == [false, true, false])
        // Every quarter all three tie at 100: rank 1 for all, so no quarter has a last place.
        #expect(top.consequences.map(\.kind) == [.veto, .annualFail])
        let veto = top.consequences.first { $0.kind == .veto }
        #expect(veto?.period.description == "2025-05-06")
        #expect(veto?.evidence?.description == "events.csv:4")
    }

    @Test func vetoFreesAQuotaPlace() {
        // Quota 0.5 × 4 = 2. U1 (vetoed) no longer counts: U2 and U3 keep A.
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let events = [Fixture.event("U1", .veto, line: 2)]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "99", "U2": "90", "U3": "88", "U4": "70"], events: events))
        #expect(a.units.map(\.band) == ["D", "A", "A", "B"])
    }

    @Test func groupOfOneHasNoLastPlace() {
        let units = [("U1", "G1"), ("U2", "G2"), ("U3", "G2")]
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", line: 2), Fixture.failure("U3", "a1", "2025-01-07", line: 3)]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "80", "U2": "80", "U3": "80"],
                                                criteria: Fixture.criteria(quota: nil), failures: failures))
        #expect(a.groups == ["G1", "G2"])
        let q1 = a.periodRankings[0]
        #expect(q1.period.description == "2025-Q1")
        #expect(q1.groups[0].rows.map(\.last) == [false])
        #expect(q1.groups[1].rows.map(\.unitIndex) == [1, 2])
        #expect(q1.groups[1].rows.map(\.last) == [false, true])
        #expect(a.units[0].consequences.map(\.kind) == [.rectifyLate, .monthFail])
        // Q2–Q4 all tie at 100 in G2: both share rank 1, so the group has no last place.
        #expect(a.periodRankings[1].groups[1].rows.map(\.last) == [false, false])
        #expect(a.units[2].consequences.map(\.kind) == [.rectifyLate, .monthFail, .periodLast])
    }

    @Test func consequencesAreOrderedByKindPeriodAndLine() {
        let failures = [Fixture.failure("U1", "a1", "2025-03-03", line: 5), Fixture.failure("U1", "a1", "2025-01-06", line: 9)]
        let events = [Fixture.event("U1", .veto, line: 2)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "80", "U2": "80"],
                                                criteria: Fixture.criteria(quota: nil), failures: failures, events: events)).units[0]
        // Q2–Q4: both units tie at 100 (rank 1), so those quarters have no last place.
        #expect(u.consequences.map(\.kind) == [.rectifyLate, .rectifyLate, .monthFail, .monthFail, .periodLast, .veto, .annualFail])
        #expect(u.consequences.map(\.period.description) == ["2025-01-06", "2025-03-03", "2025-01", "2025-03", "2025-Q1",
                                                             "2025-06-01", "2025"])
        #expect(u.consequences.map { $0.evidence?.line } == [9, 5, nil, nil, nil, 2, nil])
    }
}
