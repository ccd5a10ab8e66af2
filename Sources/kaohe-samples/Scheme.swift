/// A check item of a criteria file as the generator needs it: the id must match the
/// criteria (`Criteria/*.json5`), which the generator does not read.
struct ItemSpec {
    let id: String
    /// The item's name in the criteria, used on some rows to show that names are accepted.
    let name: String
    /// Index into ``SchemeSpec/categoryPoints``.
    let category: Int
    /// Default deduction in tenths of a point.
    let deduction: Int
    /// How often this item is found failing, relative to the others.
    let frequency: Int
    /// Typical inspector notes (备注).
    let notes: [String]
}

/// A weighted component of a `scores` part, with its weight in the annual total
/// (part weight × component weight), in thousandths.
struct ComponentSpec {
    let id: String
    let totalWeight: Int
}

/// The column headers and words a data folder uses.
struct Vocabulary {
    let units: [String]
    let checks: [String]
    let scores: [String]
    let events: [String]
    let survey: [String]
    let exempt: String
    let pass: String
    let fail: String
    let bonus: String
    let penalty: String
    let veto: String
}

/// What the generator knows about one criteria file.
struct SchemeSpec {
    let criteriaID: String
    let categoryPoints: [Int]
    let items: [ItemSpec]
    /// Weight of the checks part in the annual total, in thousandths.
    let checksWeight: Int
    /// Periods of the checks part (4 quarters or 2 halves).
    let periods: Int
    let components: [ComponentSpec]
    /// Weight of the survey component in the total (thousandths), 0 without a survey.
    let surveyWeight: Int
    /// Survey weight of 基本满意, in thousandths.
    let basicWeight: Int
    let rectifyDays: Int
    let bonusCap: Int
    let penaltyCap: Int

    func period(ofMonth month: Int) -> Int { (month - 1) / (12 / periods) }
}

