import Foundation
import Testing
import KaoheKit
import KaoheCLI

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

/// Reads the ZIP archives kaohe writes (stored entries, in order), checking each entry's CRC-32.
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
            guard u16(offset + 8) == 0 else { throw Malformed(description: "entry at \(offset) is not stored") }
            let crc = u32(offset + 14)
            let size = Int(u32(offset + 18))
            let nameLength = u16(offset + 26), extra = u16(offset + 28)
            let nameStart = offset + 30
            let dataStart = nameStart + nameLength + extra
            guard dataStart + size <= bytes.count else { throw Malformed(description: "entry at \(offset) runs past the end") }
            let name = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            let data = Array(bytes[dataStart..<dataStart + size])
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
