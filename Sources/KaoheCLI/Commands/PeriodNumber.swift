import KaoheKit
/// The periods `rank` takes (`--quarter N`, `--half N`, `--month N`), and how many of each a year has.
enum PeriodOption: String, Equatable {
    case quarter, half, month

    var count: Int {
        switch self {
        case .quarter: return 4
        case .half: return 2
        case .month: return 12
        }
    }

    /// The period number given to `option` (`--quarter 2`): a whole number from 1 to `count`.
    func number(_ value: String, option: String) throws(UsageError) -> Int {
        guard let n = Int(value), (1...count).contains(n) else {
            throw UsageError(zh: "\(option) 的值应为 1 到 \(count) 的整数，而不是 \"\(value)\"",
                             en: "\(option) takes a number from 1 to \(count), not \"\(value)\"")
        }
        return n
    }
}
