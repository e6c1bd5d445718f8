import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Copies of fetched threads, as canonical tread documents in `$XDG_CACHE_HOME/tread/`.
///
/// A copy's name comes from `ThreadAddress.cacheName` (the site and validated id), never from
/// what the user typed. It is written to a temporary file beside it and renamed over the old
/// one, so a copy is either the old one or the whole new one, never half written.
public struct ThreadCache: Sendable {
    /// The folder holding the copies.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/tread`, or `$HOME/.cache/tread`; nil when neither is an absolute path.
    public init?(environment: [String: String]) {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            directory = cache + "/tread"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = home + "/.cache/tread"
        } else {
            return nil
        }
    }

    /// Where the copy of `address` is kept.
    public func path(for address: ThreadAddress) -> String {
        directory + "/" + address.cacheName
    }

    /// The copy of `address` and its age in seconds, when there is one.
    public func read(_ address: ThreadAddress) -> (bytes: DocumentBytes, age: Double)? {
        read(named: address.cacheName)
    }

    /// The copy named `name` (a `cacheName`) and its age in seconds, when there is one.
    public func read(named name: String) -> (bytes: DocumentBytes, age: Double)? {
        let path = directory + "/" + name
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let bytes = try? DocumentBytes.read(path: path)
        else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = Double(now.tv_sec - info.st_mtim.tv_sec)
        return (bytes, max(0, age))
    }

    /// Keeps `bytes` as the copy of `address`: written whole to a temporary file, then renamed.
    public func write(_ bytes: [UInt8], for address: ThreadAddress) throws(CacheError) {
        try write(bytes, named: address.cacheName)
    }

    /// Keeps `bytes` as the copy named `name` (a `cacheName`, made of validated parts only).
    public func write(_ bytes: [UInt8], named name: String) throws(CacheError) {
        try makeDirectory()
        let target = directory + "/" + name
        do {
            try AtomicFile.write(bytes, to: target, mode: 0o644, temporaryTemplate: directory + "/.tmp-XXXXXX")
        } catch {
            throw CacheError(path: error.atTemporary ? directory : target, reason: error.systemText)
        }
        removeAbandonedTemporaries()
    }

    /// Removes temporary files a tread stopped mid-write left behind (an hour old: a write in
    /// progress in another tread is never that old).
    private func removeAbandonedTemporaries() {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(".tmp-") else { continue }
            let path = directory + "/" + name
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, now.tv_sec - info.st_mtim.tv_sec > 3600 {
                unlink(path)
            }
        }
    }

    /// Creates the cache folder and any missing parents, private to the user.
    private func makeDirectory() throws(CacheError) {
        var partial = ""
        for component in directory.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                throw CacheError(path: partial, reason: errorText())
            }
        }
    }

    private func errorText() -> String {
        String(cString: strerror(errno))
    }

    /// A copy's age for a message: "12 seconds", "3 minutes", "5 hours", "2 days".
    public static func ageText(_ seconds: Double) -> String {
        ElapsedText.text(Int64(Int(seconds)), style: .spelled) ?? ""
    }
}

/// A copy that could not be saved.
public struct CacheError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String {
        "\(path): cannot save the copy: \(reason)"
    }
}
