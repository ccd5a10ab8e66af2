import Testing
import KaoheKit
import KaoheTestSupport
@testable import KaoheCLI

/// Each command reads only its own options and prints its own help (the command-line part of
/// docs/commands.md); these cases fail before any data is read.
@Suite struct CommandLineTests {
    static let data = Repository.path("Samples/demo-2025")

    func error(_ arguments: [String]) -> String {
        let output = KaoheCLI.run(arguments)
        #expect(output.exitCode == 2, "\(arguments)")
        #expect(output.stdout.isEmpty)
        return output.stderr
    }

    @Test func everyHelpPageFitsInOneHundredColumns() {
        for language in Language.allCases {
            let pages = [HelpText.text(language)] + Commands.all.map { $0.help.text(language) }
            for page in pages {
                for line in page.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) <= 100, "\(line)")
                }
            }
        }
    }

    @Test func eachCommandsHelpListsItsOptionsAndTheSharedOnes() {
        for command in Commands.all {
            for language in Language.allCases {
                let help = command.help.text(language)
                #expect(help.hasPrefix("kaohe \(command.name) — \(command.abstract.text(language))\n"))
                for spec in command.optionSpecs {
                    #expect(help.contains("  \(spec.synopsis(language))  "), "\(command.name) \(spec.name)")
                }
            }
        }
    }

    @Test func helpIsAskedForInThreeWays() {
        let rank = RankCommand.help.text(.zh)
        #expect(KaoheCLI.run(["rank", "--help"]) == CommandOutput(stdout: rank))
        #expect(KaoheCLI.run(["rank", "-h"]) == CommandOutput(stdout: rank))
        #expect(KaoheCLI.run(["help", "rank"]) == CommandOutput(stdout: rank))
        #expect(KaoheCLI.run(["rank", Self.data, "--annual", "--help"]) == CommandOutput(stdout: rank))
        #expect(KaoheCLI.run(["help", "rank", "--lang", "en"]) == CommandOutput(stdout: RankCommand.help.text(.en)))
        #expect(KaoheCLI.run(["help"]) == CommandOutput(stdout: HelpText.text(.zh)))
        #expect(KaoheCLI.run(["--lang=en", "--help"]) == CommandOutput(stdout: HelpText.text(.en)))
    }

    @Test func anOptionOfAnotherCommandNamesTheCommandItWasGivenTo() {
        #expect(error(["check", Self.data, "--unit", "T01"])
                == "kaohe: error: check 命令没有选项 --unit；运行 kaohe check --help 查看它的选项\n")
        #expect(error(["grade", Self.data, "--annual", "--lang", "en"])
                == "kaohe: error: grade takes no option --annual; run kaohe grade --help for its options\n")
        #expect(error(["rank", Self.data, "--annual", "--explain"])
                == "kaohe: error: rank 命令没有选项 --explain；运行 kaohe rank --help 查看它的选项\n")
        #expect(error(["bulletin", Self.data, "--month", "3", "--group", "镇街"]).contains("bulletin 命令没有选项 --group"))
        #expect(error(["simulate", Self.data, "--veto", "T01", "--unit", "T01"]).contains("simulate 命令没有选项 --unit"))
    }

    @Test func simulatesOptionsSayWhereTheyBelong() {
        #expect(error(["grade", Self.data, "--veto", "T01"]) == "kaohe: error: --veto 只用于 simulate 命令\n")
        #expect(error(["rank", Self.data, "--annual", "--margins"]) == "kaohe: error: --margins 只用于 simulate\n")
        #expect(error(["report", Self.data, "--drop", "checks.csv:2"]) == "kaohe: error: --drop 只用于 simulate 命令\n")
    }

    @Test func anOptionNoCommandHasIsUnknown() {
        #expect(error(["grade", Self.data, "--colour"]) == "kaohe: error: 未知选项 --colour；运行 kaohe --help 查看用法\n")
    }

    @Test func eachCommandChecksItsOptionsTogether() {
        #expect(error(["rank", Self.data, "--quarter", "1", "--annual"]) == "kaohe: error: 只能指定一个排名期间\n")
        #expect(error(["rank", Self.data, "--half", "3"]) == "kaohe: error: --half 的值应为 1 到 2 的整数，而不是 \"3\"\n")
        #expect(error(["grade", Self.data, "--explain"]) == "kaohe: error: --explain 需要与 --unit 一起使用\n")
        #expect(error(["bulletin", Self.data]) == "kaohe: error: bulletin 需要 --month N（1 到 12）\n")
        #expect(error(["simulate", Self.data]).hasPrefix("kaohe: error: simulate 需要至少一个假设"))
        #expect(error(["report", Self.data, "--group", "镇街"]).hasPrefix("kaohe: error: report 总是包含全年和全部单位"))
    }

    @Test func valuesAndArgumentsAreChecked() {
        #expect(error(["grade", Self.data, "--format"]) == "kaohe: error: 选项 --format 需要一个值\n")
        #expect(error(["rank", Self.data, "--annual=yes"]) == "kaohe: error: 选项 --annual 不带值\n")
        #expect(error(["grade"]) == "kaohe: error: 缺少数据文件夹；用法：kaohe grade <数据文件夹>\n")
        #expect(error(["grade", Self.data, "extra"]) == "kaohe: error: 多余的参数 \"extra\"\n")
        #expect(error(["--format", "json"]).hasPrefix("kaohe: error: 缺少命令"))
        #expect(error(["grade", Self.data, "--lang", "fr"]) == "kaohe: error: --lang 的值 \"fr\" 无效；可用：zh、en\n")
    }

    @Test func optionsMayComeBeforeTheCommand() {
        let after = KaoheCLI.run(["grade", Self.data, "--format=json", "--unit", "T02"])
        #expect(after.exitCode == 0)
        #expect(KaoheCLI.run(["--format", "json", "grade", "--unit", "T02", Self.data]) == after)
    }

    @Test func simulateDeclaresEveryKindOfChange() {
        #expect(Set(SimulateCommand.changes.map(\.option)) == ChangeRequest.options)
    }
}
