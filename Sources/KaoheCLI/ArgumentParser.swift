import KaoheKit
/// Parses `kaohe`'s command line into an ``Invocation``; faults are usage errors (exit 2).
public enum ArgumentParser {
    public struct UsageError: Error, Sendable, Equatable {
        public var message: LocalizedText
    }

    static func fail(_ zh: String, _ en: String) -> UsageError { UsageError(message: LocalizedText(zh: zh, en: en)) }

    /// The language asked for, read before anything else so usage errors are in it too.
    public static func language(in arguments: [String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, arguments[i + 1] == "en" { return .en }
            if argument == "--lang=en" { return .en }
        }
        return .zh
    }

    public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var positional: [String] = []
        var options: [(name: String, value: String?)] = []
        var i = 0
        let valued = Set(["--format", "--lang", "--output", "--criteria", "--unit", "--group",
                          "--quarter", "--half", "--month"] + ChangeRequest.options.map { "--" + $0 })
        while i < arguments.count {
            let argument = arguments[i]
            if argument.hasPrefix("--") {
                var name = argument
                var value: String?
                if let eq = argument.firstIndex(of: "=") {
                    name = String(argument[..<eq])
                    value = String(argument[argument.index(after: eq)...])
                } else if valued.contains(name) {
                    guard i + 1 < arguments.count else {
                        throw fail("选项 \(name) 需要一个值", "option \(name) needs a value")
                    }
                    i += 1
                    value = arguments[i]
                }
                options.append((name, value))
            } else {
                positional.append(argument)
            }
            i += 1
        }
        guard let commandName = positional.first else {
            throw fail("缺少命令；用法：kaohe <check|grade|rank|bulletin|simulate|report> <数据文件夹> [选项]",
                       "missing command; usage: kaohe <check|grade|rank|bulletin|simulate|report> <data-folder> [options]")
        }
        guard let command = Invocation.Command(rawValue: commandName) else {
            throw fail("未知命令 \"\(commandName)\"；可用命令：check、grade、rank、bulletin、simulate、report",
                       "unknown command \"\(commandName)\"; commands: check, grade, rank, bulletin, simulate, report")
        }
        guard positional.count >= 2 else {
            throw fail("缺少数据文件夹；用法：kaohe \(commandName) <数据文件夹>", "missing data folder; usage: kaohe \(commandName) <data-folder>")
        }
        guard positional.count == 2 else {
            throw fail("多余的参数 \"\(positional[2])\"", "unexpected argument \"\(positional[2])\"")
        }
        var invocation = Invocation(command: command, folder: positional[1])
        for (name, value) in options {
            let v = value ?? ""
            switch name {
            case "--format":
                guard let format = Invocation.Format(rawValue: v) else {
                    throw fail("--format 的值 \"\(v)\" 无效；可用：text、md、csv、json、html",
                               "--format \"\(v)\" is not valid; use text, md, csv, json or html")
                }
                invocation.format = format
            case "--lang":
                guard let language = Language(rawValue: v) else {
                    throw fail("--lang 的值 \"\(v)\" 无效；可用：zh、en", "--lang \"\(v)\" is not valid; use zh or en")
                }
                invocation.language = language
            case "--output": invocation.output = v
            case "--criteria": invocation.criteria = v
            case "--unit": invocation.unit = v
            case "--group": invocation.group = v
            case "--quarter", "--half", "--month":
                let kind: PeriodKind = name == "--quarter" ? .quarter : name == "--half" ? .half : .month
                guard let n = Int(v), (1...kind.count).contains(n) else {
                    throw fail("\(name) 的值应为 1 到 \(kind.count) 的整数，而不是 \"\(v)\"",
                               "\(name) takes a number from 1 to \(kind.count), not \"\(v)\"")
                }
                if command == .bulletin && kind == .month {
                    invocation.month = n
                } else {
                    guard invocation.rankPeriod == nil else { throw fail("只能指定一个排名期间", "give only one ranking period") }
                    invocation.rankPeriod = .period(kind, n)
                }
            case "--annual":
                guard invocation.rankPeriod == nil else { throw fail("只能指定一个排名期间", "give only one ranking period") }
                invocation.rankPeriod = .annual
            case "--explain":
                invocation.explain = true
            case "--margins":
                guard command == .simulate else { throw fail("--margins 只用于 simulate", "--margins belongs to simulate") }
                invocation.margins = true
            case _ where ChangeRequest.options.contains(String(name.dropFirst(2))):
                guard command == .simulate else {
                    throw fail("\(name) 只用于 simulate 命令", "\(name) belongs to the simulate command")
                }
                invocation.changes.append(ChangeRequest(option: String(name.dropFirst(2)), value: v))
            default:
                throw fail("未知选项 \(name)；运行 kaohe --help 查看用法", "unknown option \(name); run kaohe --help for usage")
            }
        }
        switch command {
        case .rank where invocation.rankPeriod == nil:
            throw fail("rank 需要 --quarter N、--half N、--month N 或 --annual 之一",
                       "rank needs one of --quarter N, --half N, --month N or --annual")
        case .simulate where invocation.changes.isEmpty && !invocation.margins:
            throw fail("simulate 需要至少一个假设（--veto、--fail、--score、--bonus、--penalty、--weight、--band、--quota、--drop）或 --margins",
                       "simulate needs at least one change (--veto, --fail, --score, --bonus, --penalty, --weight, --band, --quota, --drop) or --margins")
        case .bulletin where invocation.month == nil:
            throw fail("bulletin 需要 --month N（1 到 12）", "bulletin needs --month N (1 to 12)")
        default:
            break
        }
        if invocation.explain && invocation.unit == nil {
            throw fail("--explain 需要与 --unit 一起使用", "--explain needs --unit")
        }
        return invocation
    }
}
