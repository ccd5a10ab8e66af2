import Foundation
import Synchronization
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
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(DataTable.missingFile(path, name: name, specs: ColumnSpec.checks))
            return nil
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            diagnostics.append(.error(path, zh: "无法读取文件", en: "cannot read the file"))
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        let reading = Reading(path: path, name: name, context: context, descriptor: descriptor, size: size, options: options)

        var outcome = reading.scan(encoding: .utf8)
        var decodeDiagnostics: [Diagnostic] = []
        if case .invalidUTF8 = outcome {
            let head = reading.head(3)
            let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if body == 3 {
                let line = reading.lineOfFirstInvalidUTF8(from: body)
                diagnostics.append(.error(
                    path, line: line,
                    zh: "文件以 UTF-8 标记（BOM）开头，但第 \(line) 行含有不是 UTF-8 的字节；请在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”",
                    en: "the file starts with a UTF-8 byte order mark, but line \(line) holds bytes that are not UTF-8; save it again from Excel as \"CSV UTF-8 (Comma delimited)\""))
                return nil
            }
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
                diagnostics.append(.error(
                    path,
                    zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                    en: "the file is UTF-16 (Excel's \"Unicode Text\"); save it from Excel as \"CSV UTF-8 (Comma delimited)\""))
                return nil
            }
            outcome = reading.scan(encoding: .gb18030)
            if case .undecodable = outcome {
                let line = reading.lineOfFirstInvalidUTF8(from: 0)
                diagnostics.append(.error(
                    path, line: line,
                    zh: "文件既不是 UTF-8 也不是 GB18030 编码（第 \(line) 行起有无法识别的字节）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                    en: "the file is neither UTF-8 nor GB18030 (unreadable bytes from line \(line)); save it from Excel as \"CSV UTF-8 (Comma delimited)\""))
                return nil
            }
            decodeDiagnostics.append(.warning(
                path,
                zh: "文件不是 UTF-8 编码，已按 GB18030（GBK）读取；建议在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                en: "the file is not UTF-8 and was read as GB18030 (GBK); save it from Excel as \"CSV UTF-8 (Comma delimited)\" to avoid this warning"))
        }

        switch outcome {
        case .invalidUTF8, .undecodable, .unreadable:
            diagnostics.append(.error(path, zh: "无法读取文件", en: "cannot read the file"))
            return nil
        case .noHeader(let syntax):
            diagnostics += decodeDiagnostics + syntax.kept
            diagnostics += syntax.closing(path)
            diagnostics.append(DataTable.emptyFile(path, specs: ColumnSpec.checks))
            return nil
        case .badHeader(let syntax, let header, let ignoredColumns):
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

    // MARK: row validation

    /// A row that passed validation.
    struct CheckedRow {
        var date: CivilDate
        var unit: String
        var item: String?
        var passed: Bool
        /// The row's own deduction (nil when empty, and always nil on a passed check).
        var deduction: ExactDecimal?
        var rectified: CivilDate?
        var note: String
    }

    /// Validates one row, recording its faults in `row`; nil when it is rejected.
    static func validate(_ row: inout DataTable.Row, context: ValidationContext) -> CheckedRow? {
        guard row.table.checkShape(&row) else { return nil }
        let date = row.date("date", year: context.year)
        let unit = context.unit(&row)
        let passed = parseResult(&row)
        let itemText = row.text("item")
        var item: String?
        if !itemText.isEmpty {
            item = context.item(&row, itemText)
        } else if passed == false {
            row.error("item", zh: "不合格记录须填写检查项；请填写评分标准中的检查项编号或名称",
                      en: "a failed check needs an item; give an item id or name from the criteria")
        }
        let deduction = parseDeduction(&row, passed: passed, item: item, context: context)
        let rectified = parseRectified(&row, passed: passed, date: date)
        guard !row.hasErrors, let date, let unit, let passed else { return nil }
        return CheckedRow(date: date, unit: unit, item: item, passed: passed, deduction: deduction,
                          rectified: rectified, note: row.text("note"))
    }

    /// `pass` | `fail` | `合格` | `不合格` → true/false.
    static func parseResult(_ row: inout DataTable.Row) -> Bool? {
        guard let text = row.required("result", what: "检查结果", "result") else { return nil }
        switch text.lowercased() {
        case "pass", "合格": return true
        case "fail", "不合格": return false
        default:
            row.error("result", zh: "检查结果 \"\(text)\" 无效；应为 pass、fail、合格 或 不合格",
                      en: "result \"\(text)\" is not valid; use pass, fail, 合格 or 不合格")
            return nil
        }
    }

    /// The row's own deduction, if given: ≥ 0 and ≤ its category's points; only on failed checks.
    static func parseDeduction(_ row: inout DataTable.Row, passed: Bool?, item: String?, context: ValidationContext) -> ExactDecimal? {
        let text = row.text("deduction")
        guard !text.isEmpty, let value = row.decimal("deduction", text, zhWhat: "扣分", enWhat: "deduction") else { return nil }
        if value.isNegative {
            row.error("deduction", zh: "扣分 \(text) 为负数；扣分应 ≥ 0", en: "deduction \(text) is negative; it must be ≥ 0")
            return nil
        }
        if passed == true {
            if !value.isZero {
                row.error("deduction", zh: "合格记录不应有扣分 \(text)；请删除扣分或将结果改为 fail",
                          en: "a passed check cannot carry deduction \(text); clear it or change the result to fail")
            }
            return nil
        }
        if let item, let points = context.categoryPoints[item], value > points {
            row.error("deduction", zh: "扣分 \(text) 超过该检查项所属类别的分值 \(points)；扣分应在 0 到 \(points) 之间",
                      en: "deduction \(text) exceeds its category's points \(points); it must be between 0 and \(points)")
            return nil
        }
        return value
    }

    /// The rectification date (整改日期): only on failed checks, not before the check date.
    static func parseRectified(_ row: inout DataTable.Row, passed: Bool?, date: CivilDate?) -> CivilDate? {
        let text = row.text("rectified")
        guard !text.isEmpty else { return nil }
        guard let value = row.parseDate("rectified", text, zhWhat: "整改日期", enWhat: "rectified date") else { return nil }
        if passed == true {
            row.error("rectified", zh: "合格记录不应有整改日期；整改日期只用于 fail 记录",
                      en: "a passed check has nothing to rectify; the rectified date belongs on fail rows only")
            return nil
        }
        if let date, value < date {
            row.error("rectified", zh: "整改日期 \(value) 早于检查日期 \(date)；请检查日期",
                      en: "rectified date \(value) is before the check date \(date); check the dates")
            return nil
        }
        return value
    }

    /// The warning on a row that repeats an earlier one exactly.
    static func duplicateWarning(_ path: String, line: Int, first: Int, excerpt: String) -> Diagnostic {
        .warning(path, line: line, column: 1,
                 zh: "与第 \(first) 行完全相同（重复行）；若是同一问题重复登记，请删除其中一行",
                 en: "repeats line \(first) exactly (duplicate row); delete one if the finding was entered twice",
                 excerpt: excerpt)
    }
}

