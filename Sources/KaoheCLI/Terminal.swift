import KaoheKit
import Foundation

/// Whether standard output and standard error may carry colour: only when they are terminals,
/// `NO_COLOR` is unset (https://no-color.org) and `TERM` is not `dumb`.
package struct Terminal: Sendable, Equatable {
    package var stdoutColor: Bool
    package var stderrColor: Bool

    package init(stdoutColor: Bool = false, stderrColor: Bool = false) {
        self.stdoutColor = stdoutColor
        self.stderrColor = stderrColor
    }

    /// No colour anywhere (files, pipes, tests).
    package static let plain = Terminal()

    package static func detect(environment: [String: String], stdoutIsTerminal: Bool, stderrIsTerminal: Bool) -> Terminal {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return Terminal(stdoutColor: stdoutIsTerminal && !noColor, stderrColor: stderrIsTerminal && !noColor)
    }

    /// This process's standard output and standard error, and its environment.
    static func current() -> Terminal {
        detect(environment: ProcessInfo.processInfo.environment,
               stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1)
    }
}
