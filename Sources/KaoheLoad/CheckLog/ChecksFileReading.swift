import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
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
        /// For a check log read from a workbook: where each reading's bytes come from.
        let sheets: SheetSources?

        init(path: String, name: String, context: ValidationContext, descriptor: Int32, size: Int, options: Options,
             sheets: SheetSources? = nil) {
            self.path = path
            self.name = name
            self.context = context
            self.descriptor = descriptor
            self.size = size
            self.options = options
            self.sheets = sheets
        }

        /// The first `count` bytes of the file.
        func head(_ count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { raw(from: 0).read(into: $0, count: count) } ?? 0
            }
            return Array(bytes.prefix(got))
        }

        /// The file's bytes from `offset` on (a sheet is always read from its start).
        func raw(from offset: Int) -> CSVByteSource {
            sheets?.make() ?? CSVFileSource(descriptor: descriptor, offset: offset)
        }

        /// A stream over the whole file (decoded when GB18030).
        func stream(_ encoding: TextEncoding, from offset: Int = 0) -> (CSVStream, CSVByteSource) {
            let raw = raw(from: offset)
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

        /// Reads the file once with `encoding`.
        func scan(encoding: TextEncoding) -> Outcome {
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
        func merge(_ a: Scan, _ b: Scan?, header: [Diagnostic], ignored: [IgnoredColumn], encoding: TextEncoding) -> Scanned {
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

            // The passed-check bitmap has done its work.
            shared.passCells.release()

            // Failed checks, in file order, and whether their deduction was written.
            let failureCount = scans.reduce(0) { $0 + $1.fold.failures.count }
            var explicit: [Bool] = []
            explicit.reserveCapacity(failureCount)
            for scan in scans {
                explicit += scan.fold.explicit
                scan.fold.explicit = []
            }
            if let b { a.fold.failures.append(&b.fold.failures) }
            let failures = a.fold.failures.finish()

            // Duplicates: failed checks and passed checks with an item or note are compared in
            // memory; plain passed checks (unit and date only) repeated are found again by a
            // second reading, which also gives every duplicate its excerpt.
            var found = Duplicates.failures(failures, explicit: explicit)
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
                limited.takeCounts(of: scan.fold.rowDiagnostics)
            }
            while d < duplicates.count {
                limited.append(ChecksFile.duplicateWarning(path, line: duplicates[d].line, first: duplicates[d].first,
                                                           excerpt: duplicates[d].excerpt))
                d += 1
            }
            limited.omit(ChecksFile.duplicateCode, warnings: omittedDuplicates)

            let result = Result(path: path, failures: failures, usage: usage, weeks: weeks,
                                lastDate: lastDay >= 0 ? shared.dayDates[lastDay] : nil,
                                duplicates: duplicates.map { DuplicateRow(source: SourceRef(file: name, line: $0.line), firstLine: $0.first) },
                                duplicateCount: duplicates.count + omittedDuplicates)
            return Scanned(result: result, diagnostics: limited.kept + limited.closing(path), ignored: ignored)
        }
    }
}
