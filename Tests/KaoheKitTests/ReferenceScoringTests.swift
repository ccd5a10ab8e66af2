import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheScoring
import KaoheRandom
import KaoheTestSupport

/// `Assessor.assess` against ``ReferenceScoring`` on many seeded random years whose criteria
/// draw on every option of SPEC 3.9, on years full of ties, and on hand-computed boundaries.
@Suite struct ReferenceScoringTests {
    let d = Fixture.d

    // MARK: random years

    @Test func randomYearsMatchTheReference() {
        var coverage = ReferenceYear.Coverage()
        for seed in UInt64(1)...2000 {
            var rng = SplitMix64(seed: seed)
            let year = ReferenceYear(&rng, tieHeavy: false)
            coverage.add(year)
            let mismatches = ReferenceComparison.mismatches(year.dataset)
            #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.prefix(8).joined(separator: "; "))")
        }
        // Every option was drawn, so the comparison above exercised it.
        #expect(coverage.missing.isEmpty, "options never drawn: \(coverage.missing)")
    }

    @Test func tieHeavyYearsMatchTheReference() {
        var sharedFirst = 0, lastPlaces = 0, tiedRanks = 0
        for seed in UInt64(5001)...5600 {
            var rng = SplitMix64(seed: seed)
            let year = ReferenceYear(&rng, tieHeavy: true)
            let mismatches = ReferenceComparison.mismatches(year.dataset)
            #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.prefix(8).joined(separator: "; "))")
            let reference = ReferenceScoring.assess(year.dataset)
            for ranking in reference.periodRankings + [reference.annualRanking] {
                for group in ranking where group.rows.count > 1 {
                    let ranks = group.rows.compactMap(\.rank)
                    if ranks.count > 1 && ranks.allSatisfy({ $0 == 1 }) { sharedFirst += 1 }
                    if Set(ranks).count < ranks.count { tiedRanks += 1 }
                    if group.rows.contains(where: \.last) { lastPlaces += 1 }
                }
            }
        }
        #expect(sharedFirst > 50 && tiedRanks > 100 && lastPlaces > 50, "\(sharedFirst) \(tiedRanks) \(lastPlaces)")
    }

