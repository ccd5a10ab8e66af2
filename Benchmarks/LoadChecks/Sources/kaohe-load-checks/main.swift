import Foundation
import KaoheKit
@testable import KaoheModel
@testable import KaoheLoad
@testable import KaoheScoring

/// usage: kaohe-load-checks FOLDER [--out FILE]
/// Prints, per step, the wall time and the peak resident memory so far (VmHWM); with --out
/// writes `unit,daily` (the checks part of every unit).
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: kaohe-load-checks FOLDER [--out FILE]\n".utf8))
    exit(2)
}
let folder = arguments[1]
let out = arguments.firstIndex(of: "--out").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
let start = Date()

func peakMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

func step(_ what: String) {
    let label = what.padding(toLength: 30, withPad: " ", startingAt: 0)
    print(label + String(format: "%7.3f s   peak %7.1f MiB", Date().timeIntervalSince(start), peakMiB()))
}

guard let manifest = ManifestLoader.load(path: Paths.join(folder, "assessment.json5")).manifest,
      let criteria = CriteriaLoader.load(path: Paths.normalize(Paths.join(folder, manifest.criteria))).criteria else {
    print("cannot read the manifest or criteria")
    exit(1)
}
var diagnostics: [Diagnostic] = []
var ignored: [IgnoredColumn] = []
guard let unitsTable = DataTable.read(path: Paths.join(folder, "units.csv"), name: "units.csv", specs: ColumnSpec.units,
                                      diagnostics: &diagnostics, ignored: &ignored) else {
    print("cannot read units.csv")
    exit(1)
}
let (units, rejected, _) = UnitsFile.validate(unitsTable, criteria: criteria, diagnostics: &diagnostics)
let context = ValidationContext(year: manifest.year, criteria: criteria, units: units, rejectedUnits: rejected)
step("units.csv (\(units.count) units)")

guard let checks = ChecksFile.load(path: Paths.join(folder, "checks.csv"), name: "checks.csv", context: context,
                                   diagnostics: &diagnostics, ignored: &ignored) else {
    print("cannot read checks.csv")
    exit(1)
}
let recordBytes = MemoryLayout<FailureLog.Record>.stride
step("checks.csv (\(checks.usage.read) rows)")
print(String(format: "  %d failed checks × %d bytes (FailureLog record) = %.1f MiB", checks.failures.count,
             recordBytes, Double(checks.failures.count * recordBytes) / 1_048_576))

var dataset = Dataset(year: manifest.year, title: manifest.title, criteria: criteria, calendar: .weekdays, units: units)
dataset.failures = checks.failures
let ledger = DeductionLedger(dataset: dataset)
let kind = criteria.checksPeriod
var text = ""
let table = PeriodScoreRule.table(ledger, kind: kind, year: manifest.year, criteria: criteria, units: units)
if let part = criteria.checksPart {
    let shared = SharedPart(part)
    for (u, unit) in units.enumerated() {
        let daily = ChecksPartRule.score(shared, periods: table, unit: u, places: criteria.places).score
        if out != nil { text += "\(unit.id),\(daily)\n" }
    }
}
step("period scores")
if let out { try? text.write(toFile: out, atomically: true, encoding: .utf8) }
