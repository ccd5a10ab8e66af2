import KaoheModel
import KaoheInput
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many more "did you mean" suggestions may be searched for.
final class SuggestionBudget {
    private var left: Int
    init(_ count: Int) { left = count }

    /// Whether one more suggestion may be searched for (and counts it).
    func take() -> Bool {
        guard left > 0 else { return false }
        left -= 1
        return true
    }
}

/// One data file read and its header mapped: the rows to validate, with helpers that turn
/// faults into diagnostics pointing at the exact field.
struct DataTable {
    /// The path as the user gave it (`Samples/demo-2025/checks.csv`).
    let path: String
    /// The file name, as evidence is printed (`checks.csv`).
    let name: String
    let header: HeaderMap
    /// Data rows (header excluded; rows whose fields are all empty are skipped).
    let rows: [CSVRow]
    /// Where excerpts of lines come from: the whole parsed file, or the one line of a row read
    /// from a stream (``ChecksFile`` validates rows one at a time).
    private let lines: Lines
    /// The "did you mean" suggestions this file may still get: each is a search of every unit,
    /// item or component, so a file of many unknown names gets a bounded number of them.
    let suggestions: SuggestionBudget

    private enum Lines {
        case table(CSVTable)
        case line(Int, String)
    }

    /// Diagnostics listed per file (the rest are counted).
    static let maxDiagnostics = 1000

    /// Suggestions per file read whole.
    static let maxSuggestions = 200

    /// Largest file read whole (every file but `checks.csv`, which is streamed): 256 MiB.
    static let maxWholeFileBytes = 256 << 20

    init(path: String, name: String, table: CSVTable, header: HeaderMap, rows: [CSVRow]) {
        self.path = path
        self.name = name
        self.header = header
        self.rows = rows
        lines = .table(table)
        suggestions = SuggestionBudget(DataTable.maxSuggestions)
    }

    /// A table for one streamed row: `excerpt` is the text of its line `line`.
    init(path: String, name: String, header: HeaderMap, line: Int, excerpt: String) {
        self.path = path
        self.name = name
        self.header = header
        rows = []
        lines = .line(line, excerpt)
        // A row of the streamed check log: its diagnostics are capped per file instead.
        suggestions = SuggestionBudget(Int.max)
    }

    /// The text of physical line `line` as a diagnostic shows it (cut after 4 KiB: an excerpt
    /// is printed to at most 300 characters).
    func excerpt(_ line: Int) -> String {
        switch lines {
        case .table(let table): return table.excerpt(line)
        case .line(let number, let text): return number == line ? text : ""
        }
    }