// MARK: - reading the file

extension ChecksFile {
    enum Encoding { case utf8, gb18030 }

    /// Diagnostics kept up to a limit, with the rest counted.
    struct Limited {
        let limit: Int
        private(set) var kept: [Diagnostic] = []
        private(set) var omittedErrors = 0
        private(set) var omittedWarnings = 0

        init(limit: Int) { self.limit = limit }

        mutating func append(_ diagnostic: Diagnostic) {
            if kept.count < limit {
                kept.append(diagnostic)
            } else if diagnostic.isError {
                omittedErrors += 1
            } else {
                omittedWarnings += 1
            }
        }

        mutating func append(contentsOf diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics { append(diagnostic) }
        }

        /// Appends another list's kept diagnostics and its counts.
        mutating func take(_ other: Limited) {
            append(contentsOf: other.kept)
            omittedErrors += other.omittedErrors
            omittedWarnings += other.omittedWarnings
        }

        mutating func omit(errors: Int) { omittedErrors += errors }

        mutating func omit(warnings: Int) { omittedWarnings += warnings }

        mutating func omit(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                if diagnostic.isError { omittedErrors += 1 } else { omittedWarnings += 1 }
            }
        }

        /// Whether further diagnostics are only counted.
        var isFull: Bool { kept.count >= limit }

