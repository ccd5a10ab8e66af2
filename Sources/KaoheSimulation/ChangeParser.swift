import KaoheModel
import KaoheLoad
import KaoheScoring
/// Turns `simulate` options into ``Change`` values, checked against the year's data: an
/// unknown unit, item, component, part or band is an error naming the option.
enum ChangeParser {
    static func parse(_ request: ChangeRequest, dataset: Dataset) -> Result<Change, SimulationError> {
        let value = request.value
        let units = References(dataset.units.map { .init(id: $0.id, name: $0.name) })
        let criteria = dataset.criteria
        func fail(_ zh: String, _ en: String) -> Result<Change, SimulationError> {
            .failure(SimulationError(zh: "\(request.display)：\(zh)", en: "\(request.display): \(en)"))
        }
        func unit(_ text: String) -> String? { units.resolve(text) }
        func unknownUnit(_ text: String) -> Result<Change, SimulationError> {
            let hint = units.hint(for: text)
            return fail("未知单位 \"\(text)\"\(hint.zh)", "unknown unit \"\(text)\"\(hint.en)")
        }
        func number(_ text: String) -> ExactDecimal? {
            if case .value(let v) = ExactDecimal.reading(text) { return v }
            return nil
        }
        /// The failure for a number beyond the input limits; nil for any other text.
        func outOfLimits(_ text: String, _ zhWhat: String, _ enWhat: String) -> Result<Change, SimulationError>? {
            switch ExactDecimal.reading(text) {
            case .tooLarge:
                let limit = ExactDecimal.maxInputIntegerDigits
                return fail("\(zhWhat) \"\(text)\" 太大：整数部分至多 \(limit) 位；请检查是否多打了数字",
                            "\(enWhat) \"\(text)\" is too large: at most \(limit) digits before the decimal point; check for extra digits")
            case .tooManyDecimals:
                let limit = ExactDecimal.maxInputFractionDigits
                return fail("\(zhWhat) \"\(text)\" 的小数位数过多：小数部分至多 \(limit) 位；请四舍五入到 \(limit) 位小数以内",
                            "\(enWhat) \"\(text)\" has too many decimals: at most \(limit) after the decimal point; round it to \(limit) decimals or fewer")
            case .value, .notANumber:
                return nil
            }
        }
        func split(_ text: String, _ separator: Character) -> (String, String)? {
            guard let i = text.lastIndex(of: separator) else { return nil }
            return (String(text[..<i]), String(text[text.index(after: i)...]))
        }

        switch request.option {
        case "veto":
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let id = unit(parts[0]) else { return unknownUnit(parts[0]) }
            return .success(.veto(unit: id, clause: parts.count > 1 ? parts[1] : ""))
        case "fail":
            guard criteria.hasChecks else {
                return fail("评分标准 \(criteria.id) 没有日常检查（checks 部分），无法假设检查不合格",
                            "the criteria \(criteria.id) have no daily checks (no checks part), so a failed check cannot be assumed")
            }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 || parts.count == 4 else {
                return fail("格式应为 单位:检查项:日期[:扣分]", "write it as UNIT:ITEM:DATE[:DEDUCTION]")
            }
            guard let id = unit(parts[0]) else { return unknownUnit(parts[0]) }
            let items = References(criteria.items.map { .init(id: $0.item.id, name: $0.item.name) })
            guard let item = items.resolve(parts[1]) else {
                let hint = items.hint(for: parts[1])
                return fail("未知检查项 \"\(parts[1])\"\(hint.zh)", "unknown item \"\(parts[1])\"\(hint.en)")
            }
            guard let date = CivilDate(parts[2]), date.year == dataset.year else {
                return fail("日期 \"\(parts[2])\" 应为 \(dataset.year) 年内的 YYYY-MM-DD", "date \"\(parts[2])\" must be a YYYY-MM-DD date in \(dataset.year)")
            }
            if let unitRecord = dataset.units.first(where: { $0.id == id }),
               let category = criteria.items.first(where: { $0.item.id == item }).map({ criteria.categories[$0.category].id }),
               unitRecord.exempt.contains(category) {
                return fail("检查项 \(item) 属于类别 \(category)，该类别对单位 \(id) 不适用，不能假设不合格",
                            "item \(item) belongs to category \(category), which does not apply to unit \(id), so it cannot fail")
            }
            var deduction: ExactDecimal?
            if parts.count == 4 {
                let points = criteria.items.first { $0.item.id == item }.map { criteria.categories[$0.category].points } ?? .zero
                if let failure = outOfLimits(parts[3], "扣分", "deduction") { return failure }
                guard let d = number(parts[3]), !d.isNegative, d <= points else {
                    return fail("扣分 \"\(parts[3])\" 应为 0 到 \(points) 之间的数", "deduction \"\(parts[3])\" must be a number from 0 to \(points)")
                }
                deduction = d
            }
            return .success(.fail(unit: id, item: item, date: date, deduction: deduction))
        case "score":
            guard let (left, right) = split(value, "="), let (unitText, component) = split(left, ":") else {
                return fail("格式应为 单位:项目=得分", "write it as UNIT:COMPONENT=VALUE")
            }
            guard let id = unit(unitText) else { return unknownUnit(unitText) }
            guard criteria.components.contains(where: { $0.id == component }) else {
                let known = criteria.components.map(\.id).joined(separator: ", ")
                return fail("未知项目 \"\(component)\"；可用：\(known)", "unknown component \"\(component)\"; components: \(known)")
            }
            if component == criteria.survey?.component {
                return fail("项目 \"\(component)\" 的得分由民意调查（survey.csv）的满意率算出，不能直接给分；要看其他满意率的结果，请修改 survey.csv 中该单位的人数",
                            "component \"\(component)\" is scored from the survey's satisfaction rate (survey.csv), not given directly; to see another rate, change the unit's counts in survey.csv")
            }
            if ["n/a", "na", "不适用"].contains(right.lowercased()) {
                return .success(.score(unit: id, component: component, value: nil))
            }
            let full = criteria.components.first { $0.id == component }?.max ?? criteria.scale
            if let failure = outOfLimits(right, "得分", "score") { return failure }
            guard let score = number(right), !score.isNegative, score <= full else {
                return fail("得分 \"\(right)\" 应为 0 到 \(full) 之间的数，或 n/a（不适用）", "score \"\(right)\" must be a number from 0 to \(full), or n/a")
            }
            return .success(.score(unit: id, component: component, value: score))
        case "bonus", "penalty":
            guard let (unitText, pointsText) = split(value, "=") else {
                return fail("格式应为 单位=分值", "write it as UNIT=POINTS")
            }
            guard let id = unit(unitText) else { return unknownUnit(unitText) }
            if let failure = outOfLimits(pointsText, "分值", "points") { return failure }
            guard let points = number(pointsText), points > .zero else {
                return fail("分值 \"\(pointsText)\" 应为大于 0 的数", "points \"\(pointsText)\" must be a number > 0")
            }
            return .success(request.option == "bonus" ? .bonus(unit: id, points: points) : .penalty(unit: id, points: points))
        case "weight":
            guard let (part, weightText) = split(value, "=") else { return fail("格式应为 部分=权重", "write it as PART=W") }
            guard criteria.parts.contains(where: { $0.id == part }) else {
                let known = criteria.parts.map(\.id).joined(separator: ", ")
                return fail("未知考核部分 \"\(part)\"；可用：\(known)", "unknown part \"\(part)\"; parts: \(known)")
            }
            if let failure = outOfLimits(weightText, "权重", "weight") { return failure }
            guard let weight = number(weightText), !weight.isNegative, weight <= .one else {
                return fail("权重 \"\(weightText)\" 应为 0 到 1 之间的数", "weight \"\(weightText)\" must be a number from 0 to 1")
            }
            return .success(.weight(part: part, weight: weight))
        case "band":
            guard criteria.hasBands else {
                return fail("评分标准 \(criteria.id) 不评等次（没有 bands）", "the criteria \(criteria.id) have no bands")
            }
            guard let (name, minText) = split(value, "=") else { return fail("格式应为 等次=分数线", "write it as NAME=MIN") }
            guard criteria.bands.contains(where: { $0.name == name || $0.en == name }) else {
                let known = criteria.bands.map(\.name).joined(separator: ", ")
                return fail("未知等次 \"\(name)\"；可用：\(known)", "unknown band \"\(name)\"; bands: \(known)")
            }
            if let failure = outOfLimits(minText, "分数线", "threshold") { return failure }
            guard let min = number(minText), !min.isNegative, min <= criteria.scale else {
                return fail("分数线 \"\(minText)\" 应为 0 到 \(criteria.scale) 之间的数", "threshold \"\(minText)\" must be a number from 0 to \(criteria.scale)")
            }
            let bandName = criteria.bands.first { $0.name == name || $0.en == name }?.name ?? name
            return .success(.band(name: bandName, min: min))
        case "quota":
            guard criteria.hasBands else {
                return fail("评分标准 \(criteria.id) 不评等次（没有 bands），没有名额可限", "the criteria \(criteria.id) have no bands, so there is no quota to set")
            }
            if value == "none" { return .success(.quota(share: nil)) }
            if let failure = outOfLimits(value, "比例", "share") { return failure }
            guard let share = number(value), !share.isNegative, share <= .one else {
                return fail("应为 0 到 1 之间的比例或 none", "give a share from 0 to 1, or none")
            }
            return .success(.quota(share: share))
        case "drop":
            guard let (file, lineText) = split(value, ":"), let line = Int(lineText), line >= 1 else {
                return fail("格式应为 文件:行号，例如 checks.csv:41", "write it as FILE:LINE, e.g. checks.csv:41")
            }
            guard line >= 2 else {
                return fail("第 1 行是表头，不是记录；请给出要删除的记录所在的行号（从 2 起）",
                            "line 1 is the header, not a record; give the line of the record to drop (2 or more)")
            }
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let files = [DataFolder.files.checks, DataFolder.files.events, DataFolder.files.scores, DataFolder.files.survey]
                + RegisterKind.allCases.map(\.file)
            // A data file read from a workbook is named as its evidence names it: `events.xlsx`,
            // or the sheet of the one workbook (`加减分`).
            guard files.contains(name) || !name.lowercased().hasSuffix(".csv") else {
                return fail("只能删除 \(files.joined(separator: "、")) 中的记录", "only records of \(files.joined(separator: ", ")) can be dropped")
            }
            return .success(.drop(file: name, line: line))
        default:
            return fail("未知的假设选项", "unknown what-if option")
        }
    }
}
