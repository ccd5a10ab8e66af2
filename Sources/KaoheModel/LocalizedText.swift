/// Output language: Chinese first (`zh`), English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A message in both languages; renderers pick one.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
