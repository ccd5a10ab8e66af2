import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe report --format xlsx`: the year as the tables an office sends on, one sheet each —
/// 年度结果, each period's ranking, the twelve monthly bulletins, 扣分明细 (every deduction
/// counted, with its input line), 责任追究 (every consequence) and 数据质量.
package enum YearWorkbook {
    package static func document(_ assessment: Assessment, dataset: Dataset, quality: DataQuality, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        var document = Document(title: dataset.title,
                                subtitle: l("\(assessment.year) 年度政务公开考核报告", "Government affairs openness assessment \(assessment.year)"))
        var results = GradeReport.table(assessment, units: assessment.units, l)
        results.caption = l("年度考核结果一览", "Annual results")
        document.add(.table(results))
        for (index, ranking) in assessment.periodRankings.enumerated() {
            document.add(.table(periodRanking(assessment, ranking: ranking, index: index, l)))
        }
        // A scheme without daily checks has no monthly bulletin.
        for month in 1...12 where assessment.criteria.hasChecks {
            let bulletin = BulletinReport.document(assessment, month: month, title: dataset.title, office: dataset.office,
                                                   docNumber: dataset.docNumber, language: language)
            let tables = bulletin.blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
            if var table = tables.first {
                table.caption = bulletin.subtitle
                document.add(.table(table))
            }
        }
        document.add(.table(deductions(assessment, l)))
        document.add(.table(consequences(assessment, l)))
        let blocks = CheckReport.quality(quality, dataset: dataset, language: language)
        for case .table(var table) in blocks {
            table.caption = l("数据质量", "Data quality")
            table.sheet = table.caption
            document.add(.table(table))
        }
        return document
    }

    /// One period's ranking, every group in one table led by the group.
    static func periodRanking(_ assessment: Assessment, ranking: Ranking, index: Int, _ l: Labels) -> Table {
        let criteria = assessment.criteria
        var headers = [l("类别", "Group"), l("名次", "Rank"), l("编号", "ID"), l("单位", "Unit")]
        headers += criteria.categories.map { l.name($0.name, en: $0.en) }
        headers += [l("得分", "Score"), l("末位", "Last")]
        var table = Table(caption: l("\(ranking.period) 考核排名", "Ranking \(ranking.period)"), headers: headers)
        table.sheet = l("\(ranking.period) 排名", "Ranking \(ranking.period)")
        for group in ranking.groups {
            for row in group.rows {
                let result = assessment.units[row.unitIndex]
                var cells: [Cell] = [.text(group.group), row.rank.map(Cell.integer) ?? .text("-"), .text(result.unit.id), .text(result.unit.name)]
                if index < result.periods.count {
                    cells += result.periods[index].categories.map { $0.exempt ? .text(l("不适用", "n/a")) : l.cell($0.score) }
                } else {
                    cells += criteria.categories.map { _ in .text("-") }
                }
                cells += [l.cell(row.score), .text(row.last ? l("末位", "last") : "")]
                table.add(cells)
            }
        }
        return table
    }

    /// Every failed check the checks part counted, by unit and period, with its input line.
    static func deductions(_ assessment: Assessment, _ l: Labels) -> Table {
        var table = Table(caption: l("扣分明细", "Deductions"),
                          headers: [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group"), l("期间", "Period"), l("扣分类别", "Category"),
                                    l("日期", "Date"), l("检查项", "Item"), l("扣分", "Deduction"), l("整改日期", "Rectified"),
                                    l("备注", "Note"), l("来源", "Source")])
        table.sheet = table.caption
        for result in assessment.units {
            for period in result.periods {
                for category in period.categories {
                    for failure in category.failures {
                        table.add([.text(result.unit.id), .text(result.unit.name), .text(result.unit.group), .text(period.label),
                                   .text(l.category(category.category)), .date(failure.date), .text(l.item(failure.item)),
                                   .number(failure.deduction, places: max(0, failure.deduction.normalized.exponent)),
                                   failure.rectified.map(Cell.date) ?? .text(""), .text(l.note(failure)),
                                   .text(failure.source.description)])
                    }
                }
            }
        }
        return table
    }

    /// Every consequence (责任追究) with its level, period, evidence and the actions the criteria name.
    static func consequences(_ assessment: Assessment, _ l: Labels) -> Table {
        var table = Table(caption: l("责任追究", "Consequences"),
                          headers: [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group"), l("级别", "Level"), l("情形", "Kind"),
                                    l("期间", "Period"), l("依据", "Evidence"), l("情况", "Detail"), l("处理", "Actions")])
        table.sheet = table.caption
        for result in assessment.units {
            for consequence in result.consequences {
                let actions = (assessment.criteria.consequences[consequence.kind]?.texts(l.language) ?? []).joined(separator: l("、", "; "))
                table.add([.text(result.unit.id), .text(result.unit.name), .text(result.unit.group), .integer(consequence.level),
                           .text(l.consequenceKind(consequence.kind)), .text(consequence.period.description),
                           .text(consequence.evidence?.description ?? ""), .text(l.consequenceDetail(consequence) ?? ""),
                           .text(actions)])
            }
        }
        return table
    }
}
