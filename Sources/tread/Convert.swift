import ArgumentParser
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a discussion in the canonical tread format (FORMAT.md).",
        discussion: "Converting the output again gives the same bytes.")

    @OptionGroup var document: DocumentOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let discussion = try loadOrExit(document)
        let bytes = DocumentWriter.canonicalJSON(discussion)
        guard let output else {
            var buffer = OutputBuffer()
            buffer.write(String(decoding: bytes, as: UTF8.self))
            buffer.flush()
            return
        }
        let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            writeError("tread: \(output): cannot write: \(String(cString: strerror(errno)))")
            throw ExitCode(73)
        }
        defer { close(fd) }
        var start = 0
        while start < bytes.count {
            let written = bytes[start...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                writeError("tread: \(output): cannot write: \(String(cString: strerror(errno)))")
                throw ExitCode(74)
            }
            start += written
        }
    }
}
