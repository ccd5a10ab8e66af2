/// The slow side of ``ExactDecimal``'s arithmetic, taken only when a result leaves `Int128`
/// or 30 decimals: the exact result is formed in 256 bits, then fitted (rounded half-up to
/// the most decimals that fit, else saturated).
extension ExactDecimal {
    /// ±`Int128.max`: where a result beyond `Int128` even as an integer stops.
    static func saturated(negative: Bool) -> ExactDecimal {
        ExactDecimal(checked: negative ? -Int128.max : Int128.max, exponent: 0)
    }

    /// A magnitude with a sign as an `Int128`, nil when beyond it.
    @inline(__always)
    static func signed(_ magnitude: UInt128, negative: Bool) -> Int128? {
        if negative {
            if magnitude < Int128.min.magnitude { return -Int128(magnitude) }
            return magnitude == Int128.min.magnitude ? .min : nil
        }
        return magnitude <= UInt128(Int128.max) ? Int128(magnitude) : nil
    }

    /// `mantissa × 10^-exponent` for any exponent, within 0…30 decimals.
    static func fitted(mantissa: Int128, exponent: Int) -> ExactDecimal {
        if exponent >= 0 { return fitted(WideInteger(mantissa), exponent: exponent) }
        if mantissa == 0 { return ExactDecimal(checked: 0, exponent: 0) }
        // 10^39 · |mantissa| is beyond Int128 whatever the mantissa.
        guard exponent >= -38 else { return saturated(negative: mantissa < 0) }
        return fitted(WideInteger(mantissa, timesPowerOfTen: -exponent), exponent: 0)
    }

    /// `value × 10^-exponent` (exponent ≥ 0) as the closest ``ExactDecimal``: exact at the
    /// largest exponent ≤ min(exponent, 30) whose rounded mantissa fits in `Int128`, else saturated.
    static func fitted(_ value: WideInteger, exponent: Int) -> ExactDecimal {
        var drop = Swift.max(0, exponent - maxExponent)
        while true {
            let r = value.dividedRoundingHalfUp(byPowerOfTen: drop)
            if let m = r.int128 { return ExactDecimal(checked: m, exponent: exponent - drop) }
            if drop >= exponent { return saturated(negative: value.negative) }
            drop += 1
        }
    }

    /// `a ± b` when the aligned mantissas or their sum leave `Int128`.
    static func wideSum(_ a: ExactDecimal, _ b: ExactDecimal, subtracting: Bool) -> ExactDecimal {
        let e = Swift.max(a.exponent, b.exponent)
        let x = WideInteger(a.mantissa, timesPowerOfTen: e - a.exponent)
        var y = WideInteger(b.mantissa, timesPowerOfTen: e - b.exponent)
        if subtracting { y = y.negated }
        return fitted(x.adding(y), exponent: e)
    }

    /// ``quotient(_:_:places:)`` when the scaled operands or the quotient leave `Int128`:
    /// the quotient at `places` decimals, or at the most decimals below that fit.
    static func wideQuotient(_ a: ExactDecimal, _ b: ExactDecimal, places: Int) -> ExactDecimal {
        let negative = (a.mantissa < 0) != (b.mantissa < 0)
        let ua = a.mantissa.magnitude, ub = b.mantissa.magnitude
        for p in stride(from: places, through: 0, by: -1) {
            let shift = p - a.exponent + b.exponent
            let q = shift >= 0 ? scaledQuotient(ua, ub, shift: shift) : reducedQuotient(ua, ub, shift: -shift)
            if let q, let m = signed(q, negative: negative) { return ExactDecimal(checked: m, exponent: p) }
        }
        return saturated(negative: negative)
    }

    /// `u · 10^shift / d` rounded half-up (d > 0), nil when beyond `UInt128`; long division
    /// by chunks of 38 digits.
    static func scaledQuotient(_ u: UInt128, _ d: UInt128, shift: Int) -> UInt128? {
        var q = u / d, r = u % d
        var rest = shift
        while rest > 0 {
            let k = Swift.min(rest, 38)
            let p = power(k).magnitude
            // r < d, so r·p < d·2^128 and the quotient below fits in 128 bits.
            let product = r.multipliedFullWidth(by: p)
            let (digits, remainder) = d.dividingFullWidth(product)
            let (scaled, o1) = q.multipliedReportingOverflow(by: p)
            let (next, o2) = scaled.addingReportingOverflow(digits)
            if o1 || o2 { return nil }
            q = next
            r = remainder
            rest -= k
        }
        if r >= d - r {
            let (up, overflow) = q.addingReportingOverflow(1)
            return overflow ? nil : up
        }
        return q
    }

