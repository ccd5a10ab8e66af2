import KaoheModel
/// A parsed JSON5 value with the place it starts in its file.
///
/// Line and column are 1-based; the column counts characters (grapheme clusters), so a
/// Chinese character counts as one column, as it does in the message caret.
package struct JSON5Node: Sendable, Hashable {
    package var value: JSON5Value
    package var line: Int
    package var column: Int

    package init(_ value: JSON5Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// The value tree of a JSON5 document. Objects keep their members in file order, including
/// repeated keys (the parser reports those).
package enum JSON5Value: Sendable, Hashable {
    case object([JSON5Member])
    case array([JSON5Node])
    case string(String)
    case number(JSON5Number)
    case bool(Bool)
    case null
}

/// One `key: value` pair of an object; the key carries its own position.
package struct JSON5Member: Sendable, Hashable {
    package var key: String
    package var keyLine: Int
    package var keyColumn: Int
    package var value: JSON5Node

    package init(key: String, keyLine: Int, keyColumn: Int, value: JSON5Node) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}

/// A number literal, kept as written so it converts to ``ExactDecimal`` without binary rounding.
package struct JSON5Number: Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// Digits with optional sign, decimal point and exponent (`-1.5`, `.5`, `+3.`, `2e3`).
        case decimal
        /// `0x1F`.
        case hexadecimal
        /// `Infinity`, `-Infinity`.
        case infinity
        /// `NaN`.
        case nan
    }

    /// The literal exactly as written, sign included.
    package var text: String
    package var kind: Kind

    package init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    package var description: String { text }

    /// Digits allowed before and after the decimal point (leading and trailing zeros aside):
    /// the limits of every number read from input (``ExactDecimal/maxInputIntegerDigits``).
    package static var maxIntegerDigits: Int { ExactDecimal.maxInputIntegerDigits }
    package static var maxFractionDigits: Int { ExactDecimal.maxInputFractionDigits }

    /// The outcome of converting the literal to an exact decimal.
    package enum Conversion: Sendable, Hashable {
        case value(ExactDecimal)
        /// Hexadecimal, Infinity or NaN: not a plain decimal number.
        case notDecimal
        /// More than ``maxIntegerDigits`` digits before or ``maxFractionDigits`` after the point.
        case outOfRange
    }

    /// Converts a decimal literal exactly (exponents are applied to the digits, not computed
    /// in binary): `0.1` is exactly one tenth and `2.5e1` is exactly 25.
    package var conversion: Conversion {
        guard kind == .decimal else { return .notDecimal }
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        var exponentDigits = 0
        for scalar in scalars {
            if inExponent {
                if scalar == "+" || scalar == "-" {
                    guard exponentDigits == 0 else { return .outOfRange }
                    exponentNegative = scalar == "-"
                } else if let d = JSON5Number.digit(scalar) {
                    exponentDigits += 1
                    // Saturate: anything this large is out of range unless the digits are all zero.
                    if exponent < 1_000_000 { exponent = exponent * 10 + d }
                } else {
                    return .notDecimal
                }
            } else if scalar == "." {
                guard pointPosition == nil else { return .notDecimal }
                pointPosition = digits.count
            } else if scalar == "e" || scalar == "E" {
                inExponent = true
            } else if let d = JSON5Number.digit(scalar) {
                digits.append(UInt8(d))
            } else {
                return .notDecimal
            }
        }
        guard !digits.isEmpty, !inExponent || exponentDigits > 0 else { return .notDecimal }
        // The decimal point sits after `point` digits of `digits`.
        var point = (pointPosition ?? digits.count) + (exponentNegative ? -exponent : exponent)
        var start = 0
        while start < digits.count && digits[start] == 0 { start += 1; point -= 1 }
        var end = digits.count
        while end > start && digits[end - 1] == 0 { end -= 1 }
        if start == end { return .value(.zero) }
        let count = end - start
        let integerDigits = max(0, point)
        let fractionDigits = max(0, count - point)
        guard integerDigits <= JSON5Number.maxIntegerDigits,
              fractionDigits <= JSON5Number.maxFractionDigits else { return .outOfRange }
        var mantissa: Int128 = 0
        for d in digits[start..<end] { mantissa = mantissa * 10 + Int128(d) }
        if point > count { mantissa *= ExactDecimal.power(point - count) }
        return .value(ExactDecimal(mantissa: negative ? -mantissa : mantissa, exponent: fractionDigits))
    }

    /// The exact value, or nil for hexadecimal, Infinity, NaN or out-of-range literals.
    package var decimal: ExactDecimal? {
        if case .value(let v) = conversion { return v }
        return nil
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        return v >= 48 && v <= 57 ? Int(v - 48) : nil
    }
}

/// Where a value sits in a document, as written in messages: `categories[2].points`.
package struct JSON5Path: Sendable, Hashable, CustomStringConvertible {
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    package var components: [Component]

    package init(_ components: [Component] = []) { self.components = components }

    package static let root = JSON5Path()

    package var isRoot: Bool { components.isEmpty }

    /// The path of a member of this object.
    package func key(_ name: String) -> JSON5Path { JSON5Path(components + [.key(name)]) }

    /// The path of an element of this array.
    package func index(_ i: Int) -> JSON5Path { JSON5Path(components + [.index(i)]) }

    /// `categories[2].points`; keys that are not plain words are quoted: `["a b"]`. Empty at the root.
    package var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let k):
                if JSON5Path.isPlain(k) {
                    out += out.isEmpty ? k : "." + k
                } else {
                    out += "[" + JSON5Path.quoted(k) + "]"
                }
            }
        }
        return out
    }

    /// The path as it starts a message; the root is named in words.
    package func text(_ language: Language) -> String {
        if isRoot { return language == .zh ? "（顶层）" : "(top level)" }
        return description
    }

    private static func isPlain(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        for scalar in key.unicodeScalars {
            if scalar == "." || scalar == "[" || scalar == "]" || scalar == "\"" || scalar == ":"
                || scalar.properties.isWhitespace || scalar.value < 0x20 { return false }
        }
        return true
    }

    static func quoted(_ s: String) -> String { JSONString.quoted(s) }
}

/// A parsed JSON5 file: the root value and the file's lines (for message excerpts).
package struct JSON5Document: Sendable {
    package var root: JSON5Node
    /// The lines of the file without their line terminators.
    package var lines: [String]

    package init(root: JSON5Node, lines: [String]) {
        self.root = root
        self.lines = lines
    }

    /// The text of a 1-based line, or nil past the end.
    package func lineText(_ line: Int) -> String? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }
}
