#!/usr/bin/env bash
# End-to-end: the reader's live filter (issue 14) typed, stepped through with n/N, and cleared.
# Usage: test-filter-reader.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-filter-reader.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
GEN="$REPO/Scripts/gen_thread.py"

# --- The sample: a word filter keeps the context, n/N step, Esc clears ----------------------
start_app 80 24 "$BIN"
expect_screen "ZTE Complies With US Demands" "the sample opens"
send c '&'
expect_status "&▏" "& opens the filter prompt"
send -l 'depth>'
expect_status "at column 7" "a mistake shows its column without leaving the prompt"
send -l '1'
expect_status "filter: 3 of 7" "a field filter follows each key"
send C-u
send -l 'China'
expect_status "filter: 2 of 7" "a word filter counts its matches"
send Enter
expect_status "match 1 of 2" "enter goes to the first match"
expect_screen "comments hidden" "subtrees without a match are one stub line"
send n
expect_status "match 2 of 2" "n goes to the next match"
send n
expect_status "match 1 of 2" "n wraps around"
send Escape
expect_status "filter cleared" "Esc clears the filter"
expect_gone "comments hidden" "the whole thread shows again"

# --- The overview and the map -------------------------------------------------------------------
send v
expect_screen "2 replies  " "v shows a line per comment with its reply count and first words"
send j Enter
expect_gone "2 replies  " "enter goes back to the full view"
send M
expect_screen "█" "M shows the map with the selection"
send M
expect_gone "█" "M hides the map"
send q
expect_exit 0 "q quits"

# --- --filter opens the whole thread with the filter on ---------------------------------------
big="$E2E_DIR/big.json"
python3 "$GEN" --comments 3000 --seed 2 -q -o "$big"
start_app 100 30 "$BIN" --filter 'depth<2' "$big"
expect_status "of 3,000" "--filter opens the whole thread, filtered"
send n
expect_status "match 2 of" "n goes to the next match"
send N N
expect_status "match " "N goes back, wrapping"
send Escape
expect_status "filter cleared" "Esc clears the --filter query"
send q
expect_exit 0 "q quits"
finish
