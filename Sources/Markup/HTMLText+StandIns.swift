extension HTMLText {
    /// A one-line stand-in for what a terminal cannot show (a video, an embed, a link preview):
    /// `[video: title <address>]`, so a post made only of media is never empty on screen.
    struct StandIn {
        var kind: String
        /// Given by an attribute, or gathered from the first heading inside (a onebox's `<h3>`).
        var title = ""
        var address: String?
        /// Bytes of heading text gathered at most; a preview's title is a line, not the page.
        static let longestTitle = 300

        /// Whether the text now read is the heading that titles it.
        var capturing = false
        private var titled = false

        /// The stand-in an element opens, or nil when it is not one (most `div`s and `aside`s).
        static func of(_ tag: Tag) -> StandIn? {
            let attributes = tag.attributes
            switch tag.name {
            case "video", "audio":
                return StandIn(kind: tag.name, address: attributes["src"])
            case "iframe":
                let source = attributes["src"] ?? ""
                let isVideo = ["youtube.com/", "youtube-nocookie.com/", "youtu.be/", "vimeo.com/"].contains {
                    source.contains($0)
                }
                return StandIn(
                    kind: isVideo ? "video" : "embed", title: attributes["title"] ?? "", address: attributes["src"])
            case "div" where tag.hasClass("lazy-video-container") || tag.hasClass("lazyYT"):
                // Discourse's YouTube and Vimeo embeds: the id and title are attributes, a link inside.
                let id = attributes["data-video-id"] ?? attributes["data-youtube-id"]
                let provider =
                    attributes["data-provider-name"] ?? (attributes["data-youtube-id"] != nil ? "youtube" : "")
                var address: String?
                if let id, !id.isEmpty {
                    switch provider {
                    case "youtube": address = "https://www.youtube.com/watch?v=" + id
                    case "vimeo": address = "https://vimeo.com/" + id
                    default: break
                    }
                }
                // Discourse escapes these titles once more than the HTML needs (`&amp;amp;`): the
                // attribute's own decoding leaves entities, decoded here a second and last time.
                let title = HTMLEntities.decode(
                    attributes["data-video-title"] ?? attributes["data-youtube-title"] ?? "")
                return StandIn(kind: "video", title: title, address: address)
            case "div" where tag.hasClass("video-placeholder-container") || tag.hasClass("video-container"):
                return StandIn(kind: "video", address: attributes["data-video-src"])
            case "aside" where tag.hasClass("onebox"):
                return StandIn(kind: "link", address: attributes["data-onebox-src"])
            default:
                return nil
            }
        }

        /// An element inside the stand-in: its first address and heading complete it.
        mutating func notice(_ tag: Tag) {
            switch tag.name {
            case "a", "source", "video", "iframe":
                if address?.isEmpty ?? true { address = tag.attributes[tag.name == "a" ? "href" : "src"] }
            case "h3", "h4":
                if !titled && title.isEmpty { capturing = true }
            default:
                break
            }
        }

        mutating func endHeading() {
            if capturing { titled = true }
            capturing = false
        }

        /// The line shown: `[kind: title <address>]`, parts left out when missing.
        var line: String {
            let words = title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            var address = self.address ?? ""
            // Discourse writes its own uploads without a scheme.
            if address.hasPrefix("//") { address = "https:" + address }
            switch (words.isEmpty, address.isEmpty) {
            case (true, true): return "[\(kind)]"
            case (true, false): return "[\(kind): <\(address)>]"
            case (false, true): return "[\(kind): \(words)]"
            case (false, false): return "[\(kind): \(words) <\(address)>]"
            }
        }
    }
}

extension HTMLText.Converter {
    /// An image as text: an emoji as its `:name:`, a picture as `[image: name]`, decoration as nothing.
    mutating func image(_ tag: Tag) {
        let attributes = tag.attributes
        if tag.hasClass("emoji") {
            let name = attributes["alt"].flatMap { $0.isEmpty ? nil : $0 } ?? attributes["title"] ?? ""
            for scalar in name.unicodeScalars { appendInline(scalar) }
            return
        }
        // Avatars in quote headers and icons in link previews: the text around them says the same.
        let decorative = ["avatar", "site-icon", "thumbnail", "onebox-avatar", "onebox-avatar-inline"]
        if decorative.contains(where: tag.hasClass) { return }
        let name = HTMLText.imageName(alt: attributes["alt"], source: attributes["src"])
        let line = name.isEmpty ? "[image]" : "[image: \(name)]"
        appendInline(" ")
        for scalar in line.unicodeScalars { appendInline(scalar) }
        appendInline(" ")
    }
}

extension HTMLText {
    /// What an image is called: its alt text when that says something, else its file's name; empty when neither.
    static func imageName(alt: String?, source: String?) -> String {
        let alt = (alt ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        // Discourse writes "image" for every pasted picture; the file name tells more.
        if !alt.isEmpty && alt.lowercased() != "image" { return alt }
        let path = (source ?? "").prefix { $0 != "?" && $0 != "#" }
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        return file.isEmpty ? alt : file
    }
}
