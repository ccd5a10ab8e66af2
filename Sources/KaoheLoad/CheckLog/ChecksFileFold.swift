import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
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
        var failures = FailureLog.Builder()
        /// Per note number: its number in the failure log's note table.
        var logNotes: [UInt32] = []
        var emptyNote: UInt32?
        /// Per item: the number of its default deduction in the failure log.
        var defaultDeductions: [UInt16] = []
        /// Per failed check: whether its deduction was written (for finding repeats).
        var explicit: [Bool] = []
        var rowDiagnostics = Limited(limit: ChecksFile.maxDiagnostics)
        var notes = ByteKeyTable(capacity: 64)
        var noteStrings: [String] = []
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
            for i in scanner.fields.indices where !DataTable.isBlank(scanner.bytes(i)) {
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
                if found[k] < 0 || (!row.passed && !s.exemptItems.isEmpty
                                    && s.exemptItems[Int(found[k])]?.contains(row.item) == true) {
                    // Not a unit id or name as written, or a failed check of a category that does
                    // not apply to the unit: the full validation says why.
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
                  let day = s.dayOfYear(scanner.bytes(s.date)) else { return false }
            for i in s.unnamed where !DataTable.isBlank(scanner.bytes(i)) { return false }
            let unitBytes = scanner.bytes(s.unit)
            guard unitBytes.count > 0, !ChecksFile.needsTrim(unitBytes), let unitBase = unitBytes.baseAddress,
                  unitBase >= scanner.p, unitBase < scanner.p + scanner.n,
                  let passed = ChecksFile.result(scanner.bytes(s.result)) else { return false }
            var item = -1
            let itemBytes = scanner.bytes(s.item)
            if itemBytes.count > 0 {
                guard let found = s.item(itemBytes) else { return false }
                item = found
            } else if !passed {
                return false
            }
            var deduction: ExactDecimal?
            if s.deduction >= 0 {
                let bytes = scanner.bytes(s.deduction)
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
                let bytes = scanner.bytes(s.rectified)
                if bytes.count > 0 {
                    guard !passed, let value = Shared.anyDate(bytes), !(value < s.dayDates[day]) else { return false }
                    rectified = value
                }
            }
            var note = -1
            if s.note >= 0 {
                let bytes = scanner.bytes(s.note)
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
            // Without units.csv the row is checked (and counted as read and valid) but not folded.
            guard s.context.unitsVerified else {
                if case .full = mode { used += 1 }
                return
            }
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
                defaultDeductions = s.itemDeduction.map { failures.deductionNumber($0) ?? FailureLog.inExtras }
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
            let deductionNumber = deduction.map { failures.deductionNumber($0) ?? FailureLog.inExtras } ?? defaultDeductions[item]
            // Days count from 32,767 days before 1 January (the log's base), so the year's days fit.
            let appended = failures.appendRecord(
                line: line, unit: unit, item: item, day: Int(Int16.max) + day,
                rectified: rectified.map { $0.dayNumber - s.yearStart - day }, deduction: deductionNumber, note: noteNumber)
            if !appended {
                failures.append(Failure(date: s.dayDates[day], unit: s.unitIDs[unit], item: s.itemIDs[item],
                                        deduction: deduction ?? s.itemDeduction[item], note: note < 0 ? "" : noteStrings[note],
                                        rectified: rectified, source: SourceRef(file: s.name, line: line)))
            }
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
                fold.failures = FailureLog.Builder(unitIDs: shared.unitIDs, itemIDs: shared.itemIDs, file: shared.name,
                                           base: shared.yearStart - Int(Int16.max))
            }
        }

        /// Reads rows until the stream ends.
        func run() {
            // The fold is worked on as a local value, not through this object.
            var local = Fold(mode: .duplicates(wanted: [:], cells: []), units: 0)
            swap(&local, &fold)
            defer { swap(&local, &fold) }
            let shared = self.shared
            // The record loop runs here rather than through a closure, so that each row is
            // folded without a call across the module boundary.
            var scanner = stream.borrowScanner()
            reading: while true {
                switch stream.advance(&scanner) {
                case .record:
                    local.row(&scanner, shared)
                case .windowFull:
                    local.flush(&scanner, shared)
                    guard stream.moveWindow(&scanner) else { break reading }
                case .end:
                    break reading
                }
            }
            stream.putBack(scanner)
            stream.withScanner { local.flush(&$0, shared) }
        }

        func shiftLines(by shift: Int) {
            stream.shiftDiagnosticLines(by: shift)
            fold.shiftLines(by: shift)
        }
    }
}

extension CSVScanner {
    /// The bytes of field `i` of the current record (``CSVScanner/field(_:)``, read from the
    /// scanner's fields here so the check log's hot loop makes no call for it).
    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(start: (f.unescaped ? UnsafePointer(scratch.base) : p) + f.start, count: f.end - f.start)
    }
}
