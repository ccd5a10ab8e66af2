import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

@Suite struct TextDecodingTests {
    func decode(_ bytes: [UInt8]) -> (text: String, diagnostics: [Diagnostic]) {
        TextDecoding.decode(Data(bytes), file: "data/units.csv")
    }

    @Test func utf8IsReadAsItIs() {
        let result = decode(Array("id,name\nT01,青石镇\n".utf8))
        #expect(result.text == "id,name\nT01,青石镇\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func utf8ByteOrderMarkIsDropped() {
        let result = decode([0xEF, 0xBB, 0xBF] + Array("单位\n".utf8))
        #expect(result.text == "单位\n")
        #expect(result.text.unicodeScalars.first != "\u{FEFF}")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func emptyFilesAreEmptyText() {
        #expect(decode([]).text == "")
        #expect(decode([]).diagnostics.isEmpty)
        #expect(decode([0xEF, 0xBB, 0xBF]).text == "")
        #expect(decode([0xEF, 0xBB, 0xBF]).diagnostics.isEmpty)
    }

    @Test func gb18030IsReadWithAWarning() {
        // 中文,单位 in GB18030: 中 D6D0, 文 CEC4, 单 B5A5, 位 CEBB.
        let result = decode([0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0xB5, 0xA5, 0xCE, 0xBB, 0x0A])
        #expect(result.text == "中文,单位\n")
        #expect(result.diagnostics.count == 1)
        let d = result.diagnostics[0]
        #expect(d.severity == .warning)
        #expect(d.file == "data/units.csv")
        #expect(d.line == nil)
        #expect(d.message.zh == "文件不是 UTF-8 编码，已按 GB18030（GBK）读取；建议在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
        #expect(d.message.en == "the file is not UTF-8 and was read as GB18030 (GBK); save it from Excel as \"CSV UTF-8 (Comma delimited)\" to avoid this warning")
    }

    @Test func gb18030FourByteSequences() {
        // 81 30 81 30 is U+0080; 95 32 82 36 is U+20000 (𠀀).
        let result = decode([0x81, 0x30, 0x81, 0x30, 0x2C, 0x95, 0x32, 0x82, 0x36])
        #expect(result.text.unicodeScalars.map(\.value) == [0x80, 0x2C, 0x20000])
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func gb18030TextParsesAsCSV() {
        // 日期,单位\r\n2025-01-06,青石镇\r\n with 青石镇 = C7E0 CAAF D5F2.
        let bytes: [UInt8] = [0xC8, 0xD5, 0xC6, 0xDA, 0x2C, 0xB5, 0xA5, 0xCE, 0xBB, 0x0D, 0x0A]
            + Array("2025-01-06,".utf8) + [0xC7, 0xE0, 0xCA, 0xAF, 0xD5, 0xF2, 0x0D, 0x0A]
        let result = decode(bytes)
        let table = CSVReader.parse(result.text, file: "data/units.csv")
        #expect(table.rows.map(\.fields) == [["日期", "单位"], ["2025-01-06", "青石镇"]])
        #expect(table.rows[1].columns == [1, 12])
    }

    @Test func invalidBytesAreAnError() {
        // FF is neither UTF-8 nor a GB18030 lead byte.
        let result = decode(Array("a,b\nc,".utf8) + [0xFF, 0xFF] + Array("\n".utf8))
        #expect(result.text == "")
        #expect(result.diagnostics.count == 1)
        let d = result.diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.line == 2)
        #expect(d.message.zh == "文件既不是 UTF-8 也不是 GB18030 编码（第 2 行起有无法识别的字节）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
        #expect(d.message.en == "the file is neither UTF-8 nor GB18030 (unreadable bytes from line 2); save it from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }

    @Test func truncatedGB18030IsAnError() {
        let result = decode([0xD6, 0xD0, 0xCE])
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.diagnostics.first?.line == 1)
    }

    @Test func byteOrderMarkWithInvalidUTF8IsAnError() {
        let result = decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8) + [0xD6, 0xD0])
        #expect(result.text == "")
        #expect(result.diagnostics.count == 1)
        let d = result.diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.line == 3)
        #expect(d.message.zh == "文件以 UTF-8 标记（BOM）开头，但第 3 行含有不是 UTF-8 的字节；请在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”")
        #expect(d.message.en == "the file starts with a UTF-8 byte order mark, but line 3 holds bytes that are not UTF-8; save it again from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }

    @Test func utf16IsAnError() {
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let result = decode(bom + [0x61, 0x00, 0x0A, 0x00])
            #expect(result.text == "")
            #expect(result.diagnostics.count == 1)
            let d = result.diagnostics[0]
            #expect(d.severity == .error)
            #expect(d.line == nil)
            #expect(d.message.zh == "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
            #expect(d.message.en == "the file is UTF-16 (Excel's \"Unicode Text\"); save it from Excel as \"CSV UTF-8 (Comma delimited)\"")
        }
    }

    @Test func findsTheFirstInvalidUTF8Byte() {
        func offset(_ bytes: [UInt8]) -> Int? { UTF8Validation.firstInvalid(in: bytes[...]) }
        #expect(offset(Array("中文abc".utf8)) == nil)
        #expect(offset([0x61, 0xC0, 0x80]) == 1)          // overlong
        #expect(offset([0xED, 0xA0, 0x80]) == 0)          // surrogate
        #expect(offset([0xF4, 0x90, 0x80, 0x80]) == 0)    // above U+10FFFF
        #expect(offset([0x61, 0xE4, 0xB8]) == 1)          // truncated
        #expect(offset([0x80]) == 0)                      // lone continuation
        #expect(offset([0xF0, 0x9F, 0x98, 0x80]) == nil)  // 😀
    }

    @Test func neverCrashesOnRandomBytes() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let bytes = (0..<rng.below(24)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let result = decode(bytes)
            let errors = result.diagnostics.filter(\.isError)
            #expect(errors.isEmpty || result.text.isEmpty)
            #expect(result.diagnostics.count <= 1)
            _ = CSVReader.parse(result.text, file: "f")
        }
    }
}
