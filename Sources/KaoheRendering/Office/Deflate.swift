/// DEFLATE compression (RFC 1951) for the ZIP entries of a workbook or document: one block
/// with the fixed Huffman codes, and LZ77 matches of 3 to 258 bytes found through hash chains in
/// a 32 KiB window. Office XML repeats itself so much that this makes a part about a tenth of
/// its size; the output depends only on the input.
enum Deflate {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, count: 1)      // BFINAL: the only block
        out.write(1, count: 2)      // BTYPE 01: fixed Huffman codes
        let count = input.count
        let windowSize = 1 << 15, windowMask = windowSize - 1
        let hashSize = 1 << 15
        var head = [Int32](repeating: -1, count: hashSize)
        var previous = [Int32](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            (Int(input[i]) << 10 ^ Int(input[i + 1]) << 5 ^ Int(input[i + 2])) & (hashSize - 1)
        }
        func insert(_ i: Int) {
            guard i + 2 < count else { return }
            let h = hash(i)
            previous[i & windowMask] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < count {
            var bestLength = 0, bestDistance = 0
            if i + 2 < count {
                var candidate = Int(head[hash(i)])
                var steps = 0
                let limit = min(258, count - i)
                while candidate >= 0, i - candidate <= windowSize - 1, steps < 64 {
                    if input[candidate + bestLength] == input[i + bestLength] || bestLength == 0 {
                        var length = 0
                        while length < limit, input[candidate + length] == input[i + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = i - candidate
                            if length == limit { break }
                        }
                    }
                    let next = Int(previous[candidate & windowMask])
                    if next >= candidate { break }
                    candidate = next
                    steps += 1
                }
            }
            if bestLength >= 3 {
                writeLength(bestLength, into: &out)
                writeDistance(bestDistance, into: &out)
                for j in i..<(i + bestLength) { insert(j) }
                i += bestLength
            } else {
                writeLiteral(Int(input[i]), into: &out)
                insert(i)
                i += 1
            }
        }
        writeLiteral(256, into: &out)   // end of block
        return out.finished()
    }

    /// The fixed literal/length code of `symbol` (RFC 1951 §3.2.6).
    static func writeLiteral(_ symbol: Int, into out: inout BitWriter) {
        switch symbol {
        case 0...143: out.writeCode(0x30 + symbol, count: 8)
        case 144...255: out.writeCode(0x190 + symbol - 144, count: 9)
        case 256...279: out.writeCode(symbol - 256, count: 7)
        default: out.writeCode(0xC0 + symbol - 280, count: 8)
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
                             163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func writeLength(_ length: Int, into out: inout BitWriter) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(257 + code, into: &out)
        out.write(UInt32(length - lengthBase[code]), count: lengthExtra[code])
    }

    static func writeDistance(_ distance: Int, into out: inout BitWriter) {
        var code = distanceBase.count - 1
        while distanceBase[code] > distance { code -= 1 }
        out.writeCode(code, count: 5)
        out.write(UInt32(distance - distanceBase[code]), count: distanceExtra[code])
    }
}

/// Bits packed least significant first, as DEFLATE stores them.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var used = 0

    /// The low `count` bits of `value`, least significant first (extra bits, headers).
    mutating func write(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        buffer |= (value & ((1 << UInt32(count)) - 1)) << UInt32(used)
        used += count
        while used >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            used -= 8
        }
    }

    /// A Huffman code of `count` bits, most significant bit first.
    mutating func writeCode(_ code: Int, count: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<count { reversed |= UInt32((code >> bit) & 1) << UInt32(count - 1 - bit) }
        write(reversed, count: count)
    }

    func finished() -> [UInt8] {
        used > 0 ? bytes + [UInt8(buffer & 0xFF)] : bytes
    }
}
