import ThreadModel

extension Reddit {
    /// A poll post's `poll_data` as the article's lines, in the shape Hacker News polls read
    /// (`HackerNewsPoll`): "Poll", then "- option · 1,234 votes" per option. Reddit sends an option's
    /// `vote_count` only once the poll has ended; before that the options stand alone and the header
    /// says the counts are hidden (with the total when Reddit sent it). None without options. The
    /// texts are as saved (entity-escaped when the file is).
    static func pollLines(_ tree: inout JSONTree, _ poll: Int32) -> [String] {
        guard let list = tree.typed(poll, "options", .array) else { return [] }
        var options: [(text: String, votes: Int64?)] = []
        for option in tree.elements(list) {
            let text = (tree.string(option, "text") ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            options.append((text.isEmpty ? "[option]" : text, tree.integer(option, "vote_count")))
        }
        guard !options.isEmpty else { return [] }
        var header = "Poll"
        if options.contains(where: { $0.votes == nil }) {
            let total = tree.integer(poll, "total_vote_count").map { CountText.counted($0, "vote") + "; " } ?? ""
            header += " · " + total + "each option's votes are hidden until it ends"
        }
        return [header]
            + options.map { option in
                "- " + option.text + (option.votes.map { " · " + CountText.counted($0, "vote") } ?? "")
            }
    }
}
