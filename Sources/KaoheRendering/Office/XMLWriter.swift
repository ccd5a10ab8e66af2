/// A small XML writer for the parts of an Office package: elements opened and closed in order,
/// attribute values and text escaped, and the characters XML 1.0 forbids (control characters
/// other than tab, line feed and carriage return; U+FFFE and U+FFFF) left out, so no text from
/// a data file can break the markup.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private var open: [String] = []

    typealias Attributes = [(String, String)]

    /// Opens `<name …>`; ``close()`` ends it.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        text += "<" + name + XMLWriter.attributes(attributes) + ">"
        open.append(name)
    }

    /// Closes the element opened last.
    mutating func close() {
        guard let name = open.popLast() else { return }
        text += "</" + name + ">"
    }

    /// `<name …/>`.
    mutating func empty(_ name: String, _ attributes: Attributes = []) {
        text += "<" + name + XMLWriter.attributes(attributes) + "/>"
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: Attributes = [], text content: String) {
        text += "<" + name + XMLWriter.attributes(attributes) + ">" + XMLWriter.escape(content) + "</" + name + ">"
    }

    /// The document with every element still open closed.
    var finished: String {
        var copy = self
        while !copy.open.isEmpty { copy.close() }
        return copy.text
    }

    static func attributes(_ attributes: Attributes) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1, attribute: true))\"" }.joined()
    }

    /// `text` with `&`, `<`, `>` (and in an attribute `"`, tab and line ends) escaped, and the
    /// characters XML 1.0 cannot hold left out.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if allowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character (production `Char`).
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// `text` without the characters XML 1.0 cannot hold.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter(allowed)))
    }
}
