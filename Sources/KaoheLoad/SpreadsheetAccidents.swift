import KaoheModel
import KaoheInput

/// The usual accidents of a sheet saved as CSV, each said in one message instead of a flood of
/// errors: a title row above the header, a file separated by tabs or semicolons, a total row
/// (合计) among the records.
enum SpreadsheetAccidents {
    /// A diagnostic for a header row that does not map, when the cause is one of these; nil
    /// otherwise (the header's own errors are then reported).
    static func header(_ rows: [CSVRow], specs: [ColumnSpec], file: String, excerpt: (Int) -> String) -> Diagnostic? {
        guard let first = rows.first else { return nil }
        // One field holding the column names split by a tab or a semicolon.
        if first.fields.count == 1, let text = first.fields.first {
            for (separator, name) in [("\t", "tab"), (";", "semicolon")] where text.contains(separator) {
                let names = text.split(separator: Character(separator)).map { $0.trimmingSpaces }
                if names.filter({ known($0, specs) }).count >= 2 {
                    return Diagnostic(.wrongSeparator(name), file: file, line: first.line, column: 1, excerpt: excerpt(first.line))
                }
            }
        }
        // A later row (within the first five) that is a full header: the rows above are titles.
        for row in rows.dropFirst().prefix(4) {
            let names = row.fields.map { $0.trimmingSpaces }
            if specs.filter(\.required).allSatisfy({ spec in names.contains { spec.matches($0) } }) {
                return Diagnostic(.titleRowsAboveHeader(headerLine: row.line), file: file, line: first.line, column: 1,
                                  excerpt: excerpt(first.line))
            }
        }
        return nil
    }

    /// Whether a record is a total row: its first non-empty field reads 合计, 总计 or 小计 (Total).
    static func isTotalRow(_ fields: [String]) -> Bool {
        guard let first = fields.first(where: { !$0.trimmingSpaces.isEmpty })?.trimmingSpaces else { return false }
        let plain = first.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        return ["合计", "总计", "小计", "total", "sum"].contains(plain.lowercased()) || plain.hasPrefix("合计")
    }

    static func known(_ name: String, _ specs: [ColumnSpec]) -> Bool { specs.contains { $0.matches(name) } }
}

extension Diagnostic.Message {
    /// A header row whose names are split by a tab or a semicolon, not a comma.
    static func wrongSeparator(_ separator: String) -> Self {
        let zh = separator == "tab" ? "制表符" : "分号"
        return .error("header.wrong-separator",
                      zh: "文件的各列用\(zh)分隔，不是逗号；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                      en: "the columns are separated by \(separator)s, not commas; save the file from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }

    /// Title rows above the header row.
    static func titleRowsAboveHeader(headerLine: Int) -> Self {
        .error("header.title-rows",
               zh: "第 \(headerLine) 行看起来才是表头；请删除它上面的标题行，使表头成为第一行",
               en: "line \(headerLine) looks like the header; delete the title rows above it so that the header is the first line")
    }

    /// A total row among the records.
    static var totalRow: Self {
        .error("row.total-row", zh: "这一行是合计行，不是记录；请删除它（kaohe 自己计算合计）",
               en: "this is a total row, not a record; delete it (kaohe works out the totals itself)")
    }
}
