import TextLayout

extension ReaderState {
    /// How many messages the log keeps: the oldest go first.
    static let messageLogLimit = 500

    /// Keeps the message just shown in the log, unless it only says how far something has got
    /// (a search's percentage, "match 3 of 9") or repeats the last one.
    mutating func logMessage() {
        guard let message, !message.isEmpty, message != messageLog.last else { return }
        if message.hasPrefix("searching…") || message.hasPrefix("match ") { return }
        messageLog.append(message)
        if messageLog.count > Self.messageLogLimit { messageLog.removeFirst(messageLog.count - Self.messageLogLimit) }
    }

    /// The message log as the overlay lists it: each message whole, wrapped to the overlay's width.
    var messageLogEntries: [(label: String, help: String)] {
        let width = max(10, min(columns - 2, 120) - 8)
        guard !messageLog.isEmpty else { return [("", "no messages yet")] }
        return messageLog.flatMap { text in
            Wrapper.wrap(Blocks.oneLine(text), width: width, hangingIndent: 2).map { ("", $0.text) }
        }
    }

    /// A status message cut to `width` columns in the middle, not at the end, so the reason (its
    /// beginning) and the advice (its end) both show: an address, the longest word with a "/", is
    /// shortened first (or left out: the log has it); then the middle of the whole message.
    static func shortened(_ message: String, width: Int) -> String {
        let excess = TextWidth.of(message) - width
        guard excess > 0 else { return message }
        guard width > 8 else { return Wrapper.truncate(message, width: width) }
        return withShortAddress(message, width: width) ?? cutMiddle(withoutAddress(message), keep: width - 1)
    }

    /// The message with its address (the longest word with a "/") left out, as "…".
    private static func withoutAddress(_ message: String) -> String {
        var words = message.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard
            let longest = words.indices.filter({ words[$0].contains("/") }).max(by: {
                TextWidth.of(words[$0]) < TextWidth.of(words[$1])
            })
        else { return message }
        words[longest] = "…"
        return words.joined(separator: " ")
    }

    /// The message in `width` columns with only its address (the longest word with a "/") shortened
    /// or left out; nil when that is not enough.
    static func withShortAddress(_ message: String, width: Int) -> String? {
        let excess = TextWidth.of(message) - width
        guard excess > 0 else { return message }
        let words = message.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard
            let longest = words.indices.filter({ words[$0].contains("/") }).max(by: {
                TextWidth.of(words[$0]) < TextWidth.of(words[$1])
            })
        else { return nil }
        var shortenedWords = words
        let keep = TextWidth.of(words[longest]) - excess - 1
        shortenedWords[longest] = keep >= 12 ? cutMiddle(words[longest], keep: keep) : "…"
        let shorter = shortenedWords.joined(separator: " ")
        return TextWidth.of(shorter) <= width ? shorter : nil
    }

    /// `text` with its middle replaced by "…", keeping `keep` columns: three fifths from the start
    /// (the reason), the rest from the end (the advice).
    private static func cutMiddle(_ text: String, keep: Int) -> String {
        let characters = Array(Sanitizer.sanitize(text))
        let headRoom = keep * 3 / 5
        var head = ""
        var used = 0
        var start = 0
        while start < characters.count, used + TextWidth.of(String(characters[start])) <= headRoom {
            used += TextWidth.of(String(characters[start]))
            head.append(characters[start])
            start += 1
        }
        var tail: [Character] = []
        var end = characters.count
        while end > start, used + TextWidth.of(String(characters[end - 1])) <= keep {
            used += TextWidth.of(String(characters[end - 1]))
            tail.append(characters[end - 1])
            end -= 1
        }
        return head + "…" + String(tail.reversed())
    }
}
