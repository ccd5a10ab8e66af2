import KaoheKit
/// `kaohe report DATA`: the whole year in one document (printable HTML with charts, or text,
/// Markdown, CSV of the annual results); `--format json` gives the grade JSON.
enum ReportCommand {
    static func run(_ dataset: Dataset, quality: DataQuality, invocation: Invocation) -> CommandOutput {
        let language = invocation.language
        if invocation.unit != nil || invocation.group != nil || invocation.rankPeriod != nil || invocation.month != nil || invocation.explain {
            return KaoheCLI.usage(LocalizedText(zh: "report 总是包含全年和全部单位，不接受 --unit、--group、--quarter、--half、--month、--annual 或 --explain",
                                                en: "report always covers the whole year and every unit; it takes no --unit, --group, --quarter, --half, --month, --annual or --explain"),
                                  language)
        }
        let assessment = Assessor.assess(dataset)
        return KaoheCLI.render(invocation,
                               json: { AssessmentJSON.grade(assessment, language: language) },
                               document: { YearReport.document(assessment, dataset: dataset, quality: quality, folder: invocation.folder,
                                                               language: language) })
    }
}
