import Foundation

/// One data file read and its header mapped: the rows to validate, with helpers that turn
/// faults into diagnostics pointing at the exact field.
struct DataTable {
    /// The path as the user gave it (`Samples/demo-2025/checks.csv`).
    let path: String
    /// The file name, as evidence is printed (`checks.csv`).
    let name: String
    let table: CSVTable
    let header: HeaderMap
    /// Data rows (header excluded; rows whose fields are all empty are skipped).
    let rows: [CSVRow]

    /// Reads, decodes and parses a file; nil (with diagnostics) when it cannot be used at all.
    static func read(path: String, name: String, specs: [ColumnSpec], diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn]) -> DataTable? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error(path, zh: "无法读取文件", en: "cannot read the file"))
            return nil
        }
        let decoded = TextDecoding.decode(data, file: path)
        diagnostics += decoded.diagnostics
        if decoded.diagnostics.contains(where: \.isError) { return nil }
        let table = CSVReader.parse(decoded.text, file: path)
        diagnostics += table.diagnostics
        guard let headerRow = table.rows.first else {
            diagnostics.append(.error(path, line: 1, column: 1,
                zh: "文件为空；第一行应为表头（\(HeaderMap.describe(specs, .zh))）",
                en: "the file is empty; the first line must be the header (\(HeaderMap.describe(specs, .en)))"))
            return nil
        }
        guard let header = HeaderMap.make(header: headerRow, specs: specs, file: path,
                                          excerpt: table.lineText(headerRow.line),
                                          diagnostics: &diagnostics, ignored: &ignored) else { return nil }
        let rows = table.rows.dropFirst().filter { row in row.fields.contains { !$0.trimmingSpaces.isEmpty } }
        return DataTable(path: path, name: name, table: table, header: header, rows: Array(rows))
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
            return row.fields[i].trimmingSpaces
        }

        func column(_ column: String) -> Int {
            guard let i = table.header.index[column], i < row.columns.count else { return 1 }
            return row.columns[i]
        }

        mutating func error(_ column: String, zh: String, en: String) {
            diagnostics.append(.error(table.path, line: row.line, column: self.column(column), zh: zh, en: en,
                                      excerpt: table.table.lineText(row.line)))
        }

        mutating func warning(_ column: String, zh: String, en: String) {
            diagnostics.append(.warning(table.path, line: row.line, column: self.column(column), zh: zh, en: en,
                                        excerpt: table.table.lineText(row.line)))
        }

        /// A required field; records an error when empty.
        mutating func required(_ column: String, what zhWhat: String, _ enWhat: String) -> String? {
            let value = text(column)
            if value.isEmpty {
                error(column, zh: "\(zhWhat)（\(column)）为空；请填写", en: "\(enWhat) (\(column)) is empty; fill it in")
                return nil
            }
            return value
        }

        /// A date within the assessment year.
        mutating func date(_ column: String, year: Int, zhWhat: String = "日期", enWhat: String = "date") -> CivilDate? {
            guard let text = required(column, what: zhWhat, enWhat) else { return nil }
            guard let date = parseDate(column, text, zhWhat: zhWhat, enWhat: enWhat) else { return nil }
            guard date.year == year else {
                error(column, zh: "\(zhWhat) \(date) 不在考核年度 \(year) 内；请检查年份",
                      en: "\(enWhat) \(date) is outside the assessment year \(year); check the year")
                return nil
            }
            return date
        }

        mutating func parseDate(_ column: String, _ text: String, zhWhat: String, enWhat: String) -> CivilDate? {
            guard let date = CivilDate(text) else {
                error(column, zh: "\(zhWhat) \"\(text)\" 不是有效日期；请写成 YYYY-MM-DD，例如 2025-03-14",
                      en: "\(enWhat) \"\(text)\" is not a valid date; write it as YYYY-MM-DD, e.g. 2025-03-14")
                return nil
            }
            return date
        }

        /// A decimal number (no exponent, no thousands separator).
        mutating func decimal(_ column: String, _ text: String, zhWhat: String, enWhat: String) -> ExactDecimal? {
            guard let value = ExactDecimal(text) else {
                error(column, zh: "\(zhWhat) \"\(text)\" 不是数字；请写成如 2 或 1.5 的数",
                      en: "\(enWhat) \"\(text)\" is not a number; write a plain number such as 2 or 1.5")
                return nil
            }
            return value
        }

        /// A non-negative integer count.
        mutating func count(_ column: String, zhWhat: String, enWhat: String) -> Int? {
            guard let text = required(column, what: zhWhat, enWhat) else { return nil }
            guard text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
                error(column, zh: "\(zhWhat) \"\(text)\" 应为非负整数", en: "\(enWhat) \"\(text)\" must be a whole number ≥ 0")
                return nil
            }
            return value
        }
    }

    /// Rows whose field count differs from the header's are rejected with that one error
    /// (their fields cannot be trusted to sit in the right columns). Returns false for them.
    func checkShape(_ row: inout Row) -> Bool {
        let count = row.row.fields.count
        if count != header.fieldCount {
            let columns = row.row.columns
            let column = count > header.fieldCount && header.fieldCount < columns.count ? columns[header.fieldCount] : (columns.last ?? 1)
            row.diagnostics.append(.error(path, line: row.row.line, column: column,
                zh: "此行有 \(count) 个字段，表头有 \(header.fieldCount) 个；请检查多余或缺少的逗号（含逗号的内容需用英文双引号括起）",
                en: "this row has \(count) fields but the header has \(header.fieldCount); check for a missing or extra comma (text containing commas must be in double quotes)",
                excerpt: table.lineText(row.row.line)))
            return false
        }
        return true
    }
}
