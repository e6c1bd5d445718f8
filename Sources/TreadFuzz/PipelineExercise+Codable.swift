import Foundation
import ThreadModel

extension PipelineExercise {
    /// Checks the second reading of the canonical format: `JSONDecoder` into `Document`, then
    /// `Discussion(document:)`, gives what the fast loader gives.
    ///
    /// What `convert` writes is always compared: it is canonical, nested at most 200 levels (within
    /// JSONDecoder's 512), valid UTF-8. The input itself is compared when both readings take it and
    /// it spells everything one way: JSONDecoder keeps a repeated key's first value where the
    /// format keeps the last, reads `1.0` and `1e2` as integers where the format refuses them, and
    /// cannot tell `-0` from `0` or an escaped key from a plain one.
    static func checkCodableAgreement(_ data: UnsafeRawBufferPointer, loaded discussion: Discussion) {
        let written = DocumentWriter.canonicalJSON(discussion)
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(written)),
            let viaCodable = try? Discussion(document: document)
        else {
            check(false, "JSONDecoder refuses what convert writes")
            return
        }
        check(DocumentWriter.canonicalJSON(viaCodable) == written, "Codable and the loader read convert's output apart")

        let bytes = DocumentBytes(data)
        guard spellsEverythingOneWay(bytes),
            let fast = try? Discussion.load(canonical: bytes),
            let decoded = try? JSONDecoder().decode(Document.self, from: Data(data)),
            let viaDecoder = try? Discussion(document: decoded)
        else { return }
        check(
            DocumentWriter.canonicalJSON(viaDecoder) == DocumentWriter.canonicalJSON(fast),
            "Codable and the loader read a document apart")
    }

    /// Whether the JSON has no repeated key in an object, no escaped key, and no number but a
    /// plain integer other than `-0`; false when it is no JSON.
    static func spellsEverythingOneWay(_ bytes: DocumentBytes) -> Bool {
        guard let tree = try? JSONTree(parsing: bytes) else { return false }
        for index in tree.nodes.indices {
            let node = Int32(index)
            switch tree.kind(node) {
            case .object:
                var keys: Set<String> = []
                for member in tree.elements(node) {
                    let key = tree.nodes[Int(member)].key
                    guard !key.isJSONEscaped, let text = bytes.string(key), keys.insert(text).inserted else {
                        return false
                    }
                }
            case .number:
                guard let text = bytes.string(tree.nodes[index].text), text != "-0",
                    !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                else { return false }
            default:
                break
            }
        }
        return true
    }
}
