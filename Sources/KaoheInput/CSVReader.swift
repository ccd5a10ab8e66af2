import KaoheModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One CSV record (一行记录): its fields as written, and where each one starts.
package struct CSVRow: Sendable, Hashable {
    /// 1-based physical line the record starts on (the header is line 1).
    package var line: Int
    /// The fields' exact text: quotes removed, doubled quotes undone, nothing trimmed.
    package var fields: [String]
    /// 1-based column, in Unicode scalars, where each field starts on its physical line
    /// (the opening quote for a quoted field).
    package var columns: [Int]

    package init(line: Int, fields: [String], columns: [Int]) {
        self.line = line
        self.fields = fields
        self.columns = columns
    }
}

/// A parsed CSV file: the records read, the syntax errors found, and the physical lines for
/// excerpts.
package struct CSVTable: Sendable {
    /// Records in file order; the header, if the file has one, is `rows[0]`. Rows with a syntax
    /// error are left out (each has a diagnostic); zero-length lines are skipped.
    package var rows: [CSVRow]
    package var diagnostics: [Diagnostic]
    /// The text parsed, kept for ``lineText(_:)``.
    let text: String
    /// UTF-8 offset in `text` where each physical line starts; index 0 is line 1.
    let lineStarts: [Int]

    package init(rows: [CSVRow], diagnostics: [Diagnostic] = []) {
        self.init(rows: rows, diagnostics: diagnostics, text: "", lineStarts: [])
    }

    init(rows: [CSVRow], diagnostics: [Diagnostic], text: String, lineStarts: [Int]) {
        self.rows = rows
        self.diagnostics = diagnostics
        self.text = text
        self.lineStarts = lineStarts
    }

    /// Number of physical lines that hold any text or line ending.
    package var lineCount: Int { lineStarts.count }

    /// The text of physical line `line` (1-based), without its line ending; empty when the
    /// line does not exist.
    package func lineText(_ line: Int) -> String {
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

    /// Like ``lineText(_:)``, cut after ``CSVReader/maxExcerptBytes`` bytes (on a scalar
    /// boundary, ending with “…”): what a diagnostic keeps as its excerpt.
    package func excerpt(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var text = self.text
        let starts = lineStarts
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, starts[line - 1] <= bytes.count else { return "" }
            return CSVReader.excerpt(base, from: starts[line - 1], count: bytes.count)
        }
    }
}

