import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// The JSON shapes of docs/commands.md built from an ``Assessment``. Numbers are the rounded values
/// the assessment holds; nothing is computed here.
package enum AssessmentJSON {
    /// `grade --format json`.
    package static func grade(_ assessment: Assessment, units: [UnitResult]? = nil, language: Language = .zh) -> JSONValue {
        .object([
            ("criteria", .string(assessment.criteria.id)),
            ("year", .int(assessment.year)),
            ("units", .lazy(JSONValue.LazyArray(count: (units ?? assessment.units).count) { [units] i in
                unit(assessment, (units ?? assessment.units)[i], language: language)
            })),
        ])
    }

    static func unit(_ assessment: Assessment, _ result: UnitResult, language: Language) -> JSONValue {
        .object([
            ("id", .string(result.unit.id)),
            ("name", .string(result.unit.name)),
            ("group", .string(result.unit.group)),
            ("periods", .array(result.periods.map { .number($0.score) })),
            ("months", .array(result.months.map { .string($0.passed ? "pass" : "fail") })),
            ("parts", .object(zip(assessment.criteria.parts, result.partScores).map { ($0.0.id, .number($0.1)) })),
            ("bonus", .number(result.bonus.applied)),
            ("penalty", .number(result.penalty.applied)),
            ("total", .number(result.total)),
            ("band", .optional(result.band)),
            ("vetoed", .bool(result.vetoed)),
            ("rank", .optional(result.rank)),
            ("contribution", .number(result.contribution)),
            ("flags", .array(result.flags.map(JSONValue.string))),
            ("consequences", .array(result.consequences.map { consequence($0, criteria: assessment.criteria, language: language) })),
        ])
    }

    static func consequence(_ c: Consequence, criteria: Criteria, language: Language) -> JSONValue {
        .object([
            ("kind", .string(c.kind.rawValue)),
            ("level", .int(c.level)),
            ("period", .string(c.period.description)),
            ("evidence", .optional(c.evidence?.description)),
            ("actions", .array((criteria.consequences[c.kind]?.texts(language) ?? []).map(JSONValue.string))),
        ])
    }

    /// `rank --quarter/--half/--month N --format json`.
    package static func periodRanking(_ ranking: Ranking, scores: [PeriodScore], units: [Unit]) -> JSONValue {
        .object([
            ("period", .string(ranking.period.description)),
            ("groups", .array(ranking.groups.map { group in
                .object([
                    ("group", .string(group.group)),
                    ("rows", .lazy(JSONValue.LazyArray(count: group.rows.count) { i in
                        let row = group.rows[i]
                        let unit = units[row.unitIndex]
                        return .object([
                            ("rank", .optional(row.rank)),
                            ("unit", .string(unit.id)),
                            ("name", .string(unit.name)),
                            ("score", .number(row.score)),
                            ("categories", .object(scores[row.unitIndex].categories.map { ($0.category, $0.exempt ? .null : .number($0.score)) })),
                            ("last", .bool(row.last)),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// `rank --annual --format json`.
    package static func annualRanking(_ assessment: Assessment) -> JSONValue {
        .object([
            ("period", .string(assessment.annualRanking.period.description)),
            ("groups", .array(assessment.annualRanking.groups.map { group in
                .object([
                    ("group", .string(group.group)),
                    ("rows", .lazy(JSONValue.LazyArray(count: group.rows.count) { i in
                        let row = group.rows[i]
                        let result = assessment.units[row.unitIndex]
                        return .object([
                            ("rank", .optional(row.rank)),
                            ("unit", .string(result.unit.id)),
                            ("name", .string(result.unit.name)),
                            ("score", .number(result.total)),
                            ("band", .optional(result.band)),
                            ("parts", .object(zip(assessment.criteria.parts, result.partScores).map { ($0.0.id, .number($0.1)) })),
                            ("last", .bool(row.last)),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// `bulletin --month N --format json`.
    package static func bulletin(_ assessment: Assessment, month: Int) -> JSONValue {
        // A finding derived from a register notes how late it was, in Chinese as its note.
        let notes = Labels(language: .zh, criteria: assessment.criteria)
        return .object([
            ("month", .string(PeriodKind.month.label(year: assessment.year, index: month))),
            ("units", .lazy(JSONValue.LazyArray(count: assessment.units.count) { i in
                let result = assessment.units[i]
                let status = result.months[month - 1]
                return .object([
                    ("unit", .string(result.unit.id)),
                    ("name", .string(result.unit.name)),
                    ("status", .string(status.passed ? "pass" : "fail")),
                    ("failed", .int(status.failed)),
                    ("findings", .array(status.findings.map { finding in
                        .object([
                            ("date", .string(finding.date.description)),
                            ("item", .string(finding.item)),
                            ("deduction", .number(finding.deduction)),
                            ("note", .string(notes.note(finding))),
                            ("rectified", .optional(finding.rectified?.description)),
                        ])
                    })),
                ])
            })),
        ])
    }
}
