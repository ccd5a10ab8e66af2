import Foundation
import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

@Suite struct CriteriaLoaderTests {
    /// A small valid criteria file; tests change one thing in it.
    static let base = """
    {
      id: "t",
      title: "测试",
      scale: 100,
      places: 2,
      categories: [
        { id: "a", name: "甲", points: 60, items: [
          { id: "a1", name: "甲一", deduction: 2 },
        ] },
        { id: "b", name: "乙", points: 40, items: [
          { id: "b1", name: "乙一", deduction: 3 },
        ] },
      ],
      parts: [
        { id: "daily", name: "日常", weight: 0.5, kind: "checks", period: "quarter" },
        { id: "yearEnd", name: "年终", weight: 0.5, kind: "scores", components: [
          { id: "c1", name: "项目一", weight: 0.6 },
          { id: "c2", name: "项目二", weight: 0.4 },
        ] },
      ],
      bands: [
        { name: "优秀", min: 90 },
        { name: "合格", min: 60 },
        { name: "不合格", min: 0 },
      ],
      quota: { band: "优秀", share: 0.3 },
      veto: { band: "不合格" },
      survey: { component: "c2", basicWeight: 0.8, commend: 0.95, warn: 0.8 },
      targetShare: 4,
    }
    """

    /// The base text with each `(old, new)` replaced (each `old` must occur exactly once).
    func edited(_ edits: [(String, String)]) -> String {
        var text = CriteriaLoaderTests.base
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "\(old) must occur once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    func load(_ edits: (String, String)...) -> (criteria: Criteria?, diagnostics: [Diagnostic]) {
        CriteriaLoader.parse(edited(edits), file: "Criteria/t.json5")
    }

    /// The one diagnostic the edits cause.
    func single(_ edits: (String, String)...) -> Diagnostic? {
        let (criteria, diagnostics) = CriteriaLoader.parse(edited(edits), file: "Criteria/t.json5")
        #expect(criteria == nil)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message.en))")
        return diagnostics.first
    }

    // MARK: Shipped criteria

