import KaoheModel
import KaoheInput
/// The list sections of a criteria file and the rules that tie them together: unique ids,
/// sums, band order and references between sections.
extension CriteriaReader {
    /// What a list of ids names (each kind's ids must be unique).
    enum IdKind {
        case category, item, part, component, band, deadline
    }

    /// Ids seen so far of one kind, with the path where each was first given.
    final class IdRegistry {
        let kind: IdKind
        var seen: [String: JSON5Path] = [:]
        var order: [String] = []

        init(_ kind: IdKind) { self.kind = kind }

        /// Registers `id`; reports it and returns false when it was given before.
        func register(_ id: String, _ node: JSON5Node, _ path: JSON5Path, _ r: JSON5FieldReader) -> Bool {
            if let first = seen[id] {
                r.report(node, path, .duplicateID(kind, id, first: first))
                return false
            }
            seen[id] = path
            order.append(id)
            return true
        }
    }

    // MARK: Categories and items

    func readCategories(_ node: JSON5Node, scale: ExactDecimal?) -> [Category]? {
        let path = JSON5Path.root.key("categories")
        guard let elements = r.nonEmptyArray(node, path, whatZh: "类别", whatEn: "category") else { return nil }
        let categoryIds = IdRegistry(.category)
        let itemIds = IdRegistry(.item)
        var categories: [Category] = []
        var complete = true
        // The sum is checked only when every category's points could be read.
        var allPoints: [ExactDecimal] = []
        var pointsComplete = true
        var lastPoints: (node: JSON5Node, path: JSON5Path)? = nil
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard let object = r.object(element, p, fields: ["id", "name", "en", "points", "items"], optional: ["en"]) else {
                complete = false
                pointsComplete = false
                continue
            }
            let id = object["id"].flatMap { idNode in
                r.identifier(idNode, p.key("id")).flatMap { _ = categoryIds.register($0, idNode, p.key("id"), r); return $0 }
            }
            let name = object["name"].flatMap { r.string($0, p.key("name")) }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            let points = object["points"].flatMap { r.nonNegative($0, p.key("points")) }
            if let points, let pointsNode = object["points"] {
                allPoints.append(points)
                lastPoints = (pointsNode, p.key("points"))
            } else {
                pointsComplete = false
            }
            let items = object["items"].flatMap {
                readItems($0, p.key("items"), categoryId: id ?? "", points: points, registry: itemIds)
            }
            guard let id, let name, let points, let items else {
                complete = false
                continue
            }
            categories.append(Category(id: id, name: name, en: en, points: points, items: items))
        }
        if pointsComplete, let scale, let lastPoints {
            let sum = ExactDecimal.sum(allPoints)
            if sum != scale {
                r.report(lastPoints.node, lastPoints.path, .pointsSum(sum, scale: scale))
                return nil
            }
        }
        return complete ? categories : nil
    }

    func readItems(_ node: JSON5Node, _ path: JSON5Path, categoryId: String, points: ExactDecimal?,
                   registry: IdRegistry) -> [Item]? {
        guard let elements = r.array(node, path) else { return nil }
        var items: [Item] = []
        var complete = true
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            guard let object = r.object(element, p, fields: ["id", "name", "en", "deduction"], optional: ["en"]) else {
                complete = false
                continue
            }
            let id = object["id"].flatMap { idNode in
                r.identifier(idNode, p.key("id")).flatMap { _ = registry.register($0, idNode, p.key("id"), r); return $0 }
            }
            let name = object["name"].flatMap { r.string($0, p.key("name")) }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            let deduction = object["deduction"].flatMap { r.nonNegative($0, p.key("deduction")) }
            if let d = deduction, let points, d > points, let dNode = object["deduction"] {
                r.report(dNode, p.key("deduction"), .deductionOverPoints(d, category: categoryId, points: points))
            }
            guard let id, let name, let deduction else {
                complete = false
                continue
            }
            items.append(Item(id: id, name: name, en: en, deduction: deduction))
        }
        return complete ? items : nil
    }

    // MARK: Parts and components

    /// A part read from the file, with its components (empty for a checks part).
    struct ReadPart {
        var part: Part
        var components: [Component]
    }

    func readParts(_ node: JSON5Node, scale: ExactDecimal?) -> [ReadPart]? {
        let path = JSON5Path.root.key("parts")
        guard let elements = r.nonEmptyArray(node, path, whatZh: "部分", whatEn: "part") else { return nil }
        let partIds = IdRegistry(.part)
        let componentIds = IdRegistry(.component)
        var parts: [ReadPart] = []
        var complete = true
        var checksPart: JSON5Path? = nil
        var weights: [ExactDecimal] = []
        var weightsComplete = true
        var lastWeight: (node: JSON5Node, path: JSON5Path)? = nil
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            // The kind decides which fields belong.
            var kindText: String? = nil
            if case .object(let members) = element.value, let kindNode = members.first(where: { $0.key == "kind" })?.value,
               case .string(let s) = kindNode.value {
                kindText = s
            }
            let fields: [String]
            var optional: Set<String> = ["en"]
            switch kindText {
            case "checks": fields = ["id", "name", "en", "weight", "kind", "period"]
            case "scores": fields = ["id", "name", "en", "weight", "kind", "components"]
            default:
                fields = ["id", "name", "en", "weight", "kind", "period", "components"]
                optional.formUnion(["period", "components"])
            }
            guard let object = r.object(element, p, fields: fields, optional: optional) else {
                complete = false
                weightsComplete = false
                continue
            }
            let id = object["id"].flatMap { idNode in
                r.identifier(idNode, p.key("id")).flatMap { _ = partIds.register($0, idNode, p.key("id"), r); return $0 }
            }
            let name = object["name"].flatMap { r.string($0, p.key("name")) }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            let weight = object["weight"].flatMap { r.nonNegative($0, p.key("weight")) }
            if let weight, let weightNode = object["weight"] {
                weights.append(weight)
                lastWeight = (weightNode, p.key("weight"))
            } else {
                weightsComplete = false
            }
            var kind: PartKind? = nil
            var components: [Component] = []
            if let kindNode = object["kind"], let text = r.string(kindNode, p.key("kind")) {
                switch text {
                case "checks":
                    if let first = checksPart {
                        r.report(kindNode, p.key("kind"), .twoChecksParts(first: first))
                    } else {
                        checksPart = p
                        if let period = object["period"].flatMap({ readPeriod($0, p.key("period")) }) {
                            kind = .checks(period: period)
                        }
                    }
                case "scores":
                    if let list = object["components"].flatMap({ readComponents($0, p.key("components"), partId: id ?? "", registry: componentIds, scale: scale) }) {
                        components = list
                        kind = .scores(components: list)
                    }
                default:
                    r.report(kindNode, p.key("kind"), .unknownPartKind(text))
                }
            }
            guard let id, let name, let weight, let kind else {
                complete = false
                continue
            }
            parts.append(ReadPart(part: Part(id: id, name: name, en: en, weight: weight, kind: kind), components: components))
        }
        if weightsComplete, let lastWeight {
            let sum = ExactDecimal.sum(weights)
            if sum != .one {
                r.report(lastWeight.node, lastWeight.path, .weightsSum(sum))
                return nil
            }
        }
        return complete ? parts : nil
    }

    func readPeriod(_ node: JSON5Node, _ path: JSON5Path) -> PeriodKind? {
        guard let text = r.string(node, path) else { return nil }
        if let period = PeriodKind(rawValue: text) { return period }
        r.report(node, path, .unknownPeriod(text))
        return nil
    }

    /// A scores part's components: all weighted (`weight`, summing to 1) or all in points
    /// (`max`, summing to the scale).
    func readComponents(_ node: JSON5Node, _ path: JSON5Path, partId: String, registry: IdRegistry,
                        scale: ExactDecimal?) -> [Component]? {
        guard let elements = r.nonEmptyArray(node, path, whatZh: "项目", whatEn: "component") else { return nil }
        var components: [Component] = []
        var complete = true
        var amounts: [ExactDecimal] = []
        var amountsComplete = true
        var lastAmount: (node: JSON5Node, path: JSON5Path)? = nil
        // Whether the part's components are in points, as the first one says.
        var inPoints: Bool? = nil
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            var points = false
            if case .object(let members) = element.value {
                points = members.contains { $0.key == "max" } && !members.contains { $0.key == "weight" }
            }
            let amountKey = points ? "max" : "weight"
            guard let object = r.object(element, p, fields: ["id", "name", "en", amountKey], optional: ["en"]) else {
                complete = false
                amountsComplete = false
                continue
            }
            let id = object["id"].flatMap { idNode in
                r.identifier(idNode, p.key("id")).flatMap { _ = registry.register($0, idNode, p.key("id"), r); return $0 }
            }
            let name = object["name"].flatMap { r.string($0, p.key("name")) }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            var amount = object[amountKey].flatMap { r.nonNegative($0, p.key(amountKey)) }
            if let amountNode = object[amountKey] {
                if let first = inPoints, first != points {
                    r.report(amountNode, p.key(amountKey), .mixedComponentMeasures(part: partId, first: first ? "max" : "weight"))
                    amount = nil
                    complete = false
                }
                if inPoints == nil { inPoints = points }
            }
            if let amount, let amountNode = object[amountKey] {
                amounts.append(amount)
                lastAmount = (amountNode, p.key(amountKey))
            } else {
                amountsComplete = false
            }
            guard let id, let name, let amount else {
                complete = false
                continue
            }
            components.append(points ? Component(id: id, name: name, en: en, weight: .one, max: amount)
                                     : Component(id: id, name: name, en: en, weight: amount))
        }
        if amountsComplete, let lastAmount {
            let sum = ExactDecimal.sum(amounts)
            if inPoints == true {
                if let scale, sum != scale {
                    r.report(lastAmount.node, lastAmount.path, .componentMaxSum(sum, part: partId, scale: scale))
                    return nil
                }
            } else if sum != .one {
                r.report(lastAmount.node, lastAmount.path, .componentWeightsSum(sum, part: partId))
                return nil
            }
        }
        return complete ? components : nil
    }

    // MARK: Bands and what refers to them

    func readBands(_ node: JSON5Node, scale: ExactDecimal?) -> [Band]? {
        let path = JSON5Path.root.key("bands")
        guard let elements = r.nonEmptyArray(node, path, whatZh: "等次", whatEn: "band") else { return nil }
        let names = IdRegistry(.band)
        var bands: [Band] = []
        var complete = true
        var previous: (name: String, min: ExactDecimal)? = nil
        var last: (node: JSON5Node, path: JSON5Path, min: ExactDecimal)? = nil
        for (i, element) in elements.enumerated() {
            let p = path.index(i)
            last = nil
            guard let object = r.object(element, p, fields: ["name", "en", "min"], optional: ["en"]) else {
                complete = false
                continue
            }
            let name = object["name"].flatMap { nameNode in
                r.identifier(nameNode, p.key("name")).flatMap { _ = names.register($0, nameNode, p.key("name"), r); return $0 }
            }
            let en = object.optional("en").flatMap { r.string($0, p.key("en")) }
            let min = object["min"].flatMap { r.nonNegative($0, p.key("min")) }
            if let m = min, let minNode = object["min"] {
                last = (minNode, p.key("min"), m)
                if let scale, m > scale {
                    r.report(minNode, p.key("min"), .bandAboveScale(m, scale: scale))
                } else if let before = previous, m >= before.min {
                    r.report(minNode, p.key("min"), .bandsNotDescending(m, before: before.name, beforeMin: before.min))
                } else {
                    previous = (name ?? "", m)
                }
            }
            guard let name, let min else {
                complete = false
                continue
            }
            bands.append(Band(name: name, en: en, min: min))
        }
        if let last, !last.min.isZero {
            r.report(last.node, last.path, .lastBandNotZero(last.min))
            return nil
        }
        return complete ? bands : nil
    }

    /// Reports `name` when it is not one of `bands`; returns whether it is.
    func bandExists(_ name: String, _ node: JSON5Node, _ path: JSON5Path, bands: [Band]) -> Bool {
        if bands.contains(where: { $0.name == name }) { return true }
        r.report(node, path, .unknownBand(name, valid: bands.map(\.name)))
        return false
    }

    func readQuota(_ node: JSON5Node, bands: [Band]?) -> Quota? {
        let path = JSON5Path.root.key("quota")
        guard let object = r.object(node, path, fields: ["band", "share"]) else { return nil }
        if let bands, bands.isEmpty {
            r.report(node, path, .quotaNeedsBands())
            return nil
        }
        var band = object["band"].flatMap { r.string($0, path.key("band")) }
        if let name = band, let bands, let bandNode = object["band"] {
            if !bandExists(name, bandNode, path.key("band"), bands: bands) {
                band = nil
            } else if bands.last?.name == name {
                r.report(bandNode, path.key("band"), .quotaOnLowestBand(name))
                band = nil
            }
        }
        let share = object["share"].flatMap { r.fraction($0, path.key("share")) }
        guard let band, let share else { return nil }
        return Quota(band: band, share: share)
    }

    /// `veto`: `{band}` with bands, `{}` without; `score` optional in both.
    func readVeto(_ node: JSON5Node, bands: [Band]?, scale: ExactDecimal?) -> VetoRule? {
        let path = JSON5Path.root.key("veto")
        guard let object = r.object(node, path, fields: ["band", "score"], optional: ["band", "score"]) else { return nil }
        var ok = true
        var band: String? = nil
        if let bandNode = object["band"] {
            if let bands, bands.isEmpty {
                r.report(bandNode, path.key("band"), .vetoBandWithoutBands)
                ok = false
            } else if let name = r.string(bandNode, path.key("band")) {
                if let bands, !bandExists(name, bandNode, path.key("band"), bands: bands) { ok = false }
                band = name
            } else {
                ok = false
            }
        } else if let bands, !bands.isEmpty {
            r.report(node, path.key("band"), .vetoBandMissing)
            ok = false
        }
        var score: ExactDecimal? = nil
        if let scoreNode = object.optional("score") {
            score = r.nonNegative(scoreNode, path.key("score"))
            if score == nil { ok = false }
            if let value = score, let scale, value > scale {
                r.report(scoreNode, path.key("score"), .vetoScoreAboveScale(value, scale: scale))
                ok = false
            }
        }
        return ok ? VetoRule(band: band, score: score) : nil
    }

    // MARK: Survey

    func readSurvey(_ node: JSON5Node, components: [Component]?) -> SurveyRule? {
        let path = JSON5Path.root.key("survey")
        let fields = ["component", "basicWeight", "commend", "warn"]
        guard let object = r.object(node, path, fields: fields, optional: Set(fields)) else { return nil }
        var component: String? = nil
        var ok = true
        if let componentNode = object.optional("component") {
            if let id = r.string(componentNode, path.key("component")) {
                if let components, !components.contains(where: { $0.id == id }) {
                    r.report(componentNode, path.key("component"), .unknownSurveyComponent(id, valid: components.map(\.id)))
                    ok = false
                }
                component = id
            } else {
                ok = false
            }
        }
        func rate(_ key: String) -> ExactDecimal? {
            guard let n = object.optional(key) else { return nil }
            guard let v = r.fraction(n, path.key(key)) else { ok = false; return nil }
            return v
        }
        let basicWeight = rate("basicWeight") ?? .one
        let commend = rate("commend")
        let warn = rate("warn")
        guard ok else { return nil }
        return SurveyRule(component: component, basicWeight: basicWeight, commend: commend, warn: warn)
    }
}