    /// `rank --quarter|--half|--month N` on any period, whatever the checks part's own period.
    @Test func anyPeriodRankingMatchesTheReference() {
        for seed in UInt64(9001)...9300 {
            var rng = SplitMix64(seed: seed)
            let year = ReferenceYear(&rng, tieHeavy: seed % 3 == 0)
            guard year.dataset.criteria.hasChecks else { continue }
            for kind in PeriodKind.allCases {
                let index = 1 + rng.below(kind.count)
                let (ranking, scores) = Assessor.periodRanking(year.dataset, kind: kind, index: index)
                let reference = ReferenceScoring.periodRanking(year.dataset, kind: kind, index: index)
                let kaohe = ranking.groups.map { group in
                    ReferenceScoring.GroupRows(group: group.group, rows: group.rows.map {
                        ReferenceScoring.Row(unit: $0.unitIndex, rank: $0.rank, last: $0.last, score: $0.score)
                    })
                }
                #expect(kaohe == reference, "seed \(seed) \(kind) \(index)")
                #expect(scores.map(\.score) == ReferenceScoring.periodScores(year.dataset, kind: kind).map { $0[index - 1] },
                        "seed \(seed) \(kind) \(index)")
                for (u, unit) in year.dataset.units.enumerated() {
                    let shown = scores[u].categories.map { $0.exempt ? nil : Optional($0.score) }
                    #expect(shown == ReferenceScoring.categoryScores(year.dataset, unit: unit, kind: kind, index: index),
                            "seed \(seed) \(kind) \(index) \(unit.id)")
                }
            }
        }
    }

    // MARK: hand-computed boundaries

    /// One scores part of one weighted component (`c1`), bands A 90, B 80, C 60, D 0.
    func pointsCriteria(components: [Component] = [Component(id: "c1", name: "年终", weight: 1)],
                        adjustments: Adjustments = .init(), quota: Quota? = nil, gates: [Gate] = [],
                        veto: VetoRule = VetoRule(band: "D"), ties: RankingOptions.Ties = .shared,
                        bands: [Band]? = nil) -> Criteria {
        Criteria(id: "t", title: "t", categories: [],
                 parts: [Part(id: "year", name: "年终", weight: 1, kind: .scores(components: components))],
                 bands: bands ?? [Band(name: "A", min: 90), Band(name: "B", min: 80), Band(name: "C", min: 60), Band(name: "D", min: 0)],
                 quota: quota, veto: veto, adjustments: adjustments, targetShare: 4,
                 ranking: RankingOptions(ties: ties), gates: gates)
    }

    func dataset(_ criteria: Criteria, units: [(String, String)], scores: [(String, String, String)],
                 events: [Event] = [], failures: [Failure] = []) -> Dataset {
        Dataset(year: 2025, title: "t", criteria: criteria, calendar: .weekdays,
                units: units.map { Unit(id: $0.0, name: $0.0, group: $0.1) }, failures: failures,
                scores: scores.enumerated().map { i, s in
                    ScoreRecord(unit: s.0, component: s.1, score: s.2 == "n/a" ? nil : d(s.2),
                                source: SourceRef(file: "scores.csv", line: i + 2))
                },
                events: events)
    }

    func expectReference(_ data: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        let mismatches = ReferenceComparison.mismatches(data)
        #expect(mismatches.isEmpty, "\(mismatches)", sourceLocation: sourceLocation)
    }

    @Test func bonusCountsFromExactlyBonusMin() {
        let criteria = pointsCriteria(adjustments: Adjustments(bonusMin: 80))
        let data = dataset(criteria, units: [("U1", "G"), ("U2", "G")], scores: [("U1", "c1", "80"), ("U2", "c1", "79.99")],
                           events: [Fixture.event("U1", .bonus, "2", line: 2), Fixture.event("U2", .bonus, "2", line: 3)])
        let a = Assessor.assess(data)
        #expect(a.units[0].bonus.applied == 2)
        #expect(a.units[0].total == 82)
        #expect(a.units[0].band == "B")
        #expect(a.units[1].bonus.applied == 0)
        #expect(a.units[1].total == d("79.99"))
        #expect(a.units[1].band == "C")
        expectReference(data)
    }

    @Test func aComponentScoreAtTheGateMinimumIsNotGatedAndOneHundredthBelowIs() {
        // U1: 0.5 × 100 + 0.5 × 80 = 90 → A, c2 at the minimum: not gated.
        // U2: 0.5 × 100 + 0.5 × 79.99 = 89.995 → 90.00 → A, but c2 below 80: gated to B, no quota candidate.
        // U3: 100 → A. Quota A: floor(0.34 × 3) = 1 of the 2 candidates U1, U3: U1 moves down.
        let criteria = pointsCriteria(components: [Component(id: "c1", name: "一", weight: d("0.5")),
                                                   Component(id: "c2", name: "二", weight: d("0.5"))],
                                      quota: Quota(band: "A", share: d("0.34")),
                                      gates: [Gate(target: .component("c2"), min: 80, band: "B")])
        let data = dataset(criteria, units: [("U1", "G"), ("U2", "G"), ("U3", "G")],
                           scores: [("U1", "c1", "100"), ("U1", "c2", "80"), ("U2", "c1", "100"), ("U2", "c2", "79.99"),
                                    ("U3", "c1", "100"), ("U3", "c2", "100")])
        let a = Assessor.assess(data)
        #expect(a.units.map(\.total) == [90, 90, 100])
        #expect(a.units.map(\.band) == ["B", "B", "A"])
        #expect(a.units.map(\.flags) == [["quota"], ["gate"], []])
        #expect(a.quota?.allowed == 1)
        #expect(a.quota?.reached == 2)
        #expect(a.quota?.movedDown == ["U1"])
        expectReference(data)
    }

    @Test func aPartScoreAtTheGateMinimumIsNotGatedAndOneHundredthBelowIs() {
        // Daily part: three full quarters and one of 60 (mean 90) or 59.96 (mean 89.99).
        var criteria = Fixture.criteria(quota: nil)
        criteria.gates = [Gate(target: .part("daily"), min: 90, band: "B")]
        let failures = [Fixture.failure("U1", "a1", "2025-11-03", deduction: "40", line: 2),
                        Fixture.failure("U2", "a1", "2025-11-03", deduction: "40.04", line: 3)]
        let data = Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "100", "U2": "100"],
                                   criteria: criteria, failures: failures)
        let a = Assessor.assess(data)
        #expect(a.units.map { $0.parts[0].score } == [90, d("89.99")])
        #expect(a.units.map(\.total) == [95, 95])
        #expect(a.units.map(\.band) == ["A", "B"])
        #expect(a.units.map(\.flags) == [[], ["gate"]])
        expectReference(data)
    }

    @Test func denseTiesInTwoGroups() {
        let criteria = pointsCriteria(ties: .dense)
        let data = dataset(criteria, units: [("A1", "甲"), ("B1", "乙"), ("A2", "甲"), ("A3", "甲"), ("B2", "乙"), ("A4", "甲"),
                                             ("B3", "乙"), ("C1", "丙"), ("C2", "丙")],
                           scores: [("A1", "c1", "90"), ("B1", "c1", "85"), ("A2", "c1", "80"), ("A3", "c1", "80"),
                                    ("B2", "c1", "85"), ("A4", "c1", "70"), ("B3", "c1", "60"), ("C1", "c1", "75"),
                                    ("C2", "c1", "75")])
        let a = Assessor.assess(data)
        #expect(a.units.map(\.rank) == [1, 1, 2, 2, 1, 3, 2, 1, 1])
        let rows = a.annualRanking.groups.map { group in group.rows.map { (a.units[$0.unitIndex].unit.id, $0.rank, $0.last) } }
        #expect(rows[0].map(\.0) == ["A1", "A2", "A3", "A4"])
        #expect(rows[0].map(\.2) == [false, false, false, true])
        #expect(rows[1].map(\.0) == ["B1", "B2", "B3"])
        #expect(rows[1].map(\.2) == [false, false, true])
        // All of 丙 share rank 1: no last place.
        #expect(rows[2].map(\.2) == [false, false])
        expectReference(data)
    }

    @Test func noCeilingLetsATotalPassFullMarks() {
        let criteria = pointsCriteria(adjustments: Adjustments(bonusMin: 80, ceiling: .none))
        let data = dataset(criteria, units: [("U1", "G")], scores: [("U1", "c1", "95")],
                           events: [Fixture.event("U1", .bonus, "10", line: 2)])
        let a = Assessor.assess(data)
        #expect(a.units[0].total == 105)
        #expect(a.units[0].contribution == d("4.2"))
        #expect(a.units[0].band == "A")
        expectReference(data)
    }

    @Test func aVetoWithAScoreFixesTheTotalAndTheContribution() {
        // U1 would be gated (c1 below 95) but is vetoed: band D, total 59, no gate flag.
        let criteria = pointsCriteria(gates: [Gate(target: .component("c1"), min: 95, band: "C")],
                                      veto: VetoRule(band: "D", score: 59))
        let data = dataset(criteria, units: [("U1", "G"), ("U2", "G")], scores: [("U1", "c1", "92"), ("U2", "c1", "50")],
                           events: [Fixture.event("U1", .veto, date: "2025-04-01", line: 2)])
        let a = Assessor.assess(data)
        let u = a.units[0]
        #expect(u.vetoed && u.total == 59 && u.band == "D" && u.rank == nil && u.flags.isEmpty)
        #expect(u.parts[0].score == 92)
        #expect(u.contribution == d("2.36"))
        #expect(u.consequences.map(\.kind) == [.veto, .annualFail])
        #expect(a.units[1].rank == 1)
        expectReference(data)
    }

    @Test func aTieAtTheQuotaCutMovesEveryTiedUnit() {
        // floor(0.5 × 4) = 2 may hold A; the 2nd total is 92 and three units reach it: both 92s move down.
        let criteria = pointsCriteria(quota: Quota(band: "A", share: d("0.5")))
        let data = dataset(criteria, units: [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")],
                           scores: [("U1", "c1", "95"), ("U2", "c1", "92"), ("U3", "c1", "92"), ("U4", "c1", "85")])
        let a = Assessor.assess(data)
        #expect(a.units.map(\.band) == ["A", "B", "B", "B"])
        #expect(a.units.map(\.flags) == [[], ["quota"], ["quota"], []])
        #expect(a.quota?.cut == 92)
        #expect(a.quota?.movedDown == ["U2", "U3"])
        expectReference(data)
    }

    @Test func rectificationOnTheDeadlineIsInTimeAndADeadlinePastTheYearIsNotLate() {
        // Monday 2025-06-02 + 5 working days = Monday 2025-06-09.
        // Monday 2025-12-29 + 5 working days = 2026-01-05: unrectified, but not due within the year.
        let failures = [Fixture.failure("U1", "a1", "2025-06-02", deduction: "1", rectified: "2025-06-09", line: 2),
                        Fixture.failure("U1", "a1", "2025-06-02", deduction: "1", rectified: "2025-06-10", line: 3),
                        Fixture.failure("U1", "a1", "2025-12-22", deduction: "1", line: 4),
                        Fixture.failure("U1", "a1", "2025-12-29", deduction: "1", line: 5)]
        let data = Fixture.dataset(units: [("U1", "G")], scores: ["U1": "90"], criteria: Fixture.criteria(quota: nil),
                                   failures: failures)
        let late = Assessor.assess(data).units[0].consequences.filter { $0.kind == .rectifyLate }
        #expect(late.map { "\($0.period) \($0.evidence?.line ?? 0)" } == ["2025-06-02 3", "2025-12-22 4"])
        expectReference(data)
    }

    @Test func anExemptCategoryRescalesThePeriodScore() {
        // Q1: 55 of the 60 points that apply → 55 × 100 ÷ 60 = 91.666… → 91.67; part (91.67 + 300) ÷ 4 = 97.9175 → 97.92.
        var data = Fixture.dataset(units: [("U1", "G")], scores: ["U1": "90"], criteria: Fixture.criteria(quota: nil),
                                   failures: [Fixture.failure("U1", "a1", "2025-02-03", line: 2)])
        data.units[0].exempt = ["b"]
        let u = Assessor.assess(data).units[0]
        #expect(u.periods.map(\.score) == [d("91.67"), 100, 100, 100])
        #expect(u.parts[0].score == d("97.92"))
        expectReference(data)
    }

    @Test func notApplicableComponentsRescaleThePart() {
        // Weighted: (0.5 × 90 + 0.2 × 71) ÷ 0.7 = 84.571… → 84.57.
        let weighted = pointsCriteria(components: [Component(id: "c1", name: "一", weight: d("0.5")),
                                                   Component(id: "c2", name: "二", weight: d("0.3")),
                                                   Component(id: "c3", name: "三", weight: d("0.2"))])
        let w = dataset(weighted, units: [("U1", "G")], scores: [("U1", "c1", "90"), ("U1", "c2", "n/a"), ("U1", "c3", "71")])
        #expect(Assessor.assess(w).units[0].parts[0].score == d("84.57"))
        expectReference(w)
        // In points: (70 + 6 + 4 + 2.5) × 100 ÷ (77 + 7 + 4 + 3) = 90.659… → 90.66.
        let maxes = [("m1", 77), ("m2", 9), ("m3", 7), ("m4", 4), ("m5", 3)]
        let points = pointsCriteria(components: maxes.map { Component(id: $0.0, name: $0.0, weight: 1, max: ExactDecimal($0.1)) })
        let p = dataset(points, units: [("U1", "G")], scores: [("U1", "m1", "70"), ("U1", "m2", "n/a"), ("U1", "m3", "6"),
                                                               ("U1", "m4", "4"), ("U1", "m5", "2.5")])
        #expect(Assessor.assess(p).units[0].parts[0].score == d("90.66"))
        expectReference(p)
    }

    @Test func aGateOnANotApplicableComponentDoesNotBite() {
        let criteria = pointsCriteria(components: [Component(id: "c1", name: "一", weight: d("0.5")),
                                                   Component(id: "c2", name: "二", weight: d("0.5"))],
                                      gates: [Gate(target: .component("c2"), min: 80, band: "C")])
        let data = dataset(criteria, units: [("U1", "G")], scores: [("U1", "c1", "95"), ("U1", "c2", "n/a")])
        let u = Assessor.assess(data).units[0]
        #expect(u.total == 95 && u.band == "A" && u.flags.isEmpty)
        expectReference(data)
    }

    @Test func noLastPlaceWhenAllShareRankOneOrTheGroupHasOneUnit() {
        let data = Fixture.dataset(units: [("U1", "G"), ("U2", "G"), ("U3", "H")], scores: ["U1": "90", "U2": "80", "U3": "70"],
                                   criteria: Fixture.criteria(quota: nil))
        let a = Assessor.assess(data)
        #expect(a.periodRankings.allSatisfy { $0.groups.allSatisfy { $0.rows.allSatisfy { $0.rank == 1 && !$0.last } } })
        #expect(a.units.map { $0.consequences.filter { $0.kind == .periodLast }.count } == [0, 0, 0])
        #expect(a.annualRanking.groups.map { $0.rows.map(\.last) } == [[false, true], [false]])
        expectReference(data)
    }
}

