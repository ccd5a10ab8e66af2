import KaoheKit

/// A whole-text CSV reader written independently of the streaming scanner (one pass over the
/// text, a column cache per line), to compare against.
package enum ReferenceCSV {
    package static func parse(_ text: String, file: String, lineLimit: Int, fieldLimit: Int) -> (rows: [CSVRow], diagnostics: [Diagnostic], lineStarts: [Int]) {
        var text = text
        var rows: [CSVRow] = []
        let (diagnostics, lineStarts) = text.withUTF8 { bytes in
            var parser = ReferenceParser(bytes: bytes, file: file, lineLimit: lineLimit, fieldLimit: fieldLimit)
            parser.run { rows.append($0) }
            return (parser.diagnostics, parser.lineStarts)
        }
        return (rows, diagnostics, lineStarts)
    }
}

private struct ReferenceParser {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    /// The longest line excerpt in a diagnostic, in bytes, as the scanner cuts it.
    static let maxExcerptBytes = 4096

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

    mutating func run(_ eachRow: (CSVRow) -> Void) {
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
                eachRow(CSVRow(line: recordLine, fields: fields, columns: lastColumns))
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

            if pos < n && p[pos] == Self.quote {
                guard readQuoted(column: column) else { return }
            } else {
                while pos < n {
                    let b = p[pos]
                    if b > Self.comma { pos += 1; continue }
                    if b == Self.comma || b == Self.lf || b == Self.cr { break }
                    if b == Self.quote {
                        fail(at: pos, .quoteInField)
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

            if pos < n && p[pos] == Self.comma {
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
            if b > Self.quote { pos += 1; continue }
            if b == Self.quote {
                if pos + 1 < n && p[pos + 1] == Self.quote {
                    escapes = true
                    pos += 2
                    continue
                }
                closed = true
                break
            }
            if b == Self.lf || b == Self.cr {
                pos += (b == Self.cr && pos + 1 < n && p[pos + 1] == Self.lf) ? 2 : 1
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
                diagnostics.append(Diagnostic(.unterminatedQuote, file: file, line: quoteLine, column: column,
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
            diagnostics.append(Diagnostic(.fieldTooLong(limit: fieldLimit), file: file, line: quoteLine, column: column,
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
            if b != Self.comma && b != Self.lf && b != Self.cr {
                fail(at: pos, .textAfterQuote)
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
    mutating func fail(at offset: Int, _ message: Diagnostic.Message) {
        guard !recordBad else { return }
        let column = self.column(at: offset)
        diagnostics.append(Diagnostic(message, file: file, line: line, column: column,
                                      excerpt: excerpt(from: lineStart)))
        recordBad = true
    }

    mutating func failLineTooLong() {
        if !recordBad {
            diagnostics.append(Diagnostic(.lineTooLong(limit: lineLimit), file: file, line: line, column: 1,
                                          excerpt: excerpt(from: lineStart)))
            recordBad = true
        }
        skipToLineEnd()
    }

    /// Moves `pos` to the next line ending (or the end), ignoring quotes.
    mutating func skipToLineEnd() {
        while pos < n {
            let b = p[pos]
            if b == Self.lf || b == Self.cr { return }
            pos += 1
        }
    }

    /// Steps over the line ending at `pos`, if any, and starts the next line.
    mutating func consumeLineEnding() {
        guard pos < n else { return }
        let b = p[pos]
        pos += (b == Self.cr && pos + 1 < n && p[pos + 1] == Self.lf) ? 2 : 1
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
            i += (b == Self.quote) ? 2 : 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The physical line starting at `start`, without its ending, cut at
    /// ``maxExcerptBytes`` (on a scalar boundary) with “…”.
    func excerpt(from start: Int) -> String {
        var end = start
        let cap = min(n, start + Self.maxExcerptBytes)
        while end < cap && p[end] != Self.lf && p[end] != Self.cr { end += 1 }
        if end == cap && cap < n && p[cap] != Self.lf && p[cap] != Self.cr {
            while end > start && p[end] & 0xC0 == 0x80 { end -= 1 }
            return string(start, end) + "…"
        }
        return string(start, end)
    }
}