    /// Reads, decodes and parses a file; nil (with diagnostics) when it cannot be used at all.
    static func read(path: String, name: String, specs: [ColumnSpec], diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn]) -> DataTable? {
        let data: Data
        switch FileBytes.contents(of: path, limit: maxWholeFileBytes) {
        case .bytes(let bytes):
            data = bytes
        case .tooLarge:
            diagnostics.append(tooLarge(path, size: FileBytes.size(of: path) ?? maxWholeFileBytes + 1, limit: maxWholeFileBytes))
            return nil
        case .unreadable:
            diagnostics.append(Diagnostic(.unreadable, file: path))
            return nil
        }
        let decoded = TextDecoding.decode(data, file: path)
        diagnostics += decoded.diagnostics
        if decoded.diagnostics.contains(where: \.isError) { return nil }
        return read(text: decoded.text, path: path, name: name, specs: specs, diagnostics: &diagnostics, ignored: &ignored)
    }

    /// Reads a data file from its source: the CSV file, or a workbook's sheet read as CSV text
    /// (its diagnostics then located by cell).
    static func read(source: DataSource, specs: [ColumnSpec], diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn]) -> DataTable? {
        guard source.sheet != nil else {
            return read(path: source.path, name: source.name, specs: specs, diagnostics: &diagnostics, ignored: &ignored)
        }
        let start = diagnostics.count
        let sheet: SheetCSVSource
        do throws(WorkbookError) {
            guard let made = try source.sheetSource() else { return nil }
            sheet = made
        } catch {
            diagnostics.append(Workbooks.diagnostic(error, file: source.path))
            return nil
        }
        guard let text = sheet.text(limit: maxWholeFileBytes) else {
            diagnostics.append(tooLarge(source.path, size: maxWholeFileBytes + 1, limit: maxWholeFileBytes))
            return nil
        }
        if let error = sheet.error {
            diagnostics.append(Workbooks.diagnostic(error, file: source.path))
            return nil
        }
        let table = read(text: text, path: source.path, name: source.name, specs: specs, diagnostics: &diagnostics, ignored: &ignored)
        Workbooks.locate(&diagnostics, from: start, source: source, lines: sheet.lines)
        return table
    }

    /// Parses decoded text and maps its header.
    static func read(text: String, path: String, name: String, specs: [ColumnSpec], diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn]) -> DataTable? {
        let table = CSVReader.parse(text, file: path)
        diagnostics += table.diagnostics
        guard let headerRow = table.rows.first else {
            diagnostics.append(emptyFile(path, specs: specs))
            return nil
        }
        var headerDiagnostics: [Diagnostic] = []
        var headerIgnored: [IgnoredColumn] = []
        guard let header = HeaderMap.make(header: headerRow, specs: specs, file: path,
                                          excerpt: table.excerpt(headerRow.line),
                                          diagnostics: &headerDiagnostics, ignored: &headerIgnored) else {
            // A title row above the header, or tabs for commas: one message says so.
            if let accident = SpreadsheetAccidents.header(table.rows, specs: specs, file: path, excerpt: table.excerpt) {
                diagnostics.append(accident)
            } else {
                diagnostics += headerDiagnostics
                ignored += headerIgnored
            }
            return nil
        }
        diagnostics += headerDiagnostics
        ignored += headerIgnored
        let rows = table.rows.dropFirst().filter { row in row.fields.contains { !DataTable.isBlank($0) } }
        return DataTable(path: path, name: name, table: table, header: header, rows: Array(rows))
    }

    static func tooLarge(_ path: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(.tooLarge(size: size, limit: limit), file: path)
    }

    static func emptyFile(_ path: String, specs: [ColumnSpec]) -> Diagnostic {
        Diagnostic(.emptyFile(specs), file: path, line: 1, column: 1)
    }

    /// Whether a data file is there to be read: a missing file is an error when `required`; a
    /// link to nothing, a folder, device or pipe in its place is always one.
    static func present(_ path: String, name: String, specs: [ColumnSpec], required: Bool,
                        diagnostics: inout [Diagnostic]) -> Bool {
        switch FileBytes.kind(of: path) {
        case .regular:
            return true
        case .absent:
            if required { diagnostics.append(missingFile(path, name: name, specs: specs)) }
        case .danglingLink:
            diagnostics.append(Diagnostic(.danglingLink(path), file: path))
        case .folder, .special:
            diagnostics.append(Diagnostic(.notARegularFile(path), file: path))
        }
        return false
    }

    /// A required file that does not exist.
    static func missingFile(_ path: String, name: String, specs: [ColumnSpec]) -> Diagnostic {
        Diagnostic(.missingFile(name, specs: specs), file: path)
    }

    /// `text.trimmingSpaces`, without building a new string when there is nothing to trim.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if mayStartWithSpace(first) || mayEndWithSpace(last) { return text.trimmingSpaces }
        return text
    }

    /// Whether a field starting with `byte` may start with a space, tab, U+3000 or U+00A0.
    @inline(__always)
    static func mayStartWithSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0xE3 || byte == 0xC2
    }

    /// Whether a field ending with `byte` may end with a space, tab, U+3000 or U+00A0.
    @inline(__always)
    static func mayEndWithSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x80 || byte == 0xA0
    }

    /// Whether `text.trimmingSpaces` is empty.
    static func isBlank(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isBlank($0) }
    }

    /// Whether the bytes are only spaces, tabs, U+3000 and U+00A0 (so trimming leaves nothing).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 { i += 1; continue }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }
            if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
            return false
        }
        return true
    }

    /// Access to one row's fields, collecting the row's faults.
    struct Row {
        let table: DataTable
        let row: CSVRow
        var diagnostics: [Diagnostic] = []
        var source: SourceRef { SourceRef(file: table.name, line: row.line) }
        var hasErrors: Bool { diagnostics.contains(where: \.isError) }

        /// The trimmed text of a column, "" when the column is absent.
        func text(_ column: String) -> String {
            guard let i = table.header.index[column], i < row.fields.count else { return "" }
            return DataTable.trimmed(row.fields[i])
        }

        func column(_ column: String) -> Int {
            guard let i = table.header.index[column], i < row.columns.count else { return 1 }
            return row.columns[i]
        }

        /// Records a diagnostic at the row's field in `column`.
        mutating func report(_ column: String, _ message: Diagnostic.Message) {
            diagnostics.append(Diagnostic(message, file: table.path, line: row.line, column: self.column(column),
                                          excerpt: table.excerpt(row.line)))
        }

        /// A required field; records an error when empty.
        mutating func required(_ column: String, what zhWhat: String, _ enWhat: String) -> String? {
            let value = text(column)
            if value.isEmpty {
                report(column, .emptyField(column, whatZh: zhWhat, whatEn: enWhat))
                return nil
            }
            return value
        }

        /// A date within the assessment year.
        mutating func date(_ column: String, year: Int, zhWhat: String = "日期", enWhat: String = "date") -> CivilDate? {
            guard let text = required(column, what: zhWhat, enWhat) else { return nil }
            guard let date = parseDate(column, text, zhWhat: zhWhat, enWhat: enWhat) else { return nil }
            guard date.year == year else {
                report(column, .dateOutsideYear(date, year: year, whatZh: zhWhat, whatEn: enWhat))
                return nil
            }
            return date
        }

        /// A date in any form ``DateText`` reads: an Excel serial number is read with a note,
        /// a two-digit year is an error with a hint.
        mutating func parseDate(_ column: String, _ text: String, zhWhat: String, enWhat: String) -> CivilDate? {
            switch DateText.read(text) {
            case .date(let date, _):
                return date
            case .serial(let date):
                report(column, .excelSerialDate(text, date, whatZh: zhWhat, whatEn: enWhat))
                return date
            case .twoDigitYear:
                report(column, .twoDigitYear(text, whatZh: zhWhat, whatEn: enWhat))
                return nil
            case .invalid:
                report(column, .badDate(text, whatZh: zhWhat, whatEn: enWhat))
                return nil
            }
        }

        /// A decimal number (no exponent, no thousands separator) within the input limits
        /// (``ExactDecimal/maxInputIntegerDigits``, ``ExactDecimal/maxInputFractionDigits``).
        mutating func decimal(_ column: String, _ text: String, zhWhat: String, enWhat: String) -> ExactDecimal? {
            switch ExactDecimal.reading(FullWidth.ascii(text)) {
            case .value(let value):
                return value
            case .notANumber:
                report(column, .notANumber(text, whatZh: zhWhat, whatEn: enWhat))
            case .tooLarge:
                report(column, .numberTooLarge(text, whatZh: zhWhat, whatEn: enWhat))
            case .tooManyDecimals:
                report(column, .tooManyDecimals(text, whatZh: zhWhat, whatEn: enWhat))
            }
            return nil
        }

        /// A non-negative integer count, of at most ``ExactDecimal/maxInputIntegerDigits`` digits.
        mutating func count(_ column: String, zhWhat: String, enWhat: String) -> Int? {
            guard let written = required(column, what: zhWhat, enWhat) else { return nil }
            let text = FullWidth.ascii(written)
            let digits = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            if digits, text.utf8.drop(while: { $0 == 48 }).count > ExactDecimal.maxInputIntegerDigits {
                report(column, .numberTooLarge(text, whatZh: zhWhat, whatEn: enWhat))
                return nil
            }
            guard digits, let value = Int(text) else {
                report(column, .notACount(text, whatZh: zhWhat, whatEn: enWhat))
                return nil
            }
            return value
        }
    }

    /// Rows whose field count differs from the header's are rejected with that one error
    /// (their fields cannot be trusted to sit in the right columns), and so are rows with data
    /// under a blank header cell (it would be dropped unread). Returns false for them.
    func checkShape(_ row: inout Row) -> Bool {
        let count = row.row.fields.count
        let columns = row.row.columns
        if SpreadsheetAccidents.isTotalRow(row.row.fields) {
            row.diagnostics.append(Diagnostic(.totalRow, file: path, line: row.row.line, column: 1, excerpt: excerpt(row.row.line)))
            return false
        }
        if count != header.fieldCount {
            let column = count > header.fieldCount && header.fieldCount < columns.count ? columns[header.fieldCount] : (columns.last ?? 1)
            row.diagnostics.append(Diagnostic(.fieldCount(count, header: header.fieldCount), file: path, line: row.row.line,
                                              column: column, excerpt: excerpt(row.row.line)))
            return false
        }
        for i in header.unnamed where i < count && !row.row.fields[i].trimmingSpaces.isEmpty {
            row.diagnostics.append(Diagnostic(.dataInUnnamedColumn(i + 1), file: path, line: row.row.line,
                                              column: i < columns.count ? columns[i] : 1, excerpt: excerpt(row.row.line)))
            return false
        }
        return true
    }
}

