/// The failed checks of a year, in file order, stored compactly.
///
/// A province's log can hold a million failed checks; as ``Failure`` values (strings, dates and
/// a decimal each) they would take about 190 bytes apiece. The log keeps each as a 20-byte
/// record instead — dates as day numbers, the unit, item, note and deduction as numbers into
/// tables of the distinct values — and gives back ``Failure`` values when read. It is a
/// mutable, random-access collection of ``Failure``, so code that reads, appends or edits
/// failures treats it like an array.
package struct FailureLog: Sendable {
    /// One failed check (20 bytes). `day` counts from the log's `base`; `rectified` counts from
    /// the check's day. `item`, `deduction`, `day` of `FailureLog.inExtras` and `rectified` of
    /// `FailureLog.rectifiedInExtras` mean the value is held in ``FailureLog/extras``.
    /// Read by the scoring and the loader's duplicate search; written only by the log and its
    /// ``Builder``.
    package struct Record: Sendable, Equatable {
        package internal(set) var line: UInt32
        package internal(set) var unit: UInt32
        package internal(set) var note: UInt32
        package internal(set) var day: UInt16
        package internal(set) var rectified: Int16
        package internal(set) var item: UInt16
        package internal(set) var deduction: UInt16
    }

    /// What does not fit a record: another file than the log's usual one, a derivation, and
    /// values beyond the record's ranges.
    package struct Extra: Sendable, Equatable {
        package internal(set) var file: String?
        package internal(set) var derivation: LateFinding?
        package internal(set) var item: String?
        package internal(set) var deduction: ExactDecimal?
        package internal(set) var line: Int?
        package internal(set) var date: CivilDate?
        package internal(set) var rectified: CivilDate?
    }

    package static let inExtras = UInt16.max
    /// `Record.rectified` when the check was not rectified, and when the date is in the extras.
    package static let notRectified = Int16.min
    package static let rectifiedInExtras = Int16.min + 1
    static let blockShift = 13
    static let blockSize = 1 << blockShift

    /// Full blocks of `blockSize` records, then the last one.
    package private(set) var blocks: [[Record]] = []
    package private(set) var count = 0
    private(set) var units = InternedTexts()
    private(set) var items = InternedTexts()
    private(set) var notes = InternedTexts()
    /// The note texts, by number.
    package var noteTexts: [String] { notes.texts }
    package private(set) var deductions: [ExactDecimal] = []
    private var deductionIndex: [DecimalKey: UInt16] = [:]
    /// The file most failures come from (the first one appended).
    private(set) var file: String?
    /// Day number of a record's day 0 (set by the first failure, or by the loader).
    private(set) var base: Int?
    package private(set) var extras: [Int: Extra] = [:]

    package init() {}

    /// A log whose unit and item tables are these ids, in this order (so that a record's unit
    /// and item numbers are positions in them), for loaders that append records directly.
    init(unitIDs: [String], itemIDs: [String], file: String, base: Int) {
        for id in unitIDs { _ = units.appendNew(id) }
        for id in itemIDs { _ = items.appendNew(id) }
        self.file = file
        self.base = base
    }

    /// The day number of a record's check date (nil when held in the extras).
    @inline(__always)
    package func dayNumber(of record: Record) -> Int? {
        record.day == FailureLog.inExtras ? nil : (base ?? 0) + Int(record.day)
    }

    // MARK: records

    @inline(__always)
    package func record(at position: Int) -> Record {
        blocks[position >> FailureLog.blockShift][position & (FailureLog.blockSize - 1)]
    }

    /// Appends a record built by a loader (numbers into this log's tables).
    @inline(__always)
    mutating func append(record: Record) {
        if blocks.isEmpty || blocks[blocks.count - 1].count == FailureLog.blockSize {
            var block: [Record] = []
            block.reserveCapacity(FailureLog.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(record)
        count += 1
    }

    /// Adds a note text to the note table without looking for an equal one; its number.
    mutating func addNote(_ text: String) -> UInt32 { notes.appendNew(text) }

    /// The number of a deduction in the deduction table (added if new); `inExtras` when the
    /// table is full.
    mutating func deductionNumber(_ value: ExactDecimal) -> UInt16 {
        let key = DecimalKey(value)
        if let found = deductionIndex[key] { return found }
        guard deductions.count < Int(FailureLog.inExtras) else { return FailureLog.inExtras }
        let number = UInt16(deductions.count)
        deductions.append(value)
        deductionIndex[key] = number
        return number
    }

    /// The deduction of a record.
    @inline(__always)
    package func deduction(of record: Record, at position: Int) -> ExactDecimal {
        record.deduction == FailureLog.inExtras ? extras[position]?.deduction ?? .zero : deductions[Int(record.deduction)]
    }

    /// The unit and item ids of the tables, by number.
    package var unitIDs: [String] { units.texts }
    package var itemIDs: [String] { items.texts }

    /// Adds `shift` to every line number (a log read from the second half of a file).
    mutating func shiftLines(by shift: Int) {
        guard shift != 0 else { return }
        for b in blocks.indices {
            for r in blocks[b].indices {
                let position = b << FailureLog.blockShift + r
                let old = blocks[b][r].line
                let line = (old == UInt32.max ? extras[position]?.line ?? 0 : Int(old)) + shift
                if line >= 0, line < Int(UInt32.max) {
                    blocks[b][r].line = UInt32(line)
                    if old == UInt32.max {
                        extras[position]?.line = nil
                        if extras[position] == Extra() { extras[position] = nil }
                    }
                } else {
                    blocks[b][r].line = UInt32.max
                    extras[position, default: Extra()].line = line
                }
            }
        }
    }

    /// Every line number through `map` (the rows of a sheet, where a cell above holds a line
    /// break and so takes more than one line of its CSV text).
    package mutating func mapLines(_ map: (Int) -> Int) {
        for b in blocks.indices {
            for r in blocks[b].indices {
                let position = b << FailureLog.blockShift + r
                let old = blocks[b][r].line
                let line = map(old == UInt32.max ? extras[position]?.line ?? 0 : Int(old))
                if old != UInt32.max, line >= 0, line < Int(UInt32.max) {
                    blocks[b][r].line = UInt32(line)
                } else if old == UInt32.max {
                    extras[position]?.line = line
                }
            }
        }
    }

    /// Appends another log read with the same unit and item tables (the second half of a
    /// file), its notes and deductions renumbered into this log's tables; `other` is used up.
    mutating func append(log other: inout FailureLog) {
        let sameTables = other.units.texts == units.texts && other.items.texts == items.texts && other.file == file
            && other.base == base
        if !sameTables {
            for failure in other { append(failure) }
            other = FailureLog()
            return
        }
        var noteMap = [UInt32](repeating: 0, count: other.notes.texts.count)
        for (i, text) in other.notes.texts.enumerated() { noteMap[i] = notes.append(text) }
        var deductionMap = [UInt16](repeating: FailureLog.inExtras, count: other.deductions.count)
        for (i, value) in other.deductions.enumerated() { deductionMap[i] = deductionNumber(value) }
        let start = count
        var position = 0
        for b in other.blocks.indices {
            var block: [Record] = []
            swap(&block, &other.blocks[b])
            for var record in block {
                record.note = noteMap[Int(record.note)]
                var extra = other.extras[position]
                if record.deduction != FailureLog.inExtras {
                    let mapped = deductionMap[Int(record.deduction)]
                    if mapped == FailureLog.inExtras { extra = extra ?? Extra(); extra?.deduction = other.deductions[Int(record.deduction)] }
                    record.deduction = mapped
                }
                if let extra { extras[start + position] = extra }
                append(record: record)
                position += 1
            }
        }
        other = FailureLog()
    }

    // MARK: failures

    /// The failure at a position, built from its record.
    func failure(at position: Int) -> Failure {
        let record = record(at: position)
        let extra = extras.isEmpty ? nil : extras[position]
        let day = (base ?? 0) + Int(record.day)
        let date = record.day == FailureLog.inExtras ? extra?.date ?? CivilDate(dayNumber: 0) : CivilDate(dayNumber: day)
        let rectified: CivilDate?
        switch record.rectified {
        case FailureLog.notRectified: rectified = nil
        case FailureLog.rectifiedInExtras: rectified = extra?.rectified
        default: rectified = CivilDate(dayNumber: date.dayNumber + Int(record.rectified))
        }
        return Failure(date: date, unit: units.texts[Int(record.unit)],
                       item: record.item == FailureLog.inExtras ? extra?.item ?? "" : items.texts[Int(record.item)],
                       deduction: deduction(of: record, at: position), note: notes.texts[Int(record.note)],
                       rectified: rectified,
                       source: SourceRef(file: extra?.file ?? file ?? "",
                                         line: record.line == UInt32.max ? extra?.line ?? 0 : Int(record.line)),
                       derivation: extra?.derivation)
    }

    /// The check and rectification days (day numbers) and the line of the failure at a
    /// position, and whether it was derived from a register, without building its texts (for
    /// rules that read every failed check of a year).
    package func days(at position: Int) -> (day: Int, rectified: Int?, line: Int, derived: Bool) {
        let record = record(at: position)
        let extra = extras.isEmpty ? nil : extras[position]
        let day = record.day == FailureLog.inExtras ? extra?.date?.dayNumber ?? 0 : (base ?? 0) + Int(record.day)
        let rectified: Int?
        switch record.rectified {
        case FailureLog.notRectified: rectified = nil
        case FailureLog.rectifiedInExtras: rectified = extra?.rectified?.dayNumber
        default: rectified = day + Int(record.rectified)
        }
        let line = record.line == UInt32.max ? extra?.line ?? 0 : Int(record.line)
        return (day, rectified, line, extra?.derivation != nil)
    }

    /// Stores a failure at a position (appending when `position == count`).
    private mutating func store(_ failure: Failure, at position: Int) {
        if file == nil { file = failure.source.file }
        var extra = Extra()
        if base == nil { base = failure.date.dayNumber - Int(Int16.max) }
        var record = Record(line: 0, unit: units.append(failure.unit), note: notes.append(failure.note),
                            day: FailureLog.inExtras, rectified: FailureLog.notRectified, item: 0, deduction: 0)
        let day = failure.date.dayNumber - (base ?? 0)
        if day >= 0, day < Int(FailureLog.inExtras) { record.day = UInt16(day) } else { extra.date = failure.date }
        if let rectified = failure.rectified {
            let offset = rectified.dayNumber - failure.date.dayNumber
            if offset > Int(FailureLog.rectifiedInExtras), offset <= Int(Int16.max) {
                record.rectified = Int16(offset)
            } else {
                record.rectified = FailureLog.rectifiedInExtras
                extra.rectified = rectified
            }
        }
        if failure.source.line >= 0, failure.source.line < Int(UInt32.max) {
            record.line = UInt32(failure.source.line)
        } else {
            record.line = UInt32.max
            extra.line = failure.source.line
        }
        let item = items.append(failure.item)
        if item < UInt32(FailureLog.inExtras) { record.item = UInt16(item) } else { record.item = FailureLog.inExtras; extra.item = failure.item }
        record.deduction = deductionNumber(failure.deduction)
        if record.deduction == FailureLog.inExtras { extra.deduction = failure.deduction }
        if failure.source.file != file { extra.file = failure.source.file }
        extra.derivation = failure.derivation
        if extra == Extra() { extras[position] = nil } else { extras[position] = extra }
        if position == count {
            append(record: record)
        } else {
            blocks[position >> FailureLog.blockShift][position & (FailureLog.blockSize - 1)] = record
        }
    }
}

extension FailureLog: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(position: Int) -> Failure {
        get {
            precondition(position >= 0 && position < count, "FailureLog index out of range")
            return failure(at: position)
        }
        set {
            precondition(position >= 0 && position < count, "FailureLog index out of range")
            store(newValue, at: position)
        }
    }

    package mutating func append(_ failure: Failure) { store(failure, at: count) }

    package mutating func append<S: Sequence>(contentsOf failures: S) where S.Element == Failure {
        for failure in failures { append(failure) }
    }

    package mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with failures: C) where C.Element == Failure {
        if range.isEmpty && range.lowerBound == count {
            append(contentsOf: failures)
            return
        }
        var rebuilt = FailureLog()
        rebuilt.units = units
        rebuilt.items = items
        rebuilt.file = file
        rebuilt.base = base
        for position in 0..<range.lowerBound { rebuilt.append(self[position]) }
        rebuilt.append(contentsOf: failures)
        for position in range.upperBound..<count { rebuilt.append(self[position]) }
        self = rebuilt
    }

    package mutating func reserveCapacity(_ n: Int) {}
}

