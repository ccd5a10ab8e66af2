import KaoheKit
/// `kaohe bulletin DATA --month N`: the monthly bulletin (月通报).
struct BulletinCommand: DatasetCommand {
    static let name = "bulletin"
    static let abstract = LocalizedText(zh: "月通报：--month N", en: "the monthly bulletin: --month N")
    static let usage = LocalizedText(zh: "--month N [选项]", en: "--month N [options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "该月各单位合格与否及不合格项数，以及检查发现的问题明细；--format html 为 A4 红头通报。",
        en: "Each unit's verdict and failed items for the month, and every problem found in detail;\n--format html prints it as an official bulletin (红头通报) on A4.")
    static let examples = ["kaohe bulletin Samples/demo-2025 --month 5", "kaohe bulletin Samples/demo-2025 --month 5 --format html --output m5.html"]

    static var options: [Option<BulletinCommand>] {
        [
            .value("--month", LocalizedText(zh: "N", en: "N"),
                   help: LocalizedText(zh: "月份（1 到 12）", en: "the month (1 to 12)")) { (command: inout BulletinCommand, value: String) throws(UsageError) in
                command.month = try PeriodOption.month.number(value, option: "--month")
            },
        ]
    }

    var folder: String
    var shared = SharedOptions()
    var month: Int?

    init(folder: String) { self.folder = folder }

    func validate() throws(UsageError) {
        if month == nil { throw UsageError(zh: "bulletin 需要 --month N（1 到 12）", en: "bulletin needs --month N (1 to 12)") }
    }

    func run(_ year: Year) -> CommandOutput {
        do {
            return shared.render(try year.assess().bulletin(month: month ?? 1))
        } catch {
            if case .noDailyChecks(let criteria) = error { return usage(.noDailyChecks(criteria: criteria, command: "bulletin")) }
            return usage(UsageError(error.message))
        }
    }
}