extension Diagnostic.Message {
    /// An id (or band name) given twice where each must be unique.
    static func duplicateID(_ kind: CriteriaReader.IdKind, _ id: String, first: JSON5Path) -> Self {
        let words: (code: Diagnostic.Code, kindZh: String, kindEn: String, ruleZh: String, ruleEn: String)
        switch kind {
        case .category:
            words = (Diagnostic.Code("criteria.duplicate-category"), "类别 id", "category id", "类别 id 须各不相同", "category ids must be unique")
        case .item:
            words = (Diagnostic.Code("criteria.duplicate-item"), "检查项 id", "item id",
                     "检查项 id 在所有类别中须唯一，因为 checks.csv 按 id 引用检查项",
                     "item ids must be unique across all categories because checks.csv refers to items by id")
        case .part:
            words = (Diagnostic.Code("criteria.duplicate-part"), "部分 id", "part id", "部分 id 须各不相同", "part ids must be unique")
        case .component:
            words = (Diagnostic.Code("criteria.duplicate-component"), "项目 id", "component id",
                     "项目 id 在所有部分中须唯一，因为 scores.csv 按 id 引用项目",
                     "component ids must be unique across all parts because scores.csv refers to components by id")
        case .band:
            words = (Diagnostic.Code("criteria.duplicate-band"), "等次名称", "band name", "等次名称须各不相同", "band names must be unique")
        case .deadline:
            words = (Diagnostic.Code("criteria.duplicate-deadline"), "时限规则 id", "deadline rule id", "时限规则 id 须各不相同", "deadline rule ids must be unique")
        }
        return .error(words.code, zh: "\(words.kindZh) “\(id)” 重复（已用于 \(first)）；\(words.ruleZh)",
                      en: "\(words.kindEn) \"\(id)\" is used twice (also at \(first)); \(words.ruleEn)")
    }

