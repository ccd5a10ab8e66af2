/// `kaohe rank` as text: one table per group.
public enum RankText {
    /// A period ranking (季/半年/月) with category scores.
    public static func period(_ ranking: Ranking, scores: [PeriodScore], units: [Unit], criteria: Criteria,
                              title: String, language: Language) -> String {
        let l = Labels(language: language, criteria: criteria)
        var out = "\(title)\n" + l("\(ranking.period) 考核排名", "Ranking \(ranking.period)") + "\n"
        for group in ranking.groups {
            out += "\n【\(group.group)】\n"
            var headers = [l("名次", "Rank"), l("编号", "ID"), l("单位", "Unit")]
            headers += criteria.categories.map { l.name($0.name, en: $0.en) }
            headers += [l("得分", "Score"), l("末位", "Last")]
            var table = TextTable(headers: headers,
                                  alignments: [.right, .left, .left] + criteria.categories.map { _ in .right } + [.right, .left])
            for row in group.rows {
                let unit = units[row.unitIndex]
                var cells = [row.rank.map(String.init) ?? "-", unit.id, unit.name]
                cells += scores[row.unitIndex].categories.map { l.number($0.score) }
                cells += [l.number(row.score), row.last ? l("末位", "last") : ""]
                table.add(cells)
            }
            out += table.render()
        }
        return out
    }

    /// The annual ranking: totals, bands, parts; vetoed units last without rank.
    public static func annual(_ assessment: Assessment, title: String, language: Language) -> String {
        let l = Labels(language: language, criteria: assessment.criteria)
        var out = "\(title)\n" + l("\(assessment.year) 年度排名", "Annual ranking \(assessment.year)") + "\n"
        for group in assessment.annualRanking.groups {
            out += "\n【\(group.group)】\n"
            var headers = [l("名次", "Rank"), l("编号", "ID"), l("单位", "Unit")]
            headers += assessment.criteria.parts.map { l.part($0) }
            headers += [l("总分", "Total"), l("等次", "Band"), l("末位", "Last")]
            var table = TextTable(headers: headers,
                                  alignments: [.right, .left, .left] + assessment.criteria.parts.map { _ in .right } + [.right, .left, .left])
            for row in group.rows {
                let result = assessment.units[row.unitIndex]
                var cells = [row.rank.map(String.init) ?? "-", result.unit.id, result.unit.name]
                cells += result.parts.map { l.number($0.score) }
                cells += [l.number(result.total), l.band(result.band) + (result.vetoed ? l("（否决）", " (veto)") : ""),
                          row.last ? l("末位", "last") : ""]
                table.add(cells)
            }
            out += table.render()
        }
        return out
    }
}
