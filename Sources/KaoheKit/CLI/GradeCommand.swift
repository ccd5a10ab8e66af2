/// `kaohe grade DATA [--unit ID] [--explain]`: annual results.
enum GradeCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let selection: (unit: String?, group: String?)
        switch KaoheCLI.selection(dataset, invocation) {
        case .success(let value): selection = value
        case .failure(let error): return KaoheCLI.usage(error.message, invocation.language)
        }
        let assessment = Assessor.assess(dataset)
        let units = assessment.units.filter { result in
            (selection.unit.map { $0 == result.unit.id } ?? true) && (selection.group.map { $0 == result.unit.group } ?? true)
        }
        let filtered = selection.unit != nil || selection.group != nil ? units : nil
        if invocation.explain, let unit = units.first {
            switch invocation.format {
            case .text: return CommandOutput(stdout: ExplainText.render(assessment, unit: unit, dataset: dataset, language: invocation.language))
            default: return KaoheCLI.unsupported(invocation)
            }
        }
        switch invocation.format {
        case .json:
            return CommandOutput(stdout: AssessmentJSON.grade(assessment, units: filtered, language: invocation.language).serialized())
        case .text:
            return CommandOutput(stdout: GradeText.render(assessment, title: dataset.title, units: filtered, language: invocation.language))
        default:
            return KaoheCLI.unsupported(invocation)
        }
    }
}
