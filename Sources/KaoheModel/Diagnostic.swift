/// One error or warning about an input file, with where it was found.
///
/// Every stage (reading, validating, scoring) collects diagnostics instead of stopping at
/// the first, so `kaohe check` can show them all at once. Each diagnostic names the rule that
/// raised it with a stable ``Code`` (listed with its fix in docs/diagnostics.md); the code is
/// for programs and tests and is not printed.
public struct Diagnostic: Sendable, Hashable {
    /// An error stops the year from being scored; a warning does not.
    public enum Severity: String, Sendable {
        /// The data cannot be used as it is.
        case error
        /// Worth a look; the data is used.
        case warning

        /// Whether this is ``error``.
        public var isError: Bool { self == .error }
    }

    /// The rule that raised it (`units.duplicate-id`).
    public var code: Code
    /// Error or warning.
    public var severity: Severity
    /// The file's path as the user gave it (the data folder joined with the file name).
    public var file: String
    /// 1-based line, or nil when the fault concerns the whole file.
    public var line: Int?
    /// 1-based column in characters, or nil.
    public var column: Int?
    /// What is wrong and how to fix it, in both languages.
    public var message: LocalizedText
    /// The text of the offending line, shown under the message with a caret (for a workbook,
    /// the value of the cell).
    public var excerpt: String?
    /// For a file read from a workbook: the cell as Excel names it (`检查记录!C17`), shown
    /// instead of the line and column (which then hold the cell's row and column number).
    public var cell: String?
    /// For the diagnostic that closes a capped list: how many errors and warnings it stands for
    /// (they are counted in the totals, not listed).
    public var omitted: Omitted?

    /// How many errors and warnings a closing diagnostic stands for.
    public struct Omitted: Sendable, Hashable {
        /// Errors not listed.
        public var errors: Int
        /// Warnings not listed.
        public var warnings: Int
    }

    package init(_ message: Message, file: String, line: Int? = nil, column: Int? = nil, excerpt: String? = nil) {
        self.code = message.code
        self.severity = message.severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message.text
        self.excerpt = excerpt
    }

    /// The file kind or area the code belongs to (`units`, `csv`, `criteria`).
    public var category: String { code.category }

    /// Whether it is an error.
    public var isError: Bool { severity == .error }
}

extension Diagnostic {
    /// A stable name for one rule: `<file or area>.<what>` in lower-case kebab
    /// (`checks.bad-result`, `csv.unterminated-quote`, `file.missing`).
    ///
    /// In the sources a code is always a string literal: the first argument of
    /// ``Message/error(_:zh:en:)`` or ``Message/warning(_:zh:en:)``, or `Code("…")`, in the
    /// `Diagnostic.Message` extension beside the rule that raises it. A test checks that these
    /// literals are exactly the codes docs/diagnostics.md lists.
    public struct Code: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The code as written (`units.duplicate-id`).
        public let rawValue: String

        /// The code written `rawValue`.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The code written as a literal.
        public init(stringLiteral value: StaticString) { rawValue = value.description }

        /// The part before the dot: the file kind or area (`checks`, `csv`, `file`).
        public var category: String {
            guard let dot = rawValue.firstIndex(of: ".") else { return rawValue }
            return String(rawValue[..<dot])
        }

        /// The code as written.
        public var description: String { rawValue }
    }

    /// What a rule reports: its code, its severity and its words in both languages.
    ///
    /// Each rule's messages are written once, as static members in an extension of this type
    /// in the file that holds the rule (`extension Diagnostic.Message { static func … }`).
    package struct Message: Sendable, Hashable {
        package var code: Code
        package var severity: Severity
        package var text: LocalizedText

        package init(_ code: Code, _ severity: Severity, zh: String, en: String) {
            self.code = code
            self.severity = severity
            self.text = LocalizedText(zh: zh, en: en)
        }

        package static func error(_ code: Code, zh: String, en: String) -> Message {
            Message(code, .error, zh: zh, en: en)
        }

        package static func warning(_ code: Code, zh: String, en: String) -> Message {
            Message(code, .warning, zh: zh, en: en)
        }

        /// The same message with `zh` and `en` put in front of its texts (a JSON path and `: `).
        package func prefixed(zh: String, en: String) -> Message {
            var copy = self
            copy.text = LocalizedText(zh: zh + text.zh, en: en + text.en)
            return copy
        }
    }
}

/// Errors that stop a command: all diagnostics found, at least one of them an error.
package struct InputErrors: Error, Sendable {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Where a record came from: `checks.csv:41` (file name and the line the record starts on).
package struct SourceRef: Sendable, Hashable, CustomStringConvertible {
    /// File name without folder, as evidence is printed (`checks.csv`).
    package var file: String
    package var line: Int
    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    package var description: String { "\(file):\(line)" }
}
