import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Picks the label for the chosen language, and the criteria's own names (with their `en`
/// form when the criteria give one).
package struct Labels: Sendable {
    package var language: Language
    package var criteria: Criteria

    package init(language: Language, criteria: Criteria) {
        self.language = language
        self.criteria = criteria
    }

    package func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    package func name(_ name: String, en: String?) -> String { language == .en ? (en ?? name) : name }

    package func category(_ id: String) -> String {
        guard let c = criteria.categories.first(where: { $0.id == id }) else { return id }
        return name(c.name, en: c.en)
    }

    package func item(_ id: String) -> String {
        guard let item = criteria.items.first(where: { $0.item.id == id })?.item else { return id }
        return name(item.name, en: item.en)
    }

    package func part(_ part: Part) -> String { name(part.name, en: part.en) }

    package func component(_ component: Component) -> String { name(component.name, en: component.en) }

    package func band(_ band: String) -> String {
        guard let b = criteria.bands.first(where: { $0.name == band }) else { return band }
        return name(b.name, en: b.en)
    }

    /// A band, or "-" in a scheme without bands.
    package func band(_ band: String?) -> String { band.map { self.band($0) } ?? "-" }

    package var title: String { name(criteria.title, en: criteria.en) }

    /// Fixed decimals as the criteria keep them.
    package func number(_ value: ExactDecimal) -> String { value.formatted(places: criteria.places) }

    /// An input number exactly as given: the criteria's decimals, or more when it has more
    /// (a score written `80.125` is shown `80.125`, never rounded).
    package func input(_ value: ExactDecimal) -> String {
        value.formatted(places: Swift.max(criteria.places, value.normalized.exponent))
    }

    /// A number cell with the criteria's decimals.
    package func cell(_ value: ExactDecimal) -> Cell { .number(value, places: criteria.places) }

    /// `3 个单位` / `3 units`, `1 unit`: a count with its noun, singular or plural in English.
    package func count(_ n: Int, zh: String, en singular: String, plural: String? = nil) -> String {
        language == .zh ? "\(n) \(zh)" : "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    package func status(_ passed: Bool) -> String { passed ? self("合格", "pass") : self("不合格", "fail") }

    package func consequenceKind(_ kind: ConsequenceKind) -> String {
        switch kind {
        case .rectifyLate: return self("整改逾期", "late rectification")
        case .monthFail: return self("月通报不合格", "month rated fail")
        case .periodLast: return self("考核排名末位", "last place in a period ranking")
        case .surveyWarn: return self("民意调查满意率偏低", "low survey satisfaction")
        case .veto: return self("一票否决", "one-vote veto")
        case .annualFail: return self("年度考核不合格", "annual grade in the lowest band")
        }
    }

    package func periodKind(_ kind: PeriodKind) -> String {
        switch kind {
        case .quarter: return self("季度", "quarter")
        case .half: return self("半年", "half-year")
        case .month: return self("月度", "month")
        }
    }
}
