import Foundation

/// A buffered CSV file writer: UTF-8 without BOM, LF line endings, fields quoted only when
/// they hold a comma, a quote or a line break (RFC 4180).
final class CSVOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20
    /// Records written, the header not counted.
    private(set) var records = 0
    let path: String

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw SampleError("cannot create \(path)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SampleError("cannot write \(path)")
        }
        self.handle = handle
        buffer.reserveCapacity(CSVOutput.flushSize + 4096)
    }

    /// Writes the header row (not counted as a record).
    func header(_ names: [String]) throws {
        try row(names)
        records -= 1
    }

    func row(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: CSVOutput.escaped(field))
        }
        try endRow()
    }

    /// Appends bytes that are already a complete, escaped record including its line ending.
    func raw(_ bytes: [UInt8], records count: Int) throws {
        buffer.append(contentsOf: bytes)
        records += count
        if buffer.count >= CSVOutput.flushSize { try flush() }
    }

    private func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        records += 1
        if buffer.count >= CSVOutput.flushSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    /// The field as it appears in the file.
    static func escaped(_ field: String) -> [UInt8] {
        let bytes = Array(field.utf8)
        let special = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard special else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}

struct SampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a small text file (UTF-8, LF).
func writeText(_ text: String, to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw SampleError("cannot create \(path)")
    }
}

/// `87.4` from 874 tenths; `90` from 900.
func tenths(_ value: Int) -> String {
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
}
