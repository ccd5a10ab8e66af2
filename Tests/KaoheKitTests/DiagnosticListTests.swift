import Testing
@testable import KaoheModel

/// A file's diagnostics are listed up to a limit, errors first, and every total stays true.
@Suite struct DiagnosticListTests {
    func diagnostic(_ error: Bool, line: Int) -> Diagnostic {
        Diagnostic(error ? .error("t.e", zh: "e", en: "e") : .warning("t.w", zh: "w", en: "w"), file: "f", line: line)
    }

    @Test func anErrorTakesTheLatestWarningsPlace() {
        var list = DiagnosticList(limit: 3)
        for line in 1...5 { list.append(diagnostic(false, line: line)) }
        list.append(diagnostic(true, line: 6))
        list.append(diagnostic(true, line: 7))
        // Warnings 1 and 2 stay, 3 gave its place to error 6, then 2 to error 7; all in order.
        #expect(list.kept.map(\.line) == [1, 6, 7])
        #expect(list.kept.map(\.isError) == [false, true, true])
        #expect(list.omittedWarnings == 4 && list.omittedErrors == 0)
        list.append(diagnostic(true, line: 8))
        list.append(diagnostic(true, line: 9))
        #expect(list.kept.map(\.line) == [6, 7, 8])
        #expect(list.omittedErrors == 1 && list.omittedWarnings == 5)
        let all = list.all("f")
        #expect(all.count == 4)
        #expect(all.last?.code.rawValue == "file.not-listed")
        #expect(all.last?.isError == true)
        #expect(all.totals == (errors: 4, warnings: 5))
    }

    @Test func totalsCountWhatIsListedAndWhatIsNot() {
        var list = DiagnosticList(limit: 2)
        for line in 1...10 { list.append(diagnostic(line % 2 == 0, line: line)) }
        let all = list.all("f")
        #expect(all.totals.errors == 5 && all.totals.warnings == 5)
        // A closing diagnostic taken into another list carries its counts over.
        var outer = DiagnosticList(limit: 100)
        outer.append(contentsOf: all)
        #expect(outer.all("f").totals.errors == 5 && outer.all("f").totals.warnings == 5)
    }
}
