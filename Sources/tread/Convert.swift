import ArgumentParser
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a discussion in the canonical tread format (docs/FORMAT.md).",
        discussion: "Converting the output again gives the same bytes.")

    @OptionGroup var document: DocumentOptions
    @OptionGroup var filter: FilterOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let discussion = try filter.apply(loadOrExit(document))
        let bytes = DocumentWriter.canonicalJSON(discussion)
        guard let output else {
            _ = writeAll(bytes, to: STDOUT_FILENO)
            return
        }
        let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            writeError("tread: \(output): cannot write: \(String(cString: strerror(errno)))")
            throw ExitCode(73)
        }
        defer { close(fd) }
        guard writeAll(bytes, to: fd) else {
            writeError("tread: \(output): cannot write: \(String(cString: strerror(errno)))")
            throw ExitCode(74)
        }
    }
}
