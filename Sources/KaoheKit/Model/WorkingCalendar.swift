/// Which days are working days (工作日): official holidays are off, 调休 make-up days are on,
/// every other day is a working day when it is Monday–Friday.
public struct WorkingCalendar: Sendable, Hashable {
    public var holidays: Set<CivilDate>
    public var workdays: Set<CivilDate>

    public init(holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// A plain Monday–Friday calendar.
    public static let weekdays = WorkingCalendar()

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workdays.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
    }

    /// The `n`-th working day after `date` (the date itself not counted).
    public func workingDay(_ n: Int, after date: CivilDate) -> CivilDate {
        var day = date
        var counted = 0
        while counted < n {
            day = day.adding(days: 1)
            if isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    /// Adds another year's calendar.
    public func merged(with other: WorkingCalendar) -> WorkingCalendar {
        WorkingCalendar(holidays: holidays.union(other.holidays), workdays: workdays.union(other.workdays))
    }
}
