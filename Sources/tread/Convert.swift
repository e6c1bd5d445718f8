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

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "With a Reddit address: fetch every \"more replies\" stub before writing.")
    var expandMore = false

    func validate() throws {
        if expandMore && document.fetch.offline {
            throw ValidationError("--expand-more fetches and --offline never does; choose one")
        }
    }

    func run() throws {
        var discussion = try loadOrExit(document)
        if expandMore, let address = document.address { discussion = expandingStubs(discussion, address: address) }
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
