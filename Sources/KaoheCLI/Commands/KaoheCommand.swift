import KaoheKit
/// One `kaohe` command: its name, its own options, the checks that involve more than one of
/// them, its help, and how it runs on a loaded data folder.
protocol KaoheCommand {
    static var name: String { get }
    /// The command's line in `kaohe --help`, and the title of its own help.
    static var abstract: LocalizedText { get }
    /// What follows `kaohe <name> <数据文件夹>` in the usage line.
    static var usage: LocalizedText { get }
    /// A few lines on what the command prints, for its help; nil for none.
    static var discussion: LocalizedText? { get }
    static var examples: [String] { get }
    /// The command's own options, in help order (the shared ones come with `allOptions`).
    static var options: [Option<Self>] { get }
    /// The message for an option this command refuses for a reason of its own; nil for the
    /// general one.
    static func refusal(of option: String) -> LocalizedText?

    init(folder: String)
    var folder: String { get }
    var shared: SharedOptions { get set }
    /// Checks that involve more than one option, once all of them are read.
    func validate() throws(UsageError)
    func run(_ validation: Validation, terminal: Terminal) -> CommandOutput
}

extension KaoheCommand {
    static var discussion: LocalizedText? { nil }
    static func refusal(of option: String) -> LocalizedText? { nil }
    func validate() throws(UsageError) {}

    /// The command's option table: its own options, then the shared ones.
    static var allOptions: [Option<Self>] { options + SharedOptions.options.map { $0.lifted(\Self.shared) } }

    static var help: CommandHelp {
        CommandHelp(name: name, abstract: abstract, usage: usage, discussion: discussion,
                    options: options.map(\.spec), shared: SharedOptions.options.map(\.spec), examples: examples)
    }

    /// Reads the command line that follows the command's name: one data folder and the
    /// command's options, then checks them together.
    static func parse(_ arguments: [String]) throws(UsageError) -> Self {
        let parsed = try ArgumentParser.parse(arguments, options: allOptions, undeclared: undeclared)
        guard let folder = parsed.positionals.first else {
            throw UsageError(zh: "缺少数据文件夹；用法：kaohe \(name) <数据文件夹>", en: "missing data folder; usage: kaohe \(name) <data-folder>")
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(zh: "多余的参数 \"\(parsed.positionals[1])\"", en: "unexpected argument \"\(parsed.positionals[1])\"")
        }
        var command = Self(folder: folder)
        for (option, value) in parsed.options {
            try option.store(&command, value)
        }
        try command.validate()
        try command.shared.validate(command: name)
        return command
    }

    /// The error for an option this command does not declare: its own refusal, the option's
    /// word on where it belongs, or one naming this command; an option no command has is unknown.
    static func undeclared(_ option: String) -> UsageError {
        if let refusal = refusal(of: option) { return UsageError(refusal) }
        guard let spec = Commands.optionSpecs.first(where: { $0.name == option }) else {
            // A mistyped option of this command is named (`--quater` → `--quarter`).
            let names = References(allOptions.map { .init(id: $0.spec.name, name: $0.spec.name) })
            if let near = names.suggestion(for: option)?.id {
                return UsageError(zh: "未知选项 \(option)；是否指 \(near)？运行 kaohe \(name) --help 查看它的选项",
                                  en: "unknown option \(option); did you mean \(near)? run kaohe \(name) --help for its options")
            }
            return UsageError(zh: "未知选项 \(option)；运行 kaohe --help 查看用法", en: "unknown option \(option); run kaohe --help for usage")
        }
        if let misplaced = spec.misplaced { return UsageError(misplaced) }
        return UsageError(zh: "\(name) 命令没有选项 \(option)；运行 kaohe \(name) --help 查看它的选项",
                          en: "\(name) takes no option \(option); run kaohe \(name) --help for its options")
    }
}

/// A command that needs the year's data free of errors: errors stop it (exit 1), and a short
/// summary of the warnings goes to standard error ahead of its own.
protocol DatasetCommand: KaoheCommand {
    func run(_ year: Year) -> CommandOutput
}

extension DatasetCommand {
    func run(_ validation: Validation, terminal: Terminal) -> CommandOutput {
        let language = shared.language
        let year: Year
        do {
            year = try validation.year()
        } catch {
            return CommandOutput(stderr: validation.errorsText(language: language, color: terminal.stderrColor), exitCode: 1)
        }
        var result = run(year)
        result.stderr = year.warningsText(language: language, color: terminal.stderrColor) + result.stderr
        return result
    }

    /// A usage error found once the data is read (an unknown `--unit`, a change that cannot apply).
    func usage(_ error: UsageError) -> CommandOutput { KaoheCLI.usage(error.message, shared.language) }
}
