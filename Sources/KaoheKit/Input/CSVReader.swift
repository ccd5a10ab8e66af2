/// One CSV record (一行记录): its fields as written, and where each one starts.
public struct CSVRow: Sendable, Hashable {
    /// 1-based physical line the record starts on (the header is line 1).
    public var line: Int
    /// The fields' exact text: quotes removed, doubled quotes undone, nothing trimmed.
    public var fields: [String]
    /// 1-based column, in Unicode scalars, where each field starts on its physical line
    /// (the opening quote for a quoted field).
    public var columns: [Int]

    public init(line: Int, fields: [String], columns: [Int]) {
        self.line = line
        self.fields = fields
        self.columns = columns
    }
}

/// A parsed CSV file: the records read, the syntax errors found, and the physical lines for
/// excerpts.
public struct CSVTable: Sendable {
    /// Records in file order; the header, if the file has one, is `rows[0]`. Rows with a syntax
    /// error are left out (each has a diagnostic); zero-length lines are skipped.
    public var rows: [CSVRow]
    public var diagnostics: [Diagnostic]
    /// The text parsed, kept for ``lineText(_:)``.
    let text: String
    /// UTF-8 offset in `text` where each physical line starts; index 0 is line 1.
    let lineStarts: [Int]

    public init(rows: [CSVRow], diagnostics: [Diagnostic] = []) {
        self.init(rows: rows, diagnostics: diagnostics, text: "", lineStarts: [])
    }

    init(rows: [CSVRow], diagnostics: [Diagnostic], text: String, lineStarts: [Int]) {
        self.rows = rows
        self.diagnostics = diagnostics
        self.text = text
        self.lineStarts = lineStarts
    }

    /// Number of physical lines that hold any text or line ending.
    public var lineCount: Int { lineStarts.count }

    /// The text of physical line `line` (1-based), without its line ending; empty when the
    /// line does not exist.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var text = self.text
        let starts = lineStarts
        return text.withUTF8 { bytes in
            let start = starts[line - 1]
            var end = line < starts.count ? starts[line] : bytes.count
            guard start <= end, end <= bytes.count else { return "" }
            if end > start, bytes[end - 1] == CSVReader.lf { end -= 1 }
            if end > start, bytes[end - 1] == CSVReader.cr { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}

/// An RFC 4180 CSV parser working on UTF-8 bytes.
///
/// Accepts quoted fields, doubled quotes, line breaks inside quotes, and CRLF, LF or lone CR
/// line endings (mixed freely). A leading BOM is skipped. Every syntax error becomes a
/// ``Diagnostic`` with file, line, column and the line as excerpt; the faulty record is left
/// out and reading goes on with the next line, so one pass finds every error.
public enum CSVReader {
    /// Longest physical line accepted, in UTF-8 bytes (1 MiB).
    public static let maxLineBytes = 1 << 20
    /// Longest field accepted, in UTF-8 bytes (1 MiB).
    public static let maxFieldBytes = 1 << 20
    /// Excerpts of longer lines are cut to this many bytes and end with “…”.
    static let maxExcerptBytes = 4096

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// Parses a whole file into rows.
    public static func parse(_ text: String, file: String) -> CSVTable {
        var rows: [CSVRow] = []
        // One row per line at most: reserving that much up front spares the copies of a
        // growing array (pages never written cost nothing).
        rows.reserveCapacity(lineEndingCount(text) + 1)
        var table = parse(text, file: file) { rows.append($0) }
        table.rows = rows
        return table
    }

    /// Parses a file and hands each record to `eachRow` as soon as it is complete, so a large
    /// check log need not be held as rows. The table returned has no rows; it carries the
    /// diagnostics and the line index for ``CSVTable/lineText(_:)``.
    public static func parse(_ text: String, file: String,
                             eachRow: (CSVRow) throws -> Void) rethrows -> CSVTable {
        try parse(text, file: file, lineLimit: maxLineBytes, fieldLimit: maxFieldBytes, eachRow: eachRow)
    }

    /// Number of LF and CR bytes: an upper bound on the number of records.
    static func lineEndingCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte <= CSVReader.cr {
            if byte == CSVReader.lf || byte == CSVReader.cr { count += 1 }
        }
        return count
    }

    /// Parses with other limits (for tests of the limits on small inputs).
    static func parse(_ text: String, file: String, lineLimit: Int, fieldLimit: Int) -> CSVTable {
        var rows: [CSVRow] = []
        var table = parse(text, file: file, lineLimit: lineLimit, fieldLimit: fieldLimit) { rows.append($0) }
        table.rows = rows
        return table
    }

    static func parse(_ text: String, file: String, lineLimit: Int, fieldLimit: Int,
                      eachRow: (CSVRow) throws -> Void) rethrows -> CSVTable {
        var text = text
        let (diagnostics, lineStarts) = try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, file: file, lineLimit: lineLimit, fieldLimit: fieldLimit)
            try parser.run(eachRow)
            return (parser.diagnostics, parser.lineStarts)
        }
        return CSVTable(rows: [], diagnostics: diagnostics, text: text, lineStarts: lineStarts)
    }
}

