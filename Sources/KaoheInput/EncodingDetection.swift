import KaoheModel

/// The encoding a data file is read in.
package enum TextEncoding: Sendable, Equatable {
    case utf8
    /// GB18030, as Excel on a Chinese Windows writes a CSV file (另存为 “CSV（逗号分隔）”).
    case gb18030
}

/// Decides which encoding a data file is read in, or why it cannot be read: the one decision
/// behind ``TextDecoding`` (whole files) and the streamed check log.
///
/// - A UTF-8 BOM is skipped; a body that is valid UTF-8 is read as UTF-8.
/// - A file that starts with a UTF-8 BOM but is not valid UTF-8 is an error naming the first
///   bad line: the file says it is UTF-8, so reading it as anything else would only produce
///   wrong text.
/// - A UTF-16 file (BOM `FF FE` or `FE FF`, Excel's “Unicode 文本”) is an error.
/// - A file whose Chinese text is UTF-8 up to a line that is not (rows pasted from a file in
///   another encoding) is an error naming that line: read as GB18030, every UTF-8 line would
///   turn into wrong characters.
/// - Otherwise the file is read as GB18030 with a warning; if that fails too, an error.
package enum EncodingDetection {
    /// How many bytes of the file's head the decision looks at.
    package static let headBytes = 3

    /// Where the body starts: after a UTF-8 byte order mark (3), else at 0. The body is what
    /// is checked for UTF-8, and what a line in a diagnostic counts from.
    package static func bodyOffset(head: some Collection<UInt8>) -> Int {
        head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// What to do with a file.
    package enum Decision: Sendable, Equatable {
        /// Read the body as UTF-8.
        case utf8
        /// Read the file as GB18030, with a warning.
        case gb18030
        /// Error: a UTF-8 byte order mark, but the body is not UTF-8.
        case invalidUTF8AfterBOM
        /// Error: a UTF-16 byte order mark.
        case utf16
        /// Error: UTF-8 Chinese text, then a line that is not UTF-8.
        case mixed
        /// Error: neither UTF-8 nor GB18030.
        case unknown
    }

    /// Decides from the file's first ``headBytes`` bytes and whether its body is UTF-8.
    /// `wideUTF8BeforeInvalid` (whether UTF-8 sequences of three or four bytes come before the
    /// first byte that is not UTF-8) and `isGB18030` are called only when the answer depends on
    /// them, at most once each.
    package static func decide(head: some Collection<UInt8>, bodyIsUTF8: Bool, wideUTF8BeforeInvalid: () -> Bool = { false },
                               isGB18030: () -> Bool) -> Decision {
        if bodyIsUTF8 { return .utf8 }
        if bodyOffset(head: head) > 0 { return .invalidUTF8AfterBOM }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .utf16 }
        if wideUTF8BeforeInvalid() { return .mixed }
        return isGB18030() ? .gb18030 : .unknown
    }
}

extension EncodingDetection.Decision {
    /// The encoding to read the file in; nil when it cannot be read.
    package var encoding: TextEncoding? {
        switch self {
        case .utf8: .utf8
        case .gb18030: .gb18030
        case .invalidUTF8AfterBOM, .utf16, .mixed, .unknown: nil
        }
    }

    /// The diagnostic the decision raises for `file`, if any. `lineOfFirstInvalidUTF8` gives
    /// the line (``UTF8Validation/lineOfFirstInvalid(in:blockBytes:)``) of the body's first
    /// byte that is not UTF-8; it is called only for an error that names a line.
    package func diagnostic(file: String, lineOfFirstInvalidUTF8: () -> Int) -> Diagnostic? {
        switch self {
        case .utf8:
            return nil
        case .gb18030:
            return Diagnostic(.readAsGB18030, file: file)
        case .invalidUTF8AfterBOM:
            let line = lineOfFirstInvalidUTF8()
            return Diagnostic(.invalidUTF8AfterBOM(line: line), file: file, line: line)
        case .utf16:
            return Diagnostic(.utf16, file: file)
        case .mixed:
            let line = lineOfFirstInvalidUTF8()
            return Diagnostic(.mixedEncodings(line: line), file: file, line: line)
        case .unknown:
            let line = lineOfFirstInvalidUTF8()
            return Diagnostic(.unknownEncoding(line: line), file: file, line: line)
        }
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

    /// A UTF-8 file with a line in another encoding from `line` on.
    package static func mixedEncodings(line: Int) -> Self {
        .error("encoding.mixed",
               zh: "文件前面是 UTF-8 编码，但第 \(line) 行不是（可能是从另一个表格粘贴的）；请在 Excel 中打开并整个另存为“CSV UTF-8（逗号分隔）”，或重新输入该行",
               en: "the file is UTF-8 up to line \(line), which is not (perhaps pasted from another sheet); open it in Excel and save it whole as \"CSV UTF-8 (Comma delimited)\", or type that line again")
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
