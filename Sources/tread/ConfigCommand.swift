import ArgumentParser
import Configuration
import Reader

#if canImport(Glibc)
    import Glibc
#endif

/// `tread config`: prints the configuration in force, every default included, as a config file to start from.
///
/// An error in the config file is printed as the reader would report it (file, line, what was
/// expected), with exit status 78 (EX_CONFIG), as when the reader meets it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the configuration in force, with every default, as a config.toml to start from.",
        discussion: """
            The file is $XDG_CONFIG_HOME/tread/config.toml, or ~/.config/tread/config.toml. \
            Save the output there and edit it: `tread config > ~/.config/tread/config.toml`.
            """
    )

    @Option(name: .long, help: "Read this config file instead of the usual one.")
    var file: String?

    @Flag(name: .long, help: "Print the defaults, ignoring any config file.")
    var defaults = false

    func run() throws {
        let actions = ReaderActions.bindable
        var environment: [String: String] = [:]
        for name in ["XDG_CONFIG_HOME", "HOME"] { environment[name] = getenv(name).map { String(cString: $0) } }
        let path = file ?? Preferences.configPath(environment: environment)
        var preferences = Preferences(actions: actions)
        if !defaults, let path {
            do {
                preferences = try Preferences.load(path: path, actions: actions)
            } catch {
                FileHandleOut.standardError("tread: config: \(error)\n")
                throw ExitCode(78)
            }
        }
        print(preferences.toml(actions: actions), terminator: "")
    }
}

/// Standard error without Foundation: one write(2) on descriptor 2.
enum FileHandleOut {
    static func standardError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// The reader's keymap as the config sees it: each action's hand-written name, default keys and group,
/// grouped (in the table's order within a group) so `tread config` heads each group once.
enum ReaderActions {
    /// One pass per group, not a sort: every start reads these (a tenth of a small `--print`'s CPU went to
    /// a sort's generic set-up).
    static var bindable: [BindableAction] {
        let bindings = Keymap.standard.bindings
        var actions: [BindableAction] = []
        actions.reserveCapacity(bindings.count)
        for group in ActionGroup.allCases {
            for binding in bindings where binding.group == group {
                actions.append(
                    BindableAction(
                        name: binding.name, defaultKeys: binding.keys, help: binding.help, group: group.title))
            }
        }
        return actions
    }
}
