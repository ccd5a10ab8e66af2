import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `kaohe check` as a document: every diagnostic with its excerpt, then the data-quality
/// summary (docs/data-files.md): how every row was used, and the gaps in the check log.
package enum CheckReport {
    /// Duplicate rows named in the data-quality summary; the rest are counted.
    static let maxDuplicatesShown = 20

    package static func document(_ loaded: LoadedData, folder: String, language: Language) -> Document {
        let l: (String, String) -> String = { language == .zh ? $0 : $1 }
        var document = Document(title: l("数据检查", "Data check") + "  \(folder)")
        let diagnostics = DiagnosticText.render(loaded.diagnostics, language: language)
        if !diagnostics.isEmpty {
            document.add(.lines(diagnostics.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { text in
                let line = String(text)
                return Line(line, style: line.contains(": error: ") ? .error : line.contains(": warning: ") ? .warning : .plain)
            }))
        }
        document.add(.heading(l("数据质量", "Data quality"), level: 1))
        document.add(contentsOf: quality(loaded.quality, dataset: loaded.dataset, language: language))
        document.add(.paragraph(l("错误 \(loaded.errorCount) 个，警告 \(loaded.warningCount) 个",
                                  "\(loaded.errorCount) \(loaded.errorCount == 1 ? "error" : "errors"), \(loaded.warningCount) \(loaded.warningCount == 1 ? "warning" : "warnings")")))
        return document
    }

    /// The data-quality blocks, also used by the year report.
    package static func quality(_ quality: DataQuality, dataset: Dataset?, language: Language) -> [Block] {
        let l: (String, String) -> String = { language == .zh ? $0 : $1 }
        let names = Dictionary((dataset?.units ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var table = Table(headers: [l("文件", "File"), l("读取行", "Read"), l("使用", "Used"), l("拒绝", "Rejected")], primary: true)
        for file in quality.files {
            table.add([.text(file.file), .integer(file.read), .integer(file.used), .integer(file.rejected)])
        }
        var lines: [Line] = []
        let none = l("无", "none")
        if let dataset, !dataset.criteria.hasChecks {
            lines.append(Line(l("本评分标准没有日常检查，不统计检查记录的覆盖情况。", "The criteria have no daily checks, so check-log coverage is not counted.")))
        } else if quality.missingWeeks.isEmpty {
            lines.append(Line(l("无检查记录的单位周：", "Unit-weeks with no check record: ") + none))
        } else {
            let count = quality.missingWeeks.reduce(0) { $0 + $1.weeks.count }
            lines.append(Line(l("无检查记录的单位周：\(count) 个", "Unit-weeks with no check record: \(count)")))
            for gap in quality.missingWeeks {
                let weeks = gap.ranges
                lines.append(Line("\(gap.unit) \(names[gap.unit] ?? "")  " + l("第 \(weeks) 周", (weeks.contains(",") || weeks.contains("-") ? "weeks " : "week ") + weeks), indent: 1))
            }
        }
        if dataset?.criteria.hasChecks != false {
            lines.append(Line(l("从未检查的单位：", "Units never checked: ")
                + (quality.neverChecked.isEmpty ? none : quality.neverChecked.map { "\($0) \(names[$0] ?? "")" }.joined(separator: l("，", ", ")))))
        }
        // The first duplicates, with the true count when there are more.
        let total = max(quality.duplicateCount, quality.duplicates.count)
        let shown = quality.duplicates.prefix(CheckReport.maxDuplicatesShown).map {
            l("\($0.source)（同第 \($0.firstLine) 行）", "\($0.source) (same as line \($0.firstLine))")
        }.joined(separator: l("，", ", "))
        let more = total > CheckReport.maxDuplicatesShown
            ? l("……共 \(total) 行", " … \(total) in all") : ""
        lines.append(Line(l("重复行：", "Duplicate rows: ") + (quality.duplicates.isEmpty ? none : shown + more)))
        lines.append(Line(l("忽略的列：", "Ignored columns: ")
            + (quality.ignoredColumns.isEmpty ? none : quality.ignoredColumns.map {
                l("\(fileName($0.file)) 第 \($0.column) 列 \"\($0.header)\"", "\(fileName($0.file)) column \($0.column) \"\($0.header)\"")
            }.joined(separator: l("，", ", ")))))
        for register in quality.registers {
            lines.append(Line(l("台账时限：\(register.file) 检查 \(register.checked) 项，按时 \(register.onTime)，逾期 \(register.late)（记为不合格检查），待定 \(register.pending)",
                                "Deadlines: \(register.file) \(register.checked) checked, \(register.onTime) on time, \(register.late) late (derived failed checks), \(register.pending) pending")))
        }
        return [.table(table), .lines(lines)]
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension Document {
    package mutating func add(contentsOf blocks: [Block]) { self.blocks += blocks }
}
