// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: bytes → ThreadModel → ThreadTree → TextLayout → Reader → TerminalUI; a site's JSON comes
// in through SiteFormats (which uses Markup for HTML and Markdown) as a ThreadModel document. A module never
// imports one later in the flow; ThreadModel imports neither SiteFormats nor Markup, and Markup imports nothing.
// Only TerminalUI (through CNcursesw) touches ncurses.
// The seams: ThreadModel owns the document, its body grammar, matching a query against its decoded text
// (TextMatcher) and merging a reload; ThreadTree builds the thread's shape (parents, depths, subtree ends)
// and its folds; ThreadQuery (filters), ThreadFetch (sites, cache, the one multi-part driver), ReadingState
// (visits; GRDB only in its store) and Configuration (config.toml; the key type) sit beside it and know no
// screen. The Reader is one `update(state, message) -> [Command]` and `render`; `tread`'s runtime is one
// loop that turns terminal events and the results of jobs (one inbox) into messages, runs the commands
// update answers as jobs (fetches, the visit, the author index, copies, links), and draws.
// Benchmarks live in their own executables (`tread-bench`, `TreadFilterBench`), not in `tread`.
// `-static-stdlib` with Foundation's static archives named again after the objects, in the order
// they need each other (the linker reads an archive once). libcurl is not linked: CCurlOnDemand
// loads it on the first fetch. ncursesw, sqlite and libstdc++ are linked in too (below).
// `-no-pie`: a position-dependent executable, whose 91,000 pointers into itself are fixed at link time
// rather than relocated by the loader at every start (a third of a small `--print`'s page faults).
// `--no-export-dynamic` undoes the static runtime's `-export-dynamic`: the executable's 11,000 symbols
// stay its own (nothing loads against them; libcurl is opened, not linked against), so the loader's
// look-ups and the runtime's `dladdr` at start search 640, not 11,600 (8% of a small `--print`'s CPU).
let staticArchives = [
    "FoundationNetworking", "_CFURLSessionInterface", "Foundation", "FoundationInternationalization",
    "CoreFoundation", "FoundationEssentials", "_FoundationCShims", "_FoundationCollections", "_FoundationICU",
    "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime",
]
// `-L Linking`: linker scripts named as libstdc++, libsqlite3 and libncursesw that take their static
// archives instead (Linking/README.md), so the loader binds ~110 symbols at start, not ~4,000 (Debian
// builds sqlite and ncurses `-z now`). libstdc++ is named again last: ICU's archive, read after the
// runtime's `-lstdc++`, needs it too. `ldd tread` then names only libc, libm and libgcc_s.
let linkingFolder = String(#filePath.dropLast("Package.swift".count)) + "Linking"
let staticSwift =
    ["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic", "-L", linkingFolder]
    + staticArchives.flatMap { ["-Xlinker", "-l\($0)"] } + ["-Xlinker", "-lstdc++"]

// Our modules reach a concrete generic type's metadata (a `[KeyName: Action]`'s storage, say) through an
// accessor function that is handed the conformances it needs, not by its mangled name: the runtime
// otherwise demangles the name and looks each conformance up by scanning the binary's 6,600 conformance
// records, once per type, on first use — a tenth of the sample's open-and-quit (issue 25, startup4).
// Not on ThreadModel: a package depending on tread by version would be refused (Scripts/check-library.sh).
let metadataByAccessor: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
]

