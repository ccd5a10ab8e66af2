import Foundation
import Testing
import KaoheKit
import KaoheCLI
@testable import KaoheRendering

/// Golden cases of the workbooks and Word documents: a folder under `Golden/office/` holding
/// `args` (one argument a line; `{output}` stands for the file written), `why`, and `parts` —
/// every part of the package in order, its XML one element a line, so a change in layout shows
/// in review as a readable diff. `KAOHE_RECORD=1` rewrites `parts`.
@Suite(.serialized) struct OfficeGoldenTests {
    static let cases = Golden.cases("Golden/office", marker: "args")

    @Test func thereAreOfficeCases() {
        #expect(OfficeGoldenTests.cases.count >= 4)
    }

    @Test(arguments: OfficeGoldenTests.cases)
    func office(_ name: String) throws {
        let folder = Golden.testsFolder.appendingPathComponent("Golden/office").appendingPathComponent(name)
        if let problem = Golden.whyProblem(folder) { Issue.record(Comment(rawValue: problem)) }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaohe-office-\(getpid())-\(name)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let args = (Golden.read(folder.appendingPathComponent("args")) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0 == "{output}" ? output : String($0) }
        let result = Golden.run(args)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
        let entries = try StoredZip.entries(bytes)
        var text = ""
        for entry in entries {
            text += "== \(entry.name) ==\n" + XMLLayout.pretty(String(decoding: entry.data, as: UTF8.self))
        }
        if let problem = Golden.compare(text, folder.appendingPathComponent("parts")) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// A workbook or document is a file: without `--output` the command line is refused, and
    /// `--format docx` only where there is a document to issue.
    @Test func fileFormatsNeedOutput() {
        let data = "Tests/kaoheTests/Golden/_data/office"
        let workbook = Golden.run(["grade", data, "--format", "xlsx"])
        #expect(workbook.exitCode == 2 && workbook.stderr.contains("--output") && workbook.stdout.isEmpty)
        let english = Golden.run(["bulletin", data, "--month", "1", "--format", "docx", "--lang", "en"])
        #expect(english.exitCode == 2 && english.stderr.contains("give --output FILE"))
        let rank = Golden.run(["rank", data, "--annual", "--format", "docx", "--output", "/dev/null"])
        #expect(rank.exitCode == 2 && rank.stderr.contains("bulletin、report 和 grade"))
    }

    /// What the writer deflates inflates back to the same bytes: empty, short, repetitive (long
    /// matches, far distances) and random inputs.
    @Test func deflateRoundTrips() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var inputs: [[UInt8]] = [[], [7], Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8)]
        inputs.append(Array(String(repeating: "<c r=\"A1\" s=\"3\"><v>97.00</v></c>青石镇", count: 3000).utf8))
        inputs.append((0..<70_000).map { _ in UInt8(truncatingIfNeeded: next()) })
        inputs.append((0..<100_000).map { i in UInt8(truncatingIfNeeded: i % 251 == 0 ? next() : UInt64(i / 97 % 7)) })
        for input in inputs {
            let packed = Deflate.compress(input)
            #expect(try FixedInflate.inflate(packed) == input, "round trip of \(input.count) bytes")
        }
        #expect(Deflate.compress(inputs[3]).count < inputs[3].count / 10)
    }

    /// The same command gives the same bytes (fixed times, fixed order).
    @Test func reproducible() throws {
        let folder = Golden.root.appendingPathComponent("Tests/kaoheTests/Golden/_data/office").path
        var files: [[UInt8]] = []
        for run in 0..<2 {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-office-\(getpid())-same-\(run).docx").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = Golden.run(["bulletin", folder, "--month", "1", "--format", "docx", "--output", output])
            files.append(try [UInt8](Data(contentsOf: URL(fileURLWithPath: output))))
        }
        #expect(files[0] == files[1])
    }
}

/// Reads the ZIP archives kaohe writes (entries stored or deflated, in order), checking each
/// entry's CRC-32.
enum StoredZip {
    struct Entry {
        var name: String
        var data: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func entries(_ bytes: [UInt8]) throws -> [Entry] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        var entries: [Entry] = []
        var offset = 0
        while offset + 30 <= bytes.count, u32(offset) == 0x0403_4B50 {
            let method = u16(offset + 8)
            guard method == 0 || method == 8 else { throw Malformed(description: "entry at \(offset): method \(method)") }
            let crc = u32(offset + 14)
            let size = Int(u32(offset + 18))
            let uncompressed = Int(u32(offset + 22))
            let nameLength = u16(offset + 26), extra = u16(offset + 28)
            let nameStart = offset + 30
            let dataStart = nameStart + nameLength + extra
            guard dataStart + size <= bytes.count else { throw Malformed(description: "entry at \(offset) runs past the end") }
            let name = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            let raw = Array(bytes[dataStart..<dataStart + size])
            let data = method == 8 ? try FixedInflate.inflate(raw) : raw
            guard data.count == uncompressed else { throw Malformed(description: "\(name): size does not match") }
            guard crc32(data) == crc else { throw Malformed(description: "\(name): CRC-32 does not match") }
            entries.append(Entry(name: name, data: data))
            offset = dataStart + size
        }
        guard offset + 4 <= bytes.count, u32(offset) == 0x0201_4B50 else { throw Malformed(description: "no central directory at \(offset)") }
        return entries
    }

