/// Why a workbook cannot be read.
package enum WorkbookError: Error, Equatable, Sendable {
    case archive(ArchiveError)
    /// A part (`xl/workbook.xml`) that is not well-formed XML as far as it is read.
    case malformedXML(part: String, offset: Int)
    /// A DOCTYPE or entity declaration, which workbooks never need (refused, never expanded).
    case doctype(part: String)
    /// A part the workbook needs is missing.
    case missingPart(String)
    /// A workbook without a worksheet (or with hidden sheets only).
    case noSheets
    /// A formula cell without a cached value (a file written by a program, never opened in a
    /// spreadsheet program): `cell` as `检查记录!C17`.
    case formulaWithoutValue(cell: String)
    /// A cell reference that is not one (`r="?"`), or a row or column out of Excel's range.
    case badCellReference(part: String, String)
}

/// A pull reader for the XML that SpreadsheetML parts use: elements, attributes, text,
/// the five predefined entities and numeric character references. Comments, processing
/// instructions and the XML declaration are skipped; CDATA is text; a DOCTYPE (and so any
/// entity declaration) is refused. Bytes come in chunks from `source`; no token may be larger
/// than ``maxToken``.
package final class XMLReader {
    package enum Event: Equatable { case start, end, text, eof }

    package static let maxToken = 16 << 20

    private var buffer: [UInt8] = []
    private var pos = 0
    /// Bytes dropped from the front of `buffer` so far (for error offsets).
    private var dropped = 0
    private var atEnd = false
    private let source: (inout [UInt8]) throws(WorkbookError) -> Bool
    private var chunk: [UInt8] = []
    let part: String

    // The current token is kept as ranges of `buffer` (valid until the next event), so that
    // reading a tag or a text allocates nothing unless it holds a reference to unescape.
    private var nameRange = 0..<0
    private var attributeRanges: [(name: Range<Int>, value: Range<Int>, unescaped: Int)] = []
    /// Unescaped values of attributes (and text) that held references, indexed by `unescaped`.
    private var unescapedValues: [[UInt8]] = []
    private var textRange = 0..<0
    private var textUnescaped = -1

    /// The element's local name (its prefix dropped) after `.start` and `.end`.
    package var name: [UInt8] { Array(buffer[nameRange]) }
    /// After `.start`: whether the element closed itself (`<c/>`); no `.end` follows it.
    package private(set) var selfClosing = false
    /// After `.text`: the unescaped text.
    package var text: [UInt8] { textUnescaped >= 0 ? unescapedValues[textUnescaped] : Array(buffer[textRange]) }

    /// A reader of `part` whose bytes `source` gives, replacing its argument with the next
    /// chunk and returning false at the end.
    package init(part: String, source: @escaping (inout [UInt8]) throws(WorkbookError) -> Bool) {
        self.part = part
        self.source = source
    }

    /// A reader of bytes given whole.
    package convenience init(part: String, bytes: [UInt8]) {
        var given = false
        self.init(part: part) { (chunk: inout [UInt8]) throws(WorkbookError) -> Bool in
            if given { return false }
            given = true
            chunk = bytes
            return true
        }
    }

    /// The value of attribute `name` (a local name), if present.
    package func attribute(_ name: StaticString) -> ArraySlice<UInt8>? {
        for attribute in attributeRanges where equal(attribute.name, name) {
            return attribute.unescaped >= 0 ? unescapedValues[attribute.unescaped][...] : buffer[attribute.value]
        }
        return nil
    }

    package func attributeString(_ name: StaticString) -> String? {
        attribute(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether attribute `name` is present with the value `value`.
    package func attribute(_ name: StaticString, is value: StaticString) -> Bool {
        guard let found = attribute(name) else { return false }
        return found.elementsEqual(UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
    }

    /// Whether the current element's local name is `wanted`.
    package func named(_ wanted: StaticString) -> Bool { equal(nameRange, wanted) }

    private func equal(_ range: Range<Int>, _ wanted: StaticString) -> Bool {
        guard range.count == wanted.utf8CodeUnitCount else { return false }
        let start = wanted.utf8Start
        var i = 0
        for index in range {
            if buffer[index] != start[i] { return false }
            i += 1
        }
        return true
    }

    /// Appends the current text (after `.text`) to `out`.
    package func appendText(to out: inout [UInt8]) {
        if textUnescaped >= 0 { out += unescapedValues[textUnescaped] } else { out += buffer[textRange] }
    }

    private func malformed() -> WorkbookError { .malformedXML(part: part, offset: dropped + pos) }

    /// Makes at least `count` bytes available from `pos` if the part has them; false if not.
    private func ensure(_ count: Int) throws(WorkbookError) -> Bool {
        while buffer.count - pos < count {
            if atEnd { return false }
            if pos > 0 {
                buffer.removeFirst(pos)
                dropped += pos
                pos = 0
            }
            if try !source(&chunk) {
                atEnd = true
                return buffer.count - pos >= count
            }
            buffer += chunk
            if buffer.count > XMLReader.maxToken + (4 << 20) && count > XMLReader.maxToken { throw malformed() }
        }
        return true
    }

    /// The index of the first `byte` at or after `from`, reading more as needed.
    private func find(_ byte: UInt8, from: Int) throws(WorkbookError) -> Int? {
        var at = from
        while true {
            if pos + at < buffer.count, let hit = buffer[(pos + at)...].firstIndex(of: byte) { return hit - pos }
            at = max(at, buffer.count - pos)
            if at > XMLReader.maxToken { throw malformed() }
            guard try ensure(at + 1) else { return nil }
        }
    }

    /// The index of `pattern` at or after `from`.
    private func find(_ pattern: [UInt8], from: Int) throws(WorkbookError) -> Int? {
        var at = from
        while let hit = try find(pattern[0], from: at) {
            guard try ensure(hit + pattern.count) else { return nil }
            if buffer[(pos + hit)..<(pos + hit + pattern.count)].elementsEqual(pattern) { return hit }
            at = hit + 1
        }
        return nil
    }

    /// The next event.
    package func next() throws(WorkbookError) -> Event {
        unescapedValues.removeAll(keepingCapacity: true)
        textUnescaped = -1
        while true {
            guard try ensure(1) else { return .eof }
            if buffer[pos] != 0x3C {
                // Text up to the next `<`.
                let end = try find(0x3C, from: 0) ?? (buffer.count - pos)
                textRange = pos..<(pos + end)
                if buffer[textRange].contains(0x26) {
                    unescapedValues.append(try XMLReader.unescape(buffer[textRange], part: part))
                    textUnescaped = unescapedValues.count - 1
                }
                pos += end
                return .text
            }
            guard try ensure(2) else { throw malformed() }
            switch buffer[pos + 1] {
            case 0x3F:  // <? … ?>
                guard let end = try find([0x3F, 0x3E], from: 2) else { throw malformed() }
                pos += end + 2
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
                if try ensure(4), buffer[pos + 2] == 0x2D, buffer[pos + 3] == 0x2D {
                    guard let end = try find(Array("-->".utf8), from: 4) else { throw malformed() }
                    pos += end + 3
                } else if try ensure(9), buffer[(pos + 2)..<(pos + 9)].elementsEqual("[CDATA[".utf8) {
                    guard let end = try find(Array("]]>".utf8), from: 9) else { throw malformed() }
                    textRange = (pos + 9)..<(pos + end)
                    pos += end + 3
                    return .text
                } else {
                    throw WorkbookError.doctype(part: part)
                }
            case 0x2F:  // </name>
                guard let end = try find(0x3E, from: 2) else { throw malformed() }
                nameRange = localName((pos + 2)..<(pos + end))
                pos += end + 1
                return .end
            default:
                try readStartTag()
                return .start
            }
        }
    }

    /// Skips to the end of the element just started (its children included).
    package func skipElement() throws(WorkbookError) {
        if selfClosing { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start: if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: break
            case .eof: throw malformed()
            }
        }
    }

    /// The text of the element just started, up to its end (text of children included).
    package func elementText() throws(WorkbookError) -> [UInt8] {
        var all: [UInt8] = []
        try appendElementText(to: &all)
        return all
    }

    /// Appends the text of the element just started, up to its end, to `all`.
    package func appendElementText(to all: inout [UInt8]) throws(WorkbookError) {
        if selfClosing { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start: if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: appendText(to: &all)
            case .eof: throw malformed()
            }
        }
    }

    private func readStartTag() throws(WorkbookError) {
        // Find the closing `>` outside quoted attribute values.
        var at = 1
        var quote: UInt8 = 0
        while true {
            if pos + at >= buffer.count {
                if at > XMLReader.maxToken { throw malformed() }
                guard try ensure(at + 1) else { throw malformed() }
            }
            let b = buffer[pos + at]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                break
            } else if b == 0x3C {
                throw malformed()
            }
            at += 1
        }
        let end = pos + at
        selfClosing = at > 1 && buffer[end - 1] == 0x2F
        var i = pos + 1
        let stop = selfClosing ? end - 1 : end
        while i < stop && !XMLReader.isSpace(buffer[i]) { i += 1 }
        nameRange = localName((pos + 1)..<i)
        guard !nameRange.isEmpty else { throw malformed() }
        attributeRanges.removeAll(keepingCapacity: true)
        while i < stop {
            while i < stop && XMLReader.isSpace(buffer[i]) { i += 1 }
            if i >= stop { break }
            let nameStart = i
            while i < stop && buffer[i] != 0x3D && !XMLReader.isSpace(buffer[i]) { i += 1 }
            let attributeName = localName(nameStart..<i)
            while i < stop && XMLReader.isSpace(buffer[i]) { i += 1 }
            guard i < stop, buffer[i] == 0x3D else { throw malformed() }
            i += 1
            while i < stop && XMLReader.isSpace(buffer[i]) { i += 1 }
            guard i < stop, buffer[i] == 0x22 || buffer[i] == 0x27 else { throw malformed() }
            let q = buffer[i]
            let valueStart = i + 1
            i = valueStart
            while i < stop && buffer[i] != q { i += 1 }
            guard i < stop else { throw malformed() }
            var unescaped = -1
            if buffer[valueStart..<i].contains(0x26) {
                unescapedValues.append(try XMLReader.unescape(buffer[valueStart..<i], part: part))
                unescaped = unescapedValues.count - 1
            }
            attributeRanges.append((attributeName, valueStart..<i, unescaped))
            i += 1
        }
        pos = end + 1
    }

    /// The local name in `range` of the buffer: trailing spaces and any prefix (`x:`) dropped.
    private func localName(_ range: Range<Int>) -> Range<Int> {
        var upper = range.upperBound
        while upper > range.lowerBound && XMLReader.isSpace(buffer[upper - 1]) { upper -= 1 }
        var lower = range.lowerBound
        var i = upper
        while i > lower {
            if buffer[i - 1] == 0x3A {
                lower = i
                break
            }
            i -= 1
        }
        return lower..<upper
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Text with its entity and character references replaced.
    static func unescape(_ raw: ArraySlice<UInt8>, part: String) throws(WorkbookError) -> [UInt8] {
        guard raw.contains(0x26) else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let b = raw[i]
            guard b == 0x26 else {
                out.append(b)
                i += 1
                continue
            }
            guard let semicolon = raw[i...].firstIndex(of: 0x3B), semicolon - i <= 12 else {
                throw WorkbookError.malformedXML(part: part, offset: i)
            }
            let entity = raw[(i + 1)..<semicolon]
            switch String(decoding: entity, as: UTF8.self) {
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "amp": out.append(0x26)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            case let reference where reference.hasPrefix("#"):
                let hex = reference.hasPrefix("#x") || reference.hasPrefix("#X")
                let digits = reference.dropFirst(hex ? 2 : 1)
                guard !digits.isEmpty, let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value),
                      value != 0 else {
                    throw WorkbookError.malformedXML(part: part, offset: i)
                }
                out += Array(String(Character(scalar)).utf8)
            default:
                // An entity that would have to be declared: never expanded.
                throw WorkbookError.malformedXML(part: part, offset: i)
            }
            i = semicolon + 1
        }
        return out
    }
}
