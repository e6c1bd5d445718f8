import ThreadModel

extension Mastodon {
    /// Options a poll shows; Mastodon allows 4 unless a server raises it, so more is a hostile file.
    static let mostPollOptions = 50

    /// A poll as stand-ins, as the site shows it under the text: `[poll option: TITLE (N votes)]` per
    /// option (without the count while the server hides it), then `[poll: closed, N votes from M people]`.
    static func pollLines(_ tree: inout JSONTree, _ poll: Int32) -> [String] {
        var lines: [String] = []
        let options = tree.elements(tree.typed(poll, "options", .array) ?? -1)
        for option in options.prefix(mostPollOptions) where tree.kind(option) == .object {
            let title = tree.string(option, "title") ?? ""
            let votes = tree.integer(option, "votes_count").map { " (\(count($0, "vote")))" } ?? ""
            lines.append(StandInLine.make(kind: "poll option", text: title + votes, address: nil))
        }
        if options.count > mostPollOptions {
            lines.append(
                StandInLine.make(
                    kind: "poll", text: CountText.counted(options.count - mostPollOptions, "more option"), address: nil
                ))
        }
        var summary = [tree.bool(poll, "expired") == true ? "closed" : "open"]
        if let votes = tree.integer(poll, "votes_count") {
            let voters = tree.integer(poll, "voters_count").map { " from \(count($0, "person", plural: "people"))" }
            summary.append(count(votes, "vote") + (voters ?? ""))
        }
        lines.append(StandInLine.make(kind: "poll", text: summary.joined(separator: ", "), address: nil))
        return lines
    }

    private static func count(_ number: Int64, _ noun: String, plural: String? = nil) -> String {
        CountText.counted(number, noun, plural: plural)
    }
}
