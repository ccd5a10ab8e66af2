import KaoheModel
/// Monthly bulletin status (月通报): a month is 不合格 when the unit has at least
/// `bulletin.failAt` failed checks in it.
enum BulletinRating {
    static func months(unit: Int, ledger: DeductionLedger, rule: BulletinRule) -> [MonthStatus] {
        (1...12).map { month in
            let findings = ledger.failures(unit: unit, month: month)
            return MonthStatus(month: month, findings: findings, passed: findings.count < rule.failAt)
        }
    }
}
