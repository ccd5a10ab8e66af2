import KaoheModel
import KaoheInput
/// Gaps in the check log (docs/data-files.md): unit-weeks with no record and units never checked.
enum Coverage {
    /// ISO weeks of the year are counted up to the week of the latest check in the file, so a
    /// year still in progress does not report its future weeks as gaps.
    static func report(_ checks: ChecksFile.Result, units: [Unit], year: Int, path: String,
                       quality: inout DataQuality, diagnostics: inout [Diagnostic]) {
        guard let last = checks.lastDate else {
            quality.neverChecked = units.map(\.id)
            if !units.isEmpty {
                diagnostics.append(Diagnostic(.noChecks, file: path))
            }
            return
        }
        let lastWeek: Int
        if last.isoWeek.year == year {
            lastWeek = last.isoWeek.week
        } else if let dec28 = CivilDate(year: year, month: 12, day: 28) {
            lastWeek = dec28.isoWeek.week
        } else {
            lastWeek = 52
        }
        for (u, unit) in units.enumerated() {
            let weeks = u < checks.weeks.count ? checks.weeks[u] : 0
            guard weeks != 0 else {
                quality.neverChecked.append(unit.id)
                diagnostics.append(Diagnostic(.neverChecked(unit), file: path))
                continue
            }
            let missing = (1...max(1, lastWeek)).filter { $0 > 63 || weeks & (1 << UInt64($0)) == 0 }
            if !missing.isEmpty {
                let gap = UnitWeeks(unit: unit.id, weeks: missing)
                quality.missingWeeks.append(gap)
                diagnostics.append(Diagnostic(.weeksWithoutRecord(unit, gap), file: path))
            }
        }
    }
}

extension Diagnostic.Message {
    /// A check log without a single record.
    static var noChecks: Self {
        .warning("checks.no-records", zh: "没有任何检查记录", en: "the check log has no records")
    }

    /// Weeks in which a unit has no record (a week should have at least one check).
    static func weeksWithoutRecord(_ unit: Unit, _ gap: UnitWeeks) -> Self {
        let count = gap.weeks.count
        return .warning("checks.weeks-without-record",
                        zh: "单位 \(unit.id)（\(unit.name)）有 \(count) 周没有检查记录（第 \(gap.ranges) 周）；每周应至少检查一次，请核对是否漏记",
                        en: "unit \(unit.id) (\(unit.name)) has no check record in \(count == 1 ? "week" : "\(count) weeks:") \(gap.ranges); every week needs at least one check, see whether records are missing")
    }

    static func neverChecked(_ unit: Unit) -> Self {
        .warning("checks.never-checked", zh: "单位 \(unit.id)（\(unit.name)）全年没有检查记录",
                 en: "unit \(unit.id) (\(unit.name)) was never checked")
    }
}
