import KaoheModel
import Foundation

/// A worksheet read as the CSV text a spreadsheet program would save for it, a row at a time,
/// so that a sheet goes through the same reading and validation as a CSV file:
///
/// - sheet row `r` is CSV line `r` (empty rows are empty lines), unless a cell above holds a
///   line break; ``SheetLines`` maps lines back to rows;
/// - title rows above the header (rows with a single filled cell before the first row with two
///   or more) are left empty and listed in ``SheetLines/titleRows``;
/// - every row has at least as many fields as the header row;
/// - numbers as Excel shows them in General format (at most 15 significant digits), dates
///   as `YYYY-MM-DD` (with ` HH:MM` when there is a time, ` HH:MM:SS` with seconds), booleans as `TRUE`/`FALSE`.
///
/// Read through ``read(into:count:)`` (the streamed check log), the sheet is inflated, parsed
/// and written as CSV by a second thread, a few chunks ahead of the reader (at most
/// ``SheetPipe/depth`` chunks of about ``SheetPipe/chunkBytes`` wait); ``text(limit:)`` reads it
/// in the calling thread.
package final class SheetCSVSource: CSVByteSource {
    private let writer: SheetRowWriter
    private var chunk: [UInt8] = []
    private var chunkAt = 0
    private var pipe: SheetPipe?
    private var ended = false
    /// Where the lines came from (complete once the text has been read to its end).
    package var lines: SheetLines { writer.lines }
    /// Why the sheet could not be read to its end (known once the end has been read).
    package private(set) var error: WorkbookError?

    package init(workbook: Workbook, sheet: Workbook.Sheet) throws(WorkbookError) {
        writer = SheetRowWriter(reader: try SheetReader(workbook: workbook, sheet: sheet))
        writer.lines.sheet = sheet.name
    }

    deinit { pipe?.cancel() }

    package override func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        if pipe == nil && !ended { pipe = SheetPipe.start(writer) }
        var total = 0
        while total < count {
            if chunkAt == chunk.count {
                guard !ended, let pipe, let next = pipe.take() else {
                    if !ended, let pipe {
                        ended = true
                        error = pipe.error
                        failed = error != nil
                    }
                    break
                }
                chunk = next
                chunkAt = 0
                continue
            }
            let n = min(count - total, chunk.count - chunkAt)
            chunk.withUnsafeBufferPointer { all in
                if let base = all.baseAddress { (buffer + total).update(from: base + chunkAt, count: n) }
            }
            chunkAt += n
            total += n
        }
        return total
    }

    /// Reads the whole sheet as CSV text of at most `limit` bytes; nil when it is larger.
    package func text(limit: Int) -> String? {
        var bytes: [UInt8] = []
        while writer.next(into: &bytes) {
            if bytes.count > limit { return nil }
        }
        error = writer.error
        ended = true
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The CSV text of a sheet's rows, written a row at a time (by one thread at a time).
final class SheetRowWriter: @unchecked Sendable {
    private let reader: SheetReader
    private var line = 1
    private var width = 0
    private var headerSeen = false
    let lines = SheetLines()
    private(set) var error: WorkbookError?
    private var ended = false

    init(reader: SheetReader) { self.reader = reader }

    /// Appends the next row's text to `out`; false at the end (or on an error).
    func next(into out: inout [UInt8]) -> Bool {
        guard !ended else { return false }
        let row: (row: Int, cells: [SheetCell])?
        do {
            row = try reader.next()
        } catch {
            self.error = error
            ended = true
            return false
        }
        guard let (number, cells) = row else {
            ended = true
            return false
        }
        if !headerSeen && cells.count == 1 {
            lines.titleRows.append(number)
            return next(into: &out)
        }
        if !headerSeen {
            headerSeen = true
            width = cells.last?.column ?? 0
        }
        while line < number {
            out.append(0x0A)
            line += 1
        }
        lines.note(line: line, row: number)
        var column = 1
        for cell in cells {
            while column < cell.column {
                out.append(0x2C)
                column += 1
            }
            line += SheetCSVSource.append(SheetCSVSource.field(cell.value), to: &out)
        }
        while column < width {
            out.append(0x2C)
            column += 1
        }
        out.append(0x0A)
        line += 1
        return true
    }
}

/// Chunks of a sheet's CSV text handed from the thread that writes them to the reader.
final class SheetPipe: @unchecked Sendable {
    static let depth = 4
    static let chunkBytes = 256 << 10
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var ended = false
    private var cancelled = false
    private var endError: WorkbookError?

    /// A pipe with a thread writing `writer`'s rows into it.
    static func start(_ writer: SheetRowWriter) -> SheetPipe {
        let pipe = SheetPipe()
        let thread = Thread {
            var out: [UInt8] = []
            out.reserveCapacity(chunkBytes + (64 << 10))
            while writer.next(into: &out) {
                if out.count >= chunkBytes {
                    guard pipe.put(out) else { return }
                    out = []
                    out.reserveCapacity(chunkBytes + (64 << 10))
                }
            }
            if !out.isEmpty { guard pipe.put(out) else { return } }
            pipe.finish(writer.error)
        }
        thread.start()
        return pipe
    }

    /// Queues a chunk, waiting while the pipe is full; false when the reader has gone.
    func put(_ chunk: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= SheetPipe.depth && !cancelled { condition.wait() }
        if cancelled { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    func finish(_ error: WorkbookError?) {
        condition.lock()
        ended = true
        endError = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil at the end.
    func take() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !ended { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Why the writing stopped (after ``take()`` gave nil).
    var error: WorkbookError? {
        condition.lock()
        defer { condition.unlock() }
        return endError
    }

    /// The reader has gone: the writing thread stops at its next chunk.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

extension SheetCSVSource {
    /// Appends `text` as a CSV field (quoted when it must be); returns the line breaks in it.
    static func append(_ text: String, to out: inout [UInt8]) -> Int {
        var needsQuotes = false
        var breaks = 0
        for b in text.utf8 {
            if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { needsQuotes = true }
            if b == 0x0A { breaks += 1 }
        }
        guard needsQuotes else {
            out += text.utf8
            return 0
        }
        out.append(0x22)
        for b in text.utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
        return breaks
    }

    /// A cell's text as a CSV file saved by a spreadsheet program holds it.
    package static func field(_ value: CellValue) -> String {
        switch value {
        case .text(let text): return text
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .error(let text): return text
        case .number(let text): return general(text)
        case .date(let date, let seconds, let serial):
            // A serial that names no day (Excel's 1900-02-29, 0) is shown as Excel shows it.
            guard let date else { return serial == "60" ? "1900-02-29" : general(serial) }
            guard seconds > 0 else { return date.description }
            // `HH:MM` as the files write times, with `:SS` only when there are seconds.
            let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
            return date.description + " " + (s == 0 ? [h, m] : [h, m, s]).map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        }
    }

    /// A number as Excel's General format shows it: at most 15 significant digits, no exponent
    /// for the numbers of data files (`0.30000000000000004` → `0.3`, `4.5E-2` → `0.045`).
    package static func general(_ text: String) -> String {
        var significant = 0
        var plain = true
        for b in text.utf8 {
            if b >= 0x31 && b <= 0x39 || (b == 0x30 && significant > 0) { significant += 1 }
            else if !(b == 0x30 || b == 0x2E || b == 0x2D) { plain = false }
        }
        if plain && significant <= 15 { return text }
        guard let value = Double(text), value.isFinite else { return text }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        guard magnitude < 1e15, magnitude >= 1e-9 else { return text }
        let before = max(1, Int(log10(magnitude).rounded(.down)) + 1)
        let decimals = max(0, 15 - before)
        var shown = String(format: "%.\(decimals)f", value)
        if shown.contains(".") {
            while shown.hasSuffix("0") { shown.removeLast() }
            if shown.hasSuffix(".") { shown.removeLast() }
        }
        return shown == "-0" ? "0" : shown
    }
}

/// Where the CSV lines of a sheet (``SheetCSVSource``) came from.
package final class SheetLines: @unchecked Sendable {
    package var sheet = ""
    /// Title rows above the header, left out.
    package var titleRows: [Int] = []
    /// From CSV line `line` on, rows are `line - shift` (only where a cell above holds a line break).
    private var shifts: [(line: Int, shift: Int)] = []

    func note(line: Int, row: Int) {
        let shift = line - row
        if shifts.last?.shift != shift { shifts.append((line, shift)) }
    }

    /// Whether some CSV line is not its sheet row's number.
    package var shifted: Bool { shifts.contains { $0.shift != 0 } }

    /// The sheet row of CSV line `line`.
    package func row(_ line: Int) -> Int {
        // The last shift starting at or before `line`.
        var low = 0, high = shifts.count
        while low < high {
            let middle = (low + high) / 2
            if shifts[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? line : line - shifts[low - 1].shift
    }
}
