/// `kaohe simulate DATA [changes…] [--margins]`: what-if analysis.
enum SimulateCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        if invocation.margins && invocation.changes.isEmpty {
            let margins = Margins.compute(Assessor.assess(dataset))
            switch invocation.format {
            case .json: return CommandOutput(stdout: SimulationJSON.margins(margins).serialized())
            case .text: return CommandOutput(stdout: SimulationText.margins(margins, criteria: dataset.criteria, title: dataset.title,
                                                                            language: invocation.language))
            default: return KaoheCLI.unsupported(invocation)
            }
        }
        switch Simulation.run(dataset, requests: invocation.changes) {
        case .failure(let error):
            return KaoheCLI.usage(error.message, invocation.language)
        case .success(let diff):
            var out: String
            switch invocation.format {
            case .json: out = SimulationJSON.diff(diff).serialized()
            case .text: out = SimulationText.render(diff, requests: invocation.changes, title: dataset.title, language: invocation.language)
            default: return KaoheCLI.unsupported(invocation)
            }
            if invocation.margins, invocation.format == .text {
                out += "\n" + SimulationText.margins(Margins.compute(diff.after), criteria: diff.after.criteria,
                                                     title: invocation.language == .zh ? "假设之后" : "After the changes",
                                                     language: invocation.language)
            }
            return CommandOutput(stdout: out)
        }
    }
}
