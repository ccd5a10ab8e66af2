import FuzzMain
import Foundation
import FuzzSupport
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
@testable import KaoheCLI

/// The whole command line (`KaoheCLI.run`) on a mutated data folder.
///
/// Input layout: five option bytes, then the data files separated by `0x1E` bytes, in the
/// order of ``Workspace/parts`` (units.csv, checks.csv, scores.csv, events.csv, survey.csv,
/// assessment.json5, a register), then extra arguments, one a line (without those naming
/// files, the format, the language or help). A data file the input does not reach keeps the
/// base folder's contents; the register is absent unless given.
///
/// - byte 0: the command (`% 6`: check, grade, rank, bulletin, simulate, report); `/ 6` picks
///   between two values of each `simulate` change.
/// - byte 1: bits 0–2 the format (`% 5`: text, md, csv, json, html); bit 3 `--lang en`;
///   bits 4–5 none, `--unit U1`, `--unit 柳河街道 --explain`, `--group 镇街` (grade, rank,
///   report) or `--unit U1 --explain`; bits 6–7 `--output`: none, none, a file in a temporary
///   folder, one of the data files (which must be refused and left unchanged).
/// - byte 2: `rank`: bits 0–1 quarter, half, month or `--annual`, the rest the number;
///   `bulletin`: the month; `simulate`: one bit per change (veto, fail, score, bonus, penalty,
///   weight, band, quota).
/// - byte 3: bits 0–1 the register (disclosures, applications, complaints, responses); bit 2
///   `--criteria` a copy of the criteria with deadline rules and a working-day calendar;
///   bits 3–5 which data file `--output` names; bit 6 `simulate --drop`; bit 7 `--margins`.
/// - byte 4: bit 0 adds each CSV part after the base file's rows (a register after its header
///   line) instead of replacing the file, and a non-empty assessment.json5 part replaces the
///   base one: small inputs then mostly stay valid and reach scoring and rendering.
///
/// Besides never crashing: the exit code is 0, 1 or 2; `check` exits 0 exactly when the folder
/// has no error; JSON output parses when the exit code is 0; HTML has no ESC byte; an output
/// file holds exactly what standard output would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCLI(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var header = Array(bytes.prefix(5))
    while header.count < 5 { header.append(0) }
    let parts = bytes.dropFirst(5).split(separator: 0x1E, maxSplits: Workspace.parts.count, omittingEmptySubsequences: false)
        .map(Array.init)
    let register = RegisterKind.allCases[Int(header[3] & 3)]
    Workspace.write(parts: parts, register: register, append: header[4] & 1 != 0)
    let extras = parts.count > Workspace.parts.count ? Workspace.arguments(parts[Workspace.parts.count]) : []

    let command = ["check", "grade", "rank", "bulletin", "simulate", "report"][Int(header[0]) % 6]
    let format = ["text", "md", "csv", "json", "html"][Int(header[1] & 7) % 5]
    var arguments = [command, Workspace.data, "--format", format]
    if header[1] & 8 != 0 { arguments += ["--lang", "en"] }
    if command != "check" {
        switch (header[1] >> 4) & 3 {
        case 1: arguments += ["--unit", "U1"]
        case 2: arguments += ["--unit", "柳河街道", "--explain"]
        case 3: arguments += ["grade", "rank", "report"].contains(command) && header[0] / 6 % 2 == 0 ? ["--group", "镇街"] : ["--unit", "U1", "--explain"]
        default: break
        }
    }
    let deadlines = header[3] & 4 != 0
    if deadlines { arguments += ["--criteria", Workspace.deadlines] }
    arguments += commandOptions(command, header)

    // --output: none, a new file, or one of this run's data files.
    let outputMode = header[1] >> 6
    var refused: (path: String, bytes: [UInt8])?
    var outputPath: String?
    if outputMode == 2 {
        outputPath = Workspace.out + "/result." + format
        arguments += ["--output", Workspace.out + "/result." + format]
    } else if outputMode == 3 {
        var names = Workspace.parts.dropLast() + [register.file]
        names = names.filter { FileManager.default.fileExists(atPath: Workspace.data + "/" + $0) }
        if !names.isEmpty {
            let path = Workspace.data + "/" + names[Int(header[3] >> 3 & 7) % names.count]
            refused = (path, Workspace.read(path) ?? [])
            arguments += ["--output", path]
        }
    }
    arguments += extras

    let result = KaoheCLI.run(arguments)
    let described = arguments.joined(separator: " ")
    if Workspace.verbose {
        print("kaohe \(described)\nexit \(result.exitCode)\n\(result.stderr.prefix(600))\(result.stdout.prefix(600))")
    }
    Fuzz.expect([0, 1, 2].contains(result.exitCode), "exit code \(result.exitCode): \(described)")

    var output = result.stdout
    if let refused {
        Fuzz.expect(result.exitCode == 2 && result.stdout.isEmpty, "--output naming a data file not refused: \(described)")
        let after = Workspace.read(refused.path) ?? []
        Fuzz.expect(after == refused.bytes, "--output changed the data file \(refused.path): \(described)")
        Workspace.clearOutput()
        return 0
    }
    if let outputPath {
        Fuzz.expect(result.stdout.isEmpty, "standard output with --output: \(described)")
        let written = Workspace.read(outputPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // The same command to standard output must print exactly what the file holds.
        let direct = KaoheCLI.run(arguments.filter { $0 != "--output" && $0 != outputPath })
        Fuzz.expect(direct.exitCode == result.exitCode && direct.stdout == written,
                    "--output differs from standard output (exit \(direct.exitCode) vs \(result.exitCode)): \(described)")
        output = written
        Workspace.clearOutput()
    }

    if format == "json", result.exitCode == 0 {
        let parsed = try? JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
        Fuzz.expect(parsed != nil, "JSON output does not parse: \(described)\n\(output.prefix(2000))")
    }
    if format == "html" {
        Fuzz.expect(!output.utf8.contains(0x1B), "raw ESC in HTML output: \(described)")
    }
    if command == "check", result.exitCode != 2 {
        let loaded = DataFolder.load(Workspace.data, criteriaOverride: deadlines ? Workspace.deadlines : nil)
        Fuzz.expect((result.exitCode == 0) == (loaded.errorCount == 0),
                    "check exited \(result.exitCode) with \(loaded.errorCount) error(s): \(described)")
        if format == "json",
           let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
           let errors = object["errors"] as? Int {
            Fuzz.expect(errors == loaded.errorCount, "check --format json counts \(errors) errors, not \(loaded.errorCount): \(described)")
        }
    }
    return 0
}

