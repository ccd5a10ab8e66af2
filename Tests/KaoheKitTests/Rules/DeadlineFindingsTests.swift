import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

/// DeadlineFindings: failed checks derived from the registers (docs/scoring.md §13).
@Suite struct DeadlineFindingsTests {
    static let calendar: WorkingCalendar = {
        CalendarLoader.load(path: Repository.path("Criteria/calendars/cn-2025.json"), year: 2025).calendar ?? .weekdays
    }()

    func moment(_ s: String) -> Moment { Moment(s)! }

    func rule(_ unit: DeadlineRule.Unit, limit: Int, register: RegisterKind = .disclosures, start: String = "formed",
              end: String = "published", when: (column: String, value: Bool)? = nil) -> DeadlineRule {
        DeadlineRule(id: "r", name: "时限", register: register, start: start, end: end, limit: limit, unit: unit,
                     item: "a1", when: when)
    }

    func verdict(_ rule: DeadlineRule, _ start: String, _ end: String?) -> (CivilDate?, String?) {
        switch DeadlineFindings.judge(rule, start: moment(start), end: end.map(moment), calendar: DeadlineFindingsTests.calendar) {
        case .onTime: return (nil, nil)
        case .late(let date, let lateness):
            return (date, Labels(language: .en, criteria: Fixture.criteria(quota: nil)).lateness(LateFinding(rule: rule, lateness: lateness)))
        }
    }

    @Test func twentiethWorkingDayIsOnTimeTwentyFirstIsLate() {
        // After 2025-03-17 (Mon): 03-18…21, 24…28, 31, 04-01…03, (清明 04-04 off), 04-07…11, 14, 15:
        // the 20th working day is 2025-04-15.
        let r = rule(.workingDays, limit: 20)
        #expect(verdict(r, "2025-03-17", "2025-04-14").0 == nil)
        #expect(verdict(r, "2025-03-17", "2025-04-15").0 == nil)
        let late = verdict(r, "2025-03-17", "2025-04-16")
        #expect(late.0 == CivilDate("2025-04-16"))
        #expect(late.1 == "published on the 21st working day, limit 20")
    }

    @Test func springFestivalAndItsMakeUpSundayCount() {
        // Working days after 2025-01-20: 21–24, 26 (调休 Sunday), 27, then 02-05…02-07, 02-08 (调休
        // Saturday), 02-10…: the 20th is 2025-02-21.
        let r = rule(.workingDays, limit: 20)
        #expect(verdict(r, "2025-01-20", "2025-02-21").0 == nil)
        #expect(verdict(r, "2025-01-20", "2025-02-24").0 == CivilDate("2025-02-22"))
        #expect(DeadlineFindings.workingDays(from: CivilDate("2025-01-20")!, to: CivilDate("2025-02-24")!,
                                           calendar: DeadlineFindingsTests.calendar) == 21)
    }

    @Test func hoursAcrossMidnight() {
        let r = rule(.hours, limit: 5, register: .responses, start: "hotIssue", end: "statement")
        #expect(verdict(r, "2025-06-07 21:00", "2025-06-08 02:00").0 == nil)
        let late = verdict(r, "2025-06-07 21:00", "2025-06-08 02:01")
        #expect(late.0 == CivilDate("2025-06-08"))
        #expect(late.1 == "statement issued after 5 h 1 min, limit 5 hours")
        // Due at 23:59 the same day: the first late minute is midnight, the next day.
        #expect(verdict(rule(.hours, limit: 5, register: .responses, start: "hotIssue", end: "statement"),
                        "2025-06-07 18:59", nil).0 == CivilDate("2025-06-08"))
    }

    @Test func calendarDays() {
        let r = rule(.days, limit: 7, register: .complaints, start: "received", end: "answered")
        #expect(verdict(r, "2025-05-12", "2025-05-19").0 == nil)
        let late = verdict(r, "2025-05-12", "2025-05-20")
        #expect(late.0 == CivilDate("2025-05-20"))
        #expect(late.1 == "answered on day 8, limit 7 days")
    }

    func dataset(_ rows: [RegisterRow], rules: [DeadlineRule]) -> Dataset {
        var criteria = Fixture.criteria(quota: nil)
        criteria.deadlines = rules
        var d = Fixture.dataset(units: [("U1", "G")], scores: ["U1": "80"], criteria: criteria,
                                calendar: DeadlineFindingsTests.calendar)
        d.registers = rows
        return d
    }

    func row(_ register: RegisterKind, _ times: [String: String], flags: [String: Bool] = [:], line: Int) -> RegisterRow {
        RegisterRow(register: register, unit: "U1", times: times.mapValues { Moment($0)! }, flags: flags,
                    source: SourceRef(file: register.file, line: line))
    }

    @Test func missingEndIsAMissWhenDueWithinTheYearAndPendingAfter() {
        let r = rule(.workingDays, limit: 20)
        let outcome = DeadlineFindings.derive(dataset([
            row(.disclosures, ["formed": "2025-10-20"], line: 2),   // due 2025-11-17: a miss on 11-18
            row(.disclosures, ["formed": "2025-12-10"], line: 3),   // due 2026-01-08: pending
            row(.disclosures, ["formed": "2025-12-10", "published": "2026-01-20"], line: 4), // late only in 2026: pending
        ], rules: [r]))
        #expect(outcome.failures.map(\.source.line) == [2])
        #expect(outcome.failures.first?.date == CivilDate("2025-11-18"))
        #expect(outcome.failures.first?.rectified == nil)
        #expect(outcome.summaries.first?.pending == 2)
        #expect(outcome.summaries.first?.late == 1)
    }

    @Test func extensionSelectsTheFortyDayRule() {
        let twenty = DeadlineRule(id: "apply", name: "答复", register: .applications, start: "received", end: "answered",
                                  limit: 20, unit: .workingDays, item: "a1", when: ("extended", false))
        let forty = DeadlineRule(id: "apply-ext", name: "延期答复", register: .applications, start: "received", end: "answered",
                                 limit: 40, unit: .workingDays, item: "a1", when: ("extended", true))
        let outcome = DeadlineFindings.derive(dataset([
            row(.applications, ["received": "2025-03-03", "answered": "2025-04-10"], flags: ["extended": true], line: 2),
            row(.applications, ["received": "2025-03-03", "answered": "2025-04-10"], flags: ["extended": false], line: 3),
        ], rules: [twenty, forty]))
        #expect(outcome.failures.map(\.source.line) == [3])
        #expect(outcome.summaries.first?.checked == 2)
    }

    @Test func derivedFailuresScoreButAreNotRectifyLate() {
        let r = rule(.workingDays, limit: 20)
        let a = Assessor.assess(dataset([row(.disclosures, ["formed": "2025-03-03", "published": "2025-04-02"], line: 2)], rules: [r]))
        let u = a.units[0]
        // a1 deducts 5 in Q2 (the first late day, 04-02, is in Q2).
        #expect(u.periods.map(\.score) == [100, 95, 100, 100])
        #expect(u.months[3].findings.first?.source.description == "disclosures.csv:2")
        #expect(u.consequences.map(\.kind) == [.monthFail])
    }
}
