import KaoheKit
/// `kaohe grade DATA [--unit ID] [--explain]`: annual results.
enum GradeCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let selection: (unit: String?, group: String?)
        switch KaoheCLI.selection(dataset, invocation) {
        case .success(let value): selection = value
        case .failure(let error): return KaoheCLI.usage(error.message, invocation.language)
        }
        let assessment = Assessor.assess(dataset)
        // Only a selection is copied out of the results.
        let filtered = selection.unit == nil && selection.group == nil ? nil : assessment.units.filter { result in
            (selection.unit.map { $0 == result.unit.id } ?? true) && (selection.group.map { $0 == result.unit.group } ?? true)
        }
        let units = filtered ?? assessment.units
        let language = invocation.language
        if invocation.explain, let unit = units.first {
            return KaoheCLI.render(invocation,
                                   json: { AssessmentJSON.grade(assessment, units: [unit], language: language) },
                                   document: { ExplainReport.document(assessment, unit: unit, title: dataset.title, language: language) })
        }
        return KaoheCLI.render(invocation,
                               json: { AssessmentJSON.grade(assessment, units: filtered, language: language) },
                               document: { GradeReport.document(assessment, title: dataset.title, units: filtered, language: language) })
    }
}
