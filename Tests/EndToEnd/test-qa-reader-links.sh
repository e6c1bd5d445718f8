#!/usr/bin/env bash
# End-to-end (branch qa-reader): a comment with twelve links; the picker takes link 12 by its number,
# and the browser (a stub that records its arguments) gets that link, whole, and only it.
# Usage: test-qa-reader-links.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-qa-reader-links.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/links"
mkdir -p "$work"
cat >"$work/browser" <<'SCRIPT'
#!/bin/sh
for word in "$@"; do printf '<%s>\n' "$word"; done >>"$OPENED"
SCRIPT
chmod +x "$work/browser"
links=""
for n in $(seq 1 12); do links="$links https://example.org/page$n"; done
printf '{"article":{"title":"Twelve links"},"comments":[{"id":"c1","author":"ann","body":"Many:%s"}]}\n' \
    "$links" >"$work/thread.json"

start_app 100 30 env BROWSER="$work/browser --new-tab" OPENED="$work/opened" "$BIN" "$work/thread.json"
expect_screen "Twelve links" "the thread opens"
send c o
expect_screen "open which link?" "o offers the twelve links"
# 1 could begin 10, 11 or 12: it waits for the 2 (before, it opened link 1 at once).
send 1 2
poll_until 10 grep -qs "page12" "$work/opened"
opened=$(cat "$work/opened" 2>/dev/null)
if [[ $opened == $'<--new-tab>\n<https://example.org/page12>' ]]; then pass "12 opens link 12, and only it"; else
    fail "12 opens link 12, and only it (opened: $opened)"; fi
expect_gone "open which link?" "the picker closes"
send q
expect_exit 0 "q quits"
expect_tty_restored
finish
