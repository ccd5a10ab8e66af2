import KaoheModel
/// Lays a ``Document`` out as an editable Word document (Office Open XML WordprocessingML) in
/// the official-document layout of GB/T 9704-2012 (党政机关公文格式, docs/office-formats.md):
/// A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right); the title
/// in 2号 小标宋, the body in 3号 仿宋 on 22 lines a page, headings in 黑体 and 楷体; page
/// numbers `— 1 —` in 4号 宋体, right on odd pages and left on even ones; tables with their
/// header row repeated on every page. A bulletin starts with its red masthead (发文机关标志),
/// its number (发文字号) and the red separator line, and ends with the office and date
/// (落款) before the first page break (the attachments follow on a new page). Fonts are named with fallbacks in the font table (方正小标宋简体 → 宋体, 仿宋_GB2312
/// → 仿宋, …), so the document looks right with or without the office's fonts. Charts are
/// left out; every paragraph is text a clerk can edit.
package enum DOCXRenderer {
    package static func render(_ document: Document, language: Language) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", rootRelationships)
        zip.add("docProps/app.xml", appProperties)
        zip.add("word/document.xml", body(document, language: language))
        zip.add("word/_rels/document.xml.rels", documentRelationships)
        zip.add("word/styles.xml", styles(language: language))
        zip.add("word/settings.xml", settings)
        zip.add("word/fontTable.xml", fontTable)
        zip.add("word/footer1.xml", footer(odd: true))
        zip.add("word/footer2.xml", footer(odd: false))
        return zip.finished()
    }

    // MARK: - Measures (twips: 1/20 point; 1 mm ≈ 56.7 twips)

    static let pageWidth = 11906, pageHeight = 16838
    static let marginTop = 2098, marginBottom = 1984, marginLeft = 1587, marginRight = 1474
    /// The text block (版心): 156 mm wide, 225 mm high.
    static let textWidth = pageWidth - marginLeft - marginRight
    /// 22 lines in 225 mm.
    static let linePitch = (pageHeight - marginTop - marginBottom) / 22
    /// 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt, in half points.
    static let bodySize = 32, titleSize = 44, pageNumberSize = 28
    /// One body character (16 pt) in twips, for indents given in characters.
    static let character = 320

    static let red = "FF0000"

    /// The fonts, each with the one Word tries when it is missing (fontTable `altName`).
    static let titleFont = "方正小标宋简体", bodyFont = "仿宋_GB2312", heiFont = "黑体", kaiFont = "楷体_GB2312"
    static let songFont = "宋体", latinFont = "Times New Roman"

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = OfficePackage.relationshipNamespace

    // MARK: - Package parts

    static var contentTypes: String {
        var x = XMLWriter()
        x.open("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        x.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        for (part, type) in [("/word/document.xml", word + "document.main+xml"), ("/word/styles.xml", word + "styles+xml"),
                             ("/word/settings.xml", word + "settings+xml"), ("/word/fontTable.xml", word + "fontTable+xml"),
                             ("/word/footer1.xml", word + "footer+xml"), ("/word/footer2.xml", word + "footer+xml"),
                             ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")] {
            x.empty("Override", [("PartName", part), ("ContentType", type)])
        }
        return x.finished
    }

    static var rootRelationships: String { OfficePackage.rootRelationships(mainPart: "word/document.xml") }

    static var appProperties: String { OfficePackage.appProperties }

    static var documentRelationships: String {
        var x = XMLWriter()
        x.open("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for (id, kind, target) in [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"),
                                   ("rId3", "fontTable", "fontTable.xml"), ("rId4", "footer", "footer1.xml"),
                                   ("rId5", "footer", "footer2.xml")] {
            x.empty("Relationship", [("Id", id), ("Type", r + "/" + kind), ("Target", target)])
        }
        return x.finished
    }

    static var settings: String {
        var x = XMLWriter()
        x.open("w:settings", [("xmlns:w", w)])
        x.empty("w:defaultTabStop", [("w:val", "\(character * 2)")])
        // Odd pages number at the right, even ones at the left.
        x.empty("w:evenAndOddHeaders")
        x.empty("w:characterSpacingControl", [("w:val", "compressPunctuation")])
        x.open("w:compat")
        x.empty("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
        x.close()
        return x.finished
    }

    /// The fonts with their fallbacks: Word takes `altName` when a font is missing; the panose
    /// and family let LibreOffice and WPS pick a serif CJK face (Noto Serif CJK SC on Linux).
    static var fontTable: String {
        var x = XMLWriter()
        x.open("w:fonts", [("xmlns:w", w)])
        let fonts: [(name: String, alt: String?, panose: String, family: String, charset: String)] = [
            (titleFont, songFont, "02000000000000000000", "auto", "86"),
            (bodyFont, "仿宋", "02010609030101010101", "modern", "86"),
            ("仿宋", "FangSong", "02010609060101010101", "modern", "86"),
            ("FangSong", "Noto Serif CJK SC", "02010609060101010101", "modern", "86"),
            (heiFont, "SimHei", "02010609060101010101", "modern", "86"),
            (kaiFont, "楷体", "02010609030101010101", "modern", "86"),
            ("楷体", "KaiTi", "02010609060101010101", "modern", "86"),
            (songFont, "SimSun", "02010600030101010101", "auto", "86"),
            ("Noto Serif CJK SC", nil, "02020400000000000000", "roman", "86"),
            (latinFont, nil, "02020603050405020304", "roman", "00"),
        ]
        for font in fonts {
            x.open("w:font", [("w:name", font.name)])
            if let alt = font.alt { x.empty("w:altName", [("w:val", alt)]) }
            x.empty("w:panose1", [("w:val", font.panose)])
            x.empty("w:charset", [("w:val", font.charset)])
            x.empty("w:family", [("w:val", font.family)])
            x.empty("w:pitch", [("w:val", "variable")])
            x.close()
        }
        return x.finished
    }

    // MARK: - Styles

    static func fonts(_ eastAsia: String, into x: inout XMLWriter) {
        x.empty("w:rFonts", [("w:ascii", latinFont), ("w:hAnsi", latinFont), ("w:eastAsia", eastAsia), ("w:cs", latinFont)])
    }

    static func styles(language: Language) -> String {
        var x = XMLWriter()
        x.open("w:styles", [("xmlns:w", w)])
        x.open("w:docDefaults")
        x.open("w:rPrDefault")
        x.open("w:rPr")
        fonts(bodyFont, into: &x)
        x.empty("w:kern", [("w:val", "2")])
        x.empty("w:sz", [("w:val", "\(bodySize)")])
        x.empty("w:szCs", [("w:val", "\(bodySize)")])
        x.empty("w:lang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")])
        x.close(); x.close()
        x.open("w:pPrDefault")
        x.open("w:pPr")
        x.empty("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", "\(linePitch)"), ("w:lineRule", "exact")])
        x.empty("w:jc", [("w:val", "both")])
        x.close(); x.close()
        x.close()

        func style(_ id: String, name: String, basedOn: String? = "Normal", next: String? = nil, default isDefault: Bool = false,
                   outline: Int? = nil, paragraph: (inout XMLWriter) -> Void = { _ in }, run: (inout XMLWriter) -> Void = { _ in }) {
            var attributes: XMLWriter.Attributes = [("w:type", "paragraph")]
            if isDefault { attributes.append(("w:default", "1")) }
            attributes.append(("w:styleId", id))
            x.open("w:style", attributes)
            x.empty("w:name", [("w:val", name)])
            if let basedOn { x.empty("w:basedOn", [("w:val", basedOn)]) }
            if let next { x.empty("w:next", [("w:val", next)]) }
            x.empty("w:qFormat")
            x.open("w:pPr")
            paragraph(&x)
            if let outline { x.empty("w:outlineLvl", [("w:val", "\(outline)")]) }
            x.close()
            x.open("w:rPr")
            run(&x)
            x.close()
            x.close()
        }
        style("Normal", name: "Normal", basedOn: nil, default: true)
        // 正文: first line indented two characters.
        style("BodyText", name: "Body Text", paragraph: { x in
            x.empty("w:ind", [("w:firstLineChars", "200"), ("w:firstLine", "\(character * 2)")])
        })
        style("Title", name: "Title", next: "BodyText", paragraph: { x in
            // Off the page grid: a 22 pt line would take two grid lines.
            x.empty("w:snapToGrid", [("w:val", "0")])
            x.empty("w:spacing", [("w:line", "\(linePitch)"), ("w:lineRule", "exact")])
            x.empty("w:jc", [("w:val", "center")])
        }, run: { x in
            fonts(titleFont, into: &x)
            x.empty("w:sz", [("w:val", "\(titleSize)")]); x.empty("w:szCs", [("w:val", "\(titleSize)")])
        })
        style("Subtitle", name: "Subtitle", next: "BodyText", paragraph: { x in
            x.empty("w:jc", [("w:val", "center")])
        }, run: { x in fonts(kaiFont, into: &x) })
        // 一级标题 黑体, 二级标题 楷体, 三级标题 仿宋加粗, each indented two characters.
        for (level, font) in [(1, heiFont), (2, kaiFont), (3, bodyFont)] {
            style("Heading\(level)", name: "heading \(level)", next: "BodyText", outline: level - 1, paragraph: { x in
                x.empty("w:keepNext")
                x.empty("w:ind", [("w:firstLineChars", "200"), ("w:firstLine", "\(character * 2)")])
            }, run: { x in
                fonts(font, into: &x)
                if level == 3 { x.empty("w:b") }
            })
        }
        // 附件 and the like: 黑体 at the left margin.
        style("Label", name: "Label", next: "BodyText", paragraph: { x in
            x.empty("w:keepNext")
        }, run: { x in fonts(heiFont, into: &x) })
        // Tables: single spacing off the page grid, so rows stay low.
        style("TableText", name: "Table Text", paragraph: { x in
            x.empty("w:snapToGrid", [("w:val", "0")])
            x.empty("w:spacing", [("w:line", "240"), ("w:lineRule", "auto")])
            x.empty("w:jc", [("w:val", "left")])
        }, run: { x in
            x.empty("w:sz", [("w:val", "24")]); x.empty("w:szCs", [("w:val", "24")])
        })
        style("TableCaption", name: "Table Caption", next: "BodyText", paragraph: { x in
            x.empty("w:keepNext")
            x.empty("w:jc", [("w:val", "center")])
        }, run: { x in
            fonts(heiFont, into: &x)
        })
        // Lines kept as written (audit trails): ragged right, not stretched.
        style("Lines", name: "Plain Lines", paragraph: { x in x.empty("w:jc", [("w:val", "left")]) })
        style("Masthead", name: "Masthead", paragraph: { x in
            x.empty("w:snapToGrid", [("w:val", "0")])
            x.empty("w:spacing", [("w:line", "240"), ("w:lineRule", "auto")])
            x.empty("w:jc", [("w:val", "center")])
        }, run: { x in
            fonts(titleFont, into: &x)
            x.empty("w:color", [("w:val", red)])
        })
        style("Signature", name: "Signature", paragraph: { x in
            x.empty("w:ind", [("w:rightChars", "400"), ("w:right", "\(character * 4)")])
            x.empty("w:jc", [("w:val", "right")])
        })
        style("Footer", name: "footer", paragraph: { x in
            x.empty("w:snapToGrid", [("w:val", "0")])
            x.empty("w:spacing", [("w:line", "240"), ("w:lineRule", "auto")])
        }, run: { x in
            fonts(songFont, into: &x)
            x.empty("w:sz", [("w:val", "\(pageNumberSize)")]); x.empty("w:szCs", [("w:val", "\(pageNumberSize)")])
        })
        x.open("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")])
        x.empty("w:name", [("w:val", "Normal Table")])
        x.open("w:tblPr")
        x.empty("w:tblInd", [("w:w", "0"), ("w:type", "dxa")])
        x.open("w:tblCellMar")
        x.empty("w:left", [("w:w", "80"), ("w:type", "dxa")])
        x.empty("w:right", [("w:w", "80"), ("w:type", "dxa")])
        x.close()
        x.close()
        x.close()
        return x.finished
    }

    // MARK: - Footers

    /// `— 1 —` in 4号 宋体, one character in from the outer edge.
    static func footer(odd: Bool) -> String {
        var x = XMLWriter()
        x.open("w:ftr", [("xmlns:w", w), ("xmlns:r", r)])
        x.open("w:p")
        x.open("w:pPr")
        x.empty("w:pStyle", [("w:val", "Footer")])
        x.empty("w:ind", odd ? [("w:rightChars", "100"), ("w:right", "280")] : [("w:leftChars", "100"), ("w:left", "280")])
        x.empty("w:jc", [("w:val", odd ? "right" : "left")])
        x.close()
        run("— ", into: &x)
        x.open("w:r"); x.empty("w:fldChar", [("w:fldCharType", "begin")]); x.close()
        x.open("w:r"); x.element("w:instrText", [("xml:space", "preserve")], text: " PAGE "); x.close()
        x.open("w:r"); x.empty("w:fldChar", [("w:fldCharType", "separate")]); x.close()
        run("1", into: &x)
        x.open("w:r"); x.empty("w:fldChar", [("w:fldCharType", "end")]); x.close()
        run(" —", into: &x)
        x.close()
        return x.finished
    }

    // MARK: - Body

    static func body(_ document: Document, language: Language) -> String {
        var x = XMLWriter()
        x.open("w:document", [("xmlns:w", w), ("xmlns:r", r)])
        x.open("w:body")
        if case .bulletin(let masthead) = document.kind {
            mastheadBlock(masthead, into: &x)
            paragraph("", style: "Normal", into: &x)
            paragraph(document.subtitle ?? document.title, style: "Title", into: &x)
            paragraph("", style: "Normal", into: &x)
        } else {
            paragraph(document.title, style: "Title", into: &x)
            if let subtitle = document.subtitle, !subtitle.isEmpty { paragraph(subtitle, style: "Subtitle", into: &x) }
            paragraph("", style: "Normal", into: &x)
        }
        let bulletin: Document.Masthead?
        if case .bulletin(let masthead) = document.kind { bulletin = masthead } else { bulletin = nil }
        // A bulletin's office and date (落款) close its text, before the attachments' page.
        let signatureAt = bulletin == nil ? nil
            : document.blocks.firstIndex { if case .pageBreak = $0 { return true } else { return false } } ?? document.blocks.count
        for (index, block) in document.blocks.enumerated() {
            if index == signatureAt, let bulletin { signature(bulletin, into: &x) }
            switch block {
            case .heading(let text, let level):
                paragraph(text, style: level <= 0 ? "Label" : "Heading\(min(3, level))", into: &x)
            case .paragraph(let text):
                paragraph(text, style: "BodyText", into: &x)
            case .lines(let lines):
                for line in lines {
                    var properties: [(String, XMLWriter.Attributes)] = []
                    if line.indent > 0 {
                        properties.append(("w:ind", [("w:leftChars", "\(200 * line.indent)"), ("w:left", "\(character * 2 * line.indent)")]))
                    }
                    let color: String? = line.style == .error ? "C00000" : line.style == .warning ? "9C5700" : nil
                    paragraph(line.text, style: "Lines", properties: properties, bold: line.style == .strong, color: color, into: &x)
                }
            case .table(let table):
                tableBlock(table, into: &x)
            case .pageBreak:
                x.open("w:p"); x.open("w:r"); x.empty("w:br", [("w:type", "page")]); x.close(); x.close()
            case .chart:
                continue
            }
        }
        if signatureAt == document.blocks.count, let bulletin { signature(bulletin, into: &x) }
        sectionProperties(into: &x)
        return x.finished
    }

    /// 发文机关标志 in red 小标宋, sized to fit the text width; 发文字号 centred under it with the
    /// red separator line (a paragraph border, so it stays editable) below.
    static func mastheadBlock(_ masthead: Document.Masthead, into x: inout XMLWriter) {
        let characters = max(1, DisplayWidth.of(masthead.issuer) / 2)
        // 42 pt (初号) at most; smaller for a long name so it stays on one line.
        let points = max(20, min(42, (textWidth / 20 - 8) / characters))
        x.open("w:p")
        x.open("w:pPr")
        x.empty("w:pStyle", [("w:val", "Masthead")])
        x.empty("w:spacing", [("w:before", "\(linePitch)"), ("w:after", "\(linePitch)"), ("w:line", "240"), ("w:lineRule", "auto")])
        x.close()
        x.open("w:r")
        x.open("w:rPr")
        fonts(titleFont, into: &x)
        x.empty("w:color", [("w:val", red)])
        x.empty("w:sz", [("w:val", "\(points * 2)")]); x.empty("w:szCs", [("w:val", "\(points * 2)")])
        x.close()
        x.element("w:t", text: masthead.issuer)
        x.close()
        x.close()

        // The number, with the red line 4 mm under it.
        x.open("w:p")
        x.open("w:pPr")
        x.open("w:pBdr")
        x.empty("w:bottom", [("w:val", "single"), ("w:sz", "18"), ("w:space", "10"), ("w:color", red)])
        x.close()
        x.empty("w:jc", [("w:val", "center")])
        x.close()
        run(masthead.issue, into: &x)
        x.close()
    }

    /// 落款: the office and the date at the right, four characters in, after a blank line.
    static func signature(_ masthead: Document.Masthead, into x: inout XMLWriter) {
        paragraph("", style: "Normal", into: &x)
        paragraph(masthead.issuer, style: "Signature", into: &x)
        paragraph(masthead.date, style: "Signature", into: &x)
    }

    static func paragraph(_ text: String, style: String, properties: [(String, XMLWriter.Attributes)] = [], bold: Bool = false,
                          color: String? = nil, into x: inout XMLWriter) {
        x.open("w:p")
        x.open("w:pPr")
        x.empty("w:pStyle", [("w:val", style)])
        for (name, attributes) in properties { x.empty(name, attributes) }
        x.close()
        if !text.isEmpty { run(text, bold: bold, color: color, into: &x) }
        x.close()
    }

    /// A run of text; line breaks inside become `w:br`, tabs `w:tab`.
    static func run(_ text: String, bold: Bool = false, color: String? = nil, into x: inout XMLWriter) {
        x.open("w:r")
        if bold || color != nil {
            x.open("w:rPr")
            if bold { x.empty("w:b") }
            if let color { x.empty("w:color", [("w:val", color)]) }
            x.close()
        }
        let lines = XMLWriter.clean(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { x.empty("w:br") }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (p, piece) in pieces.enumerated() {
                if p > 0 { x.empty("w:tab") }
                if piece.isEmpty { continue }
                let spaced = piece.first == " " || piece.last == " " || piece.contains("  ")
                x.element("w:t", spaced ? [("xml:space", "preserve")] : [], text: String(piece))
            }
        }
        x.close()
    }

    /// A table over the text width, columns as wide as their content asks (shared out), the
    /// header row repeated on each page, numbers right-aligned.
    static func tableBlock(_ table: Table, into x: inout XMLWriter) {
        let columns = table.headers.count
        guard columns > 0 else { return }
        if let caption = table.caption, !caption.isEmpty { paragraph(caption, style: "TableCaption", into: &x) }
        let numeric = table.numericColumns()
        // Many columns take a smaller size (五号, 10.5 pt) so the table fits the page width.
        let size = columns > 7 ? 21 : 24
        let widths = columnWidths(table, numeric: numeric, halfCharacter: size * 5)

        x.open("w:tbl")
        x.open("w:tblPr")
        x.empty("w:tblW", [("w:w", "\(widths.reduce(0, +))"), ("w:type", "dxa")])
        x.empty("w:jc", [("w:val", "center")])
        x.open("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            x.empty("w:" + side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")])
        }
        x.close()
        x.empty("w:tblLayout", [("w:type", "fixed")])
        x.open("w:tblCellMar")
        x.empty("w:left", [("w:w", "80"), ("w:type", "dxa")])
        x.empty("w:right", [("w:w", "80"), ("w:type", "dxa")])
        x.close()
        x.empty("w:tblLook", [("w:val", "04A0"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                              ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")])
        x.close()
        x.open("w:tblGrid")
        for width in widths { x.empty("w:gridCol", [("w:w", "\(width)")]) }
        x.close()

        func row(_ cells: [String], header: Bool) {
            x.open("w:tr")
            x.open("w:trPr")
            x.empty("w:cantSplit")
            if header { x.empty("w:tblHeader") }
            x.close()
            for index in 0..<columns {
                x.open("w:tc")
                x.open("w:tcPr")
                x.empty("w:tcW", [("w:w", "\(widths[index])"), ("w:type", "dxa")])
                if header { x.empty("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E7E6E6")]) }
                x.empty("w:vAlign", [("w:val", "center")])
                x.close()
                x.open("w:p")
                x.open("w:pPr")
                x.empty("w:pStyle", [("w:val", "TableText")])
                x.empty("w:jc", [("w:val", header ? "center" : numeric[index] ? "right" : "left")])
                x.close()
                let text = index < cells.count ? cells[index] : ""
                if !text.isEmpty {
                    x.open("w:r")
                    x.open("w:rPr")
                    if header { x.empty("w:b") }
                    x.empty("w:sz", [("w:val", "\(size)")]); x.empty("w:szCs", [("w:val", "\(size)")])
                    x.close()
                    x.element("w:t", text: XMLWriter.clean(text))
                    x.close()
                }
                x.close()
                x.close()
            }
            x.close()
        }
        row(table.headers, header: true)
        for cells in table.rows { row(cells.map(\.display), header: false) }
        x.close()
        // A table may not end a document or touch the next table: an empty paragraph follows.
        paragraph("", style: "Normal", into: &x)
    }

    /// Column widths in twips over the text width: each column as wide as its widest cell and
    /// header (`halfCharacter` twips a display column, plus the cell margins); when that is too
    /// wide, headers wrap first, then text columns — down to two characters or their longest
    /// Latin word or date, which never breaks — while numbers keep their width.
    static func columnWidths(_ table: Table, numeric: [Bool], halfCharacter: Int) -> [Int] {
        let columns = table.headers.count
        let margins = 200
        let headers = table.headers.map { min(24, DisplayWidth.of($0)) }
        var cells = Array(repeating: 0, count: columns)
        var words = table.headers.map { max(4, longestWord($0)) }
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < columns {
                let text = cell.display.prefix(80)
                cells[index] = max(cells[index], min(40, DisplayWidth.of(text)))
                words[index] = max(words[index], min(16, longestWord(String(text))))
            }
        }
        // Three levels, filled in turn while there is room: the least a column takes, its
        // cells unwrapped, then its header unwrapped too.
        let least = headers.indices.map { (numeric[$0] ? max(cells[$0], words[$0]) : words[$0]) * halfCharacter + margins }
        let unwrapped = headers.indices.map { max(cells[$0], words[$0]) * halfCharacter + margins }
        let need = headers.indices.map { max(headers[$0], cells[$0], words[$0]) * halfCharacter + margins }
        var widths = least
        for level in [unwrapped, need] {
            let room = textWidth - widths.reduce(0, +)
            let more = zip(level, widths).map { max(0, $0 - $1) }
            let wanted = more.reduce(0, +)
            guard room > 0, wanted > 0 else { continue }
            widths = widths.indices.map { widths[$0] + (wanted <= room ? more[$0] : more[$0] * room / wanted) }
        }
        // Room left over is shared by the columns in proportion to their width.
        let spare = textWidth - widths.reduce(0, +)
        if spare > 0 {
            let total = max(1, widths.reduce(0, +))
            widths = widths.map { $0 + spare * $0 / total }
        }
        // Rounding leaves a few twips, which the last column takes; a table too wide for the page
        // keeps its width.
        widths[columns - 1] += max(0, textWidth - widths.reduce(0, +))
        return widths
    }

    /// The display width of the longest run of narrow characters (a Latin word), which a cell
    /// cannot break; CJK text breaks between any two characters.
    static func longestWord(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == " " || DisplayWidth.of(scalar) != 1 { current = 0 } else { current += 1 }
            longest = max(longest, current)
        }
        return longest
    }

    static func sectionProperties(into x: inout XMLWriter) {
        x.open("w:sectPr")
        x.empty("w:footerReference", [("w:type", "default"), ("r:id", "rId4")])
        x.empty("w:footerReference", [("w:type", "even"), ("r:id", "rId5")])
        x.empty("w:pgSz", [("w:w", "\(pageWidth)"), ("w:h", "\(pageHeight)")])
        // The footer sits 7 mm under the text block, as the standard places the page number.
        x.empty("w:pgMar", [("w:top", "\(marginTop)"), ("w:right", "\(marginRight)"), ("w:bottom", "\(marginBottom)"),
                            ("w:left", "\(marginLeft)"), ("w:header", "851"), ("w:footer", "1304"), ("w:gutter", "0")])
        x.empty("w:pgNumType", [("w:start", "1")])
        x.empty("w:cols", [("w:space", "425")])
        x.empty("w:docGrid", [("w:type", "lines"), ("w:linePitch", "\(linePitch)")])
        x.close()
    }
}
