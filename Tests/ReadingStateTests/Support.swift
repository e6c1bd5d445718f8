import Foundation
import GRDB
import ThreadModel

@testable import ReadingState

/// A discussion of comments given as "id" (top level) or "id<parent" (a reply), in thread order.
func thread(_ specs: String..., title: String = "A thread", id: String? = "t1") throws -> Discussion {
    let comments = specs.map { spec -> [String: Any] in
        let parts = spec.split(separator: "<", maxSplits: 1).map(String.init)
        var comment: [String: Any] = ["id": parts[0], "author": "ann", "body": "x"]
        if parts.count > 1 { comment["parent"] = parts[1] }
        return comment
    }
    var article: [String: Any] = ["title": title]
    if let id {
        article["id"] = id
        article["source"] = "Example News"
    }
    let json = try JSONSerialization.data(withJSONObject: ["article": article, "comments": comments])
    return try Discussion.load(canonical: DocumentBytes(Array(json)))
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

/// A folder holding a store as an older tread left it: migrated up to `version` only, then `sql` run on it.
func storeFolder(migratedUpTo version: String, _ sql: String) throws -> String {
    let folder = temporaryFolder()
    let old = try DatabaseQueue(path: (folder as NSString).appendingPathComponent(ReadingStore.fileName))
    try ReadingStore.migrator.migrate(old, upTo: version)
    try old.write { db in try db.execute(sql: sql) }
    return folder
}
