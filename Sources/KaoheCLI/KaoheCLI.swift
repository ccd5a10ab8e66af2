import KaoheKit
import Foundation

/// Runs one `kaohe` command line and returns what to print and the exit code.
///
/// The executable only calls ``main()``, so every command is testable in-process with ``run(_:terminal:)``.
package enum KaoheCLI {
    /// The version `kaohe --version` prints.
    package static let version = "0.1.0"

    /// `terminal` says where colour may be used (never in files, pipes or tests).
    /// With `streaming`, a streamed result (``CommandOutput/streamed``) is left for ``emit`` to
    /// write as it is made; otherwise it is written into `stdout`.
    package static func run(_ arguments: [String], terminal: Terminal = .plain, streaming: Bool = false) -> CommandOutput {
        let language = ArgumentParser.language(in: arguments)
        if arguments.isEmpty {
            return CommandOutput(stderr: HelpText.text(language), exitCode: 2)
        }
        if let help = Commands.help(arguments, language: language) {
            return CommandOutput(stdout: help)
        }
        if arguments.contains("--version") {
            return CommandOutput(stdout: "kaohe \(version)\n")
        }
        let command: any KaoheCommand
        do {
            command = try Commands.parse(arguments)
        } catch {
            return usage(error.message, language)
        }
        let output = command.shared.output
        var result = execute(command, terminal: output == nil ? terminal : Terminal(stderrColor: terminal.stderrColor))
        if let path = output, !result.stdout.isEmpty || result.file != nil || result.streamed != nil {
            do {
                if let file = result.file {
                    try OutputFile.write(file, to: path)
                } else if let streamed = result.streamed {
                    try OutputFile.write(streamed, to: path)
                } else {
                    try OutputFile.write(result.stdout, to: path)
                }
            } catch {
                let reason = error.reason
                let message = LocalizedText(zh: "无法写入输出文件 \(path)：\(reason.zh)", en: "cannot write the output file \(path): \(reason.en)")
                result.stderr += "kaohe: error: \(message.text(language))\n"
                result.exitCode = max(result.exitCode, 1)
            }
            result.stdout = ""
            result.file = nil
            result.streamed = nil
        }
        return streaming ? result : result.materialized
    }

    /// Runs `kaohe` as this process: its arguments and terminals in, its output and exit code out.
    package static func main() -> Never {
        // A closed pipe is then a failed write (EPIPE) rather than a kill.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let output = run(arguments, terminal: .current(), streaming: true)
        exit(emit(output, stdout: STDOUT_FILENO, stderr: STDERR_FILENO, language: ArgumentParser.language(in: arguments)))
    }

    /// Writes `output` to the two descriptors and returns the exit code: the command's, or at
    /// least 1 when a write failed. A failure on standard output is reported once on standard
    /// error, except a closed pipe (the reader has stopped reading), which is quiet.
    static func emit(_ output: CommandOutput, stdout: Int32, stderr: Int32, language: Language) -> Int32 {
        var code = output.exitCode
        var errorText = output.stderr
        var failure = OutputFile.writeAll(output.stdout, to: stdout)
        if failure == 0, let streamed = output.streamed {
            _ = streamed.write { chunk in
                failure = OutputFile.writeAll(chunk, to: stdout)
                return failure == 0
            }
        }
        if failure != 0 {
            code = max(code, 1)
            if failure != EPIPE {
                let reason = OutputFile.Failure.system(path: "", errno: failure).reason
                let message = LocalizedText(zh: "无法写入标准输出：\(reason.zh)", en: "cannot write to standard output: \(reason.en)")
                errorText += "kaohe: error: \(message.text(language))\n"
            }
        }
        if OutputFile.writeAll(errorText, to: stderr) != 0 {
            code = max(code, 1)
        }
        return code
    }

    static func usage(_ message: LocalizedText, _ language: Language) -> CommandOutput {
        CommandOutput(stderr: "kaohe: error: \(message.text(language))\n", exitCode: 2)
    }

    /// Loads the command's data folder and runs the command on it.
    static func execute(_ command: any KaoheCommand, terminal: Terminal) -> CommandOutput {
        let validation = Validation.check(folder: command.folder, criteria: command.shared.criteria)
        if let path = command.shared.output, let input = OutputFile.input(path, among: validation.inputPaths) {
            let same = input == path ? (zh: " ", en: "") : (zh: "（即 \(input)）", en: " (\(input))")
            return usage(LocalizedText(zh: "--output 的文件 \(path)\(same.zh)是本次运行读取的输入文件；请另选输出文件",
                                       en: "--output \(path)\(same.en) is an input file of this run; choose another output file"),
                         command.shared.language)
        }
        return command.run(validation, terminal: terminal)
    }
}
