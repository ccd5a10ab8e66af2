import KaoheModel
import KaoheScoring
import KaoheRendering
import Foundation

/// The period a ranking is for.
public enum RankingPeriod: Sendable, Hashable {
    /// Quarter 1 to 4 (季度), by period score.
    case quarter(Int)
    /// Half-year 1 or 2, by period score.
    case half(Int)
    /// Month 1 to 12, by period score.
    case month(Int)
    /// The whole year, by total; vetoed units last and unranked.
    case annual
}

/// A ranking of every group's units, as `kaohe rank` prints it.
public struct YearRanking: Sendable, Renderable {
    /// One unit's place.
    public struct Entry: Sendable, Hashable {
        /// The unit's id.
        public var unitID: String
        /// The unit's name.
        public var unitName: String
        /// The score ranked by: the period score, or the annual total.
        public var score: Decimal
        /// The place in the group; nil when unranked (a vetoed unit in the annual ranking).
        public var rank: Int?
    }

    /// The period, as printed (`2025Q2`, `2025`).
    public var period: String { ranking.period.description }
    /// Each group's entries in rank order, groups in `units.csv` order.
    public var groups: [(group: String, entries: [Entry])] {
        ranking.groups.map { group in
            (group.group, group.rows.map { row in
                let unit = units[row.unitIndex]
                return Entry(unitID: unit.id, unitName: unit.name, score: row.score.decimal, rank: row.rank)
            })
        }
    }

    let ranking: Ranking
    let units: [KaoheModel.Unit]
    let rendition: Rendition

    /// The ranking as `kaohe rank --format` prints it.
    public func render(_ format: TextFormat, language: Language) -> String {
        rendition.render(format, language: language)
    }

    /// Writes the result as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        rendition.write(format, language: language, chunks: chunks)
    }

    /// The ranking as a workbook (`docx` is not available).
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }
}

extension AssessedYear {
    /// The ranking for `period`, of every group or of `group` only, as `kaohe rank` gives it.
    ///
    /// A period ranking needs daily checks in the criteria (``KaoheError/noDailyChecks(criteria:)``).
    public func ranking(_ period: RankingPeriod, group: String? = nil) throws(KaoheError) -> YearRanking {
        if let group { try year.check(group: group) }
        func only(_ ranking: Ranking) -> Ranking {
            var r = ranking
            if let group { r.groups = r.groups.filter { $0.group == group } }
            return r
        }
        let dataset = year.dataset, title = year.title
        let kind: PeriodKind, index: Int
        switch period {
        case .annual:
            var assessment = self.assessment
            assessment.annualRanking = only(assessment.annualRanking)
            let ranked = assessment
            return YearRanking(ranking: ranked.annualRanking, units: dataset.units,
                               rendition: Rendition(json: { _ in AssessmentJSON.annualRanking(ranked) },
                                                    document: { RankReport.annual(ranked, title: title, language: $0) }))
        case .quarter(let n): (kind, index) = (.quarter, n)
        case .half(let n): (kind, index) = (.half, n)
        case .month(let n): (kind, index) = (.month, n)
        }
        guard (1...kind.count).contains(index) else {
            throw .invalidPeriod(LocalizedText(zh: "\(kind.rawValue) 应为 1 到 \(kind.count)，而不是 \(index)",
                                               en: "a \(kind.rawValue) is numbered 1 to \(kind.count), not \(index)"))
        }
        guard dataset.criteria.hasChecks else { throw .noDailyChecks(criteria: dataset.criteria.id) }
        let (full, scores) = Assessor.periodRanking(dataset, kind: kind, index: index)
        let ranking = only(full)
        return YearRanking(ranking: ranking, units: dataset.units,
                           rendition: Rendition(json: { _ in AssessmentJSON.periodRanking(ranking, scores: scores, units: dataset.units) },
                                                document: { RankReport.period(ranking, scores: scores, units: dataset.units,
                                                                              criteria: dataset.criteria, title: title, language: $0) }))
    }

    /// The monthly bulletin (月通报) of `month` (1 to 12), as `kaohe bulletin` gives it; its
    /// Word document is the official bulletin (红头通报).
    public func bulletin(month: Int) throws(KaoheError) -> Bulletin {
        guard (1...12).contains(month) else {
            throw .invalidPeriod(LocalizedText(zh: "月份应为 1 到 12，而不是 \(month)", en: "a month is numbered 1 to 12, not \(month)"))
        }
        let dataset = year.dataset, assessment = self.assessment
        guard dataset.criteria.hasChecks else { throw .noDailyChecks(criteria: dataset.criteria.id) }
        return Bulletin(month: month, entries: assessment.units.map { result in
            let status = result.months[month - 1]
            return Bulletin.Entry(unitID: result.unit.id, unitName: result.unit.name, group: result.unit.group,
                                  passed: status.passed, failedItems: status.failed)
        }, rendition: Rendition(
            json: { _ in AssessmentJSON.bulletin(assessment, month: month) },
            document: { BulletinReport.document(assessment, month: month, title: dataset.title, office: dataset.office,
                                                docNumber: dataset.docNumber, language: $0) },
            official: { BulletinReport.official(assessment, month: month, title: dataset.title, office: dataset.office,
                                                docNumber: dataset.docNumber, language: $0) },
            docx: true))
    }
}

/// A monthly bulletin (月通报): each unit's verdict for the month and the problems found.
public struct Bulletin: Sendable, Renderable {
    /// One unit's month.
    public struct Entry: Sendable, Hashable {
        /// The unit's id.
        public var unitID: String
        /// The unit's name.
        public var unitName: String
        /// The unit's group.
        public var group: String
        /// Whether the month is 合格.
        public var passed: Bool
        /// How many failed check items the month has.
        public var failedItems: Int
    }

    /// The month, 1 to 12.
    public var month: Int
    /// Every unit, in `units.csv` order.
    public var entries: [Entry]
    let rendition: Rendition

    /// The bulletin as `kaohe bulletin --format` prints it.
    public func render(_ format: TextFormat, language: Language) -> String {
        rendition.render(format, language: language)
    }

    /// Writes the result as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        rendition.write(format, language: language, chunks: chunks)
    }

    /// The bulletin as a workbook, or as the official bulletin in a Word document.
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }
}
