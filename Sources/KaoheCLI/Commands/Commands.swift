import KaoheKit
/// Every `kaohe` command, in `kaohe --help` order, and how a command line finds its command.
enum Commands {
    static var all: [any KaoheCommand.Type] {
        [CheckCommand.self, GradeCommand.self, RankCommand.self, BulletinCommand.self, SimulateCommand.self, ReportCommand.self]
    }

    static func named(_ name: String) -> (any KaoheCommand.Type)? { all.first { $0.name == name } }

    /// Every option any command declares (shared ones once per command).
    static var optionSpecs: [OptionSpec] { all.flatMap { $0.optionSpecs } }

    /// The options that take a value, in any command: skipped over to find the command's name.
    static var valuedOptions: Set<String> { Set(optionSpecs.filter(\.takesValue).map(\.name)) }

    /// The command named by the first positional argument, read with its own options.
    static func parse(_ arguments: [String]) throws(UsageError) -> any KaoheCommand {
        guard let first = ArgumentParser.positionals(arguments, valued: valuedOptions).first else {
            throw UsageError(zh: "缺少命令；用法：kaohe <check|grade|rank|bulletin|simulate|report> <数据文件夹> [选项]",
                             en: "missing command; usage: kaohe <check|grade|rank|bulletin|simulate|report> <data-folder> [options]")
        }
        guard let command = named(first.text) else {
            throw UsageError(zh: "未知命令 \"\(first.text)\"；可用命令：check、grade、rank、bulletin、simulate、report",
                             en: "unknown command \"\(first.text)\"; commands: check, grade, rank, bulletin, simulate, report")
        }
        var rest = arguments
        rest.remove(at: first.index)
        return try command.parse(rest)
    }

    /// The help a command line asks for with `--help`, `-h` or `help`: the named command's
    /// own, else the whole tool's; nil when it asks for none.
    static func help(_ arguments: [String], language: Language) -> String? {
        let positionals = ArgumentParser.positionals(arguments, valued: valuedOptions).map(\.text)
        guard arguments.contains("--help") || arguments.contains("-h") || positionals.first == "help" else { return nil }
        let name = positionals.first == "help" ? positionals.dropFirst().first : positionals.first
        guard let name, let command = named(name) else { return HelpText.text(language) }
        return command.help.text(language)
    }
}

extension KaoheCommand {
    static var optionSpecs: [OptionSpec] { allOptions.map(\.spec) }
}
