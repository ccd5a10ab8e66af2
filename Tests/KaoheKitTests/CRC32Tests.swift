import Testing
@testable import KaoheInput
@testable import KaoheModel

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
