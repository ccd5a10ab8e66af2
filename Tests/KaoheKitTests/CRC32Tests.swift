import Testing
@testable import KaoheInput
@testable import KaoheModel
@testable import KaoheRendering

@Suite struct CRC32Tests {
    @Test func knownValues() {
        // The check value of the CRC-32 catalogue, and values zlib's crc32() gives.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func sliceByEightMatchesBytewiseAtEveryLengthAndSplit() {
        var bytes: [UInt8] = []
        var seed: UInt32 = 12345
        for _ in 0..<300 { seed = seed &* 1_103_515_245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: seed >> 16)) }
        func bytewise(_ data: ArraySlice<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in data {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return crc ^ 0xFFFF_FFFF
        }
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 300] {
            let data = bytes[0..<length]
            #expect(CRC32.checksum(data) == bytewise(data))
            for split in [0, 3, length / 2, length] where split <= length {
                var crc = CRC32()
                crc.update(bytes[0..<split])
                crc.update(bytes[split..<length])
                #expect(crc.value == bytewise(data))
            }
        }
    }
}

/// The byte escaper of JSON strings writes what the text one writes.
@Suite struct JSONStringBytesTests {
    @Test func bytesMatchTheTextEscaping() {
        let samples = ["", "plain", "青石镇", "quote \" and \\ backslash", "line\nbreak\r\ttab", "\u{01}\u{1F}\u{7F}",
                       "sep\u{2028}par\u{2029}end", "\u{E2}", "emoji 🎉 \u{2027}\u{202A}", String(repeating: "长", count: 300)]
        for sample in samples {
            var text = ""
            JSONString.append(sample, to: &text)
            var bytes: [UInt8] = []
            JSONString.append(sample, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == text, "\(sample.debugDescription)")
        }
    }
}

/// A JSON value written in chunks, and a lazy array, give the bytes written whole.
@Suite struct JSONStreamTests {
    @Test func chunksAndLazyArraysWriteTheSameBytes() {
        let units = (0..<40).map { i in
            JSONValue.object([("id", .string("U\(i)")), ("scores", .array([.number(ExactDecimal(i)), .null, .bool(i % 2 == 0)])),
                              ("note", .string("第\(i)行 \"引号\"\n"))])
        }
        let eager = JSONValue.object([("units", .array(units)), ("empty", .array([])), ("n", .int(3))])
        let lazy = JSONValue.object([("units", .lazy(.init(count: units.count) { units[$0] })),
                                     ("empty", .lazy(.init(count: 0) { _ in .null })), ("n", .int(3))])
        #expect(lazy.bytes() == eager.bytes())
        #expect(lazy.bytes(indent: false) == eager.bytes(indent: false))
        let scalars = JSONValue.lazy(.init(count: 3, scalars: true) { .int($0) })
        #expect(scalars.serialized() == JSONValue.array([.int(0), .int(1), .int(2)]).serialized())
        for chunk in [1, 7, 64, 1 << 20] {
            var out: [UInt8] = []
            var calls = 0
            let ok = lazy.stream(chunk: chunk) { out.append(contentsOf: $0); calls += 1; return true }
            #expect(ok && out == eager.bytes())
            if chunk == 1 { #expect(calls > 40) }
        }
        // A sink that refuses stops the writing.
        var calls = 0
        #expect(!lazy.stream(chunk: 1) { _ in calls += 1; return false })
        #expect(calls == 1)
    }
}
