extension HTMLText {
    /// Quotes nested deeper than this show at this depth: a hostile 20,000-level quote would
    /// otherwise repeat its prefix on every line, quadratic in the input.
    static let maximumQuoteDepth = 16

    /// The quote markers of each depth up to the cap, made once: `"> > "`.
    static let quotePrefixes = (0...maximumQuoteDepth).map { String(repeating: "> ", count: $0) }
    /// The line that continues a quote of each depth across a paragraph break: `"> >"`.
    static let blankQuoteLines = quotePrefixes.map { String($0.dropLast()) }

    /// The state of one conversion: finished lines, the paragraph being gathered and the open elements.
    struct Converter {
        var lines: [String] = []
        /// A paragraph break is owed before the next line.
        var breakPending = false
        /// The paragraph being gathered, white space collapsed; "\n" where a `<br>` was.
        var inline: [Unicode.Scalar] = []
        /// The elements whose end changes the output, innermost last. Others (`p`, `i`, `span`...)
        /// are not kept: a stray or missing end tag of theirs changes nothing.
        private var open: [(name: String, role: Role)] = []
        private var openCount: [String: Int] = [:]
        /// The real depth; the text shows at most `maximumQuoteDepth` levels.
        private var quoteDepth = 0
        private var lists: [(ordered: Bool, next: Int)] = []
        /// The marker ("- ", "3. ") for the first line of the current list item.
        private var itemMarker: String?
        private var preDepth = 0
        private var pre: [Unicode.Scalar] = []
        /// The outermost open table, and how many tables are open.
        private var table: Table?
        private var tableDepth = 0
        /// Strikes open, and where the outermost one's text starts in `inline` (nil in code).
        private var strikeDepth = 0
        private var strikeStart: Int?
        /// Open links: the address and where their text starts in `inline`.
        private var links: [(href: String?, start: Int)] = []
        var hiddenDepth = 0
        /// The outermost open stand-in, gathering its title and address.
        var standIn: StandIn?

        private static let blocks: Set<String> = [
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "tr", "section", "article",
            "header", "footer", "figure", "figcaption", "aside", "details", "summary", "dl", "dt", "dd",
        ]

        mutating func text(_ raw: String) {
            if hiddenDepth > 0 {
                // A heading left open must not pull the rest of the post into one line.
                if standIn?.capturing == true, let title = standIn?.title, title.utf8.count < StandIn.longestTitle {
                    standIn?.title.append(
                        String(HTMLEntities.decode(raw).prefix(StandIn.longestTitle - title.utf8.count)))
                }
                return
            }
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
                end(name)
            } else if hiddenDepth > 0 {
                startHidden(tag)
            } else if name == "div", tag.hasClass("meta"), openCount["a", default: 0] > 0 {
                // The caption bar of a Discourse lightbox, inside the image's link: the image says it.
                start(tag, role: .hidden)
            } else if let role = Self.role(of: tag) {
                start(tag, role: role)
            } else {
                startUntracked(tag)
            }
        }

        /// The role of an element tread tracks to its end; nil for the rest.
        private static func role(of tag: Tag) -> Role? {
            switch tag.name {
            case "blockquote": return .quote
            case "ul", "ol": return .list
            case "pre": return .code
            case "s", "del", "strike": return .struck
            case "table": return .table
            case "a": return .link
            case "script", "style", "svg", "template": return .hidden
            case "video", "audio", "iframe": return .standIn
            case "span" where tag.hasClass("filename") || tag.hasClass("informations"):
                // Discourse's caption under an image ("image 1920×1080 94 KB"): the image already stands in.
                return .hidden
            // A Discourse poll's placeholder ("0 voters"): the importer writes the poll from its results.
            case "div" where tag.hasClass("poll"): return .hidden
            case "div", "aside": return StandIn.of(tag) == nil ? nil : .standIn
            default: return nil
            }
        }

