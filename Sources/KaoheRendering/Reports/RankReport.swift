import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Rankings as documents: one table per group.
package enum RankReport {
    /// A period ranking (季/半年/月) with category scores.
    package static func period(_ ranking: Ranking, scores: [PeriodScore], units: [Unit], criteria: Criteria,
                              title: String, language: Language) -> Document {
        let l = Labels(language: language, criteria: criteria)
        var document = Document(title: title, subtitle: l("\(ranking.period) 考核排名", "Ranking \(ranking.period)"))
        for group in ranking.groups {
            var headers = [l("名次", "Rank"), l("编号", "ID"), l("单位", "Unit")]
            headers += criteria.categories.map { l.name($0.name, en: $0.en) }
            headers += [l("得分", "Score"), l("末位", "Last")]
            var table = Table(caption: "【\(group.group)】", headers: headers, primary: true, key: (l("类别", "Group"), group.group))
            for row in group.rows {
                let unit = units[row.unitIndex]
                var cells: [Cell] = [row.rank.map(Cell.integer) ?? .text("-"), .text(unit.id), .text(unit.name)]
                cells += scores[row.unitIndex].categories.map { $0.exempt ? .text(l("不适用", "n/a")) : l.cell($0.score) }
                cells += [l.cell(row.score), .text(row.last ? l("末位", "last") : "")]
                table.add(cells)
            }
            document.add(.table(table))
        }
        return document
    }

    /// The annual ranking: totals, bands, parts; vetoed units last without rank.
    package static func annual(_ assessment: Assessment, title: String, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        var document = Document(title: title, subtitle: l("\(assessment.year) 年度排名", "Annual ranking \(assessment.year)"))
        for group in assessment.annualRanking.groups {
            document.add(.table(annualTable(assessment, group: group, l)))
        }
        return document
    }

    static func annualTable(_ assessment: Assessment, group: GroupRanking, _ l: Labels) -> Table {
        var headers = [l("名次", "Rank"), l("编号", "ID"), l("单位", "Unit")]
        headers += assessment.criteria.parts.map { l.part($0) }
        let graded = assessment.criteria.hasBands
        headers += [l("总分", "Total")] + (graded ? [l("等次", "Band")] : []) + [l("末位", "Last")]
        var table = Table(caption: "【\(group.group)】", headers: headers, primary: true, key: (l("类别", "Group"), group.group))
        for row in group.rows {
            let result = assessment.units[row.unitIndex]
            var cells: [Cell] = [row.rank.map(Cell.integer) ?? .text("-"), .text(result.unit.id), .text(result.unit.name)]
            cells += result.partScores.map { l.cell($0) }
            cells.append(l.cell(result.total))
            if graded {
                cells.append(.text(l.band(result.band) + (result.vetoed ? l("（否决）", " (veto)") : "")))
            }
            cells.append(.text(row.last ? l("末位", "last") : !graded && result.vetoed ? l("一票否决", "vetoed") : ""))
            table.add(cells)
        }
        return table
    }
}