extension Diagnostic.Message {
    /// A data file that cannot be opened or read.
    static var unreadable: Self {
        .error("file.unreadable", zh: "无法读取文件", en: "cannot read the file")
    }

    /// A data file without even a header row.
    static func emptyFile(_ specs: [ColumnSpec]) -> Self {
        .error("file.empty", zh: "文件为空；第一行应为表头（\(HeaderMap.describe(specs, .zh))）",
               en: "the file is empty; the first line must be the header (\(HeaderMap.describe(specs, .en)))")
    }

    /// A required data file that is not in the folder.
    static func missingFile(_ name: String, specs: [ColumnSpec]) -> Self {
        .error("file.missing", zh: "缺少必需的文件 \(name)；请在数据文件夹中创建它（表头：\(HeaderMap.describe(specs, .zh))）",
               en: "required file \(name) is missing; create it in the data folder (header: \(HeaderMap.describe(specs, .en)))")
    }

    /// A row with more or fewer fields than the header.
    static func fieldCount(_ count: Int, header: Int) -> Self {
        .error("row.field-count",
               zh: "此行有 \(count) 个字段，表头有 \(header) 个；请检查多余或缺少的逗号（含逗号的内容需用英文双引号括起）",
               en: "this row has \(count) fields but the header has \(header); check for a missing or extra comma (text containing commas must be in double quotes)")
    }

