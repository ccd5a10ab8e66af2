/// What a command produced: text for standard output and standard error, and the exit code
/// (0 done, 1 errors in the data or criteria, 2 bad command line).
package struct CommandOutput: Sendable, Equatable {
    package var stdout: String
    package var stderr: String
    package var exitCode: Int32
    /// A binary result (a workbook or Word document) for the `--output` file; nil for text.
    package var file: [UInt8]?
    /// Standard output made as it is written (a JSON document of every unit), instead of `stdout`.
    package var streamed: StreamedOutput?

    package init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0, file: [UInt8]? = nil,
                streamed: StreamedOutput? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.file = file
        self.streamed = streamed
    }

    package static func == (a: CommandOutput, b: CommandOutput) -> Bool {
        a.stdout == b.stdout && a.stderr == b.stderr && a.exitCode == b.exitCode && a.file == b.file
            && (a.streamed == nil) == (b.streamed == nil)
    }

    /// The output with a streamed part written into `stdout`.
    package var materialized: CommandOutput {
        guard let streamed else { return self }
        var bytes: [UInt8] = []
        _ = streamed.write { chunk in bytes.append(contentsOf: chunk); return true }
        var copy = self
        copy.stdout += String(decoding: bytes, as: UTF8.self)
        copy.streamed = nil
        return copy
    }
}

/// Output written as it is made, a chunk at a time, so that memory does not grow with it.
package struct StreamedOutput: Sendable {
    /// Hands each chunk to `chunk`, which returns false to stop (a failed write); returns
    /// whether every chunk was taken.
    package let write: @Sendable (_ chunk: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool

    package init(_ write: @escaping @Sendable (_ chunk: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool) {
        self.write = write
    }
}
