import KaoheModel

/// docs/scoring.md §1 — a unit's period score. Each category scores
/// `max(0, points − Σ deductions of the period)`: the category floor (扣完为止), so a category
/// never goes below zero nor takes points from another; the period score is the sum of the
/// category scores, rounded. A period without failed checks scores full marks.
/// §1.2 Exempt categories (不适用): a unit whose `exempt` column lists categories scores
/// `round(Σ cat over its other categories × scale ÷ Σ their points)`, one exact division.
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

    /// §1.2 The period score of a unit with exempt categories: `Σ cat × scale ÷ applicable points`.
    static func rescaled(_ sum: ExactDecimal, scale: ExactDecimal, applicablePoints: ExactDecimal, places: Int) -> ExactDecimal {
        ExactDecimal.quotient(sum * scale, applicablePoints, places: places)
    }

    /// Per unit with exempt categories: the indices of those categories and the points of the others.
    static func exemptions(_ units: [Unit], criteria: Criteria) -> [Int: PeriodTable.Exemption] {
        var found: [Int: PeriodTable.Exemption] = [:]
        for (u, unit) in units.enumerated() where !unit.exempt.isEmpty {
            let exempt = Set(criteria.categories.indices.filter { unit.exempt.contains(criteria.categories[$0].id) })
            guard !exempt.isEmpty else { continue }
            let points = ExactDecimal.sum(criteria.categories.indices.filter { !exempt.contains($0) }.map { criteria.categories[$0].points })
            found[u] = PeriodTable.Exemption(categories: exempt, applicablePoints: points)
        }
        return found
    }

    /// Every unit's scores for every period of `kind`.
    static func table(_ ledger: DeductionLedger, kind: PeriodKind, year: Int, criteria: Criteria, units: [Unit]) -> PeriodTable {
        let unitCount = units.count
        let exemptions = exemptions(units, criteria: criteria)
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
                let exemption = exemptions[unit]
                for (c, category) in categories.enumerated() {
                    let score = categoryScore(points: category.points, deducted: sums[c])
                    if exemption?.categories.contains(c) != true { total += score }
                    deducted.append(sums[c])
                    categoryScores.append(score.rounded(criteria.places))
                }
                if let exemption {
                    periodScores.append(rescaled(total, scale: criteria.scale, applicablePoints: exemption.applicablePoints,
                                                 places: criteria.places))
                } else {
                    periodScores.append(total.rounded(criteria.places))
                }
            }
        }
        return PeriodTable(ledger: ledger, kind: kind, year: year, categories: categories, deducted: deducted,
                           categoryScores: categoryScores, periodScores: periodScores, exemptions: exemptions,
                           scale: criteria.scale)
    }
}
