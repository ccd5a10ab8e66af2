// Foundation on purpose: `contains` below must be Foundation's, as it is in KaoheKit (an empty
// string is in none, canonically equivalent spellings match).
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

/// `References.suggestion(for:)`: the "did you mean …?" of unknown ids and names, and its fast
/// search against the plain definition.
@Suite struct ReferencesSuggestionTests {
    static let units = References([
        .init(id: "D001", name: "区发改局"),
        .init(id: "D002", name: "区教育局"),
        .init(id: "D003", name: "区科技局"),
        .init(id: "T01", name: "青石镇"),
    ])

    func suggested(_ text: String, in references: References = units) -> String? {
        references.suggestion(for: text)?.id
    }

    @Test func aTypoInAnIdSuggestsIt() {
        #expect(suggested("D0O2") == "D002")
        #expect(suggested("d003") == "D003")  // case does not count
        #expect(suggested("T1") == "T01")
    }

    @Test func aTypoInAChineseNameSuggestsIt() {
        #expect(suggested("区教肓局") == "D002")
        #expect(suggested("区科技") == "D003")
        #expect(suggested("青石真") == "T01")
    }

    @Test func oneContainingTheOtherCountsAsOneEdit() {
        // "科技" is two edits from 区科技局 but inside it; the limit for two characters is 1.
        #expect(suggested("科技") == "D003")
        #expect(suggested("青石镇政府办公室") == "T01")
        // Two edits from D001, over the limit of 1, but it contains D001 ...
        #expect(suggested("XD001X") == "D001")
        // ... as written: containing is case-sensitive.
        #expect(suggested("xd001x") == nil)
    }

    @Test func nothingWhenTooFar() {
        #expect(suggested("完全不同的东西") == nil)
        #expect(suggested("X") == nil)
        #expect(suggested("") == nil)
        #expect(suggested("Q999") == nil)
        #expect(References([]).suggestion(for: "D001") == nil)
    }

    @Test func aTieGoesToTheFirstEntry() {
        let references = References([.init(id: "A1", name: "甲"), .init(id: "A2", name: "乙"), .init(id: "A3", name: "丙")])
        #expect(suggested("A4", in: references) == "A1")
        #expect(suggested("a2", in: references) == "A2")  // distance 0 beats 1
        // A closer later entry wins over an earlier one.
        let later = References([.init(id: "AB12", name: "甲"), .init(id: "AB34", name: "乙")])
        #expect(suggested("AB3x", in: later) == "AB34")
    }

    @Test func hintNamesIdAndName() {
        #expect(Self.units.hint(for: "D0O2").en == "; did you mean \"D002 区教育局\"?")
        #expect(Self.units.hint(for: "D0O2").zh == "；是否指 \"D002 区教育局\"？")
        #expect(Self.units.hint(for: "nothing like it") == ("", ""))
    }

    /// Characters compare as Swift characters do: canonically equivalent spellings are equal,
    /// whether the other spelling is in an entry or in the text.
    @Test func equivalentSpellingsAreTheSameCharacter() {
        let cases: [(entries: [References.Entry], text: String)] = [
            ([.init(id: "E1", name: "甲局区"), .init(id: "E2", name: "豈局区")], "\u{F900}局区"),  // CJK compatibility ideograph
            ([.init(id: "E1", name: "甲局区"), .init(id: "E2", name: "\u{F900}局区")], "豈局区"),
            ([.init(id: "E1", name: "a;b"), .init(id: "E2", name: "a\u{037E}c")], "a;c"),  // Greek question mark
            ([.init(id: "E1", name: "a;b"), .init(id: "E2", name: "a;c")], "a\u{037E}c"),
            ([.init(id: "E1", name: "cafx"), .init(id: "E2", name: "caf\u{E9}")], "cafe\u{301}"),  // é composed or not
        ]
        for (entries, text) in cases {
            #expect(suggested(text, in: References(entries)) == "E2", "\(text.debugDescription)")
            #expect(Self.plainSuggestion(for: text, in: entries) == 1)
        }
    }

