import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
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

    /// Finding rows that repeat an earlier row exactly (docs/data-files.md).
    enum Duplicates {
        /// Failed checks that repeat an earlier one: same date, unit, item, written deduction
        /// (or none), note and rectified date. `explicit[i]`: failure `i` had its deduction
        /// written. Each failure's fingerprint is worked out from its record when needed, so
        /// finding repeats takes four bytes per table slot and none per failure.
        static func failures(_ failures: FailureLog, explicit: [Bool]) -> [(line: Int, first: Int)] {
            guard failures.count > 1 else { return [] }
            let unitHashes = failures.unitIDs.map(\.hashValue)
            let itemHashes = failures.itemIDs.map(\.hashValue)
            let noteHashes = failures.noteTexts.map(\.hashValue)
            let deductionHashes = failures.deductions.map(\.hashValue)
            func fingerprint(_ i: Int) -> UInt64 {
                var h = Mix.start
                let record = failures.record(at: i)
                if let day = failures.dayNumber(of: record), failures.extras.isEmpty || failures.extras[i] == nil {
                    h = Mix.add(h, day)
                    h = Mix.add(h, unitHashes[Int(record.unit)])
                    h = Mix.add(h, itemHashes[Int(record.item)])
                    h = Mix.add(h, deductionHashes[Int(record.deduction)])
                    h = Mix.add(h, noteHashes[Int(record.note)])
                    h = Mix.add(h, record.rectified == FailureLog.notRectified ? Int.min : day + Int(record.rectified))
                } else {
                    let failure = failures[i]
                    h = Mix.add(h, failure.date.dayNumber)
                    h = Mix.add(h, failure.unit.hashValue)
                    h = Mix.add(h, failure.item.hashValue)
                    h = Mix.add(h, failure.deduction.hashValue)
                    h = Mix.add(h, failure.note.hashValue)
                    h = Mix.add(h, failure.rectified?.dayNumber ?? Int.min)
                }
                return Mix.add(h, explicit[i] ? 1 : 0)
            }
            var capacity = 16
            while capacity < failures.count + failures.count / 2 { capacity *= 2 }
            let mask = capacity - 1
            var slots = [Int32](repeating: -1, count: capacity)
            var found: [(line: Int, first: Int)] = []
            for i in failures.indices {
                let print = fingerprint(i)
                var slot = Int(truncatingIfNeeded: print) & mask
                var original = -1
                while slots[slot] >= 0 {
                    let j = Int(slots[slot])
                    if explicit[j] == explicit[i] && fingerprint(j) == print && same(failures[i], failures[j]) {
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
