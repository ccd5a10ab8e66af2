import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// The monthly bulletin in the office's own wording, as issued (`bulletin --format docx`): the
/// addressees, the overall result, each unit's problems in sentences, the rectification
/// requirement (整改要求), and the month's tables as the attachment (附件). Words only: the
/// facts are those of ``BulletinReport``.
extension BulletinReport {
    package static func official(_ assessment: Assessment, month: Int, title: String, office: String? = nil,
                                docNumber: String? = nil, language: Language) -> Document {
        let l = Labels(language: language, criteria: assessment.criteria)
        let criteria = assessment.criteria
        let plain = document(assessment, month: month, title: title, office: office, docNumber: docNumber, language: language)
        var document = Document(title: plain.title, subtitle: plain.subtitle)
        document.kind = plain.kind
        let issuer: String
        if case .bulletin(let masthead) = plain.kind { issuer = masthead.issuer } else { issuer = l("政务公开工作领导小组办公室", "the office") }

        document.add(.lines([Line(l("各\(assessment.groups.joined(separator: "、各"))：", "To all \(assessment.groups.joined(separator: ", ")):"))]))
        document.add(.paragraph(l("现将\(assessment.year)年\(month)月政务公开工作检查情况通报如下。",
                                  "This bulletin reports the government affairs openness checks of \(PeriodKind.month.label(year: assessment.year, index: month)).")))

        document.add(.heading(l("一、总体情况", "1. Overall"), level: 1))
        for case .paragraph(let text) in plain.blocks { document.add(.paragraph(text)) }

        document.add(.heading(l("二、存在的问题", "2. Problems found"), level: 1))
        let withFindings = assessment.units.filter { !$0.months[month - 1].findings.isEmpty }
        if withFindings.isEmpty {
            document.add(.paragraph(l("本月检查未发现问题。", "No problem was found this month.")))
        }
        for (index, result) in withFindings.enumerated() {
            let status = result.months[month - 1]
            let verdict = status.passed ? l("合格", "pass") : l("不合格", "fail")
            document.add(.heading(l("（\(YearReport.chineseNumber(index + 1))）\(result.unit.name)（\(verdict)，问题 \(status.failed) 项）",
                                    "(\(index + 1)) \(result.unit.name) (\(verdict), \(l.count(status.failed, zh: "", en: "problem")))"),
                                  level: 2))
            let sentences = status.findings.map { finding -> String in
                let note = l.note(finding)
                let what = l.item(finding.item) + (note.isEmpty ? "" : l("：\(note)", ": \(note)"))
                let points = finding.deduction.formatted(places: max(0, finding.deduction.normalized.exponent))
                let rectified = finding.rectified.map { l("已于\(day($0, l))整改", "rectified \($0)") } ?? l("尚未整改", "not yet rectified")
                return l("\(day(finding.date, l))检查，\(what)，扣 \(points) 分，\(rectified)", "\(finding.date): \(what); −\(points), \(rectified)")
            }
            document.add(.paragraph(sentences.joined(separator: l("；", ". ")) + l("。", ".")))
        }

        document.add(.heading(l("三、整改要求", "3. Rectification"), level: 1))
        let days = criteria.rectify.workingDays
        document.add(.paragraph(l("请存在问题的单位自检查之日起 \(days) 个工作日内完成整改，并将整改情况书面报送\(issuer)。",
                                  "Units with problems rectify them within \(days) working days of the check and report the rectification to \(issuer) in writing.")))
        let actions = (criteria.consequences[.rectifyLate]?.texts(language) ?? []).joined(separator: l("、", "; "))
        document.add(.paragraph(actions.isEmpty
                                ? l("逾期未整改的，按照考核办法追究责任。", "A late rectification is dealt with under the assessment rules.")
                                : l("逾期未整改的，按照考核办法予以\(actions)。", "A late rectification leads to: \(actions).")))

        document.add(.lines([Line("")]))
        document.add(.lines([Line(l("附件：\(month)月各单位检查情况", "Attachment: the units' results for \(PeriodKind.month.label(year: assessment.year, index: month))"))]))
        document.add(.pageBreak)
        document.add(.heading(l("附件", "Attachment"), level: 0))
        for case .table(var table) in plain.blocks {
            if table.caption == nil { table.caption = l("\(month)月各单位检查情况", "Results of \(PeriodKind.month.label(year: assessment.year, index: month))") }
            document.add(.table(table))
        }
        return document
    }

    /// `3月5日`, or the date itself in English.
    static func day(_ date: CivilDate, _ l: Labels) -> String { l("\(date.month)月\(date.day)日", date.description) }
}
