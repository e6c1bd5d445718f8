#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file only once its new content is safely on disk.
///
/// Writes a temporary file beside the target (same directory, so the same file system), syncs
/// it, and renames it over the target: a full disk or a crash leaves the old file whole. A new
/// file gets the mode `open(path, O_CREAT, 0o666)` would give under the umask; an existing one
/// keeps its mode. A target that exists and is not a regular file (a device, a FIFO,
/// /dev/stdout) is written in place, since renaming over it would replace the device; a symbolic
/// link is followed, so the file it names is replaced (or made, when it does not exist yet: in its own
/// directory) and the link stays.
///
/// `convert --output` and the fetch cache both write through it; the cache gives its own mode and
/// temporary name (it sweeps abandoned ".tmp-" files).
package enum AtomicFile {
    package struct Failure: Error {
        /// What went wrong, for the message (the system's text, lowercased).
        package var reason: String
        /// 73 (EX_CANTCREAT) when the file cannot be made, 74 (EX_IOERR) when writing it fails.
        package var exitStatus: Int32
        /// The system's text as it gives it, and whether the temporary file could not be made.
        package var systemText: String
        package var atTemporary = false
        /// The system's error number (`ENOSPC`, `EFBIG`), for callers that say it in their own words.
        package var number: Int32

        package init(exitStatus: Int32, atTemporary: Bool = false) {
            number = errno
            systemText = String(cString: strerror(errno))
            reason = systemText.lowercased()
            self.exitStatus = exitStatus
            self.atTemporary = atTemporary
        }
    }

    /// Writes `bytes` over `path`. `mode`, when given, is the file's mode whether it existed or not;
    /// `temporaryTemplate` (ending in "XXXXXX", in the target's directory) names the temporary file.
    package static func write(
        _ bytes: [UInt8], to path: String, mode newMode: mode_t? = nil, temporaryTemplate template: String? = nil
    ) throws(Failure) {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, info.st_mode & S_IFMT != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(exitStatus: 73) }
            defer { close(fd) }
            guard writeAll(bytes, to: fd) else { throw Failure(exitStatus: 74) }
            return
        }
        let mode = newMode ?? (exists ? info.st_mode & 0o7777 : newFileMode())
        // Through a symbolic link, replace the file it points to, not the link, as writing in place did; a
        // link to no file yet makes that file, as `open(O_CREAT)` through it would.
        var target = path
        if exists, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        } else if !exists {
            target = try linkTarget(path)
        }
        var template = Array((template ?? temporaryTemplate(for: target)).utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Failure(exitStatus: 73, atTemporary: true) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = false
        defer { if !written { unlink(temporary) } }
        guard fchmod(fd, mode) == 0, writeAll(bytes, to: fd), fsync(fd) == 0 else {
            let failure = Failure(exitStatus: 74)
            close(fd)
            throw failure
        }
        guard close(fd) == 0 else { throw Failure(exitStatus: 74) }
        guard rename(temporary, target) == 0 else { throw Failure(exitStatus: 73) }
        written = true
    }

    /// The file a dangling symbolic link at `path` names, through a chain of links (each relative to its own
    /// directory); `path` itself when it is no link. A loop of links, or one past 40 links, fails with ELOOP.
    private static func linkTarget(_ path: String) throws(Failure) -> String {
        var target = path
        var info = stat()
        for _ in 0..<40 {
            guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return target }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(target, &buffer, buffer.count - 1)
            guard length > 0 else { throw Failure(exitStatus: 73) }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                target = link
            } else if let slash = target.lastIndex(of: "/") {
                target = String(target[...slash]) + link
            } else {
                target = link
            }
        }
        errno = ELOOP
        throw Failure(exitStatus: 73)
    }

    /// Writes every byte to `fd`, retrying on interruption; false on an error (errno says which).
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// Writes every byte to `fd`, retrying on interruption; false on an error (errno says which).
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var start = 0
        while start < bytes.count {
            let written = Glibc.write(fd, base + start, bytes.count - start)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            start += written
        }
        return true
    }

    /// ".NAME.tread-XXXXXX" in the target's directory.
    package static func temporaryTemplate(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tread-XXXXXX"
    }

    /// 0o666 less the umask, as for a file `open` creates.
    private static func newFileMode() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }
}
