/// A unit of a sample year and the profile the generator gives it.
struct SampleUnit {
    let id: String
    let name: String
    let group: String
    /// 0 = the best-run unit; drives every other property.
    var rank = 0
    /// Chance, per check, that the check finds something (‰).
    var failPerMille = 50
    /// The annual total the year-end scores are chosen to reach, in hundredths.
    var target = 9000
    /// Category ids that do not apply to the unit (the `exempt` column of units.csv).
    var exempt: [String] = []
    /// Category indices of `exempt`, where checks never fail.
    var exemptCategories: Set<Int> = []
}

/// Fictional unit names. Real district names are avoided on purpose.
enum UnitNames {
    static let towns = ["青石镇", "柳河街道", "桃园街道", "云岭镇", "松溪镇",
                        "白鹭街道", "金沙街道", "石门镇", "杏林街道", "凤鸣镇"]
    static let departments = ["区发改局", "区教育局", "区科技局", "区工信局", "区民政局",
                              "区司法局", "区财政局", "区人社局", "区自然资源分局", "区生态环境分局",
                              "区住建局", "区交通运输局", "区水利局", "区农业农村局", "区商务局",
                              "区文旅局", "区卫健局", "区退役军人事务局", "区应急管理局", "区审计局",
                              "区市场监管局", "区统计局", "区医保局", "区城管执法局", "区行政审批服务局"]
    static let counties = ["望川县", "云台县", "北苑区", "临溪区"]
    static let cityDepartments = ["市发展改革委", "市教育局", "市卫生健康委", "市市场监管局"]

    /// `count` units named from `names`, numbered `prefix01`…; past the list, names repeat
    /// with a number (`青石镇2`) so that every name stays unique.
    static func make(_ count: Int, prefix: String, names: [String], group: String) -> [SampleUnit] {
        let width = max(2, String(count).count)
        return (0..<count).map { index in
            let number = String(index + 1)
            let id = prefix + String(repeating: "0", count: max(0, width - number.count)) + number
            let round = index / names.count
            let name = names[index % names.count] + (round == 0 ? "" : String(round + 1))
            return SampleUnit(id: id, name: name, group: group)
        }
    }
}
