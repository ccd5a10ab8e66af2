import Foundation
import Testing
import KaoheKit
import KaoheCLI
@testable import KaoheInput
#if canImport(Glibc)
import Glibc
#endif

/// Only regular files are read: a data file, criteria or manifest that is a device, a pipe or
/// a link to nothing is an error at once (no read of gigabytes, no wait on a pipe, no records
/// vanishing as if the file were absent).
@Suite struct FileKindTests {
    /// `kaohe check` on the base folder with `file` replaced by what `make` puts there.
    func check(_ file: String, _ make: (String) -> Void) throws -> CommandOutput {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "kinds").materialise(in: root)
            let path = folder.appendingPathComponent(file).path
            try? FileManager.default.removeItem(atPath: path)
            make(path)
            var output = KaoheCLI.run(["check", folder.path])
            // Messages wrap at 100 columns (a long location puts the message on the next line).
            output.stdout = output.stdout.replacingOccurrences(of: "\n    ", with: "")
            return output
        }
    }

    @Test(arguments: ["events.csv", "checks.csv", "units.csv", "assessment.json5"])
    func aLinkToADeviceIsNotRead(_ file: String) throws {
        let output = try check(file) { path in _ = symlink("/dev/zero", path) }
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("\(file): error: ") && output.stdout.contains("不是普通文件"))
    }

    @Test(arguments: ["events.csv", "checks.csv"])
    func aPipeIsRefusedWithoutWaiting(_ file: String) throws {
        let output = try check(file) { path in _ = mkfifo(path, 0o600) }
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("不是普通文件"))
    }

    @Test(arguments: ["events.csv", "checks.csv", "scores.csv"])
    func aLinkToNothingIsAnErrorNotAMissingFile(_ file: String) throws {
        let output = try check(file) { path in _ = symlink(path + ".gone", path) }
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("\(file): error: ") && output.stdout.contains("指向的文件不存在"))
    }

    @Test func readsAreCappedByTheBytesRead() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-cap-\(UUID().uuidString)").path
        defer { unlink(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: 100))
        #expect(FileBytes.contents(of: path, limit: 99) == .tooLarge)
        #expect(FileBytes.contents(of: path, limit: 100) == .bytes(Data(repeating: 0x61, count: 100)))
        #expect(FileBytes.contents(of: "/dev/zero", limit: 1 << 20) == .unreadable)
        #expect(FileBytes.kind(of: "/dev/null") == .special)
        #expect(FileBytes.kind(of: path + ".none") == .absent)
    }
}
