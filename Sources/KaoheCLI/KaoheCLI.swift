import KaoheKit
import Foundation

/// Runs one `kaohe` command line and returns what to print and the exit code.
///
/// The executable only forwards its arguments here, so every command is testable in-process.
public enum KaoheCLI {
    /// `terminal` says where colour may be used (never in files, pipes or tests).
    public static func run(_ arguments: [String], terminal: Terminal = .plain) -> CommandOutput {
        let language = ArgumentParser.language(in: arguments)
        if arguments.isEmpty {
            return CommandOutput(stderr: HelpText.text(language), exitCode: 2)
        }
        if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
            return CommandOutput(stdout: HelpText.text(language))
        }
        let invocation: Invocation
        do {
            invocation = try ArgumentParser.parse(arguments)
        } catch {
            return usage(error.message, language)
        }
        var output = execute(invocation, terminal: invocation.output == nil ? terminal : Terminal(stderrColor: terminal.stderrColor))
        if let path = invocation.output, !output.stdout.isEmpty {
            do {
                try output.stdout.write(toFile: path, atomically: true, encoding: .utf8)
                output.stdout = ""
            } catch {
                return usage(LocalizedText(zh: "无法写入输出文件 \(path)", en: "cannot write the output file \(path)"), language)
            }
        }
        return output
    }

    static func usage(_ message: LocalizedText, _ language: Language) -> CommandOutput {
        CommandOutput(stderr: "kaohe: error: \(message.text(language))\n", exitCode: 2)
    }

    static func execute(_ invocation: Invocation, terminal: Terminal) -> CommandOutput {
        let language = invocation.language
        var loaded = DataFolder.load(invocation.folder, criteriaOverride: invocation.criteria)
        if let dataset = loaded.dataset {
            // The registers' lateness is a rule of the scheme: counted by the scoring stage.
            loaded.quality.registers = DeadlineFindings.derive(dataset).summaries
            loaded.dataset?.quality = loaded.quality
        }
        if invocation.command == .check {
            return CheckCommand.run(loaded, invocation: invocation, color: terminal.stdoutColor)
        }
        guard let dataset = loaded.dataset, !loaded.hasErrors else {
            return CommandOutput(stderr: DiagnosticText.render(loaded.errors, language: language, color: terminal.stderrColor), exitCode: 1)
        }
        let warnings = loaded.warnings.map { diagnostic -> String in
            var compact = diagnostic
            compact.excerpt = nil
            return DiagnosticText.render(compact, language: language, color: terminal.stderrColor)
        }.joined()
        var result: CommandOutput
        switch invocation.command {
        case .check:
            result = CommandOutput()
        case .grade:
            result = GradeCommand.run(dataset, invocation: invocation)
        case .rank:
            result = RankCommand.run(dataset, invocation: invocation)
        case .bulletin:
            result = BulletinCommand.run(dataset, invocation: invocation)
        case .simulate:
            result = SimulateCommand.run(dataset, invocation: invocation)
        case .report:
            result = ReportCommand.run(dataset, quality: loaded.quality, invocation: invocation)
        }
        result.stderr = warnings + result.stderr
        return result
    }

    /// Checks `--unit` and `--group` against the data; a fault is a usage error (exit 2).
    static func selection(_ dataset: Dataset, _ invocation: Invocation) -> Result<(unit: String?, group: String?), ArgumentParser.UsageError> {
        var unitID: String?
        if let text = invocation.unit {
            let references = References(dataset.units.map { .init(id: $0.id, name: $0.name) })
            guard let id = references.resolve(text) else {
                let hint = references.hint(for: text)
                return .failure(ArgumentParser.fail("--unit：未知单位 \"\(text)\"\(hint.zh)", "--unit: unknown unit \"\(text)\"\(hint.en)"))
            }
            unitID = id
        }
        if let group = invocation.group, !dataset.units.contains(where: { $0.group == group }) {
            let groups = Assessor.orderedGroups(dataset.units)
            return .failure(ArgumentParser.fail("--group：未知类别 \"\(group)\"；可用：\(groups.joined(separator: "、"))",
                                                "--group: unknown group \"\(group)\"; groups: \(groups.joined(separator: ", "))"))
        }
        return .success((unitID, invocation.group))
    }

    /// Renders a command's result in the chosen format: its JSON shape, or its document laid
    /// out as text, Markdown, CSV or HTML.
    static func render(_ invocation: Invocation, json: () -> JSONValue, document: () -> Document) -> CommandOutput {
        switch invocation.format {
        case .json: return CommandOutput(stdout: json().serialized())
        case .text: return CommandOutput(stdout: TextRenderer.render(document()))
        case .md: return CommandOutput(stdout: MarkdownRenderer.render(document()))
        case .csv: return CommandOutput(stdout: ExcelCSVRenderer.render(document()))
        case .html: return CommandOutput(stdout: HTMLRenderer.render(document(), language: invocation.language))
        }
    }
}
