import Foundation

/// Why a DEFLATE stream (RFC 1951) cannot be decompressed.
package enum InflateError: Error, Equatable, Sendable {
    /// The stream ends before its last block does.
    case truncated
    /// Block type 3, which RFC 1951 reserves.
    case badBlockType
    /// A stored block whose length and its complement disagree.
    case badStoredLength
    /// Code lengths that do not make a prefix code (over-subscribed, or a repeat with nothing
    /// to repeat or past the end).
    case badCodeLengths
    /// A code that is not in the table, or a length or distance symbol that does not exist.
    case badSymbol
    /// A distance reaching back before the start of the output.
    case distanceTooFar
}

/// A streaming DEFLATE decompressor: the compressed bytes are given whole, the output comes
/// out a chunk at a time (at most ``chunkBytes`` + 258 per ``read(into:)``), so what is kept is the
/// 32 KiB window and one chunk, however large the output.
///
/// Decoding is table-driven: a code is looked up by its first 10 (lengths and literals) or 8
/// (distances) bits, longer codes through a second table. This file holds the package's only
/// unsafe byte handling for archives; its interface is safe.
package final class Inflater {
    /// Output bytes made per ``read(into:)``, give or take the last match (at most 258 more).
    package static let chunkBytes = 256 << 10
    private static let window = 32 << 10
    /// Room kept free at the end of the output buffer: a longest match plus an overcopy.
    private static let slack = 258 + 16

    private let input: [UInt8]
    private var inPos: Int
    private let inEnd: Int
    private var bitbuf: UInt64 = 0
    private var bitcount = 0
    /// Zero bytes added past the end of the input (a truncated stream is found by them).
    private var padded = 0

    private let out: UnsafeMutablePointer<UInt8>
    private let outCapacity: Int
    private var outPos = 0
    /// All the bytes output so far.
    package private(set) var totalOut = 0

    private enum State { case header, stored(Int), huffman, done }
    private var state = State.header
    private var last = false

    private static let litlenBits = 10
    private static let distBits = 8
    private let litlen: UnsafeMutablePointer<UInt32>
    private let dist: UnsafeMutablePointer<UInt32>
    private static let litlenCapacity = (1 << 10) + 288 * 32
    private static let distCapacity = (1 << 8) + 32 * 128

    /// Decompresses `input[range]`.
    package init(_ input: [UInt8], range: Range<Int>? = nil) {
        // A non-empty array, so that its bytes always have an address.
        self.input = input.isEmpty ? [0] : input
        let range = input.isEmpty ? 0..<0 : range ?? 0..<input.count
        inPos = max(0, min(range.lowerBound, input.count))
        inEnd = max(inPos, min(range.upperBound, input.count))
        outCapacity = Inflater.window + Inflater.chunkBytes + Inflater.slack
        out = .allocate(capacity: outCapacity)
        litlen = .allocate(capacity: Inflater.litlenCapacity)
        dist = .allocate(capacity: Inflater.distCapacity)
    }

    deinit {
        out.deallocate()
        litlen.deallocate()
        dist.deallocate()
    }

    /// Whether the last block has been decoded.
    package var finished: Bool {
        if case .done = state { return true }
        return false
    }

    /// Compressed bytes read so far (those after the stream's end are not).
    package var inputConsumed: Int { inPos - padded - bitcount / 8 }

    /// Replaces `chunk` with the next output bytes; false (and `chunk` empty) after the end.
    package func read(into chunk: inout [UInt8]) throws(InflateError) -> Bool {
        chunk.removeAll(keepingCapacity: true)
        if finished { return false }
        // Keep the last 32 KiB as the window.
        if outPos > Inflater.window {
            let keep = Inflater.window
            memmove(out, out + (outPos - keep), keep)
            outPos = keep
        }
        let start = outPos
        let limit = min(outCapacity - Inflater.slack, start + Inflater.chunkBytes)
        try input.withUnsafeBufferPointer { buffer throws(InflateError) in
            guard let base = buffer.baseAddress else { throw .truncated }
            try run(base, limit: limit)
        }
        if bitcount < padded * 8 { throw .truncated }
        let made = outPos - start
        totalOut += made
        chunk.append(contentsOf: UnsafeBufferPointer(start: out + start, count: made))
        return made > 0 || !finished
    }

    // MARK: Bits

    @inline(__always)
    private func refill(_ p: UnsafePointer<UInt8>) {
        if inPos + 8 <= inEnd {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + inPos).loadUnaligned(as: UInt64.self))
            bitbuf |= word << UInt64(bitcount)
            inPos += (63 - bitcount) >> 3
            bitcount |= 56
            return
        }
        slowRefill(p)
    }

    private func slowRefill(_ p: UnsafePointer<UInt8>) {
        bitbuf &= bitcount == 0 ? 0 : (UInt64.max >> UInt64(64 - bitcount))
        while bitcount <= 56 {
            if inPos < inEnd {
                bitbuf |= UInt64(p[inPos]) << UInt64(bitcount)
                inPos += 1
            } else {
                padded += 1
            }
            bitcount += 8
        }
    }

    @inline(__always)
    private func bits(_ n: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: bitbuf & ((1 << UInt64(n)) - 1))
    }

    @inline(__always)
    private func drop(_ n: Int) {
        bitbuf >>= UInt64(n)
        bitcount -= n
    }

    /// `n` bits (n ≤ 32), refilling first.
    private func take(_ p: UnsafePointer<UInt8>, _ n: Int) throws(InflateError) -> Int {
        if bitcount < n { refill(p) }
        if padded > 8 { throw .truncated }
        let value = Int(bits(n))
        drop(n)
        return value
    }

    // MARK: Blocks

    private func run(_ p: UnsafePointer<UInt8>, limit: Int) throws(InflateError) {
        while outPos < limit {
            switch state {
            case .done:
                return
            case .header:
                if last {
                    state = .done
                    return
                }
                last = try take(p, 1) == 1
                switch try take(p, 2) {
                case 0:
                    // To a byte boundary, then the bytes held in the bit buffer go back.
                    drop(bitcount & 7)
                    let held = bitcount / 8 - padded
                    if held < 0 { throw .truncated }
                    inPos -= held
                    bitbuf = 0
                    bitcount = 0
                    padded = 0
                    guard inEnd - inPos >= 4 else { throw .truncated }
                    let length = Int(p[inPos]) | Int(p[inPos + 1]) << 8
                    let complement = Int(p[inPos + 2]) | Int(p[inPos + 3]) << 8
                    guard length ^ complement == 0xFFFF else { throw .badStoredLength }
                    inPos += 4
                    state = .stored(length)
                case 1:
                    buildFixed()
                    state = .huffman
                case 2:
                    try readDynamicTables(p)
                    state = .huffman
                default:
                    throw .badBlockType
                }
            case .stored(let left):
                let count = min(left, limit - outPos, inEnd - inPos)
                if count == 0 && left > 0 { throw .truncated }
                (out + outPos).update(from: p + inPos, count: count)
                outPos += count
                inPos += count
                state = left - count == 0 ? .header : .stored(left - count)
            case .huffman:
                if try decode(p, limit: limit) { state = .header }
            }
        }
    }

    /// Decodes symbols until the block ends (true) or the output reaches `limit` (false).
    ///
    /// The bit buffer, the input and output positions are kept in locals for the loop (stored
    /// back on every way out); the refill near the end of the input goes through ``slowRefill(_:)``.
    private func decode(_ p: UnsafePointer<UInt8>, limit: Int) throws(InflateError) -> Bool {
        let litlen = self.litlen, dist = self.dist, out = self.out, inEnd = self.inEnd
        let litMask = UInt64((1 << Inflater.litlenBits) - 1)
        let distMask = UInt64((1 << Inflater.distBits) - 1)
        var pos = outPos
        var bitbuf = self.bitbuf, bitcount = self.bitcount, inPos = self.inPos
        defer {
            outPos = pos
            self.bitbuf = bitbuf
            self.bitcount = bitcount
            self.inPos = inPos
        }
        while pos < limit {
            // At least 56 bits: a length and a distance with their extra bits need 48.
            if inPos + 8 <= inEnd {
                let word = UInt64(littleEndian: UnsafeRawPointer(p + inPos).loadUnaligned(as: UInt64.self))
                bitbuf |= word << UInt64(bitcount)
                inPos += (63 - bitcount) >> 3
                bitcount |= 56
            } else {
                self.bitbuf = bitbuf
                self.bitcount = bitcount
                self.inPos = inPos
                slowRefill(p)
                bitbuf = self.bitbuf
                bitcount = self.bitcount
                inPos = self.inPos
                if padded > 8 { throw .truncated }
            }
            var entry = litlen[Int(bitbuf & litMask)]
            if entry & 0x2000 != 0 {
                bitbuf >>= UInt64(Inflater.litlenBits)
                bitcount -= Inflater.litlenBits
                let sub = UInt64((entry >> 8) & 0x0F)
                entry = litlen[Int(entry >> 16) + Int(bitbuf & ((1 << sub) - 1))]
            }
            let used = UInt64(entry & 0xFF)
            bitbuf >>= used
            bitcount -= Int(used)
            let tag = (entry >> 8) & 0xFF
            if tag == 0x80 {
                out[pos] = UInt8(truncatingIfNeeded: entry >> 16)
                pos += 1
                continue
            }
            if tag >= 0x10 {
                if tag == 0x40 { return true }
                throw .badSymbol
            }
            let extra = UInt64(tag)
            let length = Int(entry >> 16) + Int(bitbuf & ((1 << extra) - 1))
            bitbuf >>= extra
            bitcount -= Int(extra)
            var dEntry = dist[Int(bitbuf & distMask)]
            if dEntry & 0x2000 != 0 {
                bitbuf >>= UInt64(Inflater.distBits)
                bitcount -= Inflater.distBits
                let sub = UInt64((dEntry >> 8) & 0x0F)
                dEntry = dist[Int(dEntry >> 16) + Int(bitbuf & ((1 << sub) - 1))]
            }
            let dUsed = UInt64(dEntry & 0xFF)
            bitbuf >>= dUsed
            bitcount -= Int(dUsed)
            let dTag = UInt64((dEntry >> 8) & 0xFF)
            if dTag >= 0x10 { throw .badSymbol }
            let distance = Int(dEntry >> 16) + Int(bitbuf & ((1 << dTag) - 1))
            bitbuf >>= dTag
            bitcount -= Int(dTag)
            if bitcount < 0 { throw .truncated }
            guard distance <= pos else { throw .distanceTooFar }
            var src = pos - distance
            var dst = pos
            let end = pos + length
            if distance >= 8 {
                let raw = UnsafeMutableRawPointer(out)
                while dst < end {
                    raw.storeBytes(of: raw.loadUnaligned(fromByteOffset: src, as: UInt64.self), toByteOffset: dst, as: UInt64.self)
                    src += 8
                    dst += 8
                }
            } else if distance == 1 {
                (out + dst).update(repeating: out[src], count: length)
            } else {
                while dst < end {
                    out[dst] = out[src]
                    dst += 1
                    src += 1
                }
            }
            pos = end
        }
        return false
    }

    // MARK: Tables

    private static let lengthBase: [UInt32] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                               35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                                3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distBase: [UInt32] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                             257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                             8193, 12289, 16385, 24577]
    private static let distExtra: [UInt32] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                              7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The table entry for literal/length symbol `symbol`: literal, end of block, length, or invalid.
    private static func litlenEntry(_ symbol: Int) -> UInt32 {
        if symbol < 256 { return UInt32(symbol) << 16 | 0x80 << 8 }
        if symbol == 256 { return 0x40 << 8 }
        if symbol <= 285 { return lengthBase[symbol - 257] << 16 | lengthExtra[symbol - 257] << 8 }
        return 0x10 << 8
    }

    private static func distEntry(_ symbol: Int) -> UInt32 {
        symbol < 30 ? distBase[symbol] << 16 | distExtra[symbol] << 8 : 0x10 << 8
    }

    /// Fills `table` for the canonical code of `lengths`: entries hold the bits a code uses
    /// (low byte), a tag (next byte) and a value (high half); codes longer than `rootBits` go
    /// through a second-level table the root entry points to (tag 0x20 | its bits). Unused
    /// entries are invalid (tag 0x10).
    private static func build(_ table: UnsafeMutablePointer<UInt32>, capacity: Int, rootBits: Int,
                              lengths: [UInt8], entry: (Int) -> UInt32) throws(InflateError) {
        var count = [Int](repeating: 0, count: 16)
        for length in lengths { count[Int(length)] += 1 }
        count[0] = 0
        var left = 1
        for length in 1...15 {
            left = left << 1 - count[length]
            if left < 0 { throw .badCodeLengths }
        }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + count[length - 1]) << 1
            next[length] = code
        }
        let rootSize = 1 << rootBits
        table.update(repeating: 0x10 << 8, count: rootSize)
        // The reversed code of each symbol (DEFLATE sends codes from their first bit).
        var reversed = [Int](repeating: 0, count: lengths.count)
        var longest = [Int](repeating: 0, count: rootSize)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let n = Int(length)
            var c = next[n]
            next[n] += 1
            var r = 0
            for _ in 0..<n { r = r << 1 | c & 1; c >>= 1 }
            reversed[symbol] = r
            if n > rootBits { longest[r & (rootSize - 1)] = max(longest[r & (rootSize - 1)], n) }
        }
        var used = rootSize
        for prefix in 0..<rootSize where longest[prefix] > 0 {
            let subBits = longest[prefix] - rootBits
            guard used + (1 << subBits) <= capacity else { throw .badCodeLengths }
            table[prefix] = UInt32(used) << 16 | UInt32(0x20 | subBits) << 8 | UInt32(rootBits)
            (table + used).update(repeating: 0x10 << 8, count: 1 << subBits)
            used += 1 << subBits
        }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let n = Int(length)
            let r = reversed[symbol]
            let value = entry(symbol)
            if n <= rootBits {
                var i = r
                while i < rootSize {
                    table[i] = value | UInt32(n)
                    i += 1 << n
                }
            } else {
                let root = table[r & (rootSize - 1)]
                let base = Int(root >> 16), subBits = Int((root >> 8) & 0x0F)
                var i = r >> rootBits
                while i < 1 << subBits {
                    table[base + i] = value | UInt32(n - rootBits)
                    i += 1 << (n - rootBits)
                }
            }
        }
    }

    private func buildFixed() {
        let lengths: [UInt8] = {
            var lengths = [UInt8](repeating: 8, count: 288)
            for i in 144..<256 { lengths[i] = 9 }
            for i in 256..<280 { lengths[i] = 7 }
            return lengths
        }()
        // The fixed codes always make valid tables.
        try? Inflater.build(litlen, capacity: Inflater.litlenCapacity, rootBits: Inflater.litlenBits,
                            lengths: lengths, entry: Inflater.litlenEntry)
        try? Inflater.build(dist, capacity: Inflater.distCapacity, rootBits: Inflater.distBits,
                            lengths: [UInt8](repeating: 5, count: 32), entry: Inflater.distEntry)
    }

    private func readDynamicTables(_ p: UnsafePointer<UInt8>) throws(InflateError) {
        let literals = try take(p, 5) + 257
        let distances = try take(p, 5) + 1
        let codeLengthCount = try take(p, 4) + 4
        guard literals <= 286, distances <= 30 else { throw .badCodeLengths }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount {
            codeLengthLengths[Inflater.codeLengthOrder[i]] = UInt8(try take(p, 3))
        }
        // The code-length code is decoded through the distance table's storage (7-bit codes).
        try Inflater.build(dist, capacity: Inflater.distCapacity, rootBits: 7, lengths: codeLengthLengths) {
            UInt32($0) << 16
        }
        var lengths = [UInt8](repeating: 0, count: literals + distances)
        var i = 0
        while i < lengths.count {
            if bitcount < 16 { refill(p) }
            if padded > 8 { throw .truncated }
            let entry = dist[Int(bits(7))]
            if entry & 0x1000 != 0 { throw .badCodeLengths }
            drop(Int(entry & 0xFF))
            let symbol = Int(entry >> 16)
            switch symbol {
            case 0...15:
                lengths[i] = UInt8(symbol)
                i += 1
            case 16:
                guard i > 0 else { throw .badCodeLengths }
                let repeatCount = 3 + Int(bits(2))
                drop(2)
                guard i + repeatCount <= lengths.count else { throw .badCodeLengths }
                for j in i..<(i + repeatCount) { lengths[j] = lengths[i - 1] }
                i += repeatCount
            default:
                let extra = symbol == 17 ? 3 : 7
                let repeatCount = (symbol == 17 ? 3 : 11) + Int(bits(extra))
                drop(extra)
                guard i + repeatCount <= lengths.count else { throw .badCodeLengths }
                i += repeatCount
            }
        }
        if bitcount < 0 { throw .truncated }
        guard lengths[256] > 0 else { throw .badCodeLengths }
        try Inflater.build(litlen, capacity: Inflater.litlenCapacity, rootBits: Inflater.litlenBits,
                           lengths: Array(lengths[0..<literals]), entry: Inflater.litlenEntry)
        try Inflater.build(dist, capacity: Inflater.distCapacity, rootBits: Inflater.distBits,
                           lengths: Array(lengths[literals...]), entry: Inflater.distEntry)
    }
}
