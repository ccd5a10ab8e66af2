/// A column of decimals kept in 5 bytes each (a 32-bit mantissa and its exponent) instead of
/// the 32 of ``ExactDecimal``, for facts kept per unit and period in a year of many units.
/// Values read back exactly as stored, exponent included (`2` and `2.0` stay distinct); a
/// mantissa beyond 32 bits is kept aside.
package struct CompactDecimals: Sendable {
    private var mantissas: [Int32] = []
    private var exponents: [Int8] = []
    private var wide: [Int: ExactDecimal] = [:]
    private static let inWide = Int8.min

    package init() {}

    package init(reservingCapacity n: Int) {
        mantissas.reserveCapacity(n)
        exponents.reserveCapacity(n)
    }

    package var count: Int { mantissas.count }

    package mutating func append(_ value: ExactDecimal) {
        if let narrow = Int32(exactly: value.mantissa), value.exponent >= 0, value.exponent <= Int(Int8.max) {
            mantissas.append(narrow)
            exponents.append(Int8(value.exponent))
        } else {
            wide[mantissas.count] = value
            mantissas.append(0)
            exponents.append(CompactDecimals.inWide)
        }
    }

    package subscript(index: Int) -> ExactDecimal {
        let exponent = exponents[index]
        if exponent == CompactDecimals.inWide { return wide[index] ?? .zero }
        return ExactDecimal(mantissa: Int128(mantissas[index]), exponent: Int(exponent))
    }
}
