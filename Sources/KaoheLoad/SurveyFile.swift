import KaoheModel
import KaoheInput
/// Validates `survey.csv`: public-opinion survey counts (民意调查) per unit.
enum SurveyFile {
    /// The valid rows, and every unit a row named (valid or not).
    static func validate(_ table: DataTable, context: ValidationContext, diagnostics: inout [Diagnostic])
        -> (surveys: [SurveyRecord], attempted: Set<String>, usage: FileUsage) {
        var firstLine: [String: Int] = [:]
        var attempted = Set<String>()
        let (surveys, usage) = table.validateRows(diagnostics: &diagnostics) { row -> SurveyRecord? in
            let unit = context.unit(&row)
            let satisfied = row.count("satisfied", zhWhat: "满意人数", enWhat: "satisfied count")
            let basic = row.count("basic", zhWhat: "基本满意人数", enWhat: "basic count")
            let dissatisfied = row.count("dissatisfied", zhWhat: "不满意人数", enWhat: "dissatisfied count")
            if let satisfied, let basic, let dissatisfied, satisfied + basic + dissatisfied == 0 {
                row.report("satisfied", .noSurveyAnswers)
            }
            if let unit { attempted.insert(unit) }
            if let unit, let first = firstLine[unit] {
                row.report("unit", .duplicateSurveyUnit(unit, first: first))
            }
            guard !row.hasErrors, let unit, let satisfied, let basic, let dissatisfied else { return nil }
            firstLine[unit] = row.row.line
            return SurveyRecord(unit: unit, satisfied: satisfied, basic: basic, dissatisfied: dissatisfied, source: row.source)
        }
        return (surveys, attempted, usage)
    }
}

extension Diagnostic.Message {
    static var noSurveyAnswers: Self {
        .error("survey.no-answers", zh: "调查人数合计为 0；至少应有一份有效答卷",
               en: "the survey has no answers (total 0); at least one answer is needed")
    }

    static func duplicateSurveyUnit(_ unit: String, first: Int) -> Self {
        .error("survey.duplicate-unit", zh: "单位 \(unit) 的民意调查已在第 \(first) 行给出；每个单位只能有一行",
               en: "unit \(unit) already has survey counts on line \(first); give one row per unit")
    }
}
