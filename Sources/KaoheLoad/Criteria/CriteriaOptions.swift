import KaoheModel
import KaoheInput
/// The criteria fields that real schemes need beyond the Weibin scheme (docs/criteria.md,
/// "Options"): tie numbering, schemes without daily checks or without grades, the
/// conditional bonus and the ceiling of totals, and gates.
extension CriteriaReader {
    /// `categories`: required (and not empty) when a part is of kind checks; otherwise optional.
    func readCategories(_ object: JSON5Object, scale: ExactDecimal?, hasChecks: Bool?) -> [Category]? {
        let path = JSON5Path.root.key("categories")
        guard let node = object.optional("categories") else {
            if hasChecks == true { r.report(r.document.root, path, .categoriesNeeded) }
            return hasChecks == true ? nil : []
        }
        if hasChecks != true, case .array(let elements) = node.value, elements.isEmpty { return [] }
        return readCategories(node, scale: scale)
    }

    func readAdjustments(_ node: JSON5Node, scale: ExactDecimal?) -> Adjustments {
        let path = JSON5Path.root.key("adjustments")
        let fields = ["bonusCap", "penaltyCap", "bonusMin", "ceiling"]
        guard let object = r.object(node, path, fields: fields, optional: Set(fields)) else { return Adjustments() }
        let bonus = object.optional("bonusCap").flatMap { r.nonNegative($0, path.key("bonusCap")) }
        let penalty = object.optional("penaltyCap").flatMap { r.nonNegative($0, path.key("penaltyCap")) }
        let bonusMin = object.optional("bonusMin").flatMap { r.nonNegative($0, path.key("bonusMin")) }
        var ceiling = Adjustments.Ceiling.scale
        if let ceilingNode = object["ceiling"] {
            if case .null = ceilingNode.value {
                ceiling = .none
            } else if let points = r.positive(ceilingNode, path.key("ceiling")) {
                if let scale, points < scale {
                    r.report(ceilingNode, path.key("ceiling"), .ceilingBelowScale(points, scale: scale))
                }
                ceiling = .points(points)
            }
        }
        return Adjustments(bonusCap: bonus, penaltyCap: penalty, bonusMin: bonusMin, ceiling: ceiling)
    }

    func readRanking(_ node: JSON5Node) -> RankingOptions {
        let path = JSON5Path.root.key("ranking")
        guard let object = r.object(node, path, fields: ["ties"], optional: ["ties"]),
              let tiesNode = object.optional("ties"), let text = r.string(tiesNode, path.key("ties")) else { return RankingOptions() }
        guard let ties = RankingOptions.Ties(rawValue: text) else {
            r.report(tiesNode, path.key("ties"), .unknownTies(text))
            return RankingOptions()
        }
        return RankingOptions(ties: ties)
    }

    func readGates(_ node: JSON5Node, parts: [ReadPart]?, bands: [Band]?, scale: ExactDecimal?) -> [Gate] {
        let path = JSON5Path.root.key("gates")
        guard let elements = r.array(node, path) else { return [] }
        if let bands, bands.isEmpty, !elements.isEmpty {
            r.report(node, path, .gatesNeedBands)
            return []
        }
        var gates: [Gate] = []
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard let object = r.object(element, p, fields: ["part", "component", "min", "band"],
                                        optional: ["part", "component"]) else { continue }
            var target: Gate.Target? = nil
            var limit: ExactDecimal? = nil
            switch (object["part"], object["component"]) {
            case (let partNode?, nil):
                if let id = r.string(partNode, p.key("part")) {
                    if let parts, !parts.contains(where: { $0.part.id == id }) {
                        r.report(partNode, p.key("part"), .unknownGatePart(id, valid: parts.map(\.part.id)))
                    } else {
                        target = .part(id)
                    }
                }
            case (nil, let componentNode?):
                if let id = r.string(componentNode, p.key("component")) {
                    let components = parts?.flatMap(\.components)
                    if let components, !components.contains(where: { $0.id == id }) {
                        r.report(componentNode, p.key("component"), .unknownSurveyComponent(id, valid: components.map(\.id)))
                    } else {
                        target = .component(id)
                        limit = components?.first { $0.id == id }?.max
                    }
                }
            default:
                r.report(element, p, .gateTarget)
            }
            var min = object["min"].flatMap { r.nonNegative($0, p.key("min")) }
            if let value = min, let minNode = object["min"], let full = limit ?? scale, value > full {
                r.report(minNode, p.key("min"), .gateAboveFullMarks(value, full: full))
                min = nil
            }
            var band = object["band"].flatMap { r.string($0, p.key("band")) }
            if let name = band, let bands, let bandNode = object["band"], !bandExists(name, bandNode, p.key("band"), bands: bands) {
                band = nil
            }
            guard let target, let min, let band else { continue }
            gates.append(Gate(target: target, min: min, band: band))
        }
        return gates
    }
}

