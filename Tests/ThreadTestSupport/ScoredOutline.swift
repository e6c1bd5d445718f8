import ThreadModel

/// A discussion from an outline whose lines also give points and a time, for sorting: `id score
/// minute`, `-` for a field left out (`a 5 30` is comment a, 5 points, written at 10:30 on
/// 2020-01-01 UTC); `[text]` is a placeholder line. Indented two spaces a level, as `discussion(_:)`.
public func scoredDiscussion(title: String = "Title", _ outline: String) -> Discussion {
    var builder = DiscussionBuilder(article: Article(title: title))
    var path: [Int] = []
    for line in outline.split(separator: "\n") {
        let depth = line.prefix(while: { $0 == " " }).count / 2
        let text = line.drop(while: { $0 == " " })
        path.removeLast(max(0, path.count - depth))
        if text.hasPrefix("[") {
            path.append(builder.addPlaceholder(String(text.dropFirst().dropLast()), under: path.last))
            continue
        }
        let words = text.split(separator: " ").map(String.init)
        let id = words[0]
        let score = words.count > 1 ? Int64(words[1]) : nil
        let minute = words.count > 2 ? Int(words[2]) : nil
        let published = minute.map { "2020-01-01T\(10 + $0 / 60):\(String(format2: $0 % 60)):00Z" }
        path.append(
            builder.add(
                Comment(id: .string(id), author: id, published: published, score: score, body: "text of \(id)"),
                under: path.last))
    }
    do {
        return try builder.build()
    } catch {
        fatalError("test outline is invalid: \(error)")
    }
}

extension String {
    /// A number of at most two digits, written with two.
    fileprivate init(format2 number: Int) {
        self = number < 10 ? "0\(number)" : "\(number)"
    }
}
