import KaoheKit
extension UsageError {
    /// A `--unit` or `--group` the year does not have, or another request it cannot answer.
    static func selection(_ error: KaoheError) -> UsageError {
        switch error {
        case .unknownUnit: return UsageError(zh: "--unit：" + error.message.zh, en: "--unit: " + error.message.en)
        case .unknownGroup: return UsageError(zh: "--group：" + error.message.zh, en: "--group: " + error.message.en)
        default: return UsageError(error.message)
        }
    }
}
