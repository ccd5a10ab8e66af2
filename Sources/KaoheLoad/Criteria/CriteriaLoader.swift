import KaoheModel
import KaoheInput
/// Loads a criteria file (评分标准, `Criteria/*.json5`, docs/criteria.md) into ``Criteria``.
///
/// Every fault is reported at once, each with the JSON path, line and column of the node at
/// fault: unknown or missing fields, wrong types, repeated ids, sums that do not add up,
/// bands out of order, references to bands or components that do not exist, negative numbers.
/// Numbers are converted exactly from their literal text.
package enum CriteriaLoader {
    /// Reads and validates the file at `path` (the path as the user gave it; messages use it).
    package static func load(path: String) -> (criteria: Criteria?, diagnostics: [Diagnostic]) {
        let (text, failure) = LoaderFile.read(path, whatZh: "评分标准", whatEn: "criteria")
        guard let text else { return (nil, failure.map { [$0] } ?? []) }
        return parse(text, file: path)
    }

    /// Validates criteria text; `file` names it in messages. Criteria are returned only when
    /// there is no error.
    package static func parse(_ text: String, file: String) -> (criteria: Criteria?, diagnostics: [Diagnostic]) {
        let (document, syntax) = JSON5Parser.parse(text, file: file)
        guard ForeignFile.looksLike(CriteriaReader.rootFields, text: text, document: document) else {
            return (nil, ForeignFile.refused(file, whatZh: "评分标准", whatEn: "criteria"))
        }
        guard let document else { return (nil, syntax) }
        let reader = JSON5FieldReader(file: file, document: document)
        reader.add(syntax)
        let criteria = CriteriaReader(reader).read()
        let diagnostics = sortedByPosition(reader.diagnostics)
        return (reader.hasErrors ? nil : criteria, diagnostics)
    }

    /// Diagnostics in file order (whole-file ones first, the count of those not listed last),
    /// keeping the order of equal positions.
    static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.omitted == nil ? 0 : 1, a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let kb = (b.element.omitted == nil ? 0 : 1, b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}

/// Walks the criteria document field by field.
struct CriteriaReader {
    let r: JSON5FieldReader
    init(_ reader: JSON5FieldReader) { r = reader }

    static let rootFields = ["id", "title", "en", "source", "scale", "places", "categories", "parts", "bulletin",
                             "rectify", "calendar", "bands", "quota", "veto", "adjustments", "survey",
                             "targetShare", "consequences", "deadlines", "ranking", "gates"]
    static let rootOptional: Set<String> = ["en", "source", "categories", "bulletin", "rectify", "calendar", "bands",
                                            "quota", "adjustments", "survey", "consequences", "deadlines",
                                            "ranking", "gates"]

    func read() -> Criteria? {
        let root = JSON5Path.root
        guard let object = r.object(r.document.root, root, fields: CriteriaReader.rootFields,
                                    optional: CriteriaReader.rootOptional) else { return nil }
        let id = object["id"].flatMap { r.identifier($0, root.key("id")) }
        let title = object["title"].flatMap { r.string($0, root.key("title")) }
        let en = object.optional("en").flatMap { r.string($0, root.key("en")) }
        let source = object.optional("source").map { r.string($0, root.key("source"), allowEmpty: true) } ?? ""
        let scale = object["scale"].flatMap { r.positive($0, root.key("scale")) }
        let places = object["places"].flatMap {
            r.integer($0, root.key("places"), in: 0...6, expectedZh: " 0 到 6 之间的整数", expectedEn: "an integer from 0 to 6")
        }
        let parts = object["parts"].flatMap { readParts($0, scale: scale) }
        let hasChecks = parts?.contains { if case .checks = $0.part.kind { return true } else { return false } }
        let categories = readCategories(object, scale: scale, hasChecks: hasChecks)
        let bulletin = object.optional("bulletin").map { readBulletin($0) } ?? BulletinRule()
        let rectify = object.optional("rectify").map { readRectify($0) } ?? RectifyRule()
        let calendar = object.optional("calendar").flatMap { r.string($0, root.key("calendar")) }
        let bands: [Band]? = object.optional("bands").map { readBands($0, scale: scale) } ?? []
        let quota = object.optional("quota").flatMap { readQuota($0, bands: bands) }
        let veto = object["veto"].flatMap { readVeto($0, bands: bands, scale: scale) }
        let adjustments = object.optional("adjustments").map { readAdjustments($0, scale: scale) } ?? Adjustments()
        let components = parts.map { $0.flatMap(\.components) }
        let survey = object.optional("survey").flatMap { readSurvey($0, components: components) }
        let targetShare = object["targetShare"].flatMap { readTargetShare($0) }
        let consequences = object.optional("consequences").map { readConsequences($0) } ?? [:]
        let deadlines = object.optional("deadlines").map { readDeadlines($0, categories: categories) } ?? []
        let ranking = object.optional("ranking").map { readRanking($0) } ?? RankingOptions()
        let gates = object.optional("gates").map { readGates($0, parts: parts, bands: bands, scale: scale) } ?? []

        guard let id, let title, let source, let scale, let places, let categories, let parts,
              let bands, let veto, let targetShare else { return nil }
        return Criteria(id: id, title: title, en: en, source: source, scale: scale, places: places,
                        categories: categories, parts: parts.map(\.part), bulletin: bulletin, rectify: rectify,
                        calendar: calendar, bands: bands, quota: quota, veto: veto, adjustments: adjustments,
                        survey: survey, targetShare: targetShare, consequences: consequences, deadlines: deadlines,
                        ranking: ranking, gates: gates)
    }

    // MARK: Small sections

    func readBulletin(_ node: JSON5Node) -> BulletinRule {
        let path = JSON5Path.root.key("bulletin")
        guard let object = r.object(node, path, fields: ["failAt"]),
              let failAt = object["failAt"].flatMap({ r.positiveInteger($0, path.key("failAt")) }) else { return BulletinRule() }
        return BulletinRule(failAt: failAt)
    }

    func readRectify(_ node: JSON5Node) -> RectifyRule {
        let path = JSON5Path.root.key("rectify")
        guard let object = r.object(node, path, fields: ["workingDays"]),
              let days = object["workingDays"].flatMap({ r.positiveInteger($0, path.key("workingDays")) }) else { return RectifyRule() }
        return RectifyRule(workingDays: days)
    }

    func readTargetShare(_ node: JSON5Node) -> ExactDecimal? {
        let path = JSON5Path.root.key("targetShare")
        guard let share = r.nonNegative(node, path) else { return nil }
        if share > .hundred {
            r.report(node, path, .targetShareRange(r.literal(node)))
            return nil
        }
        return share
    }

    // MARK: Consequences

    func readConsequences(_ node: JSON5Node) -> [ConsequenceKind: ConsequenceActions] {
        let path = JSON5Path.root.key("consequences")
        guard case .object(let members) = node.value else {
            r.typeError(node, path, expectedZh: "对象 {…}", expectedEn: "an object {…}")
            return [:]
        }
        let kinds = ConsequenceKind.allCases.map(\.rawValue)
        var result: [ConsequenceKind: ConsequenceActions] = [:]
        for member in members {
            let memberPath = path.key(member.key)
            guard let kind = ConsequenceKind(rawValue: member.key) else {
                r.report(line: member.keyLine, column: member.keyColumn, memberPath, .unknownConsequence(member.key, valid: kinds))
                continue
            }
            guard let object = r.object(member.value, memberPath, fields: ["actions", "en"], optional: ["en"]),
                  let actions = object["actions"].flatMap({ r.strings($0, memberPath.key("actions")) }) else { continue }
            let en = object.optional("en").flatMap { r.strings($0, memberPath.key("en")) } ?? []
            if result[kind] == nil { result[kind] = ConsequenceActions(zh: actions, en: en) }
        }
        return result
    }
}

extension Diagnostic.Message {
    /// A `targetShare` over 100 (it is a percentage).
    static func targetShareRange(_ found: String) -> Self {
        .error("criteria.target-share-range", zh: "是百分数，应在 0 到 100 之间，实际是 \(found)",
               en: "is a percentage and must be between 0 and 100, found \(found)")
    }

    static func unknownConsequence(_ key: String, valid: [String]) -> Self {
        .error("criteria.unknown-consequence", zh: "未知的责任追究类型 “\(key)”；可选：" + valid.joined(separator: "、"),
               en: "unknown consequence kind \"\(key)\"; valid kinds: " + valid.joined(separator: ", "))
    }
}
