import KaoheModel
import KaoheInput
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings to a value, kept in open-addressed slots that hold a key's
/// first eight bytes, so that finding a short key reads one slot. Read-only once built when
/// shared between threads.
struct ByteKeyTable: @unchecked Sendable {
    struct Slot {
        /// The key's first eight bytes (zero-padded).
        var word: UInt64
        /// High 16 bits of the hash, and the key's length (capped at 0xFFFF).
        var meta: UInt32
        /// The value; -1 marks an empty slot.
        var value: Int32
        /// Where the whole key lies in the arena.
        var start: Int
        var length: Int
    }

    /// The slots; replaced whole when grown.
    final class Storage {
        let slots: UnsafeMutablePointer<Slot>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
            slots.initialize(repeating: Slot(word: 0, meta: 0, value: -1, start: 0, length: 0), count: capacity)
        }

        deinit { slots.deallocate() }
    }

    private var storage: Storage
    private let arena = ByteBuffer(capacity: 1024)
    private(set) var count = 0

    init(capacity: Int = 64) {
        storage = Storage(capacity: ByteKeyTable.slots(for: capacity))
    }

    /// Slots for `count` keys: a power of two, at most three quarters full.
    static func slots(for count: Int) -> Int {
        var slots = 16
        while slots * 3 < count * 4 { slots *= 2 }
        return slots
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
        guard let base = p.baseAddress else { return h }
        let n = p.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            h = (h ^ tail(base + i, n - i)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
        }
        return h
    }

    /// Up to eight bytes as a little-endian word.
    @inline(__always)
    static func tail(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for i in 0..<min(n, 8) {
            word |= UInt64(p[i]) << shift
            shift += 8
        }
        return word
    }

    @inline(__always)
    static func meta(_ h: UInt64, _ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: h >> 48) << 16 | UInt32(min(count, 0xFFFF))
    }

    /// The value for `key`, if present.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: ByteKeyTable.hash(key))
    }

    /// The value for `key`, whose ``hash(_:)`` is `h`.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        guard let base = key.baseAddress else { return nil }
        let meta = ByteKeyTable.meta(h, key.count)
        let word = ByteKeyTable.tail(base, key.count)
        let storage = self.storage
        let mask = storage.capacity - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = storage.slots[slot]
            if s.value < 0 { return nil }
            if s.meta == meta && s.word == word
                && (key.count <= 8 || (s.length == key.count && memcmp(arena.base + s.start, base, key.count) == 0)) {
                return s.value
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ text: String, value: Int32) -> (value: Int32, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert($0, value: value) }
    }

    /// Adds `key` with `value` unless present; returns the value in the table. Empty keys are
    /// not stored (no field looked up is empty).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        guard let base = key.baseAddress else { return (value, false) }
        if let found = find(key) { return (found, false) }
        if ByteKeyTable.slots(for: count + 1) > storage.capacity { grow() }
        let start = arena.count
        arena.reserve(key.count)
        (arena.base + start).update(from: base, count: key.count)
        arena.count += key.count
        let h = ByteKeyTable.hash(key)
        place(Slot(word: ByteKeyTable.tail(base, key.count), meta: ByteKeyTable.meta(h, key.count), value: value,
                   start: start, length: key.count), hash: h, in: storage)
        count += 1
        return (value, true)
    }

    private func place(_ slot: Slot, hash: UInt64, in storage: Storage) {
        let mask = storage.capacity - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while storage.slots[i].value >= 0 { i = (i + 1) & mask }
        storage.slots[i] = slot
    }

    private mutating func grow() {
        let old = storage
        let bigger = Storage(capacity: old.capacity * 2)
        for i in 0..<old.capacity where old.slots[i].value >= 0 {
            let slot = old.slots[i]
            place(slot, hash: ByteKeyTable.hash(UnsafeBufferPointer(start: arena.base + slot.start, count: slot.length)), in: bigger)
        }
        storage = bigger
    }
}
