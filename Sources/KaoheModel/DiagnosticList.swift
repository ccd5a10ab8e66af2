/// One file's diagnostics, listed up to a limit with the rest counted, errors first: once the
/// list is full, an error takes the place of the latest warning listed, so a file's real
/// errors are never hidden behind warnings. The same mistake on many rows (one code) is listed
/// `repeatLimit` times, then counted: a column written wrong on every row is one short list,
/// not a flood. What is left out is counted in one closing diagnostic, which names the
/// repeated codes with their counts and first lines, and counts in every total.
package struct DiagnosticList: Sendable {
    package let limit: Int
    /// How many diagnostics of one code are listed before the rest are only counted.
    package static let repeatLimit = 5
    /// Diagnostics listed per code.
    private var listedPerCode: [String: Int] = [:]
    /// Per code beyond the repeat limit: how many, and the first few lines (in code order of
    /// first appearance).
    package private(set) var repeats: [Repeat] = []

    /// Diagnostics of one code counted beyond ``repeatLimit``.
    package struct Repeat: Sendable, Equatable {
        package var code: Diagnostic.Code
        package var count: Int
        package var lines: [Int]
    }
    /// Listed diagnostics in arrival order; nil where a warning gave its place to an error.
    private var slots: [Diagnostic?] = []
    /// Positions in `slots` of the warnings listed, in order.
    private var warningSlots: [Int] = []
    package private(set) var listed = 0
    package private(set) var omittedErrors = 0
    package private(set) var omittedWarnings = 0

    package init(limit: Int) { self.limit = limit }

    package init(limit: Int, omittedErrors: Int, omittedWarnings: Int) {
        self.limit = limit
        self.omittedErrors = omittedErrors
        self.omittedWarnings = omittedWarnings
    }

    /// The diagnostics listed, in the order they came.
    package var kept: [Diagnostic] { slots.compactMap { $0 } }

    /// Whether a further warning would only be counted.
    package var isFull: Bool { listed >= limit }

    package mutating func append(_ diagnostic: Diagnostic) {
        if let omitted = diagnostic.omitted {
            // A closing diagnostic of another list: its counts carry over.
            omittedErrors += omitted.errors
            omittedWarnings += omitted.warnings
            return
        }
        let code = diagnostic.code.rawValue
        if listedPerCode[code, default: 0] >= DiagnosticList.repeatLimit {
            countRepeat(diagnostic.code, lines: diagnostic.line.map { [$0] } ?? [], count: 1)
            if diagnostic.isError { omittedErrors += 1 } else { omittedWarnings += 1 }
            return
        }
        if listed < limit {
            listedPerCode[code, default: 0] += 1
            if !diagnostic.isError { warningSlots.append(slots.count) }
            slots.append(diagnostic)
            listed += 1
        } else if diagnostic.isError, let slot = warningSlots.popLast() {
            if let replaced = slots[slot] { listedPerCode[replaced.code.rawValue, default: 1] -= 1 }
            slots[slot] = nil
            omittedWarnings += 1
            listedPerCode[code, default: 0] += 1
            slots.append(diagnostic)
        } else if diagnostic.isError {
            omittedErrors += 1
        } else {
            omittedWarnings += 1
        }
    }

    package mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Appends another list's diagnostics and its counts.
    package mutating func take(_ other: DiagnosticList) {
        append(contentsOf: other.kept)
        takeCounts(of: other)
    }

    /// Adds another list's counts of what it left out (its listed diagnostics not included).
    package mutating func takeCounts(of other: DiagnosticList) {
        omittedErrors += other.omittedErrors
        omittedWarnings += other.omittedWarnings
        for r in other.repeats { countRepeat(r.code, lines: r.lines, count: r.count) }
    }

    private mutating func countRepeat(_ code: Diagnostic.Code, lines: [Int], count: Int) {
        if let i = repeats.firstIndex(where: { $0.code == code }) {
            repeats[i].count += count
            repeats[i].lines = Array((repeats[i].lines + lines).sorted().prefix(3))
        } else {
            repeats.append(Repeat(code: code, count: count, lines: Array(lines.sorted().prefix(3))))
        }
    }

    package mutating func omit(errors: Int) { omittedErrors += errors }

    package mutating func omit(warnings: Int) { omittedWarnings += warnings }

    /// Counts `count` more warnings of `code` left out (found but never listed).
    package mutating func omit(_ code: Diagnostic.Code, warnings count: Int) {
        guard count > 0 else { return }
        omittedWarnings += count
        countRepeat(code, lines: [], count: count)
    }

    package mutating func omit(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if let omitted = diagnostic.omitted {
                omittedErrors += omitted.errors
                omittedWarnings += omitted.warnings
            } else if diagnostic.isError {
                omittedErrors += 1
            } else {
                omittedWarnings += 1
            }
        }
    }

    /// Adds `shift` to every listed line number (a list made reading the second half of a file).
    package mutating func shiftLines(by shift: Int) {
        for i in slots.indices {
            if let line = slots[i]?.line { slots[i]?.line = line + shift }
        }
        for i in repeats.indices { repeats[i].lines = repeats[i].lines.map { $0 + shift } }
    }

    /// The diagnostic that counts what was left out, if anything was.
    package func closing(_ path: String) -> [Diagnostic] {
        guard omittedErrors + omittedWarnings > 0 else { return [] }
        var closing = Diagnostic(.notListed(errors: omittedErrors, warnings: omittedWarnings, limit: limit, repeats: repeats),
                                 file: path)
        closing.omitted = Diagnostic.Omitted(errors: omittedErrors, warnings: omittedWarnings)
        return [closing]
    }

    /// The listed diagnostics, then the closing one.
    package func all(_ path: String) -> [Diagnostic] { kept + closing(path) }
}

