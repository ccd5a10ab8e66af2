import KaoheModel

/// docs/scoring.md §1 — a unit's period score. Each category scores
/// `max(0, points − Σ deductions of the period)`: the category floor (扣完为止), so a category
/// never goes below zero nor takes points from another; the period score is the sum of the
/// category scores, rounded. A period without failed checks scores full marks.
package enum PeriodScoreRule {
    /// The months (1…12) of period `index` of `kind`.
    static func months(of kind: PeriodKind, index: Int) -> ClosedRange<Int> {
        switch kind {
        case .month: return index...index
        case .quarter: return (index - 1) * 3 + 1...index * 3
        case .half: return (index - 1) * 6 + 1...index * 6
        }
    }

    /// §1.1 The category floor: `max(0, points − deducted)`, unrounded.
    static func categoryScore(points: ExactDecimal, deducted: ExactDecimal) -> ExactDecimal {
        Swift.max(.zero, points - deducted)
    }

    /// Every unit's scores for every period of `kind`.
    static func table(_ ledger: DeductionLedger, kind: PeriodKind, year: Int, criteria: Criteria, unitCount: Int) -> PeriodTable {
        let categories = criteria.categories.map { (id: $0.id, points: $0.points) }
        let cells = unitCount * kind.count
        var deducted = CompactDecimals(reservingCapacity: cells * categories.count)
        var categoryScores = CompactDecimals(reservingCapacity: cells * categories.count)
        var periodScores = CompactDecimals(reservingCapacity: cells)
        let storage = ledger.storage
        let log = storage.log
        var sums = [ExactDecimal](repeating: .zero, count: categories.count)
        for unit in 0..<unitCount {
            for index in 1...kind.count {
                for c in sums.indices { sums[c] = .zero }
                for k in ledger.runs(unit: unit, months: months(of: kind, index: index)) {
                    let c = Int(storage.category(ofSlot: k))
                    guard c >= 0, c < sums.count else { continue }
                    let position = Int(storage.order[k])
                    sums[c] += log.deduction(of: log.record(at: position), at: position)
                }
                var total = ExactDecimal.zero
                for (c, category) in categories.enumerated() {
                    let score = categoryScore(points: category.points, deducted: sums[c])
                    total += score
                    deducted.append(sums[c])
                    categoryScores.append(score.rounded(criteria.places))
                }
                periodScores.append(total.rounded(criteria.places))
            }
        }
        return PeriodTable(ledger: ledger, kind: kind, year: year, categories: categories, deducted: deducted,
                           categoryScores: categoryScores, periodScores: periodScores)
    }
}
