/// Resolves references to units, items and components by id or exact name, and suggests the
/// closest known one when a reference is misspelt.
struct References: Sendable {
    struct Entry: Sendable {
        var id: String
        var name: String
    }

    let entries: [Entry]
    private let byID: [String: String]
    private let byName: [String: String]

    init(_ entries: [Entry]) {
        self.entries = entries
        byID = Dictionary(entries.map { ($0.id, $0.id) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(entries.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// The id for `text`, matched by id first, then by exact name.
    func resolve(_ text: String, byNameToo: Bool = true) -> String? {
        byID[text] ?? (byNameToo ? byName[text] : nil)
    }

    /// The closest entry, if one is close enough to be a likely typo.
    func suggestion(for text: String) -> Entry? {
        var best: (entry: Entry, distance: Int)?
        let lowered = text.lowercased()
        for entry in entries {
            for candidate in [entry.id, entry.name] where !candidate.isEmpty {
                var distance = References.editDistance(lowered, candidate.lowercased())
                if candidate.contains(text) || text.contains(candidate) { distance = min(distance, 1) }
                let limit = max(1, min(text.count, candidate.count) / 3)
                if distance <= limit, best == nil || distance < best?.distance ?? .max {
                    best = (entry, distance)
                }
            }
        }
        return best?.entry
    }

    /// " did you mean …?" in both languages, or empty strings.
    func hint(for text: String) -> (zh: String, en: String) {
        guard let entry = suggestion(for: text) else { return ("", "") }
        let label = entry.name == entry.id ? entry.id : "\(entry.id) \(entry.name)"
        return ("；是否指 \"\(label)\"？", "; did you mean \"\(label)\"?")
    }

    /// Levenshtein distance over characters, bounded for long strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
