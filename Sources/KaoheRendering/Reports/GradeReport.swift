import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// The annual results (年度考核结果) as a document: one row per unit, then the band summary.
package enum GradeReport {
    package static func document(_ assessment: Assessment, title: String, units: [UnitResult]? = nil, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        var document = Document(title: title, subtitle: l("年度考核结果", "Annual results") + " · \(l.title)")
        document.add(.table(table(assessment, units: units ?? assessment.units, l)))
        var lines = units == nil ? summary(assessment, l).map { Line($0) } : []
        let legend = flagLegend(units ?? assessment.units, criteria: assessment.criteria, l)
        if !legend.isEmpty {
            if lines.isEmpty { lines.append(Line("")) }
            lines.append(Line(l("标记：", "Flags: ") + legend))
        }
        if !lines.isEmpty { document.add(.lines(lines)) }
        let notes = (units ?? assessment.units).flatMap { result in
            ruleNotes(result, criteria: assessment.criteria, l).map { "\(result.unit.id) \(result.unit.name)：" + $0 }
        }
        if !notes.isEmpty {
            document.add(.lines([Line(""), Line(l("计分说明：", "Scoring notes:"))] + notes.map { Line($0, indent: 1) }))
        }
        return document
    }

    static func table(_ assessment: Assessment, units: [UnitResult], _ l: Labels) -> Table {
        let criteria = assessment.criteria
        var headers = [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group")]
        headers += criteria.parts.map { l.part($0) }
        let graded = criteria.hasBands
        headers += [l("加分", "Bonus"), l("减分", "Penalty"), l("总分", "Total")] + (graded ? [l("等次", "Band")] : [])
        headers += [l("排名", "Rank"), l("目标责任", "Target"), l("标记", "Flags")]
        // One row per unit, made when a renderer reads it.
        var table = Table(headers: headers, count: units.count, primary: true) { index in
            let result = units[index]
            var row: [Cell] = [.text(result.unit.id), .text(result.unit.name), .text(result.unit.group)]
            row += result.partScores.map { l.cell($0) }
            row += [l.cell(result.bonus.applied), l.cell(result.penalty.applied), l.cell(result.total)]
            if graded { row.append(.text(l.band(result.band) + (result.vetoed ? l("（否决）", " (veto)") : ""))) }
            row += [result.rank.map(Cell.integer) ?? .text("-"), l.cell(result.contribution),
                    .text(flags(shownFlags(result, graded: graded), l))]
            return row
        }
        table.sheet = l("年度结果", "Results")
        return table
    }

    static func flags(_ flags: [String], _ l: Labels) -> String {
        flags.map { flag in
            switch flag {
            case "commend": return l("表扬", "commend")
            case "gate": return l("单项否决", "gate")
            case "quota": return l("限额", "quota")
            case "veto": return l("一票否决", "vetoed")
            default: return flag
            }
        }
            .joined(separator: l("、", ", "))
    }

    /// The flags a results row shows: a vetoed unit is not shown as commended, and without bands
    /// the veto is a flag.
    static func shownFlags(_ result: UnitResult, graded: Bool) -> [String] {
        var shown = result.vetoed ? result.flags.filter { $0 != "commend" } : result.flags
        if !graded && result.vetoed { shown.append("veto") }
        return shown
    }

    /// What each flag shown in the 标记 column means.
    static func flagLegend(_ units: [UnitResult], criteria: Criteria, _ l: Labels) -> String {
        let shown = Set(units.flatMap { shownFlags($0, graded: criteria.hasBands) })
        var parts: [String] = []
        if shown.contains("commend"), let commend = criteria.survey?.commend {
            parts.append(l("表扬 = 民意调查满意率不低于 \(commend)", "commend = survey rate at least \(commend)"))
        }
        if shown.contains("gate") {
            parts.append(l("单项否决 = 某项得分低于单项否决分数线，等次受限", "gate = a score below a gate's minimum capped the band"))
        }
        if shown.contains("quota"), let quota = criteria.quota {
            parts.append(l("限额 = 总分达到\(l.band(quota.band))但超出名额，降一等", "quota = reached \(l.band(quota.band)) but over its quota, one band lower"))
        }
        if shown.contains("veto") {
            parts.append(l("一票否决 = 不参加排名", "vetoed = not ranked"))
        }
        return parts.joined(separator: l("；", "; "))
    }

    /// Where the options of a scheme acted on a unit (docs/scoring.md §1.2, §3.1, §5.1, §6.1,
    /// §7.1, §8.1), in the words of the scheme: "办事服务不适用，按比例折算 × 100 ÷ 75",
    /// "加分未计入：基础分 78.00 < 80.01", "单项 网站 18.00 < 21，等次不高于 不合格".
    package static func ruleNotes(_ result: UnitResult, criteria: Criteria, _ l: Labels) -> [String] {
        var notes: [String] = []
        if let rescale = result.periods.first?.rescale {
            let names = result.unit.exempt.map(l.category).joined(separator: l("、", ", "))
            notes.append(l("\(names)不适用，按比例折算 × \(rescale.scale) ÷ \(rescale.applicablePoints)",
                           "\(names) not applicable: rescaled × \(rescale.scale) ÷ \(rescale.applicablePoints)"))
        }
        for part in result.parts {
            guard case .scores(let components, let rescaledBy?) = part.detail else { continue }
            let names = components.filter { $0.score == nil }.map { l.component($0.component) }.joined(separator: l("、", ", "))
            let factor = components.first?.component.isPoints == true ? "× \(criteria.scale) ÷ \(rescaledBy)" : "÷ \(rescaledBy)"
            notes.append(l("\(l.part(part.part))中\(names)不适用，按比例折算 \(factor)",
                           "\(l.part(part.part)): \(names) n/a, rescaled \(factor)"))
        }
        if let withheld = result.bonus.withheld, let minimum = result.bonus.minimum {
            notes.append(l("加分 \(l.number(withheld)) 未计入：基础分 \(l.number(result.base)) < \(minimum)",
                           "bonus \(l.number(withheld)) not counted: base \(l.number(result.base)) < \(minimum)"))
        }
        if let ceiling = criteria.ceiling, result.baseTotal > ceiling {
            notes.append(l("总分 \(l.number(result.baseTotal)) 超过上限 \(ceiling)，按 \(ceiling) 计",
                           "total \(l.number(result.baseTotal)) is above the ceiling \(ceiling): \(ceiling) counts"))
        }
        if case .gate = result.bandReason {
            for hit in result.gateHits {
                let name = ExplainReport.gateTarget(hit.gate, criteria: criteria, l)
                notes.append(l("单项 \(name) \(l.input(hit.score)) < \(hit.gate.min)，等次不高于 \(l.band(hit.gate.band))",
                               "\(name) \(l.input(hit.score)) < \(hit.gate.min): band at most \(l.band(hit.gate.band))"))
            }
        }
        if result.vetoed, criteria.veto.score != nil {
            notes.append(l("一票否决，总分定为 \(l.number(result.total))（按各部分计算为 \(l.number(result.scoredTotal))）",
                           "one-vote veto: total fixed at \(l.number(result.total)) (the parts give \(l.number(result.scoredTotal)))"))
        }
        return notes
    }

    /// Units per band, vetoes and the quota as applied.
    static func summary(_ assessment: Assessment, _ l: Labels) -> [String] {
        let counts = assessment.criteria.bands.map { band in
            "\(l.band(band.name)) \(assessment.units.reduce(0) { $0 + ($1.band == band.name ? 1 : 0) })"
        }
        var lines = [""]
        if !counts.isEmpty { lines.append(l("等次分布：", "Bands: ") + counts.joined(separator: l("，", ", "))) }
        let vetoed = assessment.units.lazy.filter(\.vetoed).map { "\($0.unit.id) \($0.unit.name)" }
        if !vetoed.isEmpty {
            lines.append(l("一票否决：", "Vetoed: ") + vetoed.joined(separator: l("，", ", ")))
        }
        if let quota = assessment.quota {
            var line = l("\(l.band(quota.band))限额：\(quota.share) × \(assessment.units.count) 个单位，取整为 \(quota.allowed) 个；达到分数线 \(quota.reached) 个",
                         "\(l.band(quota.band)) quota: \(quota.share) × \(assessment.units.count) units, floor \(quota.allowed); \(quota.reached) reached the threshold")
            if !quota.movedDown.isEmpty {
                line += l("，\(quota.movedDown.joined(separator: "、")) 因限额降为下一等次",
                          "; \(quota.movedDown.joined(separator: ", ")) moved down one band by the quota")
            }
            lines.append(line)
        }
        return lines
    }
}
