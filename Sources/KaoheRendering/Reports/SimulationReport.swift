import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe simulate` as a document: the changed outcomes, then the knock-on effects in words.
package enum SimulationReport {
    package static func document(_ diff: SimulationDiff, requests: [ChangeRequest], title: String, language: Language) -> Document {
        let l = Labels(language: language, criteria: diff.after.criteria)
        var document = Document(title: title, subtitle: l("假设分析：", "What-if: ") + requests.map(\.display).joined(separator: " "))
        if diff.changes.isEmpty {
            document.add(.paragraph(l("没有单位的总分、等次或排名发生变化。", "No unit's total, band or rank changes.")))
        } else {
            var table = Table(headers: [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group"),
                                        l("原总分", "Total before"), l("新总分", "Total after"),
                                        l("原等次", "Band before"), l("新等次", "Band after"),
                                        l("原排名", "Rank before"), l("新排名", "Rank after")], primary: true)
            table.sheet = l("假设分析", "What-if")
            func rank(_ r: Int?) -> Cell { r.map(Cell.integer) ?? "-" }
            for change in diff.changes {
                table.add([.text(change.unit.id), .text(change.unit.name), .text(change.unit.group),
                           l.cell(change.before.total), l.cell(change.after.total),
                           .text(l.band(change.before.band)), .text(l.band(change.after.band)),
                           rank(change.before.rank), rank(change.after.rank)])
            }
            document.add(.table(table))
        }
        let effects = knockOn(diff, l)
        if !effects.isEmpty {
            document.add(.heading(l("连带影响", "Knock-on effects"), level: 2))
            document.add(.lines(effects.map { Line("- \($0)") }))
        }
        return document
    }

    static func knockOn(_ diff: SimulationDiff, _ l: Labels) -> [String] {
        var lines: [String] = []
        let quota = diff.after.quota
        for (b, a) in zip(diff.before.units, diff.after.units) {
            let unit = "\(a.unit.id) \(a.unit.name)"
            let hadQuota = b.flags.contains("quota"), hasQuota = a.flags.contains("quota")
            if hadQuota && !hasQuota && a.band != b.band {
                let cut = quota?.cut.map(l.number) ?? "-"
                lines.append(l("\(unit) 不再受\(l.band(quota?.band ?? a.band))限额限制，由\(l.band(b.band))升为\(l.band(a.band))（限额 \(quota?.allowed ?? 0) 个，分数线 \(cut)）",
                               "\(unit) is no longer held back by the \(l.band(quota?.band ?? a.band)) quota: \(l.band(b.band)) → \(l.band(a.band)) (quota \(quota?.allowed ?? 0), cut \(cut))"))
            } else if !hadQuota && hasQuota {
                let cut = quota?.cut.map(l.number) ?? "-"
                lines.append(l("\(unit) 因\(l.band(quota?.band ?? b.band))限额（\(quota?.allowed ?? 0) 个，分数线 \(cut)）降为\(l.band(a.band))",
                               "\(unit) moves down to \(l.band(a.band)) under the \(l.band(quota?.band ?? b.band)) quota (\(quota?.allowed ?? 0) places, cut \(cut))"))
            } else if b.band != a.band && a.vetoed && !b.vetoed {
                lines.append(l("\(unit) 被一票否决，由\(l.band(b.band))定为\(l.band(a.band))，不参与排名",
                               "\(unit) is vetoed: \(l.band(b.band)) → \(l.band(a.band)), unranked"))
            } else if b.band != a.band && b.vetoed && !a.vetoed {
                lines.append(l("\(unit) 不再被一票否决，按总分定为\(l.band(a.band))",
                               "\(unit) is no longer vetoed: graded \(l.band(a.band)) by its total"))
            }
        }
        for change in diff.consequences {
            let unit = "\(change.unit.id) \(change.unit.name)"
            let c = change.consequence
            let evidence = c.evidence.map { " \($0)" } ?? ""
            if c.kind == .periodLast {
                lines.append(change.appears
                             ? l("\(unit) 成为 \(c.period) \(change.unit.group)末位", "\(unit) becomes last place of \(change.unit.group) in \(c.period)")
                             : l("\(unit) 不再是 \(c.period) \(change.unit.group)末位", "\(unit) is no longer last place of \(change.unit.group) in \(c.period)"))
            } else {
                lines.append(change.appears
                             ? l("\(unit) 新增责任追究：\(l.consequenceKind(c.kind)) \(c.period)\(evidence)",
                                 "\(unit) gains a consequence: \(l.consequenceKind(c.kind)) \(c.period)\(evidence)")
                             : l("\(unit) 免于责任追究：\(l.consequenceKind(c.kind)) \(c.period)\(evidence)",
                                 "\(unit) loses a consequence: \(l.consequenceKind(c.kind)) \(c.period)\(evidence)"))
            }
        }
        return lines
    }

    /// `simulate --margins`: distance to the band above and below, every other unit unchanged.
    package static func margins(_ margins: [Margin], criteria: Criteria, title: String, language: Language) -> Document {
        let l = Labels(language: language, criteria: criteria)
        // The components a margin is given for, in criteria order (those of any unit).
        var components: [Component] = []
        for m in margins {
            for step in [m.above, m.below].compactMap({ $0 }) {
                for entry in step.components where !components.contains(entry.component) { components.append(entry.component) }
            }
        }
        components.sort { a, b in
            (criteria.components.firstIndex(of: a) ?? 0) < (criteria.components.firstIndex(of: b) ?? 0)
        }
        var document = Document(title: title, subtitle: l("各单位距上下等次的差距", "Margins to the bands above and below"))
        var rules = l("升档：达到上一等次所需的总分与还差的分数，及其他不变时各项目单独需达到的得分（“不够”：该项满分也达不到）；降档：保住本等次的最低总分与可下降的余量，及各项目不低于的得分。",
                      "Up: the total the band above needs and the points still missing, and the score each component alone would need with the rest unchanged (\"no\": not even full marks). Down: the lowest total that keeps the band, the points the total can lose, and the lowest score of each component that keeps it.")
        if let quota = criteria.quota {
            rules += l("\(l.band(quota.band))有名额限制：所需总分是在其他单位不变时能进入名额的分数。",
                       " \(l.band(quota.band)) is under quota: the total it needs is one that wins a place with the other units unchanged.")
        }
        document.add(.paragraph(rules))
        func unitCells(_ m: Margin) -> [Cell] {
            [.text(m.unit.id), .text(m.unit.name), l.cell(m.total), .text(l.band(m.band) + (m.vetoed ? l("（否决）", " (veto)") : ""))]
        }
        func component(_ step: Margin.Step?, _ c: Component) -> Cell {
            guard let step, let entry = step.components.first(where: { $0.component == c }) else { return "-" }
            return entry.score.map { l.cell($0) } ?? .text(l("不够", "no"))
        }
        func blocked(_ reason: Margin.Blocked?) -> Cell {
            switch reason {
            case .quota: return .text(l("名额已满", "no place"))
            case .gate: return .text(l("单项否决", "gated"))
            case nil: return "-"
            }
        }
        let head = [l("编号", "ID"), l("单位", "Unit"), l("总分", "Total"), l("等次", "Band")]
        var up = Table(headers: head + [l("升档", "Up"), l("需达总分", "Total needed"), l("还差", "Needs")]
                       + components.map { l.component($0) }, primary: true)
        var down = Table(headers: head + [l("最低总分", "Lowest total"), l("余量", "Cushion")]
                         + components.map { l.component($0) })
        up.sheet = l("升档差距", "Margins up")
        down.sheet = l("降档余量", "Margins down")
        for m in margins {
            var row = unitCells(m)
            if let above = m.above {
                row += [.text(l.band(above.band)), above.min.map { l.cell($0) } ?? blocked(above.blocked),
                        above.points.map { l.cell($0) } ?? blocked(above.blocked)]
            } else {
                row += ["-", "-", "-"]
            }
            row += components.map { component(m.above, $0) }
            up.add(row)
            var keep = unitCells(m)
            keep += [m.below?.min.map { l.cell($0) } ?? "-", m.below?.points.map { l.cell($0) } ?? "-"]
            keep += components.map { component(m.below, $0) }
            down.add(keep)
        }
        document.add(.heading(l("升档", "Up"), level: 2))
        document.add(.table(up))
        document.add(.heading(l("降档", "Down"), level: 2))
        document.add(.table(down))
        return document
    }
}