        private mutating func start(_ tag: Tag, role: Role) {
            let name = tag.name
            switch role {
            case .quote:
                paragraphBreak()
                quoteDepth += 1
            case .list:
                flushInline()
                if lists.isEmpty { breakPending = true }
                // `<ol start="5">`: Markdown's "5. " becomes that, and the text refers to its numbers.
                let first = name == "ol" ? tag.attributes["start"].flatMap { Int($0.trimming(" ")) } : nil
                lists.append((name == "ol", min(max(first ?? 1, 0), 999_999_999)))
            case .code:
                paragraphBreak()
                preDepth += 1
            case .link:
                // A link inside a link is not HTML: a browser ends the first. Nesting them would copy
                // the text of every open link again at each end, quadratic on hostile input.
                if openCount["a", default: 0] > 0 { close("a") }
                links.append((preDepth > 0 ? nil : tag.attributes["href"], inline.count))
                if tag.hasClass("hashtag-cooked") { appendInline("#") }
            case .hidden:
                hiddenDepth += 1
            case .standIn:
                standIn = StandIn.of(tag)
                hiddenDepth += 1
            case .table:
                // Only the outermost table is laid out; one inside a cell is part of the cell's text.
                if tableDepth == 0 {
                    paragraphBreak()
                    table = Table()
                }
                tableDepth += 1
            case .struck:
                // Only the outermost strike is marked (and none in code): one insertion each, linear.
                strikeDepth += 1
                if strikeDepth == 1, preDepth == 0 { strikeStart = inline.count }
            }
            push(name, role)
        }

        /// An opening tag inside hidden text: only what a stand-in gathers, and the nesting, matter.
        private mutating func startHidden(_ tag: Tag) {
            if standIn != nil { standIn?.notice(tag) }
            // A hidden element of the same name as one open must be matched with its own end tag.
            if openCount[tag.name, default: 0] > 0 || Self.role(of: tag) != nil, !Self.voids.contains(tag.name) {
                hiddenDepth += 1
                push(tag.name, .hidden)
            }
        }

        private static let voids: Set<String> = ["img", "br", "hr", "source", "wbr", "input", "meta", "link", "embed"]

        private mutating func startUntracked(_ tag: Tag) {
            switch tag.name {
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
                image(tag)
            case "tr" where tableDepth == 1:
                flushInline()
                table?.startRow()
            case "td" where tableDepth == 1, "th" where tableDepth == 1:
                flushInline()
                table?.startCell(header: tag.name == "th")
            case "td", "th":
                appendInline(" ")
            case "sup" where preDepth == 0:
                // As Reddit's Markdown shows `^x`: the caret only where the superscript touches a word.
                if let last = inline.last, last != " ", last != "\n" { inline.append("^") }
            case "span" where tag.hasClass("chcklst-box"):
                // A Discourse checklist box is drawn by its font; as text it is the Markdown it came from.
                for scalar in (tag.hasClass("checked") ? "[x] " : "[ ] ").unicodeScalars { appendInline(scalar) }
            default:
                if Self.blocks.contains(tag.name) { paragraphBreak() }
            }
        }

        private mutating func end(_ name: String) {
            if openCount[name, default: 0] > 0 {
                close(name)
            } else if hiddenDepth > 0 {
                if name == "h3" || name == "h4" { standIn?.endHeading() }
            } else if name == "li" {
                flushInline()
            } else if Self.blocks.contains(name) {
                paragraphBreak()
            }
        }

        /// The text, once the whole input is read; elements still open are closed.
        mutating func finish() -> String {
            while let element = open.popLast() { leave(element.role) }
            flushInline()
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }

        private mutating func push(_ name: String, _ role: Role) {
            open.append((name, role))
            openCount[name, default: 0] += 1
        }

        /// Closes the innermost open `name` and everything opened inside it; a stray end tag does nothing.
        private mutating func close(_ name: String) {
            guard openCount[name, default: 0] > 0 else { return }
            while let top = open.popLast() {
                openCount[top.name, default: 1] -= 1
                leave(top.role)
                if top.name == name { return }
            }
        }

        private mutating func leave(_ role: Role) {
            switch role {
            case .quote:
                paragraphBreak()
                quoteDepth -= 1
            case .list:
                flushInline()
                lists.removeLast()
                itemMarker = nil
                if lists.isEmpty { breakPending = true }
            case .code:
                preDepth -= 1
                if preDepth == 0 { flushCode() }
            case .link:
                if let link = links.popLast() { finishLink(link) }
            case .hidden:
                hiddenDepth -= 1
            case .table:
                tableDepth -= 1
                if tableDepth == 0 { finishTable() }
            case .struck:
                strikeDepth -= 1
                if strikeDepth == 0, let start = strikeStart {
                    strikeStart = nil
                    markStruck(from: start)
                }
            case .standIn:
                hiddenDepth -= 1
                // Only the outermost stand-in shows; one inside it was hidden with the rest of its text.
                if hiddenDepth == 0, let finished = standIn {
                    standIn = nil
                    paragraphBreak()
                    for scalar in finished.line.unicodeScalars { appendInline(scalar) }
                    paragraphBreak()
                }
            }
        }

