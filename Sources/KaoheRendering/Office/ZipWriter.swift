import KaoheInput

/// A ZIP archive (PKWARE APPNOTE 6.3) written in memory, as the Office Open XML packages of
/// `--format xlsx` and `--format docx` need it: entries deflated (stored when that is no
/// smaller), each with its CRC-32, in the order added. Every entry carries the same fixed time (1980-01-01 00:00, the
/// earliest a ZIP can say), so the same input gives the same bytes.
struct ZipWriter {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    /// DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = 1 << 5 | 1
    private static let dosTime: UInt16 = 0

    /// Adds a file; `name` uses `/` between folders and must be unique in the archive.
    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        let size = UInt32(truncatingIfNeeded: data.count)
        let deflated = Deflate.compress(data)
        let compressed = deflated.count < data.count
        let stored = compressed ? deflated : data
        let method: UInt16 = compressed ? 8 : 0
        let storedSize = UInt32(truncatingIfNeeded: stored.count)
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800

        // Local file header.
        append32(0x0403_4B50, to: &bytes)
        append16(20, to: &bytes)            // version needed to extract (2.0)
        append16(flags, to: &bytes)
        append16(method, to: &bytes)        // 8 deflated, 0 stored
        append16(ZipWriter.dosTime, to: &bytes)
        append16(ZipWriter.dosDate, to: &bytes)
        append32(crc, to: &bytes)
        append32(storedSize, to: &bytes)    // compressed size
        append32(size, to: &bytes)          // uncompressed size
        append16(UInt16(truncatingIfNeeded: nameBytes.count), to: &bytes)
        append16(0, to: &bytes)             // extra field length
        bytes += nameBytes
        bytes += stored

        // Central directory entry.
        append32(0x0201_4B50, to: &central)
        append16(20, to: &central)          // version made by (2.0, MS-DOS attributes)
        append16(20, to: &central)
        append16(flags, to: &central)
        append16(method, to: &central)
        append16(ZipWriter.dosTime, to: &central)
        append16(ZipWriter.dosDate, to: &central)
        append32(crc, to: &central)
        append32(storedSize, to: &central)
        append32(size, to: &central)
        append16(UInt16(truncatingIfNeeded: nameBytes.count), to: &central)
        append16(0, to: &central)           // extra field length
        append16(0, to: &central)           // comment length
        append16(0, to: &central)           // disk number
        append16(0, to: &central)           // internal attributes
        append32(0, to: &central)           // external attributes
        append32(offset, to: &central)
        central += nameBytes
        count += 1
    }

    mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The whole archive: the entries, the central directory and its end record.
    func finished() -> [UInt8] {
        var out = bytes
        let offset = UInt32(truncatingIfNeeded: out.count)
        out += central
        append32(0x0605_4B50, to: &out)
        append16(0, to: &out)               // this disk
        append16(0, to: &out)               // disk with the central directory
        append16(UInt16(truncatingIfNeeded: count), to: &out)
        append16(UInt16(truncatingIfNeeded: count), to: &out)
        append32(UInt32(truncatingIfNeeded: central.count), to: &out)
        append32(offset, to: &out)
        append16(0, to: &out)               // comment length
        return out
    }

    private func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private func append32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
