import KaoheModel
import KaoheInput
/// Validates `scores.csv`, the year-end component scores (年终考核得分).
enum ScoresFile {
    /// The valid scores, and every unit–component pair a row named (valid or not), so that a
    /// rejected row is not reported a second time as a missing score.
    /// How a score that does not apply is written.
    static let notApplicable: Set<String> = ["n/a", "na", "不适用"]

    static func validate(_ table: DataTable, context: ValidationContext, diagnostics: inout [Diagnostic])
        -> (scores: [ScoreRecord], attempted: Set<String>, usage: FileUsage) {
        var attempted = Set<String>()
        var firstLine: [String: Int] = [:]
        let surveyComponent = context.criteria.survey?.component
        let (scores, usage) = table.validateRows(diagnostics: &diagnostics) { row -> ScoreRecord? in
            let unit = context.unit(&row)
            var component: String?
            if let text = row.required("component", what: "项目", "component") {
                if let id = context.components.resolve(text, byNameToo: false) {
                    if id == surveyComponent {
                        row.report("component", .surveyComponentScored(id))
                    } else {
                        component = id
                    }
                } else {
                    let hint = row.table.suggestions.take() ? context.components.hint(for: text) : ("", "")
                    let known = context.components.entries.map(\.id).filter { $0 != surveyComponent }.joined(separator: ", ")
                    row.report("component", .unknownComponent(text, known: known, hint: hint))
                }
            }
            // nil: no valid score; .some(nil): not applicable (n/a, 不适用).
            var score: ExactDecimal??
            if let text = row.required("score", what: "得分", "score") {
                if ScoresFile.notApplicable.contains(text.lowercased()) {
                    score = .some(nil)
                } else if let value = row.decimal("score", text, zhWhat: "得分", enWhat: "score") {
                    let full = component.flatMap { id in context.criteria.components.first { $0.id == id }?.max }
                        ?? context.criteria.scale
                    if value.isNegative || value > full {
                        row.report("score", .scoreOutOfRange(text, scale: full))
                    } else {
                        score = value
                    }
                }
            }
            if let unit { attempted.insert("\(unit)\u{1F}\(component ?? row.text("component"))") }
            if let unit, let component, let first = firstLine["\(unit)\u{1F}\(component)"] {
                row.report("component", .duplicateScore(unit: unit, component: component, first: first))
            }
            guard !row.hasErrors, let unit, let component, let score else { return nil }
            firstLine["\(unit)\u{1F}\(component)"] = row.row.line
            return ScoreRecord(unit: unit, component: component, score: score, source: row.source)
        }
        return (scores, attempted, usage)
    }
}

extension Diagnostic.Message {
    /// A score row for the component the survey scores.
    static func surveyComponentScored(_ id: String) -> Self {
        .error("scores.survey-component", zh: "项目 \"\(id)\" 的得分由 survey.csv 的民意调查计算，不应在 scores.csv 中填写；请删除此行",
               en: "component \"\(id)\" is scored from survey.csv; remove this row from scores.csv")
    }

    /// A component that is not in the criteria; `known` lists the valid ids.
    static func unknownComponent(_ text: String, known: String, hint: (zh: String, en: String)) -> Self {
        .error("scores.unknown-component", zh: "未知项目 \"\(text)\"；可用的项目编号：\(known)\(hint.zh)",
               en: "unknown component \"\(text)\"; known component ids: \(known)\(hint.en)")
    }

    static func scoreOutOfRange(_ text: String, scale: ExactDecimal) -> Self {
        .error("scores.out-of-range", zh: "得分 \(text) 超出范围；应在 0 到 \(scale) 之间，不适用的项目写 n/a（或“不适用”）",
               en: "score \(text) is out of range; it must be between 0 and \(scale), or n/a when the component does not apply")
    }

    static func duplicateScore(unit: String, component: String, first: Int) -> Self {
        .error("scores.duplicate", zh: "单位 \(unit) 的项目 \(component) 已在第 \(first) 行给出得分；每个单位每个项目只能有一个得分",
               en: "unit \(unit) already has a score for \(component) on line \(first); give one score per unit and component")
    }
}