extension SchemeSpec {
    /// `Criteria/weibin-2020.json5`.
    static let weibin = SchemeSpec(
        criteriaID: "weibin-2020",
        categoryPoints: [20, 20, 15, 15, 20, 10],
        items: [
            ItemSpec(id: "power-list", name: "权责清单公开", category: 0, deduction: 20, frequency: 5,
                     notes: ["权责清单未按要求动态调整", "权责清单栏目内容不完整"]),
            ItemSpec(id: "decision", name: "重大决策预公开", category: 0, deduction: 20, frequency: 4,
                     notes: ["重大决策草案未公开征求意见", "决策预公开征求意见期限不足"]),
            ItemSpec(id: "enforcement", name: "行政执法公示", category: 0, deduction: 20, frequency: 6,
                     notes: ["行政执法公示信息未在7个工作日内公开", "执法结果公示缺少处罚依据"]),
            ItemSpec(id: "info-active", name: "主动公开信息及时发布", category: 1, deduction: 20, frequency: 14,
                     notes: ["主动公开信息发布不及时", "规范性文件未在规定时限内公开", "财政预决算信息公开不完整"]),
            ItemSpec(id: "info-guide", name: "公开指南和目录更新", category: 1, deduction: 10, frequency: 6,
                     notes: ["政府信息公开指南未及时更新", "公开目录与实际内容不符"]),
            ItemSpec(id: "info-application", name: "依申请公开办理", category: 1, deduction: 20, frequency: 4,
                     notes: ["依申请公开答复超过法定期限", "答复告知书未载明救济途径"]),
            ItemSpec(id: "interpret", name: "政策解读", category: 2, deduction: 20, frequency: 9,
                     notes: ["政策文件未同步发布解读材料", "解读形式单一，仅转载原文"]),
            ItemSpec(id: "opinion", name: "舆情回应", category: 2, deduction: 20, frequency: 4,
                     notes: ["网民留言超过5个工作日未回复", "热点舆情未及时回应"]),
            ItemSpec(id: "participation", name: "公众参与", category: 2, deduction: 10, frequency: 3,
                     notes: ["意见征集结果未反馈", "未公开公众参与情况"]),
            ItemSpec(id: "service-guide", name: "办事服务指南公开", category: 3, deduction: 20, frequency: 8,
                     notes: ["办事指南要素不全", "办事指南与实际办理流程不一致"]),
            ItemSpec(id: "service-result", name: "办理结果公开", category: 3, deduction: 10, frequency: 4,
                     notes: ["办理结果未按期公开", "办件结果信息缺项"]),
            ItemSpec(id: "site-columns", name: "网站页面和栏目更新", category: 4, deduction: 20, frequency: 14,
                     notes: ["栏目超过两周未更新", "网站存在空白栏目", "\"通知公告\"栏目链接失效, 页面无法打开"]),
            ItemSpec(id: "new-media", name: "政务新媒体更新", category: 4, deduction: 20, frequency: 12,
                     notes: ["政务新媒体超过两周未更新", "政务微信公众号留言未回复", "新媒体发布内容存在错别字"]),
            ItemSpec(id: "submission", name: "政务信息报送", category: 4, deduction: 10, frequency: 6,
                     notes: ["政务信息报送数量不足", "信息报送不及时"]),
            ItemSpec(id: "org-leadership", name: "领导机构和工作人员", category: 5, deduction: 10, frequency: 1,
                     notes: ["工作人员调整后未及时报备"]),
            ItemSpec(id: "org-training", name: "业务培训", category: 5, deduction: 10, frequency: 2,
                     notes: ["本季度未组织业务培训"]),
            ItemSpec(id: "org-records", name: "工作台账", category: 5, deduction: 10, frequency: 3,
                     notes: ["工作台账记录不完整", "台账未按月更新"]),
        ],
        checksWeight: 500,
        periods: 4,
        components: [
            ComponentSpec(id: "self-report", totalWeight: 100),
            ComponentSpec(id: "onsite", totalWeight: 150),
            ComponentSpec(id: "third-party", totalWeight: 150),
        ],
        surveyWeight: 100,
        basicWeight: 800,
        rectifyDays: 5,
        bonusCap: 30,
        penaltyCap: 100)

    /// `Criteria/baoding-2011.json5`.
    static let baoding = SchemeSpec(
        criteriaID: "baoding-2011",
        categoryPoints: [40, 20, 20, 20],
        items: [
            ItemSpec(id: "bd-timely", name: "信息发布及时", category: 0, deduction: 20, frequency: 14,
                     notes: ["信息发布滞后", "动态信息超过一周未更新"]),
            ItemSpec(id: "bd-complete", name: "公开内容完整", category: 0, deduction: 20, frequency: 10,
                     notes: ["公开要素不全", "附件缺失"]),
            ItemSpec(id: "bd-key", name: "重点领域信息公开", category: 0, deduction: 30, frequency: 8,
                     notes: ["重点领域信息未按要求公开", "保障性住房信息未公开"]),
            ItemSpec(id: "bd-apply", name: "依申请公开办理", category: 1, deduction: 30, frequency: 5,
                     notes: ["依申请公开办理超期"]),
            ItemSpec(id: "bd-reply", name: "答复文书规范", category: 1, deduction: 20, frequency: 5,
                     notes: ["答复书格式不规范", "答复未引用法律依据"]),
            ItemSpec(id: "bd-site", name: "门户网站维护", category: 2, deduction: 20, frequency: 12,
                     notes: ["网站栏目长期未更新", "网站存在错链"]),
            ItemSpec(id: "bd-media", name: "政务新媒体管理", category: 2, deduction: 20, frequency: 12,
                     notes: ["政务微博超过两周未更新", "新媒体未备案"]),
            ItemSpec(id: "bd-system", name: "制度建设", category: 3, deduction: 20, frequency: 3,
                     notes: ["未建立信息发布审查制度"]),
            ItemSpec(id: "bd-training", name: "培训考核", category: 3, deduction: 20, frequency: 3,
                     notes: ["未开展年度业务培训"]),
        ],
        checksWeight: 400,
        periods: 2,
        components: [
            ComponentSpec(id: "spot-h1", totalWeight: 100),
            ComponentSpec(id: "spot-h2", totalWeight: 100),
            ComponentSpec(id: "report", totalWeight: 160),
            ComponentSpec(id: "review", totalWeight: 240),
        ],
        surveyWeight: 0,
        basicWeight: 1000,
        rectifyDays: 10,
        bonusCap: 50,
        penaltyCap: 1000)
}

