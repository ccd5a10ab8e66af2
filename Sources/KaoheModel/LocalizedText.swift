/// Output language: Chinese first (`zh`), English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    /// Chinese (简体中文).
    case zh
    /// English.
    case en
}

/// A message in both languages; renderers pick one.
public struct LocalizedText: Sendable, Hashable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// A text in Chinese and English.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
