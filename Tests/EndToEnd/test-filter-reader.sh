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

# --- The map from the config, with new comments; --filter new on a return visit ----------------
state="$E2E_DIR/state"
config="$E2E_DIR/config"
mkdir -p "$config/tread"
doc="$E2E_DIR/visits.json"
# write_thread [new]: five comments, or saved again later with new1 under old1 and new2 at the end.
write_thread() {
    python3 - "$doc" "${1:-}" <<'PY'
import json, sys
later = sys.argv[2] == "new"
def c(id, replies=()):
    return {"id": id, "author": id, "body": "said " + id, "replies": list(replies)}
comments = [c("old1", [c("new1")] if later else []), c("old2"), c("old3"), c("old4")]
comments += [c("new2")] if later else []
json.dump({"article": {"title": "Map test"}, "comments": comments}, open(sys.argv[1], "w"))
PY
}
# map_column: the last column of the page rows, top to bottom, as one word.
map_column() { screen | sed '$d' | sed -E 's/.*(.)$/\1/' | tr -d '\n'; }
write_thread
echo 'map = "shown"' >"$config/tread/config.toml"
# Tall enough that every comment is on screen, so all are read.
start_app 100 30 env XDG_STATE_HOME="$state" XDG_CONFIG_HOME="$config" "$BIN" "$doc"
expect_screen "old4" "the first visit opens"
map_column | grep -q '█' && pass 'map = "shown" shows the map on opening' || fail "no map: $(map_column)"
send q
expect_exit 0 "q quits"
write_thread new
start_app 100 30 env XDG_STATE_HOME="$state" XDG_CONFIG_HOME="$config" "$BIN" "$doc"
expect_screen "new1" "the return visit opens"
map_column | grep -q '+' && pass "the map marks new comments with +" || fail "no + in the map: $(map_column)"
send q
expect_exit 0 "q quits"
# Within five minutes the markers stay: --filter new finds the two new comments.
start_app 100 30 env XDG_STATE_HOME="$state" XDG_CONFIG_HOME="$config" "$BIN" --filter new "$doc"
expect_status "filter: 2 of 6" "--filter new keeps the new comments"
expect_status "match 1 of 2" "and selects the first"
send q
expect_exit 0 "q quits"
echo 'map = "off"' >"$config/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$config" "$BIN" "$doc"
expect_screen "old4" "the reader opens with the map off"
send M
expect_status "the map is off in the config" 'map = "off": M says why it does nothing'
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
