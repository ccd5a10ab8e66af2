import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// A JSON document with ordered object keys and exact decimal numbers, serialised compactly
/// or indented. Used for every `--format json` output.
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are made one at a time as it is written, so that a long list
    /// (every unit of a province) is never held whole; written exactly as `.array` would be.
    case lazy(LazyArray)

    /// The elements of a ``lazy`` array: how many, and how to make the one at an index.
    package struct LazyArray: Sendable {
        package var count: Int
        /// Whether the elements are scalars (written on one line, as `.array` writes them).
        package var scalars: Bool
        package var element: @Sendable (Int) -> JSONValue
        package init(count: Int, scalars: Bool = false, element: @escaping @Sendable (Int) -> JSONValue) {
            self.count = count; self.scalars = scalars; self.element = element
        }
    }

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    package func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    package static func int(_ value: Int) -> JSONValue { .number(ExactDecimal(value)) }
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    package static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Two-space indented JSON with a final newline.
    package func serialized(indent: Bool = true) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// ``serialized(indent:)`` as UTF-8 bytes.
    package func bytes(indent: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var sink = Sink(flush: nil)
        write(to: &out, level: 0, indent: indent, sink: &sink)
        if indent { out.append(0x0A) }
        return out
    }

    /// Writes ``serialized(indent:)`` in chunks of about `chunk` bytes to `flush`, as it is
    /// made; stops early (returning false) when `flush` returns false.
    @discardableResult
    package func stream(indent: Bool = true, chunk: Int = 1 << 20, to flush: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        return withoutActuallyEscaping(flush) { flush in
            var sink = Sink(flush: flush, chunk: chunk)
            write(to: &out, level: 0, indent: indent, sink: &sink)
            if indent { out.append(0x0A) }
            if sink.ok, !out.isEmpty { sink.ok = out.withUnsafeBufferPointer(flush) }
            return sink.ok
        }
    }

    /// Where full chunks go while writing (nothing when writing whole).
    private struct Sink {
        var flush: ((UnsafeBufferPointer<UInt8>) -> Bool)?
        var chunk = 1 << 20
        var ok = true

        /// Hands the buffer on when it holds a chunk.
        mutating func drain(_ out: inout [UInt8]) {
            guard let flush, out.count >= chunk else { return }
            if ok { ok = out.withUnsafeBufferPointer(flush) }
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Newline and two spaces per level.
    private static func pad(_ out: inout [UInt8], level: Int) {
        out.append(0x0A)
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    private func write(to out: inout [UInt8], level: Int, indent: Bool, sink: inout Sink) {
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
                item.write(to: &out, level: level + 1, indent: indent, sink: &sink)
            }
            if !scalars && indent { JSONValue.pad(&out, level: level) }
            out.append(0x5D)
        case .lazy(let items):
            if items.count <= 0 { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            for i in 0..<items.count {
                if i > 0 {
                    out.append(0x2C)
                    if items.scalars && indent { out.append(0x20) }
                }
                if !items.scalars && indent { JSONValue.pad(&out, level: level + 1) }
                items.element(i).write(to: &out, level: level + 1, indent: indent, sink: &sink)
                sink.drain(&out)
            }
            if !items.scalars && indent { JSONValue.pad(&out, level: level) }
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
                value.write(to: &out, level: level + 1, indent: indent, sink: &sink)
            }
            if indent { JSONValue.pad(&out, level: level) }
            out.append(0x7D)
        }
    }

    static func escape(_ s: String, into out: inout String) { JSONString.append(s, to: &out) }
}
