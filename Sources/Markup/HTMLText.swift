/// Turns the HTML of a comment (Hacker News, Discourse, Lobsters) into tread's plain text.
///
/// The result follows FORMAT.md: a blank line between paragraphs, quotes as lines
/// starting with one "> " a level (at most `maximumQuoteDepth` levels), code as lines
/// indented by 4 spaces after any quote markers (`">     let x = 1"` is code in a quote),
/// list items as "- " or "1. ", links as `text <address>`. Images, media, embeds and link
/// previews become one line each (`[image: name.png]`, `[video: title <address>]`). Tags
/// with no meaning in a terminal are dropped, keeping their text. One pass, open elements
/// on an explicit stack: no recursion over nesting, nothing read twice, and unclosed or
/// stray tags never fail.
public enum HTMLText {
    /// Converts `html` to plain text.
    public static func convert(_ html: String) -> String {
        var converter = Converter()
        let bytes = Array(html.utf8)
        var i = 0
        var textStart = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: i) else {
                i += 1
                continue
            }
            if textStart < i { converter.text(String(decoding: bytes[textStart..<i], as: UTF8.self)) }
            converter.tag(tag)
            i = tag.end
            textStart = i
        }
        if textStart < bytes.count { converter.text(String(decoding: bytes[textStart...], as: UTF8.self)) }
        return converter.finish()
    }
}

/// One tag as written: its lower-cased name, whether it closes, and the attributes tread uses.
struct Tag {
    var name: String
    var closing: Bool
    var attributes: [String: String] = [:]
    /// The index after the tag's `>`.
    var end: Int

    /// Parses the tag at `start` (a `<`); nil when the `<` starts no tag, so it is text.
    static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
            // A comment or a declaration: skipped whole.
            let isComment = bytes[i...].starts(with: Array("!--".utf8))
            let terminator = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            // Unclosed, it runs to the end, as in a browser; taking it as text would make every
            // later `<` rescan the rest, quadratic on hostile input.
            guard let close = find(terminator, in: bytes, from: i) else {
                return Tag(name: "!", closing: false, end: bytes.count)
            }
            return Tag(name: "!", closing: false, end: close + terminator.count)
        }
        let closing = bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        let nameStart = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, isLetter(bytes[nameStart]) else { return nil }
        var tag = Tag(
            name: String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased(), closing: closing, end: 0)
        // Attributes: name, name=value, name="value", name='value'.
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") {
                tag.end = i + 1
                return tag
            }
            guard isNameByte(byte) else {
                i += 1
                continue
            }
            let attributeStart = i
            while i < bytes.count, isNameByte(bytes[i]) || bytes[i] == UInt8(ascii: ":") { i += 1 }
            let attribute = String(decoding: bytes[attributeStart..<i], as: UTF8.self).lowercased()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            guard i < bytes.count else { break }
            let quote = bytes[i]
            let valueStart: Int
            let valueEnd: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = i + 1
                guard let close = bytes[valueStart...].firstIndex(of: quote) else { break }
                valueEnd = close
                i = close + 1
            } else {
                valueStart = i
                while i < bytes.count, bytes[i] != UInt8(ascii: ">"), !isSpace(bytes[i]) { i += 1 }
                valueEnd = i
            }
            if keptAttributes.contains(attribute) {
                tag.attributes[attribute] = HTMLEntities.decode(
                    String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            }
        }
        // A tag left open at the end of the text swallows the rest, as in a browser.
        tag.end = bytes.count
        return tag
    }

    /// The attributes the converter reads: links, images, an ordered list's first number, and the embeds
    /// and media Discourse writes.
    private static let keptAttributes: Set<String> = [
        "href", "alt", "class", "src", "title", "start", "data-video-src", "data-video-id", "data-video-title",
        "data-youtube-id", "data-youtube-title", "data-provider-name", "data-onebox-src",
    ]

    /// Whether the `class` attribute lists `name` as one of its words.
    func hasClass(_ name: String) -> Bool {
        guard let classes = attributes["class"] else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == name }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }
}
