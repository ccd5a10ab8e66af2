extension FailureLog {
    /// Builds a ``FailureLog`` a record at a time, for the check-log reader: the record layout
    /// stays the log's own; the reader gives numbers into the log's tables and gets back whether
    /// they fit a record (when not, it appends the check as a ``Failure``).
    package struct Builder: Sendable {
        /// The log built so far.
        package private(set) var log: FailureLog

        package init() { log = FailureLog() }

        /// A log whose unit and item tables are these ids, in this order (a record's unit and item
        /// numbers are positions in them); record days count from day number `base`.
        package init(unitIDs: [String], itemIDs: [String], file: String, base: Int) {
            log = FailureLog(unitIDs: unitIDs, itemIDs: itemIDs, file: file, base: base)
        }

        package var count: Int { log.count }

        /// Adds a note text without looking for an equal one; its number.
        package mutating func addNote(_ text: String) -> UInt32 { log.addNote(text) }

        /// The number of a deduction in the log's table (added if new); nil when the table is full.
        package mutating func deductionNumber(_ value: ExactDecimal) -> UInt16? {
            let number = log.deductionNumber(value)
            return number == FailureLog.inExtras ? nil : number
        }

        /// Appends a failed check as a record: `day` counts from the log's base, `rectified` from
        /// the check's day. False (nothing appended) when a value does not fit a record.
        @inline(__always)
        package mutating func appendRecord(line: Int, unit: Int, item: Int, day: Int, rectified: Int?,
                                           deduction: UInt16, note: UInt32) -> Bool {
            guard line >= 0, line < Int(UInt32.max), unit >= 0, unit < Int(UInt32.max),
                  item >= 0, item < Int(FailureLog.inExtras), deduction != FailureLog.inExtras,
                  day >= 0, day < Int(FailureLog.inExtras) else { return false }
            if let rectified, rectified <= Int(FailureLog.rectifiedInExtras) || rectified > Int(Int16.max) { return false }
            log.append(record: Record(
                line: UInt32(truncatingIfNeeded: line), unit: UInt32(truncatingIfNeeded: unit), note: note,
                day: UInt16(truncatingIfNeeded: day),
                rectified: rectified.map { Int16(truncatingIfNeeded: $0) } ?? FailureLog.notRectified,
                item: UInt16(truncatingIfNeeded: item), deduction: deduction))
            return true
        }

        /// Appends a failed check whose values do not fit a record.
        package mutating func append(_ failure: Failure) { log.append(failure) }

        /// Adds `shift` to every line number (a log read from the second half of a file).
        package mutating func shiftLines(by shift: Int) { log.shiftLines(by: shift) }

        /// Appends another builder's log (the second half of a file); `other` is used up.
        package mutating func append(_ other: inout Builder) {
            log.append(log: &other.log)
            other = Builder()
        }

        /// The finished log; the builder is left empty.
        package mutating func finish() -> FailureLog {
            var done = FailureLog()
            swap(&done, &log)
            return done
        }
    }
}
