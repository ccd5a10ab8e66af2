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

    /// ``ExactDecimal/init(_:)`` on bytes.
    @inline(__always)
    static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> ExactDecimal? { ExactDecimal(utf8: b) }
}
