/// `kaohe bulletin` as text: the monthly bulletin (月通报).
public enum BulletinText {
    public static func render(_ assessment: Assessment, month: Int, title: String, language: Language) -> String {
        let l = Labels(language: language, criteria: assessment.criteria)
        let label = PeriodKind.month.label(year: assessment.year, index: month)
        let failing = assessment.units.filter { !$0.months[month - 1].passed }
        var out = "\(title)\n" + l("\(assessment.year)年\(month)月政务公开工作通报", "Bulletin for \(label)") + "\n\n"
        out += l("本月检查 \(assessment.units.count) 个单位，合格 \(assessment.units.count - failing.count) 个，不合格 \(failing.count) 个（每月不合格检查达 \(assessment.criteria.bulletin.failAt) 项即评为不合格）。",
                 "\(assessment.units.count) units checked: \(assessment.units.count - failing.count) pass, \(failing.count) fail (a month fails at \(assessment.criteria.bulletin.failAt) failed check(s)).") + "\n\n"
        var table = TextTable(headers: [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group"), l("状态", "Status"), l("不合格项", "Failed")],
                              alignments: [.left, .left, .left, .left, .right])
        for result in assessment.units {
            let status = result.months[month - 1]
            table.add([result.unit.id, result.unit.name, result.unit.group, l.status(status.passed), String(status.failed)])
        }
        out += table.render()
        let withFindings = assessment.units.filter { !$0.months[month - 1].findings.isEmpty }
        if !withFindings.isEmpty {
            out += "\n" + l("检查发现的问题", "Findings") + "\n"
            var findings = TextTable(headers: [l("单位", "Unit"), l("日期", "Date"), l("检查项", "Item"), l("扣分", "Deduction"),
                                               l("整改日期", "Rectified"), l("备注", "Note")],
                                     alignments: [.left, .left, .left, .right, .left, .left])
            for result in withFindings {
                for finding in result.months[month - 1].findings {
                    findings.add([result.unit.name, finding.date.description, l.item(finding.item),
                                  finding.deduction.description, finding.rectified?.description ?? l("未整改", "not yet"), finding.note])
                }
            }
            out += findings.render()
        }
        return out
    }
}
