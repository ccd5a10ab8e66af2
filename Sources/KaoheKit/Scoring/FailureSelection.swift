/// Some failed checks of a unit — of a month, or of one category in a period — as a view of
/// the dataset's ``FailureLog`` (positions, not copies).
public struct FailureSelection: Collection, Sendable {
    let storage: LedgerStorage?
    /// Positions in the ledger's order.
    let slots: Range<Int>
    /// Only failures of this category (index in the criteria), or all.
    let category: Int?

    init(storage: LedgerStorage, slots: Range<Int>, category: Int?) {
        self.storage = storage
        self.slots = slots
        self.category = category
    }

    /// No failures.
    public init() {
        storage = nil
        slots = 0..<0
        category = nil
    }

    public typealias Index = Int

    public var startIndex: Int { next(from: slots.lowerBound) }
    public var endIndex: Int { slots.upperBound }

    public func index(after i: Int) -> Int { next(from: i + 1) }

    public subscript(position: Int) -> Failure {
        guard let storage else { preconditionFailure("FailureSelection index out of range") }
        return storage.log[Int(storage.order[position])]
    }

    public var count: Int {
        guard let storage, let category else { return slots.count }
        var n = 0
        for k in slots where Int(storage.categoryOfSlot[k]) == category { n += 1 }
        return n
    }

    public var isEmpty: Bool { startIndex == endIndex }

    private func next(from k: Int) -> Int {
        guard let storage, let category else { return Swift.min(k, slots.upperBound) }
        var k = k
        while k < slots.upperBound && Int(storage.categoryOfSlot[k]) != category { k += 1 }
        return k
    }
}
