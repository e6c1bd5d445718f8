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
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .target(name: "ThreadModel"),
        .target(name: "ThreadTree", dependencies: ["ThreadModel"]),
        .target(name: "TextLayout"),
        .target(name: "Reader", dependencies: ["ThreadModel", "ThreadTree", "TextLayout"]),
        // Preferences from config.toml; action names come in as data, so it never imports Reader.
        .target(
            name: "Configuration",
            dependencies: ["TextLayout", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "Reader", "TextLayout"]),
        .target(name: "Samples"),
        .executableTarget(
            name: "tread",
            dependencies: [
                "ThreadModel", "ThreadTree", "TextLayout", "Reader", "TerminalUI", "Samples", "Configuration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Replays inputs through the fuzz checks; `Scripts/fuzz.sh` builds it as the libFuzzer target.
        .executableTarget(name: "TreadFuzz", dependencies: ["ThreadModel", "ThreadTree", "Reader"]),
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
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "TextLayout"]),
    ],
    swiftLanguageModes: [.v6]
)
