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

    /// A command's result in the chosen format: its JSON shape, or its document laid out as
    /// text, Markdown, CSV, HTML, a workbook or a Word document. `workbook` and `official`
    /// give the document a workbook or a Word document is made of when it differs from
    /// `document` (the year report's sheets, the bulletin's official wording).
    func render(json: () -> JSONValue, document: () -> Document, workbook: (() -> Document)? = nil,
                official: (() -> Document)? = nil) -> CommandOutput {
        switch format {
        case .json:
            // Written as it is made: a long list of units is never held whole.
            let value = json()
            return CommandOutput(streamed: StreamedOutput { chunk in value.stream(to: chunk) })
        case .text: return CommandOutput(stdout: TextRenderer.render(document()))
        case .md: return CommandOutput(stdout: MarkdownRenderer.render(document()))
        case .csv: return CommandOutput(stdout: ExcelCSVRenderer.render(document()))
        case .html: return CommandOutput(stdout: HTMLRenderer.render(document(), language: language))
        case .xlsx: return CommandOutput(file: XLSXRenderer.render(workbook?() ?? document(), language: language))
        case .docx: return CommandOutput(file: DOCXRenderer.render(official?() ?? document(), language: language))
        }
    }
}
