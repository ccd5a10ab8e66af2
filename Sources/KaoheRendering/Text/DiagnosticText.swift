import KaoheModel
import KaoheLoad
import KaoheScoring
import KaoheSimulation
/// Diagnostics as compilers print them: `FILE:LINE:COL: error: message`, then the offending
/// line with a caret under the column (placed by display width, so it stays right under
/// Chinese text).
package enum DiagnosticText {
    /// `width`: the columns the message wraps at (a caller that indents the text gives less).
    package static func render(_ diagnostic: Diagnostic, language: Language, color: Bool = false,
                              width: Int = TextTable.maxWidth) -> String {
        var location = TerminalText.safe(diagnostic.file, singleLine: true)
        if let cell = diagnostic.cell {
            location += ":" + TerminalText.safe(cell, singleLine: true)
        } else if let line = diagnostic.line {
            location += ":\(line)"
            if let column = diagnostic.column { location += ":\(column)" }
        }
        var severity = diagnostic.severity == .error ? "error:" : "warning:"
        if color { severity = (diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + severity + "\u{1B}[0m" }
        // The message wraps at 100 columns, continuation lines indented (the location is not cut).
        let plainPrefix = "\(location): \(diagnostic.severity == .error ? "error:" : "warning:") "
        let text = TerminalText.safe(diagnostic.message.text(language), singleLine: true)
        let room = width - DisplayWidth.of(plainPrefix)
        var out: String
        if room < 24 && DisplayWidth.of(text) > room {
            // A long location leaves little room: the message starts on the next line.
            out = "\(location): \(severity)\n" + TextWrap.lines("    " + text, width: width, indent: "    ").joined(separator: "\n") + "\n"
        } else {
            let message = TextWrap.lines(text, width: width, first: DisplayWidth.of(plainPrefix), indent: "    ")
            out = "\(location): \(severity) " + message.joined(separator: "\n") + "\n"
        }
        if let excerpt = diagnostic.excerpt, let cell = diagnostic.cell {
            // A cell's value under its reference (no caret: the value is the whole cell).
            let reference = String(cell.split(separator: "!").last ?? Substring(cell))
            out += " \(TerminalText.safe(reference, singleLine: true)) | \(visible(excerpt))\n"
        } else if let excerpt = diagnostic.excerpt, let line = diagnostic.line {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = visible(excerpt)
            out += " \(number) | \(shown)\n"
            if let column = diagnostic.column {
                let prefix = shown.unicodeScalars.prefix(max(0, column - 1))
                var padding = ""
                for scalar in prefix {
                    padding += scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(scalar))
                }
                out += " \(gutter) | \(padding)" + (color ? "\u{1B}[1;32m^\u{1B}[0m" : "^") + "\n"
            }
        }
        return out
    }

    package static func render(_ diagnostics: [Diagnostic], language: Language, color: Bool = false) -> String {
        diagnostics.map { render($0, language: language, color: color) }.joined()
    }

    /// Long lines are cut so an excerpt stays readable; control characters (C0, DEL, C1) are shown
    /// as spaces, so the caret stays under the column.
    static func visible(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            count += 1
            if count > 300 { out += "…"; break }
            out.unicodeScalars.append(TerminalText.needsEscape(scalar, singleLine: true) ? " " : scalar)
        }
        return out
    }
}
