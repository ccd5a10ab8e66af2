import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheLoad
@testable import KaoheTestSupport

/// ExactDecimal's arithmetic is total: on extreme operands (mantissas near `Int128.max` and
/// `.min`, exponents 0…30, mixed) nothing traps, every result that some `Int128` mantissa at
/// some exponent 0…30 can hold is exact, and any other is the exact result rounded half-up
/// at its exponent, or saturated. Exact results come from ``Big``, a plain big integer.
@Suite struct ExactDecimalOverflowTests {
    static let rounds = 4000

    // MARK: operands

    /// A mantissa at or near the edges of `Int128`, a power of ten, or random.
    static func mantissa(_ rng: inout SplitMix64) -> Int128 {
        let sign: Int128 = rng.chance(percent: 50) ? -1 : 1
        switch rng.below(9) {
        case 0: return Int128.max - Int128(rng.below(3))
        case 1: return Int128.min + Int128(rng.below(3))
        case 2: return sign * (ExactDecimal.power(rng.between(0...38)) + Int128(rng.between(-2...2)))
        case 3: return Int128(truncatingIfNeeded: UInt128(rng.next()) << 64 | UInt128(rng.next()))
        case 4:
            let digits = rng.between(1...38)
            return sign * Int128((UInt128(rng.next()) << 64 | UInt128(rng.next())) % UInt128(ExactDecimal.power(digits)))
        case 5: return Int128(rng.between(-1000...1000))
        case 6: return 0
        case 7: return sign * (Int128.max / ExactDecimal.power(rng.between(0...38)))
        default: return sign * Int128(rng.next() >> UInt64(rng.below(64)))
        }
    }

    static func exponent(_ rng: inout SplitMix64) -> Int {
        rng.pick([0, 30, rng.between(0...30), 1, 29, rng.between(0...4), rng.between(26...30)])
    }

    static func decimal(_ rng: inout SplitMix64) -> ExactDecimal {
        ExactDecimal(mantissa: mantissa(&rng), exponent: exponent(&rng))
    }

    // MARK: checks against the exact value

    /// The exact `value / 10^exponent` at the most decimals (≤ 30) whose half-up rounding fits
    /// in `Int128`, as a mantissa and its exponent; nil when none does (the result saturates).
    static func fitted(_ value: Big, exponent: Int) -> (mantissa: Big, exponent: Int)? {
        for k in stride(from: min(exponent, ExactDecimal.maxExponent), through: 0, by: -1) {
            let q = value.dividedRoundingHalfUp(by: Big.power(exponent - k))
            if q.int128 != nil { return (q, k) }
        }
        return nil
    }

    /// Whether some `Int128` mantissa at some exponent 0…30 is exactly `value / 10^exponent`.
    static func representable(_ value: Big, exponent: Int) -> Bool {
        guard let f = fitted(value, exponent: exponent) else { return false }
        return Big.sameValue(f.mantissa, f.exponent, value, exponent)
    }

    static func isSaturated(_ r: ExactDecimal) -> Bool {
        r.exponent == 0 && (r.mantissa == Int128.max || r.mantissa == -Int128.max)
    }

