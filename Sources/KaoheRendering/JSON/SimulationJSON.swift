import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// `simulate --format json` (docs/commands.md) and `simulate --margins --format json`.
public enum SimulationJSON {
    /// `{"changes": [...]}`; with `--margins`, also `"margins"` after the changes.
    public static func diff(_ diff: SimulationDiff, margins: [Margin]? = nil) -> JSONValue {
        func outcome(_ o: SimulationDiff.Outcome) -> JSONValue {
            .object([("total", .number(o.total)), ("band", .string(o.band)), ("rank", .optional(o.rank))])
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

    public static func margins(_ margins: [Margin]) -> JSONValue {
        func step(_ s: Margin.Step?) -> JSONValue {
            guard let s else { return .null }
            return .object([
                ("band", .string(s.band)),
                ("min", .number(s.min)),
                ("points", .number(s.points)),
                ("parts", .object(s.parts.map { ($0.part.id, $0.score.map(JSONValue.number) ?? .null) })),
            ])
        }
        return .object([
            ("margins", .array(margins.map { m in
                .object([
                    ("unit", .string(m.unit.id)),
                    ("name", .string(m.unit.name)),
                    ("total", .number(m.total)),
                    ("band", .string(m.band)),
                    ("vetoed", .bool(m.vetoed)),
                    ("above", step(m.above)),
                    ("below", step(m.below)),
                ])
            })),
        ])
    }
}
