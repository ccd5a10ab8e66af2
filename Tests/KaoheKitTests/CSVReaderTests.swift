import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

@Suite struct CSVReaderTests {
    func parse(_ text: String) -> CSVTable { CSVReader.parse(text, file: "data/checks.csv") }

    func fields(_ text: String) -> [[String]] { parse(text).rows.map(\.fields) }

    // MARK: RFC 4180 records

    @Test func plainFieldsAndHeader() {
        let table = parse("date,unit,result\n2025-01-06,T01,pass\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.rows.map(\.fields) == [["date", "unit", "result"], ["2025-01-06", "T01", "pass"]])
        #expect(table.rows.map(\.line) == [1, 2])
        #expect(table.rows[1].columns == [1, 12, 16])
    }

    @Test func lastRecordWithoutLineEnding() {
        #expect(fields("a,b\nc,d") == [["a", "b"], ["c", "d"]])
    }

    @Test func emptyFieldsAreKept() {
        #expect(fields("a,,c\n,,\n,\n") == [["a", "", "c"], ["", "", ""], ["", ""]])
        #expect(parse(",,\n").rows[0].columns == [1, 2, 3])
    }

    @Test func spacesAreKeptExactly() {
        #expect(fields(" a , b \n") == [[" a ", " b "]])
        #expect(fields("   \n") == [["   "]])
    }

    @Test func quotedFields() {
        #expect(fields("\"a\",\"b,c\",d\n") == [["a", "b,c", "d"]])
        #expect(fields("\"\",x\n") == [["", "x"]])
        #expect(fields("x,\"\"\n") == [["x", ""]])
        #expect(parse("\"a\",\"b,c\",d\n").rows[0].columns == [1, 5, 11])
    }

    @Test func doubledQuotes() {
        #expect(fields("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
        #expect(fields("\"\"\"\"\n") == [["\""]])
        #expect(fields("\"\"\"a\"\"\"\n") == [["\"a\""]])
    }

    @Test func lineBreaksInsideQuotes() {
        let table = parse("a,b\n\"line1\nline2\",x\nc,d\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.rows.map(\.fields) == [["a", "b"], ["line1\nline2", "x"], ["c", "d"]])
        #expect(table.rows.map(\.line) == [1, 2, 4])
        // The field after the quoted one starts on line 3, column 8: `line2",x`.
        #expect(table.rows[1].columns == [1, 8])
    }

    @Test func lineBreakInsideQuotesKeepsItsBytes() {
        #expect(fields("\"a\r\nb\",c\r\n") == [["a\r\nb", "c"]])
        #expect(fields("\"a\rb\"\n") == [["a\rb"]])
    }

    @Test func lineNumbersCountEmbeddedLineBreaks() {
        let text = "h\n\"1\n2\n3\"\n\"x\r\ny\"\nlast\n"
        let table = parse(text)
        #expect(table.rows.map(\.line) == [1, 2, 5, 7])
        #expect(table.rows[3].fields == ["last"])
        #expect(table.lineText(3) == "2")
        #expect(table.lineText(6) == "y\"")
        #expect(table.lineText(7) == "last")
    }

    @Test func crlfLineEndings() {
        let table = parse("a,b\r\nc,d\r\n")
        #expect(table.rows.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(table.rows.map(\.line) == [1, 2])
        #expect(table.lineText(1) == "a,b")
        #expect(table.lineText(2) == "c,d")
    }

    @Test func loneCRAndMixedLineEndings() {
        let table = parse("a\rb\nc\r\nd")
        #expect(table.rows.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(table.rows.map(\.line) == [1, 2, 3, 4])
    }

    @Test func emptyLinesAreSkippedButCounted() {
        let table = parse("a\n\n\nb\n\n\n")
        #expect(table.rows.map(\.fields) == [["a"], ["b"]])
        #expect(table.rows.map(\.line) == [1, 4])
        #expect(parse("a\r\n\r\n\r\nb\r\n").rows.map(\.line) == [1, 4])
        #expect(parse("").rows.isEmpty)
        #expect(parse("\n\r\n\r").rows.isEmpty)
        #expect(parse("").diagnostics.isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() {
        let table = parse("\u{FEFF}id,name\nT01,青石镇\n")
        #expect(table.rows[0].fields == ["id", "name"])
        #expect(table.rows[0].columns == [1, 4])
        #expect(table.lineText(1) == "id,name")
    }

    // MARK: columns

    @Test func columnsCountChineseCharactersOnce() {
        let table = parse("青石镇,区发改局,\"栏目超过两周未更新\",x\n")
        #expect(table.rows[0].fields == ["青石镇", "区发改局", "栏目超过两周未更新", "x"])
        #expect(table.rows[0].columns == [1, 5, 10, 22])
    }

    @Test func columnsOfEmojiAndAccents() {
        // 😀 is one scalar (4 bytes); é is one scalar (2 bytes).
        #expect(parse("😀,é,x\n").rows[0].columns == [1, 3, 5])
    }

    @Test func errorColumnAfterChineseText() {
        let table = parse("2025-03-04,青石镇,坏\"值\n")
        #expect(table.diagnostics.map(\.column) == [17])
    }

    // MARK: errors

    @Test func unterminatedQuote() {
        let table = parse("date,note\n2025-01-06,\"栏目未更新\n2025-01-07,ok\n")
        #expect(table.diagnostics.count == 1)
        let d = table.diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.file == "data/checks.csv")
        #expect(d.line == 2)
        #expect(d.column == 12)
        #expect(d.message.zh == "此处开始的带引号字段没有结束；请补上右引号 \"")
        #expect(d.message.en == "quoted field starting here never ends; add the closing \"")
        #expect(d.excerpt == "2025-01-06,\"栏目未更新")
        // Reading goes on with the line after the opening quote.
        #expect(table.rows.map(\.fields) == [["date", "note"], ["2025-01-07", "ok"]])
        #expect(table.rows.map(\.line) == [1, 3])
        #expect(table.lineText(3) == "2025-01-07,ok")
    }

    @Test func unterminatedQuoteOnLastLine() {
        let table = parse("a\n\"b")
        #expect(table.diagnostics.map(\.line) == [2])
        #expect(table.diagnostics.map(\.column) == [1])
        #expect(table.rows.map(\.fields) == [["a"]])
    }

    @Test func quoteInsideUnquotedField() {
        let table = parse("a,b\nT01,say \"hi\",x\nc,d\n")
        #expect(table.diagnostics.count == 1)
        let d = table.diagnostics[0]
        #expect(d.line == 2)
        #expect(d.column == 9)
        #expect(d.message.zh == "引号出现在不以引号开头的字段中间；请把整个字段放在引号中，并把其中的引号写成两个（\"\"）")
        #expect(d.message.en == "quote inside a field that does not start with a quote; put the whole field in quotes and write each quote in it twice (\"\")")
        #expect(d.excerpt == "T01,say \"hi\",x")
        #expect(table.rows.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(table.rows.map(\.line) == [1, 3])
    }

    @Test func textAfterClosingQuote() {
        let table = parse("\"abc\"x,1\nok\n")
        #expect(table.diagnostics.count == 1)
        let d = table.diagnostics[0]
        #expect(d.line == 1)
        #expect(d.column == 6)
        #expect(d.message.zh == "带引号字段的右引号后面还有文字；右引号后应紧跟逗号或换行，字段中的引号要写成两个（\"\"）")
        #expect(d.message.en == "text after the closing quote of a quoted field; a comma or line end must follow the closing quote, and a quote inside the field is written twice (\"\")")
        #expect(d.excerpt == "\"abc\"x,1")
        #expect(table.rows.map(\.fields) == [["ok"]])
        #expect(table.rows.map(\.line) == [2])
    }

    @Test func textAfterClosingQuoteOnALaterLine() {
        let table = parse("x,\"a\nbc\" d\nok\n")
        #expect(table.diagnostics.map(\.line) == [2])
        #expect(table.diagnostics.map(\.column) == [4])
        #expect(table.diagnostics.map(\.excerpt) == ["bc\" d"])
        #expect(table.rows.map(\.line) == [3])
    }

    @Test func everyErrorIsReported() {
        let table = parse("a\"\n\"b\"c\nok\n\"d\n")
        #expect(table.diagnostics.map(\.line) == [1, 2, 4])
        #expect(table.rows.map(\.fields) == [["ok"]])
    }

    @Test func lineTooLong() {
        let long = String(repeating: "x", count: CSVReader.maxLineBytes + 1)
        let table = parse("a,b\n\(long),y\nc,d\n")
        #expect(table.diagnostics.count == 1)
        let d = table.diagnostics[0]
        #expect(d.line == 2)
        #expect(d.column == 1)
        #expect(d.message.zh == "此行超过 1 MiB（1048576 字节），不像是 CSV 表格中的一行；请检查文件是否选对")
        #expect(d.message.en == "line is longer than 1 MiB (1048576 bytes), which is not a plausible CSV row; check that this is the right file")
        #expect(d.excerpt == String(repeating: "x", count: CSVReader.maxExcerptBytes) + "…")
        #expect(table.rows.map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func lineOfManyShortFieldsTooLong() {
        let long = String(repeating: "1,", count: CSVReader.maxLineBytes / 2 + 10)
        let table = parse("\(long)\nc\n")
        #expect(table.diagnostics.map(\.line) == [1])
        #expect(table.rows.map(\.fields) == [["c"]])
    }

    @Test func lineAtTheLimitIsAccepted() {
        let exact = String(repeating: "x", count: CSVReader.maxLineBytes)
        let table = parse("\(exact)\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.rows.first?.fields.first?.utf8.count == CSVReader.maxLineBytes)
    }

    @Test func fieldTooLong() {
        let chunk = String(repeating: "y", count: 1000) + "\n"
        let body = String(repeating: chunk, count: CSVReader.maxFieldBytes / 1000 + 1)
        let table = parse("h\n\"\(body)\"\nok\n")
        #expect(table.diagnostics.count == 1)
        let d = table.diagnostics[0]
        #expect(d.line == 2)
        #expect(d.column == 1)
        #expect(d.message.zh == "此处开始的字段超过 1 MiB（1048576 字节）；可能缺少右引号 \"")
        #expect(d.message.en == "field starting here is longer than 1 MiB (1048576 bytes); a closing \" may be missing")
        #expect(table.rows.map(\.fields) == [["h"], ["ok"]])
        #expect(table.rows.last?.line == 2 + CSVReader.maxFieldBytes / 1000 + 2)
    }

    @Test func limitsCanBeLoweredForTests() {
        let table = CSVReader.parse("abcdef\n\"1234\"\nab\n", file: "f", lineLimit: 5, fieldLimit: 3)
        #expect(table.diagnostics.map(\.line) == [1, 2])
        #expect(table.rows.map(\.fields) == [["ab"]])
    }

    // MARK: line text and streaming

    @Test func lineTextOutOfRangeIsEmpty() {
        let table = parse("a\nb\n")
        #expect(table.lineText(0) == "")
        #expect(table.lineText(3) == "")
        #expect(table.lineText(-1) == "")
        #expect(table.lineCount == 2)
    }

    @Test func streamingSeesTheSameRows() {
        let text = "a,b\n\"x\ny\",z\n\nbad\"\nc,d\n"
        var streamed: [CSVRow] = []
        let table = CSVReader.parse(text, file: "f") { streamed.append($0) }
        let whole = CSVReader.parse(text, file: "f")
        #expect(table.rows.isEmpty)
        #expect(streamed == whole.rows)
        #expect(table.diagnostics == whole.diagnostics)
        #expect(table.lineText(3) == "y\",z")
    }

    @Test func streamingStopsOnThrow() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try CSVReader.parse("a\nb\nc\n", file: "f") { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    // MARK: robustness

    @Test func roundTripsRandomFields() {
        var rng = SplitMix64(seed: 7)
        let alphabet: [String] = ["a", "中", "\"", ",", "\n", "\r\n", " ", "😀", "1", "-"]
        for _ in 0..<300 {
            var records: [[String]] = []
            for _ in 0..<(1 + rng.below(5)) {
                var record: [String] = []
                for _ in 0..<(1 + rng.below(4)) {
                    var field = ""
                    for _ in 0..<rng.below(6) { field += alphabet[rng.below(alphabet.count)] }
                    record.append(field)
                }
                if record == [""] { record = ["x"] }
                records.append(record)
            }
            let text = records.map { record in
                record.map { field in
                    field.contains(where: { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                        || (rng.below(3) == 0)
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",")
            }.joined(separator: rng.below(2) == 0 ? "\n" : "\r\n")
            let table = parse(text)
            #expect(table.diagnostics.isEmpty, "\(text.debugDescription)")
            #expect(table.rows.map(\.fields) == records, "\(text.debugDescription)")
        }
    }

    @Test func neverCrashesOnRandomInput() {
        var rng = SplitMix64(seed: 42)
        let pieces: [String] = ["\"", ",", "\n", "\r", "\r\n", "a", "中", "\u{FEFF}", " ", "\"\""]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<rng.below(40) { text += pieces[rng.below(pieces.count)] }
            var streamed: [CSVRow] = []
            let table = CSVReader.parse(text, file: "f", lineLimit: 8, fieldLimit: 6)
            _ = CSVReader.parse(text, file: "f") { streamed.append($0) }
            var lastLine = 0
            for row in table.rows {
                #expect(row.line > lastLine)
                lastLine = row.line
                #expect(row.fields.count == row.columns.count)
                #expect(row.columns.allSatisfy { $0 >= 1 })
            }
            for d in table.diagnostics {
                #expect((d.line ?? 0) >= 1)
                #expect((d.column ?? 0) >= 1)
                #expect(d.isError)
            }
            for line in 0...(table.lineCount + 1) { _ = table.lineText(line) }
        }
    }
}
