// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: bytes → ThreadModel → ThreadTree → TextLayout → Reader → TerminalUI.
// A module never imports one later in the flow; only TerminalUI (through CNcursesw) touches ncurses.
// The seams: ThreadModel owns the document, its shape, its body grammar, matching a query against its
// decoded text (TextMatcher) and merging a reload; ThreadQuery (filters), ThreadFetch (sites, cache),
// ReadingState (visits; GRDB only in its store) and Configuration (config.toml) sit beside it and know
// no screen. The Reader is one `update(state, message)` (keys, mouse, resize, loaded, loadProgress,
// searchStep, filterStep, visitReady, fetch results) and `render`; `tread`'s event loop only turns
// terminal events into messages, draws, and does the I/O the state asks for (fetches, links, the store).
// Benchmarks live in their own executables (`tread-bench`, `TreadFilterBench`), not in `tread`.
// `-static-stdlib` with Foundation's static archives named again after the objects, in the order
// they need each other (the linker reads an archive once). libcurl is not linked: CCurlOnDemand
// loads it on the first fetch. The other system libraries (ncursesw, sqlite) stay shared.
let staticArchives = [
    "FoundationNetworking", "_CFURLSessionInterface", "Foundation", "FoundationInternationalization",
    "CoreFoundation", "FoundationEssentials", "_FoundationCShims", "_FoundationCollections", "_FoundationICU",
    "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime",
]
let staticSwift = ["-static-stdlib"] + staticArchives.flatMap { ["-Xlinker", "-l\($0)"] }

let package = Package(
    name: "tread",
    products: [
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
        .target(name: "ThreadModel"),
        .target(name: "ThreadTree", dependencies: ["ThreadModel"]),
        // Fetches threads by their address; knows nothing of screens.
        .target(name: "ThreadFetch", dependencies: ["ThreadModel"]),
        .target(name: "TextLayout", dependencies: ["ThreadModel"]),
        .target(name: "ThreadQuery", dependencies: ["ThreadModel", "ThreadTree"]),
        // The reader holds a visit (`Visit`, `JumpList` from ReadingState: plain values, no GRDB in their interface);
        // only `tread`'s loop opens and saves the store.
        .target(
            name: "Reader", dependencies: ["ThreadModel", "ThreadTree", "TextLayout", "ThreadQuery", "ReadingState"]
        ),
        // Preferences from config.toml; action names come in as data, so it never imports Reader.
        .target(
            name: "Configuration",
            dependencies: ["ThreadModel", "TextLayout", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "Reader", "TextLayout"]),
        .target(name: "Samples"),
        // Sets SWIFT_BACKTRACE before the Swift runtime reads it, so tread need not run itself twice.
        .target(name: "CStartup"),
        // libcurl's functions for URLSession, opening libcurl on the first fetch rather than at every start.
        .target(name: "CCurlOnDemand"),
        // What the reader remembers across visits, in one SQLite store; knows nothing of screens.
        .target(
            name: "ReadingState",
            dependencies: ["ThreadModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "tread",
            dependencies: [
                "ThreadModel", "ThreadTree", "TextLayout", "Reader", "TerminalUI", "Samples", "ThreadFetch",
                "ReadingState", "ThreadQuery", "Configuration", "CStartup", "CCurlOnDemand",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in (README, "One binary to copy"): no Swift
            // libraries to install or load, and no second start (see CStartup).
            linkerSettings: [.unsafeFlags(staticSwift)]
        ),
        // Times loading and the reader's keys for `Scripts/benchmark.sh`; kept out of `tread`, which has only commands.
        .executableTarget(
            name: "TreadBench",
            dependencies: [
                "ThreadModel", "ThreadTree", "ThreadQuery", "Reader", "Samples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Replays inputs through the fuzz checks; `Scripts/fuzz.sh` builds it as the libFuzzer target.
        .executableTarget(name: "TreadFuzz", dependencies: ["ThreadModel", "ThreadTree", "TextLayout", "Reader"]),
        // The reading state's fault tests drive it (kill -9 mid-save, two writers); it also times saves.
        .executableTarget(name: "ReadingStateProbe", dependencies: ["ThreadModel", "ReadingState"]),
        // Times the filter on a big document (figures for BENCHMARKS.md).
        .executableTarget(
            name: "TreadFilterBench",
            dependencies: ["ThreadModel", "ThreadTree", "ThreadQuery", "Reader", "ReadingState"]),
        .testTarget(name: "ThreadQueryTests", dependencies: ["ThreadModel", "ThreadTree", "ThreadQuery"]),
        .testTarget(name: "ThreadModelTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "ImporterTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "ThreadFetchTests", dependencies: ["ThreadModel", "ThreadFetch"]),
        .testTarget(name: "ThreadTreeTests", dependencies: ["ThreadModel", "ThreadTree"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(
            name: "ReaderTests",
            dependencies: [
                "ThreadModel", "ThreadTree", "TextLayout", "Reader", "Samples", "ThreadQuery", "ReadingState",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Expected"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["CNcursesw", "TerminalUI", "Reader", "TextLayout"]),
        .testTarget(name: "SamplesTests", dependencies: ["Samples"]),
        .testTarget(
            name: "ReadingStateTests",
            dependencies: ["ThreadModel", "ReadingState", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "TextLayout"]),
    ],
    swiftLanguageModes: [.v6]
)
