#!/usr/bin/env bash
# Checks that another package can use tread's document model as a library: builds a throwaway
# package outside the repository that depends on this one by version, as a user's package would (a
# git copy of the tree, tagged), and has it decode SampleData/zte-partial-reprieve.json with
# JSONDecoder into `Document`. By version, not by path: SwiftPM then refuses a product whose targets
# have unsafe flags, which a dependency by path would let through.
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
mkdir -p "$work/Sources/ReadSample" "$work/tread"

# The tree as it is (uncommitted changes too), committed and tagged in a repository of its own.
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/tread" 2>/dev/null || true)
git -C "$work/tread" init -q
git -C "$work/tread" add -A
git -C "$work/tread" -c user.name=check -c user.email=check@localhost commit -qm tree
git -C "$work/tread" tag 1.0.0

cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReadSample",
    dependencies: [.package(url: "file://$work/tread", from: "1.0.0")],
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
