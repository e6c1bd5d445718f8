/// Why a config file was refused: the file, the line, and what was expected there.
///
/// tread does not start on a config with an error; nothing of it is used.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the problem is the file as a whole (it cannot be read).
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}
