import Foundation
import Testing
@testable import KaoheModel
@testable import KaoheInput
import KaoheTestSupport

@Suite struct EncodingDetectionTests {
    typealias Decision = EncodingDetection.Decision

    /// The decision, and how often the GB18030 question was asked.
    func decide(_ head: [UInt8], utf8: Bool, gb18030: Bool) -> (Decision, asked: Int) {
        var asked = 0
        let decision = EncodingDetection.decide(head: head, bodyIsUTF8: utf8) {
            asked += 1
            return gb18030
        }
        return (decision, asked)
    }

    @Test func theBodyStartsAfterAUTF8ByteOrderMark() {
        #expect(EncodingDetection.bodyOffset(head: [0xEF, 0xBB, 0xBF]) == 3)
        #expect(EncodingDetection.bodyOffset(head: [0xEF, 0xBB]) == 0)
        #expect(EncodingDetection.bodyOffset(head: [0xFF, 0xFE, 0x61]) == 0)
        #expect(EncodingDetection.bodyOffset(head: []) == 0)
    }

    @Test func aUTF8BodyIsUTF8WithOrWithoutAByteOrderMark() {
        for head: [UInt8] in [[], [0x61, 0x2C, 0x62], [0xEF, 0xBB, 0xBF]] {
            for gb18030 in [true, false] {
                let (decision, asked) = decide(head, utf8: true, gb18030: gb18030)
                #expect(decision == .utf8)
                #expect(asked == 0)
            }
        }
    }

    @Test func aUTF8ByteOrderMarkBeforeBytesThatAreNotUTF8IsAnError() {
        for gb18030 in [true, false] {
            let (decision, asked) = decide([0xEF, 0xBB, 0xBF], utf8: false, gb18030: gb18030)
            #expect(decision == .invalidUTF8AfterBOM)
            #expect(asked == 0)
        }
    }

    @Test func aUTF16ByteOrderMarkIsAnError() {
        for head: [UInt8] in [[0xFF, 0xFE, 0x61], [0xFE, 0xFF, 0x00], [0xFF, 0xFE]] {
            let (decision, asked) = decide(head, utf8: false, gb18030: true)
            #expect(decision == .utf16)
            #expect(asked == 0)
        }
    }

    @Test func otherwiseGB18030DecidesOnce() {
        for head: [UInt8] in [[0xD6, 0xD0, 0xCE], [0x61, 0xFF], [0xFF], [0xEF, 0xBB, 0x00]] {
            let read = decide(head, utf8: false, gb18030: true)
            #expect(read.0 == .gb18030)
            #expect(read.asked == 1)
            let unknown = decide(head, utf8: false, gb18030: false)
            #expect(unknown.0 == .unknown)
            #expect(unknown.asked == 1)
        }
    }

    @Test func eachDecisionHasItsEncodingAndDiagnostic() {
        let cases: [(Decision, TextEncoding?, code: String?, Diagnostic.Severity?, line: Int?)] = [
            (.utf8, .utf8, nil, nil, nil),
            (.gb18030, .gb18030, "encoding.gb18030", .warning, nil),
            (.invalidUTF8AfterBOM, nil, "encoding.invalid-utf8-after-bom", .error, 7),
            (.utf16, nil, "encoding.utf16", .error, nil),
            (.unknown, nil, "encoding.unknown", .error, 7),
        ]
        for (decision, encoding, code, severity, line) in cases {
            #expect(decision.encoding == encoding)
            var counted = 0
            let diagnostic = decision.diagnostic(file: "data/checks.csv") {
                counted += 1
                return 7
            }
            #expect(diagnostic?.code.rawValue == code)
            #expect(diagnostic?.severity == severity)
            #expect(diagnostic?.line == line)
            #expect(counted == (line == nil ? 0 : 1))
            if let diagnostic { #expect(diagnostic.file == "data/checks.csv") }
        }
        let unknown = Decision.unknown.diagnostic(file: "f") { 2 }
        #expect(unknown?.message.en == "the file is neither UTF-8 nor GB18030 (unreadable bytes from line 2); save it from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }
}

@Suite struct UTF8ValidationTests {
    /// The line of the first bad byte, counted over the whole text at once.
    func referenceLine(_ bytes: [UInt8]) -> Int {
        let end = UTF8Validation.firstInvalid(in: bytes[...]) ?? bytes.count
        var line = 1
        var i = 0
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D {
                line += 1
                if i + 1 < end, bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return line
    }

    /// The first bad byte is where the standard library's validation first fails: the bytes
    /// before it are UTF-8, and no text that ends after it is.
    @Test func theFirstBadByteAgreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 5)
        let pieces: [[UInt8]] = [[0x61], Array("中".utf8), Array("😀".utf8), Array("é".utf8), [0xE4, 0xB8], [0xFF], [0xC0, 0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF0, 0x9F], Array("abcdefghij".utf8)]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(12) { bytes += rng.pick(pieces) }
            guard let bad = UTF8Validation.firstInvalid(in: bytes[...]) else {
                #expect(String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
                continue
            }
            #expect(String(validating: bytes[..<bad], as: UTF8.self) != nil, "\(bytes)")
            #expect(String(validating: bytes[...bad], as: UTF8.self) == nil, "\(bytes)")
            // Offsets count from the slice's start.
            #expect(UTF8Validation.firstInvalid(in: ([0x61] + bytes)[1...]) == bad)
        }
    }

