/// `kaohe check DATA`: every error and warning, then the data-quality summary; exit 1 on errors.
enum CheckCommand {
    static func run(_ loaded: LoadedData, invocation: Invocation) -> CommandOutput {
        let language = invocation.language
        var out = DiagnosticText.render(loaded.diagnostics, language: language)
        if !loaded.diagnostics.isEmpty { out += "\n" }
        out += QualityText.render(loaded.quality, dataset: loaded.dataset, folder: invocation.folder,
                                  errors: loaded.errors.count, warnings: loaded.warnings.count, language: language)
        return CommandOutput(stdout: out, exitCode: loaded.hasErrors ? 1 : 0)
    }
}
