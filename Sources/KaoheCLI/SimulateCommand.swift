import KaoheKit
/// `kaohe simulate DATA [changes…] [--margins]`: what-if analysis.
enum SimulateCommand {
    static func run(_ dataset: Dataset, invocation: Invocation) -> CommandOutput {
        let language = invocation.language
        if invocation.changes.isEmpty {
            let margins = Margins.compute(Assessor.assess(dataset))
            return KaoheCLI.render(invocation,
                                   json: { SimulationJSON.margins(margins) },
                                   document: { SimulationReport.margins(margins, criteria: dataset.criteria, title: dataset.title, language: language) })
        }
        switch Simulation.run(dataset, requests: invocation.changes) {
        case .failure(let error):
            return KaoheCLI.usage(error.message, language)
        case .success(let diff):
            return KaoheCLI.render(invocation,
                                   json: { SimulationJSON.diff(diff, margins: invocation.margins ? Margins.compute(diff.after) : nil) },
                                   document: {
                                       var document = SimulationReport.document(diff, requests: invocation.changes, title: dataset.title, language: language)
                                       if invocation.margins {
                                           let margins = SimulationReport.margins(Margins.compute(diff.after), criteria: diff.after.criteria,
                                                                                  title: "", language: language)
                                           document.add(.heading(margins.subtitle ?? "", level: 1))
                                           document.add(contentsOf: margins.blocks)
                                       }
                                       return document
                                   })
        }
    }
}