    /// A bitwise CRC-32, independent of the package's table-driven one.
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

/// XML laid out one element a line, indented by depth; an element holding only text stays on
/// one line with it.
enum XMLLayout {
    static func pretty(_ xml: String) -> String {
        var tokens: [(tag: Bool, text: Substring)] = []
        var index = xml.startIndex
        while index < xml.endIndex {
            if xml[index] == "<", let end = xml[index...].firstIndex(of: ">") {
                tokens.append((true, xml[index...end]))
                index = xml.index(after: end)
            } else {
                let end = xml[index...].firstIndex(of: "<") ?? xml.endIndex
                let text = xml[index..<end]
                if !text.allSatisfy(\.isWhitespace) { tokens.append((false, text)) }
                index = end
            }
        }
        var out = ""
        var depth = 0
        var i = 0
        func indent() -> String { String(repeating: "  ", count: max(0, depth)) }
        while i < tokens.count {
            let token = tokens[i]
            if !token.tag {
                out += indent() + token.text + "\n"
            } else if token.text.hasPrefix("<?") || token.text.hasSuffix("/>") {
                out += indent() + token.text + "\n"
            } else if token.text.hasPrefix("</") {
                depth -= 1
                out += indent() + token.text + "\n"
            } else if i + 2 < tokens.count, !tokens[i + 1].tag, tokens[i + 2].text.hasPrefix("</") {
                out += indent() + token.text + tokens[i + 1].text + tokens[i + 2].text + "\n"
                i += 3
                continue
            } else if i + 1 < tokens.count, tokens[i + 1].text.hasPrefix("</") {
                out += indent() + token.text + tokens[i + 1].text + "\n"
                i += 2
                continue
            } else {
                out += indent() + token.text + "\n"
                depth += 1
            }
            i += 1
        }
        return out
    }
}

/// Inflates the DEFLATE streams kaohe writes: stored blocks and blocks with the fixed Huffman
/// codes (RFC 1951 §3.2.4–3.2.6); a block with dynamic codes is refused.
enum FixedInflate {
    static func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var position = 0   // in bits
        func bits(_ count: Int) throws -> Int {
            var value = 0
            for k in 0..<count {
                guard position >> 3 < input.count else { throw StoredZip.Malformed(description: "deflate stream ends early") }
                value |= Int((input[position >> 3] >> UInt8(position & 7)) & 1) << k
                position += 1
            }
            return value
        }
        /// A Huffman code, most significant bit first.
        func code(_ count: Int) throws -> Int {
            var value = 0
            for _ in 0..<count { value = value << 1 | (try bits(1)) }
            return value
        }
        func symbol() throws -> Int {
            let seven = try code(7)
            if seven <= 0b0010111 { return seven + 256 }
            let eight = seven << 1 | (try bits(1))
            if (0x30...0xBF).contains(eight) { return eight - 0x30 }
            if (0xC0...0xC7).contains(eight) { return eight - 0xC0 + 280 }
            let nine = eight << 1 | (try bits(1))
            return nine - 0x190 + 144
        }
        let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                            4097, 6145, 8193, 12289, 16385, 24577]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        var out: [UInt8] = []
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0:
                position = (position + 7) & ~7
                let length = try bits(16)
                _ = try bits(16)
                for _ in 0..<length { out.append(UInt8(try bits(8))) }
            case 1:
                while true {
                    let s = try symbol()
                    if s < 256 { out.append(UInt8(s)); continue }
                    if s == 256 { break }
                    let index = s - 257
                    guard index < lengthBase.count else { throw StoredZip.Malformed(description: "bad length code \(s)") }
                    let length = lengthBase[index] + (try bits(lengthExtra[index]))
                    let d = try code(5)
                    guard d < distanceBase.count else { throw StoredZip.Malformed(description: "bad distance code \(d)") }
                    let distance = distanceBase[d] + (try bits(distanceExtra[d]))
                    guard distance <= out.count else { throw StoredZip.Malformed(description: "distance past the start") }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default:
                throw StoredZip.Malformed(description: "a block with dynamic Huffman codes")
            }
        } while last == 0
        return out
    }
}
