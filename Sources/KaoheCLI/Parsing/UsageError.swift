import KaoheKit
/// A fault in the command line, in both languages; `kaohe` prints it and exits with 2.
struct UsageError: Error, Sendable, Equatable {
    var message: LocalizedText

    init(zh: String, en: String) { message = LocalizedText(zh: zh, en: en) }
    init(_ message: LocalizedText) { self.message = message }
}
