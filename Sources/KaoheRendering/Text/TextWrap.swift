/// Long text wrapped to a terminal of ``TextTable/maxWidth`` columns (Chinese characters count
/// two): lines break at a space or next to a Chinese character, never inside a word, a number
/// or a path (a word longer than the line is left whole), never before closing punctuation
/// (，。）…) nor after opening punctuation (（“《…); continuation lines carry an indent.
enum TextWrap {
    /// Characters a line may not start with.
    static let noStart: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "》", "】", "…", ")", ",", ".", ";", ":"]
    /// Characters a line may not end with.
    static let noEnd: Set<Character> = ["（", "「", "『", "“", "‘", "《", "【", "("]

    /// `text` as lines of at most `width` columns where it can; the first line has `first`
    /// columns less (the width of what stands before it), the others start with `indent`.
    static func lines(_ text: String, width: Int = TextTable.maxWidth, first: Int = 0, indent: String = "") -> [String] {
        guard DisplayWidth.of(text) + first > width else { return [text] }
        let indentWidth = DisplayWidth.of(indent)
        var lines: [String] = []
        var current: [Character] = []
        var widths: [Int] = []
        var used = first
        /// Where `current` may be broken: the count of characters kept on the line, and how
        /// many (spaces) are dropped at the break.
        var lastBreak: (keep: Int, drop: Int)?
        /// The break before `lastBreak`, for when a closing mark takes the last one away.
        var earlierBreak: (keep: Int, drop: Int)?
        func setBreak(_ point: (keep: Int, drop: Int)) {
            if lastBreak?.keep != point.keep { earlierBreak = lastBreak }
            lastBreak = point
        }
        for character in text {
            let w = DisplayWidth.of(String(character))
            let wide = w == 2
            if TextWrap.noStart.contains(character), lastBreak?.keep == current.count, lastBreak?.drop == 0 {
                lastBreak = earlierBreak
                earlierBreak = nil
            }
            if wide, !current.isEmpty, !TextWrap.noStart.contains(character),
               !(current.last.map(TextWrap.noEnd.contains) ?? false) {
                setBreak((current.count, 0))
            }
            if used + w > width, let cut = lastBreak, cut.keep > 0 {
                var kept = String(current[..<cut.keep])
                while kept.last == " " { kept.removeLast() }
                lines.append(kept)
                let carried = Array(current[(cut.keep + cut.drop)...])
                let carriedWidths = Array(widths[(cut.keep + cut.drop)...])
                current = carried
                widths = carriedWidths
                used = indentWidth + carriedWidths.reduce(0, +)
                lastBreak = nil
                earlierBreak = nil
            }
            current.append(character)
            widths.append(w)
            used += w
            if character == " " {
                setBreak((current.count - 1, 1))
            } else if wide, !TextWrap.noEnd.contains(character) {
                setBreak((current.count, 0))
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
    }
}