extension Diagnostic.Message {
    /// The count of diagnostics left out of a file's list; an error when any of them is one.
    package static func notListed(errors: Int, warnings: Int, limit: Int, repeats: [DiagnosticList.Repeat] = []) -> Self {
        let total = errors + warnings
        func lines(_ r: DiagnosticList.Repeat, _ separator: String) -> String { r.lines.map(String.init).joined(separator: separator) }
        let repeatedZh = repeats.map { "\($0.code.rawValue) 同样的问题另有 \($0.count) 行（第 \(lines($0, "、")) 行起）" }.joined(separator: "；")
        let repeatedEn = repeats.map { "\($0.code.rawValue) again on \($0.count) more rows (from line \(lines($0, ", ")))" }.joined(separator: "; ")
        let zh = repeats.isEmpty
            ? "另有 \(total) 条诊断未列出（错误 \(errors) 条，警告 \(warnings) 条）；每个文件最多列出 \(limit) 条，请先修正上面列出的问题"
            : "另有 \(total) 条诊断未列出（错误 \(errors) 条，警告 \(warnings) 条），其中 \(repeatedZh)；同一问题只列出前 \(DiagnosticList.repeatLimit) 条，改正后其余的通常一并消失"
        let en = repeats.isEmpty
            ? "\(total) more diagnostics not listed (\(errors) errors, \(warnings) warnings); at most \(limit) are listed per file, fix the ones above first"
            : "\(total) more diagnostics not listed (\(errors) errors, \(warnings) warnings): \(repeatedEn); the same problem is listed \(DiagnosticList.repeatLimit) times, and fixing it usually clears the rest"
        return Diagnostic.Message("file.not-listed", errors > 0 ? .error : .warning, zh: zh, en: en)
    }
}

extension Sequence where Element == Diagnostic {
    /// The true number of errors and warnings, those a closing diagnostic stands for included.
    package var totals: (errors: Int, warnings: Int) {
        var errors = 0, warnings = 0
        for diagnostic in self {
            if let omitted = diagnostic.omitted {
                errors += omitted.errors
                warnings += omitted.warnings
            } else if diagnostic.isError {
                errors += 1
            } else {
                warnings += 1
            }
        }
        return (errors, warnings)
    }
}
