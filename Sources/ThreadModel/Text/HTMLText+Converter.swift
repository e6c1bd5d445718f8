extension HTMLText {
    /// The state of one conversion: finished lines, the paragraph being gathered and the open elements.
    struct Converter {
        private var lines: [String] = []
        /// A paragraph break is owed before the next line.
        private var breakPending = false
        /// The paragraph being gathered, white space collapsed; "\n" where a `<br>` was.
        private var inline: [Unicode.Scalar] = []
        /// The elements whose end changes the output, innermost last. Others (`p`, `i`, `span`...)
        /// are not kept: a stray or missing end tag of theirs changes nothing.
        private var open: [String] = []
        private var openCount: [String: Int] = [:]
        private var quoteDepth = 0
        private var lists: [(ordered: Bool, next: Int)] = []
        /// The marker ("- ", "3. ") for the first line of the current list item.
        private var itemMarker: String?
        private var preDepth = 0
        private var pre: [Unicode.Scalar] = []
        /// Open links: the address and where their text starts in `inline`.
        private var links: [(href: String?, start: Int)] = []
        private var hiddenDepth = 0

        private static let blocks: Set<String> = [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "tr", "section", "article",
            "header", "footer", "figure", "figcaption", "aside", "details", "summary", "dl", "dt", "dd",
        ]
        private static let tracked: Set<String> = ["blockquote", "ul", "ol", "pre", "a", "script", "style"]

        mutating func text(_ raw: String) {
            guard hiddenDepth == 0 else { return }
            let decoded = HTMLEntities.decode(raw)
            if preDepth > 0 {
                pre.append(contentsOf: decoded.unicodeScalars)
            } else {
                for scalar in decoded.unicodeScalars { appendInline(scalar) }
            }
        }

        mutating func tag(_ tag: Tag) {
            let name = tag.name
            if name == "!" { return }
            if tag.closing {
                if Self.tracked.contains(name) {
                    close(name)
                } else if name == "li" {
                    flushInline()
                } else if Self.blocks.contains(name) {
                    paragraphBreak()
                }
                return
            }
            switch name {
            case "br":
                if preDepth > 0 {
                    pre.append("\n")
                } else {
                    if inline.last == " " { inline.removeLast() }
                    inline.append("\n")
                }
            case "li":
                flushInline()
                if let last = lists.indices.last, lists[last].ordered {
                    itemMarker = "\(lists[last].next). "
                    lists[last].next += 1
                } else {
                    itemMarker = "- "
                }
            case "img":
                if let alt = tag.attributes["alt"], hiddenDepth == 0 {
                    for scalar in alt.unicodeScalars { appendInline(scalar) }
                }
            case "td", "th":
                appendInline(" ")
            case "blockquote":
                paragraphBreak()
                quoteDepth += 1
                push(name)
            case "ul", "ol":
                flushInline()
                if lists.isEmpty { breakPending = true }
                lists.append((name == "ol", 1))
                push(name)
            case "pre":
                paragraphBreak()
                preDepth += 1
                push(name)
            case "a":
                links.append((preDepth > 0 ? nil : tag.attributes["href"], inline.count))
                push(name)
            case "script", "style":
                hiddenDepth += 1
                push(name)
            default:
                if Self.blocks.contains(name) { paragraphBreak() }
            }
        }

        /// The text, once the whole input is read; elements still open are closed.
        mutating func finish() -> String {
            while let name = open.popLast() { leave(name) }
            flushInline()
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }

        private mutating func push(_ name: String) {
            open.append(name)
            openCount[name, default: 0] += 1
        }

        /// Closes the innermost open `name` and everything opened inside it; a stray end tag does nothing.
        private mutating func close(_ name: String) {
            guard openCount[name, default: 0] > 0 else { return }
            while let top = open.popLast() {
                openCount[top, default: 1] -= 1
                leave(top)
                if top == name { return }
            }
        }

        private mutating func leave(_ name: String) {
            switch name {
            case "blockquote":
                paragraphBreak()
                quoteDepth -= 1
            case "ul", "ol":
                flushInline()
                lists.removeLast()
                itemMarker = nil
                if lists.isEmpty { breakPending = true }
            case "pre":
                preDepth -= 1
                if preDepth == 0 { flushCode() }
            case "a":
                if let link = links.popLast() { finishLink(link) }
            case "script", "style":
                hiddenDepth -= 1
            default:
                break
            }
        }

        private mutating func appendInline(_ scalar: Unicode.Scalar) {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{C}":
                if let last = inline.last, last != " ", last != "\n" { inline.append(" ") }
            default:
                inline.append(scalar)
            }
        }

        /// Shows a link as `text <address>`, or the address alone when the text is the address.
        private mutating func finishLink(_ link: (href: String?, start: Int)) {
            guard let href = link.href, Self.isAbsolute(href) else { return }
            let start = min(link.start, inline.count)
            var textScalars = String.UnicodeScalarView()
            textScalars.append(contentsOf: inline[start...])
            let text = String(textScalars).trimming(" \n")
            let bare = href.drop { $0 != ":" }.dropFirst().drop { $0 == "/" }
            if text.isEmpty || (text.hasSuffix("...") && href.hasPrefix(text.dropLast(3))) {
                // Hacker News shortens a long address shown as link text: show it whole.
                inline.removeSubrange(start...)
                inline.append(contentsOf: href.unicodeScalars)
            } else if text != href && text != String(bare) && text + "/" != href {
                if inline.last == " " { inline.removeLast() }
                inline.append(contentsOf: " <\(href)>".unicodeScalars)
            }
        }

        private static func isAbsolute(_ href: String) -> Bool {
            let lower = href.lowercased()
            return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://")
                || lower.hasPrefix("mailto:")
        }

        private mutating func paragraphBreak() {
            flushInline()
            breakPending = true
        }

        /// Emits the gathered paragraph as lines, with the quote and list prefixes in force.
        private mutating func flushInline() {
            defer {
                inline.removeAll(keepingCapacity: true)
                for k in links.indices { links[k].start = 0 }
            }
            var paragraph = String.UnicodeScalarView()
            paragraph.append(contentsOf: inline)
            let parts = String(paragraph).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimming(" ") }
            guard parts.contains(where: { !$0.isEmpty }) else { return }
            var sawText = false
            var blanks = false
            for part in parts {
                if part.isEmpty {
                    blanks = sawText
                    continue
                }
                if blanks { breakPending = true }
                blanks = false
                sawText = true
                let marker = itemMarker ?? ""
                let lead = itemMarker.map { _ in "" } ?? (lists.isEmpty ? "" : "  ")
                itemMarker = nil
                emit(quotePrefix + listIndent + lead + marker + part)
            }
        }

        private mutating func flushCode() {
            var code = String.UnicodeScalarView()
            code.append(contentsOf: pre)
            pre.removeAll()
            var codeLines = String(code).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            // HTML ignores a newline right after `<pre>`; trailing empty lines show nothing.
            if codeLines.first?.isEmpty == true { codeLines.removeFirst() }
            while let last = codeLines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { codeLines.removeLast() }
            guard !codeLines.isEmpty else { return }
            breakPending = true
            for line in codeLines {
                emit(line.isEmpty ? "" : quotePrefix + "    " + line)
            }
            breakPending = true
        }

        private var quotePrefix: String { String(repeating: "> ", count: quoteDepth) }
        /// Nested lists indent by two spaces, and no further: four would read as code.
        private var listIndent: String { lists.count > 1 ? "  " : "" }

        private mutating func emit(_ line: String) {
            if breakPending, let previous = lines.last, !previous.isEmpty {
                // Inside a quote the break stays quoted at the level both lines share, so the quote reads as one.
                var shared = 0
                var rest = Substring(previous)
                while shared < quoteDepth, rest.hasPrefix(">") {
                    shared += 1
                    rest = rest.dropFirst().drop { $0 == " " }
                }
                lines.append(String(repeating: "> ", count: shared).trimming(" "))
            }
            breakPending = false
            lines.append(line)
        }
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ set: String) -> String {
        let unwanted = Set(set)
        guard let first = firstIndex(where: { !unwanted.contains($0) }),
            let last = lastIndex(where: { !unwanted.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
