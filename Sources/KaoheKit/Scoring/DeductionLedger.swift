/// Failed checks folded per unit, month and category: the raw material of period scores.
///
/// Any period (month, quarter, half) is a union of months, and a category's floor applies to
/// the period's whole sum, so month sums are enough to score every period.
struct DeductionLedger: Sendable {
    /// `sums[unit][month - 1][category]`.
    private(set) var sums: [[[ExactDecimal]]]
    /// `failures[unit][month - 1]` in file order.
    private(set) var failures: [[[Failure]]]
    private let categoryOfItem: [String: Int]

    init(dataset: Dataset) {
        let unitIndex = Dictionary(dataset.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var categoryOfItem: [String: Int] = [:]
        for (category, item) in dataset.criteria.items { categoryOfItem[item.id] = category }
        self.categoryOfItem = categoryOfItem
        let categoryCount = dataset.criteria.categories.count
        sums = Array(repeating: Array(repeating: Array(repeating: .zero, count: categoryCount), count: 12),
                     count: dataset.units.count)
        failures = Array(repeating: Array(repeating: [], count: 12), count: dataset.units.count)
        for failure in dataset.failures {
            guard let u = unitIndex[failure.unit], let c = categoryOfItem[failure.item],
                  failure.date.year == dataset.year else { continue }
            sums[u][failure.date.month - 1][c] += failure.deduction
            failures[u][failure.date.month - 1].append(failure)
        }
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

    /// Category scores and the period score of one unit (3.2): each category floored at zero
    /// (扣完为止), the sum rounded.
    func periodScore(unit: Int, kind: PeriodKind, index: Int, year: Int, criteria: Criteria) -> PeriodScore {
        let months = DeductionLedger.months(of: kind, index: index)
        var categories: [CategoryScore] = []
        var total = ExactDecimal.zero
        for (c, category) in criteria.categories.enumerated() {
            var deducted = ExactDecimal.zero
            var found: [Failure] = []
            for month in months {
                deducted += sums[unit][month - 1][c]
                found += failures[unit][month - 1].filter { categoryOfItem[$0.item] == c }
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
    func failures(unit: Int, month: Int) -> [Failure] { failures[unit][month - 1] }
}
