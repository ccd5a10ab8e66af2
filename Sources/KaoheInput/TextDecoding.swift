import KaoheModel
import Foundation

/// Turns the bytes of an input file into text: UTF-8 (with or without BOM), or GB18030 as
/// Excel on a Chinese Windows writes it (另存为 “CSV（逗号分隔）”), with a warning.
public enum TextDecoding {
    /// GB18030-2000 as a Foundation encoding (CoreFoundation's kCFStringEncodingGB_18030_2000
    /// converted to an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes a file's bytes.
    ///
    /// - A UTF-8 BOM is dropped; valid UTF-8 is returned as it is.
    /// - A file that starts with a UTF-8 BOM but is not valid UTF-8 is an error naming the
    ///   first bad line: the file says it is UTF-8, so reading it as anything else would only
    ///   produce wrong text.
    /// - A UTF-16 file (BOM `FF FE` or `FE FF`, Excel's “Unicode 文本”) is an error.
    /// - Otherwise the file is read as GB18030 with a warning; if that fails too, an error.
    /// On error the text is empty.
    public static func decode(_ data: Data, file: String) -> (text: String, diagnostics: [Diagnostic]) {
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        let utf8 = data.withUnsafeBytes { raw -> String? in
            let all = raw.assumingMemoryBound(to: UInt8.self)
            let body = hasBOM ? UnsafeBufferPointer(rebasing: all[3...]) : all
            return String(validating: body, as: UTF8.self)
        }
        if let utf8 { return (utf8, []) }

        let bytes = [UInt8](data)
        let body = hasBOM ? bytes[3...] : bytes[...]

        if hasBOM {
            let line = lineNumber(ofFirstInvalidUTF8In: body)
            return ("", [Diagnostic(.invalidUTF8AfterBOM(line: line), file: file, line: line)])
        }

        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return ("", [Diagnostic(.utf16, file: file)])
        }

        if var text = String(data: Data(body), encoding: gb18030) {
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return (text, [Diagnostic(.readAsGB18030, file: file)])
        }

        let line = lineNumber(ofFirstInvalidUTF8In: body)
        return ("", [Diagnostic(.unknownEncoding(line: line), file: file, line: line)])
    }

    /// 1-based line (counting LF, CRLF and lone CR endings) of the first byte that breaks UTF-8.
    static func lineNumber(ofFirstInvalidUTF8In bytes: ArraySlice<UInt8>) -> Int {
        let offset = firstInvalidUTF8Offset(bytes) ?? bytes.count
        var line = 1
        var index = bytes.startIndex
        let end = bytes.startIndex + offset
        while index < end {
            let b = bytes[index]
            if b == 0x0A {
                line += 1
            } else if b == 0x0D {
                line += 1
                if index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }

    /// Offset (from the slice's start) of the first byte that is not part of a well-formed
    /// UTF-8 sequence, or nil when the whole slice is valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let start = bytes.startIndex
        var i = start
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
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
            default: return i - start
            }
            var j = i + 1
            while need > 0 {
                guard j < end else { return i - start }
                let b = bytes[j]
                guard b >= lower && b <= upper else { return i - start }
                lower = 0x80; upper = 0xBF
                need -= 1
                j += 1
            }
            i = j
        }
        return nil
    }
}

extension Diagnostic.Message {
    /// A file that starts with a UTF-8 byte order mark but is not UTF-8 from `line` on.
    package static func invalidUTF8AfterBOM(line: Int) -> Self {
        .error("encoding.invalid-utf8-after-bom",
               zh: "文件以 UTF-8 标记（BOM）开头，但第 \(line) 行含有不是 UTF-8 的字节；请在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”",
               en: "the file starts with a UTF-8 byte order mark, but line \(line) holds bytes that are not UTF-8; save it again from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }

    /// A UTF-16 file (Excel's “Unicode 文本”).
    package static var utf16: Self {
        .error("encoding.utf16",
               zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
               en: "the file is UTF-16 (Excel's \"Unicode Text\"); save it from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }

    /// A file that is not UTF-8 and was read as GB18030.
    package static var readAsGB18030: Self {
        .warning("encoding.gb18030",
                 zh: "文件不是 UTF-8 编码，已按 GB18030（GBK）读取；建议在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                 en: "the file is not UTF-8 and was read as GB18030 (GBK); save it from Excel as \"CSV UTF-8 (Comma delimited)\" to avoid this warning")
    }

    /// A file that is neither UTF-8 nor GB18030, with bad bytes from `line`.
    package static func unknownEncoding(line: Int) -> Self {
        .error("encoding.unknown",
               zh: "文件既不是 UTF-8 也不是 GB18030 编码（第 \(line) 行起有无法识别的字节）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
               en: "the file is neither UTF-8 nor GB18030 (unreadable bytes from line \(line)); save it from Excel as \"CSV UTF-8 (Comma delimited)\"")
    }
}
