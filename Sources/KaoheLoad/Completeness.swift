import KaoheModel
import KaoheInput
/// Every unit needs a score for every component (docs/scoring.md §3); the survey component comes from survey.csv.
enum Completeness {
    /// What the score files named, valid or not; nil when the file was not read at all (its
    /// absence is reported on its own).
    struct Attempted {
        var scores: Set<String>?
        var surveys: Set<String>?
    }

    static func check(_ dataset: Dataset, folder: String, attempted: Attempted, diagnostics: inout [Diagnostic]) {
        let criteria = dataset.criteria
        let surveyComponent = criteria.survey?.component
        var have = Set<String>()
        for record in dataset.scores { have.insert("\(record.unit)\u{1F}\(record.component)") }
        let surveyed = Set(dataset.surveys.map(\.unit))
        let scoresPath = Paths.join(folder, DataFolder.files.scores)
        let surveyPath = Paths.join(folder, DataFolder.files.survey)
        for unit in dataset.units {
            for component in criteria.components {
                if component.id == surveyComponent {
                    guard let tried = attempted.surveys else { continue }
                    if !surveyed.contains(unit.id) && !tried.contains(unit.id) {
                        diagnostics.append(Diagnostic(.missingSurvey(unit, component: component), file: surveyPath))
                    }
                } else if let tried = attempted.scores, !have.contains("\(unit.id)\u{1F}\(component.id)"),
                          !tried.contains("\(unit.id)\u{1F}\(component.id)") {
                    diagnostics.append(Diagnostic(.missingScore(unit, component: component), file: scoresPath))
                }
            }
        }
        allNotApplicable(dataset, scoresPath: scoresPath, diagnostics: &diagnostics)
    }

    /// A part whose every component is n/a for a unit has nothing to rescale: an error at the
    /// unit's last row of the part.
    static func allNotApplicable(_ dataset: Dataset, scoresPath: String, diagnostics: inout [Diagnostic]) {
        var notApplicable: [String: [String: Int]] = [:]
        for record in dataset.scores where record.score == nil {
            notApplicable[record.unit, default: [:]][record.component] = record.source.line
        }
        guard !notApplicable.isEmpty else { return }
        for unit in dataset.units {
            guard let marked = notApplicable[unit.id] else { continue }
            for part in dataset.criteria.parts {
                guard case .scores(let components) = part.kind,
                      components.allSatisfy({ marked[$0.id] != nil }) else { continue }
                let line = components.compactMap { marked[$0.id] }.max()
                diagnostics.append(Diagnostic(.allNotApplicable(unit, part: part), file: scoresPath, line: line))
            }
        }
    }
}

extension Diagnostic.Message {
    /// A unit with no survey row when the criteria score a component from the survey.
    static func missingSurvey(_ unit: Unit, component: Component) -> Self {
        .error("survey.missing", zh: "单位 \(unit.id)（\(unit.name)）缺少民意调查数据（项目 \(component.id)）；请在 survey.csv 中加一行",
               en: "unit \(unit.id) (\(unit.name)) has no survey counts (component \(component.id)); add a row to survey.csv")
    }

    /// Every component of a part n/a for one unit.
    static func allNotApplicable(_ unit: Unit, part: Part) -> Self {
        .error("scores.all-not-applicable", zh: "单位 \(unit.id)（\(unit.name)）在部分 \(part.id)（\(part.name)）的所有项目都写了不适用，无法按比例折算；至少一个项目须有得分",
               en: "every component of part \(part.id) (\(part.name)) is n/a for unit \(unit.id) (\(unit.name)), so there is nothing to rescale; at least one component needs a score")
    }

    /// A unit with no score for a component.
    static func missingScore(_ unit: Unit, component: Component) -> Self {
        .error("scores.missing", zh: "单位 \(unit.id)（\(unit.name)）缺少项目 \(component.id)（\(component.name)）的得分；请在 scores.csv 中加一行",
               en: "unit \(unit.id) (\(unit.name)) has no score for component \(component.id) (\(component.name)); add a row to scores.csv")
    }
}
