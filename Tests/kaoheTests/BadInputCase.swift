import Foundation

/// One case of the bad-input corpus: the shared valid data folder `BadInput/_base` with the
/// changes of the case, read from its folder (see `BadInput/README.md`):
///
/// - `change`, a text file of instructions, one a line (`#` starts a comment line):
///   - `shown as <name>`: the case folder's name in the expected output (the output shows
///     `Tests/kaoheTests/BadInput/<name>`);
///   - `codes <code> …`: codes the diagnostics must include besides the one the case is named after;
///   - `<file>: add`, then lines `| <text>`: append the lines;
///   - `<file>: line <n> is`, then lines `| <text>`: replace line n with them;
///   - `<file>: before line <n> add`, then lines `| <text>`: insert them before line n;
///   - `<file>: delete line <n>`, `<file>: delete` (the whole file), `<file>: empty`;
///   - `<file>: copy of <path>`: the file `BadInput/<path>` (a criteria file to change).
///   Instructions apply in order; line numbers count in the file as changed so far.
/// - any other file in the case folder (besides `expected`) is used whole, instead of or besides
///   the base's.
struct BadInputCase {
    /// The case folder's name: a diagnostic code, with `-2`, `-3`… when several cases show one code.
    let name: String
    /// The folder name the expected output shows.
    var shownAs: String
    /// Codes the case's diagnostics must include.
    var codes: [String] = []
    /// File name → content, the base's files changed.
    var files: [String: Data] = [:]

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static let folder = Golden.testsFolder.appendingPathComponent("BadInput")

    /// The code the folder name stands for (its name without a `-<digits>` suffix), if it is one.
    var namedCode: String? {
        guard name.contains(".") else { return nil }
        if let dash = name.lastIndex(of: "-"), name[name.index(after: dash)...].allSatisfy(\.isNumber),
           name.index(after: dash) < name.endIndex {
            return String(name[..<dash])
        }
        return name
    }

    /// Every code the case must raise.
    var expectedCodes: [String] { (namedCode.map { [$0] } ?? []) + codes }

    /// The base folder's files, unchanged.
    static func base() throws -> [String: Data] {
        try files(in: folder.appendingPathComponent("_base"), except: [])
    }

    static func files(in folder: URL, except skipped: Set<String>) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !skipped.contains(name) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The base unchanged, to be written as a folder named `name`.
    init(baseAs name: String) throws {
        self.name = name
        shownAs = name
        files = try BadInputCase.base()
    }

    /// Reads the case folder `name` and applies its changes to the base.
    init(_ name: String) throws {
        try self.init(baseAs: name)
        let caseFolder = BadInputCase.folder.appendingPathComponent(name)
        guard let text = Golden.read(caseFolder.appendingPathComponent("change")) else {
            throw Problem(description: "\(name): no change file")
        }
        for (file, content) in try BadInputCase.files(in: caseFolder, except: ["change", "expected"]) {
            files[file] = content
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("shown as ") {
                shownAs = String(line.dropFirst("shown as ".count))
                continue
            }
            if line.hasPrefix("codes ") {
                codes += line.dropFirst("codes ".count).split(separator: " ").map(String.init)
                continue
            }
            guard let colon = line.range(of: ": ") else { throw Problem(description: "\(name): cannot read \"\(line)\"") }
            let file = String(line[..<colon.lowerBound])
            let action = String(line[colon.upperBound...])
            var block: [String] = []
            while i < lines.count, lines[i].hasPrefix("|") {
                block.append(String(lines[i].dropFirst(lines[i].hasPrefix("| ") ? 2 : 1)))
                i += 1
            }
            try apply(action, to: file, block)
        }
    }

    private mutating func apply(_ action: String, to file: String, _ block: [String]) throws {
        switch action {
        case "delete":
            guard files.removeValue(forKey: file) != nil else { throw Problem(description: "\(name): no \(file) to delete") }
            return
        case "empty":
            files[file] = Data()
            return
        default:
            break
        }
        if action.hasPrefix("copy of ") {
            files[file] = try Data(contentsOf: BadInputCase.folder.appendingPathComponent(String(action.dropFirst("copy of ".count))))
            return
        }
        guard let data = files[file] else { throw Problem(description: "\(name): no \(file) to change") }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        func number(_ text: Substring) throws -> Int {
            guard let n = Int(text), n >= 1, n <= lines.count + 1 else {
                throw Problem(description: "\(name): \(file) has no line \(text)")
            }
            return n
        }
        let words = action.split(separator: " ")
        switch words.count {
        case 1 where words[0] == "add":
            lines += block
        case 3 where words[0] == "line" && words[2] == "is":
            let n = try number(words[1])
            lines.replaceSubrange(n - 1 ..< min(n, lines.count), with: block)
        case 3 where words[0] == "delete" && words[1] == "line":
            let n = try number(words[2])
            guard n <= lines.count else { throw Problem(description: "\(name): \(file) has no line \(n)") }
            lines.remove(at: n - 1)
        case 4 where words[0] == "before" && words[1] == "line" && words[3] == "add":
            lines.insert(contentsOf: block, at: try number(words[2]) - 1)
        default:
            throw Problem(description: "\(name): unknown change \"\(file): \(action)\"")
        }
        files[file] = Data((lines.map { $0 + "\n" }.joined()).utf8)
    }

    /// Writes the case as `<root>/<shownAs>/`, with the shared criteria as `<root>/_criteria/`
    /// (where the base's manifest finds them); returns the case folder.
    func materialise(in root: URL) throws -> URL {
        let manager = FileManager.default
        let caseFolder = root.appendingPathComponent(shownAs)
        try manager.createDirectory(at: caseFolder, withIntermediateDirectories: true)
        let criteria = root.appendingPathComponent("_criteria")
        if !manager.fileExists(atPath: criteria.path) {
            try manager.copyItem(at: BadInputCase.folder.appendingPathComponent("_criteria"), to: criteria)
        }
        for (file, content) in files {
            try content.write(to: caseFolder.appendingPathComponent(file))
        }
        return caseFolder
    }
}
