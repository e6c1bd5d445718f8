import Glibc
import TextLayout
import ThreadModel

/// Opens a URL in the user's browser: `$BROWSER` with the URL as its one argument, else `xdg-open`.
///
/// Never through a shell: `$BROWSER` is split into words here (quotes and backslashes as a
/// shell would take them, nothing else) and the program started with `posix_spawnp`, in its
/// own session, with standard input and output on /dev/null, so it cannot draw over the
/// reader or read its keys. tread does not wait for it; a thread reaps it when it ends.
public enum LinkOpener {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case refused(String)
        case badBrowserVariable(String)
        case cannotStart(program: String, reason: String)
        /// A command line that cannot be split into words (`split`): why, said of the line.
        case badCommandLine(String)

        public var description: String {
            switch self {
            case .refused(let why): return "not opened: \(why)"
            case .badBrowserVariable(let why): return "$BROWSER \(why); fix it or unset it to use xdg-open"
            case .cannotStart(let program, let reason): return "could not start \(program): \(reason)"
            case .badCommandLine(let why): return "the command \(why)"
            }
        }
    }

    /// The program and arguments that would open `url` with this environment's `BROWSER`.
    public static func command(for url: String, browser: String?) throws(Failure) -> [String] {
        if case .refused(let why) = LinkSafety.check(url) { throw .refused(why) }
        guard let browser, !browser.allSatisfy(\.isWhitespace) else { return ["xdg-open", url] }
        let words: [String]
        do {
            words = try split(browser)
        } catch .badCommandLine(let why) {
            throw .badBrowserVariable(why)
        }
        guard !words.isEmpty else { return ["xdg-open", url] }
        return words + [url]
    }

    /// Starts the browser for `url`, detached, and returns its process id.
    @discardableResult
    public static func open(_ url: String, environment browser: String? = currentBrowser()) throws(Failure) -> pid_t {
        let arguments = try command(for: url, browser: browser)
        let pid = try spawn(arguments)
        reap(pid)
        return pid
    }

    /// `$BROWSER` as set for tread.
    public static func currentBrowser() -> String? {
        getenv("BROWSER").map { String(cString: $0) }
    }

    /// Splits a command line as a shell would without expanding anything: white space between
    /// words, `'...'` literal, `"..."` with `\"` and `\\`, a backslash quoting the next character.
    ///
    /// The one splitter of command lines: `$BROWSER`, and the pipe's command typed at its prompt.
    static func split(_ line: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                word.append(c)
                escaped = false
            } else if let q = quote {
                if c == q {
                    quote = nil
                } else if c == "\\" && q == "\"" {
                    escaped = true
                } else {
                    word.append(c)
                }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == "\\" {
                escaped = true
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if quote != nil || escaped { throw .badCommandLine("has an unclosed quote or a trailing backslash") }
        if inWord { words.append(word) }
        if words.contains(where: { $0.utf8.contains(0) }) { throw .badCommandLine("holds a NUL byte") }
        return words
    }

    /// Words as one command line that `split` reads back as the same words: a word with a space, a quote
    /// or a backslash (or none at all) in single quotes, a single quote in it as `'\''`.
    public static func commandLine(_ words: [String]) -> String {
        words.map { word in
            let plain = !word.isEmpty && !word.contains { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "\\" }
            guard !plain else { return word }
            var quoted = "'"
            for c in word { quoted += c == "'" ? "'\\''" : String(c) }
            return quoted + "'"
        }.joined(separator: " ")
    }

    /// glibc's `POSIX_SPAWN_SETSID` (2.26 and later), which Swift does not see: it is behind `_GNU_SOURCE`.
    private static let spawnSetSID: Int32 = 0x80

    /// Starts `arguments` detached as above; `standardInput`, when given, is its input instead of /dev/null
    /// (the copy command's pipe). With `terminal` (the terminal's descriptor: the pipe's command) it writes
    /// there instead, in tread's own session and process group so it may read keys from the terminal, with
    /// the default action for the signals tread ignores while it waits.
    static func spawn(_ arguments: [String], standardInput: Int32? = nil, terminal: Int32? = nil) throws(Failure)
        -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        for fd: Int32 in 0...2 {
            if fd == 0, let standardInput {
                posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
            } else if fd > 0, let terminal {
                posix_spawn_file_actions_adddup2(&actions, terminal, fd)
            } else {
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        if terminal != nil {
            // On the terminal: ^C and ^\ are its to take (tread ignores them meanwhile, as system() does).
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGXFSZ] { sigaddset(&defaults, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        } else {
            // Its own session: no controlling terminal, and the reader's ^C or SIGHUP does not reach it.
            posix_spawnattr_setflags(&attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGMASK))
        }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var cStrings = arguments.map { strdup($0) }
        defer { for pointer in cStrings { free(pointer) } }
        cStrings.append(nil)
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, cStrings, environ)
        guard status == 0 else {
            throw .cannotStart(program: arguments[0], reason: String(cString: strerror(status)))
        }
        return pid
    }

    /// Waits for the child on a thread of its own, so it leaves no zombie and the reader never blocks.
    private static func reap(_ pid: pid_t) {
        DetachedThread.start {
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }
}
