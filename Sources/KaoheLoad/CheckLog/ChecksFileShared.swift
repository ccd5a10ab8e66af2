import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
    /// What every reader of the file needs, built once from the header and the context.
    final class Shared: @unchecked Sendable {
        let path: String
        let name: String
        let context: ValidationContext
        let header: HeaderMap
        let fieldCount: Int
        /// Fields under a blank header cell (rows with data there take the full validation).
        let unnamed: [Int]
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
        /// Per unit (units.csv order): the item indices of its exempt categories, when it has any.
        let exemptItems: [Int: Set<Int>]
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
            unnamed = header.unnamed
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
            var exempt: [Int: Set<Int>] = [:]
            for (u, id) in unitIDs.enumerated() {
                guard let items = context.exemptItems[id] else { continue }
                let ids = itemIDs
                exempt[u] = Set(ids.indices.filter { items.contains(ids[$0]) })
            }
            exemptItems = exempt
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
}