    @Test func weibinLoadsCleanly() throws {
        let (criteria, diagnostics) = CriteriaLoader.load(path: Repository.path("Criteria/weibin-2020.json5"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let c = try #require(criteria)
        #expect(c.id == "weibin-2020")
        #expect(c.title == "渭滨区政务公开工作目标责任考核")
        #expect(c.en == "Weibin District Government Affairs Openness Assessment")
        #expect(c.source == "渭滨区政务公开工作目标责任考核办法")
        #expect(c.scale == 100 && c.places == 2 && c.calendar == "calendars/cn")
        #expect(c.categories.map(\.id) == ["power", "info", "response", "service", "platform", "org"])
        #expect(c.categories.map(\.points) == [20, 20, 15, 15, 20, 10])
        #expect(c.items.map(\.item.id) == ["power-list", "decision", "enforcement", "info-active", "info-guide",
                                           "info-application", "interpret", "opinion", "participation", "service-guide",
                                           "service-result", "site-columns", "new-media", "submission", "org-leadership",
                                           "org-training", "org-records"])
        #expect(c.items.map(\.item.deduction) == [2, 2, 2, 2, 1, 2, 2, 2, 1, 2, 1, 2, 2, 1, 1, 1, 1])
        #expect(c.categories.allSatisfy { $0.en != nil } && c.items.allSatisfy { $0.item.en != nil })
        #expect(c.parts.map(\.id) == ["daily", "yearEnd"])
        #expect(c.parts.map(\.weight) == [ExactDecimal("0.5"), ExactDecimal("0.5")])
        #expect(c.checksPeriod == .quarter)
        #expect(c.components.map(\.id) == ["self-report", "onsite", "third-party", "survey"])
        #expect(c.components.map(\.weight) == ["0.2", "0.3", "0.3", "0.2"].compactMap { ExactDecimal($0) })
        #expect(c.bulletin.failAt == 1 && c.rectify.workingDays == 5)
        #expect(c.bands.map(\.name) == ["优秀", "良好", "合格", "不合格"])
        #expect(c.bands.map(\.en) == ["Excellent", "Good", "Pass", "Fail"])
        #expect(c.bands.map(\.min) == [90, 80, 60, 0])
        #expect(c.quota == Quota(band: "优秀", share: ExactDecimal("0.3") ?? 0))
        #expect(c.veto.band == "不合格")
        #expect(c.adjustments == Adjustments(bonusCap: 3, penaltyCap: 10))
        #expect(c.survey == SurveyRule(component: "survey", basicWeight: ExactDecimal("0.8") ?? 0,
                                       commend: ExactDecimal("0.95"), warn: ExactDecimal("0.8")))
        #expect(c.targetShare == 4)
        #expect(Set(c.consequences.keys) == Set(ConsequenceKind.allCases))
        #expect(c.consequences[.rectifyLate]?.zh == ["告诫或批评教育"])
        #expect(c.consequences[.monthFail]?.zh == ["全区通报批评", "约谈主要领导"])
        #expect(c.consequences[.periodLast]?.zh == ["全区通报批评", "约谈主要领导"])
        #expect(c.consequences[.surveyWarn]?.zh == ["约谈主要领导", "书面检查"])
        #expect(c.consequences[.veto]?.zh == ["一票否决", "取消年度评优资格", "党纪政纪处分"])
        #expect(c.consequences[.annualFail]?.zh == ["全区通报批评", "约谈主要领导", "效能监察", "书面检查"])
        #expect(c.consequences.values.allSatisfy { $0.en.count == $0.zh.count })
    }

    /// The example in docs/criteria.md.
    @Test func weibinWithAWrongSum() throws {
        let path = Repository.path("Criteria/weibin-2020.json5")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let old = "\"Interpretation, Response and Participation\", points: 15"
        #expect(text.components(separatedBy: old).count == 2)
        let changed = text.replacingOccurrences(of: old, with: "\"Interpretation, Response and Participation\", points: 10")
        let (criteria, diagnostics) = CriteriaLoader.parse(changed, file: "Criteria/weibin-2020.json5")
        #expect(criteria == nil)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.line == 80 && d.column == 70)
        #expect(d.message.zh == "categories[5].points: 各类别分值之和为 95，应等于满分 scale 100")
        #expect(d.message.en == "categories[5].points: category points add up to 95; they must add up to scale 100")
    }

    @Test func baodingLoadsCleanly() throws {
        let (criteria, diagnostics) = CriteriaLoader.load(path: Repository.path("Criteria/baoding-2011.json5"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let c = try #require(criteria)
        #expect(c.id == "baoding-2011" && c.title == "保定市政务公开工作考核")
        #expect(c.categories.map(\.id) == ["disclose", "apply", "platform", "support"])
        #expect(c.categories.map(\.points) == [40, 20, 20, 20])
        #expect(c.items.map(\.item.id) == ["bd-timely", "bd-complete", "bd-key", "bd-apply", "bd-reply", "bd-site",
                                           "bd-media", "bd-system", "bd-training"])
        #expect(c.items.map(\.item.deduction) == [2, 2, 3, 3, 2, 2, 2, 2, 2])
        #expect(c.parts.map(\.id) == ["daily", "spot", "final"])
        #expect(c.parts.map(\.weight) == ["0.4", "0.2", "0.4"].compactMap { ExactDecimal($0) })
        #expect(c.checksPeriod == .half)
        #expect(c.components.map(\.id) == ["spot-h1", "spot-h2", "report", "review"])
        #expect(c.bands.map(\.name) == ["优秀", "良好", "一般", "差"])
        #expect(c.bands.map(\.min) == [90, 75, 60, 0])
        #expect(c.quota == Quota(band: "优秀", share: ExactDecimal("0.2") ?? 0))
        #expect(c.veto.band == "差" && c.survey == nil)
        #expect(c.adjustments == Adjustments(bonusCap: 5, penaltyCap: nil))
        #expect(c.bulletin.failAt == 2 && c.rectify.workingDays == 10 && c.targetShare == 5)
        #expect(c.calendar == "calendars/cn")
        #expect(c.consequences[.surveyWarn] == nil && c.consequences[.monthFail]?.zh == ["通报批评"])
    }

    // MARK: Defaults and exactness

    @Test func defaults() throws {
        let (criteria, diagnostics) = load(("  survey: { component: \"c2\", basicWeight: 0.8, commend: 0.95, warn: 0.8 },\n", ""),
                                           ("  quota: { band: \"优秀\", share: 0.3 },\n", ""))
        #expect(diagnostics.isEmpty)
        let c = try #require(criteria)
        #expect(c.source == "" && c.en == nil && c.calendar == nil)
        #expect(c.bulletin.failAt == 1 && c.rectify.workingDays == 5)
        #expect(c.quota == nil && c.survey == nil)
        #expect(c.adjustments.bonusCap == nil && c.adjustments.penaltyCap == nil)
        #expect(c.consequences.isEmpty)
        let survey = try #require(load(("basicWeight: 0.8, ", "")).criteria?.survey)
        #expect(survey.basicWeight == .one)
        let nulls = try #require(load(("  targetShare: 4,", "  targetShare: 4, adjustments: { bonusCap: null }, en: null,")).criteria)
        #expect(nulls.adjustments.bonusCap == nil && nulls.en == nil)
    }

    @Test func decimalWeightsAreExact() throws {
        // 0.1 + 0.2 + 0.7 is not 1 in binary floating point; here it is exactly 1.
        let (criteria, diagnostics) = load((
            "      { id: \"c1\", name: \"项目一\", weight: 0.6 },\n      { id: \"c2\", name: \"项目二\", weight: 0.4 },",
            "      { id: \"c1\", name: \"项目一\", weight: 0.1 },\n      { id: \"c2\", name: \"项目二\", weight: 0.2 },\n      { id: \"c3\", name: \"项目三\", weight: 0.7 },"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let c = try #require(criteria)
        #expect(c.components.map(\.weight) == [ExactDecimal(mantissa: 1, exponent: 1), ExactDecimal(mantissa: 2, exponent: 1),
                                               ExactDecimal(mantissa: 7, exponent: 1)])
        #expect(ExactDecimal.sum(c.components.map(\.weight)) == .one)
        // Literal text is kept exactly: 0.30 stays 30 hundredths, 3e-1 is 0.3.
        let e = try #require(load(("share: 0.3", "share: 3e-1")).criteria)
        #expect(e.quota?.share == ExactDecimal("0.30"))
    }

    // MARK: Fields

    @Test func unknownField() throws {
        let d = try #require(single(("points: 60,", "points: 60, pionts: 1,")))
        #expect(d.line == 7 && d.column == 39)
        #expect(d.message.zh == "categories[0].pionts: 未知字段 “pionts”，是否应为 “points”？此处可用的字段：id、name、en、points、items")
        #expect(d.message.en == "categories[0].pionts: unknown field \"pionts\"; did you mean \"points\"? Valid fields here: id, name, en, points, items")
        #expect(d.excerpt == "    { id: \"a\", name: \"甲\", points: 60, pionts: 1, items: [")
        #expect(d.file == "Criteria/t.json5")
        #expect(d.severity == .error)
        let root = try #require(single(("  places: 2,", "  places: 2, colour: 1,")))
        #expect(root.line == 5 && root.column == 14)
        #expect(root.message.en.hasPrefix("colour: unknown field \"colour\"; valid fields here: id, title, en, source, scale, places, categories, parts, bulletin, rectify, calendar, bands, quota, veto, adjustments, survey, targetShare, consequences"))
    }

    @Test func missingField() throws {
        let d = try #require(single(("  title: \"测试\",\n", "")))
        #expect(d.line == 1 && d.column == 1)
        #expect(d.message.zh == "title: 缺少必填字段 “title”")
        #expect(d.message.en == "title: required field \"title\" is missing")
        let nested = try #require(single((", deduction: 2 }", " }")))
        #expect(nested.line == 8 && nested.column == 7)
        #expect(nested.message.en == "categories[0].items[0].deduction: required field \"deduction\" is missing")
    }

    @Test func wrongType() throws {
        let d = try #require(single(("scale: 100", "scale: \"100\"")))
        #expect(d.line == 4 && d.column == 10)
        #expect(d.message.zh == "scale: 应为数字，实际是字符串 \"100\"")
        #expect(d.message.en == "scale: expected a number, found the string \"100\"")
        let list = try #require(single(("  bands: [", "  bands: {x: ["), ("  ],\n  quota", "  ]},\n  quota")))
        #expect(list.line == 21 && list.column == 10)
        #expect(list.message.en == "bands: expected an array […], found an object {…}")
        let name = try #require(single(("name: \"甲\"", "name: true")))
        #expect(name.line == 7 && name.column == 22)
        #expect(name.message.zh == "categories[0].name: 应为字符串，实际是 true")
        // A document that is no criteria at all (here an array) is refused whole, its text unshown.
        let top = try #require(CriteriaLoader.parse("[1]", file: "x").diagnostics.first)
        #expect(top.code.rawValue == "file.not-this-kind")
        #expect(top.line == nil && top.excerpt == nil)
    }

    @Test func emptyOrSpacedIds() throws {
        let empty = try #require(single(("id: \"a1\"", "id: \" \"")))
        #expect(empty.line == 8 && empty.column == 13)
        #expect(empty.message.en == "categories[0].items[0].id: must not be empty")
        #expect(empty.message.zh == "categories[0].items[0].id: 不能为空")
        let spaced = try #require(single(("id: \"a1\"", "id: \"a1 \"")))
        #expect(spaced.line == 8 && spaced.column == 13)
        #expect(spaced.message.zh == "categories[0].items[0].id: “a1 ” 首尾有空白；请删去空格")
        #expect(spaced.message.en == "categories[0].items[0].id: \"a1 \" has leading or trailing spaces; remove them")
    }

    @Test func duplicateJSONKey() throws {
        let d = try #require(single(("  places: 2,", "  places: 2, places: 3,")))
        #expect(d.line == 5 && d.column == 14)
        #expect(d.message.zh == "places: 键 “places” 重复（第一次出现在第 5 行第 3 列）；同一对象中每个键只能出现一次")
        #expect(d.message.en == "places: duplicate key \"places\" (first given at line 5, column 3); a key may appear only once in an object")
    }

    // MARK: Duplicate ids

    @Test func duplicateCategoryId() throws {
        let d = try #require(single(("id: \"b\", name: \"乙\"", "id: \"a\", name: \"乙\"")))
        #expect(d.line == 10 && d.column == 11)
        #expect(d.message.zh == "categories[1].id: 类别 id “a” 重复（已用于 categories[0].id）；类别 id 须各不相同")
        #expect(d.message.en == "categories[1].id: category id \"a\" is used twice (also at categories[0].id); category ids must be unique")
    }

    @Test func duplicateItemIdAcrossCategories() throws {
        let d = try #require(single(("id: \"b1\"", "id: \"a1\"")))
        #expect(d.line == 11 && d.column == 13)
        #expect(d.message.zh == "categories[1].items[0].id: 检查项 id “a1” 重复（已用于 categories[0].items[0].id）；检查项 id 在所有类别中须唯一，因为 checks.csv 按 id 引用检查项")
        #expect(d.message.en == "categories[1].items[0].id: item id \"a1\" is used twice (also at categories[0].items[0].id); item ids must be unique across all categories because checks.csv refers to items by id")
    }

    @Test func duplicatePartId() throws {
        let d = try #require(single(("id: \"yearEnd\"", "id: \"daily\"")))
        #expect(d.line == 16 && d.column == 11)
        #expect(d.message.en == "parts[1].id: part id \"daily\" is used twice (also at parts[0].id); part ids must be unique")
    }

    @Test func duplicateComponentId() throws {
        let d = try #require(single(("id: \"c2\"", "id: \"c1\""), ("component: \"c2\"", "component: \"c1\"")))
        #expect(d.line == 18 && d.column == 13)
        #expect(d.message.en == "parts[1].components[1].id: component id \"c1\" is used twice (also at parts[1].components[0].id); component ids must be unique across all parts because scores.csv refers to components by id")
        #expect(d.message.zh == "parts[1].components[1].id: 项目 id “c1” 重复（已用于 parts[1].components[0].id）；项目 id 在所有部分中须唯一，因为 scores.csv 按 id 引用项目")
    }

    @Test func duplicateBandName() throws {
        let d = try #require(single(("name: \"合格\"", "name: \"优秀\"")))
        #expect(d.line == 23 && d.column == 13)
        #expect(d.message.zh == "bands[1].name: 等次名称 “优秀” 重复（已用于 bands[0].name）；等次名称须各不相同")
        #expect(d.message.en == "bands[1].name: band name \"优秀\" is used twice (also at bands[0].name); band names must be unique")
    }

    // MARK: Sums

    @Test func categoryPointsMustAddUpToScale() throws {
        let d = try #require(single(("points: 40", "points: 35")))
        #expect(d.line == 10 && d.column == 35)
        #expect(d.message.zh == "categories[1].points: 各类别分值之和为 95，应等于满分 scale 100")
        #expect(d.message.en == "categories[1].points: category points add up to 95; they must add up to scale 100")
    }

    @Test func partWeightsMustAddUpToOne() throws {
        let d = try #require(single(("weight: 0.5, kind: \"checks\"", "weight: 0.4, kind: \"checks\"")))
        #expect(d.line == 16 && d.column == 42)
        #expect(d.message.zh == "parts[1].weight: 各部分权重之和为 0.9，应为 1")
        #expect(d.message.en == "parts[1].weight: part weights add up to 0.9; they must add up to 1")
    }

    @Test func componentWeightsMustAddUpToOne() throws {
        let d = try #require(single(("weight: 0.4 }", "weight: 0.45 }")))
        #expect(d.line == 18 && d.column == 40)
        #expect(d.message.zh == "parts[1].components[1].weight: 部分 yearEnd 的各项目权重之和为 1.05，应为 1")
        #expect(d.message.en == "parts[1].components[1].weight: the component weights of part yearEnd add up to 1.05; they must add up to 1")
    }

    @Test func onlyOneChecksPart() throws {
        let d = try #require(single((
            "{ id: \"daily\", name: \"日常\", weight: 0.5, kind: \"checks\", period: \"quarter\" },",
            "{ id: \"daily\", name: \"日常\", weight: 0.25, kind: \"checks\", period: \"quarter\" }, { id: \"d2\", name: \"日常二\", weight: 0.25, kind: \"checks\", period: \"month\" },")))
        #expect(d.line == 15 && d.column == 128)
        #expect(d.message.zh == "parts[1].kind: 只能有一个 checks 部分（parts[0] 已是 checks）；请合并或把本部分改为 scores")
        #expect(d.message.en == "parts[1].kind: only one part may be of kind \"checks\" (parts[0] already is); merge them or make this part \"scores\"")
    }

    @Test func unknownKindAndPeriod() throws {
        let kind = try #require(single(("kind: \"checks\"", "kind: \"check\"")))
        #expect(kind.line == 15 && kind.column == 51)
        #expect(kind.message.zh == "parts[0].kind: 未知的类型 “check”；可选：checks（按检查记录计分）、scores（按 scores.csv 计分）")
        #expect(kind.message.en == "parts[0].kind: unknown kind \"check\"; valid kinds: checks (scored from the check log), scores (scored from scores.csv)")
        let period = try #require(single(("period: \"quarter\"", "period: \"year\"")))
        #expect(period.line == 15 && period.column == 69)
        #expect(period.message.zh == "parts[0].period: 未知的排名周期 “year”；可选：quarter（季）、half（半年）、month（月）")
        #expect(period.message.en == "parts[0].period: unknown ranking period \"year\"; valid periods: quarter, half, month")
        let misplaced = try #require(single(("period: \"quarter\"", "period: \"quarter\", components: []")))
        #expect(misplaced.line == 15 && misplaced.column == 80)
        #expect(misplaced.message.en == "parts[0].components: unknown field \"components\"; valid fields here: id, name, en, weight, kind, period")
    }

    // MARK: Bands and references

    @Test func bandsMustDescend() throws {
        let d = try #require(single(("min: 60", "min: 95")))
        #expect(d.line == 23 && d.column == 24)
        #expect(d.message.zh == "bands[1].min: 等次下限 95 不低于前面等次 优秀 的下限 90；bands 须从高到低排列，下限严格递减")
        #expect(d.message.en == "bands[1].min: band min 95 is not below the min 90 of band 优秀 listed before it; bands go from highest to lowest with strictly descending min")
        let equal = try #require(single(("min: 60", "min: 90")))
        #expect(equal.line == 23 && equal.column == 24)
        #expect(equal.message.en.hasPrefix("bands[1].min: band min 90 is not below the min 90"))
        // A band out of order is compared with the last band in order, which is named.
        let (_, twice) = load(("min: 60", "min: 95"), ("min: 0 }", "min: 92 }"), ("  ],\n  quota", "    { name: \"差\", min: 0 },\n  ],\n  quota"))
        #expect(twice.map(\.message.en) == [
            "bands[1].min: band min 95 is not below the min 90 of band 优秀 listed before it; bands go from highest to lowest with strictly descending min",
            "bands[2].min: band min 92 is not below the min 90 of band 优秀 listed before it; bands go from highest to lowest with strictly descending min",
        ])
    }

    @Test func lastBandMustBeZero() throws {
        let d = try #require(single(("min: 0 }", "min: 10 }")))
        #expect(d.line == 24 && d.column == 25)
        #expect(d.message.zh == "bands[2].min: 最后一个等次的下限为 10，应为 0（每个总分都须落入某一等次）")
        #expect(d.message.en == "bands[2].min: the last band's min is 10; it must be 0 (every total must fall in a band)")
    }

    @Test func bandAboveScale() throws {
        let d = try #require(single(("min: 90", "min: 101")))
        #expect(d.line == 22 && d.column == 24)
        #expect(d.message.zh == "bands[0].min: 等次下限 101 高于满分 scale 100")
        #expect(d.message.en == "bands[0].min: band min 101 is above scale 100")
    }

    @Test func quotaBandMustExist() throws {
        let d = try #require(single(("quota: { band: \"优秀\"", "quota: { band: \"卓越\"")))
        #expect(d.line == 26 && d.column == 18)
        #expect(d.message.zh == "quota.band: 等次 “卓越” 不存在；可选：优秀、合格、不合格")
        #expect(d.message.en == "quota.band: band \"卓越\" does not exist; valid bands: 优秀, 合格, 不合格")
    }

    @Test func quotaBandMustNotBeTheLowest() throws {
        let d = try #require(single(("quota: { band: \"优秀\"", "quota: { band: \"不合格\"")))
        #expect(d.line == 26 && d.column == 18)
        #expect(d.message.zh == "quota.band: 等次 “不合格” 是最低等次，超出名额的单位无法再降一等；名额限制应设在更高的等次上")
        #expect(d.message.en == "quota.band: band \"不合格\" is the lowest band, so units over the quota have no lower band to move to; put the quota on a higher band")
    }

    @Test func vetoBandMustExist() throws {
        let d = try #require(single(("veto: { band: \"不合格\" }", "veto: { band: \"差\" }")))
        #expect(d.line == 27 && d.column == 17)
        #expect(d.message.zh == "veto.band: 等次 “差” 不存在；可选：优秀、合格、不合格")
        #expect(d.message.en == "veto.band: band \"差\" does not exist; valid bands: 优秀, 合格, 不合格")
    }

    @Test func surveyComponentMustExist() throws {
        let d = try #require(single(("component: \"c2\"", "component: \"poll\"")))
        #expect(d.line == 28 && d.column == 24)
        #expect(d.message.zh == "survey.component: 项目 “poll” 不存在；可选：c1、c2")
        #expect(d.message.en == "survey.component: component \"poll\" does not exist; valid components: c1, c2")
    }

    // MARK: Numbers

    @Test func negativeNumbers() throws {
        let d = try #require(single(("deduction: 2", "deduction: -2")))
        #expect(d.line == 8 && d.column == 42)
        #expect(d.message.zh == "categories[0].items[0].deduction: 不能为负数，实际是 -2")
        #expect(d.message.en == "categories[0].items[0].deduction: must not be negative, found -2")
        let weight = try #require(single(("weight: 0.6", "weight: -0.6")))
        #expect(weight.line == 17 && weight.column == 40)
        #expect(weight.message.en == "parts[1].components[0].weight: must not be negative, found -0.6")
        let cap = try #require(single(("  targetShare: 4,", "  targetShare: 4, adjustments: { bonusCap: 3, penaltyCap: -1 },")))
        #expect(cap.line == 29 && cap.column == 59)
        #expect(cap.message.en == "adjustments.penaltyCap: must not be negative, found -1")
    }

    @Test func deductionAboveCategoryPoints() throws {
        let d = try #require(single(("deduction: 2", "deduction: 61")))
        #expect(d.line == 8 && d.column == 42)
        #expect(d.message.zh == "categories[0].items[0].deduction: 扣分 61 大于所属类别 a 的分值 60；扣分应在 0 到 60 之间")
        #expect(d.message.en == "categories[0].items[0].deduction: deduction 61 is more than the points (60) of its category a; it must be between 0 and 60")
    }

    @Test func places() throws {
        let seven = try #require(single(("places: 2", "places: 7")))
        #expect(seven.line == 5 && seven.column == 11)
        #expect(seven.message.zh == "places: 应为 0 到 6 之间的整数，实际是 7")
        #expect(seven.message.en == "places: expected an integer from 0 to 6, found 7")
        #expect(try #require(single(("places: 2", "places: 2.5"))).message.en == "places: expected an integer from 0 to 6, found 2.5")
        #expect(try #require(single(("places: 2", "places: -1"))).message.en == "places: expected an integer from 0 to 6, found -1")
        #expect(try #require(single(("places: 2", "places: \"2\""))).message.en == "places: expected an integer from 0 to 6, found the string \"2\"")
        #expect(load(("places: 2", "places: 2.0")).criteria?.places == 2)
    }

    @Test func positiveIntegers() throws {
        let (_, diagnostics) = load(("  targetShare: 4,", "  targetShare: 4, bulletin: { failAt: 0 }, rectify: { workingDays: 1.5 },"))
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.column) == [39, 68])
        #expect(diagnostics.map(\.message.zh) == ["bulletin.failAt: 应为正整数，实际是 0", "rectify.workingDays: 应为正整数，实际是 1.5"])
        #expect(diagnostics.map(\.message.en) == ["bulletin.failAt: expected a positive integer, found 0",
                                                  "rectify.workingDays: expected a positive integer, found 1.5"])
        // A whole number above the range is told the range, whatever its size.
        let (_, large) = load(("  targetShare: 4,", "  targetShare: 4, bulletin: { failAt: 1000001 }, rectify: { workingDays: 9999999999999999999 },"))
        #expect(large.map(\.message.zh) == ["bulletin.failAt: 应为 1 到 1000000 之间的整数，实际是 1000001",
                                             "rectify.workingDays: 应为 1 到 1000000 之间的整数，实际是 9999999999999999999"])
        #expect(large.first?.message.en == "bulletin.failAt: expected an integer from 1 to 1000000, found 1000001")
        #expect(load(("  targetShare: 4,", "  targetShare: 4, rectify: { workingDays: 1000000 },")).criteria?.rectify.workingDays == 1_000_000)
        let missing = try #require(single(("  targetShare: 4,", "  targetShare: 4, bulletin: {},")))
        #expect(missing.line == 29 && missing.column == 29)
        #expect(missing.message.en == "bulletin.failAt: required field \"failAt\" is missing")
    }

    @Test func sharesAndRatesBetweenZeroAndOne() throws {
        let d = try #require(single(("share: 0.3", "share: 1.5")))
        #expect(d.line == 26 && d.column == 31)
        #expect(d.message.zh == "quota.share: 应在 0 到 1 之间，实际是 1.5")
        #expect(d.message.en == "quota.share: must be between 0 and 1, found 1.5")
        let (_, rates) = load(("commend: 0.95, warn: 0.8", "commend: 1.2, warn: -0.1"))
        #expect(rates.map(\.message.en) == ["survey.commend: must be between 0 and 1, found 1.2",
                                            "survey.warn: must be between 0 and 1, found -0.1"])
        #expect(rates.map(\.column) == [57, 68])
        let basic = try #require(single(("basicWeight: 0.8", "basicWeight: 2")))
        #expect(basic.line == 28 && basic.column == 43)
        #expect(basic.message.en == "survey.basicWeight: must be between 0 and 1, found 2")
    }

    @Test func scaleAndTargetShare() throws {
        let scale = try #require(single(("scale: 100", "scale: 0")))
        #expect(scale.line == 4 && scale.column == 10)
        #expect(scale.message.zh == "scale: 应大于 0，实际是 0")
        #expect(scale.message.en == "scale: must be greater than 0, found 0")
        let share = try #require(single(("targetShare: 4", "targetShare: 120")))
        #expect(share.line == 29 && share.column == 16)
        #expect(share.message.zh == "targetShare: 是百分数，应在 0 到 100 之间，实际是 120")
        #expect(share.message.en == "targetShare: is a percentage and must be between 0 and 100, found 120")
    }

    @Test func notPlainDecimals() throws {
        let inf = try #require(single(("scale: 100", "scale: Infinity")))
        #expect(inf.line == 4 && inf.column == 10)
        #expect(inf.message.zh == "scale: 应为十进制数字，实际是 Infinity")
        #expect(inf.message.en == "scale: expected a decimal number, found Infinity")
        #expect(try #require(single(("scale: 100", "scale: 0x64"))).message.en == "scale: expected a decimal number, found 0x64")
        #expect(try #require(single(("targetShare: 4", "targetShare: NaN"))).message.en == "targetShare: expected a decimal number, found NaN")
        let big = try #require(single(("share: 0.3", "share: 0.3000000000001")))
        #expect(big.line == 26 && big.column == 31)
        #expect(big.message.en == "quota.share: number 0.3000000000001 is out of the exact range (at most 9 digits before and 10 after the decimal point); check for extra digits, and round long decimals")
        #expect(big.message.zh == "quota.share: 数字 0.3000000000001 超出可精确计算的范围（整数部分至多 9 位，小数部分至多 10 位）；请检查是否多打了数字，小数请四舍五入")
        // Leading and trailing zeros do not count; ten decimals and nine digits are accepted.
        #expect(load(("share: 0.3", "share: 0.3000000000")).criteria?.quota?.share == ExactDecimal("0.3"))
        #expect(load(("share: 0.3", "share: 0.1234567891")).criteria?.quota?.share == ExactDecimal("0.1234567891"))
        #expect(try #require(single(("scale: 100", "scale: 1000000000"))).message.en.hasPrefix("scale: number 1000000000 is out of the exact range"))
    }

    // MARK: Consequences

    @Test func consequences() throws {
        let good = try #require(load(("  targetShare: 4,", "  targetShare: 4, consequences: { veto: { actions: [\"一票否决\"], en: [\"Veto\"] }, \"month-fail\": { actions: [] } },")).criteria)
        #expect(good.consequences[.veto] == ConsequenceActions(zh: ["一票否决"], en: ["Veto"]))
        #expect(good.consequences[.monthFail] == ConsequenceActions(zh: []))
        let (_, diagnostics) = load(("  targetShare: 4,", "  targetShare: 4, consequences: { late: { actions: [\"批评\"] }, veto: { actions: [\"一票否决\"], en: \"veto\" } },"))
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first?.line == 29 && diagnostics.first?.column == 35)
        #expect(diagnostics.first?.message.zh == "consequences.late: 未知的责任追究类型 “late”；可选：rectify-late、month-fail、period-last、survey-warn、veto、annual-fail")
        #expect(diagnostics.first?.message.en == "consequences.late: unknown consequence kind \"late\"; valid kinds: rectify-late, month-fail, period-last, survey-warn, veto, annual-fail")
        #expect(diagnostics.last?.line == 29 && diagnostics.last?.column == 93)
        #expect(diagnostics.last?.message.en == "consequences.veto.en: expected an array […], found the string \"veto\"")
        let missing = try #require(single(("  targetShare: 4,", "  targetShare: 4, consequences: { \"rectify-late\": { en: [] } },")))
        #expect(missing.line == 29 && missing.column == 51)
        #expect(missing.message.en == "consequences.rectify-late.actions: required field \"actions\" is missing")
    }

    // MARK: Everything at once

    @Test func reportsAllErrorsInFileOrder() {
        let (criteria, diagnostics) = load(("scale: 100", "scale: -100"),
                                           ("deduction: 3", "deduction: \"3\""),
                                           ("weight: 0.4 }", "weight: 0.3 }"),
                                           ("veto: { band: \"不合格\" }", "veto: { band: \"差\" }"),
                                           ("  targetShare: 4,", "  targetShare: 4, extra: 1,"))
        #expect(criteria == nil)
        #expect(diagnostics.map(\.message.en) == [
            "scale: must not be negative, found -100",
            "categories[1].items[0].deduction: expected a number, found the string \"3\"",
            "parts[1].components[1].weight: the component weights of part yearEnd add up to 0.9; they must add up to 1",
            "veto.band: band \"差\" does not exist; valid bands: 优秀, 合格, 不合格",
            "extra: unknown field \"extra\"; valid fields here: id, title, en, source, scale, places, categories, parts, bulletin, rectify, calendar, bands, quota, veto, adjustments, survey, targetShare, consequences, deadlines, ranking, gates",
        ])
        #expect(diagnostics.map(\.line) == [4, 11, 18, 27, 29])
    }

    @Test func syntaxErrorStopsLoading() throws {
        let d = try #require(single(("  places: 2,", "  places: 2")))
        #expect(d.line == 6 && d.column == 3)
        #expect(d.message.en == "syntax error: expected ',' or '}' after an object member, found 'c'")
    }

    @Test func unreadableFile() throws {
        let (criteria, diagnostics) = CriteriaLoader.load(path: "no/such/criteria.json5")
        #expect(criteria == nil)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.file == "no/such/criteria.json5" && d.line == nil)
        #expect(d.message.zh == "找不到评分标准文件 no/such/criteria.json5；请检查路径是否正确")
        #expect(d.message.en == "criteria file no/such/criteria.json5 not found; check the path")
        let folder = try #require(CriteriaLoader.load(path: Repository.path("Criteria")).diagnostics.first)
        #expect(folder.message.en.hasSuffix("/Criteria is a folder; expected a criteria file"))
    }

    @Test func fuzzedCriteriaNeverCrash() {
        var random = SplitMix64(seed: 7)
        let chars = Array(CriteriaLoaderTests.base)
        let alphabet = Array("{}[]:,\"' -.0123456789aeinx\n")
        for _ in 0..<1500 {
            var c = chars
            for _ in 0..<(1 + random.below(3)) {
                let i = random.below(c.count)
                if random.below(2) == 0 { c[i] = alphabet[random.below(alphabet.count)] } else { c.remove(at: i) }
            }
            let (criteria, diagnostics) = CriteriaLoader.parse(String(c), file: "f")
            #expect(criteria != nil || diagnostics.contains { $0.isError })
        }
    }

    // MARK: Manifest

    @Test func manifest() throws {
        let text = """
        // 2025 年度
        { year: 2025, title: "2025 年度政务公开考核", criteria: "../../Criteria/weibin-2020.json5" }
        """
        let (manifest, diagnostics) = ManifestLoader.parse(text, file: "Samples/a/assessment.json5")
        #expect(diagnostics.isEmpty)
        let m = try #require(manifest)
        #expect(m == Manifest(year: 2025, title: "2025 年度政务公开考核", criteria: "../../Criteria/weibin-2020.json5"))
        #expect(m.criteriaPath(folder: "Samples/a") == "Samples/a/../../Criteria/weibin-2020.json5")
        #expect(m.criteriaPath(folder: "Samples/a/") == "Samples/a/../../Criteria/weibin-2020.json5")
        #expect(Manifest(year: 2025, title: "", criteria: "/abs/c.json5").criteriaPath(folder: "x") == "/abs/c.json5")
    }

    @Test func manifestErrors() {
        let (manifest, diagnostics) = ManifestLoader.parse("{\n  year: 1999,\n  titel: 'x',\n  criteria: 5,\n}", file: "m.json5")
        #expect(manifest == nil)
        #expect(diagnostics.map(\.message.zh) == [
            "title: 缺少必填字段 “title”",
            "year: 应为 2000 到 2100 之间的整数年份，实际是 1999",
            "titel: 未知字段 “titel”，是否应为 “title”？此处可用的字段：year、title、criteria、office、docNumber、workbook",
            "criteria: 应为字符串，实际是数字 5",
        ])
        #expect(diagnostics.map(\.message.en) == [
            "title: required field \"title\" is missing",
            "year: expected a whole year from 2000 to 2100, found 1999",
            "titel: unknown field \"titel\"; did you mean \"title\"? Valid fields here: year, title, criteria, office, docNumber, workbook",
            "criteria: expected a string, found the number 5",
        ])
        #expect(diagnostics.map(\.line) == [1, 2, 3, 4])
        #expect(diagnostics.map(\.column) == [1, 9, 3, 13])
        #expect(ManifestLoader.parse("{year: 2025.5, title: 't', criteria: 'c'}", file: "m").diagnostics.first?.message.en
                == "year: expected a whole year from 2000 to 2100, found 2025.5")
        #expect(ManifestLoader.load(path: "no/assessment.json5").diagnostics.first?.message.zh
                == "找不到考核年度说明文件 no/assessment.json5；请检查路径是否正确")
    }
}