    @Test func onlyTheFirst64CharactersCount() {
        let long = String(repeating: "a", count: 64)
        let references = References([.init(id: long + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", name: "n"),
                                     .init(id: long + "c", name: "m")])
        // Both are at distance 0 within their first 64 characters: the first wins.
        #expect(suggested(long + "zzzzzzzzzzzzzzzzzzzzzz", in: references) == references.entries[0].id)
    }

    @Test func boundedDistanceIsExactWithinItsBound() {
        var random = SplitMix64(seed: 7)
        let alphabet: [UInt32] = [1, 2, 3]
        var rows = [Int](repeating: 0, count: 2 * (SuggestionIndex.maxCharacters + 1))
        for _ in 0..<500 {
            let a = (0..<random.below(9)).map { _ in alphabet[random.below(alphabet.count)] }
            let b = (0..<random.below(9)).map { _ in alphabet[random.below(alphabet.count)] }
            let full = Self.levenshtein(a, b)
            for bound in 0...6 {
                let d = rows.withUnsafeMutableBufferPointer { rows in
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            SuggestionIndex.distance(a, b, atMost: bound, rows.baseAddress!, rows.baseAddress! + SuggestionIndex.maxCharacters + 1)
                        }
                    }
                }
                #expect(d == (full <= bound ? full : bound + 1), "\(a) \(b) bound \(bound)")
            }
        }
    }

    /// Random entries and texts over a small alphabet — ASCII and CJK (the fast paths), and
    /// characters that are equal to others (Kelvin sign, Greek question mark, a CJK compatibility
    /// ideograph, é composed and not), CR LF, Σ/ς, Hangul — give the plain definition's result.
    @Test func sameAsThePlainDefinition() {
        let pieces = ["a", "b", "A", "B", "1", "区", "局", "青", "\u{8C48}", "\u{F900}", "é", "e\u{301}", "e", "k", "K",
                      "\u{212A}", ";", "\u{037E}", "\r\n", "\r", "\n", "Σ", "ς", "가", " ", "ab", "区局"]
        let simple = ["a", "b", "A", "1", "区", "局", " ", "ab", "区局"]
        var random = SplitMix64(seed: 42)
        func word(_ pieces: [String]) -> String {
            let count = random.below(12) == 0 ? 60 + random.below(12) : random.below(8)
            return (0..<count).map { _ in pieces[random.below(pieces.count)] }.joined()
        }
        var compared = 0, suggestions = 0
        for round in 0..<120 {
            let alphabet = round % 2 == 0 ? pieces : simple
            let entries = (0..<(1 + random.below(10))).map { _ in
                References.Entry(id: word(alphabet), name: random.below(5) == 0 ? "" : word(alphabet))
            }
            let references = References(entries)
            for _ in 0..<5 {
                let text: String
                switch random.below(3) {
                case 0: text = entries[random.below(entries.count)].name + alphabet[random.below(alphabet.count)]
                case 1: text = String(entries[random.below(entries.count)].id.dropFirst())
                default: text = word(alphabet)
                }
                let expected = Self.plainSuggestion(for: text, in: entries)
                let got = references.suggestion(for: text)
                #expect(got?.id == expected.map { entries[$0].id } && got?.name == expected.map { entries[$0].name },
                        "\(text.debugDescription) in \(entries.map { ($0.id, $0.name) })")
                compared += 1
                if expected != nil { suggestions += 1 }
            }
        }
        #expect(compared == 600)
        #expect(suggestions > 150)  // the comparison is not all "no suggestion"
    }

    // MARK: - the plain definition

    /// The suggestion as defined, compared with every id and name in full: the position of the
    /// entry, if any.
    static func plainSuggestion(for text: String, in entries: [References.Entry]) -> Int? {
        var best: (position: Int, distance: Int)?
        let lowered = text.lowercased()
        for (position, entry) in entries.enumerated() {
            for candidate in [entry.id, entry.name] where !candidate.isEmpty {
                var distance = levenshtein(Array(lowered.prefix(64)), Array(candidate.lowercased().prefix(64)))
                if candidate.contains(text) || text.contains(candidate) { distance = min(distance, 1) }
                let limit = max(1, min(text.count, candidate.count) / 3)
                if distance <= limit, distance < best?.distance ?? .max {
                    best = (position, distance)
                }
            }
        }
        return best?.position
    }

    static func levenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var previous = Array(0...b.count)
        for i in 0..<a.count {
            var current = [i + 1]
            for j in 0..<b.count {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
