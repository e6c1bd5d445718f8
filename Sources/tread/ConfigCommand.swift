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

    @Option(name: .long, help: .hidden)
    var timeRuns: Int?

    func run() throws {
        let actions = ReaderActions.bindable
        var environment: [String: String] = [:]
        for name in ["XDG_CONFIG_HOME", "HOME"] { environment[name] = getenv(name).map { String(cString: $0) } }
        let path = file ?? Preferences.configPath(environment: environment)
        var preferences = Preferences(actions: actions)
        if !defaults, let path {
            do {
                preferences = try Preferences.load(path: path, actions: actions)
                if let runs = timeRuns, runs > 0 { time(path: path, actions: actions, runs: runs) }
            } catch {
                FileHandleOut.standardError("tread: config: \(error)\n")
                throw ExitCode(78)
            }
        }
        print(preferences.toml(actions: actions), terminator: "")
    }

    /// Loads the config `runs` times and prints the mean cost on standard error, for BENCHMARKS.md.
    private func time(path: String, actions: [BindableAction], runs: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<runs { _ = try? Preferences.load(path: path, actions: actions) }
        let total = clock.now - start
        let micros = Double(total.components.seconds) * 1e6 + Double(total.components.attoseconds) / 1e12
        FileHandleOut.standardError("config load: \(micros / Double(runs)) µs per load over \(runs) runs\n")
    }
}

/// Standard error without Foundation: one write(2) on descriptor 2.
enum FileHandleOut {
    static func standardError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// The reader's keymap as the config sees it: action names and default keys.
///
/// Names are the actions' case names in kebab case (`nextComment` → `next-comment`); actions
/// that carry a value (digits, input, mouse) are not bound by name.
enum ReaderActions {
    static var bindable: [BindableAction] {
        var seen = Set<String>()
        var result: [BindableAction] = []
        for binding in Keymap.standard.bindings {
            let caseName = String(describing: binding.action)
            guard !caseName.contains("("), seen.insert(caseName).inserted else { continue }
            result.append(
                BindableAction(
                    name: kebab(caseName), defaultKeys: binding.keys.compactMap(keyName), help: binding.help))
        }
        return result
    }

    static func kebab(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase {
                out += "-" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func keyName(_ key: Key) -> KeyName? {
        switch key {
        case .character(let c): return .character(c)
        case .control(let c): return .control(c)
        case .up: return .up
        case .down: return .down
        case .left: return .left
        case .right: return .right
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .home
        case .end: return .end
        case .enter: return .enter
        case .tab: return .tab
        case .backspace: return .backspace
        case .escape: return .escape
        case .function(let n): return .function(n)
        }
    }
}
