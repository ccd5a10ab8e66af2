import KaoheModel
import KaoheLoad
import KaoheScoring
/// Applies what-if changes to a copy of the dataset and checks the criteria still hold
/// together (weights sum to 1, bands descend to 0).
enum ChangeApplier {
    static func apply(_ changes: [(request: ChangeRequest, change: Change)], to original: Dataset)
        -> Result<Dataset, SimulationError> {
        var dataset = original
        // Scores and survey results a --drop took away: the unit must still have them at the end.
        var droppedScores: [(request: ChangeRequest, score: ScoreRecord)] = []
        var droppedSurveys: [(request: ChangeRequest, survey: SurveyRecord)] = []
        let yearEnd = CivilDate(year: dataset.year, month: 12, day: 31) ?? CivilDate(dayNumber: 0)
        for (index, entry) in changes.enumerated() {
            let source = SourceRef(file: "--\(entry.request.option)", line: index + 1)
            switch entry.change {
            case .veto(let unit, let clause):
                dataset.events.append(Event(date: yearEnd, unit: unit, kind: .veto, clause: clause,
                                            note: entry.request.display, source: source))
            case .fail(let unit, let item, let date, let deduction):
                let fallback = dataset.criteria.items.first { $0.item.id == item }?.item.deduction ?? .zero
                dataset.failures.append(Failure(date: date, unit: unit, item: item, deduction: deduction ?? fallback,
                                                note: entry.request.display, source: source))
            case .score(let unit, let component, let value):
                dataset.scores.removeAll { $0.unit == unit && $0.component == component }
                dataset.scores.append(ScoreRecord(unit: unit, component: component, score: value, source: source))
            case .bonus(let unit, let points):
                dataset.events.append(Event(date: yearEnd, unit: unit, kind: .bonus, points: points,
                                            note: entry.request.display, source: source))
            case .penalty(let unit, let points):
                dataset.events.append(Event(date: yearEnd, unit: unit, kind: .penalty, points: points,
                                            note: entry.request.display, source: source))
            case .weight(let part, let weight):
                if let i = dataset.criteria.parts.firstIndex(where: { $0.id == part }) { dataset.criteria.parts[i].weight = weight }
            case .band(let name, let min):
                if let i = dataset.criteria.bands.firstIndex(where: { $0.name == name }) { dataset.criteria.bands[i].min = min }
            case .quota(let share):
                if let share {
                    let band = dataset.criteria.quota?.band ?? dataset.criteria.bands.first?.name ?? ""
                    dataset.criteria.quota = Quota(band: band, share: share)
                } else {
                    dataset.criteria.quota = nil
                }
            case .drop(let file, let line):
                let count = { (d: Dataset) in d.failures.count + d.events.count + d.scores.count + d.surveys.count + d.registers.count }
                let before = count(dataset)
                let matches: (SourceRef) -> Bool = { $0.file == file && $0.line == line }
                dataset.failures.removeAll { matches($0.source) }
                dataset.events.removeAll { matches($0.source) }
                droppedScores += dataset.scores.filter { matches($0.source) }.map { (entry.request, $0) }
                droppedSurveys += dataset.surveys.filter { matches($0.source) }.map { (entry.request, $0) }
                dataset.scores.removeAll { matches($0.source) }
                dataset.surveys.removeAll { matches($0.source) }
                dataset.registers.removeAll { matches($0.source) }
                if before == count(dataset) {
                    return .failure(SimulationError(zh: "\(entry.request.display)：\(file) 第 \(line) 行没有影响计分的记录（不存在、被拒绝，或是合格检查记录）",
                        en: "\(entry.request.display): \(file) has no scored record starting on line \(line) (no such row, a rejected row, or a passed check)"))
                }
            }
        }
        // A dropped score leaves its component unscored: refused, rather than scored as 0 unsaid.
        for (request, score) in droppedScores
        where !dataset.scores.contains(where: { $0.unit == score.unit && $0.component == score.component }) {
            return .failure(SimulationError(
                zh: "\(request.display)：删除后单位 \(score.unit) 缺少项目 \(score.component) 的得分，无法计分；若要看该项为某个分数的结果，请改用 --score \(score.unit):\(score.component)=分数",
                en: "\(request.display): without it unit \(score.unit) has no score for \(score.component) and cannot be scored; to see it with another score, use --score \(score.unit):\(score.component)=VALUE"))
        }
        if let component = dataset.criteria.survey?.component {
            for (request, survey) in droppedSurveys where !dataset.surveys.contains(where: { $0.unit == survey.unit }) {
                return .failure(SimulationError(
                    zh: "\(request.display)：删除后单位 \(survey.unit) 没有民意调查结果，项目 \(component) 无法计分；若要看其他满意率的结果，请修改 survey.csv",
                    en: "\(request.display): without it unit \(survey.unit) has no survey result, so component \(component) cannot be scored; to see another satisfaction rate, change survey.csv"))
            }
        }
        // A part left with every component n/a cannot be rescaled.
        for (request, change) in changes {
            guard case .score(let unit, _, nil) = change else { continue }
            for part in dataset.criteria.parts {
                guard case .scores(let components) = part.kind else { continue }
                let marked = Set(dataset.scores.filter { $0.unit == unit && $0.score == nil }.map(\.component))
                if components.allSatisfy({ marked.contains($0.id) }) {
                    return .failure(SimulationError(
                        zh: "\(request.display)：单位 \(unit) 在部分 \(part.id) 的所有项目都不适用，无法按比例折算",
                        en: "\(request.display): every component of part \(part.id) would be n/a for unit \(unit), so nothing is left to rescale"))
                }
            }
        }
        let weights = ExactDecimal.sum(dataset.criteria.parts.map(\.weight))
        if weights != .one {
            let list = dataset.criteria.parts.map { "\($0.id) \($0.weight)" }.joined(separator: " + ")
            return .failure(SimulationError(zh: "修改后各部分权重之和为 \(list) = \(weights)，应为 1；请同时调整其他部分的 --weight",
                                                en: "after the changes the part weights add up to \(list) = \(weights), not 1; adjust the other parts with --weight too"))
        }
        let bands = dataset.criteria.bands
        for i in bands.indices.dropFirst() where !(bands[i].min < bands[i - 1].min) {
            return .failure(SimulationError(zh: "修改后等次分数线 \(bands[i - 1].name) \(bands[i - 1].min)、\(bands[i].name) \(bands[i].min) 不再严格递减",
                                                en: "after the changes the thresholds \(bands[i - 1].name) \(bands[i - 1].min) and \(bands[i].name) \(bands[i].min) no longer descend strictly"))
        }
        if let last = bands.last, !last.min.isZero {
            return .failure(SimulationError(zh: "最低等次 \(last.name) 的分数线须为 0", en: "the lowest band \(last.name) must start at 0"))
        }
        return .success(dataset)
    }
}
