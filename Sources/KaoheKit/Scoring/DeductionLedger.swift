/// Failed checks grouped per unit and month: the raw material of period scores.
///
/// Any period (month, quarter, half) is a union of months, and a category's floor applies to
/// the period's whole sum, so month groups are enough to score every period.
///
/// The groups are positions in the dataset's own failure array (a unit's failures of a month
/// are one run of `order`), so the ledger adds a few bytes per failed check and per
/// unit-month, whatever the number of units.
struct DeductionLedger: Sendable {
    private let failures: [Failure]
    /// Failure positions sorted by unit and month, in file order within a month.
    private let order: [Int32]
    /// Category of each failure position (-1 when its item is unknown).
    private let categoryOfFailure: [Int32]
    /// `order[start[unit × 12 + month − 1] ..< start[unit × 12 + month]]` are a unit-month's.
    private let start: [Int32]
    private let categoryOfItem: [String: Int]

    init(dataset: Dataset) {
        var unitIndex: [String: Int] = [:]
        unitIndex.reserveCapacity(dataset.units.count)
        for (i, unit) in dataset.units.enumerated() where unitIndex[unit.id] == nil { unitIndex[unit.id] = i }
        var categoryOfItem: [String: Int] = [:]
        for (category, item) in dataset.criteria.items { categoryOfItem[item.id] = category }
        self.categoryOfItem = categoryOfItem
        failures = dataset.failures

        // Counting sort of the failures by unit-month; failures of unknown units or items, or
        // of another year, are left out.
        let cells = dataset.units.count * 12
        var cellOf = [Int32](repeating: -1, count: dataset.failures.count)
        var categories = [Int32](repeating: -1, count: dataset.failures.count)
        var counts = [Int32](repeating: 0, count: cells + 1)
        var lastUnit = ""
        var lastIndex = -1
        for (i, failure) in dataset.failures.enumerated() {
            let u: Int
            if failure.unit == lastUnit && lastIndex >= 0 {
                u = lastIndex
            } else {
                guard let found = unitIndex[failure.unit] else { continue }
                u = found
                lastUnit = failure.unit
                lastIndex = found
            }
            guard let c = categoryOfItem[failure.item], failure.date.year == dataset.year else { continue }
            let cell = u * 12 + failure.date.month - 1
            cellOf[i] = Int32(truncatingIfNeeded: cell)
            categories[i] = Int32(truncatingIfNeeded: c)
            counts[cell + 1] += 1
        }
        for cell in 0..<cells { counts[cell + 1] += counts[cell] }
        var next = counts
        var order = [Int32](repeating: 0, count: Int(counts[cells]))
        for i in cellOf.indices where cellOf[i] >= 0 {
            let cell = Int(cellOf[i])
            order[Int(next[cell])] = Int32(truncatingIfNeeded: i)
            next[cell] += 1
        }
        self.order = order
        categoryOfFailure = categories
        start = counts
    }

    func category(ofItem item: String) -> Int? { categoryOfItem[item] }

    /// The months (1…12) of period `index` of `kind`.
    static func months(of kind: PeriodKind, index: Int) -> ClosedRange<Int> {
        switch kind {
        case .month: return index...index
        case .quarter: return (index - 1) * 3 + 1...index * 3
        case .half: return (index - 1) * 6 + 1...index * 6
        }
    }

    /// Positions in `order` of one unit-month's failures.
    private func run(unit: Int, month: Int) -> Range<Int> {
        let cell = unit * 12 + month - 1
        guard unit >= 0, month >= 1, month <= 12, cell + 1 < start.count else { return 0..<0 }
        return Int(start[cell])..<Int(start[cell + 1])
    }

    /// Category scores and the period score of one unit (3.2): each category floored at zero
    /// (扣完为止), the sum rounded.
    func periodScore(unit: Int, kind: PeriodKind, index: Int, year: Int, criteria: Criteria) -> PeriodScore {
        let months = DeductionLedger.months(of: kind, index: index)
        // The unit's failures of the period are consecutive in `order`, month by month.
        let first = run(unit: unit, month: months.lowerBound)
        let last = run(unit: unit, month: months.upperBound)
        let runs = first.lowerBound..<Swift.max(first.lowerBound, last.upperBound)
        var categories: [CategoryScore] = []
        categories.reserveCapacity(criteria.categories.count)
        var total = ExactDecimal.zero
        for (c, category) in criteria.categories.enumerated() {
            var deducted = ExactDecimal.zero
            var found: [Failure] = []
            for k in runs {
                let i = Int(order[k])
                guard Int(categoryOfFailure[i]) == c else { continue }
                deducted += failures[i].deduction
                found.append(failures[i])
            }
            let score = Swift.max(.zero, category.points - deducted)
            total += score
            categories.append(CategoryScore(category: category.id, points: category.points, deducted: deducted,
                                            score: score.rounded(criteria.places), failures: found))
        }
        return PeriodScore(index: index, label: kind.label(year: year, index: index), categories: categories,
                           score: total.rounded(criteria.places))
    }

    /// Failed checks of one unit in one month, in file order.
    func failures(unit: Int, month: Int) -> [Failure] {
        run(unit: unit, month: month).map { failures[Int(order[$0])] }
    }
}
