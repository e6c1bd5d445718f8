import TextLayout
import ThreadModel

extension ReaderState {
    /// The links of the selected comment (of the article when it is selected or there is no comment),
    /// numbered as drawn.
    ///
    /// The article's own address (where a link post points) comes after its text's links, so the
    /// drawn numbers stay right and `o` on the article opens it.
    public var selectedLinks: [Link] {
        guard let selection, !articleSelected else {
            var links = LinkText.links(in: discussion.article.body.joined(separator: "\n\n"))
            if let url = discussion.article.url, !links.contains(where: { $0.url == url }) {
                links.append(Link(number: links.count + 1, label: "the article", url: url))
            }
            return links
        }
        return LinkText.links(in: discussion.body(of: selection))
    }

    /// What `o` and `y` say when what they act on has no link.
    private var noLinks: String {
        selection == nil || articleSelected ? "the article has no links" : "this comment has no links"
    }

    /// The article is where the reader is while it is at the top and no comment of ours is on screen:
    /// links and copies then act on it, as the status line says.
    mutating func selectArticleWhenAlone(layout: LayoutCache) {
        if selection != nil, top.item == .article, !selectionIsVisible(layout: layout) { articleSelected = true }
    }

    /// `o`: the only link, link N with a count (`2o`), or the picker when there are several.
    mutating func openLink(count: Int?) {
        let links = selectedLinks
        if let count {
            guard count >= 1, count <= links.count else {
                message = links.isEmpty ? noLinks : "no link \(count): it has \(links.count)"
                return
            }
            open(links[count - 1])
            return
        }
        switch links.count {
        case 0: message = noLinks
        case 1: open(links[0])
        default:
            linkNumberTyped = 0
            mode = .linkPicker(0)
        }
    }

    /// Asks for `link` to be opened, or says why it is refused.
    mutating func open(_ link: Link) {
        open(url: link.url)
    }

    mutating func open(url: String) {
        if case .refused(let why) = LinkSafety.check(url) {
            message = "not opened: \(why)"
            return
        }
        commands.append(.open(url))
        message = "opening " + LinkText.shortened(url, maxWidth: 60)
    }

    /// `O`: the thread's discussion on its site (for a link post, not the article it links to: that
    /// one is `o` on the article).
    mutating func openThread() {
        guard let url = CommentAddress.thread(of: discussion) else {
            message = "the document gives no address for this thread"
            return
        }
        open(url: url)
    }

    /// `L`: the article's own address: for a link post the page it points to, else the thread's page.
    mutating func openArticle() {
        guard let url = discussion.article.url else {
            message = "the document gives no address for the article"
            return
        }
        open(url: url)
    }

    /// `I`: the selected comment on its site, where its address follows from the source.
    mutating func openCommentOnSite() {
        guard let selection, let url = CommentAddress.of(selection, in: discussion) else {
            message = "no address for this comment on its site: the document does not give one"
            return
        }
        open(url: url)
    }

    /// `y`: copies the selected comment's link (link N with a count; the picker's first otherwise).
    mutating func copyLink(count: Int?) {
        let links = selectedLinks
        let number = count ?? 1
        guard number >= 1, number <= links.count else {
            message = links.isEmpty ? noLinks : "no link \(number): it has \(links.count)"
            return
        }
        let link = links[number - 1]
        if case .refused(let why) = link.safety {
            message = "not copied: \(why)"
            return
        }
        copy(link.url, what: "link \(number)")
    }

    /// `Y`: the selected comment as Markdown, with its author and its own address on the site
    /// (the thread's when it has none).
    mutating func copyComment() {
        guard let selection else { return }
        copy(commentMarkdown(selection), what: "the comment")
    }

    /// `T`: the selected comment and every reply under it, as nested Markdown.
    mutating func copySubtree() {
        guard let selection else { return }
        // Past the terminal's limit nothing more is worth building.
        copy(subtreeMarkdown(selection, limit: options.copyLimit).text, what: "the thread from here")
    }

    /// The comment at `index` as `Y` copies it (and `|`, `w` pipe and save it): Markdown with its author
    /// and its own address on the site (the thread's when it has none).
    func commentMarkdown(_ index: Int) -> String {
        var text = markdown(index, indent: "")
        if let url = CommentAddress.of(index, in: discussion) ?? discussion.article.url,
            LinkSafety.check(url) == .safe
        {
            text += "\n" + url + "\n"
        }
        return text
    }

    /// The comment at `index` and every reply under it as `T` copies them: nested Markdown, and how
    /// many comments it holds (stand-ins are not comments). Stops once past `limit` bytes.
    func subtreeMarkdown(_ index: Int, limit: Int = .max) -> (text: String, comments: Int) {
        SubtreeMarkdown(discussion: discussion, tree: tree, index: index).build(limit: limit)
    }

    /// `**author** · date` then the body, every line behind `indent`.
    private func markdown(_ index: Int, indent: String) -> String {
        SubtreeMarkdown.markdown(index, in: discussion, indent: indent)
    }

    private mutating func copy(_ text: String, what: String) {
        guard text.utf8.count <= options.copyLimit else {
            message =
                options.copyLimit > ClipboardLimit.bytes
                ? "\(what) is too long to copy" : "\(what) is too long to copy through the terminal"
            return
        }
        commands.append(.copy(text))
        message = options.copyCommand.map { "copying \(what) with \($0)…" } ?? "copied \(what)"
    }

    /// A key while the link picker is open: a number or arrows and Enter open, Esc or q closes.
    mutating func pickerInput(_ key: Key, at current: Int) {
        let links = selectedLinks
        guard !links.isEmpty else {
            mode = .reading
            return
        }
        let typed = linkNumberTyped
        linkNumberTyped = 0
        switch key {
        case .down, .character("j"), .tab: mode = .linkPicker(min(links.count - 1, current + 1))
        case .up, .character("k"): mode = .linkPicker(max(0, current - 1))
        case .enter:
            mode = .reading
            open(links[min(current, links.count - 1)])
        case .character(let c) where c.wholeNumberValue != nil:
            // With ten links or more a number is typed whole: a digit that could begin a larger number
            // highlights its link and waits for the next digit (or Enter).
            let number = typed * 10 + (c.wholeNumberValue ?? 0)
            guard number >= 1, number <= links.count else { return }
            if number * 10 <= links.count {
                linkNumberTyped = number
                mode = .linkPicker(number - 1)
            } else {
                mode = .reading
                open(links[number - 1])
            }
        default:
            mode = .reading
        }
    }
}

/// What the clipboard sequence takes (TerminalUI's `ClipboardSequence.maximumBytes`, which the reader cannot import).
public enum ClipboardLimit {
    public static let bytes = 75_000
}
