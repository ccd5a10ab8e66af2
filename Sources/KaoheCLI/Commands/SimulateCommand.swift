import KaoheKit
/// `kaohe simulate DATA [changes…] [--margins]`: what-if analysis.
struct SimulateCommand: DatasetCommand {
    static let name = "simulate"
    static let abstract = LocalizedText(zh: "假设分析（如一票否决、申诉改判）", en: "what-if analysis (a veto, an appeal, …)")
    static let usage = LocalizedText(zh: "<假设>… [--margins] [选项]", en: "<change>… [--margins] [options]")
    static let discussion: LocalizedText? = LocalizedText(
        zh: "在内存中应用假设（不改动文件），列出结果有变化的单位（前 → 后）：总分、等次、排名、标记和\n责任追究。假设可多次、可混合使用。",
        en: "Applies the changes in memory (files are never touched) and lists the units whose outcome\nchanges, before → after: total, band, rank, flags and consequences.\nRepeat and mix changes freely.")
    static let examples = ["kaohe simulate Samples/demo-2025 --veto T04", "kaohe simulate Samples/demo-2025 --drop events.csv:4 --margins"]

    /// The what-if changes, in help order; each becomes a ``WhatIf``.
    static let changes: [(option: String, value: LocalizedText, help: LocalizedText)] = [
        ("veto", LocalizedText(zh: "单位[:条款]", en: "UNIT[:CLAUSE]"), LocalizedText(zh: "一票否决", en: "a one-vote veto")),
        ("fail", LocalizedText(zh: "单位:检查项:日期[:扣分]", en: "UNIT:ITEM:DATE[:DEDUCTION]"),
         LocalizedText(zh: "增加一条不合格检查", en: "an extra failed check")),
        ("score", LocalizedText(zh: "单位:项目=得分", en: "UNIT:COMPONENT=VALUE"),
         LocalizedText(zh: "修改年终考核得分", en: "a year-end component score")),
        ("bonus", LocalizedText(zh: "单位=分值", en: "UNIT=POINTS"), LocalizedText(zh: "加分", en: "a bonus")),
        ("penalty", LocalizedText(zh: "单位=分值", en: "UNIT=POINTS"), LocalizedText(zh: "减分", en: "a penalty")),
        ("weight", LocalizedText(zh: "部分=权重", en: "PART=W"),
         LocalizedText(zh: "修改权重（各部分之和须为 1）", en: "a part weight (weights must still sum to 1)")),
        ("band", LocalizedText(zh: "等次=分数线", en: "NAME=MIN"), LocalizedText(zh: "修改等次分数线", en: "a band threshold")),
        ("quota", LocalizedText(zh: "比例|none", en: "SHARE|none"), LocalizedText(zh: "修改或取消优秀比例", en: "the 优秀 quota share, or none")),
        ("drop", LocalizedText(zh: "文件:行号", en: "FILE:LINE"),
         LocalizedText(zh: "删除一条记录（如申诉改判）", en: "remove one input record (an appeal)")),
    ]

    static var options: [Option<SimulateCommand>] {
        changes.map { change in
            let option = "--" + change.option
            return .value(option, change.value, help: change.help,
                          misplaced: LocalizedText(zh: "\(option) 只用于 simulate 命令", en: "\(option) belongs to the simulate command")) {
                (command: inout SimulateCommand, value: String) in
                command.requests.append(WhatIf(option: change.option, value: value))
            }
        } + [
            .flag("--margins", help: LocalizedText(zh: "各单位距上下等次的差距", en: "each unit's distance to the bands above and below"),
                  misplaced: LocalizedText(zh: "--margins 只用于 simulate", en: "--margins belongs to simulate")) { (command: inout SimulateCommand) in
                command.margins = true
            },
        ]
    }

    var folder: String
    var shared = SharedOptions()
    /// The changes, in command-line order.
    var requests: [WhatIf] = []
    var margins = false

    init(folder: String) { self.folder = folder }

    func validate() throws(UsageError) {
        if requests.isEmpty && !margins {
            throw UsageError(zh: "simulate 需要至少一个假设（--veto、--fail、--score、--bonus、--penalty、--weight、--band、--quota、--drop）或 --margins",
                             en: "simulate needs at least one change (--veto, --fail, --score, --bonus, --penalty, --weight, --band, --quota, --drop) or --margins")
        }
    }

    func run(_ year: Year) -> CommandOutput {
        do {
            if requests.isEmpty { return shared.render(try year.assess().margins()) }
            return shared.render(try year.simulate(requests, margins: margins))
        } catch {
            if case .noBands(let criteria) = error {
                return usage(UsageError(zh: "评分标准 \(criteria) 不评等次（没有 bands），--margins 无等次可比；请去掉 --margins",
                                        en: "the criteria \(criteria) have no bands, so --margins has no band to measure against; drop --margins"))
            }
            return usage(UsageError(error.message))
        }
    }
}
