import Testing

@testable import SiteFormats
@testable import ThreadModel

/// Hacker News items saved as JSON values one after another, or as JSON lines, are read one value at
/// a time (`JSONTree.values(of:)`, `lines(of:)`, `value(_:)`): each as the whole tree read it, the
/// same files refused, the same lines skipped.
@Suite struct ValueByValueTests {
    private func bytes(_ text: String) -> DocumentBytes { DocumentBytes(Array(text.utf8)) }

    static let values = [
        #"{"a": 1} {"b": [1, {"c": "caf\u00e9 \"q\""}]}"# + "\n" + #"[1, [2, []]]  "s" 7 null {}"#,
        "\u{FEFF}" + #"{"pretty": [1,"# + "\n  2\n]}\n\n",
        "  ",
    ]

    @Test(arguments: values)
    func valuesReadOneByOneAsTheWholeTreeReadsThem(text: String) throws {
        let whole = try JSONTree(parsingValues: bytes(text))
        var (tree, spans) = try JSONTree.values(of: bytes(text))
        var read: [String] = []
        for span in spans {
            let value = tree.value(span)
            read.append(ElementByElementTests().dump(tree, try #require(value)))
        }
        #expect(read == whole.roots.map { ElementByElementTests().dump(whole, $0) })
        // Only the value read last has nodes.
        #expect(tree.nodes.count <= whole.nodes.count)
        if let last = spans.last {
            _ = tree.value(last)
            #expect(tree.nodes.count == whole.nodes.count - Int(try #require(whole.roots.last)))
        }
    }

    @Test(arguments: [#"{"a": 1} {"b": }"#, #"{"a": 1} }"#, #"{"a": "open"#, #"{"a": 1} tru"#, #"[1, 2"#])
    func brokenValuesAreRefusedWithTheWholeParsesError(text: String) {
        #expect(throws: (any Error).self) { try JSONTree(parsingValues: bytes(text)) }
        var wholeError: DocumentError?
        var splitError: DocumentError?
        do { _ = try JSONTree(parsingValues: bytes(text)) } catch { wholeError = error }
        do { _ = try JSONTree.values(of: bytes(text)) } catch { splitError = error }
        #expect(splitError != nil)
        #expect(splitError == wholeError)
    }

    @Test func linesReadOneByOneSkipTheLinesTheWholeTreeSkips() throws {
        let text =
            "\u{FEFF}" + #"{"id": 1}"# + "\r\n\n   \n" + #"{"id": 2, "kids": [3,"# + "\n" + #"{"id": 3} {"id": 4}"#
            + "\n"
            + #"[1, "two", {"three": null}]"# + "\nnonsense\n" + #"  {"id": 5}  "#
        let whole = JSONTree(parsingLines: bytes(text))
        var (tree, spans, broken) = JSONTree.lines(of: bytes(text))
        #expect(broken == whole.brokenLines)
        #expect(broken == 3)
        var read: [String] = []
        for span in spans {
            let value = tree.value(span)
            read.append(ElementByElementTests().dump(tree, try #require(value)))
        }
        #expect(read == whole.roots.map { ElementByElementTests().dump(whole, $0) })
        #expect(read.count == 3)
    }

    /// The same items as an array, as JSON lines and as pretty-printed values: the same discussion.
    @Test func hackerNewsItemsLoadAlikeInEveryLayout() throws {
        let items = [
            #"{"id": 1, "type": "story", "by": "op", "title": "T", "kids": [2, 4], "time": 1700000000}"#,
            #"{"id": 2, "type": "comment", "by": "a", "parent": 1, "kids": [3], "text": "one", "time": 1700000001}"#,
            #"{"id": 3, "type": "comment", "by": "op", "parent": 2, "text": "two &amp; <i>x</i>", "time": 1700000002}"#,
            #"{"id": 4, "type": "comment", "by": "b", "parent": 1, "text": "three", "time": 1700000003}"#,
            #"{"id": 5, "type": "comment", "by": "c", "parent": 9, "text": "stray", "time": 1700000004}"#,
            #"{"id": 2, "type": "comment", "text": "repeated"}"#,
        ]
        let layouts = [
            "[" + items.joined(separator: ",\n") + "]",
            items.joined(separator: "\n") + "\n",
            items.map { $0.replacingOccurrences(of: ", ", with: ",\n  ") }.joined(separator: "\n"),
        ]
        let loaded = try layouts.map { try Discussion.load(bytes($0), format: .hackerNewsItems) }
        for discussion in loaded.dropFirst() {
            #expect(outlineOf(discussion) == outlineOf(loaded[0]))
            #expect(discussion.notes == loaded[0].notes)
        }
        #expect(outlineOf(loaded[0]).count == 4)
        #expect(loaded[0].notes.count == 1)
    }

    private func outlineOf(_ discussion: Discussion) -> [String] {
        (0..<discussion.count).map { k in
            let comment = discussion.comment(at: k)
            return
                "\(discussion.parent(of: k) ?? -1) \(comment.id?.key ?? "-") \(comment.author ?? "-") \(comment.body ?? "")"
        }
    }
}
