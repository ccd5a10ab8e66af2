/// UTF-8 validation of raw bytes: the one validator behind ``TextDecoding``, ``CSVStream`` and
/// the check-log reader, and the one count of the line a bad byte is on.
package enum UTF8Validation {
    /// Offset of the first byte in `start..<end` that is not part of a well-formed UTF-8
    /// sequence ending before `end`, or nil when the range is valid UTF-8.
    package static func firstInvalid(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            // Eight ASCII bytes at a time.
            while i + 8 <= end {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < end else { return nil }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            var need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            var j = i + 1
            while need > 0 {
                guard j < end else { return i }
                let b = p[j]
                guard b >= lower && b <= upper else { return i }
                lower = 0x80; upper = 0xBF
                need -= 1
                j += 1
            }
            i = j
        }
        return nil
    }

    /// Offset (from the slice's start) of the first byte that is not part of a well-formed
    /// UTF-8 sequence, or nil when the whole slice is valid.
    package static func firstInvalid(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { firstInvalid($0, from: 0, to: buffer.count) }
        }
    }

    /// What ``check(_:from:to:final:)`` found.
    package enum Check: Equatable {
        /// The bytes are UTF-8.
        case valid
        /// The bytes are UTF-8 up to `at`, where a sequence starts that the end cuts: more
        /// bytes may complete it.
        case cut(at: Int)
        /// The byte at `at` breaks UTF-8.
        case invalid(at: Int)
    }

    /// Checks bytes `start..<end` of a text read in pieces: unless `final` (the end of the
    /// text), a sequence cut by `end` is left for the next piece.
    package static func check(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, final: Bool) -> Check {
        guard let bad = firstInvalid(p, from: start, to: end) else { return .valid }
        if !final && end - bad < 4 && isIncompletePrefix(p + bad, count: end - bad) { return .cut(at: bad) }
        return .invalid(at: bad)
    }

    /// Whether the bytes are the start of a UTF-8 sequence that more bytes could complete.
    static func isIncompletePrefix(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        let b0 = p[0]
        let need: Int
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return false
        }
        guard count <= need else { return false }
        var i = 1
        while i < count {
            if p[i] & 0xC0 != 0x80 { return false }
            i += 1
        }
        return true
    }

    /// 1-based line (counting LF, CRLF and lone CR endings) of the first byte read from
    /// `source` that breaks UTF-8; when there is none, the line after the last byte. The
    /// source is read `blockBytes` at a time.
    package static func lineOfFirstInvalid(in source: CSVByteSource, blockBytes: Int = 1 << 20) -> Int {
        firstInvalid(in: source, blockBytes: blockBytes).line
    }

    /// Where the first byte that breaks UTF-8 is (as ``lineOfFirstInvalid(in:blockBytes:)``), and
    /// whether a UTF-8 sequence of three or four bytes (Chinese text is written so) comes before
    /// it: then the file is UTF-8 with a few lines in another encoding, not a GB18030 file.
    package static func firstInvalid(in source: CSVByteSource, blockBytes: Int = 1 << 20) -> (line: Int, afterWideUTF8: Bool) {
        var wide = false
        let block = max(4, blockBytes)
        // Room for a sequence cut by the previous block in front of a whole block.
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block + 4)
        defer { buffer.deallocate() }
        var line = 1
        var afterCR = false
        var carry = 0
        while true {
            let got = source.read(into: buffer + carry, count: block)
            let end = carry + got
            let limit: Int
            var bad = false
            switch check(buffer, from: 0, to: end, final: got == 0) {
            case .valid: limit = end; carry = 0
            case .cut(let at): limit = at; carry = end - at
            case .invalid(let at): limit = at; bad = true
            }
            var i = 0
            while i < limit {
                let byte = buffer[i]
                // Bytes before `limit` are valid UTF-8: one from 0xE0 up leads a 3- or 4-byte sequence.
                if byte >= 0xE0 { wide = true }
                if byte == 0x0A {
                    if !afterCR { line += 1 }
                    afterCR = false
                } else if byte == 0x0D {
                    line += 1
                    afterCR = true
                } else {
                    afterCR = false
                }
                i += 1
            }
            if bad || got == 0 { return (line, wide) }
            if carry > 0 { buffer.update(from: buffer + limit, count: carry) }
        }
    }
}
