#!/usr/bin/env bash
# End-to-end: the reader takes the terminal's size from the terminal, not from LINES and COLUMNS left
# in the environment (exported by a shell rc, or inherited from a window of another size), which
# ncurses by default prefers: the reader then drew in a corner, and kept to it after every resize.
# Usage: test-qa-terminal-size.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-qa-terminal-size.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

start_app 80 24 env LINES=10 COLUMNS=40 "$BIN"
expect_screen "ZTE Complies With US Demands, Receives Partial Reprieve to Push Security Patches" \
  "stale LINES/COLUMNS: the title takes the terminal's 80 columns"
expect_status "? help" "stale LINES/COLUMNS: the status line is on the terminal's last row"
resize 60 20
expect_status "? help" "stale LINES/COLUMNS: after a resize the status line is on the new last row"
first_row_is() { [[ $(screen | head -1) == "$1" ]]; }
if poll_until "$E2E_TIMEOUT" first_row_is "ZTE Complies With US Demands, Receives Partial Reprieve to"; then
  pass "stale LINES/COLUMNS: after a resize the title wraps at 60 columns"
else
  fail "stale LINES/COLUMNS: after a resize the title wraps at 60 columns (first row: $(screen | head -1))"
fi
send q
expect_exit 0 "q quits"
expect_tty_restored "the terminal is restored"

finish
