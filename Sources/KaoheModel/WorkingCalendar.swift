/// Which days are working days (工作日): official holidays are off, 调休 make-up days are on,
/// every other day is a working day when it is Monday–Friday.
package struct WorkingCalendar: Sendable, Hashable {
    package var holidays: Set<CivilDate> { didSet { table = DayTable(holidays: holidays, workdays: workdays) } }
    package var workdays: Set<CivilDate> { didSet { table = DayTable(holidays: holidays, workdays: workdays) } }
    /// The holidays and make-up days by day number, for looking days up without hashing.
    private var table: DayTable

    package init(holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
        table = DayTable(holidays: holidays, workdays: workdays)
    }

    /// A plain Monday–Friday calendar.
    package static let weekdays = WorkingCalendar()

    package func isWorkingDay(_ date: CivilDate) -> Bool { table.isWorkingDay(date.dayNumber) }

    /// The `n`-th working day after `date` (the date itself not counted).
    package func workingDay(_ n: Int, after date: CivilDate) -> CivilDate {
        n <= 0 ? date : CivilDate(dayNumber: workingDay(n, afterDay: date.dayNumber))
    }

    /// ``workingDay(_:after:)`` on day numbers (days since 1970-01-01).
    package func workingDay(_ n: Int, afterDay start: Int) -> Int {
        var day = start
        var counted = 0
        while counted < n {
            day += 1
            if table.isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    /// Adds another year's calendar.
    package func merged(with other: WorkingCalendar) -> WorkingCalendar {
        WorkingCalendar(holidays: holidays.union(other.holidays), workdays: workdays.union(other.workdays))
    }

    package static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.holidays == b.holidays && a.workdays == b.workdays
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(holidays)
        hasher.combine(workdays)
    }
}

/// Holidays (1) and make-up working days (2) by day number over the span they cover.
private struct DayTable: Sendable {
    let first: Int
    let marks: [UInt8]

    init(holidays: Set<CivilDate>, workdays: Set<CivilDate>) {
        let days = holidays.map(\.dayNumber) + workdays.map(\.dayNumber)
        guard let low = days.min(), let high = days.max(), high - low < 1_000_000 else {
            first = 0
            marks = []
            if !days.isEmpty { fallback = (Set(holidays.map(\.dayNumber)), Set(workdays.map(\.dayNumber))) }
            return
        }
        first = low
        var marks = [UInt8](repeating: 0, count: high - low + 1)
        for date in holidays { marks[date.dayNumber - low] = 1 }
        for date in workdays { marks[date.dayNumber - low] = 2 }
        self.marks = marks
    }

    /// Sets of day numbers, for calendars spread over more than a million days.
    private var fallback: (holidays: Set<Int>, workdays: Set<Int>)?

    @inline(__always)
    func isWorkingDay(_ day: Int) -> Bool {
        let offset = day - first
        if offset >= 0 && offset < marks.count {
            let mark = marks[offset]
            if mark != 0 { return mark == 2 }
        } else if let fallback {
            if fallback.workdays.contains(day) { return true }
            if fallback.holidays.contains(day) { return false }
        }
        // 1970-01-01 (day 0) was a Thursday: Saturday and Sunday are days 2 and 3 mod 7.
        let weekday = ((day % 7) + 7) % 7
        return weekday != 2 && weekday != 3
    }
}

