import TOMLKit
import ThreadQuery

extension ConfigReader {
    /// The keys of a `[[kill]]` rule, spelled by hand.
    static let killKeys = ["query", "action", "site"]

    /// `[[kill]]`: rules of a query, an action (`hide` by default) and an optional site. A mistake names the
    /// rule by its number and its query, and the line.
    func killFile(_ value: any TOMLValueConvertible) throws(ConfigurationError) -> KillFile {
        guard value.type == .array, let array = value.array else {
            throw error("kill", in: nil, "kill must be rules written as [[kill]] tables, not \(describe(value))")
        }
        var rules: [KillRule] = []
        for (number, element) in array.enumerated() {
            guard element.type == .table, let table = element.table else {
                throw killError(number, nil, "kill rule \(number + 1) must be a table, not \(describe(element))")
            }
            rules.append(try killRule(table, number: number))
        }
        return KillFile(rules: rules)
    }

    private func killRule(_ table: TOMLTable, number: Int) throws(ConfigurationError) -> KillRule {
        let name = "kill rule \(number + 1)"
        for key in table.keys where !Self.killKeys.contains(key) {
            throw killError(
                number, key,
                "unknown setting \(quoted(key)) in \(name); expected \(Self.killKeys.joined(separator: ", "))")
        }
        guard let value = table["query"] else {
            throw killError(number, nil, "\(name) has no query; write query = \"author:NAME\" (the filter's language)")
        }
        guard value.type == .string, let text = value.string else {
            throw killError(number, "query", "\(name)'s query must be a string, not \(describe(value))")
        }
        var action = KillRule.Action.hide
        if let value = table["action"] {
            guard value.type == .string, let word = value.string, let given = KillRule.Action(name: word) else {
                throw killError(
                    number, "action", "\(name)'s action must be \(KillRule.Action.expectedForm), not \(describe(value))"
                )
            }
            action = given
        }
        var site: String?
        if let value = table["site"] {
            guard value.type == .string, let word = value.string, !word.isEmpty, word.count <= 300,
                !word.contains(where: { $0 == " " || $0.isNewline })
            else {
                throw killError(
                    number, "site",
                    "\(name)'s site must name one site (hn, reddit, r/SUB, lobsters, discourse, mastodon, lemmy, "
                        + "bluesky) or a host, not \(describe(value))")
            }
            site = word
        }
        do {
            return try KillRule.parse(text, action: action, site: site)
        } catch {
            throw killError(number, "query", "\(name) (\(quoted(text))): \(error.description)")
        }
    }

    private func killError(_ number: Int, _ key: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: lines.line(of: key, inElement: number, of: "kill") ?? 0, message: message)
    }
}
