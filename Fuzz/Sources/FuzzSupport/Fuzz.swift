import Foundation
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheLoad
@testable import KaoheTestSupport

package enum Fuzz {
    /// Stops the run (a finding) when `condition` does not hold.
    package static func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz: " + message()) }
    }

    /// A data folder for this process, with its manifest and a small criteria file.
    package static let folder: String = {
        let path = NSTemporaryDirectory() + "kaohe-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path + "/assessment.json5",
                                           contents: Data("{year: 2025, title: \"模糊测试\", criteria: \"criteria.json5\"}\n".utf8))
        _ = FileManager.default.createFile(atPath: path + "/criteria.json5", contents: Data(criteriaText.utf8))
        return path
    }()

    package static let criteriaText = """
        {id: "fuzz", title: "模糊测试细则", scale: 100, places: 2,
         categories: [{id: "a", name: "甲", points: 60, items: [{id: "a1", name: "甲一", deduction: 5}]},
                      {id: "b", name: "乙", points: 40, items: [{id: "b1", name: "乙一", deduction: 10}]}],
         parts: [{id: "daily", name: "日常", weight: 0.5, kind: "checks", period: "quarter"},
                 {id: "yearEnd", name: "年终", weight: 0.5, kind: "scores",
                  components: [{id: "c1", name: "年终", weight: 0.5}, {id: "survey", name: "民意", weight: 0.5}]}],
         bands: [{name: "A", min: 90}, {name: "B", min: 80}, {name: "C", min: 60}, {name: "D", min: 0}],
         quota: {band: "A", share: 0.5}, veto: {band: "D"}, adjustments: {bonusCap: 3, penaltyCap: null},
         survey: {component: "survey", basicWeight: 0.8, commend: 0.95, warn: 0.8},
         targetShare: 4}
        """

    /// Scores a small year on `criteria`: two units, a failure of every item, every component
    /// scored, events of every kind; renders the results.
    package static func scoreSmallYear(_ criteria: Criteria) {
        guard let date = CivilDate(year: 2025, month: 3, day: 4) else { return }
        let units = [Unit(id: "U1", name: "一", group: "G"), Unit(id: "U2", name: "二", group: "G")]
        var dataset = Dataset(year: 2025, title: "fuzz", criteria: criteria, calendar: .weekdays, units: units)
        var line = 1
        for (_, item) in criteria.items.prefix(50) {
            line += 1
            dataset.failures.append(Failure(date: date, unit: "U1", item: item.id, deduction: item.deduction,
                                            source: SourceRef(file: "checks.csv", line: line)))
        }
        for component in criteria.components.prefix(50) {
            for unit in units {
                dataset.scores.append(ScoreRecord(unit: unit.id, component: component.id, score: ExactDecimal(77),
                                                  source: SourceRef(file: "scores.csv", line: 2)))
            }
        }
        dataset.surveys = [SurveyRecord(unit: "U2", satisfied: 9, basic: 1, dissatisfied: 1, source: SourceRef(file: "survey.csv", line: 2))]
        dataset.events = [Event(date: date, unit: "U1", kind: .bonus, points: ExactDecimal(2), source: SourceRef(file: "events.csv", line: 2)),
                          Event(date: date, unit: "U2", kind: .veto, source: SourceRef(file: "events.csv", line: 3))]
        let assessment = Assessor.assess(dataset)
        _ = AssessmentJSON.grade(assessment).serialized()
        _ = TextRenderer.render(GradeReport.document(assessment, title: "fuzz", language: .zh))
    }

    /// Loads `checks.csv` with the streaming loader (small windows, read in two halves) and
    /// row by row; the two must agree.
    package static func compareChecks(path: String, knob: Int) {
        let units = (1...3).map { Unit(id: "T0\($0)", name: "单位\($0)", group: "甲") }
        guard let criteria = CriteriaLoader.parse(criteriaText, file: "c.json5").criteria else { return }
        let context = ValidationContext(year: 2025, criteria: criteria, units: units)
        let options = ChecksFile.Options(parallelBytes: knob & 1 == 0 ? 1 : Int.max, windowBytes: 16 + knob % 97,
                                         maxRecordBytes: 1 << 20)
        if let mismatch = ReferenceChecks.mismatch(path: path, context: context, options: options) {
            expect(false, "checks.csv: " + mismatch)
        }
    }
}
