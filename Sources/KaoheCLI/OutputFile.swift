import KaoheKit
import Foundation

/// Writes a command's result to the `--output` file without ever destroying what is there
/// (docs/commands.md, `--output`): the run's input files are refused, symlinks are written
/// through, a regular file is replaced whole (a temporary file beside it, fsync, rename) keeping
/// its mode, and character devices and FIFOs are written directly.
enum OutputFile {
    /// Why a result was not written.
    enum Failure: Error, Equatable {
        /// Writing `path` failed with `errno`.
        case system(path: String, errno: Int32)
        /// `path` is a socket or block device, which a result is never written to.
        case unsupported(path: String)
    }

    /// The first of `inputs` that `path` names, compared by device and inode after following
    /// symlinks (so a link or a hard link to an input is found too); nil when none.
    static func input(_ path: String, among inputs: [String]) -> String? {
        guard let target = identity(path) else { return nil }
        return inputs.first { identity($0) == target }
    }

    /// Writes `text` to `path`, creating a regular file when nothing is there.
    static func write(_ text: String, to path: String) throws(Failure) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` (a workbook, a document) to `path`, as text is written.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(to: path) { descriptor in writeAll(bytes, to: descriptor) }
    }

    /// Writes a streamed output to `path` as it is made, as text is written.
    static func write(_ streamed: StreamedOutput, to path: String) throws(Failure) {
        try write(to: path) { descriptor in
            var error: Int32 = 0
            _ = streamed.write { chunk in
                error = writeAll(chunk, to: descriptor)
                return error == 0
            }
            return error
        }
    }

    /// Writes to `path` with `body`, which writes everything to a descriptor and returns 0 or
    /// the `errno` of a failed write.
    private static func write(to path: String, body: (Int32) -> Int32) throws(Failure) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            // Nothing there, or a symlink to nothing: create the file the link names.
            guard error == ENOENT else { throw .system(path: path, errno: error) }
            try replace(path, keeping: nil, body: body)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: try replace(path, keeping: info, body: body)
        case S_IFCHR, S_IFIFO: try writeDirectly(path, body: body)
        case S_IFDIR: throw .system(path: path, errno: EISDIR)
        default: throw .unsupported(path: path)
        }
    }

    /// Writes all of `text` to `descriptor`, going on after a partial write, a signal or a full
    /// non-blocking descriptor; returns 0, or the `errno` of the failed write.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { writeAll($0, to: descriptor) }
    }

    /// Writes all of `bytes` to `descriptor`, as text is written.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(descriptor, next, left)
            if written < 0 {
                let error = errno
                if error == EINTR { continue }
                if error == EAGAIN || error == EWOULDBLOCK {
                    // A non-blocking descriptor (a standard output inherited that way): wait until it takes more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                return error
            }
            next += written
            left -= written
        }
        return 0
    }

    /// The marker in temporary file names: `.<name>.kaohe-tmp-<pid>`.
    static let temporaryMarker = ".kaohe-tmp-"

    /// Replaces the file `path` names (after following symlinks) with `text` so that a crash at
    /// any point leaves either the old file or the whole new one: the text goes to a temporary
    /// file in the same folder, which is synced and renamed over the target. `old` is the
    /// target's status when it exists; its mode (and, when allowed, its owner) is kept.
    ///
    /// A run killed mid-write leaves its temporary file behind; each write first removes the
    /// target's temporary files whose process is gone (see ``removeStaleTemporaryFiles(of:)``).
    private static func replace(_ path: String, keeping old: stat?, body: (Int32) -> Int32) throws(Failure) {
        let target = try resolve(path)
        removeStaleTemporaryFiles(of: target)
        let temporary = temporaryPath(of: target, pid: getpid())
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .system(path: path, errno: errno) }
        var error: Int32 = 0
        if let old {
            if old.st_uid != geteuid() || old.st_gid != getegid() {
                _ = fchown(descriptor, old.st_uid, old.st_gid)   // best effort: only root may give a file away
            }
            if fchmod(descriptor, old.st_mode & 0o7777) != 0 { error = errno }
        }
        if error == 0 { error = body(descriptor) }
        if error == 0, fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0, error == 0 { error = errno }
        if error == 0, rename(temporary, target) != 0 { error = errno }
        guard error == 0 else {
            unlink(temporary)
            throw .system(path: path, errno: error)
        }
        // Make the rename itself durable; a folder that cannot be synced still holds the file.
        let folder = open(folderPath(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// Opens an existing character device or FIFO and writes `text` to it (no temporary file:
    /// a device or pipe cannot be replaced, and truncating it means nothing).
    private static func writeDirectly(_ path: String, body: (Int32) -> Int32) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path: path, errno: errno) }
        var error = body(descriptor)
        if close(descriptor) != 0, error == 0 { error = errno }
        if error != 0 { throw .system(path: path, errno: error) }
    }

    /// The path a chain of symlinks at `path` ends at (itself when it is not a link); the end
    /// need not exist. Folders on the way are left to the system.
    static func resolve(_ path: String) throws(Failure) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw .system(path: path, errno: errno) }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : folderPath(of: current) + "/" + link
        }
        throw .system(path: path, errno: ELOOP)
    }

    /// `<folder>/.<name>.kaohe-tmp-<pid>`, the name cut (at a character) to fit 255 bytes.
    static func temporaryPath(of target: String, pid: Int32) -> String {
        folderPath(of: target) + "/" + temporaryPrefix(of: target) + String(pid)
    }

    /// Removes `target`'s temporary files (`.<name>.kaohe-tmp-<pid>`) left by runs that were
    /// killed: those whose process no longer exists, and this process's own (a run writes its
    /// output once). Files of a live process, of other targets and non-files are left alone.
    static func removeStaleTemporaryFiles(of target: String) {
        let folder = folderPath(of: target)
        let prefix = temporaryPrefix(of: target)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, String(pid) == name.dropFirst(prefix.count) else { continue }
            let gone = pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH)
            let path = folder + "/" + name
            var info = stat()
            if gone, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                unlink(path)
            }
        }
    }

    private static func temporaryPrefix(of target: String) -> String {
        var name = Substring(target.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        let room = 255 - 1 - temporaryMarker.utf8.count - 10   // a pid has at most 10 digits
        while name.utf8.count > room { name = name.dropLast() }
        return "." + name + temporaryMarker
    }

    private static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The file `path` names, after following symlinks: its device and inode.
    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// write(2), out of reach of ``OutputFile/write(_:to:)``'s name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

extension OutputFile.Failure {
    /// What went wrong, in words, without the path.
    var reason: LocalizedText {
        switch self {
        case .unsupported:
            return LocalizedText(zh: "不是普通文件、字符设备或命名管道", en: "not a regular file, character device or FIFO")
        case .system(_, let code):
            let en = String(cString: strerror(code))
            let zh: String
            switch code {
            case ENOSPC: zh = "磁盘空间不足"
            case EDQUOT: zh = "超出磁盘配额"
            case EACCES, EPERM: zh = "没有写入权限"
            case ENOENT: zh = "所在文件夹不存在"
            case ENOTDIR: zh = "路径中有一部分不是文件夹"
            case EISDIR: zh = "这是一个文件夹"
            case EROFS: zh = "文件系统只读"
            case ELOOP: zh = "符号链接层数过多"
            case ENAMETOOLONG: zh = "文件名过长"
            case EPIPE: zh = "管道已关闭"
            case EIO: zh = "输入输出错误"
            default: zh = en
            }
            return LocalizedText(zh: zh, en: en)
        }
    }
}
