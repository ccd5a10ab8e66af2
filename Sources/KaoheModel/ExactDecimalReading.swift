/// Reading the numbers users write (data files, criteria, command-line options), bounded so
/// that no computation of docs/scoring.md leaves `Int128`: with at most 9 digits before the
/// point and 10 after, a weight times a score, a total times a share and a year of summed
/// deductions all stay below 10^35.
extension ExactDecimal {
    /// Most digits a number read from input may have before the decimal point (leading zeros
    /// aside): up to 999 999 999, far above any score, deduction, weight or count of a year.
    @inlinable package static var maxInputIntegerDigits: Int { 9 }
    /// Most decimals a number read from input may have (trailing zeros aside).
    @inlinable package static var maxInputFractionDigits: Int { 10 }

    /// What reading a number written by a user gives.
    package enum Reading: Sendable, Hashable {
        case value(ExactDecimal)
        /// Not a plain decimal number (words, units, exponents, separators).
        case notANumber
        /// More than ``ExactDecimal/maxInputIntegerDigits`` digits before the point.
        case tooLarge
        /// More than ``ExactDecimal/maxInputFractionDigits`` decimals.
        case tooManyDecimals
    }

    /// Reads a plain decimal literal as ``init(_:)`` does (`-12.50`, `.5`, `3.`), within the
    /// input limits. Zeros the limits ignore are dropped from the value: `1.500000000000` reads
    /// as `1.5000000000`.
    package static func reading(_ text: some StringProtocol) -> Reading {
        reading(utf8: Substring(text).utf8)
    }

    /// ``reading(_:)`` on the text's UTF-8 bytes.
    package static func reading<Bytes: Collection>(utf8 bytes: Bytes) -> Reading where Bytes.Element == UInt8 {
        var negative = false
        var index = bytes.startIndex
        if index != bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        // At most 9 + 10 digits are kept: below 10^19, within UInt64.
        var mantissa: UInt64 = 0
        var integerDigits = 0      // significant digits before the point
        var fractionDigits = 0     // decimals kept
        var pendingZeros = 0       // zero decimals not yet kept
        var digits = 0
        var seenPoint = false
        var tooLarge = false, tooManyDecimals = false
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: ".") {
                if seenPoint { return .notANumber }
                seenPoint = true
                continue
            }
            guard byte >= 48 && byte <= 57 else { return .notANumber }
            let digit = UInt64(byte - 48)
            digits += 1
            if !seenPoint {
                if integerDigits == 0 && digit == 0 { continue }
                integerDigits += 1
                if integerDigits > maxInputIntegerDigits { tooLarge = true } else { mantissa = mantissa * 10 + digit }
            } else if digit == 0 {
                pendingZeros += 1
            } else if fractionDigits + pendingZeros + 1 > maxInputFractionDigits {
                tooManyDecimals = true
            } else {
                for _ in 0..<pendingZeros { mantissa *= 10 }
                fractionDigits += pendingZeros + 1
                pendingZeros = 0
                mantissa = mantissa * 10 + digit
            }
        }
        guard digits > 0 else { return .notANumber }
        if tooLarge { return .tooLarge }
        if tooManyDecimals { return .tooManyDecimals }
        // Zero decimals written are kept, up to the limit (`2.50` keeps two).
        let kept = Swift.min(pendingZeros, maxInputFractionDigits - fractionDigits)
        for _ in 0..<kept { mantissa *= 10 }
        let value = Int128(mantissa)
        return .value(ExactDecimal(checked: negative ? -value : value, exponent: fractionDigits + kept))
    }
}
