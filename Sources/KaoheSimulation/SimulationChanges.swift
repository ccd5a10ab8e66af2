import KaoheModel
import KaoheLoad

extension Simulation {
    /// The dataset with the changes `requests` ask for applied (in memory), or why one cannot be.
    package static func changed(_ dataset: Dataset, requests: [ChangeRequest]) -> Result<Dataset, SimulationError> {
        var parsed: [(request: ChangeRequest, change: Change)] = []
        for request in requests {
            switch ChangeParser.parse(request, dataset: dataset) {
            case .success(let change): parsed.append((request, change))
            case .failure(let error): return .failure(error)
            }
        }
        return ChangeApplier.apply(parsed, to: dataset)
    }
}
