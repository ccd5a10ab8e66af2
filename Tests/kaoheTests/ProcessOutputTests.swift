import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import KaoheKit
import KaoheTestSupport

/// The built `kaohe` run as a process through `/bin/sh`: what only a real process shows (a
/// kill mid-write, a closed pipe, a full standard output).
@Suite(.serialized) struct ProcessOutputTests {
    /// The `kaohe` executable built beside the test bundle.
    static let executable: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [beside.appendingPathComponent("kaohe").path,
                          beside.deletingLastPathComponent().appendingPathComponent("kaohe").path,
                          Golden.root.path + "/.build/debug/kaohe"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `script` with `sh -c` in the package root, `$KAOHE` naming the executable, with
    /// every signal at its default and none blocked (as from a terminal: a test thread blocks
    /// most, and a spawned process would inherit that); returns how it ended (an exit code, or
    /// the signal that killed it) and its standard error. Standard output goes to /dev/null
    /// unless the script sends it elsewhere.
    static func shell(_ script: String) throws -> (status: Int32, signaled: Bool, stderr: String) {
        let kaohe = try #require(executable, "build the kaohe executable first (swift build)")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-stderr-\(UUID().uuidString)").path
        defer { unlink(errors) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = ["/bin/sh", "-c", "cd \"$ROOT\" && exec 2>\"$ERRORS\" >/dev/null </dev/null; " + script]
        let environment = ["KAOHE=\(kaohe)", "ROOT=\(Golden.root.path)", "ERRORS=\(errors)", "PATH=/usr/bin:/bin"]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, envp)
        try #require(spawned == 0, "cannot start /bin/sh: \(String(cString: strerror(spawned)))")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = FileManager.default.contents(atPath: errors).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false, text) : (signal, true, text)
    }

    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// A run killed by the file-size limit in the middle of writing leaves the old file whole and
    /// its own temporary file beside it; the next run removes that and writes the result.
    @Test func aRunKilledMidWriteLeavesTheOldFileAndTheNextRunCleansUp() throws {
        try withTemporaryFolder("kaohe-process-kill") { root in
            let path = root + "/grades.txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600]))
            // The limit applies to kaohe alone, its standard error going through a pipe (the
            // sample's warning summary would not fit under it), and the shell reports its status.
            let killed = try ProcessOutputTests.shell(
                "( ulimit -f 1; \"$KAOHE\" grade Samples/demo-2025 --output '\(path)'; echo \"status $?\" ) 2>&1 | cat >&2")
            #expect(killed.stderr.hasSuffix("status \(128 + SIGXFSZ)\n"), "\(killed)")
            #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
            let left = try ProcessOutputTests.listing(root)
            #expect(left.count == 2 && left.contains { $0.hasPrefix(".grades.txt.kaohe-tmp-") })

            let rerun = try ProcessOutputTests.shell("exec \"$KAOHE\" grade Samples/demo-2025 --output '\(path)'")
            #expect(rerun.status == 0 && !rerun.stderr.contains("error"))
            #expect(try ProcessOutputTests.listing(root) == ["grades.txt"])
            let expected = Golden.run(["grade", "Samples/demo-2025"]).stdout
            #expect(FileManager.default.contents(atPath: path) == Data(expected.utf8))
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & 0o7777 == 0o600)
        }
    }

    /// The same limit with its signal ignored: the write fails (EFBIG), the temporary file is
    /// removed, the old file stays, and the failure is reported.
    @Test func aFailedWriteRemovesTheTemporaryFile() throws {
        try withTemporaryFolder("kaohe-process-efbig") { root in
            let path = root + "/grades.txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8)))
            let result = try ProcessOutputTests.shell(
                "trap '' XFSZ; ( ulimit -f 1; \"$KAOHE\" grade Samples/demo-2025 --lang en --output '\(path)'; echo \"status $?\" ) 2>&1 | cat >&2")
            #expect(withoutWarningSummary(result.stderr)
                    == "kaohe: error: cannot write the output file \(path): \(String(cString: strerror(EFBIG)))\nstatus 1\n")
            #expect(try ProcessOutputTests.listing(root) == ["grades.txt"])
            #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
        }
    }

    @Test func aFullStandardOutputIsAnErrorNotACrash() throws {
        let result = try ProcessOutputTests.shell("exec \"$KAOHE\" grade Samples/demo-2025 --lang en > /dev/full")
        #expect(!result.signaled && result.status == 1)
        #expect(result.stderr.hasSuffix("kaohe: error: cannot write to standard output: \(String(cString: strerror(ENOSPC)))\n"))
        #expect(result.stderr.components(separatedBy: "kaohe: error:").count == 2)  // reported once
    }

    /// The reader is gone before kaohe writes: kaohe exits 1 without a word (not killed by SIGPIPE).
    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let result = try ProcessOutputTests.shell(
            "{ sleep 0.3; \"$KAOHE\" grade Samples/demo-2025; echo \"status $?\" >&2; } | true")
        #expect(result.stderr.hasSuffix("status 1\n") && !result.stderr.contains("kaohe: error"))  // quietly: no error message
    }
}
