import KaoheModel
import KaoheInput
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validates `checks.csv`, the weekly check log (周检查记录): keeps the failed checks, and for
/// coverage the ISO weeks each unit was checked in.
///
/// The log is the one file that grows large (a district's year can hold millions of rows), so
/// it is streamed: read once, a window of 1 MiB at a time, each record validated and folded as
/// it is scanned. What is kept grows with the units and with the failed checks, not with the
/// pass rows. A large file is read by two threads, each from one half (split at a line start;
/// when a quoted field holds the line break at the split, the second half is read again).
///
/// Common rows are checked straight from their bytes; any row that is not plainly valid goes
/// through the full row validation (``validate(_:context:)``), which words every diagnostic.
enum ChecksFile {
    struct Result {
        /// The path as the user gave it.
        var path: String
        var failures = FailureLog()
        var usage: FileUsage
        /// Per unit, in units.csv order: bit `w` is set when ISO week `w` of the assessment
        /// year has at least one record.
        var weeks: [UInt64] = []
        /// The latest check date seen.
        var lastDate: CivilDate?
        var duplicates: [DuplicateRow] = []
        /// Every row that repeats an earlier one, listed or not.
        var duplicateCount = 0
    }

    /// Diagnostics kept for the file; later ones are counted in one closing diagnostic.
    static let maxDiagnostics = 1000
    /// Files from this size on are read by two threads.
    static let parallelBytes = 4 << 20

    /// How the file is read (tests use small windows and splits).
    struct Options {
        /// Files from this size on are read by two threads.
        var parallelBytes = ChecksFile.parallelBytes
        /// The window a stream reads at a time.
        var windowBytes = 1 << 20
        var maxRecordBytes = CSVReader.maxRecordBytes
    }

    /// Reads, validates and folds the check log from its source: `checks.csv`, or a sheet read
    /// as CSV text a row at a time (one reader, its diagnostics located by cell).
    static func load(source: DataSource, context: ValidationContext, diagnostics: inout [Diagnostic],
                     ignored: inout [IgnoredColumn], options: Options = Options()) -> Result? {
        guard source.sheet != nil else {
            return load(path: source.path, name: source.name, context: context, diagnostics: &diagnostics,
                        ignored: &ignored, options: options)
        }
        let start = diagnostics.count
        // Each reading of the sheet (the scan, the search for repeated rows) inflates it afresh.
        let sheets = SheetSources(source)
        let reading = Reading(path: source.path, name: source.name, context: context, descriptor: -1, size: 0,
                              options: options, sheets: sheets)
        let outcome = reading.scan(encoding: .utf8)
        if let error = sheets.firstError {
            diagnostics.append(Workbooks.diagnostic(error, file: source.path))
            return nil
        }
        var result: Result?
        switch outcome {
        case .invalidUTF8, .undecodable, .unreadable:
            diagnostics.append(Diagnostic(.unreadable, file: source.path))
        case .noHeader(let syntax):
            diagnostics += syntax.kept + syntax.closing(source.path)
            diagnostics.append(DataTable.emptyFile(source.path, specs: ColumnSpec.checks))
        case .badHeader(let syntax, let header, let ignoredColumns):
            ignored += ignoredColumns
            var limited = Limited(limit: maxDiagnostics)
            limited.take(syntax)
            limited.append(contentsOf: header)
            diagnostics += limited.kept + limited.closing(source.path)
        case .scanned(let scanned):
            ignored += scanned.ignored
            diagnostics += scanned.diagnostics
            result = scanned.result
        }
        if let lines = sheets.lines {
            Workbooks.locate(&diagnostics, from: start, source: source, lines: lines)
            if lines.shifted, var mapped = result {
                // Evidence and repeated rows by sheet row, as diagnostics are.
                mapped.failures.mapLines(lines.row)
                mapped.duplicates = mapped.duplicates.map {
                    DuplicateRow(source: SourceRef(file: $0.source.file, line: lines.row($0.source.line)), firstLine: lines.row($0.firstLine))
                }
                result = mapped
            }
        }
        return result
    }

    /// The sheet sources of the readings of one check log, and the first error any of them met.
    final class SheetSources {
        let source: DataSource
        private(set) var error: WorkbookError?
        /// The lines of the first reading.
        private(set) var lines: SheetLines?
        private var made: [SheetCSVSource] = []

        init(_ source: DataSource) { self.source = source }

