import KaoheModel
import KaoheInput
/// Validates a register (台账: disclosures, applications, complaints, responses): each row's
/// unit, its start time (in the assessment year), later times (not before the start) and
/// yes/no columns.
enum RegisterFile {
    static func validate(_ table: DataTable, kind: RegisterKind, context: ValidationContext,
                         diagnostics: inout [Diagnostic]) -> (rows: [RegisterRow], usage: FileUsage) {
        let hourColumns = Set(context.criteria.deadlines.filter { $0.register == kind && $0.unit == .hours }.flatMap { [$0.start, $0.end] })
        let (rows, usage) = table.validateRows(diagnostics: &diagnostics) { row -> RegisterRow? in
            let unit = context.unit(&row)
            let itemText = row.text("item")
            let item = itemText.isEmpty ? nil : context.item(&row, itemText)
            var times: [String: Moment] = [:]
            for column in kind.timeColumns {
                let text = row.text(column)
                if text.isEmpty {
                    if column == kind.startColumn {
                        row.report(column, .missingStart(column))
                    }
                    continue
                }
                let moment: Moment
                switch DateText.read(text) {
                case .date(let date, let minute):
                    moment = Moment(date: date, minute: minute)
                case .serial(let date):
                    row.report(column, .excelSerialDate(text, date, whatZh: column, whatEn: column))
                    moment = Moment(date: date)
                case .twoDigitYear:
                    row.report(column, .twoDigitYear(text, whatZh: column, whatEn: column))
                    continue
                case .invalid:
                    row.report(column, .badTime(column, text))
                    continue
                }
                if hourColumns.contains(column), moment.minute == nil {
                    row.report(column, .hoursWithoutTime(column, text))
                    continue
                }
                if column == kind.startColumn, moment.date.year != context.year {
                    row.report(column, .startOutsideYear(column, moment.date, year: context.year))
                    continue
                }
                if let start = times[kind.startColumn], moment < start {
                    row.report(column, .endBeforeStart(column, moment, startColumn: kind.startColumn, start: start))
                    continue
                }
                times[column] = moment
            }
            var flags: [String: Bool] = [:]
            for column in kind.flagColumns {
                let text = row.text(column)
                switch text.lowercased() {
                case "", "no", "n", "否", "false", "0": flags[column] = false
                case "yes", "y", "是", "true", "1": flags[column] = true
                default:
                    row.report(column, .badFlag(column, text))
                }
            }
            guard !row.hasErrors, let unit else { return nil }
            return RegisterRow(register: kind, unit: unit, item: item, times: times, flags: flags,
                               note: [row.text("title"), row.text("note")].filter { !$0.isEmpty }.joined(separator: " "),
                               source: row.source)
        }
        return (rows, usage)
    }
}

extension Diagnostic.Message {
    /// A register row without its start time.
    static func missingStart(_ column: String) -> Self {
        .error("register.missing-start", zh: "\(column) 为空；台账每行须填写开始时间", en: "\(column) is empty; every register row needs its start")
    }

    static func badTime(_ column: String, _ text: String) -> Self {
        .error("register.bad-time", zh: "\(column) \"\(text)\" 不是有效的日期或时间；请写成 2025-03-14 或 2025-03-14 09:30",
               en: "\(column) \"\(text)\" is not a valid date or time; write 2025-03-14 or 2025-03-14 09:30")
    }

    /// A date without time in a column a deadline counts in hours.
    static func hoursWithoutTime(_ column: String, _ text: String) -> Self {
        .error("register.hours-without-time", zh: "\(column) \"\(text)\" 缺少时刻；按小时计算的时限需要时间，如 2025-03-14 09:30",
               en: "\(column) \"\(text)\" has no time of day; limits in hours need one, e.g. 2025-03-14 09:30")
    }

    static func startOutsideYear(_ column: String, _ date: CivilDate, year: Int) -> Self {
        .error("register.start-outside-year", zh: "\(column) \(date) 不在考核年度 \(year) 内",
               en: "\(column) \(date) is outside the assessment year \(year)")
    }

    /// A later time of a register row before its start.
    static func endBeforeStart(_ column: String, _ moment: Moment, startColumn: String, start: Moment) -> Self {
        .error("register.end-before-start", zh: "\(column) \(moment) 早于 \(startColumn) \(start)；请检查日期",
               en: "\(column) \(moment) is before \(startColumn) \(start); check the dates")
    }

    /// A yes/no column holding something else.
    static func badFlag(_ column: String, _ text: String) -> Self {
        .error("register.bad-flag", zh: "\(column) \"\(text)\" 应为 是 或 否（yes/no）", en: "\(column) \"\(text)\" must be yes or no (是/否)")
    }
}
