import Foundation
import KaoheCLI

// kaohe: forwards the command line to KaoheKit and prints what it returns.
let terminal = Terminal.detect(environment: ProcessInfo.processInfo.environment,
                               stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1)
let output = KaoheCLI.run(Array(CommandLine.arguments.dropFirst()), terminal: terminal)
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.exitCode)
