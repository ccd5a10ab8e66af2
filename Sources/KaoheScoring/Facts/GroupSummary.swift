import KaoheModel

/// A group's period scores summed up for the year report (docs/scoring.md §10): the highest,
/// the mean (rounded) and the lowest period score of its units, per period.
package struct GroupSummary: Sendable {
    package var group: String
    /// One entry per period of the checks part, in order.
    package var periods: [PeriodSummary]

    package struct PeriodSummary: Sendable {
        package var period: Period
        package var highest: ExactDecimal
        /// Σ scores ÷ units, rounded.
        package var average: ExactDecimal
        package var lowest: ExactDecimal
    }

    /// The summaries of the groups that have units with period scores.
    static func summaries(_ table: PeriodTable, groups: [String], units: [Unit], places: Int) -> [GroupSummary] {
        groups.compactMap { group in
            let members = units.indices.filter { units[$0].group == group }
            guard !members.isEmpty else { return nil }
            return GroupSummary(group: group, periods: (1...table.kind.count).map { index in
                let scores = members.map { table.score(unit: $0, index: index).score }
                return PeriodSummary(period: .of(table.kind, year: table.year, index: index),
                                     highest: scores.max() ?? .zero,
                                     average: ExactDecimal.quotient(ExactDecimal.sum(scores), ExactDecimal(scores.count), places: places),
                                     lowest: scores.min() ?? .zero)
            })
        }
    }
}
