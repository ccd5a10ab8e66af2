import KaoheModel
import KaoheInput
import Foundation

/// Resolves references to units, items and components by id or exact name, and suggests the
/// closest known one when a reference is misspelt.
package struct References: Sendable {
    package struct Entry: Sendable {
        package var id: String
        package var name: String
        package init(id: String, name: String) { self.id = id; self.name = name }
    }

    let entries: [Entry]
    private let byID: [String: String]
    private let byName: [String: String]
    /// The entries prepared for `suggestion(for:)`, built on first use (most runs never need it).
    private let index: LazySuggestionIndex

    package init(_ entries: [Entry]) {
        self.entries = entries
        byID = Dictionary(entries.map { ($0.id, $0.id) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(entries.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        index = LazySuggestionIndex(entries)
    }

    /// The id for `text`, matched by id first, then by exact name.
    package func resolve(_ text: String, byNameToo: Bool = true) -> String? {
        byID[text] ?? (byNameToo ? byName[text] : nil)
    }

    /// The closest entry, if one is close enough to be a likely typo.
    ///
    /// Each non-empty id and name, in order, is a candidate. Its distance is the Levenshtein
    /// distance, over characters, of the first 64 characters of the lower-cased text and
    /// candidate, or at most 1 when one of the two (as written) contains the other. It is accepted
    /// when no more than a third of the shorter length (at least 1), and the first candidate at
    /// the smallest distance wins. ``SuggestionIndex`` finds it without measuring every candidate.
    package func suggestion(for text: String) -> Entry? {
        index.get().suggestion(for: text).map { entries[$0] }
    }

    /// " did you mean …?" in both languages, or empty strings.
    package func hint(for text: String) -> (zh: String, en: String) {
        guard let entry = suggestion(for: text) else { return ("", "") }
        let label = entry.name == entry.id ? entry.id : "\(entry.id) \(entry.name)"
        return ("；是否指 \"\(label)\"？", "; did you mean \"\(label)\"?")
    }
}

/// Builds the ``SuggestionIndex`` of some entries once, on first use, and shares it between copies
/// of the ``References`` holding it.
private final class LazySuggestionIndex: @unchecked Sendable {
    // `entries` is immutable; `built` is only touched under `lock`.
    private let entries: [References.Entry]
    private let lock = NSLock()
    private var built: SuggestionIndex?

    init(_ entries: [References.Entry]) {
        self.entries = entries
    }

    func get() -> SuggestionIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = SuggestionIndex(entries)
        built = index
        return index
    }
}

/// Every non-empty id and name of some entries, prepared so that `suggestion(for:)` gives the
/// result of the plain definition (see ``References/suggestion(for:)``) without computing a full
/// edit distance, or a Foundation substring search, against each of them:
///
/// - characters are numbered once (equal characters, canonical equivalence included, get equal
///   numbers), so distances compare integers;
/// - a candidate is only measured up to the distance that could still be accepted and beat the
///   best so far (a banded Levenshtein table that stops when a whole row is over that bound;
///   the length difference alone rules most candidates out);
/// - the "contains" rule is only evaluated where it can change the outcome, and between strings
///   made only of ASCII (carriage return aside) and CJK unified ideographs — where every scalar
///   is a character and two such strings are canonically equivalent only when identical — as a
///   search of their UTF-8 bytes.
struct SuggestionIndex: Sendable {
    private struct Candidate: Sendable {
        /// Index of the entry in `References.entries`.
        var entry: Int
        /// The id or name itself, for Foundation's `contains`.
        var text: String
        /// `text.count`, which sets the accepted distance.
        var count: Int
        /// `codes[codeStart..<codeStart + codeCount]`: the first 64 characters of `text.lowercased()`.
        var codeStart: Int
        var codeCount: Int
        /// `bytes[byteStart..<byteStart + byteCount]`: `text.utf8`, used when `simple`.
        var byteStart: Int
        var byteCount: Int
        /// Made only of characters for which the byte search is exact (see the type's notes).
        var simple: Bool
    }

    /// At most this many characters of each string count.
    static let maxCharacters = 64

    private let candidates: [Candidate]
    private let codes: [UInt32]
    private let bytes: [UInt8]
    /// Character → its number, for characters not numbered by their scalar value (see `init`).
    private let numbers: [Character: UInt32]
    /// The number a character not in the entries gets next.
    private let next: UInt32

    init(_ entries: [References.Entry]) {
        var candidates: [Candidate] = []
        var codes: [UInt32] = []
        var bytes: [UInt8] = []
        candidates.reserveCapacity(entries.count * 2)
        // Simple strings are numbered here: each scalar is a character, numbered by its value
        // after ASCII lower-casing (all `lowercased()` does to them). The others, below.
        var others: [Int] = []
        var ideographs = Set<UInt32>()
        for (position, entry) in entries.enumerated() {
            for text in [entry.id, entry.name] where !text.isEmpty {
                var candidate = Candidate(entry: position, text: text, count: 0, codeStart: codes.count, codeCount: 0,
                                          byteStart: bytes.count, byteCount: text.utf8.count, simple: true)
                bytes.append(contentsOf: text.utf8)
                for scalar in text.unicodeScalars {
                    let value = scalar.value
                    guard SuggestionIndex.isSimple(value) else {
                        candidate.simple = false
                        break
                    }
                    if candidate.count < SuggestionIndex.maxCharacters {
                        if value >= 0x80 {
                            ideographs.insert(value)
                            codes.append(value)
                        } else {
                            codes.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
                        }
                    }
                    candidate.count += 1
                }
                if candidate.simple {
                    candidate.codeCount = codes.count - candidate.codeStart
                } else {
                    codes.removeSubrange(candidate.codeStart...)
                    candidate.count = text.count
                    others.append(candidates.count)
                }
                candidates.append(candidate)
            }
        }
        // Every character numbered by its scalar value is in `numbers` too, so that a character
        // canonically equivalent to one (U+037E GREEK QUESTION MARK is ";", U+F900 is U+8C48)
        // gets the same number; other characters are numbered from U+10FFFF + 1 on.
        var numbers: [Character: UInt32] = [:]
        for value in 0 ..< 0x80 as Range<UInt32> { numbers[Character(Unicode.Scalar(UInt8(value)))] = value }
        for value in ideographs { numbers[Character(Unicode.Scalar(value)!)] = value }
        var next = SuggestionIndex.firstNumber
        for position in others {
            candidates[position].codeStart = codes.count
            for character in candidates[position].text.lowercased().prefix(SuggestionIndex.maxCharacters) {
                if let number = SuggestionIndex.asciiNumber(character) ?? numbers[character] {
                    codes.append(number)
                } else {
                    numbers[character] = next
                    codes.append(next)
                    next += 1
                }
            }
            candidates[position].codeCount = codes.count - candidates[position].codeStart
        }
        self.candidates = candidates
        self.codes = codes
        self.bytes = bytes
        self.numbers = numbers
        self.next = next
    }

    /// The first number given to a character that is not one scalar numbered by its value.
    private static let firstNumber: UInt32 = 0x110000

    /// The number of a character that is a single ASCII scalar: its value.
    private static func asciiNumber(_ character: Character) -> UInt32? {
        guard character.utf8.count == 1, let value = character.asciiValue else { return nil }
        return UInt32(value)
    }

    /// The position in the entries of the closest one to `text`, if any is close enough.
    func suggestion(for text: String) -> Int? {
        // The text's first 64 lower-cased characters, numbered like the candidates'.
        var extra: [Character: UInt32] = [:]
        var textCodes: [UInt32] = []
        for character in text.lowercased().prefix(SuggestionIndex.maxCharacters) {
            if let number = SuggestionIndex.asciiNumber(character) ?? numbers[character] ?? extra[character] {
                textCodes.append(number)
            } else {
                let number = next + UInt32(extra.count)
                extra[character] = number
                textCodes.append(number)
            }
        }
        let textCount = text.count
        let textSimple = text.unicodeScalars.allSatisfy { SuggestionIndex.isSimple($0.value) }
        let textBytes = Array(text.utf8)
        var best: (entry: Int, distance: Int)?
        let width = SuggestionIndex.maxCharacters + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows in
            let previous = rows.baseAddress!, current = previous + width
            codes.withUnsafeBufferPointer { codes in
                bytes.withUnsafeBufferPointer { bytes in
                    textCodes.withUnsafeBufferPointer { a in
                        textBytes.withUnsafeBufferPointer { textBytes in
                            for candidate in candidates {
                                let limit = max(1, min(textCount, candidate.count) / 3)
                                // Accepted only at a distance of at most `bound` (within the limit
                                // and strictly better than the best so far).
                                let bound = min(limit, (best?.distance ?? Int.max) - 1)
                                if bound < 0 { break }  // the best is at distance 0: nothing beats it
                                let b = UnsafeBufferPointer(rebasing: codes[candidate.codeStart ..< candidate.codeStart + candidate.codeCount])
                                let d = SuggestionIndex.distance(a, b, atMost: bound, previous, current)
                                // The contains rule lowers a distance of 2 or more to 1, so it only
                                // matters then, or when `d` is over the bound but 1 is not.
                                var distance: Int?
                                if d <= bound {
                                    distance = d >= 2 && contains(candidate, text, textSimple, textBytes, bytes) ? 1 : d
                                } else if bound >= 1, contains(candidate, text, textSimple, textBytes, bytes) {
                                    distance = 1
                                }
                                if let distance { best = (candidate.entry, distance) }
                            }
                        }
                    }
                }
            }
            return best?.entry
        }
    }

    /// `candidate.text.contains(text) || text.contains(candidate.text)`, with Foundation's
    /// `contains` (canonical equivalence; an empty string is in none).
    private func contains(_ candidate: Candidate, _ text: String, _ textSimple: Bool,
                          _ textBytes: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard candidate.simple && textSimple else {
            return candidate.text.contains(text) || text.contains(candidate.text)
        }
        let candidateBytes = UnsafeBufferPointer(rebasing: bytes[candidate.byteStart ..< candidate.byteStart + candidate.byteCount])
        return textBytes.count <= candidateBytes.count
            ? SuggestionIndex.bytes(textBytes, occurIn: candidateBytes)
            : SuggestionIndex.bytes(candidateBytes, occurIn: textBytes)
    }

    /// Whether `needle` is non-empty and occurs in `haystack`.
    static func bytes(_ needle: UnsafeBufferPointer<UInt8>, occurIn haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var k = 1
                while k < needle.count && haystack[start + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether a scalar is ASCII other than a carriage return (which joins a line feed into one
    /// character) or a CJK unified ideograph (U+3400–U+4DBF, U+4E00–U+9FFF). None of them has a
    /// canonical decomposition or combines with its neighbours, so each is a character of its own,
    /// and `lowercased()` changes only A–Z among them. Between two strings made only of them,
    /// Foundation's `contains` is therefore exactly a search of their UTF-8 bytes.
    static func isSimple(_ value: UInt32) -> Bool {
        (value < 0x80 && value != 0x0D) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
    }

    /// The Levenshtein distance of `a` and `b` if it is at most `bound`, otherwise `bound + 1`.
    /// Only cells within `bound` of the diagonal are computed (the others are over the bound), and
    /// it stops when a whole row is over the bound. `previous` and `current` hold `b.count + 1` each.
    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, atMost bound: Int,
                         _ previous: UnsafeMutablePointer<Int>, _ current: UnsafeMutablePointer<Int>) -> Int {
        let over = bound + 1
        if abs(a.count - b.count) > bound { return over }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = previous, current = current
        for j in 0...b.count { previous[j] = min(j, over) }
        for i in 1...a.count {
            let low = max(1, i - bound), high = min(b.count, i + bound)
            current[low - 1] = low == 1 ? min(i, over) : over
            var rowMinimum = current[low - 1]
            let character = a[i - 1]
            for j in low...high {
                let substitution = previous[j - 1] + (character == b[j - 1] ? 0 : 1)
                let value = min(substitution, previous[j] + 1, current[j - 1] + 1, over)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = over }
            if rowMinimum > bound { return over }
            swap(&previous, &current)
        }
        return min(previous[b.count], over)
    }
}
