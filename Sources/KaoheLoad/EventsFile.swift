import KaoheModel
import KaoheInput
/// Validates `events.csv`: bonus (加分), penalty (减分) and one-vote veto (一票否决) events.
enum EventsFile {
    static func validate(_ table: DataTable, context: ValidationContext, diagnostics: inout [Diagnostic]) -> (events: [Event], usage: FileUsage) {
        let (events, usage) = table.validateRows(diagnostics: &diagnostics) { row -> Event? in
            let date = row.date("date", year: context.year)
            let unit = context.unit(&row)
            var kind: Event.Kind?
            if let text = row.required("kind", what: "类型", "kind") {
                switch text.lowercased() {
                case "veto", "一票否决": kind = .veto
                case "bonus", "加分": kind = .bonus
                case "penalty", "减分": kind = .penalty
                default:
                    row.report("kind", .badEventKind(text))
                }
            }
            let pointsText = row.text("points")
            var points: ExactDecimal?
            switch kind {
            case .veto?:
                if !pointsText.isEmpty {
                    row.report("points", .vetoWithPoints(pointsText))
                }
            case .bonus?, .penalty?:
                if pointsText.isEmpty {
                    row.report("points", .missingPoints)
                } else if let value = row.decimal("points", pointsText, zhWhat: "分值", enWhat: "points") {
                    if value > .zero { points = value } else {
                        row.report("points", .pointsNotPositive(pointsText))
                    }
                }
            case nil:
                break
            }
            guard let date, let unit, let kind else { return nil }
            return Event(date: date, unit: unit, kind: kind, points: points, clause: row.text("clause"),
                         note: row.text("note"), source: row.source)
        }
        return (events, usage)
    }
}

extension Diagnostic.Message {
    static func badEventKind(_ text: String) -> Self {
        .error("events.bad-kind", zh: "类型 \"\(text)\" 无效；应为 veto（一票否决）、bonus（加分）或 penalty（减分）",
               en: "kind \"\(text)\" is not valid; use veto (一票否决), bonus (加分) or penalty (减分)")
    }

    static func vetoWithPoints(_ text: String) -> Self {
        .error("events.veto-with-points", zh: "一票否决不计分值；请清空分值 \"\(text)\"",
               en: "a veto carries no points; clear \"\(text)\"")
    }

    /// A bonus or penalty without points.
    static var missingPoints: Self {
        .error("events.missing-points", zh: "加分、减分须填写分值（大于 0 的数）",
               en: "bonus and penalty events need points (a number > 0)")
    }

    static func pointsNotPositive(_ text: String) -> Self {
        .error("events.points-not-positive", zh: "分值 \(text) 应大于 0", en: "points \(text) must be greater than 0")
    }
}
