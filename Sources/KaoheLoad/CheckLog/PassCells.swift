import KaoheModel
import KaoheInput
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ChecksFile {
    /// Per unit, one word: bit `w` marks ISO week `w` of the year as having a record.
    final class UnitBits: @unchecked Sendable {
        let bits: UnsafeMutablePointer<UInt64>

        init(units: Int) {
            let count = max(1, units)
            bits = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            bits.initialize(repeating: 0, count: count)
        }

        deinit { bits.deallocate() }
    }

    /// The days each unit had a passed check without a note, per item (and without an item),
    /// shared by the readers of a file: one bit per unit, item (or none) and day. A bit is set
    /// atomically, and a reader that finds it set already has met a repeated row.
    ///
    /// Checks without an item take six words per unit (64 days a word). Checks of an item take
    /// a region of their own: when the items fit in a word, a word holds all of them for a few
    /// days, so that a check logged item by item sets one word (one atomic operation for its
    /// rows); otherwise a day takes as many words as it needs. The words are mapped from the
    /// system without reserving memory, so the item region of a log without items takes none.
    final class PassCells: @unchecked Sendable {
        private var words: UnsafeMutablePointer<Atomic<UInt64>>?
        private let byteCount: Int
        /// Words of the checks without an item (they come first).
        private let plainWords: Int
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
            bitsPerDay = max(1, items)
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
            plainWords = max(1, units) * 6
            let (itemWords, overflow) = max(1, units).multipliedReportingOverflow(by: wordsPerUnit)
            let (count, overflow2) = (plainWords + (overflow ? 0 : itemWords)).multipliedReportingOverflow(by: 8)
            byteCount = overflow || overflow2 ? 0 : count
            var mapped: UnsafeMutablePointer<Atomic<UInt64>>?
            if byteCount > 0, let raw = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
               Int(bitPattern: raw) != -1 {
                // Zero-filled pages: every word reads as an atomic 0.
                mapped = raw.bindMemory(to: Atomic<UInt64>.self, capacity: byteCount / 8)
            }
            words = mapped
        }

        deinit { release() }

        /// Returns the words to the system (when no reader marks any more).
        func release() {
            if let words { munmap(UnsafeMutableRawPointer(words), byteCount) }
            words = nil
        }

        /// The word and bit of a passed check of `unit`, `item` (-1: none) on `day` (0-based).
        @inline(__always)
        func locate(unit: Int, item: Int, day: Int) -> (index: Int, bit: UInt64) {
            if item < 0 {
                return (unit * 6 + day >> 6, 1 << UInt64(day & 63))
            }
            if daysPerWord > 0 {
                return (plainWords + unit * wordsPerUnit + Int(dayWord[day]), 1 << UInt64(Int(dayShift[day]) + item))
            }
            return (plainWords + unit * wordsPerUnit + day * wordsPerDay + item >> 6, 1 << UInt64(item & 63))
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
}
