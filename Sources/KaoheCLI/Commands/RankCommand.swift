import KaoheKit
/// `kaohe rank DATA --quarter N | --half N | --month N | --annual [--group NAME]`.
struct RankCommand: DatasetCommand {
    /// The period a ranking is for.
    enum Period: Equatable {
        case period(PeriodKind, Int)
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
        let periods: [(PeriodKind, LocalizedText)] = [
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

    func run(_ dataset: Dataset, quality: DataQuality) -> CommandOutput {
        do {
            if let group { try UnitSelection.check(group: group, in: dataset) }
        } catch {
            return usage(error)
        }
        func only(_ ranking: Ranking) -> Ranking {
            var r = ranking
            if let group { r.groups = r.groups.filter { $0.group == group } }
            return r
        }
        let language = shared.language
        switch period {
        case .period(let kind, let index)?:
            guard dataset.criteria.hasChecks else { return usage(.noDailyChecks(dataset.criteria, command: "rank --\(kind.rawValue)")) }
            let (full, scores) = Assessor.periodRanking(dataset, kind: kind, index: index)
            let ranking = only(full)
            return shared.render(json: { AssessmentJSON.periodRanking(ranking, scores: scores, units: dataset.units) },
                                 document: { RankReport.period(ranking, scores: scores, units: dataset.units, criteria: dataset.criteria,
                                                               title: dataset.title, language: language) })
        case .annual?, nil:
            var assessment = Assessor.assess(dataset)
            assessment.annualRanking = only(assessment.annualRanking)
            return shared.render(json: { AssessmentJSON.annualRanking(assessment) },
                                 document: { RankReport.annual(assessment, title: dataset.title, language: language) })
        }
    }
}

extension UsageError {
    /// A command that needs daily checks, for a scheme without them.
    static func noDailyChecks(_ criteria: Criteria, command: String) -> UsageError {
        UsageError(zh: "评分标准 \(criteria.id) 没有日常检查（没有 checks 部分），因此没有月通报和期间排名，\(command) 无从计算；请用 grade 或 rank --annual",
                   en: "the criteria \(criteria.id) have no daily checks (no checks part), so there is no monthly bulletin or period ranking for \(command); use grade or rank --annual")
    }
}
