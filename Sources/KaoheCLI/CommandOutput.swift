/// What a command produced: text for standard output and standard error, and the exit code
/// (0 done, 1 errors in the data or criteria, 2 bad command line).
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
    /// A binary result (a workbook or Word document) for the `--output` file; nil for text.
    public var file: [UInt8]?

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0, file: [UInt8]? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.file = file
    }
}