/// The command's own options from the option bytes.
private func commandOptions(_ command: String, _ header: [UInt8]) -> [String] {
    let variant = header[0] / 6 % 2 == 1
    switch command {
    case "rank":
        let number = Int(header[2] >> 2)
        switch header[2] & 3 {
        case 0: return ["--quarter", String(number % 4 + 1)]
        case 1: return ["--half", String(number % 2 + 1)]
        case 2: return ["--month", String(number % 12 + 1)]
        default: return ["--annual"]
        }
    case "bulletin":
        return ["--month", String(Int(header[2]) % 12 + 1)]
    case "simulate":
        let changes: [[String]] = [
            ["--veto", variant ? "U2:第十四条" : "U1"],
            ["--fail", variant ? "U1:b1:2025-07-01:3" : "U2:a1:2025-03-04"],
            ["--score", variant ? "U2:c1=100" : "U1:c1=75.5"],
            ["--bonus", variant ? "U1=5" : "U2=1.5"],
            ["--penalty", variant ? "U2=0.25" : "U1=2"],
            ["--weight", variant ? "daily=0.6" : "daily=0.4", "--weight", variant ? "yearEnd=0.4" : "yearEnd=0.6"],
            ["--band", variant ? "良好=70" : "优秀=85"],
            ["--quota", variant ? "none" : "0.5"],
        ]
        var options: [String] = []
        for (bit, change) in changes.enumerated() where header[2] >> bit & 1 == 1 { options += change }
        if header[3] & 0x40 != 0 { options += ["--drop", variant ? "events.csv:2" : "checks.csv:3"] }
        if header[3] & 0x80 != 0 || options.isEmpty { options.append("--margins") }
        return options
    default:
        return []
    }
}

/// The process's working folder: a data folder the inputs are written into, the criteria
/// beside it (as the base folder's manifest names them), and a folder for `--output` files.
enum Workspace {
    /// The data files an input holds, in order; then comes the register (its kind from byte 3).
    static let parts = ["units.csv", "checks.csv", "scores.csv", "events.csv", "survey.csv", "assessment.json5", "register"]

    static let root = NSTemporaryDirectory() + "kaohe-fuzzcli-\(getpid())"
    static let data = root + "/data"
    static let out = root + "/out"
    static let deadlines = root + "/_criteria/deadlines.json5"
    /// `FUZZCLI_VERBOSE=1` prints each command line, its exit code and the start of its output.
    static let verbose = ProcessInfo.processInfo.environment["FUZZCLI_VERBOSE"] != nil

