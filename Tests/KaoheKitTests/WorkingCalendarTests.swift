import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

@Suite struct WorkingCalendarTests {
    static let criteriaPath = Repository.path("Criteria/weibin-2020.json5")

    func date(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

    func calendar2025() throws -> WorkingCalendar {
        let (calendar, diagnostics) = CalendarLoader.load(prefix: "calendars/cn", relativeTo: WorkingCalendarTests.criteriaPath, year: 2025)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        return calendar
    }

    // MARK: The shipped 2025 calendar

    @Test func makeUpWorkingDay() throws {
        let calendar = try calendar2025()
        let day = try date("2025-01-26")
        #expect(day.weekday == 7)  // a Sunday…
        #expect(calendar.isWorkingDay(day))  // …worked instead of a Spring Festival day (调休)
        #expect(!WorkingCalendar.weekdays.isWorkingDay(day))
    }

    @Test func nationalDayHoliday() throws {
        let calendar = try calendar2025()
        for day in 1...8 {
            let d = try #require(CivilDate(year: 2025, month: 10, day: day))
            #expect(!calendar.isWorkingDay(d), "\(d)")
        }
        #expect(calendar.isWorkingDay(try date("2025-10-09")))
        #expect(calendar.isWorkingDay(try date("2025-09-28")))  // Sunday worked
        #expect(calendar.isWorkingDay(try date("2025-10-11")))  // Saturday worked
        #expect(!calendar.isWorkingDay(try date("2025-10-12")))  // an ordinary Sunday
    }

    @Test func deadlineAcrossNationalDay() throws {
        let calendar = try calendar2025()
        // From Friday 2025-09-26: Sat 27 off; Sun 28 worked (1); Mon 29 (2); Tue 30 (3);
        // 1–8 October holiday; Thu 9 (4); Fri 10 (5).
        #expect(calendar.workingDay(5, after: try date("2025-09-26")) == (try date("2025-10-10")))
        // Monday–Friday alone would say Fri 3 October.
        #expect(WorkingCalendar.weekdays.workingDay(5, after: try date("2025-09-26")) == (try date("2025-10-03")))
        #expect(calendar.workingDay(0, after: try date("2025-09-26")) == (try date("2025-09-26")))
    }

    @Test func deadlineIntoTheNextYear() throws {
        let calendar = try calendar2025()
        // 2025-12-31 is a Wednesday; from the 2026 calendar, merged in: 1–3 January are
        // holidays and Sunday 4 January is worked.
        #expect(calendar.holidays.contains(try date("2026-01-01")))
        #expect(calendar.workingDay(1, after: try date("2025-12-31")) == (try date("2026-01-04")))
        #expect(calendar.workingDay(2, after: try date("2025-12-31")) == (try date("2026-01-05")))
    }

    // MARK: Civil dates

    @Test func daysAreLookedUpTheSameWhateverTheCalendarsSpan() throws {
        // A calendar spread over millions of days keeps its days in sets instead of a table; a
        // changed calendar looks its new days up; equal calendars are equal and hash alike.
        var wide = WorkingCalendar(holidays: [try date("0001-01-01"), try date("2025-10-01")],
                                   workdays: [try date("9999-12-25"), try date("2025-09-28")])
        var near = WorkingCalendar(holidays: [try date("2025-10-01")], workdays: [try date("2025-09-28")])
        for calendar in [wide, near] {
            #expect(!calendar.isWorkingDay(try date("2025-10-01")))   // Wednesday, holiday
            #expect(calendar.isWorkingDay(try date("2025-09-28")))    // Sunday, make-up day
            #expect(!calendar.isWorkingDay(try date("2025-09-27")))   // Saturday
            #expect(calendar.isWorkingDay(try date("2025-09-30")))    // Tuesday
            #expect(calendar.workingDay(2, after: try date("2025-09-26")) == (try date("2025-09-29")))
        }
        #expect(wide.isWorkingDay(try date("9999-12-25")))
        #expect(!wide.isWorkingDay(try date("0001-01-01")))
        near.holidays.insert(try date("2025-09-30"))
        #expect(!near.isWorkingDay(try date("2025-09-30")))
        wide.holidays.insert(try date("2025-09-30"))
        wide.holidays.remove(try date("0001-01-01"))
        wide.workdays.remove(try date("9999-12-25"))
        #expect(wide == near)
        #expect(wide.hashValue == near.hashValue)
    }

    @Test func isoWeeks() throws {
        #expect(try date("2024-12-30").isoWeek == (2025, 1))
        #expect(try date("2025-01-01").isoWeek == (2025, 1))
        #expect(try date("2025-12-28").isoWeek == (2025, 52))
        #expect(try date("2025-12-29").isoWeek == (2026, 1))
        #expect(try date("2021-01-03").isoWeek == (2020, 53))
        #expect(try date("2026-12-31").isoWeek == (2026, 53))
    }

    @Test func civilDates() throws {
        #expect(try date("2024-02-29").description == "2024-02-29")
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2025/3/7") == CivilDate(year: 2025, month: 3, day: 7))
        #expect(try date("2025-01-01").weekday == 3)
        #expect(try date("2025-03-31").quarter == 1 && (try date("2025-07-01")).half == 2)
    }

    // MARK: Loading calendars

    @Test func shippedCalendarsLoad() {
        for year in 2024...2026 {
            let path = Repository.path("Criteria/calendars/cn-\(year).json")
            let (calendar, diagnostics) = CalendarLoader.load(path: path, year: year)
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
            #expect(calendar?.holidays.isEmpty == false)
        }
    }

    @Test func calendarPath() {
        #expect(CalendarLoader.path(prefix: "calendars/cn", relativeTo: "Criteria/weibin-2020.json5", year: 2025)
                == "Criteria/calendars/cn-2025.json")
        #expect(CalendarLoader.path(prefix: "calendars/cn", relativeTo: "weibin-2020.json5", year: 2025) == "calendars/cn-2025.json")
        #expect(CalendarLoader.path(prefix: "/etc/cal/cn", relativeTo: "Criteria/w.json5", year: 2025) == "/etc/cal/cn-2025.json")
    }

