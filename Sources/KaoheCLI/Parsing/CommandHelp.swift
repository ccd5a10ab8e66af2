import KaoheKit
/// A command's help page (`kaohe rank --help`): what it does, how to call it, its own
/// options and the shared ones with their help, and examples, in Chinese or English.
struct CommandHelp {
    var name: String
    var abstract: LocalizedText
    /// What follows `kaohe <name> <数据文件夹>` in the usage line.
    var usage: LocalizedText
    /// A few lines on what the command prints; nil for none.
    var discussion: LocalizedText?
    var options: [OptionSpec]
    var shared: [OptionSpec]
    var examples: [String]

    func text(_ language: Language) -> String {
        let zh = language == .zh
        let help = OptionSpec(name: "-h, --help", valueName: nil, help: LocalizedText(zh: "显示本帮助", en: "show this help"))
        let width = (options + shared + [help]).map { DisplayWidth.of($0.synopsis(language)) }.max() ?? 0
        func row(_ spec: OptionSpec) -> String {
            let synopsis = spec.synopsis(language)
            return "  " + synopsis + String(repeating: " ", count: width + 3 - DisplayWidth.of(synopsis)) + spec.help.text(language)
        }
        var lines = ["kaohe \(name) — \(abstract.text(language))", ""]
        lines.append((zh ? "用法：kaohe \(name) <数据文件夹> " : "Usage: kaohe \(name) <data-folder> ") + usage.text(language))
        lines.append("")
        if let discussion {
            lines += discussion.text(language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.append("")
        }
        if !options.isEmpty {
            lines.append(zh ? "选项：" : "Options:")
            lines += options.map(row)
            lines.append("")
        }
        lines.append(zh ? "通用选项：" : "Common options:")
        lines += (shared + [help]).map(row)
        lines.append("")
        lines.append(zh ? "示例：" : (examples.count == 1 ? "Example:" : "Examples:"))
        lines += examples.map { "  " + $0 }
        lines.append("")
        lines.append(zh ? "退出码：0 完成；1 数据或评分标准有错误；2 命令行有误。"
                        : "Exit codes: 0 done; 1 errors in the data or criteria; 2 bad command line.")
        return lines.joined(separator: "\n") + "\n"
    }
}