    /// Category points that do not add up to the scale.
    static func pointsSum(_ sum: ExactDecimal, scale: ExactDecimal) -> Self {
        .error("criteria.points-sum", zh: "各类别分值之和为 \(sum)，应等于满分 scale \(scale)",
               en: "category points add up to \(sum); they must add up to scale \(scale)")
    }

    /// An item's deduction above its category's points.
    static func deductionOverPoints(_ deduction: ExactDecimal, category: String, points: ExactDecimal) -> Self {
        .error("criteria.deduction-over-points", zh: "扣分 \(deduction) 大于所属类别 \(category) 的分值 \(points)；扣分应在 0 到 \(points) 之间",
               en: "deduction \(deduction) is more than the points (\(points)) of its category \(category); it must be between 0 and \(points)")
    }

    /// A second part of kind checks (`first` is the first).
    static func twoChecksParts(first: JSON5Path) -> Self {
        .error("criteria.two-checks-parts", zh: "只能有一个 checks 部分（\(first) 已是 checks）；请合并或把本部分改为 scores",
               en: "only one part may be of kind \"checks\" (\(first) already is); merge them or make this part \"scores\"")
    }

    static func unknownPartKind(_ text: String) -> Self {
        .error("criteria.unknown-part-kind", zh: "未知的类型 “\(text)”；可选：checks（按检查记录计分）、scores（按 scores.csv 计分）",
               en: "unknown kind \"\(text)\"; valid kinds: checks (scored from the check log), scores (scored from scores.csv)")
    }

