import KaoheModel

/// What `grade`, `rank`, `bulletin`, `simulate` and `report` say of the data's warnings before
/// their result: not every warning (`kaohe check` lists them) but how many there are by file,
/// the first few, and the repeated failed checks, which count twice in the scores.
package enum WarningSummary {
    /// Warnings shown one by one.
    package static let shown = 3

    /// A failed check that repeats an earlier row exactly, and the points it deducts again.
    package struct RepeatedFailure: Sendable {
        package var source: SourceRef
        package var firstLine: Int
        package var deduction: ExactDecimal
        package init(source: SourceRef, firstLine: Int, deduction: ExactDecimal) {
            self.source = source; self.firstLine = firstLine; self.deduction = deduction
        }
    }

    package static func render(_ warnings: [Diagnostic], repeated: [RepeatedFailure], folder: String,
                              language: Language, color: Bool = false) -> String {
        let total = warnings.totals.warnings
        guard total > 0 else { return "" }
        let l = { (zh: String, en: String) in language == .zh ? zh : en }
        var byFile: [(file: String, count: Int)] = []
        for warning in warnings {
            let file = warning.file.split(separator: "/").last.map(String.init) ?? warning.file
            let count = warning.omitted?.warnings ?? 1
            if let i = byFile.firstIndex(where: { $0.file == file }) { byFile[i].count += count } else { byFile.append((file, count)) }
        }
        let files = byFile.map { l("\($0.file) \($0.count) 条", "\($0.count) in \($0.file)") }.joined(separator: l("、", ", "))
        var out = "kaohe: " + l("数据有 \(total) 条警告（\(files)）", "the data has \(total) \(total == 1 ? "warning" : "warnings") (\(files))")
        let listed = warnings.filter { $0.omitted == nil }
        out += listed.count > shown ? l("；前 \(shown) 条：", "; the first \(shown):") : l("：", ":")
        out += "\n"
        for warning in listed.prefix(shown) {
            var compact = warning
            compact.excerpt = nil
            out += "  " + DiagnosticText.render(compact, language: language, color: color, width: TextTable.maxWidth - 2)
                .replacingOccurrences(of: "\n    ", with: "\n      ")
        }
        if !repeated.isEmpty {
            let points = ExactDecimal.sum(repeated.map(\.deduction))
            let lines = repeated.prefix(shown).map { l("\($0.source)（与第 \($0.firstLine) 行相同）", "\($0.source) (repeats line \($0.firstLine))") }
                .joined(separator: l("、", ", ")) + (repeated.count > shown ? l(" 等", " and more") : "")
            out += "  " + l("其中 \(repeated.count) 条重复的不合格记录计入了扣分，共多扣 \(points) 分：\(lines)",
                            "\(repeated.count) repeated failed \(repeated.count == 1 ? "check counts" : "checks count") in the scores, deducting \(points) more: \(lines)") + "\n"
        }
        out += "  " + l("运行 kaohe check \(folder) 查看全部。", "Run kaohe check \(folder) to list them all.") + "\n"
        return out
    }
}
