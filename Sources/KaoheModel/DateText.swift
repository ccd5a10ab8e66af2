/// The one reader of dates written in data files, in the forms people and spreadsheet programs
/// write them (docs/data-files.md, Dates):
///
/// - `2025-01-07`, `2025/1/7`, `2025.1.7`, `2025年1月7日`, each optionally followed by a time
///   (`2025/1/7 9:30`, `2025-01-07 00:00:00`, `2025-01-07T09:30`);
/// - full-width digits and punctuation (`２０２５－０１－０７`) read as ASCII;
/// - a plain number, Excel's serial day number (45663 is 2025-01-06), told apart so the
///   caller can note it;
/// - a two-digit year (`1/7/25`, `25/1/7`) is never guessed at.
package enum DateText {
    package enum Reading: Sendable, Equatable {
        /// A date, with the minutes after midnight when a time was written.
        case date(CivilDate, minute: Int?)
        /// An Excel serial day number (1900 date system).
        case serial(CivilDate)
        /// A date whose year has only two digits.
        case twoDigitYear
        case invalid
    }

    package static func read(_ text: some StringProtocol) -> Reading {
        let ascii = FullWidth.ascii(String(text))
        var scalars = Substring(ascii).unicodeScalars[...]
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        let trimmed = String(scalars)
        guard !trimmed.isEmpty else { return .invalid }
        // The date and the time, split at the first space or `T`.
        var datePart = Substring(trimmed)
        var timePart: Substring?
        if let split = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }) {
            datePart = trimmed[..<split]
            timePart = trimmed[trimmed.index(after: split)...].drop(while: { $0 == " " })
        }
        if timePart == nil, let serial = serialDate(datePart) { return .serial(serial) }
        var minute: Int?
        if let timePart {
            guard let time = minutes(timePart) else { return .invalid }
            minute = time
        }
        switch parts(datePart) {
        case .some(let p):
            if p.count == 3 && p[0].digits == 4 && p[1].digits <= 2 && p[2].digits <= 2 {
                guard let date = CivilDate(year: p[0].value, month: p[1].value, day: p[2].value) else { return .invalid }
                return .date(date, minute: minute)
            }
            if p.count == 3 && (p[0].digits <= 2 && p[2].digits <= 2) { return .twoDigitYear }
            return .invalid
        case .none:
            return .invalid
        }
    }

    /// The date of a plain whole number read as an Excel serial day (1 to 2958465, not the
    /// phantom 1900-02-29), or of a decimal one whose fraction is a time.
    static func serialDate(_ text: Substring) -> CivilDate? {
        var digits = 0
        var seenPoint = false
        for ch in text.utf8 {
            if ch >= 48 && ch <= 57 {
                if !seenPoint { digits += 1 }
            } else if ch == 46 && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard (1...7).contains(digits), let value = Double(text), value >= 1 else { return nil }
        let day = Int(value.rounded(.down))
        guard day != 60, day <= 2_958_465 else { return nil }
        guard let epoch = CivilDate(year: 1899, month: 12, day: 30) else { return nil }
        return CivilDate(dayNumber: epoch.dayNumber + (day < 60 ? day + 1 : day))
    }

    /// The numbers of a date part and their digit counts; separators `-`, `/`, `.` (one kind)
    /// or `年` `月` (with an optional closing `日`).
    static func parts(_ text: Substring) -> [(value: Int, digits: Int)]? {
        var parts: [(value: Int, digits: Int)] = []
        var current = 0, digits = 0
        var separator: Character?
        var closed = false
        for ch in text {
            if closed { return nil }
            if let digit = ch.asciiDigit {
                current = current * 10 + digit
                digits += 1
                if digits > 4 { return nil }
                continue
            }
            guard digits > 0 else { return nil }
            switch ch {
            case "-", "/", ".":
                if separator == nil { separator = ch } else if separator != ch { return nil }
            case "年":
                guard separator == nil, parts.isEmpty else { return nil }
                separator = "年"
            case "月":
                guard separator == "年", parts.count == 1 else { return nil }
            case "日":
                guard separator == "年", parts.count == 2 else { return nil }
                closed = true
            default:
                return nil
            }
            parts.append((current, digits))
            current = 0
            digits = 0
        }
        if digits > 0 {
            parts.append((current, digits))
        } else if !closed {
            return nil
        }
        return parts
    }

    /// `9:30`, `09:30`, `09:30:00` (seconds allowed, not kept) → minutes after midnight.
    static func minutes(_ text: Substring) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count),
              pieces.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.asciiDigit != nil } }),
              let h = Int(pieces[0]), let m = Int(pieces[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        if pieces.count == 3 { guard let s = Int(pieces[2]), (0...59).contains(s) else { return nil } }
        return h * 60 + m
    }
}

/// Full-width forms as their ASCII characters: a Chinese input method in full-width mode types
/// `２０２５－０１－０７` for `2025-01-07`.
package enum FullWidth {
    /// `text` with U+FF01…U+FF5E turned into ASCII and U+3000 into a space; the text itself when
    /// there is nothing to turn (no copy).
    package static func ascii(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return text }
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(ascii)
                changed = true
            } else if scalar.value == 0x3000 {
                out.append(" ")
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }
}

extension Character {
    /// 0…9 for an ASCII digit.
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}
