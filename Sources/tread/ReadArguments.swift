import SiteFormats
import ThreadModel

/// What `tread [read]` was asked, as plain values: the reader's (or `--print`'s) whole command line.
///
/// ArgumentParser reads a command line through reflection over the commands' property wrappers and
/// protocol-conformance lookups, which in the statically linked binary are linear scans of its
/// thousands of conformance records: about half of the CPU of a `tread --print` of a small file.
/// `common(_:)` reads the usual command lines directly and gives the same value; anything else is
/// left to ArgumentParser, so help, errors, completions and exit statuses are its own.
struct ReadArguments: Equatable {
    var file: String?
    var offline = false
    var refresh = false
    var format: DocumentFormat?
    var noState = false
    var filter: String?
    var print = false
    var width: Int?
    var depth: Int?
    var noMouse = false
    var sort: CommentOrder?
    var noKill = false

    /// The words that name a command (or ask for help) in the first place, so never a file here.
    static let commandWords = ["read", "convert", "stats", "recent", "forget", "config", "help"]

    /// The arguments (without the program's name) read as ArgumentParser reads them for `Read`,
    /// for the usual forms only: at most one document that is neither a command's name nor starts
    /// with `-`, and the flags that take no value (`--print`, `--no-state`, `--offline`,
    /// `--refresh`, `--no-mouse`, `--no-kill`), each at most once, in any order. Nil for anything
    /// else (options with values, `-h`, `--help`, `--version`, `--`, `=`, completions, subcommands,
    /// `--offline` with `--refresh`, mistakes), which ArgumentParser then reads.
    ///
    /// A switch over literals, not a table of key paths: those are built at run time through the
    /// same lookups this avoids.
    static func common(_ arguments: [String]) -> ReadArguments? {
        var read = ReadArguments()
        var flags: [String] = []
        for argument in arguments {
            if argument.utf8.first == UInt8(ascii: "-") {
                guard !flags.contains(argument) else { return nil }
                flags.append(argument)
                switch argument {
                case "--print": read.print = true
                case "--no-state": read.noState = true
                case "--offline": read.offline = true
                case "--refresh": read.refresh = true
                case "--no-mouse": read.noMouse = true
                case "--no-kill": read.noKill = true
                default: return nil
                }
            } else {
                guard read.file == nil, !argument.isEmpty, !commandWords.contains(argument) else { return nil }
                read.file = argument
            }
        }
        return read.offline && read.refresh ? nil : read
    }
}

extension Reading {
    /// The command that `arguments` ask for.
    init(_ arguments: ReadArguments) {
        document = DocumentOptions(
            file: arguments.file, fetch: FetchOptions(offline: arguments.offline, refresh: arguments.refresh),
            format: arguments.format)
        noState = arguments.noState
        filter = FilterOptions(filter: arguments.filter)
        print = arguments.print
        width = arguments.width
        depth = arguments.depth
        noMouse = arguments.noMouse
        sort = arguments.sort
        noKill = arguments.noKill
    }
}
