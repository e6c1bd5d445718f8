import ArgumentParser
import Configuration
import Reader
import TerminalUI
import ThreadModel
import ThreadQuery

#if canImport(Glibc)
    import Glibc
#endif

/// The user's config.toml turned into what the reader, the printer and the terminal take.
struct ReaderPreferences {
    var preferences: Preferences

    /// Reads the config file before anything is drawn; a mistake is one line naming the file and
    /// the line, and tread stops with 78 (EX_CONFIG): the config, not the document, must change.
    static func loadOrExit() throws -> ReaderPreferences {
        let actions = ReaderActions.bindable
        var environment: [String: String] = [:]
        for name in ["XDG_CONFIG_HOME", "HOME"] { environment[name] = getenv(name).map { String(cString: $0) } }
        guard let path = Preferences.configPath(environment: environment) else {
            return ReaderPreferences(preferences: Preferences(actions: actions))
        }
        do {
            return ReaderPreferences(preferences: try Preferences.load(path: path, actions: actions))
        } catch {
            writeError("tread: config: \(error)")
            throw ExitCode(78)
        }
    }

    /// The keymap with the keys the config gives each action (by its name in the table); the help overlay
    /// lists these. An action unbound with `[]` leaves the help too.
    var keymap: Keymap {
        Keymap.standard.rebound(preferences.keys)
    }

    /// Width, indent and dates; relative dates are counted from this moment.
    var layout: LayoutOptions {
        let date: @Sendable (String) -> String
        switch preferences.dates {
        case .relative:
            let now = Int64(time(nil))
            date = { raw in RelativeDate.epoch(raw) == nil ? DateText.short(raw) : RelativeDate.relative(raw, now: now)
            }
        case .absolute:
            date = { raw in RelativeDate.epoch(raw) == nil ? DateText.short(raw) : RelativeDate.absolute(raw) }
        }
        return LayoutOptions(
            maximumWidth: preferences.maximumWidth, indentWidth: preferences.indentWidth, date: date)
    }

    var readerOptions: ReaderOptions {
        let levels: Int?
        switch preferences.foldOnOpen {
        case .open: levels = nil
        case .topLevel: levels = 1
        case .depth(let n): levels = n
        }
        let map: MapPreference
        switch preferences.map {
        case .shown: map = .shown
        case .hidden: map = .hidden
        case .off: map = .off
        }
        var options = ReaderOptions(keymap: keymap, layout: layout, openLevels: levels, map: map)
        options.sort = preferences.sort
        options.siteSorts = preferences.siteSorts
        // A command reads from a pipe, which has no 75,000-byte limit; a document under a few MB copies whole.
        if let command = clipboardCommand {
            options.copyLimit = Self.commandCopyLimit
            options.copyCommand = command.name
        }
        options.pipeCommand = LinkOpener.commandLine(preferences.pipeCommand)
        return options
    }

    /// The kill-file's rules that hold on `discussion`'s site (as its article says, or `host`, the
    /// address it was fetched from).
    func killFile(for discussion: Discussion, host: String?) -> KillFile {
        let rules = preferences.killFile
        return rules.isEmpty ? rules : rules.applying(to: ThreadSite(article: discussion.article, host: host))
    }

    /// The most `y`, `Y` and `T` hand a copy command.
    static let commandCopyLimit = 16 << 20

    /// The config's copy command, run for `y`, `Y` and `T` instead of OSC 52; nil when none is set.
    var clipboardCommand: ClipboardCommand? {
        preferences.copyCommand.flatMap { ClipboardCommand($0) }
    }

    var theme: TerminalTheme {
        let t = preferences.theme
        var theme = TerminalTheme(
            guides: t.guides.map(Self.role), author: Self.role(t.author), op: Self.role(t.op),
            quote: Self.role(t.quote), code: Self.role(t.code), link: Self.role(t.link),
            selection: Self.role(t.selection), searchHit: Self.role(t.searchHit), new: Self.role(t.new),
            muted: Self.role(t.muted))
        theme.foreground = Self.color(t.foreground)
        theme.background = Self.color(t.background)
        for (color, twin) in t.basicTwins { theme.basicTwins[Int16(color)] = Int16(twin) }
        return theme
    }

    static func color(_ color: Color) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let n): return Int16(n)
        }
    }

    static func role(_ style: Style) -> TerminalTheme.Role {
        TerminalTheme.Role(
            color: color(style.color), bold: style.bold, underline: style.underline, reverse: style.reverse,
            dim: style.dim)
    }
}
