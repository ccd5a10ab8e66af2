import KaoheKit
import Foundation

/// Runs one `kaohe` command line and returns what to print and the exit code.
///
/// The executable only calls ``main()``, so every command is testable in-process with ``run(_:terminal:)``.
public enum KaoheCLI {
    /// `terminal` says where colour may be used (never in files, pipes or tests).
    public static func run(_ arguments: [String], terminal: Terminal = .plain) -> CommandOutput {
        let language = ArgumentParser.language(in: arguments)
        if arguments.isEmpty {
            return CommandOutput(stderr: HelpText.text(language), exitCode: 2)
        }
        if let help = Commands.help(arguments, language: language) {
            return CommandOutput(stdout: help)
        }
        let command: any KaoheCommand
        do {
            command = try Commands.parse(arguments)
        } catch {
            return usage(error.message, language)
        }
        let output = command.shared.output
        var result = execute(command, terminal: output == nil ? terminal : Terminal(stderrColor: terminal.stderrColor))
        if let path = output, !result.stdout.isEmpty {
            do {
                try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
                result.stdout = ""
            } catch {
                return usage(LocalizedText(zh: "无法写入输出文件 \(path)", en: "cannot write the output file \(path)"), language)
            }
        }
        return result
    }

    /// Runs `kaohe` as this process: its arguments and terminals in, its output and exit code out.
    public static func main() -> Never {
        let output = run(Array(CommandLine.arguments.dropFirst()), terminal: .current())
        FileHandle.standardOutput.write(Data(output.stdout.utf8))
        FileHandle.standardError.write(Data(output.stderr.utf8))
        exit(output.exitCode)
    }

    static func usage(_ message: LocalizedText, _ language: Language) -> CommandOutput {
        CommandOutput(stderr: "kaohe: error: \(message.text(language))\n", exitCode: 2)
    }

    /// Loads the command's data folder and runs the command on it.
    static func execute(_ command: any KaoheCommand, terminal: Terminal) -> CommandOutput {
        var loaded = DataFolder.load(command.folder, criteriaOverride: command.shared.criteria)
        if let dataset = loaded.dataset {
            // The registers' lateness is a rule of the scheme: counted by the scoring stage.
            loaded.quality.registers = DeadlineFindings.derive(dataset).summaries
            loaded.dataset?.quality = loaded.quality
        }
        return command.run(loaded, terminal: terminal)
    }
}
