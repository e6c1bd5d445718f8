// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: bytes → ThreadModel → ThreadTree → TextLayout → Reader → TerminalUI.
// A module never imports one later in the flow; only TerminalUI (through CNcursesw) touches ncurses.
let package = Package(
    name: "tread",
    products: [
        .executable(name: "tread", targets: ["tread"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "ThreadModel"),
        .target(name: "ThreadTree", dependencies: ["ThreadModel"]),
        .target(name: "TextLayout"),
        .target(name: "ThreadQuery", dependencies: ["ThreadModel", "ThreadTree"]),
        .target(name: "Reader", dependencies: ["ThreadModel", "ThreadTree", "TextLayout"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "Reader", "TextLayout"]),
        .target(name: "Samples"),
        .executableTarget(
            name: "tread",
            dependencies: [
                "ThreadModel", "ThreadTree", "TextLayout", "Reader", "TerminalUI", "Samples", "ThreadQuery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Replays inputs through the fuzz checks; `Scripts/fuzz.sh` builds it as the libFuzzer target.
        .executableTarget(name: "TreadFuzz", dependencies: ["ThreadModel", "ThreadTree", "Reader"]),
        // Times the filter on a big document (figures for BENCHMARKS.md).
        .executableTarget(name: "TreadFilterBench", dependencies: ["ThreadModel", "ThreadTree", "ThreadQuery"]),
        .testTarget(name: "ThreadQueryTests", dependencies: ["ThreadModel", "ThreadTree", "ThreadQuery"]),
        .testTarget(name: "ThreadModelTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "ImporterTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "ThreadTreeTests", dependencies: ["ThreadModel", "ThreadTree"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(
            name: "ReaderTests",
            dependencies: [
                "ThreadModel", "ThreadTree", "TextLayout", "Reader", "Samples",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Expected"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["CNcursesw", "TerminalUI", "Reader", "TextLayout"]),
        .testTarget(name: "SamplesTests", dependencies: ["Samples"]),
    ],
    swiftLanguageModes: [.v6]
)
