import KaoheModel
import KaoheRendering

/// A text rendering of a result: what `kaohe … --format` prints on standard output.
public enum TextFormat: String, Sendable, CaseIterable {
    /// Plain text with aligned tables, as the terminal shows it (without colour).
    case text
    /// Markdown.
    case md
    /// CSV for Excel (UTF-8 with a byte-order mark).
    case csv
    /// The JSON documented in docs/commands.md, the same as `--format json`.
    case json
    /// A standalone, printable HTML page.
    case html
}

/// A binary rendering of a result, written to a file.
public enum FileFormat: String, Sendable, CaseIterable {
    /// An Excel workbook (.xlsx).
    case xlsx
    /// A Word document (.docx): for grades, bulletins and the year report.
    case docx
}

/// A result that can be rendered in every format the command line has.
public protocol Renderable: Sendable {
    /// The result as `format` text in `language`.
    func render(_ format: TextFormat, language: Language) -> String
    /// Writes the result as `format` text in `language`, UTF-8, to `chunks` a piece at a time
    /// as it is made (a JSON list of many units is never held whole; pieces end between
    /// characters). `chunks` returns false to stop; returns whether every piece was taken.
    @discardableResult
    func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool
    /// The result as a workbook or Word document, in `language`.
    func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8]
}

extension Renderable {
    /// The result as `format` text, in Chinese unless `language` says otherwise.
    public func render(_ format: TextFormat = .text) -> String { render(format, language: .zh) }

    /// Writes the result as `format` text in `language` to `stream`, a piece at a time as it is made.
    public func render(_ format: TextFormat, language: Language = .zh, to stream: inout some TextOutputStream) {
        write(format, language: language) { piece in
            stream.write(String(decoding: piece, as: UTF8.self))
            return true
        }
    }
}

/// How one result is laid out: its JSON, its document, and the documents a workbook or a Word
/// document are made of when they differ.
struct Rendition: Sendable {
    var json: @Sendable (Language) -> JSONValue
    var document: @Sendable (Language) -> Document
    var workbook: (@Sendable (Language) -> Document)? = nil
    var official: (@Sendable (Language) -> Document)? = nil
    var docx = false

    func render(_ format: TextFormat, language: Language) -> String {
        switch format {
        case .json: return json(language).serialized()
        case .text: return TextRenderer.render(document(language))
        case .md: return MarkdownRenderer.render(document(language))
        case .csv: return ExcelCSVRenderer.render(document(language))
        case .html: return HTMLRenderer.render(document(language), language: language)
        }
    }

    func write(_ format: TextFormat, language: Language, chunks: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if format == .json { return json(language).stream(to: chunks) }
        var text = render(format, language: language)
        return text.withUTF8(chunks)
    }

    func file(_ format: FileFormat, language: Language) throws(KaoheError) -> [UInt8] {
        switch format {
        case .xlsx: return XLSXRenderer.render((workbook ?? document)(language), language: language)
        case .docx:
            guard docx else { throw .unsupportedFormat(.docx) }
            return DOCXRenderer.render((official ?? document)(language), language: language)
        }
    }
}
