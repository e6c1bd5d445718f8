/// Finds the line of a key in TOML source text, for messages about a value that parsed but is wrong.
///
/// TOMLKit reports positions only for syntax errors; this reads headers (`[keys]`) and
/// `key =` lines, which is what a config file is made of. One pass at creation.
struct SourceLines {
    /// The first line of each assignment, by its table (empty at the top) and key.
    private var entries: [Entry: Int] = [:]
    private var headers: [String: Int] = [:]
    /// For each array of tables (`[[kill]]`): each element's header line and the lines of its keys.
    private var elements: [String: [(header: Int, keys: [String: Int])]] = [:]

    init(_ text: String) {
        var section: String?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let inside = line.drop { $0 == "[" }.prefix { $0 != "]" }
                let name = Self.unquote(inside.trimmingSpaces())
                section = name
                if headers[name] == nil { headers[name] = number }
                // `[theme.x]` defines x in [theme] (and [theme] itself, when no header of its own came first).
                if let dot = name.firstIndex(of: "."), !inside.contains("\""), !inside.contains("'") {
                    let table = String(name[..<dot])
                    let key = String(name[name.index(after: dot)...].prefix { $0 != "." })
                    if headers[table] == nil { headers[table] = number }
                    if entries[Entry(section: table, key: key)] == nil {
                        entries[Entry(section: table, key: key)] = number
                    }
                }
                if line.hasPrefix("[[") { elements[name, default: []].append((number, [:])) }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                var key = Self.unquote(line[..<equals].trimmingSpaces())
                var table = section
                // A dotted key at the top (`keys.quit = "q"`) belongs to that table.
                if section == nil, let dot = key.firstIndex(of: "."), !line[..<equals].contains("\"") {
                    table = String(key[..<dot])
                    key = String(key[key.index(after: dot)...])
                }
                let entry = Entry(section: table ?? "", key: key)
                if entries[entry] == nil { entries[entry] = number }
                if let table, let last = elements[table]?.indices.last, elements[table]?[last].keys[key] == nil {
                    elements[table]?[last].keys[key] = number
                }
            }
        }
    }

    /// The line where `key` is set in `section` (nil: the top level), else the section's header.
    func line(of key: String, in section: String?) -> Int? {
        if let line = entries[Entry(section: section ?? "", key: key)] { return line }
        if section == nil, let header = headers[key] { return header }
        return section.flatMap { headers[$0] }
    }

    /// The line where `key` is set in element `element` (0-based) of the array of tables `name` (`[[kill]]`),
    /// else that element's header, else where `name` is named at all.
    func line(of key: String?, inElement element: Int, of name: String) -> Int? {
        if let list = elements[name], list.indices.contains(element) {
            return key.flatMap { list[element].keys[$0] } ?? list[element].header
        }
        return line(of: name, in: nil)
    }

    private struct Entry: Hashable {
        var section: String
        var key: String
    }

    private static func unquote(_ text: Substring) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return String(text)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        let start = drop { $0 == " " || $0 == "\t" }
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)] == " " || start[start.index(before: end)] == "\t"
        {
            end = start.index(before: end)
        }
        return start[start.startIndex..<end]
    }
}