extension FailureLog: Equatable {
    package static func == (a: FailureLog, b: FailureLog) -> Bool { a.elementsEqual(b) }
}

extension FailureLog: ExpressibleByArrayLiteral {
    package init(arrayLiteral failures: Failure...) {
        self.init()
        append(contentsOf: failures)
    }
}

extension FailureLog {
    package init<S: Sequence>(_ failures: S) where S.Element == Failure {
        self.init()
        append(contentsOf: failures)
    }
}

/// Distinct texts numbered in order of first appearance; texts are the same when their UTF-8
/// bytes are (not merely canonically equivalent), so a text reads back byte for byte.
struct InternedTexts: Sendable {
    private(set) var texts: [String] = []
    private var numbers: [ExactText: UInt32] = [:]

    /// The number of a text, added if new.
    mutating func append(_ text: String) -> UInt32 {
        let key = ExactText(text)
        if let found = numbers[key] { return found }
        let number = UInt32(truncatingIfNeeded: texts.count)
        texts.append(text)
        numbers[key] = number
        return number
    }

    /// Adds a text known to be new, or whose repeats need not share a number.
    mutating func appendNew(_ text: String) -> UInt32 {
        let number = UInt32(truncatingIfNeeded: texts.count)
        texts.append(text)
        let key = ExactText(text)
        if numbers[key] == nil { numbers[key] = number }
        return number
    }
}

/// A string compared and hashed by its UTF-8 bytes.
struct ExactText: Hashable, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: ExactText, b: ExactText) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}

/// A decimal compared by its digits and exponent as written (1.0 and 1 differ).
struct DecimalKey: Hashable, Sendable {
    let mantissa: Int128
    let exponent: Int
    init(_ value: ExactDecimal) { mantissa = value.mantissa; exponent = value.exponent }
}
