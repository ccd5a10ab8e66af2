import KaoheKit
/// `kaohe bulletin DATA --month N`: the monthly bulletin (月通报).
enum BulletinCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let month = invocation.month ?? 1
        let assessment = Assessor.assess(dataset)
        return KaoheCLI.render(invocation,
                               json: { AssessmentJSON.bulletin(assessment, month: month) },
                               document: { BulletinReport.document(assessment, month: month, title: dataset.title, language: invocation.language) })
    }
}
