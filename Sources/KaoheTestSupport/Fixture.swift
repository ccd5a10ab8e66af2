import KaoheKit

/// Small hand-built years for scoring tests.
package enum Fixture {
    /// The decimal written `s`; stops the test run when `s` is not one.
    package static func d(_ s: String) -> ExactDecimal {
        guard let value = ExactDecimal(s) else { preconditionFailure("fixture: \(s) is not a decimal") }
        return value
    }

    /// The date written `s` (YYYY-MM-DD); stops the test run when `s` is not one.
    package static func date(_ s: String) -> CivilDate {
        guard let value = CivilDate(s) else { preconditionFailure("fixture: \(s) is not a date") }
        return value
    }

    /// Two categories (a: 60 points, b: 40), a quarterly checks part and a one-component scores part, 50/50.
    package static func criteria(quota: Quota? = Quota(band: "A", share: d("0.5")), bonusCap: ExactDecimal? = d("3"),
                         penaltyCap: ExactDecimal? = nil, survey: SurveyRule? = nil) -> Criteria {
        var components = [Component(id: "c1", name: "年终", weight: 1)]
        if let component = survey?.component {
            components = [Component(id: "c1", name: "年终", weight: d("0.5")), Component(id: component, name: "民意调查", weight: d("0.5"))]
        }
        return Criteria(
            id: "test", title: "测试细则",
            categories: [
                Category(id: "a", name: "甲", points: 60, items: [Item(id: "a1", name: "甲一", deduction: 5)]),
                Category(id: "b", name: "乙", points: 40, items: [Item(id: "b1", name: "乙一", deduction: 10)]),
            ],
            parts: [
                Part(id: "daily", name: "日常", weight: d("0.5"), kind: .checks(period: .quarter)),
                Part(id: "yearEnd", name: "年终", weight: d("0.5"), kind: .scores(components: components)),
            ],
            bands: [Band(name: "A", min: 90), Band(name: "B", min: 80), Band(name: "C", min: 60), Band(name: "D", min: 0)],
            quota: quota, veto: VetoRule(band: "D"),
            adjustments: Adjustments(bonusCap: bonusCap, penaltyCap: penaltyCap),
            survey: survey, targetShare: 4,
            consequences: [.veto: ConsequenceActions(zh: ["一票否决"], en: ["veto"])])
    }

    /// A dataset of `units` (id, group) each with year-end score `score[id]`.
    package static func dataset(units: [(String, String)], scores: [String: String], criteria: Criteria = criteria(),
                        failures: [Failure] = [], events: [Event] = [], surveys: [SurveyRecord] = [],
                        calendar: WorkingCalendar = .weekdays) -> Dataset {
        var line = 1
        let scoreRecords = units.compactMap { unit -> ScoreRecord? in
            guard let s = scores[unit.0] else { return nil }
            line += 1
            return ScoreRecord(unit: unit.0, component: "c1", score: d(s), source: SourceRef(file: "scores.csv", line: line))
        }
        return Dataset(year: 2025, title: "测试", criteria: criteria, calendar: calendar,
                       units: units.map { Unit(id: $0.0, name: "单位" + $0.0, group: $0.1) },
                       failures: failures, scores: scoreRecords, events: events, surveys: surveys)
    }

    package static func failure(_ unit: String, _ item: String, _ date: String, deduction: String? = nil,
                        rectified: String? = nil, line: Int) -> Failure {
        Failure(date: Fixture.date(date), unit: unit, item: item,
                deduction: deduction.map(d) ?? (item == "a1" ? 5 : 10),
                rectified: rectified.map(Fixture.date), source: SourceRef(file: "checks.csv", line: line))
    }

    package static func event(_ unit: String, _ kind: Event.Kind, _ points: String? = nil, date: String = "2025-06-01", line: Int) -> Event {
        Event(date: Fixture.date(date), unit: unit, kind: kind, points: points.map(d), clause: "第十四条",
              source: SourceRef(file: "events.csv", line: line))
    }
}
