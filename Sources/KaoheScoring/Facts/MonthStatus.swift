import KaoheModel

/// One month of the bulletin (月通报, docs/scoring.md §11) for one unit.
package struct MonthStatus: Sendable {
    package var month: Int
    /// The unit's failed checks of the month, in file order.
    package var findings: FailureSelection
    package var failed: Int { findings.count }
    /// 合格: fewer than `bulletin.failAt` failed checks.
    package var passed: Bool
}
