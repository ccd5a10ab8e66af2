/// `kaohe grade` as text: the annual results table (年度考核结果) and the band summary.
public enum GradeText {
    public static func render(_ assessment: Assessment, title: String, units: [UnitResult]? = nil, language: Language) -> String {
        let l = Labels(language: language, criteria: assessment.criteria)
        let criteria = assessment.criteria
        var out = "\(title)\n" + l("年度考核结果", "Annual results") + " · \(l.title)\n\n"
        var headers = [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group")]
        headers += criteria.parts.map { l.part($0) }
        headers += [l("加分", "Bonus"), l("减分", "Penalty"), l("总分", "Total"), l("等次", "Band"), l("排名", "Rank"),
                    l("目标责任", "Target"), l("标记", "Flags")]
        var alignments: [TextTable.Alignment] = [.left, .left, .left]
        alignments += criteria.parts.map { _ in .right }
        alignments += [.right, .right, .right, .left, .right, .right, .left]
        var table = TextTable(headers: headers, alignments: alignments)
        for result in units ?? assessment.units {
            var row = [result.unit.id, result.unit.name, result.unit.group]
            row += result.parts.map { l.number($0.score) }
            row += [l.number(result.bonus.applied), l.number(result.penalty.applied), l.number(result.total),
                    l.band(result.band) + (result.vetoed ? l("（否决）", " (veto)") : ""),
                    result.rank.map(String.init) ?? "-", l.number(result.contribution),
                    flags(result.flags, l)]
            table.add(row)
        }
        out += table.render()
        if units == nil {
            out += "\n" + summary(assessment, l)
        }
        return out
    }

    static func flags(_ flags: [String], _ l: Labels) -> String {
        flags.map { $0 == "commend" ? l("表扬", "commend") : $0 == "quota" ? l("限额", "quota") : $0 }
            .joined(separator: l("、", ", "))
    }

    /// Units per band, vetoes and the quota as applied.
    static func summary(_ assessment: Assessment, _ l: Labels) -> String {
        let counts = assessment.criteria.bands.map { band in
            "\(l.band(band.name)) \(assessment.units.filter { $0.band == band.name }.count)"
        }
        var out = l("等次分布：", "Bands: ") + counts.joined(separator: l("，", ", ")) + "\n"
        let vetoed = assessment.units.filter(\.vetoed)
        if !vetoed.isEmpty {
            out += l("一票否决：", "Vetoed: ") + vetoed.map { "\($0.unit.id) \($0.unit.name)" }.joined(separator: l("，", ", ")) + "\n"
        }
        if let quota = assessment.quota {
            out += l("\(l.band(quota.band))限额：\(quota.share) × \(assessment.units.count) 个单位，取整为 \(quota.allowed) 个；达到分数线 \(quota.reached) 个",
                     "\(l.band(quota.band)) quota: \(quota.share) × \(assessment.units.count) units, floor \(quota.allowed); \(quota.reached) reached the threshold")
            if !quota.movedDown.isEmpty {
                out += l("，\(quota.movedDown.joined(separator: "、")) 因限额降为下一等次",
                         "; \(quota.movedDown.joined(separator: ", ")) moved down one band by the quota")
            }
            out += "\n"
        }
        return out
    }
}
