import ThreadModel

/// What an importer left out or changed, counted by why, for `Discussion.notes`.
///
/// A broken item is never dropped in silence: every skip, dropped field and broken loop is
/// counted here, and the reader and the commands show the notes.
struct ImportNotes {
    /// Items that are not comments at all (not an object, no id where the site always gives one).
    var skipped = 0
    var duplicates = 0
    /// Fields read as absent because their type was wrong (`"score": "5"`, `"points": 1e400`).
    var wrongFields = 0
    /// Times that are not ISO 8601; the comment keeps its place without one.
    var badTimes = 0
    /// Reply loops (a comment replying to itself or to its own reply) broken by moving a comment to the top.
    var loops = 0
    /// JSON lines that did not parse.
    var brokenLines = 0

    /// One line for each kind of loss, in a fixed order.
    var lines: [String] {
        func count(_ n: Int, _ one: String, _ many: String) -> String { CountText.counted(n, one, plural: many) }
        var lines: [String] = []
        if skipped > 0 { lines.append(count(skipped, "item", "items") + " skipped (not a comment)") }
        if brokenLines > 0 { lines.append(count(brokenLines, "line", "lines") + " skipped (not JSON)") }
        if duplicates > 0 { lines.append(count(duplicates, "duplicate item", "duplicate items") + " skipped") }
        if wrongFields > 0 { lines.append(count(wrongFields, "field", "fields") + " with the wrong type left out") }
        if badTimes > 0 { lines.append(count(badTimes, "time", "times") + " not understood, left out") }
        if loops > 0 {
            lines.append(count(loops, "reply loop", "reply loops") + " broken (the comment is shown at the top level)")
        }
        return lines
    }

    /// Normalises a site's time to UTC, counting one that cannot be read.
    mutating func time(_ text: String?) -> String? {
        guard let text else { return nil }
        if let time = ImportSupport.utc(text) { return time }
        badTimes += 1
        return nil
    }
}
