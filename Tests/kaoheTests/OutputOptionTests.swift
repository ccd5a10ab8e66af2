import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import KaoheKit
import KaoheCLI
import KaoheTestSupport

@Suite(.serialized) struct OutputOptionTests {
    @Test func outputWritesTheResultToTheFileInsteadOfStandardOutput() throws {
        try withTemporaryFolder("kaohe-output") { folder in
            let path = folder + "/grades.csv"
            let direct = Golden.run(["grade", "Samples/demo-2025", "--format", "csv"])
            let written = Golden.run(["grade", "Samples/demo-2025", "--format", "csv", "--output", path])
            #expect(written.exitCode == 0)
            #expect(written.stdout.isEmpty)
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(String(decoding: data, as: UTF8.self) == direct.stdout)
            #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func checkWritesItsReportEvenWhenTheDataHasErrors() throws {
        try withTemporaryFolder("kaohe-check") { folder in
            let path = folder + "/check.txt"
            let data = try BadInputCase("field.bad-date").materialise(in: URL(fileURLWithPath: folder))
            let result = Golden.run(["check", data.path, "--output", path])
            #expect(result.exitCode == 1)
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            #expect(text.contains("checks.csv:7:1: error:"))
        }
    }

    // MARK: input files

    /// A copy of the bad-input base folder (criteria in `../_criteria/mini.json5`) in `root`.
    static func dataFolder(in root: String, _ name: String = "base") throws -> String {
        try BadInputCase(baseAs: name).materialise(in: URL(fileURLWithPath: root)).path
    }

    static func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func outputRefusesTheInputFilesOfTheRun() throws {
        try withTemporaryFolder("kaohe-output-inputs") { root in
            let data = try OutputOptionTests.dataFolder(in: root)
            let bad = try BadInputCase("field.bad-date").materialise(in: URL(fileURLWithPath: root)).path
            try FileManager.default.createSymbolicLink(atPath: root + "/link.csv", withDestinationPath: data + "/checks.csv")
            #expect(link(data + "/scores.csv", root + "/hard.csv") == 0)
            let runs: [(arguments: [String], output: String, input: String)] = [
                (["grade", data], data + "/checks.csv", data + "/checks.csv"),
                (["check", data], data + "/checks.csv", data + "/checks.csv"),
                (["check", bad], bad + "/checks.csv", bad + "/checks.csv"),   // `check` exits 1 here and still writes a report
                (["grade", data], data + "/assessment.json5", data + "/assessment.json5"),
                (["rank", data, "--annual"], data + "/units.csv", data + "/units.csv"),
                (["grade", data], root + "/_criteria/mini.json5", root + "/_criteria/mini.json5"),
                (["grade", data], data + "/../_criteria/mini.json5", root + "/_criteria/mini.json5"),
                (["grade", data, "--criteria", root + "/_criteria/mini.json5"], root + "/_criteria/mini.json5", root + "/_criteria/mini.json5"),
                (["grade", data], root + "/link.csv", data + "/checks.csv"),
                (["grade", data], root + "/hard.csv", data + "/scores.csv"),
            ]
            for run in runs {
                let before = try #require(OutputOptionTests.contents(run.input))
                let result = Golden.run(run.arguments + ["--output", run.output, "--lang", "en"])
                #expect(result.exitCode == 2, "\(run)")
                #expect(result.stdout.isEmpty)
                let named = run.output == run.input ? "" : " (\(run.input))"
                #expect(result.stderr == "kaohe: error: --output \(run.output)\(named) is an input file of this run; choose another output file\n")
                #expect(OutputOptionTests.contents(run.input) == before, "\(run.output) was changed")
            }
            let zh = Golden.run(["grade", data, "--output", data + "/checks.csv"])
            #expect(zh.stderr == "kaohe: error: --output 的文件 \(data)/checks.csv 是本次运行读取的输入文件；请另选输出文件\n")
            #expect(zh.exitCode == 2)
            var info = stat()
            #expect(lstat(root + "/link.csv", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        }
    }

    @Test func outputRefusesACalendarTheRunRead() throws {
        try withTemporaryFolder("kaohe-output-calendar") { root in
            let link = root + "/calendar.json"
            let calendar = Golden.root.path + "/Criteria/calendars/cn-2025.json"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: calendar)
            let before = OutputOptionTests.contents(calendar)
            let result = Golden.run(["grade", "Samples/demo-2025", "--output", link, "--lang", "en"])
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains(link) && result.stderr.contains("cn-2025.json"))
            #expect(OutputOptionTests.contents(calendar) == before)
        }
    }

    // MARK: what is at the path