    /// Data under a header cell left blank: kaohe cannot tell which column it is.
    static func dataInUnnamedColumn(_ column: Int) -> Self {
        .error("row.data-in-unnamed-column",
               zh: "第 \(column) 列的表头为空，但此行在该列有内容；请在表头第 \(column) 列写上列名（如 note），或删除这一列",
               en: "column \(column) has no header, but this row has data in it; name the column in the header row (e.g. note) or delete the column")
    }

    /// A required field left empty (`whatZh`, `whatEn` name it).
    static func emptyField(_ column: String, whatZh: String, whatEn: String) -> Self {
        .error("field.empty", zh: "\(whatZh)（\(column)）为空；请填写", en: "\(whatEn) (\(column)) is empty; fill it in")
    }

    static func badDate(_ text: String, whatZh: String, whatEn: String) -> Self {
        .error("field.bad-date", zh: "\(whatZh) \"\(text)\" 不是有效日期；请写成 YYYY-MM-DD，例如 2025-03-14",
               en: "\(whatEn) \"\(text)\" is not a valid date; write it as YYYY-MM-DD, e.g. 2025-03-14")
    }

    /// A plain number in a date column, read as Excel's serial day number.
    static func excelSerialDate(_ text: String, _ date: CivilDate, whatZh: String, whatEn: String) -> Self {
        .warning("field.excel-serial-date",
                 zh: "\(whatZh) \(text) 是 Excel 的日期序号，按 \(date) 读取；请把该列设为日期格式后重新保存，以免误读",
                 en: "\(whatEn) \(text) is an Excel date number, read as \(date); format the column as dates and save again so it cannot be misread")
    }

