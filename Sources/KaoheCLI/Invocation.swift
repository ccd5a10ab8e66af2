import KaoheKit
/// A parsed command line: `kaohe <command> <data-folder> [options]`.
public struct Invocation: Sendable, Equatable {
    public enum Command: String, Sendable, CaseIterable {
        case check, grade, rank, bulletin, simulate, report
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, md, csv, json, html
    }

    /// The period a `rank` command asks for.
    public enum RankPeriod: Sendable, Equatable {
        case period(PeriodKind, Int)
        case annual
    }

    public var command: Command
    public var folder: String
    public var format: Format = .text
    public var language: Language = .zh
    public var output: String?
    public var criteria: String?
    public var unit: String?
    public var group: String?
    public var rankPeriod: RankPeriod?
    public var month: Int?
    public var explain = false
    /// What-if changes of `simulate`, in command-line order.
    public var changes: [ChangeRequest] = []
    /// `simulate --margins`.
    public var margins = false

    public init(command: Command, folder: String) {
        self.command = command
        self.folder = folder
    }
}

/// What a command produced: text for standard output and standard error, and the exit code
/// (0 done, 1 errors in the data or criteria, 2 bad command line).
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}
