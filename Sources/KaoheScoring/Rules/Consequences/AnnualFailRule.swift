import KaoheModel

/// docs/scoring.md §12.6 — annual-fail (年度考核不合格, level 2): the unit holds the lowest
/// band after veto (§8) and quota (§9).
enum AnnualFailRule {
    static func applies(band: String?, bands: [Band]) -> Bool { band != nil && band == bands.last?.name }

    static func consequence(year: Int) -> Consequence {
        Consequence(kind: .annualFail, period: .year(year), evidence: nil, facts: .annualFail)
    }
}
