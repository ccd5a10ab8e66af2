/// `kaohe bulletin DATA --month N`: the monthly bulletin (月通报).
enum BulletinCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let month = invocation.month ?? 1
        let assessment = Assessor.assess(dataset)
        switch invocation.format {
        case .json: return CommandOutput(stdout: AssessmentJSON.bulletin(assessment, month: month).serialized())
        case .text: return CommandOutput(stdout: BulletinText.render(assessment, month: month, title: dataset.title, language: invocation.language))
        default: return KaoheCLI.unsupported(invocation)
        }
    }
}
