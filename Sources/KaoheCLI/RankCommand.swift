import KaoheKit
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
        let language = invocation.language
        switch invocation.rankPeriod {
        case .period(let kind, let index)?:
            let (full, scores) = Assessor.periodRanking(dataset, kind: kind, index: index)
            let ranking = only(full)
            return KaoheCLI.render(invocation,
                                   json: { AssessmentJSON.periodRanking(ranking, scores: scores, units: dataset.units) },
                                   document: { RankReport.period(ranking, scores: scores, units: dataset.units, criteria: dataset.criteria,
                                                                 title: dataset.title, language: language) })
        case .annual?, nil:
            var assessment = Assessor.assess(dataset)
            assessment.annualRanking = only(assessment.annualRanking)
            return KaoheCLI.render(invocation,
                                   json: { AssessmentJSON.annualRanking(assessment) },
                                   document: { RankReport.annual(assessment, title: dataset.title, language: language) })
        }
    }
}
