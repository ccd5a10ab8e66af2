/// An exact base-10 number: `mantissa × 10^-exponent`.
///
/// Scores, weights, deductions and rates are all `ExactDecimal`; no binary floating point
/// is used in scoring. Rounding is half-up (四舍五入, half away from zero) via ``rounded(_:)``.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits, as an integer.
    public private(set) var mantissa: Int128
    /// Number of decimal places the mantissa carries (0…30).
    public private(set) var exponent: Int

    static let maxExponent = 30

    public init(mantissa: Int128, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int128(integer), exponent: 0)
    }

    public static let zero = ExactDecimal(0)
    public static let one = ExactDecimal(1)
    public static let hundred = ExactDecimal(100)

    /// Parses a plain decimal literal: optional sign, digits, optional fraction (`-12.50`, `.5`, `3.`).
    /// Exponents, thousands separators, `nan` and `inf` are rejected (returns nil).
    public init?(_ text: some StringProtocol) {
        self.init(utf8: Substring(text).utf8)
    }

    /// ``init(_:)`` on the text's UTF-8 bytes (the check log's fields are read as bytes).
    package init?<Bytes: Collection>(utf8 bytes: Bytes) where Bytes.Element == UInt8 {
        var utf8 = bytes[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var mantissa: Int128 = 0
        var exponent = 0
        var digits = 0
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48 && byte <= 57 else { return nil }
            digits += 1
            if digits > 30 { return nil }
            mantissa = mantissa * 10 + Int128(byte - 48)
            if seenPoint { exponent += 1 }
        }
        guard digits > 0 else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, exponent: exponent)
    }

    package static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The mantissa expressed with `places` decimals (places ≥ exponent).
    func mantissa(at places: Int) -> Int128 {
        mantissa * ExactDecimal.power(places - exponent)
    }

    public var isNegative: Bool { mantissa < 0 }
    public var isZero: Bool { mantissa == 0 }

    /// Drops trailing zero decimals: 95.50 → 95.5, 95.00 → 95.
    public var normalized: ExactDecimal {
        var m = mantissa, e = exponent
        while e > 0 && m % 10 == 0 { m /= 10; e -= 1 }
        return ExactDecimal(mantissa: m, exponent: e)
    }

    /// Half-up (away from zero) rounding to `places` decimals.
    public func rounded(_ places: Int) -> ExactDecimal {
        if exponent <= places { return ExactDecimal(mantissa: mantissa(at: places), exponent: places) }
        let divisor = ExactDecimal.power(exponent - places)
        return ExactDecimal(mantissa: ExactDecimal.divideHalfUp(mantissa, divisor), exponent: places)
    }

    /// Integer division rounding half away from zero.
    static func divideHalfUp(_ a: Int128, _ b: Int128) -> Int128 {
        precondition(b != 0)
        let negative = (a < 0) != (b < 0)
        let ua = a.magnitude, ub = b.magnitude
        var q = ua / ub
        let r = ua % ub
        if r * 2 >= ub { q += 1 }
        return negative ? -Int128(q) : Int128(q)
    }

    /// `a / b` rounded half-up to `places` decimals, computed exactly.
    public static func quotient(_ a: ExactDecimal, _ b: ExactDecimal, places: Int) -> ExactDecimal {
        // a/b = (ma·10^-ea)/(mb·10^-eb); scale the numerator so the integer quotient has `places` decimals.
        let shift = places - a.exponent + b.exponent
        var numerator = a.mantissa
        var denominator = b.mantissa
        if shift >= 0 { numerator *= power(shift) } else { denominator *= power(-shift) }
        return ExactDecimal(mantissa: divideHalfUp(numerator, denominator), exponent: places)
    }

    /// Greatest integer ≤ self.
    public var floor: Int {
        let p = ExactDecimal.power(exponent)
        var q = mantissa / p
        if mantissa % p != 0 && mantissa < 0 { q -= 1 }
        return Int(q)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let e = max(a.exponent, b.exponent)
        return ExactDecimal(mantissa: a.mantissa(at: e) + b.mantissa(at: e), exponent: e)
    }

    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let e = max(a.exponent, b.exponent)
        return ExactDecimal(mantissa: a.mantissa(at: e) - b.mantissa(at: e), exponent: e)
    }

    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent).compacted
    }

    public static prefix func - (a: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: -a.mantissa, exponent: a.exponent)
    }

    public static func += (a: inout ExactDecimal, b: ExactDecimal) { a = a + b }
    public static func -= (a: inout ExactDecimal, b: ExactDecimal) { a = a - b }

    /// Keeps the exponent bounded after multiplication by dropping trailing zeros.
    var compacted: ExactDecimal { exponent > 12 ? normalized : self }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let e = max(a.exponent, b.exponent)
        return a.mantissa(at: e) < b.mantissa(at: e)
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let e = max(a.exponent, b.exponent)
        return a.mantissa(at: e) == b.mantissa(at: e)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.exponent)
    }

    public static func sum<S: Sequence>(_ values: S) -> ExactDecimal where S.Element == ExactDecimal {
        values.reduce(.zero, +)
    }

    /// The value with exactly `places` decimals (`95.5` at 2 → "95.50"); rounds half-up if needed.
    public func formatted(places: Int) -> String {
        let r = rounded(places)
        return ExactDecimal.digits(r.mantissa, exponent: r.exponent)
    }

    /// Shortest exact form, as in JSON: `95`, `97.5`, `92.83`.
    public var description: String {
        let n = normalized
        return ExactDecimal.digits(n.mantissa, exponent: n.exponent)
    }

    static func digits(_ mantissa: Int128, exponent: Int) -> String {
        let negative = mantissa < 0
        var s = String(mantissa.magnitude)
        if exponent > 0 {
            if s.count <= exponent { s = String(repeating: "0", count: exponent - s.count + 1) + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -exponent))
        }
        return negative ? "-" + s : s
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
