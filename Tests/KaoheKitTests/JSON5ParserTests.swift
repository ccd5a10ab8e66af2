import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering
import KaoheTestSupport

@Suite struct JSON5ParserTests {
    // MARK: Helpers

    func parse(_ text: String) -> JSON5Node? {
        JSON5Parser.parse(text, file: "t.json5").document?.root
    }

    /// The single diagnostic of a text that fails to parse.
    func failure(_ text: String) -> Diagnostic? {
        let (document, diagnostics) = JSON5Parser.parse(text, file: "t.json5")
        #expect(document == nil)
        #expect(diagnostics.count == 1)
        return diagnostics.first
    }

    func members(_ node: JSON5Node?) -> [JSON5Member] {
        if case .object(let m)? = node?.value { return m }
        return []
    }

    func elements(_ node: JSON5Node?) -> [JSON5Node] {
        if case .array(let e)? = node?.value { return e }
        return []
    }

    func member(_ node: JSON5Node?, _ key: String) -> JSON5Node? {
        members(node).first { $0.key == key }?.value
    }

    func string(_ node: JSON5Node?) -> String? {
        if case .string(let s)? = node?.value { return s }
        return nil
    }

    func number(_ node: JSON5Node?) -> JSON5Number? {
        if case .number(let n)? = node?.value { return n }
        return nil
    }

    // MARK: JSON5 syntax

