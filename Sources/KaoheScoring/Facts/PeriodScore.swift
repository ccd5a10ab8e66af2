import KaoheModel

/// One period of the checks part for one unit: category scores with their floors (扣完为止,
/// docs/scoring.md §1) and the period score.
package struct PeriodScore: Sendable {
    package var period: Period
    /// 1-based period within the year.
    package var index: Int { period.index }
    /// `2025-Q2`.
    package var label: String { period.description }
    /// Σ category scores, rounded.
    package var score: ExactDecimal
    /// The category scores, in criteria order.
    package var categories: [CategoryScore] { table.categories(unit: Int(unit), index: index) }
    /// For a unit with exempt categories (§1.2): the scale and the points of the categories
    /// that apply, by which the sum of those categories was rescaled.
    package var rescale: (scale: ExactDecimal, applicablePoints: ExactDecimal)? {
        table.exemptions[Int(unit)].map { (table.scale, $0.applicablePoints) }
    }

    let table: PeriodTable
    let unit: Int32
}

/// A category within one period: `max(0, points − Σ deductions)`.
package struct CategoryScore: Sendable {
    package var category: String
    package var points: ExactDecimal
    /// Σ deductions of the failed checks (may exceed the points).
    package var deducted: ExactDecimal
    /// The score after the floor at zero, rounded.
    package var score: ExactDecimal
    /// The failed checks that made the deductions, by month, in file order within a month.
    package var failures: FailureSelection
    /// The category does not apply to the unit (§1.2): it takes no part in the period score.
    package var exempt: Bool
}

/// The period scores of every unit for one kind of period, as §1 found them: per unit,
/// period and category the deductions and the floored score, and per unit and period the
/// period score, in compact columns.
package final class PeriodTable: Sendable {
    let ledger: DeductionLedger
    let kind: PeriodKind
    let year: Int
    let categories: [(id: String, points: ExactDecimal)]
    /// `[(unit × periods + period − 1) × categories + category]`.
    let deducted: CompactDecimals
    let categoryScores: CompactDecimals
    /// `[unit × periods + period − 1]`.
    let periodScores: CompactDecimals
    /// Units with exempt categories (§1.2).
    let exemptions: [Int: Exemption]
    let scale: ExactDecimal

    struct Exemption: Sendable {
        /// Category indices.
        var categories: Set<Int>
        /// Σ points of the categories that apply.
        var applicablePoints: ExactDecimal
    }

    init(ledger: DeductionLedger, kind: PeriodKind, year: Int, categories: [(id: String, points: ExactDecimal)],
         deducted: CompactDecimals, categoryScores: CompactDecimals, periodScores: CompactDecimals,
         exemptions: [Int: Exemption] = [:], scale: ExactDecimal = 100) {
        self.ledger = ledger; self.kind = kind; self.year = year; self.categories = categories
        self.deducted = deducted; self.categoryScores = categoryScores; self.periodScores = periodScores
        self.exemptions = exemptions; self.scale = scale
    }

    var unitCount: Int { kind.count == 0 ? 0 : periodScores.count / kind.count }

    /// Period `index` (1-based) of unit `unit`.
    func score(unit: Int, index: Int) -> PeriodScore {
        PeriodScore(period: .of(kind, year: year, index: index), score: periodScores[unit * kind.count + index - 1],
                    table: self, unit: Int32(truncatingIfNeeded: unit))
    }

    /// All periods of unit `unit`.
    func scores(unit: Int) -> [PeriodScore] {
        guard unit >= 0, unit < unitCount else { return [] }
        return (1...kind.count).map { score(unit: unit, index: $0) }
    }

    func categories(unit: Int, index: Int) -> [CategoryScore] {
        let base = (unit * kind.count + index - 1) * categories.count
        let runs = ledger.runs(unit: unit, months: PeriodScoreRule.months(of: kind, index: index))
        let exempt = exemptions[unit]?.categories ?? []
        return categories.enumerated().map { c, category in
            CategoryScore(category: category.id, points: category.points, deducted: deducted[base + c],
                          score: categoryScores[base + c],
                          failures: FailureSelection(storage: ledger.storage, slots: runs, category: c),
                          exempt: exempt.contains(c))
        }
    }
}