    /// Part weights that do not add up to 1.
    static func weightsSum(_ sum: ExactDecimal) -> Self {
        .error("criteria.weights-sum", zh: "各部分权重之和为 \(sum)，应为 1", en: "part weights add up to \(sum); they must add up to 1")
    }

    static func unknownPeriod(_ text: String) -> Self {
        .error("criteria.unknown-period", zh: "未知的排名周期 “\(text)”；可选：quarter（季）、half（半年）、month（月）",
               en: "unknown ranking period \"\(text)\"; valid periods: quarter, half, month")
    }

    /// Component weights of a scores part that do not add up to 1.
    static func componentWeightsSum(_ sum: ExactDecimal, part: String) -> Self {
        .error("criteria.component-weights-sum", zh: "部分 \(part) 的各项目权重之和为 \(sum)，应为 1",
               en: "the component weights of part \(part) add up to \(sum); they must add up to 1")
    }

    /// Components in points (`max`) summing to other than the scale.
    static func componentMaxSum(_ sum: ExactDecimal, part: String, scale: ExactDecimal) -> Self {
        .error("criteria.component-max-sum", zh: "部分 \(part) 的各项目满分（max）之和为 \(sum)，应等于满分 scale \(scale)",
               en: "the component maxes of part \(part) add up to \(sum); they must add up to scale \(scale)")
    }

