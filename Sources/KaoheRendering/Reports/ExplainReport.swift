import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe grade --unit ID --explain`: the audit trail of one unit, every number with the
/// numbers and input lines it came from, so a unit head can recompute it by hand.
public enum ExplainReport {
    public static func document(_ assessment: Assessment, unit result: UnitResult, title: String, language: Language) -> Document {
        let text = render(assessment, unit: result, language: language)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let heading = lines.isEmpty ? "" : lines.removeFirst()
        return Document(title: title, subtitle: heading, blocks: [.lines(lines.map { line in
            let spaces = line.prefix { $0 == " " }.count
            return Line(String(line.dropFirst(spaces)), indent: spaces / 2)
        })])
    }

    static func render(_ assessment: Assessment, unit result: UnitResult, language: Language) -> String {
        let criteria = assessment.criteria
        let l = Labels(language: language, criteria: criteria)
        let n = l.number
        var out = l("\(result.unit.id) \(result.unit.name)（\(result.unit.group)）\(assessment.year) 年度考核计算过程",
                    "\(result.unit.id) \(result.unit.name) (\(result.unit.group)): how the \(assessment.year) result is computed") + "\n"
        out += l("评分标准：", "Criteria: ") + "\(criteria.id) \(l.title)\n"
        out += l("所有数字按四舍五入保留 \(criteria.places) 位小数，后续计算使用已取整的数。",
                 "Every number is rounded half-up to \(criteria.places) decimals; later steps use the rounded numbers.") + "\n"

        var weighted: [String] = []
        for (index, part) in result.parts.enumerated() {
            out += "\n\(index + 1). \(l.part(part.part))" + l("（权重 \(part.part.weight)）", " (weight \(part.part.weight))") + "\n"
            switch part.detail {
            case .checks(let periodScores, let sum):
                for period in result.periods {
                    out += "  \(period.label)\n"
                    for category in period.categories where !category.failures.isEmpty {
                        let name = l.category(category.category)
                        let floor = category.deducted > category.points ? l("（扣完为止）", " (floored at 0)") : ""
                        out += "    \(name) \(category.points) − \(category.deducted) = \(n(category.score))\(floor)\n"
                        for failure in category.failures {
                            let text = l.note(failure)
                            let note = text.isEmpty ? "" : " \(text)"
                            out += "      \(failure.source)  \(failure.date)  \(l.item(failure.item))  −\(failure.deduction)\(note)\n"
                        }
                    }
                    let terms = period.categories.map { n($0.score) }.joined(separator: " + ")
                    out += "    " + l("期间得分", "period score") + " = \(terms) = \(n(period.score))\n"
                }
                let terms = periodScores.map(n).joined(separator: " + ")
                out += "  \(l.part(part.part)) = (\(terms)) ÷ \(periodScores.count) = \(n(sum)) ÷ \(periodScores.count) = \(n(part.score))\n"
            case .scores(let components):
                for component in components {
                    let source = component.source.map { "  (\($0))" } ?? ""
                    out += "  \(l.component(component.component)) \(n(component.score)) × \(component.component.weight)\(source)\n"
                    if component.component.id == criteria.survey?.component, let survey = result.survey, let rule = criteria.survey {
                        let r = survey.record
                        out += "    " + l("满意率", "rate") + " = (\(r.satisfied) + \(rule.basicWeight) × \(r.basic)) ÷ (\(r.satisfied) + \(r.basic) + \(r.dissatisfied)) = \(survey.rate.formatted(places: 4))"
                        out += l("，得分 = \(survey.rate.formatted(places: 4)) × 100 = \(n(component.score))", "; score = \(survey.rate.formatted(places: 4)) × 100 = \(n(component.score))") + "\n"
                    }
                }
                let terms = components.map { "\(n($0.score)) × \($0.component.weight)" }.joined(separator: " + ")
                out += "  \(l.part(part.part)) = \(terms) = \(n(part.score))\n"
            }
            weighted.append("\(n(part.score)) × \(part.part.weight)")
        }

        out += "\n" + l("加分与减分", "Bonus and penalty") + "\n"
        for (label, adjustment) in [(l("加分", "bonus"), result.bonus), (l("减分", "penalty"), result.penalty)] {
            for event in adjustment.events {
                out += "  \(event.source)  \(event.date)  \(label) \(event.points?.description ?? "")  \(event.clause) \(event.note)\n"
            }
            let cap = adjustment.cap.map { l("，上限 \($0)", ", cap \($0)") } ?? ""
            out += "  \(label) = \(adjustment.sum)\(cap) → \(n(adjustment.applied))\n"
        }

        out += "\n" + l("总分", "Total") + " = " + weighted.joined(separator: " + ")
            + " + \(n(result.bonus.applied)) − \(n(result.penalty.applied)) = \(result.unroundedTotal)"
        if result.unroundedTotal < .zero || result.unroundedTotal > criteria.scale {
            out += l("，限定在 0 到 \(criteria.scale) 之间", ", kept within 0…\(criteria.scale)")
        }
        out += " → \(n(result.total))\n"

        out += l("等次：", "Band: ")
        switch result.bandReason {
        case .threshold:
            let min = criteria.bands.first { $0.name == result.band }?.min ?? .zero
            out += l("\(n(result.total)) ≥ \(min)，为\(l.band(result.band))", "\(n(result.total)) ≥ \(min): \(l.band(result.band))") + "\n"
        case .quota(let reached):
            let quota = assessment.quota
            out += l("总分达到\(l.band(reached))，但\(l.band(reached))限额为 \(quota?.allowed ?? 0) 个（分数线 \(quota?.cut.map(n) ?? "-")），降为\(l.band(result.band))",
                     "the total reached \(l.band(reached)), but its quota is \(quota?.allowed ?? 0) units (cut at \(quota?.cut.map(n) ?? "-")): \(l.band(result.band))") + "\n"
        case .veto(let reached):
            let lines = result.vetoes.map { "\($0.source) \($0.date) \($0.clause) \($0.note)" }.joined(separator: "; ")
            out += l("一票否决（\(lines)），定为\(l.band(result.band))；按总分本为\(l.band(reached))",
                     "one-vote veto (\(lines)): \(l.band(result.band)); the total alone gives \(l.band(reached))") + "\n"
        }
        out += l("类别内排名：", "Rank in group: ") + (result.rank.map(String.init) ?? l("不参与排名（一票否决）", "unranked (veto)")) + "\n"
        out += l("目标责任考核得分", "Target-responsibility points") + " = \(n(result.total)) × \(criteria.targetShare) ÷ 100 = \(n(result.contribution))\n"
        if !result.flags.isEmpty { out += l("标记：", "Flags: ") + GradeReport.flags(result.flags, l) + "\n" }

        out += "\n" + l("责任追究", "Consequences") + "\n"
        if result.consequences.isEmpty { out += "  " + l("无", "none") + "\n" }
        for consequence in result.consequences {
            let evidence = consequence.evidence.map { "  \($0)" } ?? ""
            let detail = l.consequenceDetail(consequence).map { "  \($0)" } ?? ""
            let actions = (criteria.consequences[consequence.kind]?.texts(language) ?? []).joined(separator: l("、", "; "))
            out += "  [" + l("\(consequence.level)", "level \(consequence.level)") + "] \(l.consequenceKind(consequence.kind))  \(consequence.period)\(evidence)\(detail)\n"
            if !actions.isEmpty { out += "      → \(actions)\n" }
        }
        return out
    }
}
