import Foundation
import KaoheKit
import KaoheCLI
import KaoheTestSupport

/// Golden cases: a folder holding `args` (one argument per line), `why` (one line saying what
/// the case shows), and the expected `stdout`, `stderr` and `exit`. Paths in `args` are relative to the package root, which is the
/// working directory while the cases run. Set `KAOHE_RECORD=1` to write the actual output
/// as the new expectation (then review the diff before committing).
enum Golden {
    static let root = URL(fileURLWithPath: Repository.root)
    static let testsFolder = root.appendingPathComponent("Tests/kaoheTests")
    static var recording: Bool { ProcessInfo.processInfo.environment["KAOHE_RECORD"] == "1" }

    /// Case folders below `Tests/kaoheTests/<area>`, as paths relative to that area.
    static func cases(_ area: String, marker: String) -> [String] {
        let base = testsFolder.appendingPathComponent(area)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        for case let path as String in enumerator where (path as NSString).lastPathComponent == marker {
            found.append((path as NSString).deletingLastPathComponent)
        }
        return found.sorted()
    }

    static func read(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs kaohe in-process from the package root.
    static func run(_ arguments: [String]) -> CommandOutput {
        _ = FileManager.default.changeCurrentDirectoryPath(root.path)
        return KaoheCLI.run(arguments)
    }

    /// Compares one expected file with the actual text, or records it.
    static func compare(_ actual: String, _ url: URL) -> String? {
        if recording {
            if actual.isEmpty && url.lastPathComponent == "stderr" {
                try? FileManager.default.removeItem(at: url)
            } else {
                try? Data(actual.utf8).write(to: url)
            }
            return nil
        }
        let expected = read(url) ?? ""
        return expected == actual ? nil : "\(url.path) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }

    /// Why a case folder's `why` is not one non-empty line, or nil when it is.
    static func whyProblem(_ folder: URL) -> String? {
        let url = folder.appendingPathComponent("why")
        guard let text = read(url) else { return "\(url.path) is missing: add one line saying what the case shows" }
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        if line.trimmingCharacters(in: .whitespaces).isEmpty || line.contains(where: \.isNewline) {
            return "\(url.path) must be exactly one non-empty line saying what the case shows"
        }
        return nil
    }
}