    @Test func missingCalendarIsAnError() throws {
        let (calendar, diagnostics) = CalendarLoader.load(prefix: "calendars/cn", relativeTo: "Samples/x/criteria.json5", year: 2031)
        #expect(calendar == .weekdays)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && d.isError)
        #expect(d.file == "Samples/x/criteria.json5" && d.line == nil)
        #expect(d.message.zh == "calendar: 找不到 2031 年的工作日日历 Samples/x/calendars/cn-2031.json（由 calendar “calendars/cn” 和考核年度 2031 得出）；请添加该文件（格式 {region, year, source, holidays, workdays}，见 docs/criteria.md），或从评分标准中删去 calendar，改按周一至周五计算工作日")
        #expect(d.message.en == "calendar: no working-day calendar for 2031: Samples/x/calendars/cn-2031.json not found (from calendar \"calendars/cn\" and assessment year 2031); add that file (format {region, year, source, holidays, workdays}, see docs/criteria.md) or remove calendar from the criteria to count Monday–Friday as working days")
    }

    @Test func lastShippedYearLoadsWithoutANextYear() {
        let (calendar, diagnostics) = CalendarLoader.load(prefix: "calendars/cn", relativeTo: WorkingCalendarTests.criteriaPath, year: 2026)
        #expect(diagnostics.isEmpty)
        #expect(calendar.holidays.allSatisfy { $0.year == 2026 })
    }

    @Test func badDates() {
        let text = """
        {
          region: "CN", year: 2025, source: "test",
          holidays: ["2025-10-01", "2025-02-30", "2024-12-31", 20251001, "2025-10-01"],
          workdays: ["2025-10-01"],
        }
        """
        let (calendar, diagnostics) = CalendarLoader.parse(text, file: "cal.json")
        #expect(calendar == nil)
        #expect(diagnostics.map(\.message.en) == [
            "holidays[1]: \"2025-02-30\" is not a valid date; write YYYY-MM-DD, e.g. 2025-10-01",
            "holidays[2]: date 2024-12-31 is outside this calendar's year 2025; move it to the calendar file for 2024",
            "holidays[3]: expected a string, found the number 20251001",
            "holidays[4]: date 2025-10-01 is listed twice (also at holidays[0])",
        ])
        #expect(diagnostics.map(\.message.zh) == [
            "holidays[1]: “2025-02-30” 不是有效日期；应写作 YYYY-MM-DD，如 2025-10-01",
            "holidays[2]: 日期 2024-12-31 不在本日历的年度 2025 内；请把它移到 2024 年的日历文件",
            "holidays[3]: 应为字符串，实际是数字 20251001",
            "holidays[4]: 日期 2025-10-01 重复（已在 holidays[0]）",
        ])
        #expect(diagnostics.map(\.line) == [3, 3, 3, 3])
        #expect(diagnostics.map(\.column) == [28, 42, 56, 66])
        #expect(diagnostics.map(\.severity) == [.error, .error, .error, .warning])
    }

    @Test func dayBothOffAndWorked() throws {
        let text = "{year: 2025, holidays: ['2025-10-01'], workdays: ['2025-10-01']}"
        let (calendar, diagnostics) = CalendarLoader.parse(text, file: "cal.json")
        #expect(calendar == nil)
        let d = try #require(diagnostics.first)
        #expect(d.column == 51)
        #expect(d.message.zh == "workdays[0]: 2025-10-01 同时列在 holidays 中；一天不能既是假日又是调休工作日")
        #expect(d.message.en == "workdays[0]: 2025-10-01 is also listed in holidays; a day cannot be both a holiday and a make-up working day")
    }

    @Test func yearMustMatchTheFileName() throws {
        let (_, diagnostics) = CalendarLoader.parse("{year: 2024, holidays: [], workdays: []}", file: "cn-2025.json", year: 2025)
        let d = try #require(diagnostics.first)
        #expect(d.column == 8)
        #expect(d.message.en == "year: the year is 2024 but the file name says this is the calendar for 2025; correct year or the file name")
    }

    @Test func calendarFields() {
        let (_, diagnostics) = CalendarLoader.parse("{year: 1900, holiday: []}", file: "c.json")
        #expect(diagnostics.map(\.message.en) == [
            "holidays: required field \"holidays\" is missing",
            "workdays: required field \"workdays\" is missing",
            "year: expected a year from 2000 to 2100, found 1900",
            "holiday: unknown field \"holiday\"; did you mean \"holidays\"? Valid fields here: region, year, source, holidays, workdays",
        ])
        #expect(diagnostics.map(\.line) == [1, 1, 1, 1])
        #expect(diagnostics.map(\.column) == [1, 1, 8, 14])
    }

    @Test func mergedCalendars() throws {
        let a = WorkingCalendar(holidays: [try date("2025-10-01")], workdays: [try date("2025-10-11")])
        let b = WorkingCalendar(holidays: [try date("2026-01-01")], workdays: [])
        let m = a.merged(with: b)
        #expect(m.holidays.count == 2 && m.workdays.count == 1)
    }
}