// MARK: - comparing

enum ReferenceComparison {
    /// Every field where `Assessor.assess` and the reference differ, worded for a failure message.
    static func mismatches(_ dataset: Dataset) -> [String] {
        mismatches(Assessor.assess(dataset), ReferenceScoring.assess(dataset), dataset)
    }

    /// Every field where `a` (kaohe's) and `r` (the reference's, on `dataset`) differ.
    static func mismatches(_ a: Assessment, _ r: ReferenceScoring.Outcome, _ dataset: Dataset) -> [String] {
        var out: [String] = []
        func check<T: Equatable>(_ what: @autoclosure () -> String, _ kaohe: T, _ reference: T) {
            if kaohe != reference { out.append("\(what()): kaohe \(kaohe), reference \(reference)") }
        }
        check("groups", a.groups, r.groups)
        for (u, (k, ref)) in zip(a.units, r.units).enumerated() {
            let id = dataset.units[u].id
            check("\(id) periods", k.periods.map(\.score), ref.periods)
            check("\(id) months", k.months.map { ReferenceScoring.Month(failed: $0.failed, passed: $0.passed) }, ref.months)
            check("\(id) parts", k.partScores, ref.parts)
            check("\(id) bonus", k.bonus.applied, ref.bonus)
            check("\(id) penalty", k.penalty.applied, ref.penalty)
            check("\(id) base", k.base, ref.base)
            check("\(id) total", k.total, ref.total)
            check("\(id) band", k.band, ref.band)
            check("\(id) vetoed", k.vetoed, ref.vetoed)
            check("\(id) rank", k.rank, ref.rank)
            check("\(id) contribution", k.contribution, ref.contribution)
            check("\(id) flags", k.flags, ref.flags)
            let consequences = k.consequences.map {
                ReferenceScoring.Consequence(kind: $0.kind, period: $0.period.description, line: $0.evidence?.line)
            }
            check("\(id) consequences", consequences, ref.consequences)
            let printed = k.periods.map(\.score) + k.partScores + [k.bonus.applied, k.penalty.applied, k.base, k.total, k.contribution]
            check("\(id) printed decimals", printed.filter { $0.exponent > dataset.criteria.places }, [])
            check("\(id) levels", k.consequences.map(\.level), ref.consequences.map { $0.kind == .rectifyLate ? 1 : $0.kind == .veto ? 3 : 2 })
        }
        func rows(_ ranking: Ranking) -> [ReferenceScoring.GroupRows] {
            ranking.groups.map { group in
                ReferenceScoring.GroupRows(group: group.group, rows: group.rows.map {
                    ReferenceScoring.Row(unit: $0.unitIndex, rank: $0.rank, last: $0.last, score: $0.score)
                })
            }
        }
        check("period rankings", a.periodRankings.count, r.periodRankings.count)
        for (p, (k, ref)) in zip(a.periodRankings, r.periodRankings).enumerated() {
            check("period \(p + 1) ranking", rows(k), ref)
        }
        check("annual ranking", rows(a.annualRanking), r.annualRanking)
        let quota = a.quota.map {
            ReferenceScoring.QuotaOutcome(allowed: $0.allowed, reached: $0.reached, cut: $0.cut, movedDown: $0.movedDown)
        }
        check("quota", quota, r.quota)
        return out
    }
}

