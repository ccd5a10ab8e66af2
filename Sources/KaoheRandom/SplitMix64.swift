/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seeded generator. The sample data
/// and every random test input come from it, never from the system random source, so a seed
/// always gives the same files and the same cases.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator for one stream (a unit, a file) derived from the run's seed.
    package init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound`; 0, drawing nothing, when `bound` ≤ 1. The tiny modulo bias
    /// does not matter for samples and tests.
    package mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// Uniform in the closed range.
    package mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `perMille` / 1000.
    package mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// True with probability `percent` / 100.
    package mutating func chance(percent: Int) -> Bool { below(100) < percent }

    /// One of `values` (not empty), uniformly.
    package mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    /// An index drawn with the given integer weights.
    package mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var pick = below(total)
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }

    /// A seeded Fisher–Yates shuffle.
    package mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}