        /// The diagnostic that counts what was left out, if anything was.
        func closing(_ path: String) -> [Diagnostic] {
            let total = omittedErrors + omittedWarnings
            guard total > 0 else { return [] }
            let zh = "另有 \(total) 条诊断未列出（错误 \(omittedErrors) 条，警告 \(omittedWarnings) 条）；每个文件最多列出 \(limit) 条，请先修正上面列出的问题"
            let en = "\(total) more diagnostics not listed (\(omittedErrors) errors, \(omittedWarnings) warnings); at most \(limit) are listed per file, fix the ones above first"
            return [omittedErrors > 0 ? .error(path, zh: zh, en: en) : .warning(path, zh: zh, en: en)]
        }
    }

    /// What a reading of the file found.
    enum Outcome {
        case invalidUTF8
        case undecodable
        case unreadable
        case noHeader(Limited)
        case badHeader(Limited, [Diagnostic], [IgnoredColumn])
        case scanned(Scanned)
    }

    struct Scanned {
        var result: Result
        var diagnostics: [Diagnostic]
        var ignored: [IgnoredColumn]
    }

    /// One reading of `checks.csv`.
    final class Reading {
        let path: String
        let name: String
        let context: ValidationContext
        let descriptor: Int32
        let size: Int
        let options: Options

        init(path: String, name: String, context: ValidationContext, descriptor: Int32, size: Int, options: Options) {
            self.path = path
            self.name = name
            self.context = context
            self.descriptor = descriptor
            self.size = size
            self.options = options
        }

        /// The first `count` bytes of the file.
        func head(_ count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { CSVFileSource(descriptor: descriptor, offset: 0).read(into: $0, count: count) } ?? 0
            }
            return Array(bytes.prefix(got))
        }

        /// A stream over the whole file (decoded when GB18030).
        func stream(_ encoding: Encoding, from offset: Int = 0) -> (CSVStream, CSVByteSource) {
            let raw = CSVFileSource(descriptor: descriptor, offset: offset)
            switch encoding {
            case .utf8:
                return (CSVStream(source: raw, file: path, startOffset: offset, windowBytes: options.windowBytes,
                                  maxRecord: options.maxRecordBytes), raw)
            case .gb18030:
                let source = CSVGB18030Source(raw: raw)
                return (CSVStream(source: source, file: path, byteOrderMarks: 1, windowBytes: options.windowBytes,
                                  maxRecord: options.maxRecordBytes), source)
            }
        }

        /// 1-based line (LF, CRLF and lone CR endings) of the first byte from `start` on that is
        /// not UTF-8, as ``TextDecoding/lineNumber(ofFirstInvalidUTF8In:)`` counts it.
        func lineOfFirstInvalidUTF8(from start: Int) -> Int {
            let source = CSVFileSource(descriptor: descriptor, offset: start)
            let block = 1 << 20
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block + 4)
            defer { buffer.deallocate() }
            var line = 1
            var carry = 0
            var pendingCR = false
            while true {
                let got = source.read(into: buffer + carry, count: block)
                let count = carry + got
                let end = got == 0 ? count : count
                var bad = CSVReader.firstInvalidUTF8(buffer, from: 0, to: end)
                if let b = bad, got > 0, end - b < 4, CSVStream.isIncompletePrefix(buffer + b, count: end - b) {
                    bad = nil
                    carry = end - b
                } else {
                    carry = 0
                }
                let limit = bad ?? (end - carry)
                var i = 0
                while i < limit {
                    let byte = buffer[i]
                    if byte == 0x0A {
                        if !pendingCR { line += 1 }
                        pendingCR = false
                    } else if byte == 0x0D {
                        line += 1
                        pendingCR = true
                    } else {
                        pendingCR = false
                    }
                    i += 1
                }
                if bad != nil || got == 0 { return line }
                if carry > 0 { buffer.update(from: buffer + (end - carry), count: carry) }
            }
        }

        /// Reads the file once with `encoding`.
        func scan(encoding: Encoding) -> Outcome {
            let (streamA, sourceA) = stream(encoding)
            streamA.diagnosticLimit = ChecksFile.maxDiagnostics
            // The header is the first record read.
            var headerRow: CSVRow?
            var headerExcerpt = ""
            if streamA.next() {
                headerRow = streamA.scanner.row()
                headerExcerpt = streamA.scanner.recordExcerpt()
            }
            func finish(_ stream: CSVStream) -> Outcome? {
                if let gb = sourceA as? CSVGB18030Source, gb.undecodable { return .undecodable }
                if stream.invalidUTF8At != nil { return .invalidUTF8 }
                if stream.failed { return .unreadable }
                return nil
            }
            guard let headerRow else {
                if let failure = finish(streamA) { return failure }
                return .noHeader(syntaxOf(streamA))
            }
            var headerDiagnostics: [Diagnostic] = []
            var ignored: [IgnoredColumn] = []
            guard let header = HeaderMap.make(header: headerRow, specs: ColumnSpec.checks, file: path, excerpt: headerExcerpt,
                                              diagnostics: &headerDiagnostics, ignored: &ignored) else {
                // No rows can be read; the rest of the file is still checked for syntax errors.
                while streamA.next() {}
                if let failure = finish(streamA) { return failure }
                return .badHeader(syntaxOf(streamA), headerDiagnostics, ignored)
            }
            let shared = Shared(path: path, name: name, context: context, header: header)
            var a = Scan(stream: streamA, shared: shared, mode: .full)

            // A large UTF-8 file is read from two halves at once.
            var b: Scan?
            if encoding == .utf8, let split = splitPoint(after: streamA.offset) {
                let (streamB, _) = stream(.utf8, from: split.offset)
                streamB.diagnosticLimit = ChecksFile.maxDiagnostics
                let second = Scan(stream: streamB, shared: shared, mode: .full)
                streamA.stopAt = split.offset
                let scans = [a, second]
                DispatchQueue.concurrentPerform(iterations: 2) { scans[$0].run() }
                if let failure = finish(streamB) { return failure }
                if let failure = finish(streamA) { return failure }
                if streamA.offset == split.offset {
                    b = second
                } else {
                    // The record before the split ran past it (a quoted field holds the line
                    // break there): the file is read again by one reader (the halves have
                    // marked each other's passed checks).
                    let (streamC, _) = stream(encoding)
                    streamC.diagnosticLimit = ChecksFile.maxDiagnostics
                    _ = streamC.next()  // the header
                    a = Scan(stream: streamC, shared: Shared(path: path, name: name, context: context, header: header),
                             mode: .full)
                    a.run()
                }
            } else {
                a.run()
            }
            if let failure = finish(a.stream) { return failure }
            return .scanned(merge(a, b, header: headerDiagnostics, ignored: ignored, encoding: encoding))
        }

        /// The syntax errors a stream found, limited.
        func syntaxOf(_ stream: CSVStream) -> Limited {
            var limited = Limited(limit: ChecksFile.maxDiagnostics)
            limited.append(contentsOf: stream.scanner.diagnostics)
            limited.omit(errors: stream.omittedDiagnostics)
            return limited
        }

        /// Where the second half starts: the line start nearest after the middle of what is
        /// left from `offset`; nil for a small file.
        func splitPoint(after offset: Int) -> (offset: Int, Void)? {
            guard size - offset >= options.parallelBytes else { return nil }
            let middle = offset + (size - offset) / 2
            let source = CSVFileSource(descriptor: descriptor, offset: middle)
            let block = 1 << 16
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block)
            defer { buffer.deallocate() }
            var at = middle
            while true {
                let got = source.read(into: buffer, count: block)
                guard got > 0 else { return nil }
                for i in 0..<got where buffer[i] == CSVReader.lf {
                    let split = at + i + 1
                    return split < size ? (split, ()) : nil
                }
                at += got
            }
        }

        /// Joins the halves: line numbers of the second half made absolute, failed checks in file
        /// order, duplicates found, diagnostics in the order a single reading gives them.
        func merge(_ a: Scan, _ b: Scan?, header: [Diagnostic], ignored: [IgnoredColumn], encoding: Encoding) -> Scanned {
            let shift = b == nil ? 0 : a.stream.line - 1
            if let b { b.shiftLines(by: shift) }
            let scans = [a] + (b.map { [$0] } ?? [])
            let shared = a.shared

            var usage = FileUsage(file: name, read: 0, used: 0, rejected: 0)
            var lastDay = -1
            for scan in scans {
                usage.read += scan.fold.read
                usage.used += scan.fold.used
                usage.rejected += scan.fold.rejected
                lastDay = max(lastDay, scan.fold.lastDay)
            }
            var weeks = [UInt64](repeating: 0, count: shared.unitCount)
            for scan in scans {
                let bits = scan.fold.units.bits
                for u in weeks.indices { weeks[u] |= bits[u] }
            }

            // Failed checks, in file order, their fingerprints and whether their deduction was written.
            let failureCount = scans.reduce(0) { $0 + $1.fold.failures.count }
            var fingerprints: [UInt64] = []
            var explicit: [Bool] = []
            fingerprints.reserveCapacity(failureCount)
            explicit.reserveCapacity(failureCount)
            for scan in scans {
                fingerprints += scan.fold.fingerprints
                explicit += scan.fold.explicit
                scan.fold.fingerprints = []
                scan.fold.explicit = []
            }
            var failures = FailureLog()
            swap(&failures, &a.fold.failures)
            if let b { failures.append(log: &b.fold.failures) }

            // Duplicates: failed checks and passed checks with an item or note are compared in
            // memory; plain passed checks (unit and date only) repeated are found again by a
            // second reading, which also gives every duplicate its excerpt.
            var found = Duplicates.failures(failures, fingerprints: fingerprints, explicit: explicit)
            // Notes of the second reader numbered as the first numbers them.
            var others = a.fold.others
            if let b {
                var classOf = a.fold.noteClassOf
                var next = Int32(a.fold.noteStrings.count)
                var remap: [Int32] = []
                for text in b.fold.noteStrings {
                    if let same = classOf[text] {
                        remap.append(same)
                    } else {
                        classOf[text] = next
                        remap.append(next)
                        next += 1
                    }
                }
                for var row in b.fold.others {
                    row.key.note = remap[Int(row.key.note)]
                    others.append(row)
                }
            }
            found += Duplicates.others(others)
            var plainCells = a.fold.plainHits
            if let b { plainCells.formUnion(b.fold.plainHits) }
            var duplicates: [(line: Int, first: Int, excerpt: String)] = []
            var omittedDuplicates = 0
            if !found.isEmpty || !plainCells.isEmpty {
                let wanted = Dictionary(found.map { ($0.line, $0.first) }, uniquingKeysWith: { x, _ in x })
                let (stream, _) = self.stream(encoding)
                let rescan = Scan(stream: stream, shared: shared, mode: .duplicates(wanted: wanted, cells: plainCells))
                _ = stream.next()  // the header
                rescan.run()
                duplicates = rescan.fold.duplicatesFound
                omittedDuplicates = rescan.fold.duplicateCount - duplicates.count
            }

            // Diagnostics: syntax errors, the header's, then the rows' with the duplicate warnings.
            var limited = Limited(limit: ChecksFile.maxDiagnostics)
            for scan in scans {
                limited.append(contentsOf: scan.stream.scanner.diagnostics)
                limited.omit(errors: scan.stream.omittedDiagnostics)
            }
            limited.append(contentsOf: header)
            var d = 0
            for scan in scans {
                for diagnostic in scan.fold.rowDiagnostics.kept {
                    let line = diagnostic.line ?? 0
                    while d < duplicates.count && duplicates[d].line < line {
                        limited.append(ChecksFile.duplicateWarning(path, line: duplicates[d].line, first: duplicates[d].first,
                                                                   excerpt: duplicates[d].excerpt))
                        d += 1
                    }
                    limited.append(diagnostic)
                }
                limited.take(Limited(limit: 0, omittedErrors: scan.fold.rowDiagnostics.omittedErrors,
                                     omittedWarnings: scan.fold.rowDiagnostics.omittedWarnings))
            }
            while d < duplicates.count {
                limited.append(ChecksFile.duplicateWarning(path, line: duplicates[d].line, first: duplicates[d].first,
                                                           excerpt: duplicates[d].excerpt))
                d += 1
            }
            limited.omit(warnings: omittedDuplicates)

            let result = Result(path: path, failures: failures, usage: usage, weeks: weeks,
                                lastDate: lastDay >= 0 ? shared.dayDates[lastDay] : nil,
                                duplicates: duplicates.map { DuplicateRow(source: SourceRef(file: name, line: $0.line), firstLine: $0.first) })
            return Scanned(result: result, diagnostics: limited.kept + limited.closing(path), ignored: ignored)
        }
    }
}

