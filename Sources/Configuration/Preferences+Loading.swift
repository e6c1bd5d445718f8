import Glibc
import ThreadModel

extension Preferences {
    /// Where the config file is: `$XDG_CONFIG_HOME/tread/config.toml`, else `~/.config/tread/config.toml`.
    ///
    /// Nil when neither variable gives an absolute directory.
    public static func configPath(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/tread/config.toml" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/tread/config.toml" }
        return nil
    }

    /// Past this a file is not a config. The printed config is 3 KB and about 55 bytes more a kill
    /// rule: the README's thousands of rules must print as a file that reads back (64 KiB held
    /// 1,200), and TOMLKit reads a config this size in well under a second.
    public static let maximumFileSize = 1 << 20

    /// Reads the config at `path`; the defaults when there is no file there.
    public static func load(path: String, actions: [BindableAction]) throws(ConfigurationError) -> Preferences {
        // Opened without waiting: a FIFO there would otherwise keep tread waiting for a writer for ever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return Preferences(actions: actions) }
            throw ConfigurationError(
                path: path, line: 0, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, let kind = notAFile(info.st_mode, descriptor) {
            close(descriptor)
            throw ConfigurationError(path: path, line: 0, message: "is \(kind), not a file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(descriptor, "rb") else {
            close(descriptor)
            throw ConfigurationError(
                path: path, line: 0, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if bytes.count > maximumFileSize {
                throw ConfigurationError(
                    path: path, line: 0, message: "is over \(CountText.counted(maximumFileSize, "byte")); not a config")
            }
            if n < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw ConfigurationError(
                path: path, line: 0, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(path: path, line: 0, message: "is not UTF-8 text")
        }
        return try parse(text, path: path, actions: actions)
    }

    /// What the config's path names when reading it could wait for ever: a FIFO, a socket or a terminal
    /// (a file, a directory, whose read fails, and a device such as /dev/null are read).
    private static func notAFile(_ mode: mode_t, _ descriptor: Int32) -> String? {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR where isatty(descriptor) != 0: return "a terminal"
        default: return nil
        }
    }

    /// The preferences a config text sets over the defaults; the first problem is thrown and nothing is kept.
    public static func parse(_ text: String, path: String, actions: [BindableAction]) throws(ConfigurationError)
        -> Preferences
    {
        var reader = ConfigReader(text: text, path: path, actions: actions)
        return try reader.read()
    }
}
