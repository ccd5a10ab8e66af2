import KaoheModel
/// A JSON5 parser that keeps what the loaders need and `JSONSerialization` drops: the line and
/// column of every value and key, number literals as written, members in file order, and
/// repeated keys.
///
/// Accepts JSON5: `//` and `/* */` comments, trailing commas, unquoted identifier keys,
/// single-quoted strings, all JSON5 escapes (`\uXXXX` with surrogate pairs, `\xHH`, line
/// continuations), leading `+`, leading or trailing decimal point, hexadecimal, `Infinity` and
/// `NaN` (kept as such; the loaders reject them). Nesting deeper than ``maxDepth`` is an
/// error. No input makes it crash or loop: every step consumes input or stops.
package enum JSON5Parser {
    /// The deepest nesting of objects and arrays accepted.
    package static let maxDepth = 64

    /// Parses a whole document. A syntax error gives no document and one diagnostic; repeated
    /// keys give the document and one diagnostic each.
    package static func parse(_ text: String, file: String) -> (document: JSON5Document?, diagnostics: [Diagnostic]) {
        var parser = Parser(text: text, file: file)
        return parser.parseDocument()
    }
}

/// A syntax error at a scalar offset.
private struct SyntaxError: Error {
    var offset: Int
    var zh: String
    var en: String
}

private struct Parser {
    let file: String
    /// The text as Unicode scalars, with the line and column of each (index `count` = end of file).
    var scalars: [Unicode.Scalar] = []
    var lineOf: [Int32] = []
    var columnOf: [Int32] = []
    var lines: [String] = []
    var position = 0
    var depth = 0
    var path: [JSON5Path.Component] = []
    var duplicates: [Diagnostic] = []

    init(text: String, file: String) {
        self.file = file
        var line: Int32 = 1
        var column: Int32 = 1
        var current = ""
        var first = true
        for character in text {
            if first {
                first = false
                // A byte order mark is not part of the text an editor shows.
                if character == "\u{FEFF}" { continue }
            }
            for scalar in character.unicodeScalars {
                scalars.append(scalar)
                lineOf.append(line)
                columnOf.append(column)
            }
            if Parser.isLineBreak(character) {
                lines.append(current)
                current = ""
                line += 1
                column = 1
            } else {
                current.append(character)
                column += 1
            }
        }
        lines.append(current)
        lineOf.append(line)
        columnOf.append(column)
    }

