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