    @Test func outputWritesThroughASymlinkAndKeepsTheFileMode() throws {
        try withTemporaryFolder("kaohe-output-link") { root in
            let target = root + "/private.txt"
            #expect(FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600]))
            try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: "private.txt")
            let direct = Golden.run(["grade", "Samples/demo-2025"])
            let result = Golden.run(["grade", "Samples/demo-2025", "--output", root + "/link.txt"])
            #expect(result.exitCode == 0 && result.stdout.isEmpty)
            var info = stat()
            #expect(lstat(root + "/link.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
            #expect(stat(target, &info) == 0 && info.st_mode & 0o7777 == 0o600)
            #expect(OutputOptionTests.contents(target) == Data(direct.stdout.utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["link.txt", "private.txt"])
        }
    }

    @Test func outputCreatesTheFileADanglingSymlinkNames() throws {
        try withTemporaryFolder("kaohe-output-dangling") { root in
            try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/real/grades.json")
            let result = Golden.run(["grade", "Samples/demo-2025", "--format", "json", "--output", root + "/link.json"])
            #expect(result.exitCode == 0)
            let written = try #require(OutputOptionTests.contents(root + "/real/grades.json"))
            #expect(written == Data(Golden.run(["grade", "Samples/demo-2025", "--format", "json"]).stdout.utf8))
        }
    }

    /// A character device to write to: as root, a new node in `root` for the system's
    /// `/dev/<name>` (major 1, `minor`), so that a broken writer could never replace the real
    /// one; otherwise the real one, which only root could replace.
    static func device(_ name: String, minor: UInt64, in root: String) -> String {
        guard geteuid() == 0 else { return "/dev/" + name }
        let path = root + "/" + name
        #expect(mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0)
        return path
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    @Test func outputWritesToDevicesAndFIFOsDirectly() {
        withTemporaryFolder("kaohe-output-fifo") { root in
            let null = OutputOptionTests.device("null", minor: 3, in: root)
            let result = Golden.run(["grade", "Samples/demo-2025", "--output", null])
            #expect(result.exitCode == 0 && result.stdout.isEmpty && withoutWarningSummary(result.stderr).isEmpty)
            #expect(OutputOptionTests.isCharacterDevice(null))

            let fifo = root + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            // A reader that is already there, so opening the FIFO to write does not wait (the
            // output fits in the pipe's buffer).
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            let written = Golden.run(["grade", "Samples/demo-2025", "--format", "csv", "--output", fifo])
            #expect(written.exitCode == 0)
            var received = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count <= 0 { break }
                received += buffer[..<count]
            }
            #expect(received == Array(Golden.run(["grade", "Samples/demo-2025", "--format", "csv"]).stdout.utf8))
            var info = stat()
            #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        }
    }

    // MARK: failures

    @Test func aFailedWriteIsReportedWithThePathAndTheReason() throws {
        try withTemporaryFolder("kaohe-output-fail") { root in
            let full = OutputOptionTests.device("full", minor: 7, in: root)
            let en = Golden.run(["grade", "Samples/demo-2025", "--output", full, "--lang", "en"])
            #expect(en.exitCode == 1)
            #expect(en.stdout.isEmpty)
            #expect(withoutWarningSummary(en.stderr) == "kaohe: error: cannot write the output file \(full): \(String(cString: strerror(ENOSPC)))\n")
            let zh = Golden.run(["grade", "Samples/demo-2025", "--output", full])
            #expect(withoutWarningSummary(zh.stderr) == "kaohe: error: 无法写入输出文件 \(full)：磁盘空间不足\n")
            #expect(OutputOptionTests.isCharacterDevice(full))
            if full.hasPrefix(root) { unlink(full) }

            #expect(FileManager.default.createFile(atPath: root + "/file", contents: Data()))
            let cases: [(path: String, errno: Int32)] = [
                (root + "/missing/x.txt", ENOENT),
                (root + "/file/x.txt", ENOTDIR),
                (root, EISDIR),
            ]
            for (path, code) in cases {
                let result = Golden.run(["grade", "Samples/demo-2025", "--output", path, "--lang", "en"])
                #expect(result.exitCode == 1)
                #expect(withoutWarningSummary(result.stderr) == "kaohe: error: cannot write the output file \(path): \(String(cString: strerror(code)))\n")
            }
            // Permissions do not stop root.
            if geteuid() != 0 {
                try FileManager.default.createDirectory(atPath: root + "/locked", withIntermediateDirectories: true)
                #expect(chmod(root + "/locked", 0o500) == 0)
                defer { chmod(root + "/locked", 0o700) }
                let result = Golden.run(["grade", "Samples/demo-2025", "--output", root + "/locked/x.txt", "--lang", "en"])
                #expect(result.exitCode == 1)
                #expect(result.stderr.contains(String(cString: strerror(EACCES))))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["file"])
        }
    }

    @Test func nothingIsWrittenWhenTheRunProducesNoResult() throws {
        try withTemporaryFolder("kaohe-output-none") { root in
            let data = try BadInputCase("field.bad-date").materialise(in: URL(fileURLWithPath: root)).path
            let path = root + "/grades.txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8)))
            let result = Golden.run(["grade", data, "--output", path])
            #expect(result.exitCode == 1)
            #expect(OutputOptionTests.contents(path) == Data("old\n".utf8))
        }
    }

    // MARK: temporary files

    @Test func staleTemporaryFilesOfTheTargetAreRemoved() throws {
        try withTemporaryFolder("kaohe-output-stale") { root in
            let dead = "99999999"   // above any pid_max: no such process
            #expect(kill(99_999_999, 0) != 0)
            let names = [".grades.csv.kaohe-tmp-\(dead)", ".grades.csv.kaohe-tmp-\(getpid())",
                         ".grades.csv.kaohe-tmp-1", ".other.csv.kaohe-tmp-\(dead)", ".grades.csv.kaohe-tmp-x"]
            for name in names {
                #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("partial".utf8)))
            }
            let result = Golden.run(["grade", "Samples/demo-2025", "--format", "csv", "--output", root + "/grades.csv"])
            #expect(result.exitCode == 0)
            // Gone: the dead process's and this process's own. Kept: a live process's (pid 1),
            // another target's and names that are not the pattern.
            let listing = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
            #expect(listing == [".grades.csv.kaohe-tmp-1", ".grades.csv.kaohe-tmp-x", ".other.csv.kaohe-tmp-\(dead)", "grades.csv"])
        }
    }
}
