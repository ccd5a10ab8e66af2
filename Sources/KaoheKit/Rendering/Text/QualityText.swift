/// The data-quality summary (SPEC 5) as text: how every row was used, and the gaps.
public enum QualityText {
    public static func render(_ quality: DataQuality, dataset: Dataset?, folder: String, errors: Int, warnings: Int,
                              language: Language) -> String {
        let l: (String, String) -> String = { language == .zh ? $0 : $1 }
        let names = Dictionary((dataset?.units ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out = l("数据质量", "Data quality") + "  \(folder)\n"
        var table = TextTable(headers: [l("文件", "File"), l("读取行", "Read"), l("使用", "Used"), l("拒绝", "Rejected")],
                              alignments: [.left, .right, .right, .right])
        for file in quality.files {
            table.add([file.file, String(file.read), String(file.used), String(file.rejected)])
        }
        out += table.render()
        let none = l("无", "none")
        if quality.missingWeeks.isEmpty {
            out += l("无检查记录的单位周：", "Unit-weeks with no check record: ") + none + "\n"
        } else {
            let count = quality.missingWeeks.reduce(0) { $0 + $1.weeks.count }
            out += l("无检查记录的单位周：\(count) 个", "Unit-weeks with no check record: \(count)") + "\n"
            for gap in quality.missingWeeks {
                let weeks = ranges(gap.weeks)
                out += "  \(gap.unit) \(names[gap.unit] ?? "")  " + l("第 \(weeks) 周", "weeks \(weeks)") + "\n"
            }
        }
        out += l("从未检查的单位：", "Units never checked: ")
            + (quality.neverChecked.isEmpty ? none : quality.neverChecked.map { "\($0) \(names[$0] ?? "")" }.joined(separator: l("，", ", "))) + "\n"
        out += l("重复行：", "Duplicate rows: ")
            + (quality.duplicates.isEmpty ? none : quality.duplicates.map {
                l("\($0.source)（同第 \($0.firstLine) 行）", "\($0.source) (same as line \($0.firstLine))")
            }.joined(separator: l("，", ", "))) + "\n"
        out += l("忽略的列：", "Ignored columns: ")
            + (quality.ignoredColumns.isEmpty ? none : quality.ignoredColumns.map {
                l("\(fileName($0.file)) 第 \($0.column) 列 \"\($0.header)\"", "\(fileName($0.file)) column \($0.column) \"\($0.header)\"")
            }.joined(separator: l("，", ", "))) + "\n"
        out += l("错误 \(errors) 个，警告 \(warnings) 个", "\(errors) error(s), \(warnings) warning(s)") + "\n"
        return out
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `3-5, 9, 12-13`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])-\(numbers[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