extension ChecksFile.Limited {
    init(limit: Int, omittedErrors: Int, omittedWarnings: Int) {
        self.init(limit: limit)
        self.omittedErrors = omittedErrors
        self.omittedWarnings = omittedWarnings
    }
}

// MARK: - scanning rows

extension ChecksFile {
    /// What every reader of the file needs, built once from the header and the context.
    final class Shared: @unchecked Sendable {
        let path: String
        let name: String
        let context: ValidationContext
        let header: HeaderMap
        let fieldCount: Int
        /// Field index of each column, -1 when the header has no such column.
        let date: Int, unit: Int, item: Int, result: Int, deduction: Int, note: Int, rectified: Int
        /// Unit ids, then unit names → unit index (in units.csv order); the same for items.
        let unitIDKeys: ByteKeyTable
        let unitNameKeys: ByteKeyTable
        let itemIDKeys: ByteKeyTable
        let itemNameKeys: ByteKeyTable
        let unitIDs: [String]
        let itemIDs: [String]
        let itemDeduction: [ExactDecimal]
        let itemPoints: [ExactDecimal]
        let year: Int
        /// Day number of 1 January of the year; day `d` of the year (0-based) and its ISO week
        /// (0 when the week belongs to another year).
        let yearStart: Int
        let dayDates: [CivilDate]
        let dayWeek: [Int]
        let monthStart: [Int]
        let monthLength: [Int]
        let unitCount: Int
        /// Days of passed checks without a note, for finding repeated rows.
        let passCells: PassCells

        init(path: String, name: String, context: ValidationContext, header: HeaderMap) {
            self.path = path
            self.name = name
            self.context = context
            self.header = header
            fieldCount = header.fieldCount
            date = header.index["date"] ?? -1
            unit = header.index["unit"] ?? -1
            item = header.index["item"] ?? -1
            result = header.index["result"] ?? -1
            deduction = header.index["deduction"] ?? -1
            note = header.index["note"] ?? -1
            rectified = header.index["rectified"] ?? -1

            // As References.resolve: an id first, then an exact name; the first of equals wins.
            func keys(_ entries: [References.Entry]) -> (ids: ByteKeyTable, names: ByteKeyTable, [String]) {
                var ids = ByteKeyTable(capacity: entries.count)
                var names = ByteKeyTable(capacity: entries.count)
                var values: [Int32] = []
                values.reserveCapacity(entries.count)
                for (i, entry) in entries.enumerated() {
                    values.append(ids.insert(entry.id, value: Int32(truncatingIfNeeded: i)).value)
                }
                for (i, entry) in entries.enumerated() { _ = names.insert(entry.name, value: values[i]) }
                return (ids, names, entries.map(\.id))
            }
            (unitIDKeys, unitNameKeys, unitIDs) = keys(context.units.entries)
            (itemIDKeys, itemNameKeys, itemIDs) = keys(context.items.entries)
            itemDeduction = itemIDs.map { context.defaultDeduction[$0] ?? .zero }
            itemPoints = itemIDs.map { context.categoryPoints[$0] ?? .zero }
            unitCount = context.units.entries.count
            passCells = PassCells(units: unitCount, items: itemIDs.count)

            year = context.year
            let first = CivilDate(year: year, month: 1, day: 1) ?? CivilDate(dayNumber: 0)
            yearStart = first.dayNumber
            let days = CivilDate.isLeap(first.year) ? 366 : 365
            dayDates = (0..<days).map { CivilDate(dayNumber: first.dayNumber + $0) }
            dayWeek = dayDates.map { $0.isoWeek.year == first.year ? $0.isoWeek.week : 0 }
            monthLength = (1...12).map { CivilDate.daysInMonth(year: first.year, month: $0) }
            var starts: [Int] = []
            var total = 0
            for length in monthLength { starts.append(total); total += length }
            monthStart = starts
        }

        /// Day of the year (0-based) of a `YYYY-MM-DD` date in the assessment year.
        @inline(__always)
        func dayOfYear(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            guard let (y, m, d) = Shared.ymd(b), y == year, m >= 1, m <= 12, d >= 1, d <= monthLength[m - 1] else { return nil }
            return monthStart[m - 1] + d - 1
        }

        /// A `YYYY-MM-DD` date in any year.
        @inline(__always)
        static func anyDate(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
            guard let (y, m, d) = ymd(b) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }

        @inline(__always)
        static func ymd(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            let d0 = b[0] &- 48, d1 = b[1] &- 48, d2 = b[2] &- 48, d3 = b[3] &- 48
            let d5 = b[5] &- 48, d6 = b[6] &- 48, d8 = b[8] &- 48, d9 = b[9] &- 48
            guard d0 < 10, d1 < 10, d2 < 10, d3 < 10, d5 < 10, d6 < 10, d8 < 10, d9 < 10 else { return nil }
            let y = Int(d0) * 1000 + Int(d1) * 100 + Int(d2) * 10 + Int(d3)
            return (y, Int(d5) * 10 + Int(d6), Int(d8) * 10 + Int(d9))
        }

        /// Unit index for a field naming a unit by its exact id or name (and needing no trim).
        @inline(__always)
        func unit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard bytes.count > 0, !ChecksFile.needsTrim(bytes) else { return nil }
            if let value = unitIDKeys.find(bytes) ?? unitNameKeys.find(bytes) { return Int(value) }
            return nil
        }

        /// Index of the unit or item with this exact id.
        func index(ofID id: String, in table: ByteKeyTable) -> Int {
            var id = id
            return id.withUTF8 { table.find($0) }.map(Int.init) ?? -1
        }

