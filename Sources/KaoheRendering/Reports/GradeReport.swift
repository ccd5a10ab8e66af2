import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// The annual results (年度考核结果) as a document: one row per unit, then the band summary.
public enum GradeReport {
    public static func document(_ assessment: Assessment, title: String, units: [UnitResult]? = nil, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        var document = Document(title: title, subtitle: l("年度考核结果", "Annual results") + " · \(l.title)")
        document.add(.table(table(assessment, units: units ?? assessment.units, l)))
        if units == nil { document.add(.lines(summary(assessment, l).map { Line($0) })) }
        return document
    }

    static func table(_ assessment: Assessment, units: [UnitResult], _ l: Labels) -> Table {
        let criteria = assessment.criteria
        var headers = [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group")]
        headers += criteria.parts.map { l.part($0) }
        headers += [l("加分", "Bonus"), l("减分", "Penalty"), l("总分", "Total"), l("等次", "Band"), l("排名", "Rank"),
                    l("目标责任", "Target"), l("标记", "Flags")]
        // One row per unit, made when a renderer reads it.
        var table = Table(headers: headers, count: units.count, primary: true) { index in
            let result = units[index]
            var row: [Cell] = [.text(result.unit.id), .text(result.unit.name), .text(result.unit.group)]
            row += result.partScores.map { l.cell($0) }
            row += [l.cell(result.bonus.applied), l.cell(result.penalty.applied), l.cell(result.total),
                    .text(l.band(result.band) + (result.vetoed ? l("（否决）", " (veto)") : "")),
                    result.rank.map(Cell.integer) ?? .text("-"), l.cell(result.contribution),
                    .text(flags(result.flags, l))]
            return row
        }
        table.sheet = l("年度结果", "Results")
        return table
    }

    static func flags(_ flags: [String], _ l: Labels) -> String {
        flags.map { $0 == "commend" ? l("表扬", "commend") : $0 == "quota" ? l("限额", "quota") : $0 }
            .joined(separator: l("、", ", "))
    }

    /// Units per band, vetoes and the quota as applied.
    static func summary(_ assessment: Assessment, _ l: Labels) -> [String] {
        let counts = assessment.criteria.bands.map { band in
            "\(l.band(band.name)) \(assessment.units.reduce(0) { $0 + ($1.band == band.name ? 1 : 0) })"
        }
        var lines = ["", l("等次分布：", "Bands: ") + counts.joined(separator: l("，", ", "))]
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
