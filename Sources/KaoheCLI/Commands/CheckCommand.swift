import KaoheKit
/// `kaohe check DATA`: every error and warning, then the data-quality summary; exit 1 on errors.
struct CheckCommand: KaoheCommand {
    static let name = "check"
    static let abstract = LocalizedText(zh: "检查数据文件，列出全部错误和警告及数据质量",
                                        en: "validate the data files; list every error and warning and the data quality")
    static let usage = LocalizedText(zh: "[选项]", en: "[options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "一次列出全部错误和警告（文件:行:列、原文和位置），然后是数据质量：各文件读取、使用和拒绝的行数，\n无检查记录的单位周，重复行，忽略的列，台账时限。有错误时退出码为 1。",
        en: "Lists every error and warning at once (file:line:column, the line and a caret), then the data\nquality: rows read, used and rejected per file, unit-weeks without a record, duplicate rows,\nignored columns and the registers' deadlines. Exit code 1 when there are errors.")
    static let examples = ["kaohe check Samples/demo-2025"]
    static var options: [Option<CheckCommand>] { [] }

    var folder: String
    var shared = SharedOptions()

    init(folder: String) { self.folder = folder }

    func run(_ validation: Validation, terminal: Terminal) -> CommandOutput {
        var output = shared.format == .text
            ? CommandOutput(stdout: validation.render(.text, language: shared.language, color: terminal.stdoutColor))
            : shared.render(validation)
        output.exitCode = validation.hasErrors ? 1 : 0
        return output
    }
}
