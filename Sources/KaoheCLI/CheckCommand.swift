import KaoheKit
/// `kaohe check DATA`: every error and warning, then the data-quality summary; exit 1 on errors.
enum CheckCommand {
    static func run(_ loaded: LoadedData, invocation: Invocation, color: Bool = false) -> CommandOutput {
        let language = invocation.language
        var output: CommandOutput
        if invocation.format == .text {
            var out = DiagnosticText.render(loaded.diagnostics, language: language, color: color)
            if loaded.quality.files.isEmpty {
                output = CommandOutput(stdout: out, exitCode: 1)
                return output
            }
            if !loaded.diagnostics.isEmpty { out += "\n" }
            var summary = Document(title: (language == .zh ? "数据质量" : "Data quality") + "  \(invocation.folder)")
            summary.add(contentsOf: CheckReport.quality(loaded.quality, dataset: loaded.dataset, language: language))
            out += TextRenderer.render(summary)
            out += language == .zh ? "错误 \(loaded.errors.count) 个，警告 \(loaded.warnings.count) 个\n"
                                   : "\(loaded.errors.count) error(s), \(loaded.warnings.count) warning(s)\n"
            output = CommandOutput(stdout: out)
        } else {
            output = KaoheCLI.render(invocation, json: { CheckJSON.render(loaded, language: language) },
                                     document: { CheckReport.document(loaded, folder: invocation.folder, language: language) })
        }
        output.exitCode = loaded.hasErrors ? 1 : 0
        return output
    }
}
