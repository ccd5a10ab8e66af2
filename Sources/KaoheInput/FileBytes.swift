import KaoheModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading input files: only regular files are read (a device, a pipe or a folder named as a
/// data file is refused, not read for ever or until memory runs out), every read is capped by
/// the bytes actually read, and a link to nothing is told apart from a missing file.
package enum FileBytes {
    /// What a path names.
    package enum Kind: Sendable, Equatable {
        /// Nothing (and no link).
        case absent
        /// A regular file, directly or through links.
        case regular
        /// A symbolic link whose target does not exist (or a loop of links).
        case danglingLink
        case folder
        /// A device, pipe or socket.
        case special
    }

    /// What `path` names (following symbolic links).
    package static func kind(of path: String) -> Kind {
        var info = stat()
        if stat(path, &info) != 0 {
            var link = stat()
            return lstat(path, &link) == 0 ? .danglingLink : .absent
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        default: return .special
        }
    }

    /// The size `stat` gives for `path` (for messages: reads are capped by bytes actually read).
    package static func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Opens a regular file for reading; nil when it cannot be opened or is not a regular file
    /// (checked on the opened file, and without waiting on a pipe).
    package static func openRegular(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        // Reads of a regular file never wait; the flag only kept `open` from waiting on a pipe.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// What reading a whole file gave.
    package enum Contents: Sendable, Equatable {
        case bytes(Data)
        /// More than `limit` bytes (read until the limit was passed).
        case tooLarge
        /// Not a regular file, or not readable.
        case unreadable
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    package static func contents(of path: String, limit: Int) -> Contents {
        guard let descriptor = openRegular(path) else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        var data = Data()
        if fstat(descriptor, &info) == 0 { data.reserveCapacity(min(Int(info.st_size), limit)) }
        let block = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block)
        defer { buffer.deallocate() }
        while true {
            let got = read(descriptor, buffer, block)
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if got == 0 { return .bytes(data) }
            if data.count + got > limit { return .tooLarge }
            data.append(buffer, count: got)
        }
    }

    /// The bytes of the regular file at `path` (up to 1 GiB); nil when it cannot be read.
    package static func contents(of path: String) -> Data? {
        if case .bytes(let data) = contents(of: path, limit: 1 << 30) { return data }
        return nil
    }
}

extension Diagnostic.Message {
    /// A file over the size read whole.
    package static func tooLarge(size: Int, limit: Int) -> Self {
        let mib = limit >> 20
        return .error("file.too-large", zh: "文件过大（\(size) 字节，上限 \(mib) MiB）；请检查文件是否选对",
                      en: "the file is too large (\(size) bytes, at most \(mib) MiB); check that this is the right file")
    }

    /// A path that names a device, pipe or socket instead of a file.
    package static func notARegularFile(_ path: String) -> Self {
        .error("file.not-regular",
               zh: "\(path) 不是普通文件（是设备、管道或套接字）；请换成保存在磁盘上的文件",
               en: "\(path) is not a regular file (it is a device, pipe or socket); use a file saved on disk")
    }

    /// A symbolic link whose target does not exist.
    package static func danglingLink(_ path: String) -> Self {
        .error("file.dangling-link",
               zh: "\(path) 是一个链接（快捷方式），但它指向的文件不存在；请修复链接，或换成文件本身",
               en: "\(path) is a link whose target does not exist; repair the link or put the file itself there")
    }
}
