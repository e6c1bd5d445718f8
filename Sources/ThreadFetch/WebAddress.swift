/// An http or https address taken apart, strictly: anything else is refused.
///
/// tread parses addresses itself rather than trusting Foundation's lenient parser, so that every
/// part it later puts into a request is known to hold only the characters it checked for.
public struct WebAddress: Equatable, Sendable {
    /// "http" or "https".
    public var scheme: String
    /// The host in lower case: letters, digits, '-' and '.' only (or an IPv4 address).
    public var host: String
    /// The port, when the address names one.
    public var port: Int?
    /// The path's segments, percent-decoded, without empty ones.
    public var segments: [String]
    /// The query's name=value pairs, percent-decoded, in order.
    public var query: [(name: String, value: String)]

    public static func == (lhs: WebAddress, rhs: WebAddress) -> Bool {
        lhs.scheme == rhs.scheme && lhs.host == rhs.host && lhs.port == rhs.port && lhs.segments == rhs.segments
            && lhs.query.map(\.name) == rhs.query.map(\.name) && lhs.query.map(\.value) == rhs.query.map(\.value)
    }

    /// "scheme://host[:port]", the part a request's path is appended to.
    public var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    /// The first value of the query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Parses `text` as an http or https address; nil for anything else (another scheme, a user
    /// name, a malformed host or port, control characters or spaces).
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        // Far longer than any thread's address: not one.
        guard utf8.count <= 2048, !utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return nil }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            scheme = "https"
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            scheme = "http"
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        let withoutFragment = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let authorityEnd = withoutFragment.firstIndex { $0 == "/" || $0 == "?" } ?? withoutFragment.endIndex
        let authority = withoutFragment[..<authorityEnd]
        let afterAuthority = withoutFragment[authorityEnd...]
        // A user name or password in an address is a way to disguise its host.
        guard !authority.contains("@") else { return nil }
        let hostPart: Substring
        if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            let portText = authority[authority.index(after: colon)...]
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit),
                let port = Int(portText), (1...65535).contains(port)
            else { return nil }
            self.port = port
        } else {
            hostPart = authority
            port = nil
        }
        guard let host = WebAddress.validHost(hostPart) else { return nil }
        self.host = host
        let pathEnd = afterAuthority.firstIndex(of: "?") ?? afterAuthority.endIndex
        var segments: [String] = []
        for segment in afterAuthority[..<pathEnd].split(separator: "/") {
            guard let decoded = WebAddress.percentDecoded(segment) else { return nil }
            segments.append(decoded)
        }
        self.segments = segments
        var query: [(name: String, value: String)] = []
        if pathEnd < afterAuthority.endIndex {
            for pair in afterAuthority[afterAuthority.index(after: pathEnd)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = WebAddress.percentDecoded(parts[0]),
                    let value = WebAddress.percentDecoded(parts.count > 1 ? parts[1] : "")
                else { return nil }
                query.append((name, value))
            }
        }
        self.query = query
    }

    /// The host in lower case when it is a DNS name or IPv4 address made of safe characters.
    static func validHost(_ text: Substring) -> String? {
        let host = text.lowercased()
        guard !host.isEmpty, host.count <= 253, !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains(".."),
            host.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" || $0 == "." })
        else { return nil }
        return host.hasSuffix(".") ? String(host.dropLast()) : host
    }

    /// Decodes %XX escapes and '+' is left as it is; nil when an escape is malformed or decodes to
    /// something that is not UTF-8 or is a control character.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.popFirst().flatMap(hexValue), let low = iterator.popFirst().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
