# shellcheck shell=bash
# cli_lib.sh: the preamble of the end-to-end tests that run tread as a command, without a
# terminal (lib.sh is the one for tests that drive the reader in tmux).
#
# Usage, in a test script run as `test-X.sh PATH/TO/tread`:
#
#   #!/usr/bin/env bash
#   source "$(dirname "$0")/cli_lib.sh"
#   "$BIN" stats "$FIXTURES/reddit/x.json" >"$work/out" && pass "stats" || fail "stats" "$(cat "$work/out")"
#   cli_finish                    # prints "N passed, N failed", exits 0 only if none failed
#
# Sets BIN (the tread given, as an absolute path), REPO (the repository), GEN (the document
# generator), FIXTURES (Tests/Fixtures), work (a temporary folder removed on exit), and
# pass NAME / fail NAME DETAIL, which count and print one line each.
set -uo pipefail
BIN=${1:?usage: $(basename "$0") PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GEN="$REPO/Scripts/gen_thread.py"
FIXTURES="$REPO/Tests/Fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1: ${2:-}"; }

cli_finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
