import KaoheModel
import KaoheInput
import Foundation

extension ChecksFile {
    /// Diagnostics kept up to a limit, with the rest counted.
    struct Limited {
        let limit: Int
        private(set) var kept: [Diagnostic] = []
        private(set) var omittedErrors = 0
        private(set) var omittedWarnings = 0

        init(limit: Int) { self.limit = limit }

        mutating func append(_ diagnostic: Diagnostic) {
            if kept.count < limit {
                kept.append(diagnostic)
            } else if diagnostic.isError {
                omittedErrors += 1
            } else {
                omittedWarnings += 1
            }
        }

        mutating func append(contentsOf diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics { append(diagnostic) }
        }

        /// Appends another list's kept diagnostics and its counts.
        mutating func take(_ other: Limited) {
            append(contentsOf: other.kept)
            omittedErrors += other.omittedErrors
            omittedWarnings += other.omittedWarnings
        }

        mutating func omit(errors: Int) { omittedErrors += errors }

        mutating func omit(warnings: Int) { omittedWarnings += warnings }

        mutating func omit(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                if diagnostic.isError { omittedErrors += 1 } else { omittedWarnings += 1 }
            }
        }

        /// Whether further diagnostics are only counted.
        var isFull: Bool { kept.count >= limit }

        /// The diagnostic that counts what was left out, if anything was.
        func closing(_ path: String) -> [Diagnostic] {
            guard omittedErrors + omittedWarnings > 0 else { return [] }
            return [Diagnostic(.notListed(errors: omittedErrors, warnings: omittedWarnings, limit: limit), file: path)]
        }
    }
}

extension ChecksFile.Limited {
    init(limit: Int, omittedErrors: Int, omittedWarnings: Int) {
        self.init(limit: limit)
        self.omittedErrors = omittedErrors
        self.omittedWarnings = omittedWarnings
    }
}

extension ChecksFile.Limited {
    mutating func shiftLines(by shift: Int) {
        for i in kept.indices {
            if let line = kept[i].line { kept[i].line = line + shift }
        }
    }
}

extension Diagnostic.Message {
    /// The count of diagnostics left out of a file's list; an error when any of them is one.
    static func notListed(errors: Int, warnings: Int, limit: Int) -> Self {
        let total = errors + warnings
        return Diagnostic.Message("checks.not-listed", errors > 0 ? .error : .warning,
            zh: "另有 \(total) 条诊断未列出（错误 \(errors) 条，警告 \(warnings) 条）；每个文件最多列出 \(limit) 条，请先修正上面列出的问题",
            en: "\(total) more diagnostics not listed (\(errors) errors, \(warnings) warnings); at most \(limit) are listed per file, fix the ones above first")
    }
}