        /// A new reading of the sheet (an empty one after an error).
        func make() -> CSVByteSource {
            collect()
            do throws(WorkbookError) {
                if let sheet = try source.sheetSource() {
                    if lines == nil { lines = sheet.lines }
                    made.append(sheet)
                    return sheet
                }
            } catch {
                if self.error == nil { self.error = error }
            }
            return CSVMemorySource([])
        }

        /// The first error of the readings so far.
        func collect() {
            for sheet in made where error == nil { error = sheet.error }
        }

        var firstError: WorkbookError? {
            collect()
            return error
        }
    }

    /// Reads, validates and folds `checks.csv`; nil (with diagnostics) when the file is missing
    /// or cannot be used at all.
    static func load(path: String, name: String, context: ValidationContext,
                     diagnostics: inout [Diagnostic], ignored: inout [IgnoredColumn],
                     options: Options = Options()) -> Result? {
        guard DataTable.present(path, name: name, specs: ColumnSpec.checks, required: true, diagnostics: &diagnostics) else {
            return nil
        }
        guard let descriptor = FileBytes.openRegular(path) else {
            diagnostics.append(Diagnostic(.unreadable, file: path))
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        let reading = Reading(path: path, name: name, context: context, descriptor: descriptor, size: size, options: options)

        // Read as UTF-8 first; what else to do is decided by EncodingDetection, which asks for a
        // second reading as GB18030 when it needs one.
        var outcome = reading.scan(encoding: .utf8)
        var bodyIsUTF8 = true
        if case .invalidUTF8 = outcome { bodyIsUTF8 = false }
        let head = reading.head(EncodingDetection.headBytes)
        let decision = EncodingDetection.decide(head: head, bodyIsUTF8: bodyIsUTF8, wideUTF8BeforeInvalid: {
            let body = EncodingDetection.bodyOffset(head: head)
            return UTF8Validation.firstInvalid(in: CSVFileSource(descriptor: descriptor, offset: body)).afterWideUTF8
        }) {
            outcome = reading.scan(encoding: .gb18030)
            if case .undecodable = outcome { return false }
            return true
        }
        let decodeDiagnostics = decision.diagnostic(file: path) {
            let body = EncodingDetection.bodyOffset(head: head)
            return UTF8Validation.lineOfFirstInvalid(in: CSVFileSource(descriptor: descriptor, offset: body))
        }.map { [$0] } ?? []
        guard decision.encoding != nil else {
            diagnostics += decodeDiagnostics
            return nil
        }

        switch outcome {
        case .invalidUTF8, .undecodable, .unreadable:
            diagnostics.append(Diagnostic(.unreadable, file: path))
            return nil
        case .noHeader(let syntax):
            diagnostics += decodeDiagnostics + syntax.kept
            diagnostics += syntax.closing(path)
            diagnostics.append(DataTable.emptyFile(path, specs: ColumnSpec.checks))
            return nil
        case .badHeader(let syntax, let header, let ignoredColumns):
            // A title row above the header, or tabs for commas: one message says so.
            if let accident = headerAccident(path) {
                diagnostics += decodeDiagnostics + [accident]
                return nil
            }
            ignored += ignoredColumns
            var limited = Limited(limit: maxDiagnostics)
            limited.take(syntax)
            limited.append(contentsOf: header)
            diagnostics += decodeDiagnostics + limited.kept + limited.closing(path)
            return nil
        case .scanned(let scanned):
            ignored += scanned.ignored
            diagnostics += decodeDiagnostics + scanned.diagnostics
            return scanned.result
        }
    }
}

extension ChecksFile {
    /// The spreadsheet accident behind a header that does not map (``SpreadsheetAccidents``),
    /// judged from the file's first lines (at most 64 KiB are read).
    static func headerAccident(_ path: String) -> Diagnostic? {
        guard let descriptor = FileBytes.openRegular(path) else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 64 << 10)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        var head = Array(bytes[..<count])
        // Only whole lines: drop what follows the last line break.
        if count == bytes.count, let last = head.lastIndex(of: UInt8(ascii: "\n")) { head.removeSubrange((last + 1)...) }
        let text = TextDecoding.decode(Data(head), file: path).text
        let table = CSVReader.parse(text, file: path)
        return SpreadsheetAccidents.header(Array(table.rows.prefix(5)), specs: ColumnSpec.checks, file: path, excerpt: table.excerpt)
    }
}
