import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe grade --unit ID --explain`: the audit trail of one unit, every number with the
/// numbers and input lines it came from, so a unit head can recompute it by hand.
package enum ExplainReport {
    package static func document(_ assessment: Assessment, unit result: UnitResult, title: String, language: Language) -> Document {
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
                    for category in period.categories where category.exempt {
                        out += "    \(l.category(category.category)) " + l("不适用", "not applicable") + "\n"
                    }
                    for category in period.categories where !category.failures.isEmpty && !category.exempt {
                        let name = l.category(category.category)
                        let floor = category.deducted > category.points ? l("（扣完为止）", " (floored at 0)") : ""
                        out += "    \(name) \(category.points) − \(category.deducted) = \(n(category.score))\(floor)\n"
                        for failure in category.failures {
                            let text = l.note(failure)
                            let note = text.isEmpty ? "" : " \(text)"
                            out += "      \(failure.source)  \(failure.date)  \(l.item(failure.item))  −\(failure.deduction)\(note)\n"
                        }
                    }
                    let terms = period.categories.filter { !$0.exempt }.map { n($0.score) }.joined(separator: " + ")
                    if let rescale = period.rescale {
                        out += "    " + l("期间得分", "period score") + " = (\(terms)) × \(rescale.scale) ÷ \(rescale.applicablePoints) = \(n(period.score))"
                            + l("（不适用，按比例折算 × \(rescale.scale) ÷ \(rescale.applicablePoints)）", " (not applicable: rescaled × \(rescale.scale) ÷ \(rescale.applicablePoints))") + "\n"
                    } else {
                        out += "    " + l("期间得分", "period score") + " = \(terms) = \(n(period.score))\n"
                    }
                }
                let terms = periodScores.map(n).joined(separator: " + ")
                out += "  \(l.part(part.part)) = (\(terms)) ÷ \(periodScores.count) = \(n(sum)) ÷ \(periodScores.count) = \(n(part.score))\n"
            case .scores(let components, let rescaledBy):
                let inPoints = components.first?.component.isPoints == true
                func term(_ c: ComponentScore) -> String? {
                    guard let score = c.score else { return nil }
                    return inPoints ? l.input(score) : "\(l.input(score)) × \(c.component.weight)"
                }
                for component in components {
                    let source = component.source.map { "  (\($0))" } ?? ""
                    let value: String
                    if component.score == nil {
                        value = l("不适用", "n/a")
                    } else if let max = component.component.max, let score = component.score {
                        value = l.input(score) + l("（满分 \(max)）", " (of \(max))")
                    } else {
                        value = term(component) ?? ""
                    }
                    out += "  \(l.component(component.component)) \(value)\(source)\n"
                    if component.component.id == criteria.survey?.component, let survey = result.survey, let rule = criteria.survey,
                       let score = component.score {
                        let r = survey.record
                        out += "    " + l("满意率", "rate") + " = (\(r.satisfied) + \(rule.basicWeight) × \(r.basic)) ÷ (\(r.satisfied) + \(r.basic) + \(r.dissatisfied)) = \(survey.rate.formatted(places: 4))"
                        out += l("，得分 = \(survey.rate.formatted(places: 4)) × 100 = \(n(score))", "; score = \(survey.rate.formatted(places: 4)) × 100 = \(n(score))") + "\n"
                    }
                }
                let terms = components.compactMap(term).joined(separator: " + ")
                if let rescaledBy {
                    let formula = inPoints ? "(\(terms)) × \(criteria.scale) ÷ \(rescaledBy)" : "(\(terms)) ÷ \(rescaledBy)"
                    let factor = inPoints ? "× \(criteria.scale) ÷ \(rescaledBy)" : "÷ \(rescaledBy)"
                    out += "  \(l.part(part.part)) = \(formula) = \(n(part.score))"
                        + l("（不适用，按比例折算 \(factor)）", " (n/a components: rescaled \(factor))") + "\n"
                } else {
                    out += "  \(l.part(part.part)) = \(terms) = \(n(part.score))\n"
                }
            }
            weighted.append("\(n(part.score)) × \(part.part.weight)")
        }

        out += "\n" + l("加分与减分", "Bonus and penalty") + "\n"
        for (label, adjustment) in [(l("加分", "bonus"), result.bonus), (l("减分", "penalty"), result.penalty)] {
            for event in adjustment.events {
                out += "  \(event.source)  \(event.date)  \(label) \(event.points?.description ?? "")  \(event.clause) \(event.note)\n"
            }
            let cap = adjustment.cap.map { l("，上限 \($0)", ", cap \($0)") } ?? ""
            if let withheld = adjustment.withheld, let minimum = adjustment.minimum {
                out += "  \(label) = \(adjustment.sum)\(cap) → \(n(withheld))；" + l("加分未计入：基础分 \(n(result.base)) < \(minimum)",
                                                                                  "bonus not counted: base \(n(result.base)) < \(minimum)") + " → 0\n"
            } else {
                out += "  \(label) = \(adjustment.sum)\(cap) → \(n(adjustment.applied))\n"
            }
        }

        let ceiling = criteria.ceiling
        func kept(_ value: ExactDecimal) -> String {
            guard value < .zero || ceiling.map({ value > $0 }) == true else { return "" }
            return ceiling.map { l("，限定在 0 到 \($0) 之间", ", kept within 0…\($0)") } ?? l("，不低于 0", ", kept at 0 or more")
        }
        if criteria.adjustments.bonusMin != nil {
            out += "\n" + l("基础分", "Base") + " = " + weighted.joined(separator: " + ") + " = \(result.weightedSum) → \(n(result.base))\n"
            let sum = result.baseTotal
            out += l("总分", "Total") + " = \(n(result.base)) + \(n(result.bonus.applied)) − \(n(result.penalty.applied)) = \(n(sum))\(kept(sum)) → \(n(result.scoredTotal))\n"
        } else {
            out += "\n" + l("总分", "Total") + " = " + weighted.joined(separator: " + ")
                + " + \(n(result.bonus.applied)) − \(n(result.penalty.applied)) = \(result.unroundedTotal)"
            out += kept(result.unroundedTotal) + " → \(n(result.scoredTotal))\n"
        }

        for hit in result.gateHits {
            let name = gateTarget(hit.gate, criteria: criteria, l)
            out += l("单项 \(name) \(l.input(hit.score)) < \(hit.gate.min)，等次不高于 \(l.band(hit.gate.band))",
                     "gate: \(name) \(l.input(hit.score)) < \(hit.gate.min), band at most \(l.band(hit.gate.band))") + "\n"
        }
        if criteria.hasBands { out += l("等次：", "Band: ") }
        switch result.bandReason {
        case .threshold:
            guard criteria.hasBands else { break }
            let min = criteria.bands.first { $0.name == result.band }?.min ?? .zero
            out += l("\(n(result.total)) ≥ \(min)，为\(l.band(result.band))", "\(n(result.total)) ≥ \(min): \(l.band(result.band))") + "\n"
        case .gate(let reached):
            out += l("总分达到\(l.band(reached))，受单项否决限定为\(l.band(result.band))",
                     "the total reached \(l.band(reached)), capped by a gate at \(l.band(result.band))") + "\n"
        case .quota(let reached):
            let quota = assessment.quota
            out += l("总分达到\(l.band(reached))，但\(l.band(reached))限额为 \(quota?.allowed ?? 0) 个（分数线 \(quota?.cut.map(n) ?? "-")），降为\(l.band(result.band))",
                     "the total reached \(l.band(reached)), but its quota is \(quota?.allowed ?? 0) units (cut at \(quota?.cut.map(n) ?? "-")): \(l.band(result.band))") + "\n"
        case .veto(let reached):
            let lines = result.vetoes.map { "\($0.source) \($0.date) \($0.clause) \($0.note)" }.joined(separator: "; ")
            if !criteria.hasBands { out += l("一票否决：", "One-vote veto: ") }
            var text = l("一票否决（\(lines)）", "one-vote veto (\(lines))")
            if criteria.veto.score != nil {
                text += l("，总分定为 \(n(result.total))（按各部分计算为 \(n(result.scoredTotal))）",
                          ", total fixed at \(n(result.total)) (the parts give \(n(result.scoredTotal)))")
            }
            if criteria.hasBands {
                text += l("，定为\(l.band(result.band))；按总分本为\(l.band(reached))",
                          ": \(l.band(result.band)); the total alone gives \(l.band(reached))")
            }
            out += text + "\n"
        }
        out += l("类别内排名：", "Rank in group: ") + (result.rank.map(String.init) ?? l("不参与排名（一票否决）", "unranked (veto)")) + "\n"
        out += l("目标责任考核得分", "Target-responsibility points") + " = \(n(result.total)) × \(criteria.targetShare) ÷ \(criteria.scale) = \(n(result.contribution))\n"
        let shown = GradeReport.shownFlags(result, graded: criteria.hasBands)
        if !shown.isEmpty { out += l("标记：", "Flags: ") + GradeReport.flags(shown, l) + "\n" }

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

extension ExplainReport {
    /// A gate's part or component, by name.
    static func gateTarget(_ gate: Gate, criteria: Criteria, _ l: Labels) -> String {
        switch gate.target {
        case .part(let id): return criteria.parts.first { $0.id == id }.map(l.part) ?? id
        case .component(let id): return criteria.components.first { $0.id == id }.map(l.component) ?? id
        }
    }
}
