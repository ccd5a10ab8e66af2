import KaoheKit
/// `kaohe --help`: the commands (each one's line from its own type), every option, and the
/// exit codes. Each command's own help is ``CommandHelp``.
enum HelpText {
    static func text(_ language: Language) -> String {
        let commands = Commands.all.map { command in
            "  " + command.name + String(repeating: " ", count: max(1, 11 - command.name.count)) + command.abstract.text(language)
        }.joined(separator: "\n")
        switch language {
        case .zh:
            return """
            kaohe — 政务公开工作目标责任考核计算

            用法：kaohe <命令> <数据文件夹> [选项]

            命令：
            \(commands)

            选项：
              --format text|md|csv|json|html|xlsx|docx
                                               输出格式（默认 text；xlsx、docx 须配 --output）
              --lang zh|en                     输出语言（默认 zh）
              --output 文件                     写入文件而不是标准输出
              --criteria 文件                   使用其他评分标准文件
              --unit 编号或名称                 只看一个单位
              --group 类别                      只看一个类别
              --explain                        与 --unit 一起：逐项列出计算过程和依据的数据行

            假设分析（simulate，可多次、可混合使用）：
              --veto 单位[:条款]                 一票否决
              --fail 单位:检查项:日期[:扣分]      增加一条不合格检查
              --score 单位:项目=得分             修改年终考核得分
              --bonus 单位=分值  --penalty 单位=分值
              --weight 部分=权重                 修改权重（各部分之和须为 1）
              --band 等次=分数线                 修改等次分数线
              --quota 比例|none                  修改或取消优秀比例
              --drop 文件:行号                   删除一条记录（如申诉改判）
              --margins                        各单位距上下等次的差距

            退出码：0 完成；1 数据或评分标准有错误；2 命令行有误。

            """
        case .en:
            return """
            kaohe — government-affairs-openness assessment

            Usage: kaohe <command> <data-folder> [options]

            Commands:
            \(commands)

            Options:
              --format text|md|csv|json|html|xlsx|docx
                                               output format (default text; xlsx and docx need --output)
              --lang zh|en                     output language (default zh)
              --output FILE                    write to FILE instead of standard output
              --criteria FILE                  use another criteria file
              --unit ID|NAME                   one unit only
              --group NAME                     one group only
              --explain                        with --unit: the audit trail, every number with its input lines

            What-if (simulate; repeat and mix freely):
              --veto UNIT[:CLAUSE]               a one-vote veto
              --fail UNIT:ITEM:DATE[:DEDUCTION]  an extra failed check
              --score UNIT:COMPONENT=VALUE       a year-end component score
              --bonus UNIT=POINTS  --penalty UNIT=POINTS
              --weight PART=W                    a part weight (weights must still sum to 1)
              --band NAME=MIN                    a band threshold
              --quota SHARE|none                 the 优秀 quota share, or none
              --drop FILE:LINE                   remove one input record (an appeal)
              --margins                          each unit's distance to the bands above and below

            Exit codes: 0 done; 1 errors in the data or criteria; 2 bad command line.

            """
        }
    }
}