    /// `u / (d · 10^shift)` rounded half-up (d > 0, 1 ≤ shift ≤ 38).
    static func reducedQuotient(_ u: UInt128, _ d: UInt128, shift: Int) -> UInt128? {
        let p = power(shift).magnitude
        let t = u / p, r1 = u % p
        let q = t / d, r2 = t % d
        // The remainder is r2·p + r1 of divisor d·p: half or more when 2·r2 ≥ d, or when
        // 2·r2 = d − 1 and 2·r1 ≥ p.
        let up = r2 >= d - r2 || (d - r2 == r2 + 1 && r1 >= p - r1)
        return up ? q + 1 : q
    }
}

/// A signed integer of 256 bits as a sign and a magnitude: enough for a product of two
/// `Int128`s, or an `Int128` times 10^38.
struct WideInteger {
    var negative: Bool
    var high: UInt128
    var low: UInt128

    init(negative: Bool, high: UInt128, low: UInt128) {
        self.negative = negative && (high != 0 || low != 0)
        self.high = high
        self.low = low
    }

    init(_ value: Int128) {
        self.init(negative: value < 0, high: 0, low: value.magnitude)
    }

    /// `value · 10^n`, n in 0…38.
    init(_ value: Int128, timesPowerOfTen n: Int) {
        let (high, low) = value.magnitude.multipliedFullWidth(by: ExactDecimal.power(n).magnitude)
        self.init(negative: value < 0, high: high, low: low)
    }

    static func product(_ a: Int128, _ b: Int128) -> WideInteger {
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        return WideInteger(negative: (a < 0) != (b < 0), high: high, low: low)
    }

    var negated: WideInteger { WideInteger(negative: !negative, high: high, low: low) }

    var isZero: Bool { high == 0 && low == 0 }

    /// The value as an `Int128`, nil when beyond it.
    var int128: Int128? {
        high == 0 ? ExactDecimal.signed(low, negative: negative) : nil
    }

    /// Magnitudes compared.
    static func magnitudeLess(_ a: WideInteger, _ b: WideInteger) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    /// `self + other` (the callers' magnitudes stay far below 2^255).
    func adding(_ other: WideInteger) -> WideInteger {
        if negative == other.negative {
            let (low, carry) = low.addingReportingOverflow(other.low)
            return WideInteger(negative: negative, high: high &+ other.high &+ (carry ? 1 : 0), low: low)
        }
        let (big, small) = WideInteger.magnitudeLess(self, other) ? (other, self) : (self, other)
        let (low, borrow) = big.low.subtractingReportingOverflow(small.low)
        return WideInteger(negative: big.negative, high: big.high &- small.high &- (borrow ? 1 : 0), low: low)
    }

    /// The magnitude divided by `d` (> 0), truncated, with the remainder.
    func dividedTruncating(by d: UInt128) -> (quotient: WideInteger, remainder: UInt128) {
        let qHigh = high / d, rHigh = high % d
        let (qLow, remainder) = d.dividingFullWidth((high: rHigh, low: low))
        return (WideInteger(negative: negative, high: qHigh, low: qLow), remainder)
    }

    /// The value divided by 10^n (n ≥ 0), rounded half away from zero.
    func dividedRoundingHalfUp(byPowerOfTen n: Int) -> WideInteger {
        guard n > 0 else { return self }
        // 2^256 < 5·10^77: anything divided by 10^78 or more rounds to zero.
        guard n < 78 else { return WideInteger(negative: false, high: 0, low: 0) }
        var value = self
        var rest = n
        // Truncating first, then rounding on the last divisor alone, rounds the whole quotient.
        while rest > 38 {
            value = value.dividedTruncating(by: ExactDecimal.power(38).magnitude).quotient
            rest -= 38
        }
        let d = ExactDecimal.power(rest).magnitude
        let (q, r) = value.dividedTruncating(by: d)
        guard r >= d - r else { return q }
        let (low, carry) = q.low.addingReportingOverflow(1)
        return WideInteger(negative: negative, high: q.high &+ (carry ? 1 : 0), low: low)
    }
}
