import KaoheModel

/// docs/scoring.md §11 — the monthly bulletin (月通报): a month is 不合格 when the unit has at
/// least `bulletin.failAt` failed checks in it.
enum MonthlyBulletinRule {
    /// The failed months of a unit as a mask: bit `m − 1` for month `m`.
    static func failedMonths(unit: Int, ledger: DeductionLedger, rule: BulletinRule) -> UInt16 {
        var mask: UInt16 = 0
        for month in 1...12 where ledger.runs(unit: unit, months: month...month).count >= rule.failAt {
            mask |= 1 << (month - 1)
        }
        return mask
    }
}
