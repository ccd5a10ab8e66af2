import KaoheModel
import KaoheScoring
import KaoheSimulation
import KaoheRendering
import Foundation

/// One what-if change to a year's data or criteria, applied in memory only: the changes of
/// `kaohe simulate` (docs/commands.md).
public struct WhatIf: Sendable, Hashable, CustomStringConvertible {
    let request: ChangeRequest

    /// A change as the command line writes it: `option` without dashes (`veto`, `fail`,
    /// `score`, `bonus`, `penalty`, `weight`, `band`, `quota`, `drop`) and its value (`T04:3.1`).
    public init(option: String, value: String) { request = ChangeRequest(option: option, value: value) }

    /// A one-vote veto (一票否决) of `unit` (id or name), under `clause` when given.
    public static func veto(unit: String, clause: String? = nil) -> WhatIf {
        WhatIf(option: "veto", value: clause.map { "\(unit):\($0)" } ?? unit)
    }

    /// An extra failed check of `item` for `unit` on `date` (`2025-05-12`), with the item's
    /// deduction unless `deduction` is given.
    public static func fail(unit: String, item: String, date: String, deduction: Decimal? = nil) -> WhatIf {
        WhatIf(option: "fail", value: "\(unit):\(item):\(date)" + (deduction.map { ":\($0)" } ?? ""))
    }

    /// A year-end component score for `unit`; nil for n/a (不适用).
    public static func score(unit: String, component: String, value: Decimal?) -> WhatIf {
        WhatIf(option: "score", value: "\(unit):\(component)=\(value.map { "\($0)" } ?? "n/a")")
    }

    /// A bonus of `points` for `unit`.
    public static func bonus(unit: String, points: Decimal) -> WhatIf { WhatIf(option: "bonus", value: "\(unit)=\(points)") }

    /// A penalty of `points` for `unit`.
    public static func penalty(unit: String, points: Decimal) -> WhatIf { WhatIf(option: "penalty", value: "\(unit)=\(points)") }

    /// A part's weight (all weights must still sum to 1).
    public static func weight(part: String, _ weight: Decimal) -> WhatIf { WhatIf(option: "weight", value: "\(part)=\(weight)") }

    /// A band's threshold.
    public static func band(_ name: String, minimum: Decimal) -> WhatIf { WhatIf(option: "band", value: "\(name)=\(minimum)") }

    /// The 优秀 quota's share (0 to 1), or no quota for nil.
    public static func quota(_ share: Decimal?) -> WhatIf { WhatIf(option: "quota", value: share.map { "\($0)" } ?? "none") }

    /// One input record removed (an appeal that overturns it): `file` (`checks.csv`) line `line`.
    public static func drop(file: String, line: Int) -> WhatIf { WhatIf(option: "drop", value: "\(file):\(line)") }

    /// The change as the command line writes it (`--veto T04`).
    public var description: String { request.display }
}

/// What a what-if changed: the year before and after, and each unit whose total, band or rank
/// moved, as `kaohe simulate` prints it.
public struct WhatIfResult: Sendable, Renderable {
    /// One unit's outcome before and after the changes.
    public struct Change: Sendable, Hashable {
        /// The unit's id.
        public var unitID: String
        /// The unit's name.
        public var unitName: String
        /// Total, band and rank before.
        public var before: Outcome
        /// Total, band and rank after.
        public var after: Outcome
    }

    /// A unit's total, band and rank.
    public struct Outcome: Sendable, Hashable {
        /// The annual total.
        public var total: Decimal
        /// The band; nil without bands.
        public var band: String?
        /// The rank in the group; nil when vetoed.
        public var rank: Int?
    }

    /// The year as it is.
    public let before: AssessedYear
    /// The year with the changes.
    public let after: AssessedYear
    /// The units whose total, band or rank changed, in `units.csv` order.
    public var changes: [Change] {
        diff.changes.map { c in
            Change(unitID: c.unit.id, unitName: c.unit.name,
                   before: Outcome(total: c.before.total.decimal, band: c.before.band, rank: c.before.rank),
                   after: Outcome(total: c.after.total.decimal, band: c.after.band, rank: c.after.rank))
        }
    }

    let diff: SimulationDiff
    let requests: [ChangeRequest]
    let margins: Bool

    /// The changes as `kaohe simulate --format` prints them (with `--margins` when asked).
    public func render(_ format: TextFormat, language: Language) -> String {
        rendition.render(format, language: language)
    }

    /// Writes the result as `format` text a piece at a time (see ``Renderable/write(_:language:chunks:)``).
    @discardableResult
    public func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        rendition.write(format, language: language, chunks: chunks)
    }

    /// The changes as a workbook (`docx` is not available).
    public func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        try rendition.file(format, language: language)
    }

    private var rendition: Rendition {
        let diff = self.diff, requests = self.requests, margins = self.margins, title = before.year.title
        return Rendition(json: { _ in SimulationJSON.diff(diff, margins: margins ? Margins.compute(diff.after) : nil) },
                         document: { language in
                             var document = SimulationReport.document(diff, requests: requests, title: title, language: language)
                             if margins {
                                 let margins = SimulationReport.margins(Margins.compute(diff.after), criteria: diff.after.criteria,
                                                                        title: "", language: language)
                                 document.add(.heading(margins.subtitle ?? "", level: 1))
                                 document.add(contentsOf: margins.blocks)
                             }
                             return document
                         })
    }
}

extension Year {
    /// The year with `changes` applied in memory, compared with the year as it is. `margins`
    /// adds each unit's distance to the bands after the changes to the rendering.
    ///
    /// Throws ``KaoheError/invalidChange(_:)`` for a change that names something the year
    /// does not have or leaves the criteria inconsistent, and ``KaoheError/noBands(criteria:)``
    /// for `margins` without bands.
    public func simulate(_ changes: [WhatIf], margins: Bool = false) throws(KaoheError) -> WhatIfResult {
        if margins && !dataset.criteria.hasBands { throw .noBands(criteria: dataset.criteria.id) }
        let requests = changes.map(\.request)
        switch Simulation.changed(dataset, requests: requests) {
        case .failure(let error):
            throw .invalidChange(error.message)
        case .success(let changedData):
            var changed = self
            changed.dataset = changedData
            let diff = SimulationDiff(before: Assessor.assess(dataset), after: Assessor.assess(changedData))
            return WhatIfResult(before: AssessedYear(year: self, assessment: diff.before),
                                after: AssessedYear(year: changed, assessment: diff.after),
                                diff: diff, requests: requests, margins: margins)
        }
    }
}