        @inline(__always)
        func item(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard bytes.count > 0, !ChecksFile.needsTrim(bytes) else { return nil }
            if let value = itemIDKeys.find(bytes) ?? itemNameKeys.find(bytes) { return Int(value) }
            return nil
        }
    }

    /// A passed check with a note, kept for finding duplicates: the note as the number of its
    /// text (texts equal as strings share a number, within one reader).
    struct OtherKey: Hashable {
        var day: Int32
        var unit: Int32
        var item: Int32
        var note: Int32
    }

    /// The cell of a passed check without a note: its unit, item (or none) and day.
    @inline(__always)
    static func cell(unit: Int, item: Int, day: Int, items: Int) -> Int {
        (unit * (items + 1) + item + 1) * 366 + day
    }

    /// Per unit, one word: bit `w` marks ISO week `w` of the year as having a record.
    final class UnitBits: @unchecked Sendable {
        let bits: UnsafeMutablePointer<UInt64>
        let count: Int

        init(units: Int) {
            count = max(1, units)
            bits = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            bits.initialize(repeating: 0, count: count)
        }

        deinit { bits.deallocate() }
    }

    /// The days each unit had a passed check without a note, per item (and without an item),
    /// shared by the readers of a file: one bit per unit, item (or none) and day. A bit is set
    /// atomically, and a reader that finds it set already has met a repeated row.
    ///
    /// When the items and "no item" fit in a word, a word holds all of them for a few days, so
    /// that a check logged item by item sets one word (one atomic operation for its rows);
    /// otherwise a day takes as many words as it needs. The words are mapped from the system
    /// without reserving memory, so only those of units and days that occur take memory.
    final class PassCells: @unchecked Sendable {
        private let words: UnsafeMutablePointer<Atomic<UInt64>>?
        private let byteCount: Int
        private let bitsPerDay: Int
        /// Days per word (0 when a day takes more than one word), words per day and per unit.
        private let daysPerWord: Int
        private let wordsPerDay: Int
        private let wordsPerUnit: Int
        /// Word and first bit of each day of the year (when a word holds several days).
        private let dayWord: [Int32]
        private let dayShift: [UInt8]
        /// Words by index, when the map could not be made.
        private let fallback = Mutex<[Int: UInt64]>([:])

        init(units: Int, items: Int) {
            bitsPerDay = items + 1
            if bitsPerDay <= 64 {
                daysPerWord = 64 / bitsPerDay
                wordsPerDay = 1
                wordsPerUnit = (366 + daysPerWord - 1) / daysPerWord
            } else {
                daysPerWord = 0
                wordsPerDay = (bitsPerDay + 63) / 64
                wordsPerUnit = 366 * wordsPerDay
            }
            let perWord = max(1, daysPerWord)
            let shiftPerDay = daysPerWord > 0 ? bitsPerDay : 0
            dayWord = (0..<366).map { Int32($0 / perWord) }
            dayShift = (0..<366).map { UInt8(($0 % perWord) * shiftPerDay) }
            let (count, overflow) = max(1, units).multipliedReportingOverflow(by: wordsPerUnit * 8)
            byteCount = overflow ? 0 : count
            var mapped: UnsafeMutablePointer<Atomic<UInt64>>?
            if !overflow, let raw = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
               Int(bitPattern: raw) != -1 {
                // Zero-filled pages: every word reads as an atomic 0.
                mapped = raw.bindMemory(to: Atomic<UInt64>.self, capacity: byteCount / 8)
            }
            words = mapped
        }

        deinit {
            if let words { munmap(UnsafeMutableRawPointer(words), byteCount) }
        }

        /// The word and bit of a passed check of `unit`, `item` (-1: none) on `day` (0-based).
        @inline(__always)
        func locate(unit: Int, item: Int, day: Int) -> (index: Int, bit: UInt64) {
            if daysPerWord > 0 {
                return (unit * wordsPerUnit + Int(dayWord[day]), 1 << UInt64(Int(dayShift[day]) + item + 1))
            }
            return (unit * wordsPerUnit + day * wordsPerDay + (item + 1) >> 6, 1 << UInt64((item + 1) & 63))
        }

        /// Sets `bits` in word `index`; which of them were set before.
        @inline(__always)
        func mark(_ index: Int, _ bits: UInt64) -> UInt64 {
            guard let words else {
                return fallback.withLock { table in
                    let old = table[index] ?? 0
                    table[index] = old | bits
                    return old & bits
                }
            }
            let seen = words[index].load(ordering: .relaxed) & bits
            if seen == bits { return seen }
            return words[index].bitwiseOr(bits, ordering: .relaxed).oldValue & bits
        }
    }

    /// What one reader folds from its rows.
    struct Fold {
        enum Mode {
            /// Fold every row.
            case full
            /// Only find duplicates: the excerpts of the rows in `wanted` (line → first line), and
            /// the first and repeated rows of plain passed checks in `cells`.
            case duplicates(wanted: [Int: Int], cells: Set<Int>)
        }

        let mode: Mode
        var read = 0
        var used = 0
        var rejected = 0
        /// Latest day of the year with a used row.
        var lastDay = -1
        let units: UnitBits
        /// Cells (``ChecksFile/cell(unit:item:day:items:)``) of passed checks without a note
        /// seen twice.
        var plainHits = Set<Int>()
        /// Passed checks of one word of ``PassCells`` not yet marked there: the word, its bits
        /// and their cells (marked together, with one atomic operation).
        var groupIndex = -1
        var groupBits: UInt64 = 0
        var groupCells: [(cell: Int, bit: UInt64)] = []
        var others: [(line: Int, key: OtherKey)] = []
        /// Note number → the number of the first note equal to it as a string.
        var noteClass: [Int32] = []
        var noteClassOf: [String: Int32] = [:]
        /// The failed checks, numbered into tables of the shared units and items.
        var failures = FailureLog()
        /// Per note number: its number in the failure log's note table.
        var logNotes: [UInt32] = []
        var emptyNote: UInt32?
        /// Per item: the number of its default deduction in the failure log.
        var defaultDeductions: [UInt16] = []
        var fingerprints: [UInt64] = []
        var explicit: [Bool] = []
        var rowDiagnostics = Limited(limit: ChecksFile.maxDiagnostics)
        var notes = ByteKeyTable(capacity: 64)
        var noteStrings: [String] = []
        var noteHashes: [Int] = []
        /// Duplicates mode: first line of each cell, and what was found.
        var firstOfCell: [Int: Int] = [:]
        /// The first ``ChecksFile/maxDiagnostics`` duplicates in file order; all are counted.
        var duplicatesFound: [(line: Int, first: Int, excerpt: String)] = []
        var duplicateCount = 0
        /// Rows checked from their bytes whose unit is still to be looked up: units are looked
        /// up a batch at a time, so that the memory reads of many rows overlap.
        var pending: [Pending] = []
        var found: [Int32] = []
        var touched: UInt64 = 0
        static let batch = 32

        struct Pending {
            var line: Int
            var recordStart: Int
            var day: Int
            var unitStart: Int
            var unitCount: Int
            var hash: UInt64
            var passed: Bool
            var item: Int
            var deduction: ExactDecimal?
            var rectified: CivilDate?
            var note: Int
        }

        init(mode: Mode, units: Int) {
            self.mode = mode
            if case .full = mode {
                self.units = UnitBits(units: units)
            } else {
                self.units = UnitBits(units: 0)
            }
        }

        /// Validates and folds one record.
        @inline(__always)
        mutating func row(_ scanner: inout CSVScanner, _ s: Shared) {
            let line = scanner.recordLine
            var blank = true
            for i in scanner.fields.indices where !DataTable.isBlank(scanner.field(i)) {
                blank = false
                break
            }
            if blank { return }
            read += 1
            if !fast(&scanner, s, line: line) {
                flush(&scanner, s)
                slow(&scanner, s, line: line)
            } else if pending.count == Fold.batch {
                flush(&scanner, s)
            }
        }

        /// Folds the pending rows, in order.
        mutating func flush(_ scanner: inout CSVScanner, _ s: Shared) {
            defer { settle(s) }
            let n = pending.count
            guard n > 0 else { return }
            let base = scanner.p
            found.removeAll(keepingCapacity: true)
            for k in 0..<n {
                let key = UnsafeBufferPointer(start: base + pending[k].unitStart, count: pending[k].unitCount)
                found.append(s.unitIDKeys.find(key, hash: pending[k].hash) ?? -1)
            }
            for k in 0..<n where found[k] < 0 {
                let key = UnsafeBufferPointer(start: base + pending[k].unitStart, count: pending[k].unitCount)
                found[k] = s.unitNameKeys.find(key, hash: pending[k].hash) ?? -1
            }
            if case .full = mode {
                // Read each unit's bits once before folding, so the reads overlap.
                var touch: UInt64 = 0
                for k in 0..<n where found[k] >= 0 { touch |= units.bits[Int(found[k])] }
                touched = touch
            }
            for k in 0..<n {
                let row = pending[k]
                if found[k] < 0 {
                    // Not a unit id or name as written: the full validation says why.
                    var again = CSVScanner(file: scanner.file, lineLimit: scanner.lineLimit, fieldLimit: scanner.fieldLimit)
                    again.setWindow(base, count: scanner.n, final: scanner.final)
                    again.rebase(at: row.recordStart, line: row.line)
                    if again.next() == .record { slow(&again, s, line: row.line) }
                    continue
                }
                fold(&scanner, s, line: row.line, recordStart: row.recordStart, day: row.day, unit: Int(found[k]),
                     item: row.item, passed: row.passed, deduction: row.deduction, note: row.note, rectified: row.rectified)
            }
            pending.removeAll(keepingCapacity: true)
        }

        /// Checks a row straight from its bytes and queues it for its unit to be looked up;
        /// false when the row needs the full validation (anything unusual, and every row with a
        /// fault).
        @inline(__always)
        mutating func fast(_ scanner: inout CSVScanner, _ s: Shared, line: Int) -> Bool {
            guard scanner.fields.count == s.fieldCount, s.date >= 0, s.unit >= 0, s.result >= 0, s.item >= 0,
                  let day = s.dayOfYear(scanner.field(s.date)) else { return false }
            let unitBytes = scanner.field(s.unit)
            guard unitBytes.count > 0, !ChecksFile.needsTrim(unitBytes), let unitBase = unitBytes.baseAddress,
                  unitBase >= scanner.p, unitBase < scanner.p + scanner.n,
                  let passed = ChecksFile.result(scanner.field(s.result)) else { return false }
            var item = -1
            let itemBytes = scanner.field(s.item)
            if itemBytes.count > 0 {
                guard let found = s.item(itemBytes) else { return false }
                item = found
            } else if !passed {
                return false
            }
            var deduction: ExactDecimal?
            if s.deduction >= 0 {
                let bytes = scanner.field(s.deduction)
                if bytes.count > 0 {
                    guard !ChecksFile.needsTrim(bytes), let value = ChecksFile.decimal(bytes), !value.isNegative else { return false }
                    if passed {
                        guard value.isZero else { return false }
                    } else {
                        guard !(value > s.itemPoints[item]) else { return false }
                        deduction = value
                    }
                }
            }
            var rectified: CivilDate?
            if s.rectified >= 0 {
                let bytes = scanner.field(s.rectified)
                if bytes.count > 0 {
                    guard !passed, let value = Shared.anyDate(bytes), !(value < s.dayDates[day]) else { return false }
                    rectified = value
                }
            }
            var note = -1
            if s.note >= 0 {
                let bytes = scanner.field(s.note)
                if bytes.count > 0 {
                    guard !ChecksFile.needsTrim(bytes) else { return false }
                    note = intern(bytes)
                }
            }
            pending.append(Pending(line: line, recordStart: scanner.recordStart, day: day, unitStart: unitBase - scanner.p,
                                   unitCount: unitBytes.count, hash: ByteKeyTable.hash(unitBytes), passed: passed, item: item,
                                   deduction: deduction, rectified: rectified, note: note))
            return true
        }

        /// The full validation of a row, as a table of one row.
        mutating func slow(_ scanner: inout CSVScanner, _ s: Shared, line: Int) {
            let table = DataTable(path: s.path, name: s.name, header: s.header, line: line, excerpt: scanner.recordExcerpt())
            var csvRow = scanner.row()
            if case .full = mode, rowDiagnostics.isFull, unknownUnit(&csvRow, s) {
                // The diagnostics are only counted now: the row's unknown unit is one error, and
                // the rest of the row is checked with a known unit, sparing the search for the
                // closest unit name, which costs a pass over all units.
                var row = DataTable.Row(table: table, row: csvRow)
                _ = ChecksFile.validate(&row, context: s.context)
                rowDiagnostics.omit(errors: 1)
                rowDiagnostics.omit(row.diagnostics)
                rejected += 1
                return
            }
            var row = DataTable.Row(table: table, row: csvRow)
            let checked = ChecksFile.validate(&row, context: s.context)
            if case .full = mode {
                rowDiagnostics.append(contentsOf: row.diagnostics)
                if checked == nil { rejected += 1 }
            }
            guard let checked else { return }
            let unit = s.index(ofID: checked.unit, in: s.unitIDKeys)
            let item = checked.item.map { s.index(ofID: $0, in: s.itemIDKeys) } ?? -1
            var note = -1
            if !checked.note.isEmpty {
                var text = checked.note
                note = text.withUTF8 { intern($0) }
            }
            fold(&scanner, s, line: line, recordStart: scanner.recordStart, day: checked.date.dayNumber - s.yearStart,
                 unit: unit, item: item, passed: checked.passed, deduction: checked.deduction, note: note,
                 rectified: checked.rectified)
        }

        /// Whether the row has the right number of fields and a unit that is not empty and names
        /// no unit; if so, the unit is replaced by the first unit's id.
        private func unknownUnit(_ row: inout CSVRow, _ s: Shared) -> Bool {
            guard row.fields.count == s.fieldCount, s.unit >= 0, s.unit < row.fields.count,
                  let known = s.unitIDs.first else { return false }
            let text = DataTable.trimmed(row.fields[s.unit])
            guard !text.isEmpty, s.context.units.resolve(text) == nil else { return false }
            row.fields[s.unit] = known
            return true
        }

        /// Index of the note with these bytes in `noteStrings` (each text kept once).
        private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let next = Int32(truncatingIfNeeded: noteStrings.count)
            let (index, inserted) = notes.insert(bytes, value: next)
            if inserted {
                let text = String(decoding: bytes, as: UTF8.self)
                noteStrings.append(text)
                if case .full = mode { logNotes.append(failures.addNote(text)) }
                noteHashes.append(text.hashValue)
                if let same = noteClassOf[text] {
                    noteClass.append(same)
                } else {
                    noteClassOf[text] = index
                    noteClass.append(index)
                }
            }
            return Int(index)
        }

        /// Folds a valid row.
        @inline(__always)
        private mutating func fold(_ scanner: inout CSVScanner, _ s: Shared, line: Int, recordStart: Int, day: Int, unit: Int,
                                   item: Int, passed: Bool, deduction: ExactDecimal?, note: Int, rectified: CivilDate?) {
            let plainPass = passed && note < 0
            switch mode {
            case .full:
                used += 1
                if day > lastDay { lastDay = day }
                guard unit >= 0, unit < s.unitCount, day >= 0, day < s.dayDates.count else { return }
                let week = s.dayWeek[day]
                if week > 0 { units.bits[unit] |= 1 << UInt64(week) }
                if plainPass {
                    let (index, bit) = s.passCells.locate(unit: unit, item: item, day: day)
                    if index != groupIndex {
                        settle(s)
                        groupIndex = index
                    }
                    let cell = ChecksFile.cell(unit: unit, item: item, day: day, items: s.itemIDs.count)
                    if groupBits & bit != 0 {
                        plainHits.insert(cell)
                    } else {
                        groupBits |= bit
                        groupCells.append((cell, bit))
                    }
                } else if passed {
                    others.append((line, OtherKey(day: Int32(day), unit: Int32(unit), item: Int32(item), note: noteClass[note])))
                } else if item >= 0 {
                    appendFailure(s, line: line, day: day, unit: unit, item: item, deduction: deduction, note: note,
                                  rectified: rectified)
                    explicit.append(deduction != nil)
                    var h = Mix.start
                    h = Mix.add(h, day)
                    h = Mix.add(h, unit)
                    h = Mix.add(h, item)
                    h = Mix.add(h, deduction.map { $0.hashValue } ?? 0x5bd1_e995)
                    h = Mix.add(h, note < 0 ? 0 : noteHashes[note])
                    h = Mix.add(h, rectified?.dayNumber ?? Int.min)
                    fingerprints.append(h)
                }
            case .duplicates(let wanted, let cells):
                if let first = wanted[line] {
                    foundDuplicate(line, first, scanner, recordStart)
                } else if plainPass, unit >= 0 {
                    let cell = ChecksFile.cell(unit: unit, item: item, day: day, items: s.itemIDs.count)
                    guard cells.contains(cell) else { return }
                    if let first = firstOfCell[cell] {
                        foundDuplicate(line, first, scanner, recordStart)
                    } else {
                        firstOfCell[cell] = line
                    }
                }
            }
        }

        /// Marks the pending group of passed checks in ``PassCells``; those marked before (by
        /// either reader) are repeats.
        mutating func settle(_ s: Shared) {
            guard groupIndex >= 0 else { return }
            let before = s.passCells.mark(groupIndex, groupBits)
            if before != 0 {
                for entry in groupCells where before & entry.bit != 0 { plainHits.insert(entry.cell) }
            }
            groupIndex = -1
            groupBits = 0
            groupCells.removeAll(keepingCapacity: true)
        }

        /// Appends a failed check to the log as a record, or as a ``Failure`` when a value does
        /// not fit a record.
        @inline(__always)
        private mutating func appendFailure(_ s: Shared, line: Int, day: Int, unit: Int, item: Int, deduction: ExactDecimal?,
                                            note: Int, rectified: CivilDate?) {
            if defaultDeductions.isEmpty && !s.itemIDs.isEmpty {
                defaultDeductions = s.itemDeduction.map { failures.deductionNumber($0) }
            }
            let noteNumber: UInt32
            if note >= 0 {
                noteNumber = logNotes[note]
            } else if let emptyNote {
                noteNumber = emptyNote
            } else {
                noteNumber = failures.addNote("")
                emptyNote = noteNumber
            }
            let deductionNumber = deduction.map { failures.deductionNumber($0) } ?? defaultDeductions[item]
            let rectifiedDay = rectified?.dayNumber ?? Int(Int32.min)
            guard line <= Int(Int32.max), item < Int(FailureLog.inExtras), deductionNumber != FailureLog.inExtras,
                  rectifiedDay > Int(Int32.min) + 1 || rectified == nil, rectifiedDay <= Int(Int32.max) else {
                failures.append(Failure(date: s.dayDates[day], unit: s.unitIDs[unit], item: s.itemIDs[item],
                                        deduction: deduction ?? s.itemDeduction[item], note: note < 0 ? "" : noteStrings[note],
                                        rectified: rectified, source: SourceRef(file: s.name, line: line)))
                return
            }
            failures.append(record: FailureLog.Record(
                line: Int32(line), unit: UInt32(truncatingIfNeeded: unit), note: noteNumber,
                date: Int32(truncatingIfNeeded: s.yearStart + day), rectified: Int32(truncatingIfNeeded: rectifiedDay),
                item: UInt16(truncatingIfNeeded: item), deduction: deductionNumber))
        }

        /// Records a duplicate row; only the first ones are listed (a file of millions of
        /// repeated rows keeps memory bounded), all are counted.
        private mutating func foundDuplicate(_ line: Int, _ first: Int, _ scanner: CSVScanner, _ recordStart: Int) {
            duplicateCount += 1
            if duplicatesFound.count < ChecksFile.maxDiagnostics {
                duplicatesFound.append((line, first, CSVReader.excerpt(scanner.p, from: recordStart, count: scanner.n)))
            }
        }

        /// Makes the line numbers of a reading that started at local line 1 absolute.
        mutating func shiftLines(by shift: Int) {
            guard shift != 0 else { return }
            rowDiagnostics.shiftLines(by: shift)
            failures.shiftLines(by: shift)
            for i in others.indices { others[i].line += shift }
        }
    }

    /// One reader of the file (or of one half of it) and what it has folded.
    final class Scan: @unchecked Sendable {
        let stream: CSVStream
        let shared: Shared
        var fold: Fold

        init(stream: CSVStream, shared: Shared, mode: Fold.Mode) {
            self.stream = stream
            self.shared = shared
            fold = Fold(mode: mode, units: shared.unitCount)
            if case .full = mode {
                fold.failures = FailureLog(unitIDs: shared.unitIDs, itemIDs: shared.itemIDs, file: shared.name)
            }
        }

        /// Reads rows until the stream ends.
        func run() {
            // The fold is worked on as a local value, not through this object.
            var local = Fold(mode: .duplicates(wanted: [:], cells: []), units: 0)
            swap(&local, &fold)
            defer { swap(&local, &fold) }
            let shared = self.shared
            stream.forEach({ scanner in local.row(&scanner, shared) },
                           beforeMove: { scanner in local.flush(&scanner, shared) })
            stream.withScanner { local.flush(&$0, shared) }
        }

        func shiftLines(by shift: Int) {
            stream.shiftDiagnosticLines(by: shift)
            fold.shiftLines(by: shift)
        }
    }

    /// Whether trimming spaces might change the field.
    @inline(__always)
    static func needsTrim(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return DataTable.mayStartWithSpace(first) || DataTable.mayEndWithSpace(last)
    }

    /// `pass`/`fail` in any ASCII case, `合格`/`不合格`.
    @inline(__always)
    static func result(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch b.count {
        case 4:
            let word = (UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24) | 0x2020_2020
            if word == 0x7373_6170 { return true }   // "pass"
            if word == 0x6C69_6166 { return false }  // "fail"
            return nil
        case 6:
            // 合格
            return b[0] == 0xE5 && b[1] == 0x90 && b[2] == 0x88 && b[3] == 0xE6 && b[4] == 0xA0 && b[5] == 0xBC ? true : nil
        case 9:
            // 不合格
            return b[0] == 0xE4 && b[1] == 0xB8 && b[2] == 0x8D && b[3] == 0xE5 && b[4] == 0x90 && b[5] == 0x88
                && b[6] == 0xE6 && b[7] == 0xA0 && b[8] == 0xBC ? false : nil
        default:
            return nil
        }
    }

    /// ``ExactDecimal/init(_:)`` on bytes.
    static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var i = 0
        var negative = false
        if let first = b.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: Int128 = 0
        var exponent = 0
        var digits = 0
        var seenPoint = false
        while i < b.count {
            let byte = b[i]
            i += 1
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48 && byte <= 57 else { return nil }
            digits += 1
            if digits > 30 { return nil }
            mantissa = mantissa * 10 + Int128(byte - 48)
            if seenPoint { exponent += 1 }
        }
        guard digits > 0 else { return nil }
        return ExactDecimal(mantissa: negative ? -mantissa : mantissa, exponent: exponent)
    }

    /// A small hash mixer for fingerprints.
    enum Mix {
        static let start: UInt64 = 0x243F_6A88_85A3_08D3
        @inline(__always)
        static func add(_ h: UInt64, _ value: Int) -> UInt64 {
            var x = (h ^ UInt64(bitPattern: Int64(value))) &* 0x9E37_79B9_7F4A_7C15
            x ^= x >> 29
            return x
        }
    }

    /// Finding rows that repeat an earlier row exactly (SPEC 5).
    enum Duplicates {
        /// Failed checks that repeat an earlier one: same date, unit, item, written deduction
        /// (or none), note and rectified date.
        static func failures(_ failures: FailureLog, fingerprints: [UInt64], explicit: [Bool]) -> [(line: Int, first: Int)] {
            guard failures.count > 1 else { return [] }
            var capacity = 16
            while capacity < failures.count * 2 { capacity *= 2 }
            let mask = capacity - 1
            var slots = [Int32](repeating: -1, count: capacity)
            var found: [(line: Int, first: Int)] = []
            for i in failures.indices {
                let fingerprint = fingerprints[i]
                var slot = Int(truncatingIfNeeded: fingerprint) & mask
                var original = -1
                while slots[slot] >= 0 {
                    let j = Int(slots[slot])
                    if fingerprints[j] == fingerprint && explicit[j] == explicit[i] && same(failures[i], failures[j]) {
                        original = j
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if original >= 0 {
                    found.append((failures[i].source.line, failures[original].source.line))
                } else {
                    slots[slot] = Int32(truncatingIfNeeded: i)
                }
            }
            return found
        }

        static func same(_ a: Failure, _ b: Failure) -> Bool {
            a.date == b.date && a.unit == b.unit && a.item == b.item && a.deduction == b.deduction
                && a.rectified == b.rectified && a.note == b.note
        }

        /// Passed checks with an item or note that repeat an earlier one.
        static func others(_ rows: [(line: Int, key: OtherKey)]) -> [(line: Int, first: Int)] {
            var firstLine: [OtherKey: Int] = [:]
            var found: [(line: Int, first: Int)] = []
            for row in rows {
                if let first = firstLine[row.key] {
                    found.append((row.line, first))
                } else {
                    firstLine[row.key] = row.line
                }
            }
            return found
        }
    }
}

extension ChecksFile.Limited {
    mutating func shiftLines(by shift: Int) {
        for i in kept.indices {
            if let line = kept[i].line { kept[i].line = line + shift }
        }
    }
}

/// A hash table from byte strings to a value, kept in open-addressed slots that hold a key's
/// first eight bytes, so that finding a short key reads one slot. Read-only once built when
/// shared between threads.
struct ByteKeyTable: @unchecked Sendable {
    struct Slot {
        /// The key's first eight bytes (zero-padded).
        var word: UInt64
        /// High 16 bits of the hash, and the key's length (capped at 0xFFFF).
        var meta: UInt32
        /// The value; -1 marks an empty slot.
        var value: Int32
        /// Where the whole key lies in the arena.
        var start: Int
        var length: Int
    }

    /// The slots; replaced whole when grown.
    final class Storage {
        let slots: UnsafeMutablePointer<Slot>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
            slots.initialize(repeating: Slot(word: 0, meta: 0, value: -1, start: 0, length: 0), count: capacity)
        }

        deinit { slots.deallocate() }
    }

    private var storage: Storage
    private let arena = ByteBuffer(capacity: 1024)
    private(set) var count = 0

    init(capacity: Int = 64) {
        storage = Storage(capacity: ByteKeyTable.slots(for: capacity))
    }

    /// Slots for `count` keys: a power of two, at most three quarters full.
    static func slots(for count: Int) -> Int {
        var slots = 16
        while slots * 3 < count * 4 { slots *= 2 }
        return slots
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
        guard let base = p.baseAddress else { return h }
        let n = p.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            h = (h ^ tail(base + i, n - i)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
        }
        return h
    }

    /// Up to eight bytes as a little-endian word.
    @inline(__always)
    static func tail(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for i in 0..<min(n, 8) {
            word |= UInt64(p[i]) << shift
            shift += 8
        }
        return word
    }

    @inline(__always)
    static func meta(_ h: UInt64, _ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: h >> 48) << 16 | UInt32(min(count, 0xFFFF))
    }

    /// The value for `key`, if present.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: ByteKeyTable.hash(key))
    }

    /// The value for `key`, whose ``hash(_:)`` is `h`.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        guard let base = key.baseAddress else { return nil }
        let meta = ByteKeyTable.meta(h, key.count)
        let word = ByteKeyTable.tail(base, key.count)
        let storage = self.storage
        let mask = storage.capacity - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = storage.slots[slot]
            if s.value < 0 { return nil }
            if s.meta == meta && s.word == word
                && (key.count <= 8 || (s.length == key.count && memcmp(arena.base + s.start, base, key.count) == 0)) {
                return s.value
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ text: String, value: Int32) -> (value: Int32, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert($0, value: value) }
    }

    /// Adds `key` with `value` unless present; returns the value in the table. Empty keys are
    /// not stored (no field looked up is empty).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        guard let base = key.baseAddress else { return (value, false) }
        if let found = find(key) { return (found, false) }
        if ByteKeyTable.slots(for: count + 1) > storage.capacity { grow() }
        let start = arena.count
        arena.reserve(key.count)
        (arena.base + start).update(from: base, count: key.count)
        arena.count += key.count
        let h = ByteKeyTable.hash(key)
        place(Slot(word: ByteKeyTable.tail(base, key.count), meta: ByteKeyTable.meta(h, key.count), value: value,
                   start: start, length: key.count), hash: h, in: storage)
        count += 1
        return (value, true)
    }

    private func place(_ slot: Slot, hash: UInt64, in storage: Storage) {
        let mask = storage.capacity - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while storage.slots[i].value >= 0 { i = (i + 1) & mask }
        storage.slots[i] = slot
    }

    private mutating func grow() {
        let old = storage
        let bigger = Storage(capacity: old.capacity * 2)
        for i in 0..<old.capacity where old.slots[i].value >= 0 {
            let slot = old.slots[i]
            place(slot, hash: ByteKeyTable.hash(UnsafeBufferPointer(start: arena.base + slot.start, count: slot.length)), in: bigger)
        }
        storage = bigger
    }
}
