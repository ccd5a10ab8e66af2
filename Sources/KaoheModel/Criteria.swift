/// One assessment scheme (考核办法), loaded from a `Criteria/*.json5` file.
///
/// Everything a district may vary lives here, so another district's variant is a new
/// criteria file, never a code change.
package struct Criteria: Sendable {
    package var id: String
    package var title: String
    package var en: String?
    /// The regulation the scheme follows.
    package var source: String
    /// Full marks, normally 100.
    package var scale: ExactDecimal
    /// Decimals kept when rounding (half-up), normally 2.
    package var places: Int
    package var categories: [Category]
    package var parts: [Part]
    package var bulletin: BulletinRule
    package var rectify: RectifyRule
    /// Calendar path prefix as written (`"calendars/cn"`), nil = Monday–Friday.
    package var calendar: String?
    /// Grade bands (等次), highest first; the last has `min` 0. Empty for a scheme without
    /// grades (a published ranking without 等次): every band is then nil.
    package var bands: [Band]
    package var quota: Quota?
    package var veto: VetoRule
    package var adjustments: Adjustments
    package var survey: SurveyRule?
    /// Percent the result weighs in the annual target-responsibility assessment (目标责任考核).
    package var targetShare: ExactDecimal
    /// Action texts (责任追究) per consequence kind.
    package var consequences: [ConsequenceKind: ConsequenceActions]
    /// Time limits applied to the registers (台账); each miss is a failed check.
    package var deadlines: [DeadlineRule]
    /// How equal scores are numbered in every ranking.
    package var ranking: RankingOptions
    /// Scores below a minimum that cap the band (单项否决).
    package var gates: [Gate]

    package init(id: String, title: String, en: String? = nil, source: String = "", scale: ExactDecimal = 100,
                places: Int = 2, categories: [Category], parts: [Part], bulletin: BulletinRule = .init(),
                rectify: RectifyRule = .init(), calendar: String? = nil, bands: [Band], quota: Quota? = nil,
                veto: VetoRule, adjustments: Adjustments = .init(), survey: SurveyRule? = nil,
                targetShare: ExactDecimal, consequences: [ConsequenceKind: ConsequenceActions] = [:],
                deadlines: [DeadlineRule] = [], ranking: RankingOptions = .init(), gates: [Gate] = []) {
        self.id = id; self.title = title; self.en = en; self.source = source; self.scale = scale
        self.places = places; self.categories = categories; self.parts = parts; self.bulletin = bulletin
        self.rectify = rectify; self.calendar = calendar; self.bands = bands; self.quota = quota
        self.veto = veto; self.adjustments = adjustments; self.survey = survey
        self.targetShare = targetShare; self.consequences = consequences; self.deadlines = deadlines
        self.ranking = ranking; self.gates = gates
    }

    /// Whether the scheme grades units (has bands).
    package var hasBands: Bool { !bands.isEmpty }

    /// Whether the scheme has daily checks (a part of kind `checks`).
    package var hasChecks: Bool { checksPart != nil }

    /// The largest total: `ceiling`, or nil when totals are not bounded above.
    package var ceiling: ExactDecimal? {
        switch adjustments.ceiling {
        case .scale: return scale
        case .points(let points): return points
        case .none: return nil
        }
    }

    /// The part scored from the check log, if any (at most one).
    package var checksPart: Part? { parts.first { if case .checks = $0.kind { return true } else { return false } } }

    /// The ranking period of the checks part (quarter when there is no checks part).
    package var checksPeriod: PeriodKind {
        if let part = checksPart, case .checks(let period) = part.kind { return period }
        return .quarter
    }

    /// All components of all `scores` parts.
    package var components: [Component] {
        parts.flatMap { part -> [Component] in
            if case .scores(let components) = part.kind { return components } else { return [] }
        }
    }

    /// All check items with the index of their category.
    package var items: [(category: Int, item: Item)] {
        categories.enumerated().flatMap { (index, category) in category.items.map { (index, $0) } }
    }
}

