import KaoheModel

/// One month of the bulletin (月通报, docs/scoring.md §11) for one unit.
public struct MonthStatus: Sendable {
    public var month: Int
    /// The unit's failed checks of the month, in file order.
    public var findings: FailureSelection
    public var failed: Int { findings.count }
    /// 合格: fewer than `bulletin.failAt` failed checks.
    public var passed: Bool
}