let package = Package(
    name: "tread",
    products: [
        // The document model for other tools: `JSONDecoder().decode(Document.self, from: data)`.
        .library(name: "ThreadModel", targets: ["ThreadModel"]),
        .executable(name: "tread", targets: ["tread"]),
        .executable(name: "tread-bench", targets: ["TreadBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // The document core: values, the flat discussion, the canonical loader and writer, merge, matching, file bytes.
        // No `metadataByAccessor`: it is the library product, and SwiftPM refuses a dependency's unsafe flags.
        .target(name: "ThreadModel", dependencies: ["CThreads"]),
        // HTML, the sites' Markdown dialects and entities → the body grammar; knows no site.
        .target(name: "Markup", swiftSettings: metadataByAccessor),
        // One importer per site (a site's saved JSON → the document) and the format detection that picks one.
        .target(name: "SiteFormats", dependencies: ["ThreadModel", "Markup"], swiftSettings: metadataByAccessor),
        .target(name: "ThreadTree", dependencies: ["ThreadModel"], swiftSettings: metadataByAccessor),
        // Fetches threads by their address; knows nothing of screens.
        .target(name: "ThreadFetch", dependencies: ["ThreadModel", "SiteFormats"], swiftSettings: metadataByAccessor),
        .target(name: "TextLayout", dependencies: ["ThreadModel"], swiftSettings: metadataByAccessor),
        .target(name: "ThreadQuery", dependencies: ["ThreadModel", "ThreadTree"], swiftSettings: metadataByAccessor),
        // The reader holds a visit (`Visit`, `JumpList` from ReadingState: plain values, no GRDB in their interface);
        // only `tread`'s loop opens and saves the store.
        .target(
            name: "Reader",
            dependencies: ["ThreadModel", "ThreadTree", "TextLayout", "ThreadQuery", "ReadingState", "Configuration"],
            swiftSettings: metadataByAccessor
        ),
        // Preferences from config.toml; action names come in as data, so it never imports Reader. It owns a key
        // as config.toml names it (`KeyName`), which the reader takes as its `Key`.
        .target(
            name: "Configuration",
            dependencies: [
                "ThreadModel", "TextLayout", "ThreadQuery", .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: metadataByAccessor
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(
            name: "TerminalUI", dependencies: ["CNcursesw", "Reader", "TextLayout"], swiftSettings: metadataByAccessor),
        .target(name: "Samples", swiftSettings: metadataByAccessor),
        // Sets SWIFT_BACKTRACE before the Swift runtime reads it, so tread need not run itself twice.
        .target(name: "CStartup"),
        // libcurl's functions for URLSession, opening libcurl on the first fetch rather than at every start.
        .target(name: "CCurlOnDemand"),
        // The reading state's SQLite settings Swift cannot make (a variadic call, a C hook): no checkpoint at
        // close; the log folded in and emptied once it holds 100 pages.
        .target(name: "CStoreLog"),
        // Detached threads for ThreadModel, one started away from its creator's core when asked (GNU calls).
        .target(name: "CThreads"),
        // What the reader remembers across visits, in one SQLite store; knows nothing of screens.
        .target(
            name: "ReadingState",
            dependencies: [
                "ThreadModel", "CStoreLog", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: metadataByAccessor
        ),
        .executableTarget(
            name: "tread",
            dependencies: [
                "ThreadModel", "SiteFormats", "ThreadTree", "TextLayout", "Reader", "TerminalUI", "Samples",
                "ThreadFetch", "ReadingState", "ThreadQuery", "Configuration", "CStartup", "CCurlOnDemand",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in (README, "One binary to copy"): no Swift
            // libraries to install or load, and no second start (see CStartup).
            swiftSettings: metadataByAccessor,
            linkerSettings: [.unsafeFlags(staticSwift)]
        ),
        // Times loading and the reader's keys for `Benchmarks/benchmark.sh`; kept out of `tread`, which has only commands.
        .executableTarget(
            name: "TreadBench",
            dependencies: [
                "ThreadModel", "SiteFormats", "ThreadTree", "ThreadQuery", "Reader", "Samples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], path: "Benchmarks/TreadBench"
        ),
        // Times reading config.toml (Benchmarks/bench-config.sh); the shipped `tread` has no benchmark switch.
        .executableTarget(
            name: "TreadConfigBench", dependencies: ["Configuration"], path: "Benchmarks/TreadConfigBench"),
        // Replays inputs through the fuzz checks; `Scripts/fuzz.sh` builds it as the libFuzzer target.
        .executableTarget(
            name: "TreadFuzz",
            dependencies: ["ThreadModel", "SiteFormats", "Markup", "ThreadTree", "TextLayout", "Reader"]),
        // The reading state's fault tests drive it (kill -9 mid-save, two writers); it also times saves.
        .executableTarget(name: "ReadingStateProbe", dependencies: ["ThreadModel", "ReadingState"]),
        // Times the filter on a big document (figures for BENCHMARKS.md).
        .executableTarget(
            name: "TreadFilterBench",
            dependencies: ["ThreadModel", "SiteFormats", "ThreadTree", "ThreadQuery", "Reader", "ReadingState"],
            path: "Benchmarks/TreadFilterBench"),
        // What the test targets share: discussions and trees from outlines, and outlines printed back.
        .target(
            name: "ThreadTestSupport", dependencies: ["ThreadModel", "ThreadTree"], path: "Tests/ThreadTestSupport"),
        .testTarget(
            name: "ThreadQueryTests",
            dependencies: ["ThreadModel", "ThreadTestSupport", "SiteFormats", "ThreadTree", "ThreadQuery"]),
        .testTarget(name: "ThreadModelTests", dependencies: ["ThreadModel", "ThreadTestSupport", "SiteFormats"]),
        .testTarget(name: "ImporterTests", dependencies: ["ThreadModel", "SiteFormats", "Markup"]),
        .testTarget(
            name: "ThreadFetchTests", dependencies: ["ThreadModel", "ThreadTestSupport", "SiteFormats", "ThreadFetch"]),
        .testTarget(name: "ThreadTreeTests", dependencies: ["ThreadModel", "ThreadTestSupport", "ThreadTree"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(
            name: "ReaderTests",
            dependencies: [
                "ThreadModel", "ThreadTestSupport", "SiteFormats", "ThreadTree", "TextLayout", "Reader", "Samples",
                "ThreadQuery",
                "ReadingState",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Expected"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["CNcursesw", "TerminalUI", "Reader", "TextLayout", "ThreadModel", "SiteFormats"]
        ),
        .testTarget(name: "SamplesTests", dependencies: ["Samples"]),
        .testTarget(
            name: "ReadingStateTests",
            dependencies: ["ThreadModel", "ReadingState", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "TextLayout", "ThreadQuery"]),
    ],
    swiftLanguageModes: [.v6]
)
