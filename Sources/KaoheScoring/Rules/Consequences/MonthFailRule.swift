import KaoheModel

/// docs/scoring.md §12.2 — month-fail (月通报不合格, level 2): every month the bulletin rule
/// (§11) found failed.
enum MonthFailRule {
    static func consequences(_ failedMonths: UInt16, year: Int, ledger: DeductionLedger, unit: Int) -> [Consequence] {
        (1...12).compactMap { month in
            guard failedMonths & (1 << (month - 1)) != 0 else { return nil }
            return Consequence(kind: .monthFail, period: .month(month, of: year), evidence: nil,
                               facts: .monthFail(failedChecks: ledger.runs(unit: unit, months: month...month).count))
        }
    }
}
