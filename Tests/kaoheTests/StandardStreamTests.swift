import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import KaoheKit
import KaoheTestSupport
@testable import KaoheCLI

/// Standard output and standard error are written with write(2): a failed write is an exit
/// code and a message, never a crash.
@Suite(.serialized) struct StandardStreamTests {
    /// Everything readable from `descriptor` until end of file.
    static func readAll(_ descriptor: Int32) -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// A pipe: (read end, write end).
    static func pipeEnds() -> (Int32, Int32) {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        return (ends[0], ends[1])
    }

    @Test func aFullDeviceOnStandardOutputIsReportedOnceAndExitsOne() {
        let full = open("/dev/full", O_WRONLY)
        #expect(full >= 0)
        defer { close(full) }
        let (errorRead, errorWrite) = StandardStreamTests.pipeEnds()
        let output = CommandOutput(stdout: "result\n", stderr: "warning\n")
        let code = KaoheCLI.emit(output, stdout: full, stderr: errorWrite, language: .en)
        close(errorWrite)
        #expect(code == 1)
        #expect(StandardStreamTests.readAll(errorRead) == "warning\nkaohe: error: cannot write to standard output: \(String(cString: strerror(ENOSPC)))\n")
        close(errorRead)
    }

    @Test func aClosedPipeOnStandardOutputExitsOneQuietly() {
        signal(SIGPIPE, SIG_IGN)   // as `main` does
        let (outRead, outWrite) = StandardStreamTests.pipeEnds()
        close(outRead)
        let (errorRead, errorWrite) = StandardStreamTests.pipeEnds()
        let code = KaoheCLI.emit(CommandOutput(stdout: "result\n"), stdout: outWrite, stderr: errorWrite, language: .zh)
        close(outWrite)
        close(errorWrite)
        #expect(code == 1)
        #expect(StandardStreamTests.readAll(errorRead).isEmpty)
        close(errorRead)
    }

    @Test func aFailedStandardErrorKeepsTheCommandsCodeOrOne() {
        let full = open("/dev/full", O_WRONLY)
        defer { close(full) }
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        #expect(KaoheCLI.emit(CommandOutput(stdout: "x\n", stderr: "e\n"), stdout: null, stderr: full, language: .zh) == 1)
        #expect(KaoheCLI.emit(CommandOutput(stderr: "e\n", exitCode: 2), stdout: null, stderr: full, language: .zh) == 2)
        #expect(KaoheCLI.emit(CommandOutput(stdout: "x\n", stderr: "", exitCode: 0), stdout: null, stderr: full, language: .zh) == 0)
    }

    /// A non-blocking pipe drained slowly takes a large output in partial writes, with EAGAIN
    /// between them; every byte arrives once, in order.
    @Test func partialWritesAreContinued() {
        let (readEnd, writeEnd) = StandardStreamTests.pipeEnds()
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        let text = String((0..<200_000).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) }) + "考核\n"
        final class Received: @unchecked Sendable { var text = "" }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            usleep(20_000)
            received.text = StandardStreamTests.readAll(readEnd)
            done.signal()
        }
        reader.start()
        #expect(OutputFile.writeAll(text, to: writeEnd) == 0)
        close(writeEnd)
        done.wait()
        close(readEnd)
        #expect(received.text == text)
    }

    /// A JSON result is written to standard output as it is made: the bytes are those the
    /// in-memory run gives, and a full device stops the writing with one message.
    @Test func aStreamedResultWritesTheSameBytes() {
        let arguments = ["grade", Repository.path("Samples/demo-2025"), "--format", "json"]
        let whole = KaoheCLI.run(arguments)
        let streamed = KaoheCLI.run(arguments, streaming: true)
        #expect(streamed.streamed != nil && streamed.stdout.isEmpty)
        let (outRead, outWrite) = StandardStreamTests.pipeEnds()
        final class Received: @unchecked Sendable { var text = "" }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            received.text = StandardStreamTests.readAll(outRead)
            done.signal()
        }
        reader.start()
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        #expect(KaoheCLI.emit(streamed, stdout: outWrite, stderr: null, language: .zh) == 0)
        close(outWrite)
        done.wait()
        close(outRead)
        #expect(received.text == whole.stdout)
        #expect(whole.stdout.hasPrefix("{\n  \"criteria\": \"weibin-2020\""))

        let full = open("/dev/full", O_WRONLY)
        defer { close(full) }
        let (errorRead, errorWrite) = StandardStreamTests.pipeEnds()
        #expect(KaoheCLI.emit(streamed, stdout: full, stderr: errorWrite, language: .en) == 1)
        close(errorWrite)
        #expect(StandardStreamTests.readAll(errorRead).hasSuffix("cannot write to standard output: \(String(cString: strerror(ENOSPC)))\n"))
        close(errorRead)
    }
}
