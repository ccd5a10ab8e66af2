import KaoheModel
/// Some failed checks of a unit — of a month, or of one category in a period — as a view of
/// the dataset's ``FailureLog`` (positions, not copies).
package struct FailureSelection: Collection, Sendable {
    let storage: LedgerStorage?
    /// Positions in the ledger's order: `lower ..< upper`.
    let lower: Int32
    let upper: Int32
    /// Only failures of this category (index in the criteria), or all when negative.
    let category: Int32

    init(storage: LedgerStorage, slots: Range<Int>, category: Int?) {
        self.storage = storage
        lower = Int32(truncatingIfNeeded: slots.lowerBound)
        upper = Int32(truncatingIfNeeded: slots.upperBound)
        self.category = Int32(truncatingIfNeeded: category ?? -1)
    }

    /// No failures.
    package init() {
        storage = nil
        lower = 0
        upper = 0
        category = -1
    }

    package typealias Index = Int

    package var startIndex: Int { next(from: Int(lower)) }
    package var endIndex: Int { Int(upper) }

    package func index(after i: Int) -> Int { next(from: i + 1) }

    package subscript(position: Int) -> Failure {
        guard let storage else { preconditionFailure("FailureSelection index out of range") }
        return storage.log[Int(storage.order[position])]
    }

    package var count: Int {
        guard let storage, category >= 0 else { return Int(upper - lower) }
        var n = 0
        for k in Int(lower)..<Int(upper) where storage.category(ofSlot: k) == category { n += 1 }
        return n
    }

    package var isEmpty: Bool { startIndex == endIndex }

    private func next(from k: Int) -> Int {
        guard let storage, category >= 0 else { return Swift.min(k, Int(upper)) }
        var k = k
        while k < Int(upper) && storage.category(ofSlot: k) != category { k += 1 }
        return k
    }
}
