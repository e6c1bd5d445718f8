#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The immutable bytes a discussion was read from, mapped from a file or held in memory.
///
/// Comment text stays in these bytes until it is drawn, so a huge file costs its own
/// size in memory and not a second copy as Swift strings.
public final class DocumentBytes: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    private let release: Release

    private enum Release {
        case unmap
        case deallocate
        case none
    }

    /// The largest document tread opens: text positions are 32-bit.
    public static let maximumSize = Int(UInt32.max) - 1

    private init(buffer: UnsafeRawBufferPointer, release: Release) {
        self.buffer = buffer
        self.release = release
    }

    /// Copies `bytes` into a buffer of its own.
    public convenience init(_ bytes: some Collection<UInt8>) {
        let count = bytes.count
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        // Called from other modules this generic code is not specialised: copy contiguous bytes at
        // once rather than one by one through the iterator (40 ms for a 700 KB response).
        let copied = bytes.withContiguousStorageIfAvailable { memory.copyMemory(from: UnsafeRawBufferPointer($0)) }
        if copied == nil { _ = memory.initializeMemory(as: UInt8.self, from: bytes) }
        self.init(buffer: UnsafeRawBufferPointer(rebasing: memory[0..<count]), release: .deallocate)
    }

    public var count: Int { buffer.count }

    public subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// Reads a file: mapped when it is a regular file, read whole when it is a pipe or a device.
    ///
    /// `path` "-" means standard input.
    public static func read(path: String) throws(DocumentError) -> DocumentBytes {
        if path == "-" { return try readStream(fd: 0, path: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw DocumentError(path: path, kind: .isDirectory)
        case S_IFREG:
            break
        default:
            return try readStream(fd: fd, path: path)
        }
        let size = Int(info.st_size)
        if size == 0 { throw DocumentError(path: path, kind: .empty) }
        if size > maximumSize { throw DocumentError(path: path, kind: .tooLarge(bytes: size)) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return try readStream(fd: fd, path: path)
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return DocumentBytes(buffer: UnsafeRawBufferPointer(start: base, count: size), release: .unmap)
    }

    private static func readStream(fd: Int32, path: String) throws(DocumentError) -> DocumentBytes {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
            if bytes.count > maximumSize { throw DocumentError(path: path, kind: .tooLarge(bytes: bytes.count)) }
        }
        if bytes.isEmpty { throw DocumentError(path: path, kind: .empty) }
        return DocumentBytes(bytes)
    }

    /// Gives the pages before `offset` back to the system, when the bytes are a mapped file.
    ///
    /// Nothing is lost: the next read of those bytes maps them again from the file (the
    /// page cache), so a scan over a huge file never holds the whole file in memory.
    public func release(upTo offset: Int) {
        guard case .unmap = release, let base = buffer.baseAddress else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, count) / pageSize * pageSize
        guard end > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), end, MADV_DONTNEED)
    }

    deinit {
        switch release {
        case .unmap:
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        case .deallocate:
            buffer.deallocate()
        case .none:
            break
        }
    }
}

func systemError(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message).lowercased()
}
