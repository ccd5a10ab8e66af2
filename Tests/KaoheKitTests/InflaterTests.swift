import Testing
import Foundation
@testable import KaoheInput

/// The fixtures under Fixtures/Deflate and Fixtures/Zip were made by python3's zlib and
/// zipfile (the `make.py` beside them).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ path: String) -> [UInt8] {
        (try? Data(contentsOf: folder.appendingPathComponent(path))).map { [UInt8]($0) } ?? []
    }
}

func inflateAll(_ compressed: [UInt8]) throws(InflateError) -> [UInt8] {
    let inflater = Inflater(compressed)
    var all: [UInt8] = []
    var chunk: [UInt8] = []
    while try inflater.read(into: &chunk) {
        #expect(chunk.count <= Inflater.chunkBytes + 258)
        all += chunk
    }
    return all
}

@Suite struct InflaterTests {
    @Test(arguments: 0...9) func zlibLevels(level: Int) throws {
        let input = Fixtures.bytes("Deflate/input.bin")
        #expect(input.count > 60_000)
        #expect(try inflateAll(Fixtures.bytes("Deflate/level\(level).deflate")) == input)
    }

    @Test func fixedHuffmanBlocks() throws {
        #expect(try inflateAll(Fixtures.bytes("Deflate/fixed.deflate")) == Fixtures.bytes("Deflate/input.bin"))
    }

    @Test func longOutputComesInBoundedChunks() throws {
        let expected = String(decoding: Fixtures.bytes("Deflate/long.txt"), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).compactMap { UInt32($0) }
        let inflater = Inflater(Fixtures.bytes("Deflate/long.deflate"))
        var chunk: [UInt8] = []
        var crc = CRC32()
        var chunks = 0
        while try inflater.read(into: &chunk) {
            #expect(chunk.count <= Inflater.chunkBytes + 258)
            chunk.withUnsafeBytes { crc.update($0) }
            chunks += 1
        }
        #expect(chunks > 10)
        #expect([UInt32(inflater.totalOut), crc.value] == expected)
        #expect(inflater.finished)
    }

    @Test func emptyAndTruncatedStreams() {
        #expect(throws: InflateError.truncated) { try inflateAll([]) }
        let full = Fixtures.bytes("Deflate/level6.deflate")
        for cut in [1, 2, 10, full.count / 2, full.count - 1] {
            #expect(throws: InflateError.self) { try inflateAll(Array(full.prefix(cut))) }
        }
        let stored = Fixtures.bytes("Deflate/level0.deflate")
        #expect(throws: InflateError.truncated) { try inflateAll(Array(stored.prefix(stored.count - 5))) }
    }

    @Test func corruptStreamsGiveErrors() {
        // Block type 3.
        #expect(throws: InflateError.badBlockType) { try inflateAll([0x07]) }
        // A stored block whose length complement is wrong.
        #expect(throws: InflateError.badStoredLength) { try inflateAll([0x01, 0x05, 0x00, 0x00, 0x00]) }
        // A fixed block whose first symbol is a match with nothing before it.
        #expect(throws: InflateError.distanceTooFar) { try inflateAll([0x03, 0x02, 0x00, 0x00]) }
        // Every byte of a dynamic stream flipped in turn: an error or some output, never a crash.
        let full = Fixtures.bytes("Deflate/level9.deflate")
        var seed: UInt64 = 7
        for i in stride(from: 0, to: min(full.count, 4000), by: 3) {
            var damaged = full
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            damaged[i] ^= UInt8(truncatingIfNeeded: seed >> 33) | 1
            _ = try? inflateAll(damaged)
        }
        // Random bytes.
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<64 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1
                bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
            }
            _ = try? inflateAll(bytes)
        }
    }
}

@Suite struct ZipArchiveTests {
    func read(_ archive: ZipArchive, _ name: String) throws -> [UInt8] {
        guard let member = archive.member(name) else { throw ArchiveError.missingMember(name) }
        return try archive.contents(member)
    }

    @Test func storedAndDeflatedMembers() throws {
        let archive = try ZipArchive(bytes: Fixtures.bytes("Zip/small.zip"))
        #expect(archive.members.map(\.name) == ["stored.txt", "deflated.txt"])
        let text = Fixtures.bytes("Zip/text.txt")
        #expect(try read(archive, "stored.txt") == text)
        #expect(try read(archive, "deflated.txt") == text)
        #expect(archive.member("missing.xml") == nil)
    }

    /// The central directory entry of `name` in `bytes`.
    func directoryEntry(_ bytes: [UInt8], _ name: String) -> Int {
        let needle = [UInt8](name.utf8)
        for i in 0..<(bytes.count - 46) where ZipArchive.u32(bytes, i) == 0x0201_4B50
            && Array(bytes[(i + 46)..<min(bytes.count, i + 46 + needle.count)]) == needle {
            return i
        }
        return -1
    }

    @Test func damagedArchivesAreRefused() throws {
        let good = Fixtures.bytes("Zip/small.zip")
        var crc = good
        let entry = directoryEntry(good, "deflated.txt")
        crc[entry + 16] ^= 0x55
        #expect(throws: ArchiveError.crcMismatch("deflated.txt")) { try read(ZipArchive(bytes: crc), "deflated.txt") }
        var storedCRC = good
        storedCRC[directoryEntry(good, "stored.txt") + 17] ^= 0x01
        #expect(throws: ArchiveError.crcMismatch("stored.txt")) { try read(ZipArchive(bytes: storedCRC), "stored.txt") }

        var encrypted = good
        encrypted[entry + 8] |= 1
        #expect(throws: ArchiveError.encrypted) { try read(ZipArchive(bytes: encrypted), "deflated.txt") }

        var zip64 = good
        let end = good.count - 22
        zip64[end + 10] = 0xFF
        zip64[end + 11] = 0xFF
        #expect(throws: ArchiveError.zip64) { try ZipArchive(bytes: zip64) }

        #expect(throws: ArchiveError.truncated) { try ZipArchive(bytes: Array(good.prefix(good.count - 30))) }
        #expect(throws: ArchiveError.notAnArchive) { try ZipArchive(bytes: Array("date,unit\n".utf8)) }
        #expect(throws: ArchiveError.notAnArchive) { try ZipArchive(bytes: []) }

        var damaged = good
        let local = Int(ZipArchive.u32(good, entry + 42))
        for i in (local + 80)..<(local + 120) { damaged[i] ^= 0xA5 }
        #expect(throws: ArchiveError.self) { try read(ZipArchive(bytes: damaged), "deflated.txt") }
    }

    @Test func zipBombIsRefused() throws {
        let archive = try ZipArchive(bytes: Fixtures.bytes("Zip/bomb.zip"))
        #expect(throws: ArchiveError.tooCompressed("zeros.bin")) { try read(archive, "zeros.bin") }
        // A directory that understates the size does not get past the reader either.
        var lying = Fixtures.bytes("Zip/bomb.zip")
        let entry = directoryEntry(lying, "zeros.bin")
        for i in 0..<4 { lying[entry + 24 + i] = [0x00, 0x00, 0x10, 0x00][i] }
        #expect(throws: ArchiveError.self) { try read(ZipArchive(bytes: lying), "zeros.bin") }
    }

    @Test func oldExcelFilesAreNamed() {
        var xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        #expect(throws: ArchiveError.oldExcelFormat) { try ZipArchive(bytes: xls) }
        xls += "EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }
        #expect(throws: ArchiveError.passwordProtected) { try ZipArchive(bytes: xls) }
    }
}
