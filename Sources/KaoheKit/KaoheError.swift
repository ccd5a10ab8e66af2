import KaoheModel

/// Why a request to the library could not be answered. Every case words itself in Chinese and
/// English (``message``); ``invalidData(_:)`` carries the diagnostics that `kaohe check` prints.
public enum KaoheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The year's data or criteria have errors: every diagnostic found (errors and warnings),
    /// in the order `kaohe check` lists them.
    case invalidData([Diagnostic])
    /// In-memory tables that cannot be taken as a data folder (an unknown table name, no
    /// temporary folder to validate them in): what is wrong.
    case invalidTables(LocalizedText)
    /// No unit has this id or name; `suggestion` is the nearest one (`T06 白鹭街道`), if any is near.
    case unknownUnit(String, suggestion: String?)
    /// No unit belongs to this group; the groups there are, in `units.csv` order.
    case unknownGroup(String, groups: [String])
    /// A period that the year does not have (`.quarter(5)`).
    case invalidPeriod(LocalizedText)
    /// The criteria (by id) have no daily checks, so there is no bulletin or period ranking.
    case noDailyChecks(criteria: String)
    /// The criteria (by id) have no bands, so there are no margins to the bands.
    case noBands(criteria: String)
    /// A what-if change that cannot be applied: what is wrong and how to write it instead.
    case invalidChange(LocalizedText)
    /// This result has no rendering in this file format (`docx` is for grades, bulletins and
    /// the year report).
    case unsupportedFormat(FileFormat)

    /// What went wrong, in both languages (for ``invalidData(_:)``, a count of the errors;
    /// the diagnostics themselves say what and where).
    public var message: LocalizedText {
        switch self {
        case .invalidData(let diagnostics):
            let errors = diagnostics.filter(\.isError)
            let first = errors.first.map { d in
                LocalizedText(zh: "；第一个：\(Self.place(d))\(d.message.zh)", en: "; the first: \(Self.place(d))\(d.message.en)")
            }
            return LocalizedText(zh: "数据有 \(errors.count) 个错误\(first?.zh ?? "")",
                                 en: "the data has \(errors.count) \(errors.count == 1 ? "error" : "errors")\(first?.en ?? "")")
        case .invalidTables(let text), .invalidPeriod(let text), .invalidChange(let text):
            return text
        case .unknownUnit(let unit, let suggestion):
            let hint = suggestion.map { (zh: "；是否指 \"\($0)\"？", en: "; did you mean \"\($0)\"?") } ?? (zh: "", en: "")
            return LocalizedText(zh: "未知单位 \"\(unit)\"\(hint.zh)", en: "unknown unit \"\(unit)\"\(hint.en)")
        case .unknownGroup(let group, let groups):
            return LocalizedText(zh: "未知类别 \"\(group)\"；可用：\(groups.joined(separator: "、"))",
                                 en: "unknown group \"\(group)\"; groups: \(groups.joined(separator: ", "))")
        case .noDailyChecks(let criteria):
            return LocalizedText(zh: "评分标准 \(criteria) 没有日常检查（没有 checks 部分），因此没有月通报和期间排名",
                                 en: "the criteria \(criteria) have no daily checks (no checks part), so there is no monthly bulletin or period ranking")
        case .noBands(let criteria):
            return LocalizedText(zh: "评分标准 \(criteria) 不评等次（没有 bands），无等次可比",
                                 en: "the criteria \(criteria) have no bands, so there is no band to measure against")
        case .unsupportedFormat(let format):
            return LocalizedText(zh: "此结果没有 \(format.rawValue) 格式", en: "this result has no \(format.rawValue) rendering")
        }
    }

    /// The English message.
    public var description: String { message.en }

    private static func place(_ d: Diagnostic) -> String {
        [d.file, d.line.map(String.init), d.column.map(String.init)].compactMap { $0 }.joined(separator: ":") + " "
    }
}