/// An RFC 4180 CSV parser working on UTF-8 bytes.
///
/// Accepts quoted fields, doubled quotes, line breaks inside quotes, and CRLF, LF or lone CR
/// line endings (mixed freely). A leading BOM is skipped. Every syntax error becomes a
/// ``Diagnostic`` with file, line, column and the line as excerpt; the faulty record is left
/// out and reading goes on with the next line, so one pass finds every error.
///
/// The same byte-level scanner reads a whole text (``parse(_:file:)``) or a file in windows of
/// a few MiB (``CSVStream``), so a large check log is never held in memory at once.
package enum CSVReader {
    /// Longest physical line accepted, in UTF-8 bytes (1 MiB).
    package static let maxLineBytes = 1 << 20
    /// Longest field accepted, in UTF-8 bytes (1 MiB).
    package static let maxFieldBytes = 1 << 20
    /// Longest record (one row, over several lines when a quoted field holds line breaks)
    /// read from a file in windows, in UTF-8 bytes (8 MiB). A longer record is an error.
    package static let maxRecordBytes = 8 << 20
    /// Excerpts of longer lines are cut to this many bytes and end with “…”.
    static let maxExcerptBytes = 4096

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    package static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// Parses a whole file into rows.
    package static func parse(_ text: String, file: String) -> CSVTable {
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
    package static func parse(_ text: String, file: String,
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
            var scanner = CSVScanner(file: file, lineLimit: lineLimit, fieldLimit: fieldLimit, keepsLineStarts: true)
            // An empty buffer may have no base address; any valid pointer does for zero bytes.
            let empty: StaticString = ""
            scanner.setWindow(bytes.baseAddress ?? empty.utf8Start, count: bytes.count, final: true)
            scanner.skipByteOrderMark()
            var lastColumns: [Int] = []
            while true {
                let step = scanner.next()
                if step == .end { break }
                guard step == .record else { continue }
                // Rows of a regular table often share their column layout; sharing one array
                // between them saves an allocation per row.
                let columns = scanner.columns()
                if columns != lastColumns { lastColumns = columns }
                try eachRow(CSVRow(line: scanner.recordLine, fields: scanner.strings(), columns: lastColumns))
            }
            return (scanner.diagnostics, scanner.lineStarts)
        }
        return CSVTable(rows: [], diagnostics: diagnostics, text: text, lineStarts: lineStarts)
    }

    /// The physical line starting at `start`, without its ending, cut at ``maxExcerptBytes``
    /// (on a scalar boundary) with “…”. `count` is the number of bytes available.
    package static func excerpt(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> String {
        var end = start
        let cap = min(n, start + maxExcerptBytes)
        while end < cap && p[end] != lf && p[end] != cr { end += 1 }
        if end == cap && cap < n && p[cap] != lf && p[cap] != cr {
            while end > start && p[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self) + "…"
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }
}

/// Where one field of the current record lies.
package struct CSVFieldRef {
    /// The field's text: bytes `start..<end` of the window, or of the scanner's scratch
    /// buffer when `unescaped` (a quoted field whose doubled quotes were undone).
    package var start: Int
    package var end: Int
    package var unescaped: Bool
    /// Where the field starts (its opening quote when quoted) and where that physical line
    /// starts, for its column.
    var at: Int
    var lineStart: Int
}

/// The byte-level state machine behind ``CSVReader`` and ``CSVStream``.
///
/// It reads one record at a time from a window of bytes. When the window is not the end of
/// the input and a record runs past it, ``next()`` answers ``Step/starved`` with everything
/// rolled back to the record's start, so the caller can move the record to the front of a
/// fuller window and ask again: a record is always scanned whole, as from a complete text.
package struct CSVScanner {
    package enum Step { case record, skipped, starved, end }

    package private(set) var p: UnsafePointer<UInt8>
    package private(set) var n = 0
    /// The window ends where the input ends.
    package private(set) var final = true
    package let file: String
    package let lineLimit: Int
    package let fieldLimit: Int
    let keepsLineStarts: Bool

    /// Next byte to read.
    private(set) var pos = 0
    /// Current physical line (1-based) and the offset where it starts.
    private(set) var line = 1
    private(set) var lineStart = 0
    /// Offsets of the physical lines (whole-text mode only).
    private(set) var lineStarts: [Int] = []
    package var diagnostics: [Diagnostic] = []

    /// The record last returned by ``next()`` (or the one that starved).
    package private(set) var recordLine = 1
    package private(set) var recordStart = 0
    package private(set) var fields: [CSVFieldRef] = []
    /// Text of quoted fields with doubled quotes undone.
    package let scratch = ByteBuffer()
    private var recordBad = false
    private var starved = false

    package init(file: String, lineLimit: Int = CSVReader.maxLineBytes, fieldLimit: Int = CSVReader.maxFieldBytes,
         keepsLineStarts: Bool = false) {
        let empty: StaticString = ""
        p = empty.utf8Start
        self.file = file
        self.lineLimit = lineLimit
        self.fieldLimit = fieldLimit
        self.keepsLineStarts = keepsLineStarts
        fields.reserveCapacity(16)
    }

    /// Points the scanner at new window bytes. Positions are offsets in the window, so a
    /// window that moved must be followed by ``rebase(line:)``.
    package mutating func setWindow(_ bytes: UnsafePointer<UInt8>, count: Int, final: Bool) {
        p = bytes
        n = count
        self.final = final
    }

    /// Starts reading at offset `offset` of the window, on physical line `line`, at a line start.
    package mutating func rebase(at offset: Int, line: Int) {
        pos = offset
        lineStart = offset
        self.line = line
        recordStart = offset
        recordLine = line
    }

    /// Skips a UTF-8 byte order mark at the current position (the start of the text).
    mutating func skipByteOrderMark() {
        if n - pos >= 3, p[pos] == 0xEF, p[pos + 1] == 0xBB, p[pos + 2] == 0xBF { pos += 3 }
        lineStart = pos
        if keepsLineStarts && pos < n && lineStarts.isEmpty { lineStarts.append(pos) }
    }

    /// Reads the next record. `.record`: the fields are ready; `.skipped`: an empty line or a
    /// record with a syntax error (diagnosed) was passed; `.starved`: the record runs past the
    /// window (nothing consumed); `.end`: no more input in the window.
    package mutating func next() -> Step {
        guard pos < n else { return final ? .end : .starved }
        let startLine = line
        let start = pos
        let diagnosticCount = diagnostics.count
        let lineStartCount = lineStarts.count
        fields.removeAll(keepingCapacity: true)
        scratch.count = 0
        recordBad = false
        starved = false
        recordLine = startLine
        recordStart = start

        readFields()
        // pos is at a line ending or at the end of the window.
        let recordEnd = pos
        if !starved { consumeLineEnding() }
        if starved {
            pos = start
            line = startLine
            lineStart = start
            if diagnostics.count > diagnosticCount { diagnostics.removeSubrange(diagnosticCount...) }
            if lineStarts.count > lineStartCount { lineStarts.removeSubrange(lineStartCount...) }
            return .starved
        }
        return !recordBad && recordEnd > start ? .record : .skipped
    }

    /// Marks the record as running past the window. Always returns false (the caller stops).
    private mutating func starve() -> Bool {
        starved = true
        return false
    }

    /// Reads fields until the record's line ending (or a syntax error, after which the rest of
    /// the physical line is skipped). Leaves `pos` at the line ending or the end of the window.
    private mutating func readFields() {
        while true {
            let fieldStart = pos
            if pos == n && !final { starved = true; return }
            if pos < n && p[pos] == CSVReader.quote {
                guard readQuoted() else { return }
            } else {
                var i = pos
                let end = n
                let p = self.p
                while i < end {
                    let b = p[i]
                    if b > CSVReader.comma { i += 1; continue }
                    if b == CSVReader.comma || b == CSVReader.lf || b == CSVReader.cr { break }
                    if b == CSVReader.quote {
                        pos = i
                        fail(at: i, .quoteInField)
                        skipToLineEnd()
                        return
                    }
                    i += 1
                }
                pos = i
                if i == end && !final { starved = true; return }
                if pos - lineStart > lineLimit {
                    failLineTooLong()
                    return
                }
                if !recordBad {
                    fields.append(CSVFieldRef(start: fieldStart, end: pos, unescaped: false, at: fieldStart, lineStart: lineStart))
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
    /// ended in an error (or starved) and the caller must stop reading fields.
    private mutating func readQuoted() -> Bool {
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
                if pos + 1 == n && !final { return starve() }
                if pos + 1 < n && p[pos + 1] == CSVReader.quote {
                    escapes = true
                    pos += 2
                    continue
                }
                closed = true
                break
            }
            if b == CSVReader.lf || b == CSVReader.cr {
                if b == CSVReader.cr && pos + 1 == n && !final { return starve() }
                pos += (b == CSVReader.cr && pos + 1 < n && p[pos + 1] == CSVReader.lf) ? 2 : 1
                startLine()
                continue
            }
            pos += 1
        }

        guard closed else {
            if !final { return starve() }
            // Report at the opening quote, then read on from the line after it: the quote is
            // most likely a stray one, and the lines after it are ordinary records.
            if quoteLineIndex < lineStarts.count { lineStarts.removeSubrange(quoteLineIndex...) }
            line = quoteLine
            lineStart = quoteLineStart
            if !recordBad {
                diagnostics.append(Diagnostic(.unterminatedQuote, file: file, line: quoteLine, column: column(at: quotePos),
                                              excerpt: CSVReader.excerpt(p, from: quoteLineStart, count: n)))
                recordBad = true
            }
            pos = quotePos + 1
            skipToLineEnd()
            return false
        }

        let contentEnd = pos
        pos += 1
        if contentEnd - contentStart > fieldLimit && !recordBad {
            guard let text = excerpt(from: quoteLineStart) else { return starve() }
            diagnostics.append(Diagnostic(.fieldTooLong(limit: fieldLimit), file: file, line: quoteLine,
                                          column: CSVScanner.column(p, lineStart: quoteLineStart, offset: quotePos), excerpt: text))
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
                fail(at: pos, .textAfterQuote)
                skipToLineEnd()
                return false
            }
        } else if !final {
            return starve()
        }
        if !recordBad {
            if escapes {
                let start = scratch.count
                scratch.reserve(contentEnd - contentStart)
                var i = contentStart
                while i < contentEnd {
                    let b = p[i]
                    scratch.append(b)
                    i += (b == CSVReader.quote) ? 2 : 1
                }
                fields.append(CSVFieldRef(start: start, end: scratch.count, unescaped: true, at: quotePos, lineStart: quoteLineStart))
            } else {
                fields.append(CSVFieldRef(start: contentStart, end: contentEnd, unescaped: false, at: quotePos, lineStart: quoteLineStart))
            }
        }
        return true
    }

    /// The excerpt of the line starting at `start`, or nil when the window ends before it
    /// could be cut (the record then starves).
    private func excerpt(from start: Int) -> String? {
        if !final {
            var end = start
            let cap = start + CSVReader.maxExcerptBytes
            while end < n && end <= cap && p[end] != CSVReader.lf && p[end] != CSVReader.cr { end += 1 }
            if end == n { return nil }
        }
        return CSVReader.excerpt(p, from: start, count: n)
    }

    /// Records a syntax error at byte `offset` of the current line and marks the record bad.
    private mutating func fail(at offset: Int, _ message: Diagnostic.Message) {
        guard !recordBad else { return }
        guard let text = excerpt(from: lineStart) else { starved = true; return }
        diagnostics.append(Diagnostic(message, file: file, line: line, column: column(at: offset), excerpt: text))
        recordBad = true
    }

    private mutating func failLineTooLong() {
        if !recordBad {
            guard let text = excerpt(from: lineStart) else { starved = true; return }
            diagnostics.append(Diagnostic(.lineTooLong(limit: lineLimit), file: file, line: line, column: 1, excerpt: text))
            recordBad = true
        }
        skipToLineEnd()
    }

    /// Moves `pos` to the next line ending (or the end), ignoring quotes.
    private mutating func skipToLineEnd() {
        if starved { return }
        while pos < n {
            let b = p[pos]
            if b == CSVReader.lf || b == CSVReader.cr { return }
            pos += 1
        }
        if !final { starved = true }
    }

    /// Steps over the line ending at `pos`, if any, and starts the next line.
    private mutating func consumeLineEnding() {
        guard pos < n else { return }
        let b = p[pos]
        if b == CSVReader.cr && pos + 1 == n && !final { starved = true; return }
        pos += (b == CSVReader.cr && pos + 1 < n && p[pos + 1] == CSVReader.lf) ? 2 : 1
        startLine()
    }

    /// A new physical line starts at `pos`.
    private mutating func startLine() {
        line += 1
        lineStart = pos
        if keepsLineStarts && pos < n { lineStarts.append(pos) }
    }

    /// 1-based column, in Unicode scalars, of byte `offset` on the current line.
    private func column(at offset: Int) -> Int {
        CSVScanner.column(p, lineStart: lineStart, offset: offset)
    }

    static func column(_ p: UnsafePointer<UInt8>, lineStart: Int, offset: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset {
            if p[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    // MARK: the current record

    /// The bytes of field `i` of the current record.
    @inline(__always)
    package func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(start: (f.unescaped ? UnsafePointer(scratch.base) : p) + f.start, count: f.end - f.start)
    }

    func string(_ i: Int) -> String {
        let f = fields[i]
        if f.start == f.end { return "" }
        return String(decoding: field(i), as: UTF8.self)
    }

    /// The current record's fields as strings.
    func strings() -> [String] {
        var out: [String] = []
        out.reserveCapacity(fields.count)
        for i in fields.indices { out.append(string(i)) }
        return out
    }

    /// The current record's field columns.
    func columns() -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(fields.count)
        // Counted on from the previous field on the same line, so a line of many fields
        // is read once.
        var markLine = -1, markAt = 0, markColumn = 1
        for f in fields {
            if f.lineStart != markLine || f.at < markAt {
                markLine = f.lineStart
                markAt = f.lineStart
                markColumn = 1
            }
            markColumn += CSVScanner.column(p, lineStart: markAt, offset: f.at) - 1
            markAt = f.at
            out.append(markColumn)
        }
        return out
    }

    /// The current record as a row.
    package func row(line: Int? = nil) -> CSVRow {
        CSVRow(line: line ?? recordLine, fields: strings(), columns: columns())
    }

    /// The excerpt of the current record's first line.
    package func recordExcerpt() -> String {
        CSVReader.excerpt(p, from: recordStart, count: n)
    }
}

/// A growable byte buffer with a stable address while it is not grown.
package final class ByteBuffer {
    package var base: UnsafeMutablePointer<UInt8> { _base }
    package var count: Int { get { _count } set { _count = newValue } }
    // Kept private so that the scanner's accesses need no run-time exclusivity check.
    private var _base: UnsafeMutablePointer<UInt8>
    private var _count = 0
    private(set) var capacity: Int

    package init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        _base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { _base.deallocate() }

    /// Makes room for `extra` more bytes.
    package func reserve(_ extra: Int) {
        guard _count + extra > capacity else { return }
        var newCapacity = capacity
        while newCapacity < _count + extra { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: _base, count: _count)
        _base.deallocate()
        _base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if _count == capacity { reserve(1) }
        _base[_count] = byte
        _count += 1
    }
}

/// Where a ``CSVStream`` reads its bytes from, front to back.
package class CSVByteSource {
    /// Set when reading failed (the stream then ends early).
    var failed = false
    /// Reads up to `count` bytes into `buffer`; 0 at the end.
    package func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int { 0 }
}

/// Bytes of a file from an offset on, read with `pread`.
package final class CSVFileSource: CSVByteSource {
    let descriptor: Int32
    private(set) var offset: Int

    package init(descriptor: Int32, offset: Int) {
        self.descriptor = descriptor
        self.offset = offset
    }

    package override func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var total = 0
        while total < count {
            let got = pread(descriptor, buffer + total, count - total, off_t(offset))
            if got < 0 {
                if errno == EINTR { continue }
                failed = true
                return total
            }
            if got == 0 { break }
            total += got
            offset += got
        }
        return total
    }
}

/// Bytes held in memory.
package final class CSVMemorySource: CSVByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package override func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let n = min(count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { all in
            if let base = all.baseAddress { buffer.update(from: base + offset, count: n) }
        }
        offset += n
        return n
    }
}

/// A GB18030 file decoded to UTF-8 a block at a time (blocks cut between characters, so the
/// text is the same as decoding the whole file). A leading U+FEFF is dropped, as
/// ``TextDecoding/decode(_:file:)`` does. `failed` is set when a block cannot be decoded.
package final class CSVGB18030Source: CSVByteSource {
    private let raw: CSVByteSource
    /// Raw bytes read and not yet decoded (at most a character's worth between blocks).
    private let buffer: UnsafeMutablePointer<UInt8>
    private var buffered = 0
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var first = true
    private var rawDone = false
    /// Set when the bytes are not GB18030.
    package private(set) var undecodable = false
    static let block = 1 << 20

    package init(raw: CSVByteSource) {
        self.raw = raw
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVGB18030Source.block + 4)
    }

    deinit { buffer.deallocate() }

    package override func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var total = 0
        while total < count {
            if pendingOffset == pending.count {
                guard fill() else { break }
                continue
            }
            let n = min(count - total, pending.count - pendingOffset)
            pending.withUnsafeBufferPointer { all in
                if let base = all.baseAddress { (destination + total).update(from: base + pendingOffset, count: n) }
            }
            pendingOffset += n
            total += n
        }
        return total
    }

    /// Decodes the next block into `pending`; false at the end or on failure.
    private func fill() -> Bool {
        guard !rawDone, !undecodable, !failed else { return false }
        let got = raw.read(into: buffer + buffered, count: CSVGB18030Source.block)
        if raw.failed { failed = true; return false }
        if got == 0 { rawDone = true }
        let count = buffered + got
        guard count > 0 else { return false }
        // Cut after the last whole character: a lead byte 81–FE starts two bytes, or four when
        // the second is a digit 30–39; anything else is one byte.
        var cut = count
        if !rawDone {
            var i = 0
            while i < count {
                let b = buffer[i]
                var width = 1
                if b >= 0x81 && b <= 0xFE {
                    width = i + 1 < count && buffer[i + 1] >= 0x30 && buffer[i + 1] <= 0x39 ? 4 : 2
                }
                if i + width > count { break }
                i += width
            }
            cut = i
        }
        guard var text = String(data: Data(bytes: buffer, count: cut), encoding: TextDecoding.gb18030) else {
            undecodable = true
            return false
        }
        buffered = count - cut
        if buffered > 0 { buffer.update(from: buffer + cut, count: buffered) }
        if first {
            first = false
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        }
        pending = Array(text.utf8)
        pendingOffset = 0
        return true
    }
}

