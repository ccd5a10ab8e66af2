import Foundation

/// The repository the tests run in.
package enum Repository {
    /// The repository's root folder, found from this file's path (Sources/KaoheTestSupport/).
    package static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `relative` (such as `Samples/demo-2025`) below the root.
    package static func path(_ relative: String) -> String { root + "/" + relative }
}

/// Runs `body` with a new empty folder under the temporary directory (its name starting with
/// `prefix`), and removes the folder afterwards.
package func withTemporaryFolder<T>(_ prefix: String, _ body: (String) throws -> T) rethrows -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

/// Standard error without the summary of the data's warnings that commands print before their
/// own messages (its first line starts `kaohe: ` but is no error; the lines after it are indented).
package func withoutWarningSummary(_ stderr: String) -> String {
    var lines = stderr.components(separatedBy: "\n")
    if let first = lines.first, first.hasPrefix("kaohe: "), !first.hasPrefix("kaohe: error:") {
        lines.removeFirst()
        while let next = lines.first, next.hasPrefix("  ") { lines.removeFirst() }
    }
    return lines.joined(separator: "\n")
}
