/// `kaohe --help`.
enum HelpText {
    static func text(_ language: Language) -> String {
        switch language {
        case .zh:
            return """
            kaohe — 政务公开工作目标责任考核计算

            用法：kaohe <命令> <数据文件夹> [选项]

            命令：
              check      检查数据文件，列出全部错误和警告及数据质量
              grade      年度考核结果（全部单位，或 --unit 指定单位；--explain 显示计算过程）
              rank       排名：--quarter N、--half N、--month N 或 --annual
              bulletin   月通报：--month N
              simulate   假设分析（如一票否决、申诉改判）
              report     全年报告

            选项：
              --format text|md|csv|json|html   输出格式（默认 text）
              --lang zh|en                     输出语言（默认 zh）
              --output 文件                     写入文件而不是标准输出
              --criteria 文件                   使用其他评分标准文件
              --unit 编号或名称                 只看一个单位
              --group 类别                      只看一个类别

            退出码：0 完成；1 数据或细则有错误；2 命令行有误。

            """
        case .en:
            return """
            kaohe — government-affairs-openness assessment

            Usage: kaohe <command> <data-folder> [options]

            Commands:
              check      validate the data files; list every error and warning and the data quality
              grade      annual results (all units, or --unit; --explain shows the audit trail)
              rank       a ranking: --quarter N, --half N, --month N or --annual
              bulletin   the monthly bulletin: --month N
              simulate   what-if analysis (a veto, an appeal, …)
              report     the whole year in one document

            Options:
              --format text|md|csv|json|html   output format (default text)
              --lang zh|en                     output language (default zh)
              --output FILE                    write to FILE instead of standard output
              --criteria FILE                  use another criteria file
              --unit ID|NAME                   one unit only
              --group NAME                     one group only

            Exit codes: 0 done; 1 errors in the data or criteria; 2 bad command line.

            """
        }
    }
}
