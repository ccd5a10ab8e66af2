import KaoheModel
import KaoheScoring
import KaoheSimulation
import KaoheRendering
import Foundation

/// A scored year: every unit's result and the rankings, as `kaohe grade` prints them.
///
/// Renders as `kaohe grade` (all units). Ask it for one unit (``result(for:)``), a selection
/// (``grades(unit:group:)``), a ranking, a monthly bulletin, the margins to the bands, a unit's
/// computation or the whole year's report.
public struct AssessedYear: Sendable, Renderable {
    /// The year that was scored.
    public let year: Year
    let assessment: Assessment

    init(year: Year, assessment: Assessment) {
        self.year = year
        self.assessment = assessment
    }

    /// Every unit's grade, in `units.csv` order.
    public var grades: [Grade] { assessment.units.map(Grade.init) }

    /// The grade of the unit with id (or name) `unit`; nil when there is no such unit.
    public func result(for unit: String) -> Grade? {
        guard let id = year.unitID(unit) else { return nil }
        return assessment.result(for: id).map(Grade.init)
    }

    /// The grades of one unit (by id or name), of one group, or of all units, as
    /// `kaohe grade [--unit] [--group]` prints them.
    public func grades(unit: String? = nil, group: String? = nil) throws(KaoheError) -> GradeSheet {
        let id = try unit.map { (text: String) throws(KaoheError) -> String in try year.resolve(unit: text) }
        if let group { try year.check(group: group) }
        let selected = id == nil && group == nil ? nil : assessment.units.filter { result in
            (id.map { $0 == result.unit.id } ?? true) && (group.map { $0 == result.unit.group } ?? true)
        }
        return GradeSheet(assessed: self, selected: selected)
    }

    /// How one unit's total came about, every number with the input lines behind it, as
    /// `kaohe grade --unit ID --explain` prints it.
    public func explanation(unit: String) throws(KaoheError) -> Report {
        let id = try year.resolve(unit: unit)
        guard let result = assessment.result(for: id) else { throw .unknownUnit(unit, suggestion: nil) }
        let assessment = self.assessment, title = year.title
        return Report(Rendition(json: { AssessmentJSON.grade(assessment, units: [result], language: $0) },
                                document: { ExplainReport.document(assessment, unit: result, title: title, language: $0) },
                                docx: true))
    }

    /// The whole year in one document, as `kaohe report` prints it (its JSON is the grades').
    public var report: Report {
        let assessment = self.assessment, dataset = year.dataset, quality = year.loaded.quality, folder = year.folder
        return Report(Rendition(json: { AssessmentJSON.grade(assessment, language: $0) },
                                document: { YearReport.document(assessment, dataset: dataset, quality: quality, folder: folder,
                                                                language: $0) },
                                workbook: { YearWorkbook.document(assessment, dataset: dataset, quality: quality, language: $0) },
                                docx: true))
    }

    /// Each unit's distance to the bands above and below, as `kaohe simulate --margins` prints it.
    public func margins() throws(KaoheError) -> Report {
        let criteria = assessment.criteria, title = year.title
        guard criteria.hasBands else { throw .noBands(criteria: criteria.id) }
        let margins = Margins.compute(assessment)
        return Report(Rendition(json: { _ in SimulationJSON.margins(margins) },
                                document: { SimulationReport.margins(margins, criteria: criteria, title: title, language: $0) }))
    }

    /// The grades as `kaohe grade` prints them.
    public func render(_ format: TextFormat, language: Language) -> String {
        GradeSheet(assessed: self, selected: nil).render(format, language: language)
    }

    /// Writes the grades as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        GradeSheet(assessed: self, selected: nil).write(format, language: language, chunks: chunks)
    }

    /// The grades as a workbook or Word document.
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try GradeSheet(assessed: self, selected: nil).file(format, language: language)
    }
}

/// One unit's annual result.
public struct Grade: Sendable, Hashable {
    /// The unit's id (`T06`).
    public var unitID: String
    /// The unit's name.
    public var unitName: String
    /// The group (类别) it is ranked in.
    public var group: String
    /// Each part's score, by part id, in the criteria's order.
    public var parts: [(part: String, score: Decimal)] { zip(partIDs, partScores).map { ($0, $1) } }
    /// The annual total (rounded as printed).
    public var total: Decimal
    /// The band (等次: 优秀, 合格, …); nil when the criteria have no bands.
    public var band: String?
    /// The rank in its group; nil when vetoed.
    public var rank: Int?
    /// Whether a one-vote veto (一票否决) applies.
    public var vetoed: Bool
    /// Its contribution to the target-responsibility assessment (目标责任考核得分).
    public var contribution: Decimal
    /// Markers on the result (`veto`, `gate`, `quota`, …; docs/commands.md).
    public var flags: [String]
    private var partIDs: [String]
    private var partScores: [Decimal]

    init(_ result: UnitResult) {
        unitID = result.unit.id
        unitName = result.unit.name
        group = result.unit.group
        total = result.total.decimal
        band = result.band
        rank = result.rank
        vetoed = result.vetoed
        contribution = result.contribution.decimal
        flags = result.flags
        partIDs = result.parts.map(\.part.id)
        partScores = result.parts.map(\.score.decimal)
    }
}

/// The grades of a selection of units, as `kaohe grade` prints them.
public struct GradeSheet: Sendable, Renderable {
    let assessed: AssessedYear
    let selected: [UnitResult]?

    /// The grades, in `units.csv` order.
    public var grades: [Grade] { (selected ?? assessed.assessment.units).map(Grade.init) }

    /// The grades as `kaohe grade --format` prints them.
    public func render(_ format: TextFormat, language: Language) -> String {
        rendition.render(format, language: language)
    }

    /// Writes the result as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        rendition.write(format, language: language, chunks: chunks)
    }

    /// The grades as a workbook or Word document.
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }

    private var rendition: Rendition {
        let assessment = assessed.assessment, selected = self.selected, title = assessed.year.title
        return Rendition(json: { AssessmentJSON.grade(assessment, units: selected, language: $0) },
                         document: { GradeReport.document(assessment, title: title, units: selected, language: $0) },
                         docx: true)
    }
}

/// A document with no figures of its own to read: a unit's computation, the year report, the
/// margins to the bands.
public struct Report: Sendable, Renderable {
    let rendition: Rendition

    init(_ rendition: Rendition) { self.rendition = rendition }

    /// The document in `format`.
    public func render(_ format: TextFormat, language: Language) -> String {
        rendition.render(format, language: language)
    }

    /// Writes the result as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        rendition.write(format, language: language, chunks: chunks)
    }

    /// The document as a workbook or Word document.
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }
}

extension Year {
    /// Throws ``KaoheError/unknownGroup(_:groups:)`` unless some unit belongs to `group`.
    func check(group: String) throws(KaoheError) {
        guard dataset.units.contains(where: { $0.group == group }) else { throw .unknownGroup(group, groups: groups) }
    }
}

extension ExactDecimal {
    /// The value as a Foundation decimal (exact: both are decimal).
    var decimal: Decimal { Decimal(string: description, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }
}
