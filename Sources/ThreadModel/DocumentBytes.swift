import Synchronization

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
    /// The slot `watchMapping` gave a mapped file, so a SIGBUS in it reads as "the file changed".
    let watchSlot: Int?
    /// The file read and how it stood then, to tell when it is rewritten (see `DocumentBytes+FileChanged`).
    /// Set only before the bytes are shared: by the read, or by a merge that built them from that version.
    var origin: FileOrigin?
    /// Set once the mapped file is known to hold another version: its bytes are no longer read.
    let stale = Atomic<Bool>(false)

    private enum Release {
        case unmap
        case deallocate
        /// Memory from `malloc` (a stream read whole).
        case free
        case none
    }
    /// What owns memory these bytes do not (a builder's `TextArena`), kept alive as long as they are.
    private var owner: AnyObject?

    /// The largest document tread opens: text positions are 32-bit.
    public static let maximumSize = Int(UInt32.max) - 1

    private init(buffer: UnsafeRawBufferPointer, release: Release, origin: FileOrigin? = nil) {
        self.buffer = buffer
        self.release = release
        self.origin = origin
        self.watchSlot = release == .unmap ? Self.watchMapping(buffer) : nil
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

    /// The text a builder wrote, without copying it: the arena lives as long as these bytes.
    convenience init(holding arena: TextArena) {
        self.init(buffer: arena.bytes, release: .none)
        owner = arena
    }

    public var count: Int { buffer.count }

    /// Whether the bytes are a mapping of a file (not a copy in memory).
    var isMapped: Bool {
        if case .unmap = release { return true }
        return false
    }

    public subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// Reads a file: mapped when it is a regular file, read whole when it is a pipe or a device.
    ///
    /// `path` "-" means standard input, which is mapped too when it is a regular file
    /// (`tread - < file`) read from its start. A regular file of at most `copyingUpTo` bytes is
    /// copied instead: rewritten in place while it is read (`cp new.json t.json`), it still holds
    /// the version read, as a mapping would not.
    public static func read(path: String, copyingUpTo copyLimit: Int = 0) throws(DocumentError) -> DocumentBytes {
        if path == "-" { return try read(fd: STDIN_FILENO, path: path, copyLimit: 0) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
        }
        defer { close(fd) }
        return try read(fd: fd, path: path, copyLimit: copyLimit)
    }

    /// Reads an open file as `read(path:)` describes; `fd` stays open.
    private static func read(fd: Int32, path: String, copyLimit: Int) throws(DocumentError) -> DocumentBytes {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw DocumentError(path: path, kind: .isDirectory)
        case S_IFREG where lseek(fd, 0, SEEK_CUR) <= 0:
            break
        default:
            return try readStream(fd: fd, path: path)
        }
        let size = Int(info.st_size)
        if size == 0 { throw DocumentError(path: path, kind: .empty) }
        if size > maximumSize { throw DocumentError(path: path, kind: .tooLarge(bytes: size)) }
        let origin = path == "-" ? nil : FileOrigin(path: path, stamp: FileStamp(info))
        if size <= copyLimit, let memory = malloc(size) {
            // The first `size` bytes: a file that shrank meanwhile gives fewer, which the loader reports.
            var count = 0
            while count < size {
                let got = pread(fd, memory + count, size - count, off_t(count))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
            if count == 0 {
                free(memory)
                throw DocumentError(path: path, kind: .empty)
            }
            return DocumentBytes(
                buffer: UnsafeRawBufferPointer(start: memory, count: count), release: .free, origin: origin)
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return try readStream(fd: fd, path: path)
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return DocumentBytes(buffer: UnsafeRawBufferPointer(start: base, count: size), release: .unmap, origin: origin)
    }

    /// Reads a pipe or a device to its end, or to the size limit, whichever comes first.
    ///
    /// The first `spoolAfter` bytes are held in memory (doubling, never past the limit); a
    /// longer stream goes on into an unlinked temporary file that is then mapped like a regular
    /// file, so a big or endless input costs page cache the system can take back, not memory,
    /// and reading stops at the limit. An input whose first byte (after whitespace and a UTF-8
    /// BOM) cannot start a JSON object or array is not read further: every format tread knows
    /// starts with one, so `/dev/zero` or a binary stream is refused at once by the loader, with
    /// the position of that byte, instead of after 4 GiB.
    static func readStream(
        fd: Int32, path: String, limit: Int = maximumSize, spoolAfter: Int = 64 << 20
    ) throws(DocumentError) -> DocumentBytes {
        var capacity = min(1 << 16, max(spoolAfter, 16))
        guard var memory = malloc(capacity) else { throw DocumentError(path: path, kind: .tooLarge(bytes: capacity)) }
        var count = 0
        var startChecked = false
        while true {
            if count == capacity {
                if count >= spoolAfter,
                    let spooled = try spool(memory, count: count, from: fd, path: path, limit: limit)
                {
                    free(memory)
                    return spooled
                }
                if capacity > limit {
                    free(memory)
                    throw DocumentError(path: path, kind: .tooLarge(bytes: count))
                }
                let grown = min(capacity * 2, limit + 1)
                guard let bigger = realloc(memory, grown) else {
                    free(memory)
                    throw DocumentError(path: path, kind: .tooLarge(bytes: count))
                }
                memory = bigger
                capacity = grown
            }
            let got = Glibc.read(fd, memory + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                let reason = systemError(errno)
                free(memory)
                throw DocumentError(path: path, kind: .cannotOpen(reason: reason))
            }
            if got == 0 { break }
            count += got
            if count > limit {
                free(memory)
                throw DocumentError(path: path, kind: .tooLarge(bytes: count))
            }
            if !startChecked, let canStart = Self.canStartJSON(UnsafeRawBufferPointer(start: memory, count: count)) {
                startChecked = true
                if !canStart { break }
            }
        }
        if count == 0 {
            free(memory)
            throw DocumentError(path: path, kind: .empty)
        }
        return DocumentBytes(buffer: UnsafeRawBufferPointer(start: memory, count: count), release: .free)
    }

    /// Moves the `count` bytes read so far into an unlinked temporary file, copies the rest of
    /// the stream after them, and maps the file; nil when no temporary file can be made (the
    /// caller goes on in memory).
    private static func spool(
        _ memory: UnsafeMutableRawPointer, count: Int, from fd: Int32, path: String, limit: Int
    ) throws(DocumentError) -> DocumentBytes? {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/tread-stdin-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return nil }
        unlink(&template)
        defer { close(file) }
        func failure(_ code: Int32) -> DocumentError {
            DocumentError(
                path: path, kind: .cannotOpen(reason: "while keeping it in a temporary file: \(systemError(code))"))
        }
        guard AtomicFile.writeAll(UnsafeRawBufferPointer(start: memory, count: count), to: file) else {
            throw failure(errno)
        }
        var total = count
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let got = Glibc.read(fd, chunk.baseAddress, chunk.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw DocumentError(path: path, kind: .cannotOpen(reason: systemError(errno)))
            }
            if got == 0 { break }
            total += got
            if total > limit { throw DocumentError(path: path, kind: .tooLarge(bytes: total)) }
            guard AtomicFile.writeAll(UnsafeRawBufferPointer(rebasing: chunk[0..<got]), to: file) else {
                throw failure(errno)
            }
        }
        guard let base = mmap(nil, total, PROT_READ, MAP_PRIVATE, file, 0), base != MAP_FAILED else {
            throw failure(errno)
        }
        _ = madvise(base, total, MADV_SEQUENTIAL)
        return DocumentBytes(buffer: UnsafeRawBufferPointer(start: base, count: total), release: .unmap)
    }

    /// Whether `prefix` can start a JSON object or array; nil while it holds only whitespace.
    static func canStartJSON(_ prefix: UnsafeRawBufferPointer) -> Bool? {
        var index = 0
        // A UTF-8 byte-order mark, possibly cut short by the read.
        let bom = DocumentBytes.byteOrderMark
        while index < min(prefix.count, 3), prefix[index] == bom[index] { index += 1 }
        if index > 0, index < 3 { return index == prefix.count ? nil : false }
        while index < prefix.count {
            switch prefix[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return nil
    }

    /// Gives the pages before `offset` back to the system, when the bytes are a mapped file.
    ///
    /// Nothing is lost: the next read of those bytes maps them again from the file (the
    /// page cache), so a scan over a huge file never holds the whole file in memory.
    public func release(upTo offset: Int) {
        release(from: 0, upTo: offset)
    }

    /// Gives back the whole pages between `start` and `offset` (a scan that started at `start`
    /// gives back only what it read, not the pages before it another scan may still be reading).
    func release(from start: Int, upTo offset: Int) {
        guard case .unmap = release, let base = buffer.baseAddress else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (max(0, start) + pageSize - 1) / pageSize * pageSize
        let end = min(offset, count) / pageSize * pageSize
        guard end > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), end - first, MADV_DONTNEED)
    }

    deinit {
        switch release {
        case .unmap:
            Self.unwatchMapping(watchSlot)
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        case .deallocate:
            buffer.deallocate()
        case .free:
            Glibc.free(UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        case .none:
            break
        }
    }
}

func systemError(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message).lowercased()
}
