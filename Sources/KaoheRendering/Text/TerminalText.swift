/// Text from the input made safe to print: a unit name, note or title may hold control
/// characters (an escape sequence can clear the screen, set the clipboard or hide a link), so
/// text and Markdown output show them as visible escapes instead of sending them.
enum TerminalText {
    /// `text` with ESC shown as `\e`, CR as `\r`, other C0 controls and DEL as `\xNN`, and C1
    /// controls (U+0080–U+009F) as `\u{NN}`; tabs are kept, and line feeds too unless `singleLine`
    /// (a table cell or a diagnostic message stays on one line: `\n`).
    static func safe(_ text: String, singleLine: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, singleLine: singleLine) }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, singleLine: singleLine) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0D: out += "\\r"
            case 0x0A: out += "\\n"
            case 0x80...0x9F: out += "\\u{" + hex(scalar.value) + "}"
            default: out += "\\x" + hex(scalar.value)
            }
        }
        return out
    }

    @inline(__always)
    static func needsEscape(_ scalar: Unicode.Scalar, singleLine: Bool) -> Bool {
        let v = scalar.value
        if v == 0x09 { return false }
        if v == 0x0A { return singleLine }
        return v < 0x20 || (v >= 0x7F && v <= 0x9F)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
