/// `kaohe rank DATA --quarter N | --half N | --month N | --annual [--group NAME]`.
enum RankCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let group: String?
        switch KaoheCLI.selection(dataset, invocation) {
        case .success(let value): group = value.group
        case .failure(let error): return KaoheCLI.usage(error.message, invocation.language)
        }
        func only(_ ranking: Ranking) -> Ranking {
            var r = ranking
            if let group { r.groups = r.groups.filter { $0.group == group } }
            return r
        }
        switch invocation.rankPeriod {
        case .period(let kind, let index)?:
            let (ranking, scores) = Assessor.periodRanking(dataset, kind: kind, index: index)
            switch invocation.format {
            case .json:
                return CommandOutput(stdout: AssessmentJSON.periodRanking(only(ranking), scores: scores, units: dataset.units).serialized())
            case .text:
                return CommandOutput(stdout: RankText.period(only(ranking), scores: scores, units: dataset.units, criteria: dataset.criteria,
                                                             title: dataset.title, language: invocation.language))
            default:
                return KaoheCLI.unsupported(invocation)
            }
        case .annual?, nil:
            var assessment = Assessor.assess(dataset)
            assessment.annualRanking = only(assessment.annualRanking)
            switch invocation.format {
            case .json: return CommandOutput(stdout: AssessmentJSON.annualRanking(assessment).serialized())
            case .text: return CommandOutput(stdout: RankText.annual(assessment, title: dataset.title, language: invocation.language))
            default: return KaoheCLI.unsupported(invocation)
            }
        }
    }
}
