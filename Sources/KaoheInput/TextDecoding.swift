import KaoheModel
import Foundation

/// Turns the bytes of an input file into text: UTF-8 (with or without BOM), or GB18030 as
/// Excel on a Chinese Windows writes it (另存为 “CSV（逗号分隔）”), with a warning. The
/// encoding is decided by ``EncodingDetection``.
package enum TextDecoding {
    /// GB18030-2000 as a Foundation encoding (CoreFoundation's kCFStringEncodingGB_18030_2000
    /// converted to an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes a file's bytes as ``EncodingDetection`` decides: a UTF-8 BOM is dropped, and
    /// so is a leading U+FEFF of GB18030 text. On error the text is empty.
    package static func decode(_ data: Data, file: String) -> (text: String, diagnostics: [Diagnostic]) {
        let head = data.prefix(EncodingDetection.headBytes)
        let body = EncodingDetection.bodyOffset(head: head)
        let utf8 = data.withUnsafeBytes { raw -> String? in
            let all = raw.assumingMemoryBound(to: UInt8.self)
            return String(validating: UnsafeBufferPointer(rebasing: all[body...]), as: UTF8.self)
        }
        var gb18030Text: String?
        let decision = EncodingDetection.decide(head: head, bodyIsUTF8: utf8 != nil, wideUTF8BeforeInvalid: {
            UTF8Validation.firstInvalid(in: CSVMemorySource(Array(data.dropFirst(body)))).afterWideUTF8
        }) {
            gb18030Text = String(data: data.dropFirst(body), encoding: gb18030)
            return gb18030Text != nil
        }
        let diagnostics = decision.diagnostic(file: file) {
            UTF8Validation.lineOfFirstInvalid(in: CSVMemorySource(Array(data.dropFirst(body))))
        }.map { [$0] } ?? []
        switch decision.encoding {
        case .utf8:
            return (utf8 ?? "", diagnostics)
        case .gb18030:
            var text = gb18030Text ?? ""
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return (text, diagnostics)
        case nil:
            return ("", diagnostics)
        }
    }
}
