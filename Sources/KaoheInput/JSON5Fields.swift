import KaoheModel
import Foundation

/// Reads typed fields out of a parsed JSON5 document for the loaders, collecting one
/// diagnostic per fault (wrong type, missing or unknown field, bad value) instead of stopping.
///
/// Every message starts with the JSON path of the fault (`categories[2].points: …`) and
/// carries the line and column of the offending node.
package final class JSON5FieldReader {
    let file: String
    package let document: JSON5Document
    /// The file's diagnostics, listed up to ``maxDiagnostics`` (a file of a million unknown keys
    /// is reported in a few, with the rest counted).
    private var list = DiagnosticList(limit: JSON5FieldReader.maxDiagnostics)
    package static let maxDiagnostics = 1000

    package init(file: String, document: JSON5Document) {
        self.file = file
        self.document = document
    }

    /// The diagnostics listed, then the one that counts the rest, if any.
    package var diagnostics: [Diagnostic] { list.all(file) }

    package var hasErrors: Bool { list.omittedErrors > 0 || list.kept.contains { $0.isError } }

    /// Records a diagnostic at a position; the path is put in front of both texts.
    package func report(line: Int, column: Int, _ path: JSON5Path, _ message: Diagnostic.Message) {
        if list.isFull && !message.severity.isError {
            list.omit(warnings: 1)
            return
        }
        list.append(Diagnostic(message.prefixed(zh: "\(path.text(.zh)): ", en: "\(path.text(.en)): "),
                               file: file, line: line, column: column, excerpt: document.lineText(line)))
    }

    /// Records a diagnostic at a node; the path is put in front of both texts.
    package func report(_ node: JSON5Node, _ path: JSON5Path, _ message: Diagnostic.Message) {
        report(line: node.line, column: node.column, path, message)
    }

    package func add(_ more: [Diagnostic]) { list.append(contentsOf: more) }

    // MARK: Objects

    /// The node as an object whose keys are checked: a key not in `fields` and a missing key
    /// of `fields` that is not `optional` are reported. Returns nil (after reporting) when the
    /// node is not an object.
    package func object(_ node: JSON5Node, _ path: JSON5Path, fields allowed: [String], optional: Set<String> = []) -> JSON5Object? {
        guard case .object(let members) = node.value else {
            typeError(node, path, expectedZh: "对象 {…}", expectedEn: "an object {…}")
            return nil
        }
        let required = allowed.filter { !optional.contains($0) }
        for member in members where !allowed.contains(member.key) {
            let guess = JSON5FieldReader.closest(to: member.key, in: allowed)
            report(line: member.keyLine, column: member.keyColumn, path.key(member.key),
                   .unknownField(member.key, guess: guess, allowed: allowed))
        }
        let present = Set(members.map(\.key))
        for key in required where !present.contains(key) {
            report(node, path.key(key), .missingField(key))
        }
        return JSON5Object(node: node, path: path, members: members)
    }

    /// The closest allowed name to a misspelt one (same letters ignoring case, or at most two edits).
    static func closest(to key: String, in allowed: [String]) -> String? {
        let lower = key.lowercased()
        if let same = allowed.first(where: { $0.lowercased() == lower }) { return same }
        var best: (name: String, distance: Int)? = nil
        for name in allowed {
            let d = editDistance(Array(lower), Array(name.lowercased()))
            if d <= 2 && d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 2 || a.count > 64 || b.count > 64 { return Int.max }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }

    // MARK: Scalars

    package func array(_ node: JSON5Node, _ path: JSON5Path) -> [JSON5Node]? {
        guard case .array(let elements) = node.value else {
            typeError(node, path, expectedZh: "数组 […]", expectedEn: "an array […]")
            return nil
        }
        return elements
    }

    /// A non-empty array (an empty one is reported with `what` naming its entries).
    package func nonEmptyArray(_ node: JSON5Node, _ path: JSON5Path, whatZh: String, whatEn: String) -> [JSON5Node]? {
        guard let elements = array(node, path) else { return nil }
        if elements.isEmpty {
            report(node, path, .emptyList(whatZh: whatZh, whatEn: whatEn))
            return nil
        }
        return elements
    }

    /// A string; unless `allowEmpty`, blank text is reported.
    package func string(_ node: JSON5Node, _ path: JSON5Path, allowEmpty: Bool = false) -> String? {
        guard case .string(let s) = node.value else {
            typeError(node, path, expectedZh: "字符串", expectedEn: "a string")
            return nil
        }
        if !allowEmpty && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(node, path, .emptyText)
            return nil
        }
        return s
    }

    /// An identifier-like text (an id or a name others refer to): not blank, no surrounding spaces.
    package func identifier(_ node: JSON5Node, _ path: JSON5Path) -> String? {
        guard let s = string(node, path) else { return nil }
        if s.trimmingCharacters(in: .whitespacesAndNewlines) != s {
            report(node, path, .surroundingSpaces(s))
            return nil
        }
        return s
    }

    /// An exact decimal number, any sign.
    func decimal(_ node: JSON5Node, _ path: JSON5Path) -> ExactDecimal? {
        guard case .number(let number) = node.value else {
            typeError(node, path, expectedZh: "数字", expectedEn: "a number")
            return nil
        }
        switch number.conversion {
        case .value(let v):
            return v
        case .notDecimal:
            report(node, path, .notDecimal(number.text))
        case .outOfRange:
            report(node, path, .numberOutOfRange(JSON5FieldReader.clip(number.text)))
        }
        return nil
    }

    /// A number ≥ 0.
    package func nonNegative(_ node: JSON5Node, _ path: JSON5Path) -> ExactDecimal? {
        guard let v = decimal(node, path) else { return nil }
        if v.isNegative {
            report(node, path, .negative(literal(node)))
            return nil
        }
        return v
    }

    /// A number > 0.
    package func positive(_ node: JSON5Node, _ path: JSON5Path) -> ExactDecimal? {
        guard let v = nonNegative(node, path) else { return nil }
        if v.isZero {
            report(node, path, .notPositive(literal(node)))
            return nil
        }
        return v
    }

    /// A number in 0…1 (a share or a rate).
    package func fraction(_ node: JSON5Node, _ path: JSON5Path) -> ExactDecimal? {
        guard let v = decimal(node, path) else { return nil }
        if v.isNegative || v > .one {
            report(node, path, .notFraction(literal(node)))
            return nil
        }
        return v
    }

    /// An integer in `range`; `expectedZh`/`expectedEn` describe what is valid.
    package func integer(_ node: JSON5Node, _ path: JSON5Path, in range: ClosedRange<Int>,
                 expectedZh: String, expectedEn: String) -> Int? {
        guard case .number(let number) = node.value else {
            typeError(node, path, expectedZh: expectedZh, expectedEn: expectedEn)
            return nil
        }
        if case .value(let v) = number.conversion, v.normalized.exponent == 0,
           v >= ExactDecimal(range.lowerBound), v <= ExactDecimal(range.upperBound) {
            return v.floor
        }
        report(node, path, .badInteger(expectedZh: expectedZh, expectedEn: expectedEn, found: literal(node)))
        return nil
    }

    /// Largest value of ``positiveInteger(_:_:)``.
    package static let maxPositiveInteger = 1_000_000

    /// A positive whole number (1, 2, … 1 000 000); one above the range is told the maximum.
    package func positiveInteger(_ node: JSON5Node, _ path: JSON5Path) -> Int? {
        let max = JSON5FieldReader.maxPositiveInteger
        if case .number(let number) = node.value, !number.text.hasPrefix("-") {
            let above: Bool
            switch number.conversion {
            case .value(let v): above = v > ExactDecimal(max)
            case .outOfRange: above = true
            case .notDecimal: above = false
            }
            if above {
                report(node, path, .badInteger(expectedZh: " 1 到 \(max) 之间的整数", expectedEn: "an integer from 1 to \(max)",
                                               found: literal(node)))
                return nil
            }
        }
        return integer(node, path, in: 1...max, expectedZh: "正整数", expectedEn: "a positive integer")
    }

    /// A list of strings.
    package func strings(_ node: JSON5Node, _ path: JSON5Path) -> [String]? {
        guard let elements = array(node, path) else { return nil }
        var out: [String] = []
        var ok = true
        for (i, element) in elements.enumerated() {
            if let s = string(element, path.index(i)) { out.append(s) } else { ok = false }
        }
        return ok ? out : nil
    }

    // MARK: Describing values

    package func typeError(_ node: JSON5Node, _ path: JSON5Path, expectedZh: String, expectedEn: String) {
        report(node, path, .wrongType(expectedZh: expectedZh, expectedEn: expectedEn,
                                      foundZh: JSON5FieldReader.describeZh(node.value), foundEn: JSON5FieldReader.describeEn(node.value)))
    }

    /// The value as written, for messages (`-5`, `"abc"`).
    package func literal(_ node: JSON5Node) -> String {
        switch node.value {
        case .number(let n): return JSON5FieldReader.clip(n.text)
        case .string(let s): return JSON5Path.quoted(JSON5FieldReader.clip(s))
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .object: return "{…}"
        case .array: return "[…]"
        }
    }

    static func describeZh(_ value: JSON5Value) -> String {
        switch value {
        case .object: return "对象 {…}"
        case .array: return "数组 […]"
        case .string(let s): return "字符串 \(JSON5Path.quoted(clip(s)))"
        case .number(let n): return "数字 \(clip(n.text))"
        case .bool(let b): return b ? " true" : " false"
        case .null: return " null"
        }
    }

    static func describeEn(_ value: JSON5Value) -> String {
        switch value {
        case .object: return "an object {…}"
        case .array: return "an array […]"
        case .string(let s): return "the string \(JSON5Path.quoted(clip(s)))"
        case .number(let n): return "the number \(clip(n.text))"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    package static func clip(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }
}

/// An object whose keys were checked by ``JSON5FieldReader/object(_:_:fields:optional:)``.
package struct JSON5Object {
    let node: JSON5Node
    let path: JSON5Path
    let members: [JSON5Member]

    /// The first value given for `key`, null included.
    package subscript(key: String) -> JSON5Node? {
        members.first { $0.key == key }?.value
    }

    /// The value for an optional `key`; absent and `null` both mean "not given".
    package func optional(_ key: String) -> JSON5Node? {
        guard let node = self[key] else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
}

/// Reading an input file as text; a failure is a diagnostic, never a thrown error.
package enum LoaderFile {
    /// Largest criteria, manifest or calendar file read: 16 MiB (real ones are a few KiB).
    package static let maxBytes = 16 << 20

    /// The file's text, or a diagnostic saying why it could not be read.
    package static func read(_ path: String, whatZh: String, whatEn: String) -> (text: String?, diagnostic: Diagnostic?) {
        switch FileBytes.kind(of: path) {
        case .regular: break
        case .absent: return (nil, Diagnostic(.fileNotFound(path, whatZh: whatZh, whatEn: whatEn), file: path))
        case .folder: return (nil, Diagnostic(.isFolder(path, whatZh: whatZh, whatEn: whatEn), file: path))
        case .danglingLink: return (nil, Diagnostic(.danglingLink(path), file: path))
        case .special: return (nil, Diagnostic(.notARegularFile(path), file: path))
        }
        // Read with open/read, as data files are: `FileManager.contents(atPath:)` of the
        // toolchain's Foundation leaks on empty files.
        let data: Data
        switch FileBytes.contents(of: path, limit: LoaderFile.maxBytes) {
        case .bytes(let bytes): data = bytes
        case .tooLarge:
            return (nil, Diagnostic(.tooLarge(size: FileBytes.size(of: path) ?? LoaderFile.maxBytes + 1, limit: LoaderFile.maxBytes), file: path))
        case .unreadable:
            return (nil, Diagnostic(.unreadable(path, whatZh: whatZh, whatEn: whatEn), file: path))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, Diagnostic(.notUTF8(path, whatZh: whatZh, whatEn: whatEn), file: path))
        }
        return (text, nil)
    }

    /// `relative` resolved against `folder` (an absolute `relative` stays as it is).
    package static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The folder part of a path (`a/b/c.json5` → `a/b`; `c.json5` → empty).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}

extension Diagnostic.Message {
    /// A key the object does not allow; `guess` is the allowed key it most resembles.
    static func unknownField(_ key: String, guess: String?, allowed: [String]) -> Self {
        var zh = "未知字段 “\(key)”"
        var en = "unknown field \"\(key)\""
        if let guess {
            zh += "，是否应为 “\(guess)”？"
            en += "; did you mean \"\(guess)\"? Valid fields here: "
        } else {
            zh += "；"
            en += "; valid fields here: "
        }
        zh += "此处可用的字段：" + allowed.joined(separator: "、")
        en += allowed.joined(separator: ", ")
        return .error("json5.unknown-field", zh: zh, en: en)
    }

    static func missingField(_ key: String) -> Self {
        .error("json5.missing-field", zh: "缺少必填字段 “\(key)”", en: "required field \"\(key)\" is missing")
    }

    /// An empty list where at least one entry (`whatZh`, `whatEn`) is needed.
    static func emptyList(whatZh: String, whatEn: String) -> Self {
        .error("json5.empty-list", zh: "至少需要一个\(whatZh)", en: "at least one \(whatEn) is needed")
    }

    static var emptyText: Self {
        .error("json5.empty-text", zh: "不能为空", en: "must not be empty")
    }

    /// An id or name with spaces around it.
    static func surroundingSpaces(_ text: String) -> Self {
        .error("json5.surrounding-spaces", zh: "“\(text)” 首尾有空白；请删去空格", en: "\"\(text)\" has leading or trailing spaces; remove them")
    }

    /// A number that is not decimal (hexadecimal, Infinity, NaN).
    static func notDecimal(_ text: String) -> Self {
        .error("json5.not-decimal", zh: "应为十进制数字，实际是 \(text)", en: "expected a decimal number, found \(text)")
    }

    /// A number with more digits than the input limits allow.
    static func numberOutOfRange(_ text: String) -> Self {
        .error("json5.number-out-of-range",
               zh: "数字 \(text) 超出可精确计算的范围（整数部分至多 \(JSON5Number.maxIntegerDigits) 位，小数部分至多 \(JSON5Number.maxFractionDigits) 位）；请检查是否多打了数字，小数请四舍五入",
               en: "number \(text) is out of the exact range (at most \(JSON5Number.maxIntegerDigits) digits before and \(JSON5Number.maxFractionDigits) after the decimal point); check for extra digits, and round long decimals")
    }

    static func negative(_ found: String) -> Self {
        .error("json5.negative", zh: "不能为负数，实际是 \(found)", en: "must not be negative, found \(found)")
    }

    static func notPositive(_ found: String) -> Self {
        .error("json5.not-positive", zh: "应大于 0，实际是 \(found)", en: "must be greater than 0, found \(found)")
    }

    static func notFraction(_ found: String) -> Self {
        .error("json5.not-fraction", zh: "应在 0 到 1 之间，实际是 \(found)", en: "must be between 0 and 1, found \(found)")
    }

    /// A number that is not a whole number in the range `expectedZh`/`expectedEn` describe.
    static func badInteger(expectedZh: String, expectedEn: String, found: String) -> Self {
        .error("json5.bad-integer", zh: "应为\(expectedZh)，实际是 \(found)", en: "expected \(expectedEn), found \(found)")
    }

    /// A value of the wrong kind (a string for a number, an array for an object…).
    package static func wrongType(expectedZh: String, expectedEn: String, foundZh: String, foundEn: String) -> Self {
        .error("json5.wrong-type", zh: "应为\(expectedZh)，实际是\(foundZh)", en: "expected \(expectedEn), found \(foundEn)")
    }

    /// A JSON5 file (`whatZh`, `whatEn`: manifest, criteria, calendar) that does not exist.
    static func fileNotFound(_ path: String, whatZh: String, whatEn: String) -> Self {
        .error("file.not-found", zh: "找不到\(whatZh)文件 \(path)；请检查路径是否正确", en: "\(whatEn) file \(path) not found; check the path")
    }

    static func isFolder(_ path: String, whatZh: String, whatEn: String) -> Self {
        .error("file.is-folder", zh: "\(path) 是文件夹，应为\(whatZh)文件", en: "\(path) is a folder; expected a \(whatEn) file")
    }

    static func unreadable(_ path: String, whatZh: String, whatEn: String) -> Self {
        .error("file.unreadable", zh: "无法读取\(whatZh)文件 \(path)；请检查文件权限", en: "cannot read \(whatEn) file \(path); check its permissions")
    }

    /// A JSON5 file that is not UTF-8.
    static func notUTF8(_ path: String, whatZh: String, whatEn: String) -> Self {
        .error("encoding.not-utf8", zh: "\(whatZh)文件 \(path) 不是 UTF-8 编码；请用 UTF-8 另存",
               en: "\(whatEn) file \(path) is not UTF-8 text; save it as UTF-8")
    }
}
