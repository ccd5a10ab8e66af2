import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

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

    @Test func checksPartIsTheRoundedMeanOfRoundedPeriods() {
        // Q1 loses 5 → 95; mean (95+100+100+100)/4 = 98.75. Q2 loses 0.125 → 99.875 → printed 99.88.
        let failures = [Fixture.failure("U1", "a1", "2025-01-06", line: 2),
                        Fixture.failure("U1", "a1", "2025-04-07", deduction: "0.125", line: 3)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], failures: failures)).units[0]
        #expect(u.periods.map(\.score) == [95, d("99.88"), 100, 100])
        // (95 + 99.88 + 100 + 100) / 4 = 98.72
        #expect(u.parts[0].score == d("98.72"))
    }

    @Test func categoryIsFlooredAtZero() {
        // Five failures of b1 (10 each) in Q1: b = max(0, 40 − 50) = 0, not −10.
        let failures = (0..<5).map { Fixture.failure("U1", "b1", "2025-03-0\($0 + 3)", line: $0 + 2) }
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], failures: failures)).units[0]
        #expect(u.periods[0].categories[1].deducted == 50)
        #expect(u.periods[0].categories[1].score == 0)
        #expect(u.periods[0].score == 60)
    }

    @Test func bonusIsCappedAndTotalClampedAtTheScale() {
        let events = [Fixture.event("U1", .bonus, "2", line: 2), Fixture.event("U1", .bonus, "2.5", line: 3)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "99"], events: events)).units[0]
        #expect(u.bonus.sum == d("4.5"))
        #expect(u.bonus.applied == 3)
        // 0.5 × 100 + 0.5 × 99 + 3 = 102.5 → clamped to 100.
        #expect(u.unroundedTotal == d("102.5"))
        #expect(u.total == 100)
    }

    @Test func penaltyClampsAtZero() {
        let events = [Fixture.event("U1", .penalty, "80", line: 2)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "0"], events: events,
                                                )).units[0]
        // 50 + 0 − 80 = −30 → 0.
        #expect(u.total == 0)
        #expect(u.band == "D")
        #expect(u.consequences.map(\.kind) == [.annualFail])
    }

    @Test func quotaOfZeroPlacesMovesEveryoneDown() {
        // share 0.5 × 1 unit = 0.5 → floor 0 places.
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"]))
        #expect(a.units[0].total == 90)
        #expect(a.units[0].band == "B")
        #expect(a.units[0].flags == ["quota"])
        #expect(a.quota?.allowed == 0)
    }

    @Test func sharedRanksSkip() {
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "70", "U2": "80", "U3": "80", "U4": "60"],
                                                criteria: Fixture.criteria(quota: nil)))
        #expect(a.units.map(\.rank) == [3, 1, 1, 4])
        let rows = a.annualRanking.groups[0].rows
        #expect(rows.map(\.unitIndex) == [1, 2, 0, 3])
        #expect(rows.map(\.last) == [false, false, false, true])
    }

    @Test func tiesAtTheQuotaCutNeverExceedIt() {
        // Quota share 0.5 of 4 units = 2. Three units tie at 95 in band A → none at the cut may keep it.
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "90", "U2": "90", "U3": "90", "U4": "70"]))
        #expect(a.units.map(\.band) == ["B", "B", "B", "B"])
        #expect(a.units.prefix(3).allSatisfy { $0.flags == ["quota"] })
        #expect(a.quota?.allowed == 2)
        #expect(a.quota?.cut == 95)
    }

    @Test func quotaKeepsUnitsAboveTheCut() {
        // U1 98 keeps A; U2 and U3 tie at 95 at the 2nd place: 3 units ≥ 95 > 2 allowed → both move down.
        let units = [("U1", "G"), ("U2", "G"), ("U3", "G"), ("U4", "G")]
        let a = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "96", "U2": "90", "U3": "90", "U4": "70"]))
        #expect(a.units.map(\.band) == ["A", "B", "B", "B"])
        #expect(a.units[0].flags == [])
        // With U3 lower, U1 and U2 both keep A.
        let b = Assessor.assess(Fixture.dataset(units: units, scores: ["U1": "96", "U2": "90", "U3": "88", "U4": "70"]))
        #expect(b.units.map(\.band) == ["A", "A", "B", "B"])
        #expect(b.units[2].flags == ["quota"])
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
        // Every quarter all three tie at 100, so all three hold the last place of each quarter.
        #expect(top.consequences.map(\.kind) == Array(repeating: .periodLast, count: 4) + [.veto, .annualFail])
        #expect(top.consequences[4].period.description == "2025-05-06")
        #expect(top.consequences[4].evidence?.description == "events.csv:4")
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
        // Q2–Q4 all tie at 100 in G2: both hold the largest rank (1), so both are last.
        #expect(a.periodRankings[1].groups[1].rows.map(\.last) == [true, true])
        #expect(a.units[2].consequences.map(\.kind) == [.rectifyLate, .monthFail] + Array(repeating: .periodLast, count: 4))
    }

    @Test func rectificationDeadlineCrossesTheNationalDayHoliday() {
        // 2025-09-30 (Tue) + 5 working days: Oct 1–8 are holidays, Oct 11 (Sat) is a 调休 working day.
        // Working days after 09-30: 10-09, 10-10, 10-11 (Sat, 调休), 10-13, 10-14 → deadline 2025-10-14.
        let calendar = WorkingCalendar(
            holidays: Set((1...8).map { CivilDate(year: 2025, month: 10, day: $0)! }),
            workdays: [CivilDate(year: 2025, month: 9, day: 28)!, CivilDate(year: 2025, month: 10, day: 11)!])
        let failure = Fixture.failure("U1", "a1", "2025-09-30", line: 2)
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(workingDays: 5), calendar: calendar) == Fixture.date("2025-10-14"))
        let onTime = Fixture.failure("U1", "a1", "2025-09-30", rectified: "2025-10-14", line: 2)
        let late = Fixture.failure("U1", "a1", "2025-09-30", rectified: "2025-10-15", line: 3)
        let deadline = RectifyLateRule.deadline(onTime, rule: RectifyRule(), calendar: calendar)
        #expect([onTime, late].filter { RectifyLateRule.isLate($0, deadline: deadline, year: 2025) }.map(\.source.line) == [3])
        // Without the 调休 Saturday the deadline would be 10-15.
        let plain = WorkingCalendar(holidays: calendar.holidays)
        #expect(RectifyLateRule.deadline(failure, rule: RectifyRule(), calendar: plain) == Fixture.date("2025-10-15"))
    }

    @Test func unrectifiedFailureIsLateOnlyWhenItsDeadlineIsWithinTheYear() {
        let december = Fixture.failure("U1", "a1", "2025-12-29", line: 2) // deadline 2026-01-05
        let november = Fixture.failure("U1", "a1", "2025-11-28", line: 3)
        let late = [december, november].filter {
            RectifyLateRule.isLate($0, deadline: RectifyLateRule.deadline($0, rule: RectifyRule(), calendar: .weekdays), year: 2025)
        }
        #expect(late.map(\.source.line) == [3])
    }

    @Test func surveyRateScoreCommendAndWarn() {
        let rule = SurveyRule(component: "survey", basicWeight: d("0.8"), commend: d("0.95"), warn: d("0.8"))
        let criteria = Fixture.criteria(quota: nil, survey: rule)
        let surveys = [
            SurveyRecord(unit: "U1", satisfied: 190, basic: 10, dissatisfied: 0, source: SourceRef(file: "survey.csv", line: 2)),
            SurveyRecord(unit: "U2", satisfied: 100, basic: 50, dissatisfied: 50, source: SourceRef(file: "survey.csv", line: 3)),
            SurveyRecord(unit: "U3", satisfied: 2, basic: 0, dissatisfied: 1, source: SourceRef(file: "survey.csv", line: 4)),
        ]
        let a = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G"), ("U3", "G")],
                                                scores: ["U1": "80", "U2": "80", "U3": "80"], criteria: criteria, surveys: surveys))
        // U1: (190 + 8)/200 = 0.99 → 99; U2: (100 + 40)/200 = 0.7 → 70; U3: 2/3 = 0.6667 → 66.67.
        #expect(a.units.map { $0.survey?.rate } == [d("0.99"), d("0.7"), d("0.6667")])
        #expect(a.units.map { $0.survey?.score } == [99, 70, d("66.67")])
        #expect(a.units[0].flags == ["commend"])
        #expect(a.units[1].consequences.map(\.kind).contains(.surveyWarn))
        #expect(a.units[1].consequences.first { $0.kind == .surveyWarn }?.evidence?.description == "survey.csv:3")
        // yearEnd U3 = 0.5 × 80 + 0.5 × 66.67 = 73.335 → 73.34.
        #expect(a.units[2].parts[1].score == d("73.34"))
    }

    @Test func consequencesAreOrderedByKindPeriodAndLine() {
        let failures = [Fixture.failure("U1", "a1", "2025-03-03", line: 5), Fixture.failure("U1", "a1", "2025-01-06", line: 9)]
        let events = [Fixture.event("U1", .veto, line: 2)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G"), ("U2", "G")], scores: ["U1": "80", "U2": "80"],
                                                criteria: Fixture.criteria(quota: nil), failures: failures, events: events)).units[0]
        // Q2–Q4: both units tie at 100, so both hold the last place.
        #expect(u.consequences.map(\.kind) == [.rectifyLate, .rectifyLate, .monthFail, .monthFail, .periodLast, .periodLast,
                                               .periodLast, .periodLast, .veto, .annualFail])
        #expect(u.consequences.map(\.period.description) == ["2025-01-06", "2025-03-03", "2025-01", "2025-03", "2025-Q1", "2025-Q2",
                                                 "2025-Q3", "2025-Q4", "2025-06-01", "2025"])
        #expect(u.consequences.map { $0.evidence?.line } == [9, 5, nil, nil, nil, nil, nil, nil, 2, nil])
    }

    @Test func bulletinStatusFollowsFailAt() {
        var criteria = Fixture.criteria(quota: nil)
        criteria.bulletin = BulletinRule(failAt: 2)
        let failures = [Fixture.failure("U1", "a1", "2025-03-03", rectified: "2025-03-04", line: 2),
                        Fixture.failure("U1", "a1", "2025-04-07", rectified: "2025-04-08", line: 3),
                        Fixture.failure("U1", "b1", "2025-04-14", rectified: "2025-04-15", line: 4)]
        let u = Assessor.assess(Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], criteria: criteria, failures: failures)).units[0]
        #expect(u.months.map(\.passed) == [true, true, true, false, true, true, true, true, true, true, true, true])
        #expect(u.months[2].failed == 1)
        #expect(u.consequences.map(\.period.description) == ["2025-04"])
    }

    @Test func contributionRoundsHalfUp() {
        #expect(TotalRule.contribution(d("92.83"), targetShare: 4, places: 2) == d("3.71"))
        #expect(TotalRule.contribution(d("93.75"), targetShare: 4, places: 2) == d("3.75"))
        #expect(TotalRule.contribution(d("90.125"), targetShare: 4, places: 2) == d("3.61"))
    }
}