    /// A date whose year has two digits (`1/7/25`): never guessed at.
    static func twoDigitYear(_ text: String, whatZh: String, whatEn: String) -> Self {
        .error("field.two-digit-year",
               zh: "\(whatZh) \"\(text)\" 的年份只有两位，无法确定年月日的顺序和世纪；请写成四位年份，如 2025-01-07（在 Excel 中把该列设为 yyyy-mm-dd 格式）",
               en: "\(whatEn) \"\(text)\" has a two-digit year, so its order and century cannot be told; write a four-digit year, e.g. 2025-01-07 (in Excel, format the column as yyyy-mm-dd)")
    }

    static func dateOutsideYear(_ date: CivilDate, year: Int, whatZh: String, whatEn: String) -> Self {
        .error("field.date-outside-year", zh: "\(whatZh) \(date) 不在考核年度 \(year) 内；请检查年份",
               en: "\(whatEn) \(date) is outside the assessment year \(year); check the year")
    }

    static func notANumber(_ text: String, whatZh: String, whatEn: String) -> Self {
        .error("field.not-a-number", zh: "\(whatZh) \"\(text)\" 不是数字；请写成如 2 或 1.5 的数",
               en: "\(whatEn) \"\(text)\" is not a number; write a plain number such as 2 or 1.5")
    }

    /// A number with more digits before the point than input numbers may have.
    static func numberTooLarge(_ text: String, whatZh: String, whatEn: String) -> Self {
        let shown = JSON5FieldReader.clip(text), limit = ExactDecimal.maxInputIntegerDigits
        return .error("field.number-too-large",
                      zh: "\(whatZh) \"\(shown)\" 太大：整数部分至多 \(limit) 位；请检查是否多打了数字或填错了列",
                      en: "\(whatEn) \"\(shown)\" is too large: at most \(limit) digits before the decimal point; check for extra digits or a value in the wrong column")
    }

    /// A number with more decimals than input numbers may have.
    static func tooManyDecimals(_ text: String, whatZh: String, whatEn: String) -> Self {
        let shown = JSON5FieldReader.clip(text), limit = ExactDecimal.maxInputFractionDigits
        return .error("field.too-many-decimals",
                      zh: "\(whatZh) \"\(shown)\" 的小数位数过多：小数部分至多 \(limit) 位；请四舍五入到 \(limit) 位小数以内",
                      en: "\(whatEn) \"\(shown)\" has too many decimals: at most \(limit) after the decimal point; round it to \(limit) decimals or fewer")
    }

    /// A count that is not a whole number ≥ 0.
    static func notACount(_ text: String, whatZh: String, whatEn: String) -> Self {
        .error("field.not-a-count", zh: "\(whatZh) \"\(text)\" 应为非负整数", en: "\(whatEn) \"\(text)\" must be a whole number ≥ 0")
    }
}