extension Diagnostic.Message {
    /// A checks part without categories to score.
    static var categoriesNeeded: Self {
        .error("criteria.categories-needed", zh: "缺少字段 categories：有 checks 部分（日常检查）的方案须列出考核类别和检查项",
               en: "missing field categories: a scheme with a checks part (daily checks) must list its categories and items")
    }

    static func ceilingBelowScale(_ ceiling: ExactDecimal, scale: ExactDecimal) -> Self {
        .error("criteria.ceiling-below-scale", zh: "总分上限 \(ceiling) 低于满分 scale \(scale)；上限应不低于满分，或写 null 表示不设上限",
               en: "ceiling \(ceiling) is below scale \(scale); it must be at least the scale, or null for no upper bound")
    }

    static func unknownTies(_ text: String) -> Self {
        .error("criteria.unknown-ties", zh: "未知的并列名次规则 “\(text)”；可选：shared（1、2、2、4）、dense（1、2、2、3）",
               en: "unknown tie numbering \"\(text)\"; valid values: shared (1, 2, 2, 4), dense (1, 2, 2, 3)")
    }

    static var gatesNeedBands: Self {
        .error("criteria.gates-need-bands", zh: "方案没有等次（bands），单项否决（gates）无从限定等次；请删除 gates 或增加 bands",
               en: "the scheme has no bands, so gates have no band to cap; remove gates or add bands")
    }

    static var gateTarget: Self {
        .error("criteria.gate-target", zh: "单项否决须且只能给出 part（部分 id）或 component（项目 id）中的一个",
               en: "a gate needs exactly one of part (a part id) or component (a component id)")
    }

    static func unknownGatePart(_ id: String, valid: [String]) -> Self {
        .error("criteria.unknown-part", zh: "部分 “\(id)” 不存在；可选：" + valid.joined(separator: "、"),
               en: "part \"\(id)\" does not exist; valid parts: " + valid.joined(separator: ", "))
    }

    static func gateAboveFullMarks(_ min: ExactDecimal, full: ExactDecimal) -> Self {
        .error("criteria.gate-above-full-marks", zh: "单项否决的分数线 \(min) 高于该项满分 \(full)，所有单位都会被限定等次",
               en: "gate min \(min) is above the full marks \(full) it is compared with, so every unit would be capped")
    }

    static func quotaNeedsBands() -> Self {
        .error("criteria.quota-needs-bands", zh: "方案没有等次（bands），名额限制（quota）无从适用；请删除 quota 或增加 bands",
               en: "the scheme has no bands, so a quota has nothing to limit; remove quota or add bands")
    }

    static var vetoBandWithoutBands: Self {
        .error("criteria.veto-band-without-bands", zh: "方案没有等次（bands），一票否决不能指定等次；请写 veto: {}（或只给 score）",
               en: "the scheme has no bands, so a veto cannot name one; write veto: {} (or give only score)")
    }

    static var vetoBandMissing: Self {
        .error("criteria.veto-band-missing", zh: "缺少字段 band：有等次的方案须给出被一票否决单位的等次",
               en: "missing field band: a scheme with bands must name the band a vetoed unit gets")
    }

    static func vetoScoreAboveScale(_ score: ExactDecimal, scale: ExactDecimal) -> Self {
        .error("criteria.veto-score-range", zh: "否决后的总分 \(score) 高于满分 scale \(scale)",
               en: "the vetoed total \(score) is above scale \(scale)")
    }
}
