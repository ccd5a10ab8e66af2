import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `simulate --format json` (docs/commands.md) and `simulate --margins --format json`.
package enum SimulationJSON {
    /// `{"changes": [...]}`; with `--margins`, also `"margins"` after the changes.
    package static func diff(_ diff: SimulationDiff, margins: [Margin]? = nil) -> JSONValue {
        func outcome(_ o: SimulationDiff.Outcome) -> JSONValue {
            .object([("total", .number(o.total)), ("band", .optional(o.band)), ("rank", .optional(o.rank))])
        }
        var members: [(String, JSONValue)] = [
            ("changes", .array(diff.changes.map { change in
                .object([
                    ("unit", .string(change.unit.id)),
                    ("name", .string(change.unit.name)),
                    ("before", outcome(change.before)),
                    ("after", outcome(change.after)),
                ])
            })),
        ]
        if let margins, case .object(let extra) = self.margins(margins) { members += extra }
        return .object(members)
    }

    package static func margins(_ margins: [Margin]) -> JSONValue {
        func step(_ s: Margin.Step?) -> JSONValue {
            guard let s else { return .null }
            return .object([
                ("band", .string(s.band)),
                ("min", s.min.map(JSONValue.number) ?? .null),
                ("points", s.points.map(JSONValue.number) ?? .null),
                ("blocked", .optional(s.blocked?.rawValue)),
                ("components", .object(s.components.map { ($0.component.id, $0.score.map(JSONValue.number) ?? .null) })),
            ])
        }
        return .object([
            ("margins", .array(margins.map { m in
                .object([
                    ("unit", .string(m.unit.id)),
                    ("name", .string(m.unit.name)),
                    ("total", .number(m.total)),
                    ("band", .optional(m.band)),
                    ("vetoed", .bool(m.vetoed)),
                    ("above", step(m.above)),
                    ("below", step(m.below)),
                ])
            })),
        ])
    }
}
