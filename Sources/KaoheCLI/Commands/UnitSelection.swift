import KaoheKit
/// `--unit` and `--group` checked against the year's units; an unknown one is a usage error
/// that lists what there is.
enum UnitSelection {
    /// The id of the unit `text` names (id or name).
    static func unit(_ text: String, in dataset: Dataset) throws(UsageError) -> String {
        let references = References(dataset.units.map { .init(id: $0.id, name: $0.name) })
        guard let id = references.resolve(text) else {
            let hint = references.hint(for: text)
            throw UsageError(zh: "--unit：未知单位 \"\(text)\"\(hint.zh)", en: "--unit: unknown unit \"\(text)\"\(hint.en)")
        }
        return id
    }

    /// Checks that some unit belongs to `group`.
    static func check(group: String, in dataset: Dataset) throws(UsageError) {
        guard dataset.units.contains(where: { $0.group == group }) else {
            let groups = Assessor.orderedGroups(dataset.units)
            throw UsageError(zh: "--group：未知类别 \"\(group)\"；可用：\(groups.joined(separator: "、"))",
                             en: "--group: unknown group \"\(group)\"; groups: \(groups.joined(separator: ", "))")
        }
    }
}