extension SchemeSpec {
    /// `Criteria/gov-website-2019.json5`: website inspection only (no scores part, no survey).
    static let govWebsite = SchemeSpec(
        criteriaID: "gov-website-2019",
        categoryPoints: [40, 15, 25, 10, 10],
        items: [
            ItemSpec(id: "web-news", name: "政务动态更新", category: 0, deduction: 20, frequency: 12,
                     notes: ["“工作动态”栏目超过两周未更新", "动态信息转载未注明来源"]),
            ItemSpec(id: "web-catalogue", name: "信息公开目录", category: 0, deduction: 30, frequency: 8,
                     notes: ["信息公开目录内容与实际不符", "法定主动公开内容缺失"]),
            ItemSpec(id: "web-policy", name: "政策文件发布", category: 0, deduction: 30, frequency: 6,
                     notes: ["规范性文件未在网站发布", "政策文件缺少有效性标识"]),
            ItemSpec(id: "web-interpret", name: "政策解读", category: 1, deduction: 30, frequency: 7,
                     notes: ["重要政策未同步发布解读", "解读材料仅转载原文"]),
            ItemSpec(id: "web-response", name: "回应关切", category: 1, deduction: 30, frequency: 3,
                     notes: ["热点问题未及时回应"]),
            ItemSpec(id: "web-guide", name: "办事指南", category: 2, deduction: 30, frequency: 8,
                     notes: ["办事指南要素缺失", "办事指南与政务服务平台不一致"]),
            ItemSpec(id: "web-online", name: "在线办理", category: 2, deduction: 40, frequency: 4,
                     notes: ["在线办理入口链接失效", "表格下载页面无法打开"]),
            ItemSpec(id: "web-message", name: "留言办理", category: 3, deduction: 30, frequency: 6,
                     notes: ["网民留言超过5个工作日未答复", "留言答复内容敷衍"]),
            ItemSpec(id: "web-search", name: "搜索功能", category: 4, deduction: 20, frequency: 4,
                     notes: ["站内搜索结果与关键词不符"]),
            ItemSpec(id: "web-links", name: "链接可用", category: 4, deduction: 10, frequency: 9,
                     notes: ["首页存在错链断链", "栏目页面打开缓慢"]),
        ],
        checksWeight: 1000,
        periods: 2,
        components: [],
        surveyWeight: 0,
        basicWeight: 1000,
        rectifyDays: 5,
        bonusCap: 300,
        penaltyCap: 0)
}

extension Vocabulary {
    static let english = Vocabulary(
        units: ["id", "name", "group"],
        checks: ["date", "unit", "item", "result", "deduction", "note", "rectified"],
        scores: ["unit", "component", "score"],
        events: ["date", "unit", "kind", "points", "clause", "note"],
        survey: ["unit", "satisfied", "basic", "dissatisfied"],
        exempt: "exempt", pass: "pass", fail: "fail", bonus: "bonus", penalty: "penalty", veto: "veto")

    static let chinese = Vocabulary(
        units: ["编号", "单位", "类别"],
        checks: ["日期", "单位", "检查项", "结果", "扣分", "备注", "整改日期"],
        scores: ["单位", "项目", "得分"],
        events: ["日期", "单位", "类型", "分值", "条款", "备注"],
        survey: ["单位", "满意", "基本满意", "不满意"],
        exempt: "不适用", pass: "合格", fail: "不合格", bonus: "加分", penalty: "减分", veto: "一票否决")
}
