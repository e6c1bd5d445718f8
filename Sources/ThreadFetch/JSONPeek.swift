/// Finds a few values in a JSON response without decoding it: an object's member, an array's
/// elements, a list of integers. Used to follow a thread across requests (an item's `kids`, a
/// topic's `post_stream.stream`) and to splice responses together.
///
/// It never recurses (nesting is skipped by counting brackets), so any depth is safe; on
/// malformed JSON it returns nil and the importer, which reads the assembled document, reports it.
struct JSONPeek {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The whole document's value.
    var root: Range<Int>? {
        let start = skipSpace(0)
        guard let end = valueEnd(start) else { return nil }
        return start..<end
    }

    /// The value of `key` in the object spanning `object`.
    func member(_ key: String, of object: Range<Int>) -> Range<Int>? {
        guard object.count >= 2, bytes[object.lowerBound] == UInt8(ascii: "{") else { return nil }
        let wanted = Array(key.utf8)
        var position = skipSpace(object.lowerBound + 1)
        while position < object.upperBound, bytes[position] == UInt8(ascii: "\"") {
            guard let keyEnd = valueEnd(position) else { return nil }
            let isWanted = bytes[(position + 1)..<(keyEnd - 1)].elementsEqual(wanted)
            position = skipSpace(keyEnd)
            guard position < object.upperBound, bytes[position] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipSpace(position + 1)
            guard let valueEnd = valueEnd(valueStart) else { return nil }
            if isWanted { return valueStart..<valueEnd }
            position = skipSpace(valueEnd)
            guard position < object.upperBound, bytes[position] == UInt8(ascii: ",") else { return nil }
            position = skipSpace(position + 1)
        }
        return nil
    }

    /// The spans of the elements of the array spanning `array`.
    func elements(of array: Range<Int>) -> [Range<Int>]? {
        guard array.count >= 2, bytes[array.lowerBound] == UInt8(ascii: "[") else { return nil }
        var spans: [Range<Int>] = []
        var position = skipSpace(array.lowerBound + 1)
        if position < array.upperBound, bytes[position] == UInt8(ascii: "]") { return [] }
        while position < array.upperBound {
            guard let end = valueEnd(position) else { return nil }
            spans.append(position..<end)
            position = skipSpace(end)
            guard position < array.upperBound else { return nil }
            if bytes[position] == UInt8(ascii: "]") { return spans }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position = skipSpace(position + 1)
        }
        return nil
    }

    /// The integers of the array spanning `array`; elements that are not integers are left out.
    func integers(in array: Range<Int>) -> [Int64] {
        (elements(of: array) ?? []).compactMap { Int64(String(decoding: bytes[$0], as: UTF8.self)) }
    }

    /// The members' values along `path`, from the root object.
    func value(at path: [String]) -> Range<Int>? {
        guard var span = root else { return nil }
        for key in path {
            guard let next = member(key, of: span) else { return nil }
            span = next
        }
        return span
    }

    private func skipSpace(_ start: Int) -> Int {
        var position = start
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        return position
    }

    /// The index just past the value starting at `start`.
    private func valueEnd(_ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var position = start
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(position) else { return nil }
                    position = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return position + 1 }
                default:
                    break
                }
                position += 1
            }
            return nil
        default:
            var position = start
            while position < bytes.count, !",}] \t\n\r".utf8.contains(bytes[position]) { position += 1 }
            return position > start ? position : nil
        }
    }

    /// The index just past the string whose opening quote is at `start`.
    private func stringEnd(_ start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position + 1
            default: position += 1
            }
        }
        return nil
    }
}
