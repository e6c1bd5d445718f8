/// The document's `article` object: its fields, each checked for its type (FORMAT.md).
extension CanonicalLoader {
    mutating func readArticle() throws(DocumentError) -> Article {
        let start = scanner.position
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw try wrongType("\"article\" must be an object")
        }
        scanner.position += 1
        var article = Article(title: "")
        var hasTitle = false
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            repeat {
                let key = try scanner.readKey()
                if scanner.key(key, is: "title") {
                    guard let title = try optionalString("article.title") else {
                        throw try wrongType("\"article.title\" must be a string")
                    }
                    article.title = title
                    hasTitle = true
                } else if scanner.key(key, is: "id") {
                    article.id = try optionalString("article.id", allowNumber: true)
                } else if scanner.key(key, is: "author") {
                    article.author = try optionalString("article.author")
                } else if scanner.key(key, is: "published") {
                    article.published = try optionalString("article.published")
                } else if scanner.key(key, is: "url") {
                    article.url = try optionalString("article.url")
                } else if scanner.key(key, is: "source") {
                    article.source = try optionalString("article.source")
                } else if scanner.key(key, is: "site") {
                    article.site = try optionalString("article.site")
                } else if scanner.key(key, is: "tags") {
                    article.tags = try optionalStrings("article.tags")
                } else if scanner.key(key, is: "marks") {
                    article.marks = try optionalStrings("article.marks")
                } else if scanner.key(key, is: "score") {
                    article.score = try score(of: "the article's \"score\"")
                } else if scanner.key(key, is: "comment_count") {
                    article.commentCount = try score(of: "the article's \"comment_count\"")
                } else if scanner.key(key, is: "body") {
                    if scanner.peek() == UInt8(ascii: "\"") {
                        article.body = Article.paragraphs(of: try optionalString("article.body") ?? "")
                    } else {
                        article.body = try optionalStrings("article.body") ?? []
                    }
                } else {
                    try scanner.skipValue()
                }
            } while try nextMember()
        }
        guard hasTitle else { throw scanner.shapeError("the article has no \"title\"", at: start) }
        return article
    }

    private mutating func optionalString(_ field: String, allowNumber: Bool = false) throws(DocumentError) -> String? {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            return bytes.string(try scanner.readString())
        case UInt8(ascii: "n"):
            _ = try scanner.readLiteral()
            return nil
        case let byte? where allowNumber && (byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte)):
            let number = try scanner.readNumber()
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.buffer[number.range]), as: UTF8.self)
        default:
            throw try wrongType("\"\(field)\" must be a string")
        }
    }

    private mutating func optionalStrings(_ field: String) throws(DocumentError) -> [String]? {
        if scanner.skipNull() { return nil }
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw try wrongType("\"\(field)\" must be an array of strings")
        }
        scanner.position += 1
        var strings: [String] = []
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return strings
        }
        while true {
            guard scanner.peek() == UInt8(ascii: "\"") else {
                throw try wrongType("\"\(field)\" must be an array of strings")
            }
            strings.append(bytes.string(try scanner.readString()) ?? "")
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.position += 1
            case UInt8(ascii: "]"):
                scanner.position += 1
                return strings
            default: throw scanner.syntaxError("expected ',' or ']' in an array")
            }
        }
    }
}
