/// How every input row was used, and the gaps in the check log (docs/data-files.md).
public struct DataQuality: Sendable, Hashable {
    /// Per input file, in the order read.
    public var files: [FileUsage]
    /// Unit ids with the ISO weeks of the year that have no check record.
    public var missingWeeks: [UnitWeeks]
    /// Unit ids with no check record at all.
    public var neverChecked: [String]
    /// Rows that repeat an earlier row exactly (the first ones, up to the diagnostics listed).
    public var duplicates: [DuplicateRow]
    /// How many rows repeat an earlier row, listed or not.
    public var duplicateCount = 0
    /// Columns that were not recognised and were ignored.
    public var ignoredColumns: [IgnoredColumn]
    /// What the deadline rules found in each register.
    public var registers: [RegisterSummary] = []

    public init(files: [FileUsage] = [], missingWeeks: [UnitWeeks] = [], neverChecked: [String] = [],
                duplicates: [DuplicateRow] = [], ignoredColumns: [IgnoredColumn] = []) {
        self.files = files; self.missingWeeks = missingWeeks; self.neverChecked = neverChecked
        self.duplicates = duplicates; self.ignoredColumns = ignoredColumns
    }
}

/// Rows read = rows used + rows rejected, for one file.
public struct FileUsage: Sendable, Hashable {
    public var file: String
    public var read: Int
    public var used: Int
    public var rejected: Int
    public init(file: String, read: Int, used: Int, rejected: Int) {
        self.file = file; self.read = read; self.used = used; self.rejected = rejected
    }
}

public struct UnitWeeks: Sendable, Hashable {
    public var unit: String
    /// ISO week numbers with no record.
    public var weeks: [Int]
    public init(unit: String, weeks: [Int]) { self.unit = unit; self.weeks = weeks }

    /// The weeks as ranges: `19-21, 36`.
    public var ranges: String {
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

public struct DuplicateRow: Sendable, Hashable {
    public var source: SourceRef
    /// The earlier line it repeats.
    public var firstLine: Int
    public init(source: SourceRef, firstLine: Int) { self.source = source; self.firstLine = firstLine }
}

public struct IgnoredColumn: Sendable, Hashable {
    public var file: String
    public var column: Int
    public var header: String
    public init(file: String, column: Int, header: String) {
        self.file = file; self.column = column; self.header = header
    }
}

/// Deadline checks of one register file: on time, late (a derived failed check) or pending.
public struct RegisterSummary: Sendable, Hashable {
    public var file: String
    /// Rule applications checked (a row may fall under several rules).
    public var checked: Int = 0
    public var onTime: Int = 0
    public var late: Int = 0
    /// Not done and not yet due by the end of the year, or late only after the year.
    public var pending: Int = 0
    public init(file: String) { self.file = file }
}
