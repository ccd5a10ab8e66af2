import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
    /// Whether trimming spaces might change the field.
    @inline(__always)
    static func needsTrim(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return DataTable.mayStartWithSpace(first) || DataTable.mayEndWithSpace(last)
    }

    /// `pass`/`fail` in any ASCII case, `合格`/`不合格`.
    @inline(__always)
    static func result(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch b.count {
        case 4:
            let word = (UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24) | 0x2020_2020
            if word == 0x7373_6170 { return true }   // "pass"
            if word == 0x6C69_6166 { return false }  // "fail"
            return nil
        case 6:
            // 合格
            return b[0] == 0xE5 && b[1] == 0x90 && b[2] == 0x88 && b[3] == 0xE6 && b[4] == 0xA0 && b[5] == 0xBC ? true : nil
        case 9:
            // 不合格
            return b[0] == 0xE4 && b[1] == 0xB8 && b[2] == 0x8D && b[3] == 0xE5 && b[4] == 0x90 && b[5] == 0x88
                && b[6] == 0xE6 && b[7] == 0xA0 && b[8] == 0xBC ? false : nil
        default:
            return nil
        }
    }

    /// ``ExactDecimal/reading(_:)`` on bytes, nil for anything but a number within the input
    /// limits (the full validation then says what is wrong); one pass, no allocation.
    @inline(__always)
    static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var i = 0
        let n = b.count
        var negative = false
        if n > 0 && (b[0] == 0x2D || b[0] == 0x2B) {
            negative = b[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var integerDigits = 0, fractionDigits = 0, pendingZeros = 0, digits = 0
        var seenPoint = false
        while i < n {
            let byte = b[i]
            i += 1
            if byte == 0x2E {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            let digit = UInt64(byte &- 48)
            guard digit <= 9 else { return nil }
            digits += 1
            if !seenPoint {
                if integerDigits == 0 && digit == 0 { continue }
                integerDigits += 1
                guard integerDigits <= ExactDecimal.maxInputIntegerDigits else { return nil }
                mantissa = mantissa &* 10 &+ digit
            } else if digit == 0 {
                pendingZeros += 1
            } else {
                fractionDigits += pendingZeros + 1
                guard fractionDigits <= ExactDecimal.maxInputFractionDigits else { return nil }
                while pendingZeros > 0 { mantissa &*= 10; pendingZeros -= 1 }
                mantissa = mantissa &* 10 &+ digit
            }
        }
        guard digits > 0 else { return nil }
        while pendingZeros > 0 && fractionDigits < ExactDecimal.maxInputFractionDigits {
            mantissa &*= 10
            fractionDigits += 1
            pendingZeros -= 1
        }
        let value = Int128(mantissa)
        return ExactDecimal(mantissa: negative ? -value : value, exponent: fractionDigits)
    }
}
