import ThreadModel

/// Three levels whose points and times disagree with the data's order at every level: for sorting tests.
public let sortableOutline = """
    a 5 10
      a1 1 40
      a2 9 20
        a2x 2 50
        a2y 7 45
      a3 4 30
    b 20 0
    c 10 60
      c1 3 65
    """

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
