#!/usr/bin/env bash
# Checks that another package can use tread's document model as a library: builds a throwaway
# package outside the repository that depends on this one by path, and has it decode
# SampleData/zte-partial-reprieve.json with JSONDecoder into `Document`.
#
#   Scripts/check-library.sh
#
# Needs no network: SwiftPM resolves this package's dependencies as the main build does (git
# URLs, which this machine's git configuration points at local copies), and the throwaway
# package adds none of its own.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-library.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/ReadSample"

cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReadSample",
    dependencies: [.package(name: "tread", path: "$root")],
    targets: [
        .executableTarget(name: "ReadSample", dependencies: [.product(name: "ThreadModel", package: "tread")])
    ]
)
SWIFT

cat > "$work/Sources/ReadSample/main.swift" <<'SWIFT'
import Foundation
import ThreadModel

let data = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let document = try JSONDecoder().decode(Document.self, from: data)
print("\(document.article.title): \(document.comments?.count ?? 0) top-level comments")
SWIFT

cd "$work"
swift build --product ReadSample >&2
output=$(swift run --skip-build ReadSample "$root/SampleData/zte-partial-reprieve.json")
echo "$output"
expected="ZTE Complies With US Demands, Receives Partial Reprieve to Push Security Patches: 4 top-level comments"
if [ "$output" != "$expected" ]; then
    echo "check-library.sh: expected \"$expected\", got \"$output\"" >&2
    exit 1
fi