/// A category (考核类别) of the task table with its points and check items.
package struct Category: Sendable, Hashable {
    package var id: String
    package var name: String
    package var en: String?
    package var points: ExactDecimal
    package var items: [Item]
    package init(id: String, name: String, en: String? = nil, points: ExactDecimal, items: [Item]) {
        self.id = id; self.name = name; self.en = en; self.points = points; self.items = items
    }
}

/// A check item (检查项) of the task table; a failed check costs `deduction` by default.
package struct Item: Sendable, Hashable {
    package var id: String
    package var name: String
    package var en: String?
    package var deduction: ExactDecimal
    package init(id: String, name: String, en: String? = nil, deduction: ExactDecimal) {
        self.id = id; self.name = name; self.en = en; self.deduction = deduction
    }
}

/// A weighted part of the annual total (日常考核, 年终考核, …).
package struct Part: Sendable, Hashable {
    package var id: String
    package var name: String
    package var en: String?
    package var weight: ExactDecimal
    package var kind: PartKind
    package init(id: String, name: String, en: String? = nil, weight: ExactDecimal, kind: PartKind) {
        self.id = id; self.name = name; self.en = en; self.weight = weight; self.kind = kind
    }
}

package enum PartKind: Sendable, Hashable {
    /// Scored from the check log, ranked per period.
    case checks(period: PeriodKind)
    /// Scored from `scores.csv` as the weighted sum of its components.
    case scores(components: [Component])
}

/// The ranking period of a checks part: 季 (quarter), 半年 (half) or 月 (month).
package enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    case quarter, half, month

    /// Number of periods in a year.
    package var count: Int {
        switch self {
        case .quarter: return 4
        case .half: return 2
        case .month: return 12
        }
    }

    /// The 1-based period a month (1…12) falls in.
    package func period(ofMonth month: Int) -> Int {
        switch self {
        case .quarter: return (month - 1) / 3 + 1
        case .half: return (month - 1) / 6 + 1
        case .month: return month
        }
    }

    /// `2025-Q2`, `2025-H1`, `2025-03`.
    package func label(year: Int, index: Int) -> String {
        switch self {
        case .quarter: return "\(year)-Q\(index)"
        case .half: return "\(year)-H\(index)"
        case .month: return "\(year)-" + (index < 10 ? "0\(index)" : "\(index)")
        }
    }
}

/// A scored component of a `scores` part (自查汇报, 实地核查, …): weighted (its score lies in
/// 0…scale and counts `weight` times) or in points (its score lies in 0…`max` and counts as
/// given).
package struct Component: Sendable, Hashable {
    package var id: String
    package var name: String
    package var en: String?
    /// The weight within its part; 1 for a component in points.
    package var weight: ExactDecimal
    /// Full marks of a component in points; nil for a weighted component.
    package var max: ExactDecimal?
    package init(id: String, name: String, en: String? = nil, weight: ExactDecimal, max: ExactDecimal? = nil) {
        self.id = id; self.name = name; self.en = en; self.weight = weight; self.max = max
    }

    /// A component in points (`max`) rather than weighted.
    package var isPoints: Bool { max != nil }
}

package struct BulletinRule: Sendable, Hashable {
    /// A month is 不合格 when the unit has at least this many failed checks in it.
    package var failAt: Int
    package init(failAt: Int = 1) { self.failAt = failAt }
}

package struct RectifyRule: Sendable, Hashable {
    /// Working days after the check date within which a failure must be rectified (整改).
    package var workingDays: Int
    package init(workingDays: Int = 5) { self.workingDays = workingDays }
}

/// A grade band (等次): totals ≥ `min` fall in it.
package struct Band: Sendable, Hashable {
    package var name: String
    package var en: String?
    package var min: ExactDecimal
    package init(name: String, en: String? = nil, min: ExactDecimal) {
        self.name = name; self.en = en; self.min = min
    }
}

/// At most `floor(share × units)` units may hold `band` (优秀比例).
package struct Quota: Sendable, Hashable {
    package var band: String
    package var share: ExactDecimal
    package init(band: String, share: ExactDecimal) { self.band = band; self.share = share }
}

