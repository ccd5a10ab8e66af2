/// An exact base-10 number: `mantissa × 10^-exponent`, an `Int128` mantissa and 0…30 decimals.
///
/// Scores, weights, deductions and rates are all `ExactDecimal`; no binary floating point
/// is used in scoring. Rounding is half-up (四舍五入, half away from zero) via ``rounded(_:)``.
///
/// Every operation is total: `+`, `-`, `*`, ``quotient(_:_:places:)``, ``rounded(_:)``,
/// comparisons and ``sum(_:)`` never trap. A result is exact whenever some mantissa within
/// `Int128` at some exponent 0…30 represents it. Otherwise it loses precision, not magnitude:
/// it is the exact result rounded half-up to the most decimals that fit, and only when even
/// its integer part is beyond `Int128` does it saturate at ±`Int128.max`. A quotient by zero
/// is zero. Numbers read from input are bounded (``maxInputIntegerDigits`` before the point,
/// ``maxInputFractionDigits`` after) so that no computation of docs/scoring.md comes near
/// either case.
package struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits, as an integer.
    package private(set) var mantissa: Int128
    /// Number of decimal places the mantissa carries (0…30).
    package private(set) var exponent: Int

    static let maxExponent = 30

    /// `mantissa × 10^-exponent`; an exponent outside 0…30 is brought within it (rounding
    /// half-up to 30 decimals, or scaling the mantissa, saturating if it overflows).
    package init(mantissa: Int128, exponent: Int) {
        if exponent >= 0 && exponent <= ExactDecimal.maxExponent {
            self.mantissa = mantissa
            self.exponent = exponent
        } else {
            self = ExactDecimal.fitted(mantissa: mantissa, exponent: exponent)
        }
    }

    /// A mantissa and an exponent already known to be within 0…30.
    @inline(__always)
    init(checked mantissa: Int128, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    package init(_ integer: Int) {
        self.init(checked: Int128(integer), exponent: 0)
    }

    package static let zero = ExactDecimal(0)
    package static let one = ExactDecimal(1)
    package static let hundred = ExactDecimal(100)

    /// Parses a plain decimal literal: optional sign, digits, optional fraction (`-12.50`, `.5`, `3.`).
    /// Exponents, thousands separators, `nan` and `inf` are rejected (returns nil), and so are
    /// more than 30 digits. Input files and options are read with ``reading(_:)`` instead,
    /// which bounds the digits.
    package init?(_ text: some StringProtocol) {
        self.init(utf8: Substring(text).utf8)
    }

    /// ``init(_:)`` on the text's UTF-8 bytes.
    private init?<Bytes: Collection>(utf8 bytes: Bytes) where Bytes.Element == UInt8 {
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
        self.init(checked: negative ? -mantissa : mantissa, exponent: exponent)
    }

    /// 10^n, for n in 0…38 (the powers of ten within `Int128`).
    package static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The mantissa expressed with `places` decimals (places ≥ exponent), nil when beyond `Int128`.
    @inline(__always)
    func mantissa(exactlyAt places: Int) -> Int128? {
        if places == exponent { return mantissa }
        let (m, overflow) = mantissa.multipliedReportingOverflow(by: ExactDecimal.power(places - exponent))
        return overflow ? nil : m
    }

    package var isNegative: Bool { mantissa < 0 }
    package var isZero: Bool { mantissa == 0 }

    /// Drops trailing zero decimals: 95.50 → 95.5, 95.00 → 95.
    package var normalized: ExactDecimal {
        var m = mantissa, e = exponent
        while e > 0 && m % 10 == 0 { m /= 10; e -= 1 }
        return ExactDecimal(checked: m, exponent: e)
    }

    /// Half-up (away from zero) rounding to `places` decimals (taken within 0…30). A value
    /// whose mantissa cannot carry that many decimals keeps as many as fit, unchanged.
    package func rounded(_ places: Int) -> ExactDecimal {
        let places = Swift.min(Swift.max(places, 0), ExactDecimal.maxExponent)
        if exponent <= places {
            if let m = mantissa(exactlyAt: places) { return ExactDecimal(checked: m, exponent: places) }
            return ExactDecimal.fitted(WideInteger(mantissa, timesPowerOfTen: places - exponent), exponent: places)
        }
        let divisor = ExactDecimal.power(exponent - places)
        // |mantissa| / divisor ≤ 2^127 / 10: the result always fits.
        let q = ExactDecimal.divideHalfUp(mantissa.magnitude, divisor.magnitude)
        return ExactDecimal(checked: mantissa < 0 ? -Int128(q) : Int128(q), exponent: places)
    }

    /// `a / b` for magnitudes, rounding half up (`b` > 0); the quotient is at most `a`.
    @inline(__always)
    static func divideHalfUp(_ a: UInt128, _ b: UInt128) -> UInt128 {
        let q = a / b, r = a % b
        // 2r ≥ b, written so that 2r cannot overflow.
        return r >= b - r ? q + 1 : q
    }

    /// `a / b` rounded half-up to `places` decimals (taken within 0…30), computed exactly;
    /// zero when `b` is zero. A quotient too large for `places` decimals keeps as many as fit.
    package static func quotient(_ a: ExactDecimal, _ b: ExactDecimal, places: Int) -> ExactDecimal {
        let places = Swift.min(Swift.max(places, 0), maxExponent)
        guard b.mantissa != 0 else { return .zero }
        // a/b = (ma·10^-ea)/(mb·10^-eb); scale the numerator so the integer quotient has `places` decimals.
        let shift = places - a.exponent + b.exponent
        var numerator = a.mantissa.magnitude
        var denominator = b.mantissa.magnitude
        var overflow = false
        if shift >= 0 {
            if shift <= 38 { (numerator, overflow) = numerator.multipliedReportingOverflow(by: power(shift).magnitude) } else { overflow = true }
        } else {
            (denominator, overflow) = denominator.multipliedReportingOverflow(by: power(-shift).magnitude)
        }
        let negative = (a.mantissa < 0) != (b.mantissa < 0)
        if !overflow, let m = signed(divideHalfUp(numerator, denominator), negative: negative) {
            return ExactDecimal(checked: m, exponent: places)
        }
        return wideQuotient(a, b, places: places)
    }

    /// Greatest integer ≤ self, clamped to `Int`.
    package var floor: Int {
        let p = ExactDecimal.power(exponent)
        var q = mantissa / p
        if mantissa % p != 0 && mantissa < 0 { q -= 1 }
        return Int(clamping: q)
    }

    package static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.exponent == b.exponent {
            let (m, overflow) = a.mantissa.addingReportingOverflow(b.mantissa)
            if !overflow { return ExactDecimal(checked: m, exponent: a.exponent) }
        } else {
            let e = Swift.max(a.exponent, b.exponent)
            if let x = a.mantissa(exactlyAt: e), let y = b.mantissa(exactlyAt: e) {
                let (m, overflow) = x.addingReportingOverflow(y)
                if !overflow { return ExactDecimal(checked: m, exponent: e) }
            }
        }
        return wideSum(a, b, subtracting: false)
    }

    package static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.exponent == b.exponent {
            let (m, overflow) = a.mantissa.subtractingReportingOverflow(b.mantissa)
            if !overflow { return ExactDecimal(checked: m, exponent: a.exponent) }
        } else {
            let e = Swift.max(a.exponent, b.exponent)
            if let x = a.mantissa(exactlyAt: e), let y = b.mantissa(exactlyAt: e) {
                let (m, overflow) = x.subtractingReportingOverflow(y)
                if !overflow { return ExactDecimal(checked: m, exponent: e) }
            }
        }
        return wideSum(a, b, subtracting: true)
    }

    package static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let e = a.exponent + b.exponent
        let (m, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        if !overflow && e <= maxExponent { return ExactDecimal(checked: m, exponent: e).compacted }
        return fitted(WideInteger.product(a.mantissa, b.mantissa), exponent: e).compacted
    }

    package static prefix func - (a: ExactDecimal) -> ExactDecimal {
        if a.mantissa == .min { return fitted(WideInteger(a.mantissa).negated, exponent: a.exponent) }
        return ExactDecimal(checked: -a.mantissa, exponent: a.exponent)
    }

    package static func += (a: inout ExactDecimal, b: ExactDecimal) { a = a + b }
    package static func -= (a: inout ExactDecimal, b: ExactDecimal) { a = a - b }

    /// Keeps the exponent bounded after multiplication by dropping trailing zeros.
    var compacted: ExactDecimal { exponent > 12 ? normalized : self }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    @inline(__always)
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        var x = a.mantissa, y = b.mantissa
        if a.exponent < b.exponent {
            // A scaled mantissa beyond Int128 is beyond the other one too: its sign decides.
            guard let scaled = a.mantissa(exactlyAt: b.exponent) else { return a.mantissa < 0 ? -1 : 1 }
            x = scaled
        } else if b.exponent < a.exponent {
            guard let scaled = b.mantissa(exactlyAt: a.exponent) else { return b.mantissa < 0 ? 1 : -1 }
            y = scaled
        }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    package static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    package static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }

    package func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.exponent)
    }

    package static func sum<S: Sequence>(_ values: S) -> ExactDecimal where S.Element == ExactDecimal {
        values.reduce(.zero, +)
    }

    /// The value with exactly `places` decimals (`95.5` at 2 → "95.50"); rounds half-up if needed.
    package func formatted(places: Int) -> String {
        let r = rounded(places)
        return ExactDecimal.digits(r.mantissa, exponent: r.exponent)
    }

    /// Shortest exact form, as in JSON: `95`, `97.5`, `92.83`.
    package var description: String {
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
    package init(integerLiteral value: Int) { self.init(value) }
}
