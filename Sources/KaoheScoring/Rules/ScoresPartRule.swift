import KaoheModel

/// docs/scoring.md §3 — a scores part (年终考核 …): `round(Σ component weight × component
/// score)`, or with components in points `round(Σ score)`. The survey component scores the
/// survey (§4); a component without a score counts 0 (the loader reports it as an error
/// before scoring is reached). §3.1 Not applicable (不适用): the part is rescaled over the
/// components that apply with one exact division — `round(Σ weight × score ÷ Σ weight)`, or
/// `round(Σ score × scale ÷ Σ max)` in points.
enum ScoresPartRule {
    /// One component's score (nil: not applicable) and where it came from.
    typealias Found = (score: ExactDecimal?, source: SourceRef?)

    /// One unit's component scores and where each came from.
    static func components(_ components: [Component], scores: [String: ScoreRecord], survey: SurveyOutcome?,
                           surveyComponent: String?) -> [Found] {
        components.map { component in
            if component.id == surveyComponent, let surveyScore = survey?.score {
                return (surveyScore, survey?.record.source)
            } else if let record = scores[component.id] {
                return (record.score, record.source)
            }
            return (.zero, nil)
        }
    }

    /// The part score, and the divisor when components were not applicable (Σ weight of the
    /// applicable ones, or Σ max in points).
    static func score(_ components: [Component], scores: [ExactDecimal?], scale: ExactDecimal, places: Int)
        -> (score: ExactDecimal, rescaledBy: ExactDecimal?) {
        var total = ExactDecimal.zero
        var applicable = ExactDecimal.zero
        var skipped = false
        for (component, score) in zip(components, scores) {
            guard let score else { skipped = true; continue }
            total += component.weight * score
            applicable += component.max ?? component.weight
        }
        guard skipped else { return (total.rounded(places), nil) }
        guard !applicable.isZero else { return (.zero, applicable) }
        let inPoints = components.first?.isPoints == true
        return (ExactDecimal.quotient(inPoints ? total * scale : total, applicable, places: places), applicable)
    }

    /// Every unit's component scores of one part, and its part scores.
    static func table(_ part: SharedPart, components: ComponentList, scores: ScoresByUnit, surveys: [SurveyOutcome?],
                      surveyComponent: String?, scale: ExactDecimal, places: Int) -> ComponentTable {
        let builder = ComponentTable.Builder(components: components, units: surveys.count)
        for u in surveys.indices {
            let found = self.components(components.list, scores: scores.byComponent(unit: u), survey: surveys[u],
                                        surveyComponent: surveyComponent)
            let (score, divisor) = score(components.list, scores: found.map(\.score), scale: scale, places: places)
            builder.add(found, score: score, rescaledBy: divisor, unit: u)
        }
        return builder.finish(part)
    }
}

/// The component scores of one scores part for every unit, as §3 found them, in compact
/// columns, with each unit's part score.
package final class ComponentTable: Sendable {
    let part: SharedPart
    let components: ComponentList
    /// `[unit × components + component]`.
    let scores: CompactDecimals
    /// Source of each score: line (−1: none) and file (a position in `files`).
    let lines: [Int]
    let fileOf: [UInt8]
    let files: [String]
    /// `[unit]`.
    let partScores: CompactDecimals
    /// Positions in `scores` of components not applicable (不适用).
    let notApplicable: Set<Int>
    /// Per unit with components not applicable: the divisor of §3.1.
    let rescaledBy: [Int: ExactDecimal]

    init(part: SharedPart, components: ComponentList, scores: CompactDecimals, lines: [Int], fileOf: [UInt8],
         files: [String], partScores: CompactDecimals, notApplicable: Set<Int>, rescaledBy: [Int: ExactDecimal]) {
        self.part = part; self.components = components; self.scores = scores; self.lines = lines
        self.fileOf = fileOf; self.files = files; self.partScores = partScores
        self.notApplicable = notApplicable; self.rescaledBy = rescaledBy
    }

    func partScore(unit: Int) -> PartScore {
        PartScore(shared: part, score: partScores[unit], stored: .scores(self, unit: Int32(truncatingIfNeeded: unit)))
    }

    func componentScores(unit: Int) -> [ComponentScore] {
        let n = components.list.count
        return (0..<n).map { c in
            let k = unit * n + c
            let source = lines[k] < 0 ? nil : SourceRef(file: files[Int(fileOf[k])], line: lines[k])
            return ComponentScore(components: components, index: Int32(truncatingIfNeeded: c),
                                  score: notApplicable.contains(k) ? nil : scores[k], source: source)
        }
    }

    /// Collects the table a unit at a time.
    final class Builder {
        let components: ComponentList
        var scores = CompactDecimals()
        var lines: [Int] = []
        var fileOf: [UInt8] = []
        var files: [String] = []
        var partScores = CompactDecimals()
        var notApplicable = Set<Int>()
        var rescaledBy: [Int: ExactDecimal] = [:]

        init(components: ComponentList, units: Int) {
            self.components = components
            scores = CompactDecimals(reservingCapacity: units * components.list.count)
            lines.reserveCapacity(units * components.list.count)
            fileOf.reserveCapacity(units * components.list.count)
            partScores = CompactDecimals(reservingCapacity: units)
        }

        func add(_ found: [ScoresPartRule.Found], score: ExactDecimal, rescaledBy divisor: ExactDecimal?, unit: Int) {
            if let divisor { rescaledBy[unit] = divisor }
            for (value, source) in found {
                if value == nil { notApplicable.insert(scores.count) }
                scores.append(value ?? .zero)
                lines.append(source?.line ?? -1)
                var file = 0
                if let name = source?.file {
                    if let known = files.firstIndex(of: name) {
                        file = known
                    } else if files.count < Int(UInt8.max) {
                        files.append(name)
                        file = files.count - 1
                    }
                }
                fileOf.append(UInt8(truncatingIfNeeded: file))
            }
            partScores.append(score)
        }

        func finish(_ part: SharedPart) -> ComponentTable {
            ComponentTable(part: part, components: components, scores: scores, lines: lines, fileOf: fileOf,
                           files: files, partScores: partScores, notApplicable: notApplicable, rescaledBy: rescaledBy)
        }
    }
}
