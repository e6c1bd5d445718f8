import ArgumentParser
import SiteFormats
import ThreadModel
import ThreadQuery

// The command line's types: ArgumentParser reads them, and each gives its plain value
// (`Reading`, `DocumentOptions`, `FetchOptions`, `FilterOptions`) to the code that runs.

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader, or print the thread when output is not a terminal.")

    @OptionGroup var document: DocumentArguments
    @OptionGroup var state: StateOptions
    @OptionGroup var filter: FilterArguments

    @Flag(name: .long, help: "Print the thread as indented text instead of opening the reader.")
    var print = false

    @Option(name: .long, help: "Width of printed output (default: the terminal's, or 80).")
    var width: Int?

    @Option(name: .long, help: "Print comments down to this depth only (1 = top-level).")
    var depth: Int?

    @Flag(name: .long, help: "Leave the mouse to the terminal, so its own selection works (config: mouse = false).")
    var noMouse = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sort comments among their siblings: best (the site's order), top, new or old (config: sort).",
            valueName: "order"))
    var sort: CommentOrder?
    @Flag(
        name: .long, help: "Show and print every comment: the config's kill-file ([[kill]] rules) hides and dims none.")
    var noKill = false

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
        if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        try reading.run()
    }

    /// What this command was asked, as plain values.
    var arguments: ReadArguments {
        ReadArguments(
            file: document.file, offline: document.fetch.offline, refresh: document.fetch.refresh,
            format: document.format, noState: state.noState, filter: filter.filter, print: print, width: width,
            depth: depth, noMouse: noMouse, sort: sort, noKill: noKill)
    }

    /// The command to run.
    var reading: Reading { Reading(arguments) }
}

/// `DocumentOptions` on the command line.
struct DocumentArguments: ParsableArguments {
    @Argument(
        help:
            "The discussion to open: a tread document, a saved Hacker News, Reddit, Discourse, Lobsters, Mastodon, Lemmy or Bluesky thread, or such a thread's address; '-' for standard input; or a front page: hn, hn:new, reddit, r/SUB, lobsters, lobsters:t/TAG, https://FORUM/latest."
    )
    var file: String?

    @OptionGroup var fetch: FetchArguments

    @Option(
        name: .long,
        help:
            "The file's format, when not recognised from its content: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var format: DocumentFormat?

    var options: DocumentOptions { DocumentOptions(file: file, fetch: fetch.options, format: format) }
}

/// `FetchOptions` on the command line.
struct FetchArguments: ParsableArguments {
    @Flag(name: .long, help: "Open the saved copy of a thread's address; never use the network.")
    var offline = false

    @Flag(name: .long, help: "Fetch a thread's address again even when the network fails, ignoring the saved copy.")
    var refresh = false

    func validate() throws {
        if offline && refresh { throw ValidationError("--offline and --refresh contradict each other; choose one") }
    }

    var options: FetchOptions { FetchOptions(offline: offline, refresh: refresh) }
}

/// `FilterOptions` on the command line.
struct FilterArguments: ParsableArguments {
    // Unconditional: a query may start with `-`, the filter's "not" (`--filter -deleted`).
    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp(
            "Keep only comments matching QUERY, with their ancestors as context (the reader opens with it on; Esc clears it).",
            discussion: """
                Words and "phrases" (ignoring case), /regex/, author:NAME, op, new, depth>N, depth<N, \
                score>N, score<N, replies>N, long, has:link, has:code, deleted; side by side = and, \
                'or', '-' = not, ( ).
                """,
            valueName: "QUERY"))
    var filter: String?

    /// A mistake in the query is a usage error (status 64) naming its column, before anything loads.
    func validate() throws {
        guard let filter else { return }
        do {
            _ = try Query.parse(filter)
        } catch {
            throw ValidationError("--filter: \(error.description)")
        }
    }

    var options: FilterOptions { FilterOptions(filter: filter) }
}
