import KaoheModel
import KaoheInput
import Foundation

/// Loads working-day calendars (工作日日历, `Criteria/calendars/cn-YYYY.json`, docs/criteria.md, `calendar`):
/// `{region, year, source, holidays: [dates], workdays: [dates]}`.
///
/// `holidays` are official days off (法定节假日), `workdays` the weekend days worked instead
/// (调休上班). Every date must be a real date within the calendar's `year`.
package enum CalendarLoader {
    /// Reads one calendar file (`path` as given; messages use it).
    package static func load(path: String, year: Int? = nil) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        let (text, failure) = LoaderFile.read(path, whatZh: "工作日日历", whatEn: "working-day calendar")
        guard let text else { return (nil, failure.map { [$0] } ?? []) }
        return parse(text, file: path, year: year)
    }

    /// Validates calendar text. When `year` is given, the file's `year` must equal it.
    /// The calendar is returned only when there is no error.
    package static func parse(_ text: String, file: String, year expected: Int? = nil) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        let (document, syntax) = JSON5Parser.parse(text, file: file)
        guard ForeignFile.looksLike(["region", "year", "source", "holidays", "workdays"], text: text, document: document) else {
            return (nil, ForeignFile.refused(file, whatZh: "工作日日历", whatEn: "working-day calendar"))
        }
        guard let document else { return (nil, syntax) }
        let r = JSON5FieldReader(file: file, document: document)
        r.add(syntax)
        let calendar = read(r, expected: expected)
        return (r.hasErrors ? nil : calendar, CriteriaLoader.sortedByPosition(r.diagnostics))
    }

    /// The calendar file for `year` named by a criteria file's `calendar` prefix: the prefix is
    /// relative to the criteria file's folder (`Criteria/weibin-2020.json5` + `calendars/cn`
    /// + 2025 → `Criteria/calendars/cn-2025.json`).
    package static func path(prefix: String, relativeTo criteriaPath: String, year: Int) -> String {
        LoaderFile.join(LoaderFile.folder(of: criteriaPath), prefix) + "-\(year).json"
    }

    /// Implements the criteria's `calendar` rule: loads `<prefix>-<year>.json` (an error when it
    /// is missing) and, when present, `<prefix>-<year+1>.json` for deadlines that run into the
    /// next year, merged. On error the Monday–Friday calendar is returned with the diagnostics.
    package static func load(prefix: String, relativeTo criteriaPath: String, year: Int) -> (calendar: WorkingCalendar, diagnostics: [Diagnostic]) {
        let main = path(prefix: prefix, relativeTo: criteriaPath, year: year)
        guard FileBytes.kind(of: main) != .absent else {
            let diagnostic = Diagnostic(.missingCalendar(main, prefix: prefix, year: year), file: criteriaPath)
            return (.weekdays, [diagnostic])
        }
        let (calendar, diagnostics) = load(path: main, year: year)
        guard var merged = calendar else { return (.weekdays, diagnostics) }
        var all = diagnostics
        let next = path(prefix: prefix, relativeTo: criteriaPath, year: year + 1)
        if FileBytes.kind(of: next) != .absent {
            let (following, more) = load(path: next, year: year + 1)
            all += more
            if let following { merged = merged.merged(with: following) } else { return (.weekdays, all) }
        }
        return (merged, all)
    }

    static func read(_ r: JSON5FieldReader, expected: Int?) -> WorkingCalendar? {
        let root = JSON5Path.root
        guard let object = r.object(r.document.root, root, fields: ["region", "year", "source", "holidays", "workdays"],
                                    optional: ["region", "source"]) else { return nil }
        _ = object.optional("region").flatMap { r.string($0, root.key("region"), allowEmpty: true) }
        _ = object.optional("source").flatMap { r.string($0, root.key("source"), allowEmpty: true) }
        var year: Int? = nil
        if let yearNode = object["year"] {
            year = r.integer(yearNode, root.key("year"), in: 2000...2100,
                             expectedZh: " 2000 到 2100 之间的年份", expectedEn: "a year from 2000 to 2100")
            if let y = year, let expected, y != expected {
                r.report(yearNode, root.key("year"), .calendarYearMismatch(y, expected: expected))
                year = nil
            }
        }
        let holidays = object["holidays"].flatMap { dates($0, root.key("holidays"), year: year, r) }
        let workdays = object["workdays"].flatMap { dates($0, root.key("workdays"), year: year, r) }
        guard let holidays, let workdays else { return nil }
        // A day cannot be both off and worked.
        let holidaySet = Set(holidays.map(\.date))
        for entry in workdays where holidaySet.contains(entry.date) {
            r.report(entry.node, entry.path, .holidayAndWorkday(entry.date))
        }
        return WorkingCalendar(holidays: holidaySet, workdays: Set(workdays.map(\.date)))
    }

    static func dates(_ node: JSON5Node, _ path: JSON5Path, year: Int?, _ r: JSON5FieldReader)
        -> [(date: CivilDate, node: JSON5Node, path: JSON5Path)]? {
        guard let elements = r.array(node, path) else { return nil }
        var out: [(date: CivilDate, node: JSON5Node, path: JSON5Path)] = []
        var seen: [CivilDate: JSON5Path] = [:]
        var ok = true
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard let text = r.string(element, p) else { ok = false; continue }
            guard let date = CivilDate(text) else {
                r.report(element, p, .badCalendarDate(JSON5FieldReader.clip(text)))
                ok = false
                continue
            }
            if let year, date.year != year {
                r.report(element, p, .calendarDateOutsideYear(date, year: year))
                ok = false
                continue
            }
            if let first = seen[date] {
                r.report(element, p, .duplicateCalendarDate(date, first: first))
                continue
            }
            seen[date] = p
            out.append((date, element, p))
        }
        return ok ? out : nil
    }
}

