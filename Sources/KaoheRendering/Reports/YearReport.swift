import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe report`: the whole year in one document.
///
/// 1. Overview: units per band with thresholds, vetoes, the quota as applied, the share in the
///    target-responsibility assessment, consequences per kind, and the annual results table
///    (the table `--format csv` exports).
/// 2. Annual ranking per group: a bar chart of totals in rank order with the band thresholds as
///    dashed reference lines, then the ranking table.
/// 3. Period results (季度/半年/月度, the checks part's period) per group: a line chart of the
///    group's highest, average and lowest period score (one line per unit would be unreadable
///    for 25 units), the per-unit period scores behind it, and the last places.
/// 4. Monthly bulletins: units rated 不合格 per month and group (bars) and the month table.
/// 5. Data quality (docs/data-files.md).
/// Appendix 1: one page per unit with its audit trail and consequences. Appendix 2: the twelve
/// monthly bulletins, one page each.
package enum YearReport {
    package static func document(_ assessment: Assessment, dataset: Dataset, quality: DataQuality, folder: String,
                                language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        let criteria = assessment.criteria
        var document = Document(title: dataset.title,
                                subtitle: l("\(assessment.year) 年度政务公开考核报告", "Government affairs openness assessment \(assessment.year)")
                                    + " · \(l.title)")
        document.kind = .report
        document.footer = l("评分标准 \(criteria.id) · 数据 \(folder)", "Criteria \(criteria.id) · data \(folder)")
        var section = 0
        func heading(_ zh: String, _ en: String) -> Block {
            section += 1
            return .heading(language == .zh ? "\(chineseNumber(section))、\(zh)" : "\(section). \(en)", level: 1)
        }

        document.add(heading("总体情况", "Overview"))
        document.add(contentsOf: overview(assessment, l))

        document.add(heading("年度排名", "Annual ranking"))
        for group in assessment.annualRanking.groups {
            document.add(.heading(group.group, level: 2))
            document.add(.chart(totalsChart(assessment, group: group, l)))
            var table = RankReport.annualTable(assessment, group: group, l)
            table.primary = false
            table.caption = nil
            document.add(.table(table))
        }

        if criteria.checksPart != nil, !assessment.periodRankings.isEmpty {
            let kind = l.periodKind(criteria.checksPeriod)
            document.add(heading("\(kind)考核", "\(capitalized(kind)) results"))
            document.add(.paragraph(l("折线为各类别单位\(kind)得分的最高分、平均分和最低分；平均分为算术平均，保留 \(criteria.places) 位小数，仅用于图示。各单位得分见下表。",
                                      "The lines show the highest, average and lowest \(kind) score of each group; the average is the arithmetic mean to \(criteria.places) decimals, for the chart only. Each unit's scores are in the table.")))
            for group in assessment.groups {
                document.add(.heading(group, level: 2))
                document.add(contentsOf: periodBlocks(assessment, group: group, l))
            }
        }

        // A scheme without daily checks has no monthly bulletin.
        let bulletins = criteria.hasChecks
        if bulletins {
            document.add(heading("月通报情况", "Monthly bulletins"))
            document.add(contentsOf: monthBlocks(assessment, l))
        }

        document.add(heading("数据质量", "Data quality"))
        document.add(contentsOf: CheckReport.quality(quality, dataset: dataset, language: language).map(secondary))

        document.add(.pageBreak)
        document.add(.heading(l("附件一　各单位考核计算过程", "Appendix 1. How each unit's result is computed"), level: 1))
        for (index, result) in assessment.units.enumerated() {
            if index > 0 { document.add(.pageBreak) }
            let explain = ExplainReport.document(assessment, unit: result, title: dataset.title, language: language)
            document.add(.heading(explain.subtitle ?? "\(result.unit.id) \(result.unit.name)", level: 2))
            document.add(contentsOf: explain.blocks.map(secondary))
        }

        guard bulletins else { return document }
        document.add(.pageBreak)
        document.add(.heading(l("附件二　月通报", "Appendix 2. Monthly bulletins"), level: 1))
        for month in 1...12 {
            if month > 1 { document.add(.pageBreak) }
            let bulletin = BulletinReport.document(assessment, month: month, title: dataset.title, office: dataset.office,
                                                   docNumber: dataset.docNumber, language: language)
            document.add(.heading(bulletin.subtitle ?? bulletin.title, level: 2))
            document.add(contentsOf: bulletin.blocks.map(secondary))
        }
        return document
    }

    /// Blocks reused from other reports: their tables are not the one CSV exports.
    static func secondary(_ block: Block) -> Block {
        guard case .table(var table) = block else { return block }
        table.primary = false
        return .table(table)
    }

    // MARK: - Overview

    static func overview(_ assessment: Assessment, _ l: Labels) -> [Block] {
        let criteria = assessment.criteria
        var blocks: [Block] = []
        let groups = assessment.groups.map { group in
            l("\(group) \(assessment.units.filter { $0.unit.group == group }.count) 个", "\(group) \(assessment.units.filter { $0.unit.group == group }.count)")
        }.joined(separator: l("，", ", "))
        blocks.append(.paragraph(l("本年度考核 \(assessment.units.count) 个单位（\(groups)），评分标准为 \(criteria.id)《\(l.title)》。",
                                   "\(assessment.units.count) units assessed (\(groups)) under \(criteria.id) \"\(l.title)\".")))

        var bands = Table(caption: l("等次分布", "Units per band"),
                          headers: [l("等次", "Band"), l("分数线", "Minimum"), l("单位数", "Units")])
        var members: [Line] = []
        for band in criteria.bands {
            let units = assessment.units.filter { $0.band == band.name }
            bands.add([.text(l.band(band.name)), .number(band.min, places: max(0, band.min.normalized.exponent)), .integer(units.count)])
            let names = units.map { $0.unit.name + ($0.vetoed ? l("（否决）", " (veto)") : "") }.joined(separator: l("、", ", "))
            members.append(Line(l("\(l.band(band.name))：", "\(l.band(band.name)): ") + (names.isEmpty ? l("无", "none") : names)))
        }
        if criteria.hasBands {
            blocks.append(.table(bands))
            blocks.append(.lines(members))
        } else {
            blocks.append(.paragraph(l("本评分标准不评等次，只按总分排名。", "The criteria grade no bands: units are ranked by total only.")))
        }

        // The summary's first line counts the bands, which the table above already shows.
        var lines = GradeReport.summary(assessment, l).filter { !$0.isEmpty }.dropFirst(criteria.hasBands ? 1 : 0).map { Line($0) }
        if assessment.units.allSatisfy({ !$0.vetoed }) {
            lines.append(Line(l("一票否决：无", "Vetoed: none")))
        }
        if assessment.quota == nil && criteria.hasBands {
            lines.append(Line(l("等次比例限额：未设置", "Band quota: none")))
        }
        if let low = assessment.units.map(\.contribution).min(), let high = assessment.units.map(\.contribution).max() {
            lines.append(Line(l("目标责任考核：本考核结果按 \(criteria.targetShare)% 计入，满分 \(criteria.targetShare) 分；各单位得分 \(l.number(low)) 至 \(l.number(high)) 分（见下表“目标责任”列）",
                                "Target-responsibility assessment: this result counts \(criteria.targetShare)%, at most \(criteria.targetShare) points; units earn \(l.number(low)) to \(l.number(high)) (column Target below)")))
        }
        blocks.append(.lines(lines))

        var consequences = Table(caption: l("责任追究汇总", "Consequences"),
                                 headers: [l("情形", "Kind"), l("级别", "Level"), l("次数", "Entries"), l("涉及单位", "Units")])
        for kind in ConsequenceKind.allCases {
            let units = assessment.units.filter { $0.consequences.contains { $0.kind == kind } }
            let entries = assessment.units.reduce(0) { $0 + $1.consequences.filter { $0.kind == kind }.count }
            consequences.add([.text(l.consequenceKind(kind)), .integer(kind.level), .integer(entries), .integer(units.count)])
        }
        blocks.append(.table(consequences))

        var results = GradeReport.table(assessment, units: assessment.units, l)
        results.caption = l("年度考核结果一览", "Annual results")
        blocks.append(.table(results))
        return blocks
    }

    // MARK: - Charts

    /// Totals of one group in rank order (vetoed units last, marked), band thresholds dashed.
    static func totalsChart(_ assessment: Assessment, group: GroupRanking, _ l: Labels) -> Chart {
        let criteria = assessment.criteria
        let rows = group.rows.map { assessment.units[$0.unitIndex] }
        let marks = criteria.bands.filter { $0.min > .zero }.map { (label: "\(l.band($0.name)) \($0.min)", value: $0.min) }
        let lowest = (rows.map(\.total) + marks.map(\.value)).min() ?? .zero
        let minimum = axisFloor(lowest)
        let title = l("【\(group.group)】年度总分（纵轴自 \(minimum) 分起，虚线为等次分数线）",
                      "[\(group.group)] Annual totals (axis from \(minimum); dashed lines are band thresholds)")
        return Chart(kind: .bars, title: title,
                     categories: rows.map { $0.unit.name + ($0.vetoed ? l("（否决）", " (veto)") : "") },
                     series: [.init(name: l("总分", "Total"), values: rows.map(\.total))],
                     minimum: minimum, maximum: max(criteria.scale, rows.map(\.total).max() ?? criteria.scale), marks: marks)
    }

    /// A round axis start below `value`: the multiple of 10 under it (one step lower when equal), at least 0.
    static func axisFloor(_ value: ExactDecimal) -> ExactDecimal {
        var tens = value.floor / 10 * 10
        if value.floor < 0 && value.floor % 10 != 0 { tens -= 10 }
        if ExactDecimal(tens) == value { tens -= 10 }
        return ExactDecimal(max(0, tens))
    }

    /// The group's period scores: chart of highest/average/lowest, the table per unit, last places.
    static func periodBlocks(_ assessment: Assessment, group: String, _ l: Labels) -> [Block] {
        let criteria = assessment.criteria
        let members = assessment.units.filter { $0.unit.group == group && !$0.periods.isEmpty }
        guard !members.isEmpty else { return [] }
        let count = members.map(\.periods.count).min() ?? 0
        let labels = assessment.periodRankings.prefix(count).map(\.period.description)
        let summary = assessment.groupSummaries.first { $0.group == group }?.periods.prefix(count) ?? []
        let highest: [ExactDecimal?] = summary.map(\.highest)
        let average: [ExactDecimal?] = summary.map(\.average)
        let lowest: [ExactDecimal?] = summary.map(\.lowest)
        let all = members.flatMap { $0.periods.prefix(count).map(\.score) }
        let minimum = axisFloor(all.min() ?? .zero)
        let maximum = max(criteria.scale, all.max() ?? criteria.scale)
        let kind = l.periodKind(criteria.checksPeriod)
        let chart = Chart(kind: .lines,
                          title: l("【\(group)】\(kind)得分（纵轴自 \(minimum) 分起）", "[\(group)] \(capitalized(kind)) scores (axis from \(minimum))"),
                          categories: labels,
                          series: [.init(name: l("最高分", "Highest"), values: highest),
                                   .init(name: l("平均分", "Average"), values: average),
                                   .init(name: l("最低分", "Lowest"), values: lowest)],
                          minimum: minimum, maximum: maximum)

        let checksPart = criteria.checksPart
        var headers = [l("编号", "ID"), l("单位", "Unit")] + labels
        if let checksPart { headers.append(l.part(checksPart)) }
        headers.append(l("末位次数", "Last places"))
        var table = Table(headers: headers)
        for result in members {
            var row: [Cell] = [.text(result.unit.id), .text(result.unit.name)]
            row += result.periods.prefix(count).map { l.cell($0.score) }
            if let checksPart, let part = result.parts.first(where: { $0.part.id == checksPart.id }) {
                row.append(l.cell(part.score))
            } else if checksPart != nil {
                row.append(.text("-"))
            }
            row.append(.integer(result.consequences.filter { $0.kind == .periodLast }.count))
            table.add(row)
        }

        var lasts: [Line] = []
        for ranking in assessment.periodRankings {
            guard let groupRanking = ranking.groups.first(where: { $0.group == group }) else { continue }
            let names = groupRanking.rows.filter(\.last).map { row -> String in
                let unit = assessment.units[row.unitIndex]
                return "\(unit.unit.id) \(unit.unit.name)（\(l.number(row.score))）"
            }
            lasts.append(Line(l("\(ranking.period) 末位：", "\(ranking.period) last place: ")
                              + (names.isEmpty ? l("无", "none") : names.joined(separator: l("、", ", ")))))
        }
        return [.chart(chart), .table(table), .lines(lasts)]
    }

    /// Units rated 不合格 per month, by group; then the month table.
    static func monthBlocks(_ assessment: Assessment, _ l: Labels) -> [Block] {
        let months = Array(1...12)
        let series = assessment.groups.map { group in
            Chart.Series(name: group, values: months.map { month in
                ExactDecimal(assessment.units.filter { $0.unit.group == group && !$0.months[month - 1].passed }.count)
            })
        }
        let highest = series.flatMap(\.values).compactMap { $0 }.max() ?? .zero
        let top = max(5, (highest.floor + 4) / 5 * 5)
        let chart = Chart(kind: .bars, title: l("各月不合格单位数", "Units rated fail per month"),
                          categories: months.map { l("\($0)月", monthName($0)) }, series: series,
                          minimum: .zero, maximum: ExactDecimal(top))

        var headers = [l("月份", "Month"), l("合格", "Pass"), l("不合格", "Fail")]
        headers += assessment.groups.map { l("\($0)不合格", "\($0) fail") }
        headers.append(l("不合格项", "Failed checks"))
        var table = Table(headers: headers)
        for month in months {
            let failing = assessment.units.filter { !$0.months[month - 1].passed }
            let checks = assessment.units.reduce(0) { $0 + $1.months[month - 1].failed }
            var row: [Cell] = [.text(PeriodKind.month.label(year: assessment.year, index: month)),
                               .integer(assessment.units.count - failing.count), .integer(failing.count)]
            row += assessment.groups.map { group in .integer(failing.filter { $0.unit.group == group }.count) }
            row.append(.integer(checks))
            table.add(row)
        }
        return [.chart(chart), .table(table)]
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func monthName(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(0, min(11, month - 1))]
    }

    /// 一 … 十九 for section numbers.
    static func chineseNumber(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[max(0, n)] }
        if n < 20 { return "十" + (n == 10 ? "" : digits[n - 10]) }
        return String(n)
    }
}