    /// A part mixing weighted components and components in points.
    static func mixedComponentMeasures(part: String, first: String) -> Self {
        .error("criteria.mixed-components", zh: "部分 \(part) 的项目须全部用 weight（权重）或全部用 max（分值）；前面的项目用的是 \(first)",
               en: "the components of part \(part) must all give weight or all give max; the first one gives \(first)")
    }

    static func bandAboveScale(_ min: ExactDecimal, scale: ExactDecimal) -> Self {
        .error("criteria.band-above-scale", zh: "等次下限 \(min) 高于满分 scale \(scale)", en: "band min \(min) is above scale \(scale)")
    }

    /// A band whose min is not below the one listed before it.
    static func bandsNotDescending(_ min: ExactDecimal, before: String, beforeMin: ExactDecimal) -> Self {
        .error("criteria.bands-not-descending",
               zh: "等次下限 \(min) 不低于前面等次 \(before) 的下限 \(beforeMin)；bands 须从高到低排列，下限严格递减",
               en: "band min \(min) is not below the min \(beforeMin) of band \(before) listed before it; bands go from highest to lowest with strictly descending min")
    }

    static func lastBandNotZero(_ min: ExactDecimal) -> Self {
        .error("criteria.last-band-not-zero", zh: "最后一个等次的下限为 \(min)，应为 0（每个总分都须落入某一等次）",
               en: "the last band's min is \(min); it must be 0 (every total must fall in a band)")
    }

    /// A band name (in quota or veto) that is not one of the bands.
    static func unknownBand(_ name: String, valid: [String]) -> Self {
        .error("criteria.unknown-band", zh: "等次 “\(name)” 不存在；可选：" + valid.joined(separator: "、"),
               en: "band \"\(name)\" does not exist; valid bands: " + valid.joined(separator: ", "))
    }

    static func quotaOnLowestBand(_ name: String) -> Self {
        .error("criteria.quota-on-lowest-band", zh: "等次 “\(name)” 是最低等次，超出名额的单位无法再降一等；名额限制应设在更高的等次上",
               en: "band \"\(name)\" is the lowest band, so units over the quota have no lower band to move to; put the quota on a higher band")
    }

    /// A survey component that is not a component of a scores part.
    static func unknownSurveyComponent(_ id: String, valid: [String]) -> Self {
        .error("criteria.unknown-component",
               zh: "项目 “\(id)” 不存在；可选：" + (valid.isEmpty ? "无（没有 scores 部分）" : valid.joined(separator: "、")),
               en: "component \"\(id)\" does not exist; valid components: " + (valid.isEmpty ? "none (there is no scores part)" : valid.joined(separator: ", ")))
    }
}
