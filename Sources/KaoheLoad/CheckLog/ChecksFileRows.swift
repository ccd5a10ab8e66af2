import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
    /// A row that passed validation.
    struct CheckedRow {
        var date: CivilDate
        var unit: String
        var item: String?
        var passed: Bool
        /// The row's own deduction (nil when empty, and always nil on a passed check).
        var deduction: ExactDecimal?
        var rectified: CivilDate?
        var note: String
    }

    /// Validates one row, recording its faults in `row`; nil when it is rejected.
    static func validate(_ row: inout DataTable.Row, context: ValidationContext) -> CheckedRow? {
        guard row.table.checkShape(&row) else { return nil }
        let date = row.date("date", year: context.year)
        let unit = context.unit(&row)
        let passed = parseResult(&row)
        let itemText = row.text("item")
        var item: String?
        if !itemText.isEmpty {
            item = context.item(&row, itemText)
        } else if passed == false {
            row.report("item", .failWithoutItem)
        }
        if passed == false, let unit, let item, let category = context.exemptCategory(unit: unit, item: item) {
            row.report("item", .failedExemptCategory(item: item, category: category, unit: unit))
        }
        let deduction = parseDeduction(&row, passed: passed, item: item, context: context)
        let rectified = parseRectified(&row, passed: passed, date: date)
        guard !row.hasErrors, let date, let unit, let passed else { return nil }
        return CheckedRow(date: date, unit: unit, item: item, passed: passed, deduction: deduction,
                          rectified: rectified, note: row.text("note"))
    }

    /// `pass` | `fail` | `合格` | `不合格` → true/false.
    static func parseResult(_ row: inout DataTable.Row) -> Bool? {
        guard let text = row.required("result", what: "检查结果", "result") else { return nil }
        switch text.lowercased() {
        case "pass", "合格": return true
        case "fail", "不合格": return false
        default:
            row.report("result", .badResult(text))
            return nil
        }
    }

    /// The row's own deduction, if given: ≥ 0 and ≤ its category's points; only on failed checks.
    static func parseDeduction(_ row: inout DataTable.Row, passed: Bool?, item: String?, context: ValidationContext) -> ExactDecimal? {
        let text = row.text("deduction")
        guard !text.isEmpty, let value = row.decimal("deduction", text, zhWhat: "扣分", enWhat: "deduction") else { return nil }
        if value.isNegative {
            row.report("deduction", .negativeDeduction(text))
            return nil
        }
        if passed == true {
            if !value.isZero {
                row.report("deduction", .deductionOnPass(text))
            }
            return nil
        }
        if let item, let points = context.categoryPoints[item], value > points {
            row.report("deduction", .deductionOverCategory(text, points: points))
            return nil
        }
        return value
    }

    /// The rectification date (整改日期): only on failed checks, not before the check date.
    static func parseRectified(_ row: inout DataTable.Row, passed: Bool?, date: CivilDate?) -> CivilDate? {
        let text = row.text("rectified")
        guard !text.isEmpty else { return nil }
        guard let value = row.parseDate("rectified", text, zhWhat: "整改日期", enWhat: "rectified date") else { return nil }
        if passed == true {
            row.report("rectified", .rectifiedOnPass)
            return nil
        }
        if let date, value < date {
            row.report("rectified", .rectifiedBeforeCheck(value, check: date))
            return nil
        }
        return value
    }

    /// The warning on a row that repeats an earlier one exactly.
    static func duplicateWarning(_ path: String, line: Int, first: Int, excerpt: String) -> Diagnostic {
        Diagnostic(.duplicateRow(first: first), file: path, line: line, column: 1, excerpt: excerpt)
    }

    /// The code of ``duplicateWarning(_:line:first:excerpt:)``.
    static var duplicateCode: Diagnostic.Code { Diagnostic.Message.duplicateRow(first: 0).code }
}

extension Diagnostic.Message {
    /// A failed check of an item whose category does not apply to the unit (`exempt`).
    static func failedExemptCategory(item: String, category: String, unit: String) -> Self {
        .error("checks.exempt-category", zh: "检查项 \(item) 属于类别 \(category)，该类别对单位 \(unit) 不适用（units.csv 的 exempt 列），不能记为不合格；请核对检查项或单位的 exempt 列",
               en: "item \(item) belongs to category \(category), which does not apply to unit \(unit) (exempt in units.csv), so it cannot fail; check the item or the unit's exempt column")
    }

    /// A failed check without an item.
    static var failWithoutItem: Self {
        .error("checks.fail-without-item", zh: "不合格记录须填写检查项；请填写评分标准中的检查项编号或名称",
               en: "a failed check needs an item; give an item id or name from the criteria")
    }

    static func badResult(_ text: String) -> Self {
        .error("checks.bad-result", zh: "检查结果 \"\(text)\" 无效；应为 pass、fail、合格 或 不合格",
               en: "result \"\(text)\" is not valid; use pass, fail, 合格 or 不合格")
    }

    static func negativeDeduction(_ text: String) -> Self {
        .error("checks.negative-deduction", zh: "扣分 \(text) 为负数；扣分应 ≥ 0", en: "deduction \(text) is negative; it must be ≥ 0")
    }

    /// A deduction other than 0 on a passed check.
    static func deductionOnPass(_ text: String) -> Self {
        .error("checks.deduction-on-pass", zh: "合格记录不应有扣分 \(text)；请删除扣分或将结果改为 fail",
               en: "a passed check cannot carry deduction \(text); clear it or change the result to fail")
    }

    /// A deduction above the points of the item's category.
    static func deductionOverCategory(_ text: String, points: ExactDecimal) -> Self {
        .error("checks.deduction-over-category", zh: "扣分 \(text) 超过该检查项所属类别的分值 \(points)；扣分应在 0 到 \(points) 之间",
               en: "deduction \(text) exceeds its category's points \(points); it must be between 0 and \(points)")
    }

    static var rectifiedOnPass: Self {
        .error("checks.rectified-on-pass", zh: "合格记录不应有整改日期；整改日期只用于 fail 记录",
               en: "a passed check has nothing to rectify; the rectified date belongs on fail rows only")
    }

    static func rectifiedBeforeCheck(_ rectified: CivilDate, check: CivilDate) -> Self {
        .error("checks.rectified-before-check", zh: "整改日期 \(rectified) 早于检查日期 \(check)；请检查日期",
               en: "rectified date \(rectified) is before the check date \(check); check the dates")
    }

    /// A row that repeats line `first` exactly.
    static func duplicateRow(first: Int) -> Self {
        .warning("checks.duplicate-row", zh: "与第 \(first) 行完全相同（重复行）；若是同一问题重复登记，请删除其中一行",
                 en: "repeats line \(first) exactly (duplicate row); delete one if the finding was entered twice")
    }
}
