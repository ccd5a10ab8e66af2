import Foundation
import Testing
import KaoheKit

/// The diagnostic codes written in the sources are exactly those docs/diagnostics.md lists.
///
/// A code is written as a string literal: the first argument of `Diagnostic.Message.error(…)`,
/// `.warning(…)` or `Diagnostic.Message(…)`, or `Diagnostic.Code("…")`. The page lists each
/// code as a heading `### \`code\` …`.
struct DiagnosticCodesTests {
    /// The codes in the Swift files under Sources/, comment lines left out.
    static func sourceCodes() throws -> Set<String> {
        let sources = Golden.root.appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        let literal = #/(?:error|warning|Message|Code)\(\s*"([^"]*)"/#
        var codes = Set<String>()
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: literal) { codes.insert(String(match.1)) }
            }
        }
        return codes
    }

    /// The codes docs/diagnostics.md lists, one heading each.
    static func documentedCodes() throws -> Set<String> {
        let page = try String(contentsOf: Golden.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var codes = Set<String>()
        for line in page.split(separator: "\n") where line.hasPrefix("### `") {
            let rest = line.dropFirst("### `".count)
            if let end = rest.firstIndex(of: "`") { codes.insert(String(rest[..<end])) }
        }
        return codes
    }

    @Test func everyCodeIsDocumented() throws {
        let source = try DiagnosticCodesTests.sourceCodes()
        let documented = try DiagnosticCodesTests.documentedCodes()
        #expect(source.count >= 100)
        #expect(source.subtracting(documented).sorted() == [], "codes missing from docs/diagnostics.md")
        #expect(documented.subtracting(source).sorted() == [], "codes in docs/diagnostics.md that no rule raises")
    }

    @Test func codesAreLowerCaseKebab() throws {
        let shape = #/[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*/#
        for code in try DiagnosticCodesTests.sourceCodes() {
            #expect(code.wholeMatch(of: shape) != nil, "\(code) is not <area>.<what> in lower-case kebab")
        }
    }

    @Test func aDiagnosticCarriesItsCodeAndCategory() {
        let message = Diagnostic.Message.error("units.duplicate-id", zh: "重复", en: "repeats").prefixed(zh: "甲: ", en: "a: ")
        let diagnostic = Diagnostic(message, file: "units.csv", line: 3)
        #expect(diagnostic.code == Diagnostic.Code("units.duplicate-id"))
        #expect(diagnostic.category == "units")
        #expect(diagnostic.isError)
        #expect(diagnostic.message == LocalizedText(zh: "甲: 重复", en: "a: repeats"))
    }
}
