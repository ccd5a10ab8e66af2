import KaoheModel
import KaoheInput

/// A criteria or calendar path can name any file on the machine (the manifest's `criteria`,
/// `--criteria`, the criteria's `calendar` prefix). When the file does not look like the kind
/// of file expected — its root object has none of the known fields, or, when it does not
/// parse, its text names fewer than two of them — only that is reported: not its lines, nor
/// its faults (a syntax error quotes the word it stopped at), so an error never prints someone
/// else's file.
enum ForeignFile {
    /// Whether `document` (or, when it did not parse, `text`) is of the kind whose root fields
    /// are `fields`.
    static func looksLike(_ fields: [String], text: String, document: JSON5Document?) -> Bool {
        if let document {
            guard case .object(let members) = document.root.value else { return false }
            return members.contains { fields.contains($0.key) }
        }
        return fields.filter { field in
            text.contains("\(field):") || text.contains("\(field) :") || text.contains("\"\(field)\"")
        }.count >= 2
    }

    /// What is reported for a file that is not of the expected kind.
    static func refused(_ file: String, whatZh: String, whatEn: String) -> [Diagnostic] {
        [Diagnostic(.notThisKindOfFile(file, whatZh: whatZh, whatEn: whatEn), file: file)]
    }
}

extension Diagnostic.Message {
    /// A file named as criteria or calendar that is not one; its lines are not shown.
    static func notThisKindOfFile(_ path: String, whatZh: String, whatEn: String) -> Self {
        .error("file.not-this-kind",
               zh: "\(path) 看起来不是\(whatZh)文件（没有\(whatZh)的字段）；请检查 assessment.json5 的 criteria、--criteria 或评分标准的 calendar 写的路径。为保护其他文件的内容，不显示它的原文",
               en: "\(path) does not look like a \(whatEn) file (it has none of its fields); check the path in assessment.json5's criteria, --criteria or the criteria's calendar. Its lines are not shown, to keep other files' contents private")
    }
}