/// What a one-vote veto (一票否决) does: the band a vetoed unit gets (nil in a scheme
/// without bands) and, optionally, the total it is given instead of its own.
package struct VetoRule: Sendable, Hashable {
    package var band: String?
    package var score: ExactDecimal?
    package init(band: String?, score: ExactDecimal? = nil) { self.band = band; self.score = score }
}

/// Caps on bonus (加分) and penalty (减分) points (nil = uncapped), the base below which a
/// bonus does not count, and the upper bound of totals.
package struct Adjustments: Sendable, Hashable {
    package var bonusCap: ExactDecimal?
    package var penaltyCap: ExactDecimal?
    /// A bonus counts only when the base (Σ weight × part score, rounded) is at least this.
    package var bonusMin: ExactDecimal?
    package var ceiling: Ceiling
    package init(bonusCap: ExactDecimal? = nil, penaltyCap: ExactDecimal? = nil, bonusMin: ExactDecimal? = nil,
                ceiling: Ceiling = .scale) {
        self.bonusCap = bonusCap; self.penaltyCap = penaltyCap; self.bonusMin = bonusMin; self.ceiling = ceiling
    }

    /// The upper bound of totals.
    package enum Ceiling: Sendable, Hashable {
        /// Full marks (the default).
        case scale
        case points(ExactDecimal)
        /// No upper bound (`ceiling: null`).
        case none
    }
}

/// How equal scores are numbered in a ranking.
package struct RankingOptions: Sendable, Hashable {
    package enum Ties: String, Sendable, Hashable, CaseIterable {
        /// 1, 2, 2, 4: the next rank skips.
        case shared
        /// 1, 2, 2, 3.
        case dense
    }
    package var ties: Ties
    package init(ties: Ties = .shared) { self.ties = ties }
}

/// A gate (单项否决 by score): a unit whose part or component score is below `min` holds at
/// most `band`.
package struct Gate: Sendable, Hashable {
    package enum Target: Sendable, Hashable {
        case part(String)
        case component(String)
        package var id: String {
            switch self {
            case .part(let id), .component(let id): return id
            }
        }
    }
    package var target: Target
    package var min: ExactDecimal
    package var band: String
    package init(target: Target, min: ExactDecimal, band: String) {
        self.target = target; self.min = min; self.band = band
    }
}

/// Public-opinion survey (民意调查) settings.
package struct SurveyRule: Sendable, Hashable {
    /// The component whose score is `round(rate × 100)`, if any.
    package var component: String?
    /// How much a 基本满意 answer counts (default 1).
    package var basicWeight: ExactDecimal
    /// Rate at or above which the unit is flagged `commend`.
    package var commend: ExactDecimal?
    /// Rate below which consequence `survey-warn` applies.
    package var warn: ExactDecimal?
    package init(component: String? = nil, basicWeight: ExactDecimal = 1, commend: ExactDecimal? = nil, warn: ExactDecimal? = nil) {
        self.component = component; self.basicWeight = basicWeight; self.commend = commend; self.warn = warn
    }
}

/// The kinds of consequence (责任追究, article 15), in the order they are listed.
package enum ConsequenceKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case rectifyLate = "rectify-late"
    case monthFail = "month-fail"
    case periodLast = "period-last"
    case surveyWarn = "survey-warn"
    case veto = "veto"
    case annualFail = "annual-fail"

    /// Severity level of the kind (1 mild … 3 gravest).
    package var level: Int {
        switch self {
        case .rectifyLate: return 1
        case .veto: return 3
        default: return 2
        }
    }

    var order: Int { ConsequenceKind.allCases.firstIndex(of: self) ?? 0 }
    package static func < (a: ConsequenceKind, b: ConsequenceKind) -> Bool { a.order < b.order }
}

/// The action texts the criteria give for one consequence kind.
package struct ConsequenceActions: Sendable, Hashable {
    package var zh: [String]
    package var en: [String]
    package init(zh: [String], en: [String] = []) { self.zh = zh; self.en = en }
    package func texts(_ language: Language) -> [String] { language == .en && !en.isEmpty ? en : zh }
}
