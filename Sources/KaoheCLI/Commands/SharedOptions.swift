import KaoheKit
/// The options every command takes, declared once and included in each command's table:
/// the output format and language, an output file, and another criteria file.
struct SharedOptions {
    enum Format: String, CaseIterable {
        case text, md, csv, json, html, xlsx, docx

        /// A workbook or Word document: a file, never terminal text.
        var isFile: Bool { self == .xlsx || self == .docx }
    }

    var format: Format = .text
    var language: Language = .zh
    var output: String?
    var criteria: String?

    static var options: [Option<SharedOptions>] {
        [
            .value("--format", LocalizedText(zh: "text|md|csv|json|html|xlsx|docx", en: "text|md|csv|json|html|xlsx|docx"),
                   help: LocalizedText(zh: "输出格式（默认 text；xlsx、docx 须配 --output）", en: "output format (default text; xlsx, docx: with --output)")) { (options: inout SharedOptions, value: String) throws(UsageError) in
                guard let format = Format(rawValue: value) else {
                    throw UsageError(zh: "--format 的值 \"\(value)\" 无效；可用：text、md、csv、json、html、xlsx、docx",
                                     en: "--format \"\(value)\" is not valid; use text, md, csv, json, html, xlsx or docx")
                }
                options.format = format
            },
            .value("--lang", LocalizedText(zh: "zh|en", en: "zh|en"),
                   help: LocalizedText(zh: "输出语言（默认 zh）", en: "output language (default zh)")) { (options: inout SharedOptions, value: String) throws(UsageError) in
                guard let language = Language(rawValue: value) else {
                    throw UsageError(zh: "--lang 的值 \"\(value)\" 无效；可用：zh、en", en: "--lang \"\(value)\" is not valid; use zh or en")
                }
                options.language = language
            },
            .value("--output", LocalizedText(zh: "文件", en: "FILE"),
                   help: LocalizedText(zh: "写入文件而不是标准输出", en: "write to FILE instead of standard output")) { (options: inout SharedOptions, value: String) in
                options.output = value
            },
            .value("--criteria", LocalizedText(zh: "文件", en: "FILE"),
                   help: LocalizedText(zh: "使用其他评分标准文件", en: "use another criteria file")) { (options: inout SharedOptions, value: String) in
                options.criteria = value
            },
        ]
    }

    /// Checks that a workbook or document goes to a file, and that `command` writes documents
    /// (`--format docx` is for the bulletin, the report and the annual results).
    func validate(command: String) throws(UsageError) {
        guard format.isFile else { return }
        if format == .docx && !["bulletin", "report", "grade"].contains(command) {
            throw UsageError(zh: "--format docx 只用于 bulletin、report 和 grade；\(command) 可用 --format xlsx",
                             en: "--format docx is for bulletin, report and grade; \(command) can use --format xlsx")
        }
        if output == nil {
            let what = format == .xlsx ? (zh: "Excel 工作簿", en: "an Excel workbook") : (zh: "Word 文档", en: "a Word document")
            throw UsageError(zh: "--format \(format.rawValue) 写出的是 \(what.zh)，需要 --output 文件（例如 --output 结果.\(format.rawValue)）",
                             en: "--format \(format.rawValue) writes \(what.en); give --output FILE (for example --output results.\(format.rawValue))")
        }
    }

    /// A command's result in the chosen format: text, Markdown, CSV, JSON, HTML, a workbook or
    /// a Word document.
    func render(_ result: some Renderable) -> CommandOutput {
        let file: FileFormat
        switch format {
        case .json:
            // Written as it is made: a long list of units is never held whole.
            let language = self.language
            return CommandOutput(streamed: StreamedOutput { chunk in result.write(.json, language: language, chunks: chunk) })
        case .text: return CommandOutput(stdout: result.render(.text, language: language))
        case .md: return CommandOutput(stdout: result.render(.md, language: language))
        case .csv: return CommandOutput(stdout: result.render(.csv, language: language))
        case .html: return CommandOutput(stdout: result.render(.html, language: language))
        case .xlsx: file = .xlsx
        case .docx: file = .docx
        }
        do {
            return CommandOutput(file: try result.file(file, language: language))
        } catch {
            return KaoheCLI.usage(error.message, language)
        }
    }
}
