import KaoheModel

/// A part's score for one unit (docs/scoring.md §2, §3) and how it was reached.
package struct PartScore: Sendable {
    /// The part, as the criteria define it (shared by every unit's scores).
    package var part: Part { shared.part }
    let shared: SharedPart
    package var score: ExactDecimal
    /// How the score was reached.
    package var detail: Detail {
        switch stored {
        case .checks(let table, let unit, let sum):
            return .checks(periodScores: table?.scores(unit: Int(unit)).map(\.score) ?? [], sum: sum)
        case .scores(let table, let unit):
            var scores = table.componentScores(unit: Int(unit))
            if let (id, score) = override, let c = scores.firstIndex(where: { $0.component.id == id }) { scores[c].score = score }
            return .scores(scores, rescaledBy: table.rescaledBy[Int(unit)])
        }
    }
    let stored: StoredDetail
    /// A component score put in place of the stored one (``UnitRescoring``).
    var override: (String, ExactDecimal)? = nil

    /// The detail as kept: in the period table (checks part) or the component table (scores part).
    enum StoredDetail: Sendable {
        case checks(PeriodTable?, unit: Int32, sum: ExactDecimal)
        case scores(ComponentTable, unit: Int32)
    }

    package enum Detail: Sendable {
        /// The mean of `periodScores` (Σ and count shown in the audit trail).
        case checks(periodScores: [ExactDecimal], sum: ExactDecimal)
        /// Component scores with their weights and sources; `rescaledBy` is Σ weight (or Σ max)
        /// of the applicable components when some were not applicable (§3.1).
        case scores([ComponentScore], rescaledBy: ExactDecimal?)
    }
}

package struct ComponentScore: Sendable {
    /// The component, as the criteria define it.
    package var component: Component { components.list[Int(index)] }
    /// The part's components (shared by every unit's scores) and this one's place among them.
    let components: ComponentList
    let index: Int32
    /// nil when the component does not apply to the unit (不适用, §3.1).
    package var score: ExactDecimal?
    /// Where the score came from (`scores.csv:12` or `survey.csv:7`).
    package var source: SourceRef?
}

/// A part of the criteria, shared by the part scores of every unit.
final class SharedPart: Sendable {
    let part: Part
    init(_ part: Part) { self.part = part }
}

/// The components of a part, shared by the component scores of every unit.
final class ComponentList: Sendable {
    let list: [Component]
    init(_ list: [Component]) { self.list = list }
}
