/// One error or warning about an input file, with where it was found.
///
/// Every stage (reading, validating, scoring) collects diagnostics instead of stopping at
/// the first, so `kaohe check` can show them all at once.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    /// The file's path as the user gave it (the data folder joined with the file name).
    public var file: String
    /// 1-based line, or nil when the fault concerns the whole file.
    public var line: Int?
    /// 1-based column in characters, or nil.
    public var column: Int?
    public var message: LocalizedText
    /// The text of the offending line, shown under the message with a caret.
    public var excerpt: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
                _ message: LocalizedText, excerpt: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
    }

    public static func error(_ file: String, line: Int? = nil, column: Int? = nil,
                             zh: String, en: String, excerpt: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, LocalizedText(zh: zh, en: en), excerpt: excerpt)
    }

    public static func warning(_ file: String, line: Int? = nil, column: Int? = nil,
                               zh: String, en: String, excerpt: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, LocalizedText(zh: zh, en: en), excerpt: excerpt)
    }

    public var isError: Bool { severity == .error }
}

/// Errors that stop a command: all diagnostics found, at least one of them an error.
public struct InputErrors: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Where a record came from: `checks.csv:41` (file name and the line the record starts on).
public struct SourceRef: Sendable, Hashable, CustomStringConvertible {
    /// File name without folder, as evidence is printed (`checks.csv`).
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}
