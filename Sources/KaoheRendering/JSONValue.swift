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
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// ``serialized(indent:)`` as UTF-8 bytes.
    public func bytes(indent: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, level: 0, indent: indent)
        if indent { out.append(0x0A) }
        return out
    }

    /// Newline and two spaces per level.
    private static func pad(_ out: inout [UInt8], level: Int) {
        out.append(0x0A)
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    private func write(to out: inout [UInt8], level: Int, indent: Bool) {
        switch self {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .number(let n): out.append(contentsOf: n.description.utf8)
        case .string(let s): JSONString.append(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(0x5B); out.append(0x5D); return }
            // Arrays of scalars stay on one line.
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 {
                    out.append(0x2C)
                    if scalars && indent { out.append(0x20) }
                }
                if !scalars && indent { JSONValue.pad(&out, level: level + 1) }
                item.write(to: &out, level: level + 1, indent: indent)
            }
            if !scalars && indent { JSONValue.pad(&out, level: level) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                if indent { JSONValue.pad(&out, level: level + 1) }
                JSONString.append(key, to: &out)
                out.append(0x3A)
                if indent { out.append(0x20) }
                value.write(to: &out, level: level + 1, indent: indent)
            }
            if indent { JSONValue.pad(&out, level: level) }
            out.append(0x7D)
        }
    }

    static func escape(_ s: String, into out: inout String) { JSONString.append(s, to: &out) }
}