    static func isLineBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
    }

    static func isLineTerminator(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}"
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}":
            return true
        default:
            return s.properties.generalCategory == .spaceSeparator
        }
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        s == "$" || s == "_" || s.properties.isIDStart
    }

    static func isIdentifierPart(_ s: Unicode.Scalar) -> Bool {
        s == "$" || s == "_" || s == "\u{200C}" || s == "\u{200D}" || s.properties.isIDContinue
    }

    static func digit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func hexValue(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 48...57: return s.value - 48
        case 65...70: return s.value - 55
        case 97...102: return s.value - 87
        default: return nil
        }
    }

    var atEnd: Bool { position >= scalars.count }
    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? {
        let i = position + offset
        return i < scalars.count ? scalars[i] : nil
    }

    func line(_ offset: Int) -> Int { Int(lineOf[min(offset, lineOf.count - 1)]) }
    func column(_ offset: Int) -> Int { Int(columnOf[min(offset, columnOf.count - 1)]) }

    var pathText: JSON5Path { JSON5Path(path) }

    // MARK: Document

    mutating func parseDocument() -> (document: JSON5Document?, diagnostics: [Diagnostic]) {
        do {
            try skipTrivia()
            if atEnd {
                throw SyntaxError(offset: position, zh: "文件为空，应为一个 JSON5 值（通常是对象 {…}）",
                                  en: "the file is empty; expected a JSON5 value (normally an object {…})")
            }
            let root = try parseValue()
            try skipTrivia()
            if let c = current {
                throw SyntaxError(offset: position,
                                  zh: "第一个值之后还有多余内容 \(Parser.describeZh(c))；一个文件只能有一个顶层值",
                                  en: "unexpected \(Parser.describeEn(c)) after the value; a file holds exactly one top-level value")
            }
            return (JSON5Document(root: root, lines: lines), sortedDuplicates)
        } catch let error as SyntaxError {
            // The path where the error happened, when inside the document.
            let prefix = pathText.isRoot ? "" : "\(pathText): "
            let diagnostic = Diagnostic(.syntaxError(zh: error.zh, en: error.en).prefixed(zh: prefix, en: prefix), file: file,
                                        line: line(error.offset), column: column(error.offset), excerpt: excerpt(line(error.offset)))
            return (nil, sortedDuplicates + [diagnostic])
        } catch {
            return (nil, sortedDuplicates)
        }
    }

    /// Inner repeated keys are found before the outer ones that enclose them; this is file order.
    var sortedDuplicates: [Diagnostic] {
        duplicates.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
    }

    func excerpt(_ line: Int) -> String? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }

    // MARK: Trivia

    mutating func skipTrivia() throws {
        while let c = current {
            if Parser.isWhitespace(c) {
                position += 1
            } else if c == "/" {
                if peek(1) == "/" {
                    position += 2
                    while let d = current, !Parser.isLineTerminator(d) { position += 1 }
                } else if peek(1) == "*" {
                    let start = position
                    position += 2
                    var closed = false
                    while let d = current {
                        if d == "*" && peek(1) == "/" {
                            position += 2
                            closed = true
                            break
                        }
                        position += 1
                    }
                    if !closed {
                        throw SyntaxError(offset: start, zh: "注释 /* 没有结束：缺少 */",
                                          en: "comment /* is not closed: */ is missing")
                    }
                } else {
                    throw SyntaxError(offset: position, zh: "单独的 “/”；注释应写作 // 或 /* */",
                                      en: "a lone '/'; comments are written // or /* */")
                }
            } else {
                return
            }
        }
    }

    // MARK: Values

    mutating func parseValue() throws -> JSON5Node {
        let start = position
        let line = self.line(start), column = self.column(start)
        guard let c = current else {
            throw SyntaxError(offset: position, zh: "文件意外结束，此处应为一个值",
                              en: "the file ends where a value was expected")
        }
        switch c {
        case "{":
            return JSON5Node(try parseObject(), line: line, column: column)
        case "[":
            return JSON5Node(try parseArray(), line: line, column: column)
        case "\"", "'":
            return JSON5Node(.string(try parseString()), line: line, column: column)
        case "+", "-", ".", "0"..."9":
            return JSON5Node(.number(try parseNumber()), line: line, column: column)
        default:
            if Parser.isIdentifierStart(c) || c == "\\" {
                let word = readWord()
                switch word {
                case "true": return JSON5Node(.bool(true), line: line, column: column)
                case "false": return JSON5Node(.bool(false), line: line, column: column)
                case "null": return JSON5Node(.null, line: line, column: column)
                case "Infinity": return JSON5Node(.number(JSON5Number(text: word, kind: .infinity)), line: line, column: column)
                case "NaN": return JSON5Node(.number(JSON5Number(text: word, kind: .nan)), line: line, column: column)
                default:
                    throw SyntaxError(offset: start,
                                      zh: "无法识别的词 “\(Parser.clip(word))”；值应为对象、数组、字符串、数字、true、false 或 null（文字须加引号）",
                                      en: "unrecognised word '\(Parser.clip(word))'; a value is an object, array, string, number, true, false or null (text needs quotes)")
                }
            }
            throw SyntaxError(offset: start,
                              zh: "此处应为一个值（对象、数组、字符串、数字、true、false 或 null），实际是 \(Parser.describeZh(c))",
                              en: "expected a value (object, array, string, number, true, false or null), found \(Parser.describeEn(c))")
        }
    }

    /// Reads a run of identifier characters (for literals and error messages).
    mutating func readWord() -> String {
        var word = String.UnicodeScalarView()
        while let c = current, Parser.isIdentifierPart(c) || c == "\\" {
            word.append(c)
            position += 1
            if word.count >= 200 { break }
        }
        if word.isEmpty, let c = current {
            word.append(c)
            position += 1
        }
        return String(word)
    }

    mutating func enter() throws {
        depth += 1
        if depth > JSON5Parser.maxDepth {
            throw SyntaxError(offset: position,
                              zh: "对象和数组嵌套超过 \(JSON5Parser.maxDepth) 层",
                              en: "objects and arrays are nested more than \(JSON5Parser.maxDepth) levels deep")
        }
    }

    mutating func parseObject() throws -> JSON5Value {
        try enter()
        position += 1 // {
        var members: [JSON5Member] = []
        var seen: [String: (line: Int, column: Int)] = [:]
        while true {
            try skipTrivia()
            guard let c = current else {
                throw SyntaxError(offset: position, zh: "文件意外结束：对象缺少结尾的 “}”",
                                  en: "the file ends inside an object: '}' is missing")
            }
            if c == "}" {
                position += 1
                break
            }
            let keyStart = position
            let key = try parseKey()
            let keyLine = line(keyStart), keyColumn = column(keyStart)
            let keyEnd = position
            try skipTrivia()
            guard current == ":" else {
                // `rectify-late: …` stops the unquoted key at the hyphen.
                let quoted = scalars[keyStart] == "\"" || scalars[keyStart] == "'"
                let runsOn = !quoted && position == keyEnd && current != nil
                throw SyntaxError(offset: position,
                                  zh: "键 “\(Parser.clip(key))” 之后应为 “:”，实际是 \(current.map(Parser.describeZh) ?? "文件结尾")"
                                      + (runsOn ? "；含有 - 等符号的键须加引号，如 \"rectify-late\"" : ""),
                                  en: "expected ':' after key '\(Parser.clip(key))', found \(current.map(Parser.describeEn) ?? "the end of the file")"
                                      + (runsOn ? "; a key with '-' or other symbols needs quotes, e.g. \"rectify-late\"" : ""))
            }
            position += 1
            try skipTrivia()
            path.append(.key(key))
            let value = try parseValue()
            if let first = seen[key] {
                let prefix = "\(pathText): "
                duplicates.append(Diagnostic(.duplicateKey(key, line: first.line, column: first.column).prefixed(zh: prefix, en: prefix),
                                             file: file, line: keyLine, column: keyColumn, excerpt: excerpt(keyLine)))
            } else {
                seen[key] = (keyLine, keyColumn)
            }
            path.removeLast()
            members.append(JSON5Member(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            try skipTrivia()
            if current == "," {
                position += 1
                continue
            }
            if current == "}" {
                position += 1
                break
            }
            throw SyntaxError(offset: position,
                              zh: "对象成员之后应为 “,” 或 “}”，实际是 \(current.map(Parser.describeZh) ?? "文件结尾")",
                              en: "expected ',' or '}' after an object member, found \(current.map(Parser.describeEn) ?? "the end of the file")")
        }
        depth -= 1
        return .object(members)
    }

    mutating func parseKey() throws -> String {
        guard let c = current else {
            throw SyntaxError(offset: position, zh: "文件意外结束，此处应为键", en: "the file ends where a key was expected")
        }
        if c == "\"" || c == "'" { return try parseString() }
        if Parser.isIdentifierStart(c) || c == "\\" { return try parseIdentifier() }
        throw SyntaxError(offset: position,
                          zh: "此处应为键（带引号的字符串或标识符）或 “}”，实际是 \(Parser.describeZh(c))",
                          en: "expected a key (a quoted string or an identifier) or '}', found \(Parser.describeEn(c))")
    }

    mutating func parseIdentifier() throws -> String {
        var out = String.UnicodeScalarView()
        var first = true
        while let c = current {
            var scalar = c
            let start = position
            if c == "\\" {
                guard peek(1) == "u" else {
                    throw SyntaxError(offset: start, zh: "标识符中只允许 \\uXXXX 转义", en: "only \\uXXXX escapes are allowed in an identifier")
                }
                position += 2
                scalar = try readHexScalar(digits: 4, escapeStart: start)
            } else if !(first ? Parser.isIdentifierStart(c) : Parser.isIdentifierPart(c)) {
                break
            } else {
                position += 1
            }
            if !(first ? Parser.isIdentifierStart(scalar) : Parser.isIdentifierPart(scalar)) {
                throw SyntaxError(offset: start, zh: "标识符中不能有字符 \(Parser.describeZh(scalar))",
                                  en: "\(Parser.describeEn(scalar)) cannot appear in an identifier")
            }
            out.append(scalar)
            first = false
        }
        return String(out)
    }

    mutating func parseArray() throws -> JSON5Value {
        try enter()
        position += 1 // [
        var elements: [JSON5Node] = []
        while true {
            try skipTrivia()
            guard let c = current else {
                throw SyntaxError(offset: position, zh: "文件意外结束：数组缺少结尾的 “]”",
                                  en: "the file ends inside an array: ']' is missing")
            }
            if c == "]" {
                position += 1
                break
            }
            path.append(.index(elements.count))
            elements.append(try parseValue())
            path.removeLast()
            try skipTrivia()
            if current == "," {
                position += 1
                continue
            }
            if current == "]" {
                position += 1
                break
            }
            throw SyntaxError(offset: position,
                              zh: "数组元素之后应为 “,” 或 “]”，实际是 \(current.map(Parser.describeZh) ?? "文件结尾")",
                              en: "expected ',' or ']' after an array element, found \(current.map(Parser.describeEn) ?? "the end of the file")")
        }
        depth -= 1
        return .array(elements)
    }

    // MARK: Strings

    mutating func parseString() throws -> String {
        let start = position
        guard let quote = current else { return "" }
        position += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else {
                throw SyntaxError(offset: start, zh: "字符串没有结束：文件结尾前缺少结尾的引号 \(quote)",
                                  en: "the string is not closed: the closing \(quote) is missing before the end of the file")
            }
            if c == quote {
                position += 1
                return String(out)
            }
            if c == "\n" || c == "\r" {
                throw SyntaxError(offset: start, zh: "字符串没有结束：行尾前缺少结尾的引号 \(quote)（字符串中换行须写作 \\n）",
                                  en: "the string is not closed: the closing \(quote) is missing before the end of the line (write a line break as \\n)")
            }
            if c == "\\" {
                try readEscape(into: &out)
                continue
            }
            out.append(c)
            position += 1
        }
    }

    mutating func readEscape(into out: inout String.UnicodeScalarView) throws {
        let start = position
        position += 1 // backslash
        guard let e = current else {
            throw SyntaxError(offset: start, zh: "字符串在转义符 \\ 处意外结束", en: "the string ends at an escape '\\'")
        }
        position += 1
        switch e {
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0":
            if let next = current, Parser.digit(next) {
                throw SyntaxError(offset: start, zh: "无效的转义序列 “\\0\(Character(next))”", en: "invalid escape '\\0\(Character(next))'")
            }
            out.append("\u{00}")
        case "1"..."9":
            throw SyntaxError(offset: start, zh: "无效的转义序列 “\\\(Character(e))”", en: "invalid escape '\\\(Character(e))'")
        case "x":
            out.append(try readHexScalar(digits: 2, escapeStart: start))
        case "u":
            let first = try readHexValue(digits: 4, escapeStart: start)
            if (0xD800...0xDBFF).contains(first) {
                // A high surrogate must be followed by a \u low surrogate.
                if current == "\\" && peek(1) == "u" {
                    let lowStart = position
                    position += 2
                    let second = try readHexValue(digits: 4, escapeStart: lowStart)
                    if (0xDC00...0xDFFF).contains(second),
                       let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                        out.append(scalar)
                        return
                    }
                }
                throw SyntaxError(offset: start, zh: "代理项 \\u\(Parser.hex4(first)) 之后缺少配对的低代理项 \\uDC00…\\uDFFF",
                                  en: "surrogate \\u\(Parser.hex4(first)) is not followed by a low surrogate \\uDC00…\\uDFFF")
            }
            guard let scalar = Unicode.Scalar(first) else {
                throw SyntaxError(offset: start, zh: "单独的低代理项 \\u\(Parser.hex4(first))，不是有效字符",
                                  en: "lone low surrogate \\u\(Parser.hex4(first)) is not a valid character")
            }
            out.append(scalar)
        case "\r":
            // Line continuation: the escaped line break is dropped (\r\n counts as one).
            if current == "\n" { position += 1 }
        case "\n", "\u{2028}", "\u{2029}":
            break
        default:
            out.append(e)
        }
    }

    mutating func readHexValue(digits: Int, escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let c = current, let h = Parser.hexValue(c) else {
                let shown = String(String.UnicodeScalarView(scalars[escapeStart..<min(position + 1, scalars.count)]))
                throw SyntaxError(offset: escapeStart,
                                  zh: "无效的转义序列 “\(Parser.clip(shown))”：应有 \(digits) 位十六进制数字",
                                  en: "invalid escape '\(Parser.clip(shown))': \(digits) hexadecimal digits are needed")
            }
            value = value * 16 + h
            position += 1
        }
        return value
    }

    mutating func readHexScalar(digits: Int, escapeStart: Int) throws -> Unicode.Scalar {
        let value = try readHexValue(digits: digits, escapeStart: escapeStart)
        guard let scalar = Unicode.Scalar(value) else {
            throw SyntaxError(offset: escapeStart, zh: "转义 \\u\(Parser.hex4(value)) 是单独的代理项，不是有效字符",
                              en: "escape \\u\(Parser.hex4(value)) is a lone surrogate, not a valid character")
        }
        return scalar
    }

    // MARK: Numbers

    mutating func parseNumber() throws -> JSON5Number {
        let start = position
        var sign = ""
        if let c = current, c == "+" || c == "-" {
            sign = c == "-" ? "-" : "+"
            position += 1
        }
        let bodyStart = position
        func invalid(_ p: inout Parser) -> SyntaxError {
            // Show the whole malformed token.
            var end = p.position
            while end < p.scalars.count, end - start < 40,
                  Parser.isIdentifierPart(p.scalars[end]) || p.scalars[end] == "." || p.scalars[end] == "+" || p.scalars[end] == "-" {
                end += 1
            }
            let token = String(String.UnicodeScalarView(p.scalars[start..<max(end, min(start + 1, p.scalars.count))]))
            return SyntaxError(offset: start, zh: "无效的数字 “\(Parser.clip(token))”",
                               en: "invalid number '\(Parser.clip(token))'")
        }
        guard let c = current else { throw invalid(&self) }
        if Parser.isIdentifierStart(c) {
            let word = readWord()
            if word == "Infinity" { return JSON5Number(text: sign + word, kind: .infinity) }
            if word == "NaN" { return JSON5Number(text: sign + word, kind: .nan) }
            position = bodyStart
            throw invalid(&self)
        }
        if c == "0", let x = peek(1), x == "x" || x == "X" {
            position += 2
            var count = 0
            while let h = current, Parser.hexValue(h) != nil { position += 1; count += 1 }
            if count == 0 { throw invalid(&self) }
            try checkNumberEnd(invalid)
            return JSON5Number(text: text(from: start), kind: .hexadecimal)
        }
        var integerDigits = 0
        while let d = current, Parser.digit(d) { position += 1; integerDigits += 1 }
        if integerDigits > 1 && scalars[bodyStart] == "0" {
            throw SyntaxError(offset: start, zh: "数字 “\(Parser.clip(text(from: start)))” 不能以 0 开头",
                              en: "number '\(Parser.clip(text(from: start)))' must not start with a leading zero")
        }
        var fractionDigits = 0
        if current == "." {
            position += 1
            while let d = current, Parser.digit(d) { position += 1; fractionDigits += 1 }
        }
        if integerDigits == 0 && fractionDigits == 0 { throw invalid(&self) }
        if let e = current, e == "e" || e == "E" {
            position += 1
            if let s = current, s == "+" || s == "-" { position += 1 }
            var exponentDigits = 0
            while let d = current, Parser.digit(d) { position += 1; exponentDigits += 1 }
            if exponentDigits == 0 { throw invalid(&self) }
        }
        try checkNumberEnd(invalid)
        return JSON5Number(text: text(from: start), kind: .decimal)
    }

    /// A number must not run straight into letters or digits (`12abc`, `1.2.3`).
    mutating func checkNumberEnd(_ invalid: (inout Parser) -> SyntaxError) throws {
        if let c = current, Parser.isIdentifierPart(c) || c == "." || c == "\\" {
            throw invalid(&self)
        }
    }

    func text(from start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<position]))
    }

    // MARK: Message helpers

    static func clip(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }

    static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    static func describeZh(_ s: Unicode.Scalar) -> String {
        if isLineTerminator(s) { return "换行" }
        if s == "\t" { return "制表符" }
        if s.value < 0x20 || s.value == 0x7F { return "控制字符 U+\(hex4(s.value))" }
        return "“\(Character(s))”"
    }

    static func describeEn(_ s: Unicode.Scalar) -> String {
        if isLineTerminator(s) { return "a line break" }
        if s == "\t" { return "a tab" }
        if s.value < 0x20 || s.value == 0x7F { return "control character U+\(hex4(s.value))" }
        return "'\(Character(s))'"
    }
}

extension Diagnostic.Message {
    /// A JSON5 syntax error; `zh` and `en` say what was found where.
    package static func syntaxError(zh: String, en: String) -> Self {
        .error("json5.syntax", zh: "语法错误：" + zh, en: "syntax error: " + en)
    }

    /// A key given twice in one object (first at `line`, `column`).
    package static func duplicateKey(_ key: String, line: Int, column: Int) -> Self {
        .error("json5.duplicate-key",
               zh: "键 “\(key)” 重复（第一次出现在第 \(line) 行第 \(column) 列）；同一对象中每个键只能出现一次",
               en: "duplicate key \"\(key)\" (first given at line \(line), column \(column)); a key may appear only once in an object")
    }
}
