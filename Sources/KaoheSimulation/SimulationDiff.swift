import KaoheModel
import KaoheLoad
import KaoheScoring
/// What a what-if changed: per unit total, band and rank before → after, and the knock-on
/// effects (consequences that appear or disappear, last places, quota moves).
package struct SimulationDiff: Sendable {
    package struct UnitChange: Sendable {
        package var unit: Unit
        package var before: Outcome
        package var after: Outcome
    }

    package struct Outcome: Sendable, Equatable {
        package var total: ExactDecimal
        package var band: String?
        package var rank: Int?
        package var flags: [String]
    }

    package struct ConsequenceChange: Sendable {
        package var unit: Unit
        package var consequence: Consequence
        /// true: appears with the changes; false: disappears.
        package var appears: Bool
    }

    /// Units whose total, band or rank changed, in units.csv order.
    package var changes: [UnitChange]
    package var consequences: [ConsequenceChange]
    package var before: Assessment
    package var after: Assessment

    package init(before: Assessment, after: Assessment) {
        self.before = before
        self.after = after
        var changes: [UnitChange] = []
        var consequences: [ConsequenceChange] = []
        for (b, a) in zip(before.units, after.units) {
            let was = Outcome(total: b.total, band: b.band, rank: b.rank, flags: b.flags)
            let now = Outcome(total: a.total, band: a.band, rank: a.rank, flags: a.flags)
            if was.total != now.total || was.band != now.band || was.rank != now.rank {
                changes.append(UnitChange(unit: a.unit, before: was, after: now))
            }
            let key: (Consequence) -> String = { "\($0.kind.rawValue)|\($0.period)|\($0.evidence?.description ?? "")" }
            let oldKeys = Set(b.consequences.map(key)), newKeys = Set(a.consequences.map(key))
            for c in a.consequences where !oldKeys.contains(key(c)) {
                consequences.append(ConsequenceChange(unit: a.unit, consequence: c, appears: true))
            }
            for c in b.consequences where !newKeys.contains(key(c)) {
                consequences.append(ConsequenceChange(unit: a.unit, consequence: c, appears: false))
            }
        }
        self.changes = changes
        self.consequences = consequences
    }
}

/// Runs a what-if: the year as it is, the year with the changes, and their difference.
package enum Simulation {
    package static func run(_ dataset: Dataset, requests: [ChangeRequest]) -> Result<SimulationDiff, SimulationError> {
        var parsed: [(request: ChangeRequest, change: Change)] = []
        for request in requests {
            switch ChangeParser.parse(request, dataset: dataset) {
            case .success(let change): parsed.append((request, change))
            case .failure(let error): return .failure(error)
            }
        }
        switch ChangeApplier.apply(parsed, to: dataset) {
        case .success(let changed):
            return .success(SimulationDiff(before: Assessor.assess(dataset), after: Assessor.assess(changed)))
        case .failure(let error):
            return .failure(error)
        }
    }
}
