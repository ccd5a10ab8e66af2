import KaoheModel
/// Failed checks grouped per unit and month: the raw material of period scores.
///
/// Any period (month, quarter, half) is a union of months, and a category's floor applies to
/// the period's whole sum, so month groups are enough to score every period.
///
/// The groups are positions in the dataset's own ``FailureLog`` (a unit's failures of a month
/// are one run of `order`), so the ledger adds a few bytes per failed check and per
/// unit-month, whatever the number of units; the failures a result lists are
/// ``FailureSelection``s of those runs, not copies.
package struct DeductionLedger: Sendable {
    let storage: LedgerStorage

    init(dataset: Dataset) {
        var unitIndex: [String: Int] = [:]
        unitIndex.reserveCapacity(dataset.units.count)
        for (i, unit) in dataset.units.enumerated() where unitIndex[unit.id] == nil { unitIndex[unit.id] = i }
        var categoryOfItem: [String: Int] = [:]
        for (category, item) in dataset.criteria.items { categoryOfItem[item.id] = category }
        let log = dataset.failures

        // Table numbers of the log → unit index and category (-1: unknown).
        let unitOf = log.unitIDs.map { Int32(truncatingIfNeeded: unitIndex[$0] ?? -1) }
        let categoryOf = log.itemIDs.map { Int32(truncatingIfNeeded: categoryOfItem[$0] ?? -1) }
        // Day of the year → month; failures of another year are left out.
        let first = CivilDate(year: dataset.year, month: 1, day: 1) ?? CivilDate(dayNumber: 0)
        let yearStart = first.dayNumber
        let days = CivilDate.isLeap(first.year) ? 366 : 365
        let monthOfDay = (0..<days).map { Int32(CivilDate(dayNumber: yearStart + $0).month) }

        // Counting sort of the failures by unit-month; failures of unknown units or items, or
        // of another year, are left out.
        let cells = dataset.units.count * 12
        var cellOf = [Int32](repeating: -1, count: log.count)
        var extraCategories: [Int32: Int32] = [:]
        var counts = [Int32](repeating: 0, count: cells + 1)
        var position = 0
        for block in log.blocks {
            for record in block {
                defer { position += 1 }
                let u = Int(unitOf[Int(record.unit)])
                guard u >= 0 else { continue }
                var c = -1
                if record.item != FailureLog.inExtras {
                    c = Int(categoryOf[Int(record.item)])
                } else if let item = log.extras[position]?.item {
                    c = categoryOfItem[item] ?? -1
                    if c >= 0 { extraCategories[Int32(truncatingIfNeeded: position)] = Int32(truncatingIfNeeded: c) }
                }
                guard c >= 0, let dayNumber = log.dayNumber(of: record) ?? log.extras[position]?.date?.dayNumber else { continue }
                let day = dayNumber - yearStart
                guard day >= 0, day < days else { continue }
                let cell = u * 12 + Int(monthOfDay[day]) - 1
                cellOf[position] = Int32(truncatingIfNeeded: cell)
                counts[cell + 1] += 1
            }
        }
        for cell in 0..<cells { counts[cell + 1] += counts[cell] }
        var next = counts
        var order = [Int32](repeating: 0, count: Int(counts[cells]))
        for i in cellOf.indices where cellOf[i] >= 0 {
            let cell = Int(cellOf[i])
            order[Int(next[cell])] = Int32(truncatingIfNeeded: i)
            next[cell] += 1
        }
        storage = LedgerStorage(log: log, order: order, start: counts, categoryOfItem: categoryOf,
                                extraCategories: extraCategories,
                                categories: dataset.criteria.categories.map { ($0.id, $0.points) },
                                places: dataset.criteria.places)
    }

    /// Positions in the ledger's order of one unit's failures of months `first…last`.
    func runs(unit: Int, months: ClosedRange<Int>) -> Range<Int> { storage.runs(unit: unit, months: months) }

    /// Failed checks of one unit in one month, in file order.
    func failures(unit: Int, month: Int) -> FailureSelection {
        FailureSelection(storage: storage, slots: runs(unit: unit, months: month...month), category: nil)
    }

    /// Failed checks of one unit in the year, by month, in file order within a month.
    func failures(unit: Int) -> FailureSelection {
        FailureSelection(storage: storage, slots: runs(unit: unit, months: 1...12), category: nil)
    }
}

/// The ledger's tables, shared by every selection made from it.
final class LedgerStorage: Sendable {
    let log: FailureLog
    /// Failure positions sorted by unit and month, in file order within a month.
    let order: [Int32]
    /// Category of each item number of the log (-1: not in the criteria), and of the failures
    /// whose item is held in the log's extras, by position.
    let categoryOfItem: [Int32]
    let extraCategories: [Int32: Int32]
    /// `order[start[unit × 12 + month − 1] ..< start[unit × 12 + month]]` are a unit-month's.
    let start: [Int32]

    /// The criteria's categories and decimal places.
    let categories: [(id: String, points: ExactDecimal)]
    let places: Int

    init(log: FailureLog, order: [Int32], start: [Int32], categoryOfItem: [Int32], extraCategories: [Int32: Int32],
         categories: [(id: String, points: ExactDecimal)], places: Int) {
        self.log = log; self.order = order; self.start = start
        self.categoryOfItem = categoryOfItem; self.extraCategories = extraCategories
        self.categories = categories; self.places = places
    }

    /// The category of the failure at position `k` of `order`.
    @inline(__always)
    func category(ofSlot k: Int) -> Int32 {
        let position = order[k]
        let item = log.record(at: Int(position)).item
        return item == FailureLog.inExtras ? extraCategories[position] ?? -1 : categoryOfItem[Int(item)]
    }

    /// Positions in `order` of one unit's failures of months `first…last`.
    func runs(unit: Int, months: ClosedRange<Int>) -> Range<Int> {
        let low = unit * 12 + months.lowerBound - 1, high = unit * 12 + months.upperBound
        guard unit >= 0, months.lowerBound >= 1, months.upperBound <= 12, high < start.count else { return 0..<0 }
        return Int(start[low])..<Int(start[high])
    }
}