    @Test func plainJSON() {
        let root = parse(#"{"a": 1, "b": [true, false, null], "c": "x"}"#)
        #expect(members(root).map(\.key) == ["a", "b", "c"])
        #expect(elements(member(root, "b")).map(\.value) == [.bool(true), .bool(false), .null])
        #expect(string(member(root, "c")) == "x")
        #expect(number(member(root, "a"))?.text == "1")
    }

    @Test func json5Extensions() {
        let text = """
        // line comment
        {
          /* block
             comment */
          unquoted: 'single "quoted"',
          $dollar_1: "double 'quoted'",
          中文键: 1,
          trailing: [1, 2, 3,],
          plus: +1,
          lead: .5,
          trail: 5.,
          exp: 2.5e-1,
          hex: 0x1F,
          inf: -Infinity,
          nan: NaN,
        }
        """
        let root = parse(text)
        #expect(members(root).map(\.key) == ["unquoted", "$dollar_1", "中文键", "trailing", "plus", "lead", "trail",
                                             "exp", "hex", "inf", "nan"])
        #expect(string(member(root, "unquoted")) == #"single "quoted""#)
        #expect(string(member(root, "$dollar_1")) == "double 'quoted'")
        #expect(elements(member(root, "trailing")).count == 3)
        #expect(number(member(root, "plus")) == JSON5Number(text: "+1", kind: .decimal))
        #expect(number(member(root, "lead"))?.decimal == ExactDecimal("0.5"))
        #expect(number(member(root, "trail"))?.decimal == ExactDecimal(5))
        #expect(number(member(root, "exp"))?.decimal == ExactDecimal("0.25"))
        #expect(number(member(root, "hex")) == JSON5Number(text: "0x1F", kind: .hexadecimal))
        #expect(number(member(root, "hex"))?.conversion == .notDecimal)
        #expect(number(member(root, "inf")) == JSON5Number(text: "-Infinity", kind: .infinity))
        #expect(number(member(root, "nan"))?.kind == .nan)
        #expect(number(member(root, "nan"))?.decimal == nil)
    }

    @Test func escapes() {
        let root = parse(#"['\b\f\n\r\t\v\0\'\"\\\/\q', "\u4E2D\u6587", "\uD83D\uDE00", "\x41"]"#)
        let values = elements(root).compactMap { string($0) }
        #expect(values == ["\u{08}\u{0C}\n\r\t\u{0B}\u{00}'\"\\/q", "中文", "😀", "A"])
    }

    @Test func lineContinuationWithCRLF() {
        #expect(string(parse("'a\\\r\nb'")) == "ab")
        #expect(string(parse("'a\\\nb'")) == "ab")
        #expect(string(parse("'a\\\u{2028}b'")) == "ab")
    }

    @Test func identifierKeyWithEscape() {
        #expect(members(parse(#"{ \u0061b: 1 }"#)).map(\.key) == ["ab"])
    }

    @Test func keysKeepFileOrder() {
        #expect(members(parse("{z: 1, a: 2, m: 3}")).map(\.key) == ["z", "a", "m"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let root = parse("\u{FEFF}{a: 1}")
        #expect(root?.line == 1 && root?.column == 1)
    }

    // MARK: Positions

    @Test func positionsCountCharacters() {
        let text = "{\n  名称: '渭滨', b: [1,\r\n    2],\n  c: 'é😀', d: 3\n}"
        let root = parse(text)
        #expect(root?.line == 1 && root?.column == 1)
        let m = members(root)
        #expect(m[0].keyLine == 2 && m[0].keyColumn == 3)
        #expect(m[0].value.line == 2 && m[0].value.column == 7)
        #expect(m[1].keyLine == 2 && m[1].keyColumn == 13)
        let b = elements(m[1].value)
        #expect(b[0].line == 2 && b[0].column == 17)
        // CRLF is one line break.
        #expect(b[1].line == 3 && b[1].column == 5)
        // A combining accent and an emoji each count as one character.
        let text2 = "{c: 'e\u{301}😀', d: 3}"
        let d = members(parse(text2))[1]
        #expect(d.keyLine == 1 && d.keyColumn == 11)
    }

    // MARK: Duplicate keys

    @Test func duplicateKeysAreReportedButParsed() {
        let text = "{\n  a: 1,\n  b: { x: 1, x: 2 },\n  a: 3,\n}"
        let (document, diagnostics) = JSON5Parser.parse(text, file: "d.json5")
        #expect(document != nil)
        #expect(members(document?.root).map(\.key) == ["a", "b", "a"])
        #expect(diagnostics.count == 2)
        let inner = diagnostics[0]
        #expect(inner.line == 3 && inner.column == 14)
        #expect(inner.message.zh == "b.x: 键 “x” 重复（第一次出现在第 3 行第 8 列）；同一对象中每个键只能出现一次")
        #expect(inner.message.en == "b.x: duplicate key \"x\" (first given at line 3, column 8); a key may appear only once in an object")
        #expect(inner.excerpt == "  b: { x: 1, x: 2 },")
        #expect(diagnostics[1].line == 4 && diagnostics[1].column == 3)
        #expect(diagnostics[1].isError)
        #expect(diagnostics[1].file == "d.json5")
    }

    // MARK: Syntax errors

    @Test func missingComma() throws {
        let d = try #require(failure("{\n  a: 1\n  b: 2\n}"))
        #expect(d.line == 3 && d.column == 3)
        #expect(d.message.zh == "语法错误：对象成员之后应为 “,” 或 “}”，实际是 “b”")
        #expect(d.message.en == "syntax error: expected ',' or '}' after an object member, found 'b'")
        #expect(d.excerpt == "  b: 2")
    }

    @Test func syntaxErrorNamesThePath() throws {
        let d = try #require(failure("{categories: [{id: 'a'}, {id: 'b' name: 'x'}]}"))
        #expect(d.line == 1 && d.column == 35)
        #expect(d.message.zh == "categories[1]: 语法错误：对象成员之后应为 “,” 或 “}”，实际是 “n”")
        #expect(d.message.en == "categories[1]: syntax error: expected ',' or '}' after an object member, found 'n'")
    }

    @Test func unquotedText() throws {
        let d = try #require(failure("{name: 渭滨}"))
        #expect(d.column == 8)
        #expect(d.message.zh == "name: 语法错误：无法识别的词 “渭滨”；值应为对象、数组、字符串、数字、true、false 或 null（文字须加引号）")
        #expect(d.message.en == "name: syntax error: unrecognised word '渭滨'; a value is an object, array, string, number, true, false or null (text needs quotes)")
    }

    @Test func unterminatedString() throws {
        let d = try #require(failure("{a: 'abc\n}"))
        #expect(d.line == 1 && d.column == 5)
        #expect(d.message.en == "a: syntax error: the string is not closed: the closing ' is missing before the end of the line (write a line break as \\n)")
    }

    @Test func unterminatedComment() throws {
        let d = try #require(failure("{a: 1 /* open\n"))
        #expect(d.line == 1 && d.column == 7)
        #expect(d.message.zh == "语法错误：注释 /* 没有结束：缺少 */")
    }

    @Test func missingColon() throws {
        let d = try #require(failure("{a 1}"))
        #expect(d.column == 4)
        #expect(d.message.en == "syntax error: expected ':' after key 'a', found '1'")
    }

    @Test func hyphenatedKeyNeedsQuotes() throws {
        let d = try #require(failure("{consequences: {rectify-late: {}}}"))
        #expect(d.column == 24)
        #expect(d.message.zh == "consequences: 语法错误：键 “rectify” 之后应为 “:”，实际是 “-”；含有 - 等符号的键须加引号，如 \"rectify-late\"")
        #expect(d.message.en == "consequences: syntax error: expected ':' after key 'rectify', found '-'; a key with '-' or other symbols needs quotes, e.g. \"rectify-late\"")
    }

    @Test func unexpectedEnd() throws {
        let d = try #require(failure("{a: [1, 2"))
        #expect(d.line == 1 && d.column == 10)
        #expect(d.message.en == "a: syntax error: expected ',' or ']' after an array element, found the end of the file")
        #expect(d.message.zh == "a: 语法错误：数组元素之后应为 “,” 或 “]”，实际是 文件结尾")
    }

    @Test func emptyAndTrailingContent() throws {
        let empty = try #require(failure("  // nothing\n"))
        #expect(empty.message.en == "syntax error: the file is empty; expected a JSON5 value (normally an object {…})")
        let extra = try #require(failure("{} {}"))
        #expect(extra.column == 4)
        #expect(extra.message.en == "syntax error: unexpected '{' after the value; a file holds exactly one top-level value")
    }

    @Test func badNumbers() throws {
        for (text, shown) in [("[01]", "01"), ("[1.2.3]", "1.2.3"), ("[12abc]", "12abc"), ("[+]", "+"), ("[.]", "."),
                              ("[1e]", "1e"), ("[0x]", "0x"), ("[-foo]", "-foo")] {
            let d = try #require(failure(text))
            #expect(d.column == 2, "\(text)")
            if text == "[01]" {
                #expect(d.message.en == "[0]: syntax error: number '01' must not start with a leading zero")
            } else {
                #expect(d.message.en == "[0]: syntax error: invalid number '\(shown)'", "\(text)")
            }
        }
    }

    @Test func badEscapes() throws {
        #expect(try #require(failure(#"['\u12G4']"#)).message.en == "[0]: syntax error: invalid escape '\\u12G': 4 hexadecimal digits are needed")
        #expect(try #require(failure(#"['\1']"#)).message.en == "[0]: syntax error: invalid escape '\\1'")
        #expect(try #require(failure(#"['\uD83D']"#)).message.en
                == "[0]: syntax error: surrogate \\uD83D is not followed by a low surrogate \\uDC00…\\uDFFF")
        #expect(try #require(failure(#"['\uDE00']"#)).message.en == "[0]: syntax error: lone low surrogate \\uDE00 is not a valid character")
    }

    @Test func loneSlash() throws {
        let d = try #require(failure("{a: 1 / 2}"))
        #expect(d.column == 7)
        #expect(d.message.en == "syntax error: a lone '/'; comments are written // or /* */")
    }

    // MARK: Depth and robustness

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(parse(ok) != nil)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let d = try #require(failure(deep))
        #expect(d.column == 65)
        #expect(d.message.en.hasSuffix("syntax error: objects and arrays are nested more than 64 levels deep"))
        #expect(d.message.zh.hasSuffix("语法错误：对象和数组嵌套超过 64 层"))
        // Far deeper input fails the same way instead of exhausting the stack.
        #expect(failure(String(repeating: "{a:", count: 200_000)) != nil)
    }

    @Test func fuzzNeverCrashes() {
        let sample = """
        // c
        { id: 'x', "n": [1, -2.5e3, +.5, 0x1F, Infinity, NaN, true, null, {a: "\\u4E2D\\n"}], /* b */ z: 'q', }
        """
        let alphabet = Array("{}[]:,'\"\\/ *\n\r\tabcxeEu0123456789.+-_$中\u{2028}\u{FEFF}")
        var random = SplitMix64(seed: 42)
        var inputs: [String] = []
        let chars = Array(sample)
        for cut in 0...chars.count { inputs.append(String(chars[..<cut])) }
        for _ in 0..<3000 {
            var c = chars
            for _ in 0..<(1 + random.below(4)) {
                let i = random.below(c.count)
                switch random.below(3) {
                case 0: c[i] = alphabet[random.below(alphabet.count)]
                case 1: c.remove(at: i)
                default: c.insert(alphabet[random.below(alphabet.count)], at: i)
                }
                if c.isEmpty { c = ["{"] }
            }
            inputs.append(String(c))
        }
        for _ in 0..<1000 {
            inputs.append(String((0..<random.below(40)).map { _ in alphabet[random.below(alphabet.count)] }))
        }
        for input in inputs {
            let (document, diagnostics) = JSON5Parser.parse(input, file: "f")
            if document == nil {
                #expect(diagnostics.contains { $0.isError }, "\(input.debugDescription)")
            }
            for d in diagnostics {
                #expect((d.line ?? 0) >= 1 && (d.column ?? 0) >= 1)
                #expect(!d.message.zh.isEmpty && !d.message.en.isEmpty)
            }
        }
    }

    @Test func largeInputs() {
        // 100 000 numbers on one line, and long runs of unusual text: parsed or rejected, never stuck.
        let numbers = "[" + Array(repeating: "12.5", count: 100_000).joined(separator: ",") + "]"
        #expect(elements(parse(numbers)).count == 100_000)
        var random = SplitMix64(seed: 99)
        let alphabet = Array("{}[]:,'\"\\/*\n ax0.-中")
        let noise = String((0..<200_000).map { _ in alphabet[random.below(alphabet.count)] })
        _ = JSON5Parser.parse(noise, file: "n")
        _ = JSON5Parser.parse("'" + String(repeating: "a", count: 200_000), file: "n")
        _ = JSON5Parser.parse("/*" + String(repeating: "*", count: 200_000), file: "n")
        _ = JSON5Parser.parse(String(repeating: "[", count: 1_000_000), file: "n")
    }

    // MARK: Exact numbers

    @Test func numbersConvertExactly() throws {
        func value(_ text: String) -> ExactDecimal? { JSON5Number(text: text, kind: .decimal).decimal }
        let a = try #require(value("0.1")), b = try #require(value("0.2"))
        #expect(a + b == ExactDecimal("0.3"))
        #expect(try #require(value("0.7")) + a + b == .one)
        #expect(value("1e2") == 100)
        #expect(value("1E+2") == 100)
        #expect(value("-2.5e-3") == ExactDecimal("-0.0025"))
        #expect(value("123.4500e1") == ExactDecimal("1234.5"))
        #expect(value("0.000") == .zero)
        #expect(value("0e999999999999") == .zero)
        #expect(value("999999999.9999999999") == ExactDecimal("999999999.9999999999"))
        #expect(value("0.00000000010") == ExactDecimal("0.0000000001"))
        #expect(JSON5Number(text: "1234567890", kind: .decimal).conversion == .outOfRange)
        #expect(JSON5Number(text: "0.00000000001", kind: .decimal).conversion == .outOfRange)
        #expect(JSON5Number(text: "1e99999999999999999999", kind: .decimal).conversion == .outOfRange)
        #expect(JSON5Number(text: "Infinity", kind: .infinity).conversion == .notDecimal)
    }

    @Test func parsedNumbersKeepTheirText() {
        let root = parse("[0.10, 1.50e1, -0]")
        #expect(elements(root).compactMap { number($0)?.text } == ["0.10", "1.50e1", "-0"])
        #expect(elements(root).compactMap { number($0)?.decimal } == [ExactDecimal("0.1"), 15, .zero])
    }

    @Test func pathDescriptions() {
        let path = JSON5Path.root.key("categories").index(2).key("points")
        #expect(path.description == "categories[2].points")
        #expect(JSON5Path.root.key("consequences").key("rectify-late").description == "consequences.rectify-late")
        #expect(JSON5Path.root.key("a b").description == "[\"a b\"]")
        #expect(JSON5Path.root.text(.zh) == "（顶层）")
        #expect(JSON5Path.root.text(.en) == "(top level)")
    }
}