        mutating func appendInline(_ scalar: Unicode.Scalar) {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{C}":
                if let last = inline.last, last != " ", last != "\n" { inline.append(" ") }
            default:
                inline.append(scalar)
            }
        }

        /// Writes `inline` from `start` as `[struck: text]`, when it holds any text.
        private mutating func markStruck(from start: Int) {
            var first = min(start, inline.count)
            while first < inline.count, inline[first] == " " || inline[first] == "\n" { first += 1 }
            guard first < inline.count else { return }
            // A space that ended the struck text goes after the mark, where it separated words.
            let trailingSpace = inline.last == " "
            if trailingSpace { inline.removeLast() }
            inline.append("]")
            if trailingSpace { inline.append(" ") }
            inline.insert(contentsOf: "[struck: ".unicodeScalars, at: first)
            for k in links.indices where links[k].start > first { links[k].start += 9 }
        }

        /// Shows a link as `text <address>`, or the address alone when the text is the address.
        private mutating func finishLink(_ link: (href: String?, start: Int)) {
            guard let href = link.href, Self.isAbsolute(href) else { return }
            let start = min(link.start, inline.count)
            let text = Self.string(inline[start...]).trimming(" \n")
            let bare = href.drop { $0 != ":" }.dropFirst().drop { $0 == "/" }
            if text.isEmpty || (text.hasSuffix("...") && href.hasPrefix(text.dropLast(3))) {
                // Hacker News shortens a long address shown as link text: show it whole.
                inline.removeSubrange(start...)
                inline.append(contentsOf: href.unicodeScalars)
            } else if text != href && text != String(bare) && text + "/" != href {
                // A space that ended the link's text goes after the address, where it separated words.
                let trailingSpace = inline.last == " "
                if trailingSpace { inline.removeLast() }
                inline.append(contentsOf: " <\(href)>".unicodeScalars)
                if trailingSpace { inline.append(" ") }
            }
        }

        mutating func paragraphBreak() {
            flushInline()
            breakPending = true
        }

        /// Emits the gathered paragraph as lines, with the quote and list prefixes in force.
        private mutating func flushInline() {
            // A strike across paragraphs marks each of them.
            if let strikeStart { markStruck(from: strikeStart) }
            if table != nil {
                // Inside a table, text goes to its cell.
                table?.add(Self.string(inline[...]))
                inline.removeAll(keepingCapacity: true)
                for k in links.indices { links[k].start = 0 }
                if strikeStart != nil { strikeStart = 0 }
                return
            }
            defer {
                inline.removeAll(keepingCapacity: true)
                for k in links.indices { links[k].start = 0 }
                if strikeStart != nil { strikeStart = 0 }
            }
            let parts = Self.string(inline[...]).split(separator: "\n", omittingEmptySubsequences: false)
                .map(Self.trimSpaces)
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

        /// Shows the finished table as code lines, a paragraph of its own.
        private mutating func finishTable() {
            flushInline()
            let rows = table?.lines() ?? []
            table = nil
            guard !rows.isEmpty else { return }
            breakPending = true
            for row in rows { emit(quotePrefix + "    " + row) }
            breakPending = true
        }

        private mutating func flushCode() {
            let code = Self.string(pre[...])
            pre.removeAll()
            if table != nil {
                table?.add(code)
                return
            }
            var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            // HTML ignores a newline right after `<pre>`; trailing empty lines show nothing.
            if codeLines.first?.isEmpty == true { codeLines.removeFirst() }
            while let last = codeLines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { codeLines.removeLast() }
            guard !codeLines.isEmpty else { return }
            breakPending = true
            // Inside a quote a blank code line keeps its quote markers, so the quote and the code read as one.
            let blank = HTMLText.blankQuoteLines[shownQuoteDepth]
            for line in codeLines {
                emit(line.isEmpty ? blank : quotePrefix + "    " + line)
            }
            breakPending = true
        }

        private var shownQuoteDepth: Int { min(quoteDepth, HTMLText.maximumQuoteDepth) }
        private var quotePrefix: String { HTMLText.quotePrefixes[shownQuoteDepth] }
        /// Nested lists indent by two spaces, and no further: four would read as code.
        private var listIndent: String { lists.count > 1 ? "  " : "" }

        private mutating func emit(_ line: String) {
            if breakPending, let previous = lines.last, !previous.isEmpty {
                // Inside a quote the break stays quoted at the level both lines share, so the quote reads as one.
                var shared = 0
                var bytes = previous.utf8.makeIterator()
                while shared < shownQuoteDepth, bytes.next() == UInt8(ascii: ">") {
                    shared += 1
                    guard bytes.next() == UInt8(ascii: " ") else { break }
                }
                lines.append(HTMLText.blankQuoteLines[shared])
            }
            breakPending = false
            lines.append(line)
        }
    }
}
