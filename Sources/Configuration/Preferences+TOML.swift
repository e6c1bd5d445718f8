import ThreadModel

extension Preferences {
    /// The preferences as a commented config file: what `tread config` prints, every default
    /// written out, so the output is a file to start from. Parsing it gives the same preferences.
    public func toml(actions: [BindableAction]) -> String {
        var out = """
            # tread configuration: save as $XDG_CONFIG_HOME/tread/config.toml (default ~/.config/tread/config.toml).
            # Every value below is in force now; delete what you do not change.

            # Text wider than this is wrapped even in a wide window (\(Preferences.widthRange.lowerBound)–\
            \(Preferences.widthRange.upperBound)).
            max-width = \(maximumWidth)
            # Columns per reply level (\(Preferences.indentRange.lowerBound)–\(Preferences.indentRange.upperBound)).
            indent = \(indentWidth)
            # What is open when a thread opens: \(FoldOnOpen.expectedForm).
            fold = "\(foldOnOpen)"
            # "relative" (3h ago) or "absolute" (2018-07-03 10:12, in the local time zone, TZ).
            dates = "\(dates.rawValue)"
            # false leaves the mouse to the terminal, so its own selection works.
            mouse = \(mouse)
            # The map strip at the right edge: "shown" on opening, "hidden" until M, or "off" (M does nothing).
            map = "\(map.rawValue)"
            # false writes no OSC 8 hyperlinks over link numbers, for a terminal that shows them as garbage.
            hyperlinks = \(hyperlinks)
            # A front page to open when tread is run with nothing to read (hn, r/swift, lobsters, …):
            \(start.map { "start = \"\(escaped($0))\"" } ?? "# start = \"hn\"")
            # The order comments are sorted in on opening (s cycles): \(CommentOrder.names); best is the site's own.
            \(siteSorts.isEmpty ? "sort = \"\(sort.name)\"" : "# sort: per site, in [sort] below")

            # Keys per action: one key name or a list of them.
            # A key name is \(KeyName.expectedForm).
            # A key given here leaves the action it had by default; [] unbinds an action.
            [keys]

            """
        var group = ""
        for action in actions {
            if action.group != group, !action.group.isEmpty { out += "\n# \(action.group)\n" }
            group = action.group
            if !action.help.isEmpty { out += "# \(action.help)\n" }
            let keys = (self.keys[action.name] ?? []).map { "\"\(escaped($0.description))\"" }
            out += "\(action.name) = [\(keys.joined(separator: ", "))]\n"
        }
        out += """

            # Styles by role: at most one colour and any of bold, underline, reverse, dim.
            # A colour is \(Color.expectedForm); "default" is the terminal's own.
            # preset: \(ThemePreset.expectedForm) (the terminal's own colours; or colours for a dark or a light
            # background, which they set for the whole screen). The roles below override the preset's.
            [theme]
            preset = "\(theme.preset.rawValue)"
            guides = [\(theme.guides.map { "\"\($0)\"" }.joined(separator: ", "))]

            """
        for role in Theme.roleNames {
            if let help = Theme.roleHelp[role] { out += "# \(help)\n" }
            out += "\(role) = \"\(theme[role: role]?.description ?? "default")\"\n"
        }
        let command = (copyCommand ?? []).map { "\"\(escaped($0))\"" }.joined(separator: ", ")
        out += """

            # What y, Y and T copy goes to the terminal's clipboard (OSC 52, at most 75,000 bytes) unless a
            # command is set: the program and its arguments, run without a shell, the text on its standard input,
            # e.g. ["wl-copy"], ["xclip", "-selection", "clipboard"], ["pbcopy"]. [] copies through the terminal.
            [copy]
            command = [\(command)]

            # What | offers at its prompt: the program and its arguments, run without a shell on the terminal
            # with the selected comment (ctrl-T at the prompt: and its replies) as Markdown on its standard
            # input, e.g. ["less"], ["vim", "-"], ["tee", "/tmp/comment.md"]. [] offers an empty prompt.
            [pipe]
            command = [\(pipeCommand.map { "\"\(escaped($0))\"" }.joined(separator: ", "))]

            """
        out += sortTOML
        out += killFileTOML
        return out
    }

    /// The order per site as a `[sort]` table, or a commented example when every site opens in `sort`.
    var sortTOML: String {
        let help = """

            # An order per site, instead of sort = above: default is every other site's; a site is one of
            # \(Article.siteNames.joined(separator: ", ")) (as the thread's document says, not its title).

            """
        guard !siteSorts.isEmpty else {
            return help + "# [sort]\n# default = \"best\"\n# reddit = \"top\"\n"
        }
        var out = help + "[sort]\ndefault = \"\(sort.name)\"\n"
        for site in Article.siteNames {
            if let order = siteSorts[site] { out += "\(site) = \"\(order.name)\"\n" }
        }
        return out
    }

    /// The kill-file's rules as `[[kill]]` tables, or a commented example when there is none.
    private var killFileTOML: String {
        var out = """

            # The kill-file: each [[kill]] hides or dims the comments its query matches (the filter's language, as
            # typed after &). action: "hide" (one line, "hidden by the kill-file", replies kept under it; X shows
            # them), "hide-thread" (the same, its replies folded under it on opening) or "dim". site (leave out for
            # every site): hn, reddit, r/SUB, lobsters, discourse, mastodon, lemmy, bluesky, or a host.

            """
        if killFile.isEmpty {
            out += "# [[kill]]\n# query = \"author:spammer\"\n# action = \"hide\"\n# site = \"reddit\"\n"
        }
        for rule in killFile.rules {
            out += "\n[[kill]]\nquery = \"\(escaped(rule.query.text))\"\naction = \"\(rule.action.name)\"\n"
            if let site = rule.site { out += "site = \"\(escaped(site))\"\n" }
        }
        return out
    }

    private func escaped(_ text: String) -> String {
        text.replacingBackslashAndQuote()
    }
}

extension String {
    /// The text inside a TOML basic string: `\` and `"` escaped, and every control (C0, DEL, C1) and format
    /// character (bidi controls) written as an escape, so that what `tread config` prints never reaches the
    /// terminal as a control and reads back as the same text (a kill rule's query may hold any of them).
    fileprivate func replacingBackslashAndQuote() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\", "\"": out += "\\" + String(scalar)
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.generalCategory == .format {
                    let hex = String(value, radix: 16, uppercase: true)
                    let digits = value > 0xFFFF ? 8 : 4
                    let zeros = String(repeating: "0", count: max(0, digits - hex.count))
                    out += (digits == 8 ? "\\U" : "\\u") + zeros + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