// MARK: - random years with every option

/// A random year drawn from a seeded generator, with criteria that use any mix of the SPEC 3.9
/// options; `tieHeavy` draws few distinct scores so that ties and shared first places abound.
struct ReferenceYear {
    var dataset: Dataset

    /// Which options a series of years drew.
    struct Coverage {
        var seen: Set<String> = []
        mutating func add(_ year: ReferenceYear) {
            let c = year.dataset.criteria
            let data = year.dataset
            func mark(_ name: String, _ condition: Bool) { if condition { seen.insert(name) } }
            mark("dense", c.ranking.ties == .dense)
            mark("shared", c.ranking.ties == .shared)
            mark("no bands", c.bands.isEmpty)
            mark("no checks", !c.hasChecks)
            mark("points", c.components.contains { $0.max != nil })
            mark("weighted", c.components.contains { $0.max == nil })
            mark("n/a", data.scores.contains { $0.score == nil })
            mark("exempt", data.units.contains { !$0.exempt.isEmpty })
            mark("bonusMin", c.adjustments.bonusMin != nil)
            mark("ceiling null", c.adjustments.ceiling == .none)
            mark("ceiling points", { if case .points = c.adjustments.ceiling { return true } else { return false } }())
            mark("part gate", c.gates.contains { if case .part = $0.target { return true } else { return false } })
            mark("component gate", c.gates.contains { if case .component = $0.target { return true } else { return false } })
            mark("veto score", c.veto.score != nil)
            mark("quota", c.quota != nil)
            mark("survey component", c.survey?.component != nil)
            mark("veto event", data.events.contains { $0.kind == .veto })
            mark("month", c.hasChecks && c.checksPeriod == .month)
            mark("half", c.hasChecks && c.checksPeriod == .half)
            mark("places 0", c.places == 0)
            mark("places 3", c.places == 3)
            // Outcomes, so that the comparison went through each path.
            let r = ReferenceScoring.assess(data)
            mark("gated", r.units.contains { $0.flags.contains("gate") })
            mark("quota moved", r.units.contains { $0.flags.contains("quota") })
            mark("quota tie moved", r.quota.map { q in q.movedDown.contains { id in r.units[data.units.firstIndex { $0.id == id } ?? 0].total == q.cut } } ?? false)
            mark("commend", r.units.contains { $0.flags.contains("commend") })
            mark("vetoed with score", c.veto.score != nil && r.units.contains(where: \.vetoed))
            mark("bonus withheld", c.adjustments.bonusMin.map { min in r.units.contains { $0.base < min } && data.events.contains { $0.kind == .bonus } } ?? false)
            mark("above scale", r.units.contains { $0.total > c.scale })
            mark("total 0", r.units.contains { $0.total.isZero && !$0.vetoed })
            mark("period last", r.units.contains { !$0.lastPlaces.isEmpty })
            mark("rectify-late", r.units.contains { $0.consequences.contains { $0.kind == .rectifyLate } })
            mark("survey-warn", r.units.contains { $0.consequences.contains { $0.kind == .surveyWarn } })
            mark("annual-fail", r.units.contains { $0.consequences.contains { $0.kind == .annualFail } })
            mark("exempt with failures", data.units.contains { unit in !unit.exempt.isEmpty && data.failures.contains { $0.unit == unit.id } })
        }
        var missing: [String] {
            ["dense", "shared", "no bands", "no checks", "points", "weighted", "n/a", "exempt", "bonusMin", "ceiling null",
             "ceiling points", "part gate", "component gate", "veto score", "quota", "survey component", "veto event",
             "month", "half", "places 0", "places 3", "gated", "quota moved", "quota tie moved", "commend", "vetoed with score",
             "bonus withheld", "above scale", "total 0", "period last", "rectify-late", "survey-warn", "annual-fail",
             "exempt with failures"].filter { !seen.contains($0) }
        }
    }

    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? .zero }

    /// `total` split into `count` whole parts of at least `least` each.
    static func split(_ total: Int, _ count: Int, least: Int, _ rng: inout SplitMix64) -> [Int] {
        var left = total
        var parts: [Int] = []
        for i in 0..<(count - 1) {
            let most = left - least * (count - 1 - i)
            let part = rng.between(least...Swift.max(least, most))
            parts.append(part)
            left -= part
        }
        parts.append(left)
        return parts
    }

    init(_ rng: inout SplitMix64, tieHeavy: Bool) {
        let d = ReferenceYear.d
        let scaleInt = tieHeavy ? 100 : [100, 100, 100, 100, 100, 100, 100, 50, 120][rng.below(9)]
        let scale = ExactDecimal(scaleInt)
        let places = tieHeavy ? 2 : rng.pick([2, 2, 2, 2, 1, 0, 3])
        let hasChecks = rng.chance(percent: tieHeavy ? 70 : 80)

        // Categories.
        var categories: [Category] = []
        if hasChecks || rng.chance(percent: 30) {
            let count = rng.between(2...4)
            var points = ReferenceYear.split(scaleInt, count, least: 5, &rng).map { ExactDecimal($0) }
            if rng.chance(percent: 20) { points[0] -= d("0.5"); points[1] += d("0.5") }
            categories = points.enumerated().map { c, p in
                Category(id: "k\(c)", name: "类\(c)", points: p, items: (0..<rng.between(1...3)).map { i in
                    let deduction = tieHeavy ? Swift.min(p, d("10")) : Swift.min(p, d(rng.pick(["0.5", "1", "2", "2.5", "5", "10", "0.25"])))
                    return Item(id: "k\(c)i\(i)", name: "项\(c)\(i)", deduction: deduction)
                })
            }
        }

        // Parts and components.
        let wantSurvey = scaleInt == 100 && rng.chance(percent: 40)
        var surveyComponent: String?
        var parts: [Part] = []
        var remaining = ExactDecimal.one
        if hasChecks {
            let weight = d(rng.pick(["0.3", "0.4", "0.5", "0.6", "1"]))
            let period: PeriodKind = rng.pick([.quarter, .quarter, .month, .half])
            parts.append(Part(id: "daily", name: "日常", weight: weight, kind: .checks(period: period)))
            remaining -= weight
        }
        if !remaining.isZero {
            let weights = rng.chance(percent: 30) && remaining > d("0.3")
                ? [d("0.2"), remaining - d("0.2")] : [remaining]
            for (p, weight) in weights.enumerated() {
                var components: [Component]
                if rng.chance(percent: 30) {
                    let maxes = ReferenceYear.split(scaleInt, rng.between(1...5), least: 3, &rng)
                    components = maxes.enumerated().map { Component(id: "p\(p)m\($0)", name: "分\($0)", weight: 1, max: ExactDecimal($1)) }
                } else {
                    let split = rng.pick([["1"], ["0.6", "0.4"], ["0.5", "0.3", "0.2"], ["0.25", "0.25", "0.5"], ["0.5", "0.5"]])
                    components = split.enumerated().map { Component(id: "p\(p)c\($0)", name: "项\($0)", weight: d($1)) }
                    if wantSurvey, surveyComponent == nil, components.count > 1, rng.chance(percent: 70) {
                        components[components.count - 1].id = "survey"
                        surveyComponent = "survey"
                    }
                }
                parts.append(Part(id: "year\(p)", name: "年终\(p)", weight: weight, kind: .scores(components: components)))
            }
        }
        let survey: SurveyRule? = wantSurvey
            ? SurveyRule(component: surveyComponent, basicWeight: d(rng.pick(["1", "0.8", "0.5"])),
                         commend: rng.chance(percent: 70) ? d(rng.pick(["0.9", "0.95", "0.8"])) : nil,
                         warn: rng.chance(percent: 70) ? d(rng.pick(["0.8", "0.85", "0.7"])) : nil)
            : nil

        // Bands, quota, veto, gates.
        var bands: [Band] = []
        if rng.chance(percent: 75) {
            let template = tieHeavy ? rng.pick([[95, 85, 0], [90, 80, 60, 0], [100, 90, 0]])
                : rng.pick([[90, 80, 60, 0], [85, 70, 0], [60, 0], [95, 90, 85, 80, 0], [90, 75, 60, 0]])
            bands = template.enumerated().map { i, min in
                Band(name: ["A", "B", "C", "D", "E"][i], min: ExactDecimal.quotient(ExactDecimal(min) * scale, 100, places: 2))
            }
        }
        let quota: Quota? = bands.count > 1 && rng.chance(percent: 55)
            ? Quota(band: bands[rng.chance(percent: 75) ? 0 : rng.below(bands.count - 1)].name,
                    share: d(rng.pick(["0", "0.1", "0.2", "0.25", "0.3", "0.5", "1"])))
            : nil
        let veto = VetoRule(band: bands.isEmpty ? nil : (rng.chance(percent: 70) ? bands[bands.count - 1] : rng.pick(bands)).name,
                            score: rng.chance(percent: 30) ? Swift.min(scale, d(rng.pick(["59", "0", "60.5", "100"]))) : nil)
        var gates: [Gate] = []
        if !bands.isEmpty && rng.chance(percent: 50) {
            for _ in 0..<rng.between(1...2) {
                let band = rng.pick(bands).name
                let components = parts.flatMap { part -> [Component] in
                    if case .scores(let list) = part.kind { return list } else { return [] }
                }
                if components.isEmpty || rng.chance(percent: 50) {
                    let part = rng.pick(parts)
                    let min = ExactDecimal.quotient(ExactDecimal(rng.pick([60, 70, 80, 85, 90, 95])) * scale, 100, places: 2)
                    gates.append(Gate(target: .part(part.id), min: min, band: band))
                } else {
                    let component = rng.pick(components)
                    let full = component.max ?? scale
                    let min = ExactDecimal.quotient(full * d(rng.pick(["0.6", "0.8", "0.9", "0.95"])), 1, places: 1)
                    gates.append(Gate(target: .component(component.id), min: min, band: band))
                }
            }
        }

        let ceiling: Adjustments.Ceiling
        switch rng.below(8) {
        case 0, 1: ceiling = .none
        case 2: ceiling = .points(scale + 30)
        case 3: ceiling = .points(scale - 5)
        default: ceiling = .scale
        }
        let adjustments = Adjustments(
            bonusCap: rng.chance(percent: 50) ? d(rng.pick(["3", "5", "1.5"])) : nil,
            penaltyCap: rng.chance(percent: 50) ? d(rng.pick(["5", "2", "0.5"])) : nil,
            bonusMin: rng.chance(percent: 40) ? ExactDecimal.quotient(ExactDecimal(rng.pick([60, 80, 85, 90])) * scale, 100, places: 2) : nil,
            ceiling: ceiling)

        let criteria = Criteria(
            id: "reference", title: "参照细则", scale: scale, places: places, categories: categories, parts: parts,
            bulletin: BulletinRule(failAt: rng.pick([1, 1, 2, 3])), rectify: RectifyRule(workingDays: rng.pick([3, 5, 10])),
            bands: bands, quota: quota, veto: veto, adjustments: adjustments, survey: survey,
            targetShare: d(rng.pick(["4", "5", "10", "3.5", "100"])),
            ranking: RankingOptions(ties: rng.chance(percent: 50) ? .dense : .shared), gates: gates)

        // Calendar.
        var calendar = WorkingCalendar.weekdays
        if rng.chance(percent: 30) {
            var holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []
            for _ in 0..<rng.between(3...15) { holidays.insert(ReferenceYear.date(&rng)) }
            for _ in 0..<rng.between(0...4) { workdays.insert(ReferenceYear.date(&rng)) }
            calendar = WorkingCalendar(holidays: holidays, workdays: workdays)
        }

        // Units.
        let groupNames = Array(["甲", "乙", "丙"].prefix(rng.between(1...3)))
        let unitCount = tieHeavy ? rng.between(3...10) : rng.between(1...8)
        let units = (0..<unitCount).map { u -> Unit in
            var exempt: [String] = []
            if hasChecks && categories.count >= 2 && rng.chance(percent: 20) {
                exempt = [rng.pick(categories).id]
                if categories.count >= 3 && rng.chance(percent: 30), let other = categories.first(where: { !exempt.contains($0.id) }) {
                    exempt.append(other.id)
                }
            }
            return Unit(id: "U\(u)", name: "单位\(u)", group: rng.pick(groupNames), exempt: exempt)
        }

        var data = Dataset(year: 2025, title: "参照", criteria: criteria, calendar: calendar, units: units)

        // Failed checks (none of an exempt category of the unit).
        if hasChecks {
            var line = 1
            for _ in 0..<(tieHeavy ? rng.below(5) : rng.below(30)) {
                line += 1 + rng.below(3)
                let unit = rng.pick(units)
                let open = categories.filter { !unit.exempt.contains($0.id) }
                let category = rng.pick(open)
                let item = rng.pick(category.items)
                let deduction = tieHeavy || rng.chance(percent: 65) ? item.deduction
                    : Swift.min(category.points, d(rng.pick(["0", "0.25", "1", "3", "7.5", "15", "0.125", "40"])))
                let date = tieHeavy ? CivilDate(year: 2025, month: rng.pick([2, 5, 8, 11]), day: 10) ?? ReferenceYear.date(&rng)
                    : ReferenceYear.date(&rng)
                let rectified: CivilDate? = rng.chance(percent: 70) ? date.adding(days: rng.below(20)) : nil
                data.failures.append(Failure(date: date, unit: unit.id, item: item.id, deduction: deduction,
                                             rectified: rectified, source: SourceRef(file: "checks.csv", line: line)))
            }
        }

        // Year-end scores, some not applicable (at least one applicable per part).
        var line = 1
        for unit in units {
            for part in parts {
                guard case .scores(let components) = part.kind else { continue }
                let given = components.filter { $0.id != surveyComponent }
                var notApplicable = Set<String>()
                for c in given where rng.chance(percent: tieHeavy ? 5 : 12) { notApplicable.insert(c.id) }
                if notApplicable.count == components.count, let keep = given.first { notApplicable.remove(keep.id) }
                for component in given {
                    line += 1
                    let full = component.max ?? scale
                    let score: ExactDecimal?
                    if notApplicable.contains(component.id) {
                        score = nil
                    } else if tieHeavy {
                        score = ExactDecimal.quotient(full * d(rng.pick(["0.8", "0.9", "1"])), 1, places: 0)
                    } else if rng.chance(percent: 10) {
                        score = full
                    } else {
                        let low = ExactDecimal.quotient(full * d("0.4"), 1, places: 0)
                        let whole = rng.between(low.floor...Swift.max(low.floor, full.floor - 1))
                        score = ExactDecimal(whole) + ExactDecimal(mantissa: Int128(rng.below(100)), exponent: 2)
                    }
                    data.scores.append(ScoreRecord(unit: unit.id, component: component.id, score: score,
                                                   source: SourceRef(file: "scores.csv", line: line)))
                }
            }
        }

        // Surveys: every unit when the survey feeds a component.
        if survey != nil {
            line = 1
            for unit in units where surveyComponent != nil || rng.chance(percent: 80) {
                line += 1
                let record = tieHeavy
                    ? SurveyRecord(unit: unit.id, satisfied: 90, basic: 5, dissatisfied: 5, source: SourceRef(file: "survey.csv", line: line))
                    : SurveyRecord(unit: unit.id, satisfied: rng.below(100), basic: rng.below(30), dissatisfied: rng.below(20) + 1,
                                   source: SourceRef(file: "survey.csv", line: line))
                data.surveys.append(record)
            }
        }

        // Events.
        line = 1
        for _ in 0..<(tieHeavy ? rng.below(3) : rng.below(9)) {
            line += 1
            let kind = [Event.Kind.bonus, .bonus, .bonus, .penalty, .penalty, .penalty, .veto][rng.below(7)]
            data.events.append(Event(date: ReferenceYear.date(&rng), unit: rng.pick(units).id, kind: kind,
                                     points: kind == .veto ? nil : d(rng.pick(["0.5", "1", "2", "4", "0.25", "10", "1.125", "60"])),
                                     clause: "第十四条", source: SourceRef(file: "events.csv", line: line)))
        }
        dataset = data
    }

    static func date(_ rng: inout SplitMix64) -> CivilDate {
        CivilDate(dayNumber: (CivilDate(year: 2025, month: 1, day: 1)?.dayNumber ?? 0) + rng.below(365))
    }
}
