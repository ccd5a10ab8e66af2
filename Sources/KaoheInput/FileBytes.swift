import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole input file as bytes, with open/read (`FileManager.contents(atPath:)` of
/// the toolchain's Foundation leaks on empty files).
package enum FileBytes {
    /// The bytes of the file at `path`; nil when it cannot be read (missing, a folder,
    /// unreadable).
    package static func contents(of path: String) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        var data = Data()
        if fstat(descriptor, &info) == 0 { data.reserveCapacity(Int(info.st_size)) }
        let block = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block)
        defer { buffer.deallocate() }
        while true {
            let got = read(descriptor, buffer, block)
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { return data }
            data.append(buffer, count: got)
        }
    }
}
