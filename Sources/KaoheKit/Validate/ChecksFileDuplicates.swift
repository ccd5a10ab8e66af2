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
