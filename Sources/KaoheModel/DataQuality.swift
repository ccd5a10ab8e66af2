/// How every input row was used, and the gaps in the check log (docs/data-files.md).
package struct DataQuality: Sendable, Hashable {
    /// Per input file, in the order read.
    package var files: [FileUsage]
    /// Unit ids with the ISO weeks of the year that have no check record.
    package var missingWeeks: [UnitWeeks]
    /// Unit ids with no check record at all.
    package var neverChecked: [String]
    /// Rows that repeat an earlier row exactly (the first ones, up to the diagnostics listed).
    package var duplicates: [DuplicateRow]
    /// How many rows repeat an earlier row, listed or not.
    package var duplicateCount = 0
    /// Columns that were not recognised and were ignored.
    package var ignoredColumns: [IgnoredColumn]
    /// What the deadline rules found in each register.
    package var registers: [RegisterSummary] = []

    package init(files: [FileUsage] = [], missingWeeks: [UnitWeeks] = [], neverChecked: [String] = [],
                duplicates: [DuplicateRow] = [], ignoredColumns: [IgnoredColumn] = []) {
        self.files = files; self.missingWeeks = missingWeeks; self.neverChecked = neverChecked
        self.duplicates = duplicates; self.ignoredColumns = ignoredColumns
    }
}

/// Rows read = rows used + rows rejected, for one file.
package struct FileUsage: Sendable, Hashable {
    package var file: String
    package var read: Int
    package var used: Int
    package var rejected: Int
    package init(file: String, read: Int, used: Int, rejected: Int) {
        self.file = file; self.read = read; self.used = used; self.rejected = rejected
    }
}

package struct UnitWeeks: Sendable, Hashable {
    package var unit: String
    /// ISO week numbers with no record.
    package var weeks: [Int]
    package init(unit: String, weeks: [Int]) { self.unit = unit; self.weeks = weeks }

    /// The weeks as ranges: `19-21, 36`.
    package var ranges: String {
        var parts: [String] = []
        var i = 0
        while i < weeks.count {
            var j = i
            while j + 1 < weeks.count && weeks[j + 1] == weeks[j] + 1 { j += 1 }
            parts.append(i == j ? "\(weeks[i])" : "\(weeks[i])-\(weeks[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}

package struct DuplicateRow: Sendable, Hashable {
    package var source: SourceRef
    /// The earlier line it repeats.
    package var firstLine: Int
    package init(source: SourceRef, firstLine: Int) { self.source = source; self.firstLine = firstLine }
}

package struct IgnoredColumn: Sendable, Hashable {
    package var file: String
    package var column: Int
    package var header: String
    package init(file: String, column: Int, header: String) {
        self.file = file; self.column = column; self.header = header
    }
}

/// Deadline checks of one register file: on time, late (a derived failed check) or pending.
package struct RegisterSummary: Sendable, Hashable {
    package var file: String
    /// Rule applications checked (a row may fall under several rules).
    package var checked: Int = 0
    package var onTime: Int = 0
    package var late: Int = 0
    /// Not done and not yet due by the end of the year, or late only after the year.
    package var pending: Int = 0
    package init(file: String) { self.file = file }
}