/// A CSV file read in windows: records are scanned in place, a window at a time, so memory
/// stays a few MiB whatever the size of the file. A record is handed over whole; one longer
/// than ``CSVReader/maxRecordBytes`` is an error and reading goes on with the next line.
///
/// The stream also checks that the bytes it consumes are UTF-8 (``invalidUTF8At``).
package final class CSVStream {
    /// The scanner, between calls (``forEach(_:)`` works on a local copy).
    package private(set) var scanner: CSVScanner
    private let source: CSVByteSource
    private var window: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var atEnd = false
    /// Stream offset of `window[0]`.
    private(set) var base = 0
    /// Window offset up to which the bytes were checked to be UTF-8.
    private var checked = 0
    let maxRecord: Int
    /// Stream offset of the first byte found not to be UTF-8 (the stream then ends).
    package var invalidUTF8At: Int? { get { _invalidUTF8At } }
    // Kept private so that the record loop's accesses need no run-time exclusivity check.
    private var _invalidUTF8At: Int? = nil
    /// The stream stops before a record that starts at or after this stream offset.
    package var stopAt: Int { get { _stopAt } set { _stopAt = newValue } }
    // Kept private so that the record loop's accesses need no run-time exclusivity check.
    private var _stopAt: Int = Int.max
    /// Syntax errors kept; later ones are only counted in ``omittedDiagnostics``.
    package var diagnosticLimit: Int { get { _diagnosticLimit } set { _diagnosticLimit = newValue } }
    // Kept private so that the record loop's accesses need no run-time exclusivity check.
    private var _diagnosticLimit: Int = Int.max
    package var omittedDiagnostics: Int { get { _omittedDiagnostics } }
    // Kept private so that the record loop's accesses need no run-time exclusivity check.
    private var _omittedDiagnostics: Int = 0

    /// `startOffset` is the stream offset of the source's first byte; `line` the physical line
    /// it starts. At offset 0, up to `byteOrderMarks` UTF-8 byte order marks are skipped: one
    /// that marks the encoding (a GB18030 source drops its own) and one more that the CSV
    /// reader skips.
    package init(source: CSVByteSource, file: String, startOffset: Int = 0, line: Int = 1, byteOrderMarks: Int = 2,
         windowBytes: Int = 1 << 20, maxRecord: Int = CSVReader.maxRecordBytes,
         lineLimit: Int = CSVReader.maxLineBytes, fieldLimit: Int = CSVReader.maxFieldBytes) {
        self.source = source
        capacity = max(16, windowBytes)
        self.maxRecord = max(capacity, maxRecord)
        window = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var scanner = CSVScanner(file: file, lineLimit: lineLimit, fieldLimit: fieldLimit)
        base = startOffset
        self.scanner = scanner
        fill(&scanner)
        var start = 0
        if startOffset == 0 {
            for _ in 0..<byteOrderMarks where count - start >= 3 && window[start] == 0xEF && window[start + 1] == 0xBB && window[start + 2] == 0xBF {
                start += 3
            }
        }
        scanner.rebase(at: start, line: line)
        self.scanner = scanner
    }

    deinit { window.deallocate() }

    /// Whether reading the source failed.
    package var failed: Bool { source.failed }
    /// Stream offset of the next record.
    package var offset: Int { base + scanner.pos }
    /// Physical line of the next record.
    package var line: Int { scanner.line }

    /// Moves to the next record with fields; false at the end of the input, at `stopAt`, or on
    /// bytes that are not UTF-8. The record is then in ``scanner``.
    package func next() -> Bool {
        var scanner = takeScanner()
        defer { self.scanner = scanner }
        return next(&scanner)
    }

    /// Calls `body` with each record until the stream ends. `beforeMove` is called before the
    /// window's bytes move (positions of earlier records in the window stop being valid).
    package func forEach(_ body: (inout CSVScanner) -> Void, beforeMove: (inout CSVScanner) -> Void = { _ in }) {
        var scanner = takeScanner()
        defer { self.scanner = scanner }
        while next(&scanner, beforeMove: beforeMove) { body(&scanner) }
    }

    /// What ``advance(_:)`` found.
    package enum Advance { case record, windowFull, end }

    /// Moves the scanner out, for a reader that runs the record loop itself: ``advance(_:)``
    /// until `.end`, calling ``moveWindow(_:)`` on `.windowFull` (after finishing with the
    /// window's bytes), then ``putBack(_:)``. The loop and its body then compile together in the
    /// reader's module, with no closure between them.
    package func borrowScanner() -> CSVScanner { takeScanner() }

    /// Puts back a scanner taken with ``borrowScanner()``.
    package func putBack(_ scanner: CSVScanner) { self.scanner = scanner }

    /// Advances `scanner` to the next record; `.windowFull` when the window's bytes must move
    /// first (positions of earlier records stop being valid then).
    package func advance(_ scanner: inout CSVScanner) -> Advance {
        while true {
            if _invalidUTF8At != nil { return .end }
            if base + scanner.pos >= _stopAt {
                check(upTo: scanner.pos, final: true)
                return .end
            }
            let step = scanner.next()
            if scanner.diagnostics.count > _diagnosticLimit {
                _omittedDiagnostics += scanner.diagnostics.count - _diagnosticLimit
                scanner.diagnostics.removeSubrange(_diagnosticLimit...)
            }
            switch step {
            case .record: return .record
            case .skipped: continue
            case .end:
                check(upTo: count, final: true)
                return .end
            case .starved: return .windowFull
            }
        }
    }

    /// Moves the window on after ``advance(_:)`` returned `.windowFull`; false when the input
    /// ends or cannot be read.
    package func moveWindow(_ scanner: inout CSVScanner) -> Bool { refill(&scanner) }

    /// Runs `body` on the scanner in place.
    package func withScanner<R>(_ body: (inout CSVScanner) -> R) -> R { body(&scanner) }

    /// Moves the scanner out (so that working on it does not go through this object).
    private func takeScanner() -> CSVScanner {
        var taken = CSVScanner(file: scanner.file)
        swap(&taken, &scanner)
        return taken
    }

    private func next(_ scanner: inout CSVScanner, beforeMove: (inout CSVScanner) -> Void = { _ in }) -> Bool {
        while true {
            switch advance(&scanner) {
            case .record: return true
            case .end: return false
            case .windowFull:
                beforeMove(&scanner)
                guard refill(&scanner) else { return false }
            }
        }
    }

    /// Checks bytes `checked..<end` of the window for UTF-8. With `final` false, a character cut
    /// by `end` is left for later.
    private func check(upTo end: Int, final: Bool) {
        guard _invalidUTF8At == nil, end > checked else { return }
        switch UTF8Validation.check(window, from: checked, to: end, final: final) {
        case .valid: checked = end
        case .cut(let at): checked = at
        case .invalid(let at): _invalidUTF8At = base + at
        }
    }

    /// Drops the first `n` bytes of the window (already consumed and checked).
    private func discard(_ n: Int) {
        guard n > 0 else { return }
        let kept = count - n
        if kept > 0 { window.update(from: window + n, count: kept) }
        base += n
        count = kept
        checked = max(0, checked - n)
    }

    /// Makes room after a starved record: moves it to the front of the window, grows the
    /// window if the record fills it, and reads more. False when nothing more can be read.
    private func refill(_ scanner: inout CSVScanner) -> Bool {
        let start = scanner.pos
        if start > 0 {
            check(upTo: start, final: false)
            if _invalidUTF8At != nil { return false }
            discard(start)
        } else if count == capacity {
            guard capacity < maxRecord else {
                skipOversizedRecord(&scanner)
                return _invalidUTF8At == nil
            }
            let grown = min(maxRecord, capacity * 2)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: window, count: count)
            window.deallocate()
            window = bigger
            capacity = grown
        }
        guard !atEnd else { return false }
        let line = scanner.line
        fill(&scanner)
        scanner.rebase(at: 0, line: line)
        return true
    }

    /// Reads into the free part of the window.
    private func fill(_ scanner: inout CSVScanner) {
        if !atEnd && count < capacity {
            let got = source.read(into: window + count, count: capacity - count)
            count += got
            if got == 0 || source.failed { atEnd = true }
        }
        scanner.setWindow(window, count: count, final: atEnd)
    }

    /// The record at the start of the full window is longer than ``maxRecord``: reports it and
    /// goes on with the line after its first line.
    private func skipOversizedRecord(_ scanner: inout CSVScanner) {
        let line = scanner.line
        scanner.diagnostics.append(Diagnostic(.recordTooLong(limit: maxRecord), file: scanner.file, line: line, column: 1,
                                              excerpt: CSVReader.excerpt(window, from: 0, count: count)))
        // Skip to the end of the first physical line, reading on as needed.
        var i = 0
        while true {
            while i < count && window[i] != CSVReader.lf && window[i] != CSVReader.cr { i += 1 }
            if i < count || atEnd { break }
            check(upTo: count, final: false)
            if _invalidUTF8At != nil { return }
            let consumed = checked
            discard(consumed)
            i -= consumed
            fill(&scanner)
        }
        if i < count {
            // The line ending; CR LF counts once.
            if window[i] == CSVReader.cr && i + 1 == count && !atEnd {
                check(upTo: i, final: false)
                discard(i)
                i = 0
                fill(&scanner)
            }
            i += (window[i] == CSVReader.cr && i + 1 < count && window[i + 1] == CSVReader.lf) ? 2 : 1
        }
        check(upTo: i, final: false)
        discard(i)
        scanner.setWindow(window, count: count, final: atEnd)
        scanner.rebase(at: 0, line: line + 1)
    }

    /// Adds `shift` to the line of every syntax error (a stream started with local line numbers).
    package func shiftDiagnosticLines(by shift: Int) {
        guard shift != 0 else { return }
        for i in scanner.diagnostics.indices {
            if let line = scanner.diagnostics[i].line { scanner.diagnostics[i].line = line + shift }
        }
    }
}

