import Foundation
import KaoheKit

/// kaohe-samples: writes the fictional sample data folders, byte for byte the same for a seed.
let usage = """
    usage: kaohe-samples demo OUTDIR [--seed N] [--units N] [--checks-per-week K] [--rows N]
                                     [--title TEXT] [--criteria PATH] [--calendars DIR] [--quiet]
           kaohe-samples baoding OUTDIR [--seed N] [--criteria PATH] [--calendars DIR] [--quiet]
           kaohe-samples website OUTDIR [--seed N] [--criteria PATH] [--calendars DIR] [--quiet]

      demo      the Weibin demo year (Criteria/weibin-2020.json5): 35 units, weekly checks
      baoding   the Baoding variant (Criteria/baoding-2011.json5): 8 units, Chinese headers
      website   government-website inspection (Criteria/gov-website-2019.json5): 16 units,
                exempt departments, bonus points above 80, a single-item veto
      --seed N             random seed (default 2025); the same seed gives the same files
      --units N            number of units (demo; about 2/7 of them towns and street offices)
      --checks-per-week K  checks per unit and week, each on its own working day (1–5, default 1)
      --rows N             a big benchmark year of about N check rows, logged item by item
                           (one row per criteria item and check, about 8% of them failed):
                           sets the number of units (or, with --units, the checks per week)
      --criteria PATH      criteria path written to assessment.json5, relative to OUTDIR
      --calendars DIR      folder of cn-YYYY.json calendars (default Criteria/calendars)

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kaohe-samples: \(message)\n\n\(usage)".utf8))
    exit(2)
}

func run() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 2 else { fail("expected a command and an output folder") }
    let command = arguments.removeFirst()
    let folder = arguments.removeFirst()
    var options: [String: String] = [:]
    var quiet = false
    while !arguments.isEmpty {
        let option = arguments.removeFirst()
        if option == "--quiet" { quiet = true; continue }
        guard ["--seed", "--units", "--checks-per-week", "--rows", "--title", "--criteria", "--calendars"].contains(option) else {
            fail("unknown option \(option)")
        }
        guard !arguments.isEmpty else { fail("\(option) needs a value") }
        options[option] = arguments.removeFirst()
    }
    func number(_ option: String, _ range: ClosedRange<Int>) -> Int? {
        guard let text = options[option] else { return nil }
        guard let value = Int(text), range.contains(value) else { fail("\(option) must be a number in \(range)") }
        return value
    }
    let seed = UInt64(number("--seed", 0...Int.max) ?? 2025)
    let year = 2025
    let calendar = try SampleCalendar.load(year: year, folder: SampleCalendar.folder(options["--calendars"]))
    let days = YearDays(year: year, calendar: calendar)

    switch command {
    case "demo":
        var units = number("--units", 2...10_000_000) ?? 35
        var checksPerWeek = number("--checks-per-week", 1...5) ?? 1
        var title = "\(year)年度渭滨示范区政务公开考核（虚构数据）"
        if let rows = number("--rows", 1...2_000_000_000) {
            // A province's consolidated log: every weekly check is written item by item.
            let rowsPerUnitWeek = Double(SchemeSpec.weibin.items.count)
            let weeks = Double(days.weekWorkingDays.filter { !$0.isEmpty }.count)
            if options["--units"] == nil {
                units = max(2, Int((Double(rows) / (weeks * rowsPerUnitWeek)).rounded()))
            } else if options["--checks-per-week"] == nil {
                checksPerWeek = min(5, max(1, Int((Double(rows) / (Double(units) * weeks * rowsPerUnitWeek)).rounded())))
            }
            title = "\(year)年度渭滨示范区政务公开考核（虚构数据，性能测试）"
        }
        var sample = Samples.weibin(units: units, seed: seed, checksPerWeek: checksPerWeek, days: days,
                                    title: options["--title"] ?? title,
                                    criteria: options["--criteria"] ?? "../../Criteria/weibin-2020.json5")
        sample.writeRegisters = options["--rows"] == nil
        if options["--rows"] != nil {
            sample.plan.itemRows = true
            sample.plan.itemFailScale = 880
        }
        try sample.write(to: folder, days: days, quiet: quiet)
    case "baoding":
        let sample = Samples.baoding(seed: seed, days: days,
                                     criteria: options["--criteria"] ?? "../../Criteria/baoding-2011.json5")
        try sample.write(to: folder, days: days, quiet: quiet)
    case "website":
        let sample = Samples.govWebsite(seed: seed, days: days,
                                        criteria: options["--criteria"] ?? "../../Criteria/gov-website-2019.json5")
        try sample.write(to: folder, days: days, quiet: quiet)
    default:
        fail("unknown command \(command)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("kaohe-samples: \(error)\n".utf8))
    exit(1)
}
