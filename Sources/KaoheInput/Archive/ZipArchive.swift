/// Why a ZIP archive (an .xlsx workbook) cannot be read.
package enum ArchiveError: Error, Equatable, Sendable {
    /// An old binary Excel file (.xls, OLE2 compound file).
    case oldExcelFormat
    /// An OLE2 file holding an encrypted package: an .xlsx saved with a password.
    case passwordProtected
    /// Not a ZIP archive at all.
    case notAnArchive
    /// The archive ends early (its directory or a member is cut off).
    case truncated
    /// The directory or a member's header is inconsistent.
    case corrupt
    /// ZIP64 (archives and members over 4 GiB), which workbooks never need.
    case zip64
    /// A member encrypted with a password.
    case encrypted
    /// A compression method other than stored (0) and deflate (8).
    case unsupportedMethod(Int)
    /// A member whose CRC-32 differs from the directory's.
    case crcMismatch(String)
    /// A member whose length differs from the directory's.
    case sizeMismatch(String)
    /// A member that expands beyond ``ZipArchive/maxRatio`` times its compressed size (a ZIP bomb).
    case tooCompressed(String)
    /// A member's DEFLATE data is damaged.
    case badData(String, InflateError)
    /// A member the workbook needs is not in the archive.
    case missingMember(String)
    /// A member read whole that is larger than allowed.
    case memberTooLarge(String)
}

