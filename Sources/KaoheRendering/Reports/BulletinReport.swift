import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// The monthly bulletin (月通报) as a document.
package enum BulletinReport {
    /// `office` and `docNumber` (with `{year}` and `{month}`) come from `assessment.json5`; the
    /// defaults are the office of the founding regulation and `2025年第3期`.
    package static func document(_ assessment: Assessment, month: Int, title: String, office: String? = nil,
                                docNumber: String? = nil, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        let label = PeriodKind.month.label(year: assessment.year, index: month)
        let total = assessment.units.count
        let failing = assessment.units.filter { !$0.months[month - 1].passed }.count
        let failAt = assessment.criteria.bulletin.failAt
        var document = Document(title: title, subtitle: l("\(assessment.year)年\(month)月政务公开工作通报", "Bulletin for \(label)"))
        document.kind = .bulletin(.init(name: l("政务公开工作月通报", "Government Affairs Openness Monthly Bulletin"),
                                        issue: docNumber.map {
                                            $0.replacingOccurrences(of: "{year}", with: String(assessment.year))
                                              .replacingOccurrences(of: "{month}", with: String(month))
                                        } ?? l("\(assessment.year)年第\(month)期", "\(assessment.year) No. \(month)"),
                                        issuer: office ?? l("政务公开工作领导小组办公室", "Government Affairs Openness Office"),
                                        date: l("\(assessment.year)年\(month)月", label)))
        document.add(.paragraph(l("本月检查 \(total) 个单位，合格 \(total - failing) 个，不合格 \(failing) 个（当月不合格检查达 \(failAt) 项即评为不合格）。",
                                  "\(l.count(total, zh: "", en: "unit")) checked: \(total - failing) pass, \(failing) fail (a month fails at \(l.count(failAt, zh: "", en: "failed check"))).")))
        var table = Table(headers: [l("编号", "ID"), l("单位", "Unit"), l("类别", "Group"), l("状态", "Status"), l("不合格项", "Failed")],
                          primary: true)
        table.sheet = l("\(month)月通报", "Bulletin \(label)")
        for result in assessment.units {
            let status = result.months[month - 1]
            table.add([.text(result.unit.id), .text(result.unit.name), .text(result.unit.group), .text(l.status(status.passed)),
                       .integer(status.failed)])
        }
        document.add(.table(table))
        let withFindings = assessment.units.filter { !$0.months[month - 1].findings.isEmpty }
        if !withFindings.isEmpty {
            var findings = Table(caption: l("检查发现的问题", "Findings"),
                                 headers: [l("单位", "Unit"), l("日期", "Date"), l("检查项", "Item"), l("扣分", "Deduction"),
                                           l("整改日期", "Rectified"), l("备注", "Note")])
            for result in withFindings {
                for finding in result.months[month - 1].findings {
                    findings.add([.text(result.unit.name), .date(finding.date), .text(l.item(finding.item)),
                                  .number(finding.deduction, places: max(0, finding.deduction.normalized.exponent)),
                                  finding.rectified.map(Cell.date) ?? .text(l("未整改", "not yet")),
                                  .text(l.note(finding))])
                }
            }
            document.add(.table(findings))
        }
        return document
    }
}