    /// `r` against the exact `value / 10^exponent`: the same number as ``fitted(_:exponent:)``
    /// (so exact whenever that is representable), or saturated when nothing fits.
    static func expectFitted(_ r: ExactDecimal, _ value: Big, exponent: Int, _ what: @autoclosure () -> String) {
        #expect((0...ExactDecimal.maxExponent).contains(r.exponent), "\(what())")
        guard let expected = fitted(value, exponent: exponent) else {
            #expect(isSaturated(r), "\(what()) = \(r), exact \(value)e-\(exponent)")
            return
        }
        #expect(Big.sameValue(Big(r.mantissa), r.exponent, expected.mantissa, expected.exponent),
                "\(what()) = \(r), exact \(value)e-\(exponent)")
    }

    // MARK: properties

    @Test func additionAndSubtractionAreTotal() {
        var rng = SplitMix64(seed: 0xADD)
        for _ in 0..<Self.rounds {
            let a = Self.decimal(&rng), b = Self.decimal(&rng)
            let e = max(a.exponent, b.exponent)
            let x = Big(a.mantissa) * Big.power(e - a.exponent), y = Big(b.mantissa) * Big.power(e - b.exponent)
            Self.expectFitted(a + b, x + y, exponent: e, "\(a) + \(b)")
            Self.expectFitted(a - b, x - y, exponent: e, "\(a) - \(b)")
            var c = a
            c += b
            #expect(c == a + b)
            Self.expectFitted(-a, Big(a.mantissa).negated, exponent: a.exponent, "-\(a)")
        }
    }

    @Test func multiplicationIsTotal() {
        var rng = SplitMix64(seed: 0x3A1)
        for _ in 0..<Self.rounds {
            let a = Self.decimal(&rng), b = Self.decimal(&rng)
            Self.expectFitted(a * b, Big(a.mantissa) * Big(b.mantissa), exponent: a.exponent + b.exponent, "\(a) × \(b)")
        }
    }

    @Test func quotientIsTotal() {
        var rng = SplitMix64(seed: 0xD1F)
        for _ in 0..<Self.rounds {
            let a = Self.decimal(&rng), b = Self.decimal(&rng)
            let places = rng.pick([0, 2, 4, 30, rng.between(0...30)])
            let r = ExactDecimal.quotient(a, b, places: places)
            guard b.mantissa != 0 else {
                #expect(r.isZero)
                continue
            }
            // a/b = A·10^eb / (B·10^ea); rounded half away from zero at `places`.
            let numerator = Big(a.mantissa) * Big.power(b.exponent), denominator = Big(b.mantissa) * Big.power(a.exponent)
            // The quotient at `places`, or else at the most decimals below that fit.
            var expected: (Int128, Int)? = nil
            for p in stride(from: places, through: 0, by: -1) {
                if let m = (numerator * Big.power(p)).dividedRoundingHalfUp(by: denominator).int128 { expected = (m, p); break }
            }
            if let (m, p) = expected {
                #expect(r.mantissa == m && r.exponent == p, "\(a) ÷ \(b) at \(places) = \(r)")
            } else {
                #expect(Self.isSaturated(r), "\(a) ÷ \(b) at \(places) = \(r)")
            }
        }
    }

    /// −Int128.min at one decimal is beyond `Int128`: the quotient keeps no decimals and rounds
    /// …410572.8 up (the remainder's last digits decide, as the divisor is 1); one a little
    /// nearer zero keeps its decimal.
    @Test func quotientBeyondInt128KeepsFewerDecimals() {
        let min = ExactDecimal(mantissa: .min, exponent: 1)
        let r = ExactDecimal.quotient(min, ExactDecimal(-1), places: 1)
        #expect(r.mantissa == Int128.max / 10 + 1 && r.exponent == 0)
        let s = ExactDecimal.quotient(ExactDecimal(mantissa: .min + 5, exponent: 1), ExactDecimal(-1), places: 1)
        #expect(s.mantissa == Int128.max - 4 && s.exponent == 1)
    }

    @Test func roundingIsTotal() {
        var rng = SplitMix64(seed: 0x50D)
        for _ in 0..<Self.rounds {
            let a = Self.decimal(&rng)
            let places = rng.pick([0, 2, 30, rng.between(0...30), -1, 31])
            let r = a.rounded(places)
            let p = min(max(places, 0), 30)
            if a.exponent > p {
                let q = Big(a.mantissa).dividedRoundingHalfUp(by: Big.power(a.exponent - p))
                #expect(r.exponent == p && Big(r.mantissa) == q, "\(a) rounded to \(p) = \(r)")
            } else {
                #expect(r == a, "\(a) rounded to \(p) = \(r)")
                if (Big(a.mantissa) * Big.power(p - a.exponent)).int128 != nil { #expect(r.exponent == p) }
            }
            _ = a.formatted(places: places)
            _ = a.floor
            _ = a.description
        }
    }

    @Test func comparisonsAreTotalAndExact() {
        var rng = SplitMix64(seed: 0xC0A)
        for _ in 0..<Self.rounds {
            let a = Self.decimal(&rng)
            // Half the time an equal value written with other decimals.
            let b = rng.chance(percent: 30) ? a.normalized : Self.decimal(&rng)
            let e = max(a.exponent, b.exponent)
            let order = (Big(a.mantissa) * Big.power(e - a.exponent) - Big(b.mantissa) * Big.power(e - b.exponent)).signum
            #expect((a < b) == (order < 0), "\(a) < \(b)")
            #expect((a == b) == (order == 0), "\(a) == \(b)")
            #expect((a > b) == (order > 0), "\(a) > \(b)")
            if a == b { #expect(a.hashValue == b.hashValue) }
        }
    }

    @Test func sumsAreExactWhileEveryPartialSumIsRepresentable() {
        var rng = SplitMix64(seed: 0x5E7)
        for _ in 0..<Self.rounds / 4 {
            let values = (0..<rng.between(0...12)).map { _ in Self.decimal(&rng) }
            let sum = ExactDecimal.sum(values)
            var exact = Big(0), exponent = 0, representable = true
            for v in values {
                let e = max(exponent, v.exponent)
                exact = exact * Big.power(e - exponent) + Big(v.mantissa) * Big.power(e - v.exponent)
                exponent = e
                representable = representable && Self.representable(exact, exponent: exponent)
            }
            if representable { #expect(Big.sameValue(Big(sum.mantissa), sum.exponent, exact, exponent)) }
        }
    }

    @Test func constructionBringsAnyExponentWithin0To30() {
        #expect(ExactDecimal(mantissa: 15, exponent: 31) == ExactDecimal(mantissa: 2, exponent: 30))
        #expect(ExactDecimal(mantissa: 1, exponent: Int.max).isZero)
        #expect(ExactDecimal(mantissa: 5, exponent: -2) == ExactDecimal(500))
        #expect(ExactDecimal(mantissa: 5, exponent: -40) == ExactDecimal(mantissa: Int128.max, exponent: 0))
        #expect(ExactDecimal(mantissa: -5, exponent: Int.min) == ExactDecimal(mantissa: -Int128.max, exponent: 0))
        #expect(ExactDecimal.quotient(ExactDecimal(7), .zero, places: 2).isZero)
    }

    /// The overflow cases of the brief's reports, now exact or rounded instead of trapping.
    @Test func formerTraps() {
        let big = ExactDecimal("99999999999999999999999999999")!, tiny = ExactDecimal(".000000000000000000000000000001")!
        #expect(big + tiny == big)
        #expect(ExactDecimal(200_000_000) + tiny == ExactDecimal(200_000_000))
        let score = ExactDecimal("88.1234567890123456789012345678")!, weight = ExactDecimal("0.123456789012")!
        #expect((score * weight).rounded(2) == ExactDecimal("10.88"))
    }

    // MARK: reading input

    @Test func readingBoundsTheDigits() {
        #expect(ExactDecimal.reading("999999999.9999999999") == .value(ExactDecimal("999999999.9999999999")!))
        #expect(ExactDecimal.reading("1000000000") == .tooLarge)
        #expect(ExactDecimal.reading("1000000000000000000000000000000") == .tooLarge)
        #expect(ExactDecimal.reading("0000000000000000000000000000001") == .value(1))
        #expect(ExactDecimal.reading("0.00000000001") == .tooManyDecimals)
        #expect(ExactDecimal.reading("88.1234567890123456789012345678") == .tooManyDecimals)
        #expect(ExactDecimal.reading("1000000000.00000000001") == .tooLarge)
        #expect(ExactDecimal.reading("1.5000000000000") == .value(ExactDecimal(mantissa: 15_000_000_000, exponent: 10)))
        #expect(ExactDecimal.reading("2.50") == .value(ExactDecimal(mantissa: 250, exponent: 2)))
        #expect(ExactDecimal.reading("1e3") == .notANumber)
        #expect(ExactDecimal.reading("1234567890x") == .notANumber)
        #expect(ExactDecimal.reading("") == .notANumber)
    }

    /// The check log's byte parse agrees with ``ExactDecimal/reading(_:)``: the same value, or
    /// nil for every text that is not a value.
    @Test func checkLogBytesAgreeWithReading() {
        var rng = SplitMix64(seed: 0xB17E)
        let alphabet = Array("0000123456789.-+ x")
        for _ in 0..<20_000 {
            let count = rng.between(0...34)
            var text = String((0..<count).map { _ in rng.chance(percent: 85) ? Character(String(rng.below(10))) : rng.pick(alphabet) })
            if rng.chance(percent: 30), let i = text.indices.randomElement(using: &rng) { text.insert(".", at: i) }
            var copy = text
            let fast = copy.withUTF8 { ChecksFile.decimal($0) }
            switch ExactDecimal.reading(text) {
            case .value(let v):
                #expect(fast?.mantissa == v.mantissa && fast?.exponent == v.exponent, "\(text)")
                if let plain = ExactDecimal(text) { #expect(plain == v, "\(text)") }
            default:
                #expect(fast == nil, "\(text)")
            }
        }
    }
}

/// A signed integer of any size, for exact reference results: a sign and 32-bit limbs, least
/// significant first.
struct Big: Equatable, CustomStringConvertible {
    private(set) var negative: Bool
    private(set) var limbs: [UInt32]

    init(negative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.negative = negative && !limbs.isEmpty
    }

    init(_ value: Int128) {
        var m = value.magnitude
        var limbs: [UInt32] = []
        while m > 0 { limbs.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
        self.init(negative: value < 0, limbs: limbs)
    }

    /// 10^0 … 10^120.
    static let powers: [Big] = {
        var table = [Big(1)]
        for _ in 0..<120 { table.append(table[table.count - 1] * Big(10)) }
        return table
    }()

    static func power(_ n: Int) -> Big { powers[n] }

    var isZero: Bool { limbs.isEmpty }
    var signum: Int { isZero ? 0 : (negative ? -1 : 1) }
    var magnitude: Big { Big(negative: false, limbs: limbs) }
    var negated: Big { Big(negative: !negative, limbs: limbs) }

    /// The value as an `Int128`, nil when beyond it.
    var int128: Int128? {
        guard limbs.count <= 4 else { return nil }
        var m: UInt128 = 0
        for limb in limbs.reversed() { m = m << 32 | UInt128(limb) }
        if negative { return m <= Int128.min.magnitude ? Int128(truncatingIfNeeded: 0 &- m) : nil }
        return m <= UInt128(Int128.max) ? Int128(m) : nil
    }

    func compareMagnitude(_ other: Big) -> Int { Big.compare(limbs, other.limbs) }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a − b for a ≥ b.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 1 << 32 }
            out.append(UInt32(d))
        }
        return out
    }

    static func + (a: Big, b: Big) -> Big {
        if a.negative == b.negative { return Big(negative: a.negative, limbs: add(a.limbs, b.limbs)) }
        if compare(a.limbs, b.limbs) >= 0 { return Big(negative: a.negative, limbs: subtract(a.limbs, b.limbs)) }
        return Big(negative: b.negative, limbs: subtract(b.limbs, a.limbs))
    }

    static func - (a: Big, b: Big) -> Big { a + b.negated }

    static func * (a: Big, b: Big) -> Big {
        if a.isZero || b.isZero { return Big(0) }
        var out = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count + 1)
        for (i, x) in a.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, y) in b.limbs.enumerated() {
                let t = UInt64(x) * UInt64(y) + out[i + j] + carry
                out[i + j] = t & 0xFFFF_FFFF
                carry = t >> 32
            }
            out[i + b.limbs.count] += carry
        }
        return Big(negative: a.negative != b.negative, limbs: out.map { UInt32(truncatingIfNeeded: $0) })
    }

    /// Truncating division (the remainder takes the dividend's sign): by limbs for a one-limb
    /// divisor, else bit by bit.
    func quotientAndRemainder(dividingBy d: Big) -> (Big, Big) {
        if d.limbs.count == 1 {
            let divisor = UInt64(d.limbs[0])
            var q = [UInt32](repeating: 0, count: limbs.count)
            var r: UInt64 = 0
            for i in stride(from: limbs.count - 1, through: 0, by: -1) {
                let t = r << 32 | UInt64(limbs[i])
                q[i] = UInt32(t / divisor)
                r = t % divisor
            }
            return (Big(negative: negative != d.negative, limbs: q), Big(negative: negative, limbs: [UInt32(r)]))
        }
        var q = [UInt32](repeating: 0, count: limbs.count)
        var r = [UInt32](repeating: 0, count: d.limbs.count + 1)
        let dl = d.limbs + [0]
        for bit in stride(from: limbs.count * 32 - 1, through: 0, by: -1) {
            var carry = limbs[bit / 32] >> UInt32(bit % 32) & 1
            for i in r.indices {
                let next = r[i] >> 31
                r[i] = r[i] << 1 | carry
                carry = next
            }
            var geq = true
            for i in stride(from: r.count - 1, through: 0, by: -1) where r[i] != dl[i] { geq = r[i] > dl[i]; break }
            if geq {
                var borrow: UInt32 = 0
                for i in r.indices {
                    let (a, o1) = r[i].subtractingReportingOverflow(dl[i])
                    let (b, o2) = a.subtractingReportingOverflow(borrow)
                    r[i] = b
                    borrow = o1 || o2 ? 1 : 0
                }
                q[bit / 32] |= 1 << UInt32(bit % 32)
            }
        }
        return (Big(negative: negative != d.negative, limbs: q), Big(negative: negative, limbs: r))
    }

    /// self / d rounded half away from zero.
    func dividedRoundingHalfUp(by d: Big) -> Big {
        let (q, r) = quotientAndRemainder(dividingBy: d)
        guard (r.magnitude * Big(2)).compareMagnitude(d) >= 0 else { return q }
        return q + Big(negative != d.negative ? -1 : 1)
    }

    /// Whether a·10^-ea and b·10^-eb are the same number.
    static func sameValue(_ a: Big, _ ea: Int, _ b: Big, _ eb: Int) -> Bool {
        let e = max(ea, eb)
        return a * power(e - ea) == b * power(e - eb)
    }

    var description: String {
        if isZero { return "0" }
        var digits: [Character] = []
        var value = magnitude
        while !value.isZero {
            let (q, r) = value.quotientAndRemainder(dividingBy: Big(10))
            digits.append(Character(String(r.int128 ?? 0)))
            value = q
        }
        return (negative ? "-" : "") + String(digits.reversed())
    }
}