/// A ZIP archive read from its central directory (PKWARE APPNOTE 6.3): stored and deflated
/// members only, no ZIP64, no encryption. Members are read as a stream of chunks
/// (``ZipMemberReader``), their CRC-32 and length checked at the end.
package struct ZipArchive: Sendable {
    package struct Member: Sendable, Equatable {
        package var name: String
        package var method: Int
        package var flags: Int
        package var crc: UInt32
        package var compressedSize: Int
        package var size: Int
        package var localHeader: Int
    }

    /// A member may expand to at most this many times its compressed size (once it is over
    /// ``ratioFloor`` bytes): deflate can reach about 1000, real spreadsheets stay far below.
    package static let maxRatio = 250
    package static let ratioFloor = 4 << 20

    package let bytes: [UInt8]
    package let members: [Member]

    /// The first four bytes of every ZIP archive with members: `PK\3\4`.
    package static func looksLikeZip(_ head: some Collection<UInt8>) -> Bool {
        Array(head.prefix(4)) == [0x50, 0x4B, 0x03, 0x04]
    }

    /// The OLE2 compound file signature of .xls files (and of password-protected .xlsx).
    package static func looksLikeOLE2(_ head: some Collection<UInt8>) -> Bool {
        Array(head.prefix(8)) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    }

    package init(bytes: [UInt8]) throws(ArchiveError) {
        if ZipArchive.looksLikeOLE2(bytes) {
            // Excel encrypts a workbook into an OLE2 file with a stream named EncryptedPackage.
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw ZipArchive.contains(bytes, name) ? .passwordProtected : .oldExcelFormat
        }
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { throw .notAnArchive }
        self.bytes = bytes
        // End of central directory: 22 bytes and a comment of at most 65535.
        let n = bytes.count
        var end = -1
        var i = n - 22
        while i >= max(0, n - 22 - 0xFFFF) {
            if ZipArchive.u32(bytes, i) == 0x0605_4B50 {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { throw ZipArchive.looksLikeZip(bytes) ? .truncated : .notAnArchive }
        if end >= 20, ZipArchive.u32(bytes, end - 20) == 0x0706_4B50 { throw .zip64 }
        let disk = ZipArchive.u16(bytes, end + 4), directoryDisk = ZipArchive.u16(bytes, end + 6)
        let count = ZipArchive.u16(bytes, end + 10)
        let directorySize = Int(ZipArchive.u32(bytes, end + 12)), directoryOffset = Int(ZipArchive.u32(bytes, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { throw .zip64 }
        guard disk == 0, directoryDisk == 0 else { throw .corrupt }
        guard directoryOffset + directorySize <= end else { throw .truncated }
        var members: [Member] = []
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= end else { throw .truncated }
            guard ZipArchive.u32(bytes, at) == 0x0201_4B50 else { throw .corrupt }
            let flags = ZipArchive.u16(bytes, at + 8), method = ZipArchive.u16(bytes, at + 10)
            let crc = ZipArchive.u32(bytes, at + 16)
            let compressed = Int(ZipArchive.u32(bytes, at + 20)), size = Int(ZipArchive.u32(bytes, at + 24))
            let nameLength = ZipArchive.u16(bytes, at + 28), extraLength = ZipArchive.u16(bytes, at + 30)
            let commentLength = ZipArchive.u16(bytes, at + 32)
            let local = Int(ZipArchive.u32(bytes, at + 42))
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF { throw .zip64 }
            guard at + 46 + nameLength <= end else { throw .truncated }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            members.append(Member(name: name, method: method, flags: flags, crc: crc, compressedSize: compressed,
                                  size: size, localHeader: local))
            at += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// The member named `name` (ZIP names use `/`; a leading `/` is ignored, case as written).
    package func member(_ name: String) -> Member? {
        let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return members.first { $0.name == wanted } ?? members.first { $0.name.lowercased() == wanted.lowercased() }
    }

    /// Where a member's data starts and ends, its local header checked.
    func dataRange(_ member: Member) throws(ArchiveError) -> Range<Int> {
        if member.flags & 1 != 0 { throw .encrypted }
        guard member.method == 0 || member.method == 8 else {
            throw member.method == 99 ? .encrypted : .unsupportedMethod(member.method)
        }
        let at = member.localHeader
        guard at + 30 <= bytes.count else { throw .truncated }
        guard ZipArchive.u32(bytes, at) == 0x0403_4B50 else { throw .corrupt }
        let start = at + 30 + ZipArchive.u16(bytes, at + 26) + ZipArchive.u16(bytes, at + 28)
        guard start + member.compressedSize <= bytes.count else { throw .truncated }
        if member.method == 0 && member.compressedSize != member.size { throw .corrupt }
        if member.size > ZipArchive.ratioFloor && member.size / max(member.compressedSize, 1) > ZipArchive.maxRatio {
            throw .tooCompressed(member.name)
        }
        return start..<(start + member.compressedSize)
    }

    /// A stream of the member's bytes.
    package func reader(_ member: Member) throws(ArchiveError) -> ZipMemberReader {
        ZipMemberReader(archive: self, member: member, range: try dataRange(member))
    }

    /// The whole member, when it is at most `limit` bytes.
    package func contents(_ member: Member, limit: Int = 64 << 20) throws(ArchiveError) -> [UInt8] {
        guard member.size <= limit else { throw .memberTooLarge(member.name) }
        let reader = try reader(member)
        var all: [UInt8] = []
        all.reserveCapacity(member.size)
        var chunk: [UInt8] = []
        while try reader.read(into: &chunk) {
            all += chunk
            if all.count > limit { throw .memberTooLarge(member.name) }
        }
        return all
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i + 2 <= b.count else { return 0 }
        return Int(b[i]) | Int(b[i + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// One member read as a stream: each ``read(into:)`` gives the next chunk; at the end the
/// length and CRC-32 are checked against the directory.
package final class ZipMemberReader {
    private let member: ZipArchive.Member
    private let bytes: [UInt8]
    private let range: Range<Int>
    private var storedAt: Int
    private let inflater: Inflater?
    private var crc = CRC32()
    private var total = 0
    private var ended = false

    init(archive: ZipArchive, member: ZipArchive.Member, range: Range<Int>) {
        self.member = member
        bytes = archive.bytes
        self.range = range
        storedAt = range.lowerBound
        inflater = member.method == 8 ? Inflater(archive.bytes, range: range) : nil
    }

    /// Bytes given so far.
    package var offset: Int { total }

    /// Replaces `chunk` with the next bytes of the member; false (and `chunk` empty) at its end.
    package func read(into chunk: inout [UInt8]) throws(ArchiveError) -> Bool {
        if ended {
            chunk.removeAll(keepingCapacity: true)
            return false
        }
        var more: Bool
        if let inflater {
            do {
                more = try inflater.read(into: &chunk)
            } catch {
                throw .badData(member.name, error)
            }
        } else {
            chunk.removeAll(keepingCapacity: true)
            let count = min(Inflater.chunkBytes, range.upperBound - storedAt)
            chunk.append(contentsOf: bytes[storedAt..<(storedAt + count)])
            storedAt += count
            more = count > 0
        }
        total += chunk.count
        if total > member.size {
            if total > ZipArchive.ratioFloor && total / max(member.compressedSize, 1) > ZipArchive.maxRatio {
                throw .tooCompressed(member.name)
            }
            throw .sizeMismatch(member.name)
        }
        chunk.withUnsafeBytes { crc.update($0) }
        if !more {
            ended = true
            guard total == member.size else { throw .sizeMismatch(member.name) }
            guard crc.value == member.crc else { throw .crcMismatch(member.name) }
        }
        return more
    }
}