/// The byte-level state machine behind ``CSVReader``.
private struct Parser {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let file: String
    let lineLimit: Int
    let fieldLimit: Int

    var pos = 0
    /// Current physical line (1-based) and the offset where it starts.
    var line = 1
    var lineStart = 0
    var lineStarts: [Int] = []
    var diagnostics: [Diagnostic] = []

    /// Column cache: the scalar column of `markPos` on the current line.
    var markPos = 0
    var markColumn = 1

    /// The record being read.
    var fields: [String] = []
    var columns: [Int] = []
    var recordBad = false
    /// Bytes with doubled quotes undone, reused between fields.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, lineLimit: Int, fieldLimit: Int) {
        p = bytes
        n = bytes.count
        self.file = file
        self.lineLimit = lineLimit
        self.fieldLimit = fieldLimit
    }

    mutating func run(_ eachRow: (CSVRow) throws -> Void) rethrows {
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { pos = 3 }
        lineStart = pos
        markPos = pos
        if pos < n { lineStarts.append(pos) }
        var width = 8
        // Rows of a regular table often share their column layout; sharing one array between
        // them saves an allocation per row.
        var lastColumns: [Int] = []

        while pos < n {
            let recordLine = line
            let recordStart = pos
            fields = []
            fields.reserveCapacity(width)
            columns.removeAll(keepingCapacity: true)
            recordBad = false

            readFields()

            // pos is at a line ending or at the end of the text.
            let recordEnd = pos
            consumeLineEnding()
            if !recordBad && recordEnd > recordStart {
                width = fields.count
                if columns != lastColumns { lastColumns = Array(columns) }
                try eachRow(CSVRow(line: recordLine, fields: fields, columns: lastColumns))
            }
        }
    }

    /// Reads fields until the record's line ending (or a syntax error, after which the rest of
    /// the physical line is skipped). Leaves `pos` at the line ending or the end of the text.
    mutating func readFields() {
        while true {
            let fieldStart = pos
            let column = self.column(at: fieldStart)
            columns.append(column)

            if pos < n && p[pos] == CSVReader.quote {
                guard readQuoted(column: column) else { return }
            } else {
                while pos < n {
                    let b = p[pos]
                    if b > CSVReader.comma { pos += 1; continue }
                    if b == CSVReader.comma || b == CSVReader.lf || b == CSVReader.cr { break }
                    if b == CSVReader.quote {
                        fail(at: pos,
                             zh: "引号出现在不以引号开头的字段中间；请把整个字段放在引号中，并把其中的引号写成两个（\"\"）",
                             en: "quote inside a field that does not start with a quote; put the whole field in quotes and write each quote in it twice (\"\")")
                        skipToLineEnd()
                        return
                    }
                    pos += 1
                }
                if pos - lineStart > lineLimit {
                    failLineTooLong()
                    return
                }
                if !recordBad {
                    fields.append(pos == fieldStart ? "" : string(fieldStart, pos))
                }
            }

            if pos < n && p[pos] == CSVReader.comma {
                pos += 1
                continue
            }
            return
        }
    }

    /// Reads a quoted field starting at `pos` (the opening quote). Returns false when the record
    /// ended in an error and the caller must stop reading fields.
    mutating func readQuoted(column: Int) -> Bool {
        let quotePos = pos
        let quoteLine = line
        let quoteLineStart = lineStart
        let quoteLineIndex = lineStarts.count
        pos += 1
        let contentStart = pos
        var escapes = false
        var closed = false
        while pos < n {
            let b = p[pos]
            if b > CSVReader.quote { pos += 1; continue }
            if b == CSVReader.quote {
                if pos + 1 < n && p[pos + 1] == CSVReader.quote {
                    escapes = true
                    pos += 2
                    continue
                }
                closed = true
                break
            }
            if b == CSVReader.lf || b == CSVReader.cr {
                pos += (b == CSVReader.cr && pos + 1 < n && p[pos + 1] == CSVReader.lf) ? 2 : 1
                startLine()
                continue
            }
            pos += 1
        }

        guard closed else {
            // Report at the opening quote, then read on from the line after it: the quote is
            // most likely a stray one, and the lines after it are ordinary records.
            if quoteLineIndex < lineStarts.count { lineStarts.removeSubrange(quoteLineIndex...) }
            line = quoteLine
            lineStart = quoteLineStart
            markPos = quoteLineStart
            markColumn = 1
            if !recordBad {
                diagnostics.append(.error(
                    file, line: quoteLine, column: column,
                    zh: "此处开始的带引号字段没有结束；请补上右引号 \"",
                    en: "quoted field starting here never ends; add the closing \"",
                    excerpt: excerpt(from: quoteLineStart)))
                recordBad = true
            }
            pos = quotePos + 1
            skipToLineEnd()
            return false
        }

        let contentEnd = pos
        pos += 1
        if contentEnd - contentStart > fieldLimit && !recordBad {
            diagnostics.append(.error(
                file, line: quoteLine, column: column,
                zh: "此处开始的字段超过 1 MiB（\(fieldLimit) 字节）；可能缺少右引号 \"",
                en: "field starting here is longer than 1 MiB (\(fieldLimit) bytes); a closing \" may be missing",
                excerpt: excerpt(from: quoteLineStart)))
            recordBad = true
            skipToLineEnd()
            return false
        }
        if pos - lineStart > lineLimit {
            failLineTooLong()
            return false
        }
        if pos < n {
            let b = p[pos]
            if b != CSVReader.comma && b != CSVReader.lf && b != CSVReader.cr {
                fail(at: pos,
                     zh: "带引号字段的右引号后面还有文字；右引号后应紧跟逗号或换行，字段中的引号要写成两个（\"\"）",
                     en: "text after the closing quote of a quoted field; a comma or line end must follow the closing quote, and a quote inside the field is written twice (\"\")")
                skipToLineEnd()
                return false
            }
        }
        if !recordBad {
            fields.append(escapes ? unescaped(contentStart, contentEnd)
                                  : (contentEnd == contentStart ? "" : string(contentStart, contentEnd)))
        }
        return true
    }

    /// Records a syntax error at byte `offset` of the current line and marks the record bad.
    mutating func fail(at offset: Int, zh: String, en: String) {
        guard !recordBad else { return }
        let column = self.column(at: offset)
        diagnostics.append(.error(file, line: line, column: column, zh: zh, en: en,
                                  excerpt: excerpt(from: lineStart)))
        recordBad = true
    }

    mutating func failLineTooLong() {
        if !recordBad {
            diagnostics.append(.error(
                file, line: line, column: 1,
                zh: "此行超过 1 MiB（\(lineLimit) 字节），不像是 CSV 表格中的一行；请检查文件是否选对",
                en: "line is longer than 1 MiB (\(lineLimit) bytes), which is not a plausible CSV row; check that this is the right file",
                excerpt: excerpt(from: lineStart)))
            recordBad = true
        }
        skipToLineEnd()
    }

    /// Moves `pos` to the next line ending (or the end), ignoring quotes.
    mutating func skipToLineEnd() {
        while pos < n {
            let b = p[pos]
            if b == CSVReader.lf || b == CSVReader.cr { return }
            pos += 1
        }
    }

    /// Steps over the line ending at `pos`, if any, and starts the next line.
    mutating func consumeLineEnding() {
        guard pos < n else { return }
        let b = p[pos]
        pos += (b == CSVReader.cr && pos + 1 < n && p[pos + 1] == CSVReader.lf) ? 2 : 1
        startLine()
    }

    /// A new physical line starts at `pos`.
    mutating func startLine() {
        line += 1
        lineStart = pos
        markPos = pos
        markColumn = 1
        if pos < n { lineStarts.append(pos) }
    }

    /// 1-based column, in Unicode scalars, of byte `offset` on the current line.
    mutating func column(at offset: Int) -> Int {
        if offset < markPos || markPos < lineStart {
            markPos = lineStart
            markColumn = 1
        }
        var column = markColumn
        var i = markPos
        while i < offset {
            if p[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        markPos = offset
        markColumn = column
        return column
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
    }

    /// The field text with each doubled quote written once.
    mutating func unescaped(_ start: Int, _ end: Int) -> String {
        scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b = p[i]
            scratch.append(b)
            i += (b == CSVReader.quote) ? 2 : 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The physical line starting at `start`, without its ending, cut at
    /// ``CSVReader/maxExcerptBytes`` (on a scalar boundary) with “…”.
    func excerpt(from start: Int) -> String {
        var end = start
        let cap = min(n, start + CSVReader.maxExcerptBytes)
        while end < cap && p[end] != CSVReader.lf && p[end] != CSVReader.cr { end += 1 }
        if end == cap && cap < n && p[cap] != CSVReader.lf && p[cap] != CSVReader.cr {
            while end > start && p[end] & 0xC0 == 0x80 { end -= 1 }
            return string(start, end) + "…"
        }
        return string(start, end)
    }
}
