import TOMLKit
import ThreadModel

/// Checks a parsed config against what tread knows, finding each problem's line in the source text.
struct ConfigReader {
    let text: String
    let path: String
    let actions: [BindableAction]
    let lines: SourceLines

    init(text: String, path: String, actions: [BindableAction]) {
        self.text = text
        self.path = path
        self.actions = actions
        lines = SourceLines(text)
    }

    /// What to write instead, for a TOML error a setting of tread's makes likely: `theme = "dark"` with a
    /// `[theme]` table below (TOML allows one of the two).
    static func hint(forTOMLError description: String) -> String {
        guard description.contains("'theme'") else { return "" }
        return "; with a [theme] table, write the preset inside it: preset = \"dark\""
    }

    static let rootKeys = ["max-width", "indent", "fold", "dates", "mouse", "map", "hyperlinks", "start", "sort"]
    static let sections = ["keys", "theme", "copy", "pipe"]

    mutating func read() throws(ConfigurationError) -> Preferences {
        guard text.utf8.count <= Preferences.maximumFileSize else {
            throw ConfigurationError(
                path: path, line: 0,
                message: "is over \(CountText.counted(Preferences.maximumFileSize, "byte")); not a config")
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw ConfigurationError(path: path, line: line, message: "a NUL byte; a config is TOML text")
        }
        if let line = TOMLNulEscape.line(in: text) {
            throw ConfigurationError(
                path: path, line: line,
                message: "a string holds \\u0000 (a NUL), which would cut it short; a config's text holds none")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                path: path, line: error.source.begin.line,
                message: "not valid TOML: \(error.description)\(Self.hint(forTOMLError: error.description))")
        } catch {
            throw ConfigurationError(path: path, line: 0, message: "not valid TOML")
        }
        var preferences = Preferences(actions: actions)
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "max-width":
                preferences.maximumWidth = try integer(value, key, in: nil, range: Preferences.widthRange)
            case "indent":
                preferences.indentWidth = try integer(value, key, in: nil, range: Preferences.indentRange)
            case "fold":
                let text = try string(value, key, in: nil, expected: Preferences.FoldOnOpen.expectedForm)
                guard let fold = Preferences.FoldOnOpen(parsing: text) else {
                    throw error(
                        key, in: nil, "fold must be \(Preferences.FoldOnOpen.expectedForm), not \(quoted(text))")
                }
                preferences.foldOnOpen = fold
            case "dates":
                let expected = "\"relative\" or \"absolute\""
                let text = try string(value, key, in: nil, expected: expected)
                guard let style = Preferences.DateStyle(rawValue: text) else {
                    throw error(key, in: nil, "dates must be \(expected), not \(quoted(text))")
                }
                preferences.dates = style
            case "mouse":
                guard value.type == .bool, let on = value.bool else {
                    throw error(key, in: nil, "mouse must be true or false, not \(describe(value))")
                }
                preferences.mouse = on
            case "hyperlinks":
                guard value.type == .bool, let on = value.bool else {
                    throw error(key, in: nil, "hyperlinks must be true or false, not \(describe(value))")
                }
                preferences.hyperlinks = on
            case "start":
                let text = try string(value, key, in: nil, expected: "a list's name such as \"hn\" or \"r/swift\"")
                guard !text.isEmpty, text.count <= 300 else {
                    throw error(key, in: nil, "start must name a list such as \"hn\" or \"r/swift\"")
                }
                preferences.start = text
            case "map":
                preferences.map = try mapSetting(value, key)
            case "sort":
                // One order (`sort = "top"`), or the table of an order per site (`[sort]`, see ConfigReader+Sort).
                if value.type == .table, let table = value.table {
                    (preferences.sort, preferences.siteSorts) = try siteSorts(table)
                } else {
                    preferences.sort = try order(value, key, in: nil)
                }
            case "keys":
                preferences.keys = try keys(try section(value, key))
            case "theme":
                // A preset's name alone (`theme = "dark"`), or the table, whose `preset` its roles override.
                if value.type == .string, let name = value.string {
                    preferences.theme = Theme(preset: try preset(name, key, in: nil))
                } else if value.type != .table {
                    throw error(
                        key, in: nil,
                        "theme must be \(ThemePreset.expectedForm) or a table ([theme]), not \(describe(value))")
                } else {
                    preferences.theme = try theme(try section(value, key))
                }
            case "copy":
                preferences.copyCommand = try copy(try section(value, key))
            case "pipe":
                preferences.pipeCommand = try command(in: try section(value, key), named: "pipe") ?? []
            case "kill":
                preferences.killFile = try killFile(value)
            default:
                let known = (Self.rootKeys + Self.sections.map { "[\($0)]" } + ["[[kill]]"]).joined(separator: ", ")
                throw error(key, in: nil, "unknown setting \(quoted(key)); expected one of \(known)")
            }
        }
        return preferences
    }

    // MARK: - Sections

    private func section(_ value: any TOMLValueConvertible, _ name: String) throws(ConfigurationError) -> TOMLTable {
        guard value.type == .table, let table = value.table else {
            throw error(name, in: nil, "\(name) must be a table ([\(name)]), not \(describe(value))")
        }
        return table
    }

    private func keys(_ table: TOMLTable) throws(ConfigurationError) -> [String: [KeyName]] {
        var result: [String: [KeyName]] = [:]
        for action in actions { result[action.name] = action.defaultKeys }
        // Which action of the file took each key, to report a key bound twice.
        var taken: [KeyName: String] = [:]
        let names = Set(actions.map(\.name))
        // The file's order, so that "bound twice" names the later line.
        let given = table.keys
        let ordered = given.map { ($0, lines.line(of: $0, in: "keys") ?? 0) }.sorted { $0.1 < $1.1 }.map(\.0)
        for name in ordered {
            guard let value = table[name] else { continue }
            guard names.contains(name) else {
                let near = actions.map(\.name).filter { $0.hasPrefix(String(name.prefix(3))) }.prefix(5)
                let hint = near.isEmpty ? "`tread config` lists them" : "did you mean \(near.joined(separator: ", "))?"
                throw error(name, in: "keys", "unknown action \(quoted(name)) in [keys]; \(hint)")
            }
            let texts: [String]
            if value.type == .string, let one = value.string {
                texts = [one]
            } else if value.type == .array, let array = value.array {
                var list: [String] = []
                for element in array {
                    guard element.type == .string, let text = element.string else {
                        throw error(name, in: "keys", "keys of \(name) must be strings, not \(describe(element))")
                    }
                    list.append(text)
                }
                texts = list
            } else {
                throw error(
                    name, in: "keys", "\(name) must be a key name or a list of them, not \(describe(value))")
            }
            var bound: [KeyName] = []
            for text in texts {
                guard let key = KeyName(parsing: text) else {
                    throw error(name, in: "keys", "unknown key name \(quoted(text)); expected \(KeyName.expectedForm)")
                }
                if let other = taken[key] {
                    let what = other == name ? "twice to \(name)" : "to both \(other) and \(name)"
                    throw error(name, in: "keys", "key \(quoted(key.description)) is bound \(what)")
                }
                taken[key] = name
                bound.append(key)
            }
            result[name] = bound
        }
        // A key the file gives to one action leaves the action it had by default.
        let givenNames = Set(given)
        for (name, keys) in result where !givenNames.contains(name) {
            result[name] = keys.filter { taken[$0] == nil }
        }
        return result
    }

    private func theme(_ table: TOMLTable) throws(ConfigurationError) -> Theme {
        var theme = Theme()
        if let value = table["preset"] {
            let expected = ThemePreset.expectedForm
            guard value.type == .string, let name = value.string else {
                throw error("preset", in: "theme", "preset must be \(expected), not \(describe(value))")
            }
            theme = Theme(preset: try preset(name, "preset", in: "theme"))
        }
        for role in table.keys where role != "preset" {
            guard let value = table[role] else { continue }
            if role == "guides" {
                guard value.type == .array, let array = value.array, !array.isEmpty else {
                    throw error(role, in: "theme", "guides must be a non-empty list of styles, not \(describe(value))")
                }
                var styles: [Style] = []
                for element in array {
                    guard element.type == .string, let text = element.string else {
                        throw error(role, in: "theme", "guides must be a list of styles, not \(describe(element))")
                    }
                    styles.append(try style(text, role))
                }
                theme.guides = styles
            } else if Theme.roleNames.contains(role) {
                guard value.type == .string, let text = value.string else {
                    throw error(
                        role, in: "theme", "\(role) must be a style such as \"cyan bold\", not \(describe(value))")
                }
                theme[role: role] = try style(text, role)
            } else {
                let known = (["preset", "guides"] + Theme.roleNames).joined(separator: ", ")
                throw error(role, in: "theme", "unknown theme role \(quoted(role)); expected one of \(known)")
            }
        }
        return theme
    }

    /// A preset's name: `terminal`, `dark` or `light`.
    private func preset(_ name: String, _ key: String, in section: String?) throws(ConfigurationError)
        -> ThemePreset
    {
        guard let preset = ThemePreset(rawValue: name) else {
            throw error(key, in: section, "\(key) must be \(ThemePreset.expectedForm), not \(quoted(name))")
        }
        return preset
    }

    /// `[copy]`: `command`, a list of words (the program, then its arguments); `[]` is no command.
    private func copy(_ table: TOMLTable) throws(ConfigurationError) -> [String]? {
        try command(in: table, named: "copy")
    }

    /// `[copy]` and `[pipe]`: `command`, a list of words (the program, then its arguments); `[]` is none.
    private func command(in table: TOMLTable, named section: String) throws(ConfigurationError) -> [String]? {
        var command: [String]?
        for key in table.keys {
            guard let value = table[key] else { continue }
            guard key == "command" else {
                throw error(key, in: section, "unknown setting \(quoted(key)) in [\(section)]; expected command")
            }
            let example = section == "copy" ? "[\"wl-copy\"]" : "[\"less\", \"-R\"]"
            let expected = "a list of the program and its arguments, such as \(example) (no shell runs it)"
            guard value.type == .array, let array = value.array else {
                throw error(key, in: section, "command must be \(expected), not \(describe(value))")
            }
            var words: [String] = []
            for element in array {
                guard element.type == .string, let word = element.string else {
                    throw error(key, in: section, "command must be \(expected); \(describe(element)) is not a string")
                }
                words.append(word)
            }
            try checkCommand(words, in: section)
            command = words.isEmpty ? nil : words
        }
        return command
    }

    /// A command is words with no control characters (a config is one line a word), the program first and named.
    private func checkCommand(_ words: [String], in section: String) throws(ConfigurationError) {
        guard words.count <= Preferences.copyCommandWords else {
            throw error(
                "command", in: section, "command has \(words.count) words; at most \(Preferences.copyCommandWords)")
        }
        if let program = words.first, program.isEmpty || program.allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw error("command", in: section, "command's first word must name the program, not be empty")
        }
        for word in words {
            if word.utf8.count > Preferences.copyCommandWordBytes {
                throw error(
                    "command", in: section,
                    "a word of command is over \(CountText.counted(Preferences.copyCommandWordBytes, "byte")): \(quoted(word))"
                )
            }
            if word.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                throw error(
                    "command", in: section,
                    "a word of command holds a control character (a newline?): \(quoted(word))")
            }
        }
    }

    private func style(_ text: String, _ role: String) throws(ConfigurationError) -> Style {
        switch Style.parse(text) {
        case .success(let style): return style
        case .failure(let failure):
            if failure.secondColor {
                throw error(role, in: "theme", "\(role) has two colours; a style has one colour and attributes")
            }
            throw error(
                role, in: "theme",
                "no colour or attribute \(quoted(failure.word)) in \(role); expected \(Color.expectedForm), "
                    + "or bold, underline, reverse, dim")
        }
    }

    // MARK: - Values

    private func integer(
        _ value: any TOMLValueConvertible, _ key: String, in section: String?, range: ClosedRange<Int>
    ) throws(ConfigurationError) -> Int {
        guard value.type == .int, let n = value.int, range.contains(n) else {
            throw error(
                key, in: section,
                "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(describe(value))")
        }
        return n
    }

    private func string(_ value: any TOMLValueConvertible, _ key: String, in section: String?, expected: String)
        throws(ConfigurationError) -> String
    {
        guard value.type == .string, let text = value.string else {
            throw error(key, in: section, "\(key) must be \(expected), not \(describe(value))")
        }
        return text
    }

    /// `map`: one of its words, or a boolean for the plain on/off a user may write first.
    private func mapSetting(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigurationError)
        -> Preferences.MapSetting
    {
        if value.type == .bool, let on = value.bool { return on ? .shown : .off }
        let expected = Preferences.MapSetting.expectedForm
        let text = try string(value, key, in: nil, expected: expected)
        guard let setting = Preferences.MapSetting(rawValue: text) else {
            throw error(key, in: nil, "map must be \(expected), not \(quoted(text))")
        }
        return setting
    }

    func error(_ key: String, in section: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: lines.line(of: key, in: section) ?? 0, message: message)
    }

    /// A value for a message: its type, and short values themselves, made safe to print.
    func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "the string \(quoted(value.string ?? ""))"
        case .int: return "\(value.int.map(String.init) ?? "a number")"
        case .double: return "the number \(value.double.map { String($0) } ?? "")"
        case .bool: return value.bool == true ? "true" : "false"
        case .array: return "a list"
        case .table: return "a table"
        default: return "a date or time"
        }
    }
}

/// A string from the file, quoted and cut for a message; controls shown as `?` so they never reach the terminal.
func quoted(_ text: String) -> String {
    let shown = text.unicodeScalars.prefix(40).map { scalar -> String in
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
            ? "?" : String(scalar)
    }.joined()
    return "\"" + shown + (text.unicodeScalars.count > 40 ? "…" : "") + "\""
}
