import Foundation
import ThreadModel

@testable import ReadingState

/// A discussion of comments given as "id" (top level) or "id<parent" (a reply), in thread order.
func thread(_ specs: String..., title: String = "A thread", id: String? = "t1") throws -> Discussion {
    let comments = specs.map { spec -> Comment in
        let parts = spec.split(separator: "<", maxSplits: 1).map(String.init)
        return Comment(
            id: .string(parts[0]), parent: parts.count > 1 ? .string(parts[1]) : nil, author: "ann", body: "x")
    }
    let article = Article(id: id, title: title, source: id == nil ? nil : "Example News")
    return try Discussion.load(canonical: DocumentBytes(Array(canonicalJSON(article, comments).utf8)))
}

private func canonicalJSON(_ article: Article, _ comments: [Comment]) throws -> String {
    let encoder = JSONEncoder()
    return String(decoding: try encoder.encode(Document(article: article, comments: comments)), as: UTF8.self)
}

/// The ids of the comments at `indices`, to compare with expected text.
func ids(_ indices: [Int], in discussion: Discussion) -> [String] {
    indices.map { discussion.id(of: $0)?.key ?? "?" }
}

/// The ids of every comment the visit marks new, in thread order.
func newIDs(_ visit: Visit, in discussion: Discussion) -> [String] {
    ids((0..<discussion.count).filter { visit.isNew($0) }, in: discussion)
}

let start = Date(timeIntervalSince1970: 1_800_000_000)

/// A fresh folder under the system's temporary one, for one test's store.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "tread-state-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
