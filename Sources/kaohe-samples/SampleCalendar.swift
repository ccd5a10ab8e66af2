import Foundation
import KaoheKit

/// Loads `cn-<year>.json` working-day calendars for the generator.
enum SampleCalendar {
    /// The calendars folder: `--calendars`, else `Criteria/calendars` under the current
    /// folder, else the one in the package this generator was built from.
    static func folder(_ option: String?) -> String {
        if let option { return option }
        let local = FileManager.default.currentDirectoryPath + "/Criteria/calendars"
        if FileManager.default.fileExists(atPath: local) { return local }
        let source = URL(fileURLWithPath: #filePath)
        return source.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Criteria/calendars").path
    }

    /// The year's calendar merged with the next year's (for rectification dates in January).
    /// The year's file is required; the next one is used when present.
    static func load(year: Int, folder: String) throws -> WorkingCalendar {
        var calendar = try loadFile("\(folder)/cn-\(year).json")
        let next = "\(folder)/cn-\(year + 1).json"
        if FileManager.default.fileExists(atPath: next) {
            calendar = calendar.merged(with: try loadFile(next))
        }
        return calendar
    }

    static func loadFile(_ path: String) throws -> WorkingCalendar {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SampleError("calendar \(path) not found (use --calendars DIR)")
        }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SampleError("calendar \(path) is not a JSON object")
        }
        func dates(_ key: String) throws -> Set<CivilDate> {
            let list = object[key] as? [String] ?? []
            var set = Set<CivilDate>()
            for text in list {
                guard let date = CivilDate(text) else { throw SampleError("calendar \(path): bad date \(text)") }
                set.insert(date)
            }
            return set
        }
        return WorkingCalendar(holidays: try dates("holidays"), workdays: try dates("workdays"))
    }
}

/// Day-indexed facts about the sample year, precomputed so that generating millions of rows
/// never walks the calendar.
struct YearDays {
    let year: Int
    /// Day number of January 1 of the year.
    let first: Int
    /// Days in the year.
    let count: Int
    /// `2025-03-07` as bytes, for every day from January 1 of the year to the end of March
    /// of the next (rectification dates may run into January).
    let dateBytes: [[UInt8]]
    let dateText: [String]
    /// Working days of the year and the next quarter, as day offsets from `first`.
    let workingDays: [Int]
    /// For each offset, the index in `workingDays` of the first working day after it.
    let nextWorking: [Int]
    /// Mondays (offsets; the first may be negative) of the weeks that touch the year.
    let weekStarts: [Int]
    /// Working-day offsets inside the year for each week of `weekStarts`.
    let weekWorkingDays: [[Int]]

    init(year: Int, calendar: WorkingCalendar) {
        self.year = year
        let jan1 = CivilDate(year: year, month: 1, day: 1) ?? CivilDate(dayNumber: 0)
        let nextJan1 = CivilDate(year: year + 1, month: 1, day: 1) ?? CivilDate(dayNumber: 366)
        let nextApril = CivilDate(year: year + 1, month: 4, day: 1) ?? CivilDate(dayNumber: 456)
        let first = jan1.dayNumber
        let count = nextJan1.dayNumber - jan1.dayNumber
        self.first = first
        self.count = count
        let span = nextApril.dayNumber - first
        var bytes: [[UInt8]] = []
        var texts: [String] = []
        var working: [Int] = []
        for offset in 0..<span {
            let date = CivilDate(dayNumber: first + offset)
            texts.append(date.description)
            bytes.append(Array(date.description.utf8))
            if calendar.isWorkingDay(date) { working.append(offset) }
        }
        dateBytes = bytes
        dateText = texts
        workingDays = working
        var next: [Int] = []
        var index = 0
        for offset in 0..<span {
            while index < working.count && working[index] <= offset { index += 1 }
            next.append(index)
        }
        nextWorking = next
        var starts: [Int] = []
        var weekDays: [[Int]] = []
        var monday = -(jan1.weekday - 1)
        while monday < count {
            starts.append(monday)
            weekDays.append((monday..<(monday + 7)).filter { $0 >= 0 && $0 < count && calendar.isWorkingDay(CivilDate(dayNumber: first + $0)) })
            monday += 7
        }
        weekStarts = starts
        weekWorkingDays = weekDays
    }

    /// The `n`-th working day after `offset` (n ≥ 1), or nil past the known span.
    func workingDay(_ n: Int, after offset: Int) -> Int? {
        guard offset >= 0, offset < nextWorking.count else { return nil }
        let index = nextWorking[offset] + n - 1
        return index < workingDays.count ? workingDays[index] : nil
    }

    /// A working day of the year from `month`/`day` on or after it.
    func workingDay(onOrAfter month: Int, _ day: Int) -> Int {
        let date = CivilDate(year: year, month: month, day: day) ?? CivilDate(dayNumber: first)
        let offset = date.dayNumber - first
        if let index = workingDays.firstIndex(where: { $0 >= offset }), workingDays[index] < count {
            return workingDays[index]
        }
        return offset
    }

    func month(of offset: Int) -> Int { CivilDate(dayNumber: first + offset).month }
}