extension Diagnostic.Message {
    /// No calendar file `path` for the assessment year (reported on the criteria file).
    static func missingCalendar(_ path: String, prefix: String, year: Int) -> Self {
        .error("calendar.missing",
               zh: "calendar: 找不到 \(year) 年的工作日日历 \(path)（由 calendar “\(prefix)” 和考核年度 \(year) 得出）；请添加该文件（格式 {region, year, source, holidays, workdays}，见 docs/criteria.md），或从评分标准中删去 calendar，改按周一至周五计算工作日",
               en: "calendar: no working-day calendar for \(year): \(path) not found (from calendar \"\(prefix)\" and assessment year \(year)); add that file (format {region, year, source, holidays, workdays}, see docs/criteria.md) or remove calendar from the criteria to count Monday–Friday as working days")
    }

    /// A calendar whose `year` differs from the year in its file name.
    static func calendarYearMismatch(_ year: Int, expected: Int) -> Self {
        .error("calendar.year-mismatch", zh: "年度为 \(year)，但文件名表明这是 \(expected) 年的日历；请改正 year 或文件名",
               en: "the year is \(year) but the file name says this is the calendar for \(expected); correct year or the file name")
    }

    static func holidayAndWorkday(_ date: CivilDate) -> Self {
        .error("calendar.holiday-and-workday", zh: "\(date) 同时列在 holidays 中；一天不能既是假日又是调休工作日",
               en: "\(date) is also listed in holidays; a day cannot be both a holiday and a make-up working day")
    }

    static func badCalendarDate(_ text: String) -> Self {
        .error("calendar.bad-date", zh: "“\(text)” 不是有效日期；应写作 YYYY-MM-DD，如 2025-10-01",
               en: "\"\(text)\" is not a valid date; write YYYY-MM-DD, e.g. 2025-10-01")
    }

    static func calendarDateOutsideYear(_ date: CivilDate, year: Int) -> Self {
        .error("calendar.date-outside-year", zh: "日期 \(date) 不在本日历的年度 \(year) 内；请把它移到 \(date.year) 年的日历文件",
               en: "date \(date) is outside this calendar's year \(year); move it to the calendar file for \(date.year)")
    }

    /// A date listed twice (`first` is where it was first listed).
    static func duplicateCalendarDate(_ date: CivilDate, first: JSON5Path) -> Self {
        .warning("calendar.duplicate-date", zh: "日期 \(date) 重复（已在 \(first)）", en: "date \(date) is listed twice (also at \(first))")
    }
}
