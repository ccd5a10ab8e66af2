/// A string written as a JSON string literal, the one escaper of the program: the JSON output
/// and the JSON5 paths in criteria messages (`["a key"]`) both use it. Quotes, backslashes and
/// control characters are escaped, and U+2028 and U+2029 too, so the text is also valid
/// JavaScript.
package enum JSONString {
    package static func append(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    package static func quoted(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }
}
