import KaoheKit
/// `kaohe rank DATA --quarter N | --half N | --month N | --annual [--group NAME]`.
struct RankCommand: DatasetCommand {
    /// The period a ranking is for.
    enum Period: Equatable {
        case period(PeriodOption, Int)
        case annual
    }

    static let name = "rank"
    static let abstract = LocalizedText(zh: "排名：--quarter N、--half N、--month N 或 --annual",
                                        en: "a ranking: --quarter N, --half N, --month N or --annual")
    static let usage = LocalizedText(zh: "--quarter N|--half N|--month N|--annual [--group 类别] [选项]",
                                     en: "--quarter N|--half N|--month N|--annual [--group NAME] [options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "期间排名按期间得分并列出各类别得分；全年排名按总分，一票否决的单位列在最后、不参与排名。\n每个类别单独排名。",
        en: "A period ranking orders units by period score, with each category's score; the annual ranking\norders them by total, vetoed units last and unranked. Each group is ranked on its own.")
    static let examples = ["kaohe rank Samples/demo-2025 --quarter 2 --group 镇街", "kaohe rank Samples/demo-2025 --annual --format json"]

    static var options: [Option<RankCommand>] {
        let periods: [(PeriodOption, LocalizedText)] = [
            (.quarter, LocalizedText(zh: "第 N 季度（1 到 4）", en: "quarter N (1 to 4)")),
            (.half, LocalizedText(zh: "上半年或下半年（1 或 2）", en: "half-year N (1 or 2)")),
            (.month, LocalizedText(zh: "第 N 月（1 到 12）", en: "month N (1 to 12)")),
        ]
        return periods.map { kind, help in
            let option = "--\(kind.rawValue)"
            return .value(option, LocalizedText(zh: "N", en: "N"), help: help) { (command: inout RankCommand, value: String) throws(UsageError) in
                try command.choose(.period(kind, try kind.number(value, option: option)))
            }
        } + [
            .flag("--annual", help: LocalizedText(zh: "全年，按总分", en: "the whole year, by total")) { (command: inout RankCommand) throws(UsageError) in
                try command.choose(.annual)
            },
            .value("--group", LocalizedText(zh: "类别", en: "NAME"),
                   help: LocalizedText(zh: "只看一个类别", en: "one group only")) { (command: inout RankCommand, value: String) in
                command.group = value
            },
        ]
    }

    var folder: String
    var shared = SharedOptions()
    var period: Period?
    var group: String?

    init(folder: String) { self.folder = folder }

    /// Records the ranking period; only one may be given.
    mutating func choose(_ period: Period) throws(UsageError) {
        guard self.period == nil else { throw UsageError(zh: "只能指定一个排名期间", en: "give only one ranking period") }
        self.period = period
    }

    func validate() throws(UsageError) {
        if period == nil {
            throw UsageError(zh: "rank 需要 --quarter N、--half N、--month N 或 --annual 之一",
                             en: "rank needs one of --quarter N, --half N, --month N or --annual")
        }
    }

    func run(_ year: Year) -> CommandOutput {
        let ranking: RankingPeriod
        switch period {
        case .period(.quarter, let n)?: ranking = .quarter(n)
        case .period(.half, let n)?: ranking = .half(n)
        case .period(.month, let n)?: ranking = .month(n)
        case .annual?, nil: ranking = .annual
        }
        do {
            return shared.render(try year.assess().ranking(ranking, group: group))
        } catch {
            if case .period(let kind, _)? = period, case .noDailyChecks(let criteria) = error {
                return usage(.noDailyChecks(criteria: criteria, command: "rank --\(kind.rawValue)"))
            }
            return usage(.selection(error))
        }
    }
}

extension UsageError {
    /// A command that needs daily checks, for a scheme without them.
    static func noDailyChecks(criteria: String, command: String) -> UsageError {
        UsageError(zh: "评分标准 \(criteria) 没有日常检查（没有 checks 部分），因此没有月通报和期间排名，\(command) 无从计算；请用 grade 或 rank --annual",
                   en: "the criteria \(criteria) have no daily checks (no checks part), so there is no monthly bulletin or period ranking for \(command); use grade or rank --annual")
    }
}