    @Test func aSequenceCutByTheEndIsLeftForLaterUnlessFinal() {
        let bytes: [UInt8] = [0x61, 0xE4, 0xB8]
        bytes.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            #expect(UTF8Validation.check(p, from: 0, to: 3, final: false) == .cut(at: 1))
            #expect(UTF8Validation.check(p, from: 0, to: 3, final: true) == .invalid(at: 1))
            #expect(UTF8Validation.check(p, from: 0, to: 1, final: false) == .valid)
        }
        ([0x61, 0xC0] as [UInt8]).withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            #expect(UTF8Validation.check(p, from: 0, to: 2, final: false) == .invalid(at: 1))
        }
    }

    @Test func theLineOfTheFirstBadByteIsTheSameInAnyBlocks() {
        #expect(UTF8Validation.lineOfFirstInvalid(in: CSVMemorySource(Array("a\r\nb\rc\n\n".utf8) + [0xFF])) == 5)
        #expect(UTF8Validation.lineOfFirstInvalid(in: CSVMemorySource(Array("a\nb".utf8))) == 2)
        #expect(UTF8Validation.lineOfFirstInvalid(in: CSVMemorySource([])) == 1)
        var rng = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x61], Array("中".utf8), Array("😀".utf8),
                                 [0xE4, 0xB8], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80]]
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(40) {
                let piece = rng.pick(pieces)
                // Mostly valid text, so that the bad byte comes late.
                if piece.first.map({ $0 >= 0x80 && UTF8Validation.firstInvalid(in: piece[...]) != nil }) == true,
                   rng.below(10) > 0 { continue }
                bytes += piece
            }
            let expected = referenceLine(bytes)
            for block in [4, 5, 7, 16, 1 << 20] {
                #expect(UTF8Validation.lineOfFirstInvalid(in: CSVMemorySource(bytes), blockBytes: block) == expected,
                        "\(bytes) in blocks of \(block)")
            }
        }
    }

    @Test func utf8ChineseBeforeABadLineIsAMixedFileNotGB18030() {
        // Chinese text in UTF-8, then one row pasted in GB18030: an error naming that row.
        let utf8 = Array("date,unit\n2025-01-06,青石镇\n".utf8)
        let gbk: [UInt8] = [0x32, 0x30, 0x2C, 0xC7, 0xE0, 0xCA, 0xAF, 0x0A]  // "20,青石" in GB18030
        let place = UTF8Validation.firstInvalid(in: CSVMemorySource(utf8 + gbk))
        #expect(place.line == 3)
        #expect(place.afterWideUTF8)
        let decision = EncodingDetection.decide(head: Array(utf8.prefix(3)), bodyIsUTF8: false,
                                                wideUTF8BeforeInvalid: { place.afterWideUTF8 }, isGB18030: { true })
        #expect(decision == .mixed)
        #expect(decision.encoding == nil)
        #expect(decision.diagnostic(file: "f.csv", lineOfFirstInvalidUTF8: { 3 })?.code.rawValue == "encoding.mixed")
        // A GB18030 file whose first Chinese bytes break UTF-8 stays a GB18030 file.
        let plain = UTF8Validation.firstInvalid(in: CSVMemorySource(Array("date,unit\n".utf8) + gbk))
        #expect(!plain.afterWideUTF8)
        #expect(EncodingDetection.decide(head: [0x64, 0x61, 0x74], bodyIsUTF8: false,
                                         wideUTF8BeforeInvalid: { plain.afterWideUTF8 }, isGB18030: { true }) == .gb18030)
    }
}