extension Diagnostic.Message {
    /// A quote inside a field that does not start with one.
    package static var quoteInField: Self {
        .error("csv.quote-in-field",
               zh: "引号出现在不以引号开头的字段中间；请把整个字段放在引号中，并把其中的引号写成两个（\"\"）",
               en: "quote inside a field that does not start with a quote; put the whole field in quotes and write each quote in it twice (\"\")")
    }

    /// Text between a quoted field's closing quote and the next comma or line end.
    package static var textAfterQuote: Self {
        .error("csv.text-after-quote",
               zh: "带引号字段的右引号后面还有文字；右引号后应紧跟逗号或换行，字段中的引号要写成两个（\"\"）",
               en: "text after the closing quote of a quoted field; a comma or line end must follow the closing quote, and a quote inside the field is written twice (\"\")")
    }

    /// A quoted field that runs to the end of the file.
    package static var unterminatedQuote: Self {
        .error("csv.unterminated-quote",
               zh: "此处开始的带引号字段没有结束；请补上右引号 \"",
               en: "quoted field starting here never ends; add the closing \"")
    }

    /// A quoted field longer than `limit` bytes.
    package static func fieldTooLong(limit: Int) -> Self {
        .error("csv.field-too-long",
               zh: "此处开始的字段超过 1 MiB（\(limit) 字节）；可能缺少右引号 \"",
               en: "field starting here is longer than 1 MiB (\(limit) bytes); a closing \" may be missing")
    }

    /// A physical line longer than `limit` bytes.
    package static func lineTooLong(limit: Int) -> Self {
        .error("csv.line-too-long",
               zh: "此行超过 1 MiB（\(limit) 字节），不像是 CSV 表格中的一行；请检查文件是否选对",
               en: "line is longer than 1 MiB (\(limit) bytes), which is not a plausible CSV row; check that this is the right file")
    }

    /// A record (possibly over several lines) longer than `limit` bytes; its first line is skipped.
    package static func recordTooLong(limit: Int) -> Self {
        let mib = limit >> 20
        return .error("csv.record-too-long",
                      zh: "此处开始的记录超过 \(mib) MiB（\(limit) 字节），可能缺少右引号 \"；已跳过此行",
                      en: "the record starting here is longer than \(mib) MiB (\(limit) bytes); a closing \" may be missing; this line was skipped")
    }
}
