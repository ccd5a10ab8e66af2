import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// A JSON document with ordered object keys and exact decimal numbers, serialised compactly
/// or indented. Used for every `--format json` output.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    public static func int(_ value: Int) -> JSONValue { .number(ExactDecimal(value)) }
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Two-space indented JSON with a final newline.
    public func serialized(indent: Bool = true) -> String {
        var out = ""
        write(to: &out, level: 0, indent: indent)
        return indent ? out + "\n" : out
    }

    private func write(to out: inout String, level: Int, indent: Bool) {
        let pad = indent ? "\n" + String(repeating: "  ", count: level + 1) : ""
        let close = indent ? "\n" + String(repeating: "  ", count: level) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Arrays of scalars stay on one line.
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += scalars && indent ? ", " : "," }
                if !scalars { out += pad }
                item.write(to: &out, level: level + 1, indent: indent)
            }
            out += scalars ? "]" : close + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                out += pad
                JSONValue.escape(key, into: &out)
                out += indent ? ": " : ":"
                value.write(to: &out, level: level + 1, indent: indent)
            }
            out += close + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) { JSONString.append(s, to: &out) }
}
