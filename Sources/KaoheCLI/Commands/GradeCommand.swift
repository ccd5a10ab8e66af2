import KaoheKit
/// `kaohe grade DATA [--unit ID] [--group NAME] [--explain]`: annual results.
struct GradeCommand: DatasetCommand {
    static let name = "grade"
    static let abstract = LocalizedText(zh: "年度考核结果（全部单位，或 --unit 指定单位；--explain 显示计算过程）",
                                        en: "annual results (all units, or --unit; --explain shows the audit trail)")
    static let usage = LocalizedText(zh: "[--unit 编号或名称 [--explain]] [--group 类别] [选项]",
                                     en: "[--unit ID|NAME [--explain]] [--group NAME] [options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "每个单位的日常考核、年终考核、加分、减分、总分、等次、类别内排名和目标责任考核得分。",
        en: "Each unit's daily and year-end parts, bonus, penalty, total, band, rank in its group and\ncontribution.")
    static let examples = ["kaohe grade Samples/demo-2025 --group 镇街", "kaohe grade Samples/demo-2025 --unit T08 --explain"]

    static var options: [Option<GradeCommand>] {
        [
            .value("--unit", LocalizedText(zh: "编号或名称", en: "ID|NAME"),
                   help: LocalizedText(zh: "只看一个单位", en: "one unit only")) { (command: inout GradeCommand, value: String) in
                command.unit = value
            },
            .value("--group", LocalizedText(zh: "类别", en: "NAME"),
                   help: LocalizedText(zh: "只看一个类别", en: "one group only")) { (command: inout GradeCommand, value: String) in
                command.group = value
            },
            .flag("--explain", help: LocalizedText(zh: "与 --unit 一起：逐项列出计算过程和依据的数据行",
                                                   en: "with --unit: every number and the input lines behind it")) { (command: inout GradeCommand) in
                command.explain = true
            },
        ]
    }

    var folder: String
    var shared = SharedOptions()
    var unit: String?
    var group: String?
    var explain = false

    init(folder: String) { self.folder = folder }

    func validate() throws(UsageError) {
        if explain && unit == nil {
            throw UsageError(zh: "--explain 需要与 --unit 一起使用", en: "--explain needs --unit")
        }
    }

    func run(_ year: Year) -> CommandOutput {
        let assessed = year.assess()
        do {
            let sheet = try assessed.grades(unit: unit, group: group)
            if explain, let first = sheet.grades.first {
                return shared.render(try assessed.explanation(unit: first.unitID))
            }
            return shared.render(sheet)
        } catch {
            return usage(.selection(error))
        }
    }
}
