/// What a placeholder needs to fetch the replies it stands for: Reddit's "N more replies" and
/// "continue this thread" (the `more` field of FORMAT.md).
///
/// Every id is checked when the stub is read (base 36, lower case, at most 13 characters), so a
/// fetcher may put them in a request as they are; a stub that fails a check is no stub at all
/// (the placeholder stays a plain line).
public struct MoreStub: Equatable, Sendable {
    /// The site whose API fetches the replies: "reddit", or "bluesky" (see `bluesky(post:count:)`).
    public var site: String
    /// The thread's fullname (`t3_…`), Reddit's `link_id`.
    public var link: String
    /// The fullname of the comment (`t1_…`) or thread (`t3_…`) the replies answer.
    public var parent: String
    /// The ids of the replies left out, in the site's order; empty for "continue this thread",
    /// which is fetched through the parent comment's permalink instead.
    public var children: [String]
    /// How many replies the site says are behind the stub, when it says.
    public var count: Int64?

    /// The most ids one stub may carry; Reddit's largest stubs list a few thousand.
    public static let maximumChildren = 100_000

    /// The line a stub shows; a count of 0 is Reddit's "continue this thread" link.
    package static func line(count: Int64) -> String {
        switch count {
        case ...0: return "more replies not in this file (continue this thread)"
        case 1: return "1 more reply not in this file"
        default: return "\(CountText.grouped(count)) more replies not in this file"
        }
    }

    public init(site: String = "reddit", link: String, parent: String, children: [String], count: Int64? = nil) {
        self.site = site
        self.link = link
        self.parent = parent
        self.children = children
        self.count = count
    }

    /// Whether the stub is "continue this thread": replies too deep to send, fetched through a permalink.
    public var continuesThread: Bool { children.isEmpty }

    /// The bare id of the parent (`abc` of `t1_abc`).
    public var parentID: String { String(parent.dropFirst(3)) }

    /// Whether the parent is the thread itself rather than a comment.
    public var parentIsThread: Bool { parent.hasPrefix("t3_") }

    /// Whether every field passed its check (see the type's summary).
    public var isValid: Bool {
        if site == "bluesky" { return Self.isPostURI(link) && parent == link && children.isEmpty }
        return site == "reddit" && link.hasPrefix("t3_") && Self.isID(link.dropFirst(3))
            && (parent.hasPrefix("t1_") || parent.hasPrefix("t3_")) && Self.isID(parent.dropFirst(3))
            && children.count <= Self.maximumChildren && children.allSatisfy { Self.isID($0[...]) }
    }

    /// A Bluesky post's replies that were not sent (past the depth asked for, or beside a parent):
    /// `link` and `parent` are the post's `at://` address, fetched again with its replies.
    public static func bluesky(post uri: String, count: Int64?) -> MoreStub? {
        let stub = MoreStub(site: "bluesky", link: uri, parent: uri, children: [], count: count)
        return stub.isValid ? stub : nil
    }

    /// `at://DID/app.bsky.feed.post/RKEY`, each part of the characters a DID and a record key are made of.
    public static func isPostURI(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard text.hasPrefix("at://"), parts.count == 5, parts[3] == "app.bsky.feed.post" else { return false }
        let did = parts[2]
        let rkey = parts[4]
        let didOK =
            did.hasPrefix("did:") && did.utf8.count <= 200
            && did.utf8.allSatisfy { isAlphanumeric($0) || ":._-".utf8.contains($0) }
        let rkeyOK =
            !rkey.isEmpty && rkey.utf8.count <= 64 && rkey != "." && rkey != ".."
            && rkey.utf8.allSatisfy { isAlphanumeric($0) || "._~-".utf8.contains($0) }
        return didOK && rkeyOK
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Reddit's ids: base 36, lower case, 1 to 13 characters.
    public static func isID(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.count <= 13
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// The stub as the canonical format's `more` object, on one line.
    public var json: String {
        var out: [UInt8] = []
        out.append(contentsOf: Array("{\"site\": ".utf8))
        JSONString.quote(site, into: &out)
        out.append(contentsOf: Array(", \"link\": ".utf8))
        JSONString.quote(link, into: &out)
        out.append(contentsOf: Array(", \"parent\": ".utf8))
        JSONString.quote(parent, into: &out)
        out.append(contentsOf: Array(", \"children\": [".utf8))
        for (k, child) in children.enumerated() {
            if k > 0 { out.append(contentsOf: Array(", ".utf8)) }
            JSONString.quote(child, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        if let count { out.append(contentsOf: Array(", \"count\": \(count)".utf8)) }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a `more` object; nil when it is not one or fails a check.
    public static func parse(_ json: String) -> MoreStub? {
        guard let tree = try? JSONTree(parsing: DocumentBytes(Array(json.utf8))) else { return nil }
        var reader = tree
        let root = reader.root
        guard reader.kind(root) == .object, let site = reader.string(root, "site"),
            let link = reader.string(root, "link"), let parent = reader.string(root, "parent")
        else { return nil }
        var children: [String] = []
        if let list = reader.member(root, "children") {
            guard reader.kind(list) == .array else { return nil }
            for element in reader.elements(list) {
                guard reader.kind(element) == .string, let id = reader.bytes.string(reader.nodes[Int(element)].text)
                else { return nil }
                children.append(id)
            }
        }
        let stub = MoreStub(
            site: site, link: link, parent: parent, children: children, count: reader.integer(root, "count"))
        return stub.isValid ? stub : nil
    }
}

extension Discussion {
    /// What placeholder `index` needs to fetch its replies; nil for other entries and for a stub
    /// whose `more` object fails its checks.
    public func more(of index: Int) -> MoreStub? {
        let ref = records[index].more
        guard isPlaceholder(index), !ref.isAbsent, let text = bytes.string(ref) else { return nil }
        return MoreStub.parse(text)
    }

    /// The indices of the placeholders that can be fetched, in thread order.
    public var fetchableStubs: [Int] {
        records.indices.filter { !records[$0].more.isAbsent && more(of: $0) != nil }
    }
}