    /// The base folder's files (Tests/kaoheTests/BadInput/_base), read once; the working folder
    /// is made on first use.
    static let base: [String: [UInt8]] = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let tests = repository.appendingPathComponent("Tests/kaoheTests/BadInput")
        let manager = FileManager.default
        for folder in [data, out, root + "/_criteria/calendars"] {
            try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var files: [String: [UInt8]] = [:]
        for name in parts.dropLast() {
            guard let contents = read(tests.path + "/_base/" + name) else {
                fatalError("FuzzCLI: cannot read \(name) of \(tests.path)/_base")
            }
            files[name] = contents
        }
        guard let criteria = read(tests.path + "/_criteria/mini.json5").map({ String(decoding: $0, as: UTF8.self) }),
              let close = criteria.lastIndex(of: "}") else {
            fatalError("FuzzCLI: cannot read \(tests.path)/_criteria/mini.json5")
        }
        _ = manager.createFile(atPath: root + "/_criteria/mini.json5", contents: Data(criteria.utf8))
        _ = manager.createFile(atPath: deadlines, contents: Data((criteria[..<close] + deadlineRules + "}\n").utf8))
        for year in [2025, 2026] {
            let name = "calendars/cn-\(year).json"
            _ = manager.createFile(atPath: root + "/_criteria/" + name,
                                   contents: read(repository.path + "/Criteria/" + name).map { Data($0) })
        }
        return files
    }()

    /// Deadline rules for every register, on the mini criteria's items.
    static let deadlineRules = """
          calendar: "calendars/cn",
          deadlines: [
            {id: "publish", name: "公开时限", register: "disclosures", start: "formed", end: "published", limit: 20, unit: "workingDays", item: "a1"},
            {id: "apply", name: "答复时限", register: "applications", start: "received", end: "answered", limit: 20, unit: "workingDays", item: "a2",
             when: {column: "extended", is: false}},
            {id: "apply-ext", name: "延期答复时限", register: "applications", start: "received", end: "answered", limit: 40, unit: "workingDays", item: "a2",
             deduction: 1, when: {column: "extended", is: true}},
            {id: "forward", name: "转办时限", register: "complaints", start: "received", end: "forwarded", limit: 5, unit: "workingDays", item: "b1"},
            {id: "answer", name: "答复时限", register: "complaints", start: "received", end: "answered", limit: 7, unit: "days", item: "b1",
             when: {column: "realName", is: true}},
            {id: "statement", name: "发布时限", register: "responses", start: "hotIssue", end: "statement", limit: 5, unit: "hours", item: "a1"},
          ],

        """

    /// The register files' header lines, which `append` adds rows to.
    static let registerHeaders: [RegisterKind: String] = [
        .disclosures: "unit,title,formed,published,note\n", .applications: "unit,received,answered,extended,note\n",
        .complaints: "unit,received,forwarded,answered,realName,note\n", .responses: "unit,hotIssue,statement,pressConference,note\n",
    ]

    /// Writes the input's data files into the data folder; every other register file is removed.
    /// With `append`, each CSV part is added after the base file's rows.
    static func write(parts input: [[UInt8]], register: RegisterKind, append: Bool) {
        let manager = FileManager.default
        let base = self.base
        for (i, name) in parts.enumerated() {
            let file = name == "register" ? register.file : name
            var contents = i < input.count ? input[i] : base[file]
            if append, i < input.count {
                if file.hasSuffix(".csv") {
                    contents = (base[file] ?? Array((registerHeaders[register] ?? "").utf8)) + input[i]
                } else if input[i].isEmpty {
                    contents = base[file]
                }
            }
            if let contents {
                _ = manager.createFile(atPath: data + "/" + file, contents: Data(contents))
            } else {
                try? manager.removeItem(atPath: data + "/" + file)
            }
        }
        for kind in RegisterKind.allCases where kind != register || input.count < parts.count {
            try? manager.removeItem(atPath: data + "/" + kind.file)
        }
    }

    /// Extra arguments, one a line (at most 16), without those that would change where files
    /// are read or written, the format or language the checks rely on, or ask for help.
    static func arguments(_ bytes: [UInt8]) -> [String] {
        let held = ["--output", "--criteria", "--format", "--lang", "--help", "-h"]
        return bytes.split(separator: 0x0A).prefix(16).map { String(decoding: $0, as: UTF8.self) }
            .filter { argument in !argument.contains("/") && !held.contains { argument.hasPrefix($0) } }
    }

    /// The bytes of the file at `path`, read with open/read (the leak checker reports the
    /// buffers of Foundation's `Data(contentsOf:)`); nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    /// Empties the `--output` folder (the result and any temporary file left beside it).
    static func clearOutput() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] {
            try? FileManager.default.removeItem(atPath: out + "/" + name)
        }
    }
}
