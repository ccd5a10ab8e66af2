import KaoheKit
/// `kaohe report DATA`: the whole year in one document (printable HTML with charts, or text,
/// Markdown, CSV of the annual results); `--format json` gives the grade JSON.
struct ReportCommand: DatasetCommand {
    static let name = "report"
    static let abstract = LocalizedText(zh: "全年报告", en: "the whole year in one document")
    static let usage = LocalizedText(zh: "[选项]", en: "[options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "全年和全部单位：总体情况、年度排名、各期间结果、月通报、数据质量，附各单位计算过程和各月通报；\n--format html 为可打印的 A4 文档（含图表），--format json 与 grade 的 JSON 相同。",
        en: "The whole year and every unit: overview, annual ranking, period results, monthly bulletins and\ndata quality, with each unit's computation and every bulletin appended; --format html is a\nprintable A4 document with charts, --format json the same as grade's.")
    static let examples = ["kaohe report Samples/demo-2025 --format html --output report.html"]
    static var options: [Option<ReportCommand>] { [] }

    /// A selection or a period makes no sense for the whole year.
    static func refusal(of option: String) -> LocalizedText? {
        guard ["--unit", "--group", "--quarter", "--half", "--month", "--annual", "--explain"].contains(option) else { return nil }
        return LocalizedText(zh: "report 总是包含全年和全部单位，不接受 --unit、--group、--quarter、--half、--month、--annual 或 --explain",
                             en: "report always covers the whole year and every unit; it takes no --unit, --group, --quarter, --half, --month, --annual or --explain")
    }

    var folder: String
    var shared = SharedOptions()

    init(folder: String) { self.folder = folder }

    func run(_ year: Year) -> CommandOutput {
        shared.render(year.assess().report)
    }
}
