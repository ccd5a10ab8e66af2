import Testing
@testable import KaoheModel

@Suite struct DateTextTests {
    func date(_ text: String) -> String {
        switch DateText.read(text) {
        case .date(let date, let minute): return date.description + (minute.map { " +\($0)" } ?? "")
        case .serial(let date): return "serial " + date.description
        case .twoDigitYear: return "two-digit year"
        case .invalid: return "invalid"
        }
    }

    @Test func formsExcelAndWPSWrite() {
        #expect(date("2025-01-07") == "2025-01-07")
        #expect(date("2025/1/7") == "2025-01-07")
        #expect(date("2025.1.7") == "2025-01-07")
        #expect(date("2025年1月7日") == "2025-01-07")
        #expect(date("2025年1月7") == "2025-01-07")
        #expect(date("2025/1/7 9:30") == "2025-01-07 +570")
        #expect(date("2025-01-07 00:00:00") == "2025-01-07 +0")
        #expect(date("2025-01-07T09:30") == "2025-01-07 +570")
        #expect(date("２０２５－０１－０７") == "2025-01-07")
        #expect(date("２０２５年１月７日　９：３０") == "2025-01-07 +570")
        #expect(date(" 2025-01-07 ") == "2025-01-07")
    }

    @Test func serialsAndTwoDigitYears() {
        #expect(date("45663") == "serial 2025-01-06")
        #expect(date("45663.5") == "serial 2025-01-06")
        #expect(date("61") == "serial 1900-03-01")
        #expect(date("60") == "invalid")
        #expect(date("0") == "invalid")
        #expect(date("1/7/25") == "two-digit year")
        #expect(date("25/1/7") == "two-digit year")
        #expect(date("25-1-7") == "two-digit year")
    }

    @Test func notDates() {
        for text in ["", "2025-02-30", "2025-13-01", "2025-1-7-1", "2025/01-07", "1/7/2025", "2025年1月", "2025-01-07 25:00",
                     "2025-01-07 9", "20250107", "-45663", "2025-01-07日", "T01", "2025年1月7日日"] {
            #expect(date(text) == "invalid", "\(text)")
        }
        #expect(CivilDate("45663") == nil)
        #expect(CivilDate("1/7/25") == nil)
        #expect(CivilDate("2025/1/7 9:30") == CivilDate(year: 2025, month: 1, day: 7))
        #expect(Moment("２０２５-03-04 09:30")?.description == "2025-03-04 09:30")
    }

    @Test func fullWidthText() {
        #expect(FullWidth.ascii("２") == "2")
        #expect(FullWidth.ascii("１．５") == "1.5")
        #expect(FullWidth.ascii("青石镇") == "青石镇")
        #expect(FullWidth.ascii("a\u{3000}b") == "a b")
    }
}
