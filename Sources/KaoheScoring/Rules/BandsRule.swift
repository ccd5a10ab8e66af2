import KaoheModel

/// docs/scoring.md §7 — grade bands (等次): the first band, highest first, whose minimum the
/// rounded total reaches; nil in a scheme without bands.
package enum BandsRule {
    package static func band(for total: ExactDecimal, bands: [Band]) -> String? {
        bands.first { total >= $0.min }?.name ?? bands.last?.name
    }

    /// The band below `name`, or `name` itself when it is the lowest.
    static func band(below name: String, bands: [Band]) -> String {
        guard let index = bands.firstIndex(where: { $0.name == name }), index + 1 < bands.count else { return name }
        return bands[index + 1].name
    }

    /// Position of a band, highest first (a band not listed counts as the lowest).
    package static func order(_ name: String?, bands: [Band]) -> Int {
        name.flatMap { n in bands.firstIndex { $0.name == n } } ?? bands.count
    }
}
