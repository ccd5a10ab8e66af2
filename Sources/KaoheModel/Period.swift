/// A period of the assessment: a day, a month, a quarter, a half-year or the year.
///
/// Consequences and rankings name their period with it; it prints as `2025-06-12`, `2025-03`,
/// `2025-Q2`, `2025-H1` or `2025`, and periods of one kind order by time.
package struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Kind: UInt8, Sendable, Hashable {
        case day, month, quarter, half, year
    }

    package let kind: Kind
    /// The day number (days), or `year × count + index − 1` (months, quarters, halves), or the year.
    private let value: Int

    private init(kind: Kind, value: Int) {
        self.kind = kind
        self.value = value
    }

    /// The day `date`.
    package static func day(_ date: CivilDate) -> Period { Period(kind: .day, value: date.dayNumber) }

    /// Period `index` (1-based) of `kind` in `year`: `of(.quarter, year: 2025, index: 2)` is 2025-Q2.
    package static func of(_ kind: PeriodKind, year: Int, index: Int) -> Period {
        let periodKind: Kind
        switch kind {
        case .month: periodKind = .month
        case .quarter: periodKind = .quarter
        case .half: periodKind = .half
        }
        return Period(kind: periodKind, value: year * kind.count + index - 1)
    }

    /// Month `month` (1…12) of `year`.
    package static func month(_ month: Int, of year: Int) -> Period { of(.month, year: year, index: month) }

    /// The whole year.
    package static func year(_ year: Int) -> Period { Period(kind: .year, value: year) }

    private var perYear: Int {
        switch kind {
        case .month: return 12
        case .quarter: return 4
        case .half: return 2
        case .day, .year: return 1
        }
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The calendar year the period lies in.
    package var year: Int {
        switch kind {
        case .day: return CivilDate(dayNumber: value).year
        case .year: return value
        default: return Period.floorDivide(value, perYear)
        }
    }

    /// 1-based place in the year (month 1…12, quarter 1…4, half 1…2; 1 for the year; the day of
    /// the month for a day).
    package var index: Int {
        switch kind {
        case .day: return CivilDate(dayNumber: value).day
        case .year: return 1
        default: return value - Period.floorDivide(value, perYear) * perYear + 1
        }
    }

    /// The date of a day period.
    package var date: CivilDate? { kind == .day ? CivilDate(dayNumber: value) : nil }

    package var description: String {
        switch kind {
        case .day: return CivilDate(dayNumber: value).description
        case .month: return PeriodKind.month.label(year: year, index: index)
        case .quarter: return PeriodKind.quarter.label(year: year, index: index)
        case .half: return PeriodKind.half.label(year: year, index: index)
        case .year: return String(value)
        }
    }

    /// Periods of one kind order by time; different kinds by kind (days first).
    package static func < (a: Period, b: Period) -> Bool {
        a.kind != b.kind ? a.kind.rawValue < b.kind.rawValue : a.value < b.value
    }
}
