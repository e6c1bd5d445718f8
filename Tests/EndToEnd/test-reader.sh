#!/usr/bin/env bash
# End-to-end: the real reader in a private tmux server, driven by keys as a person would.
# Usage: test-reader.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-reader.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
GEN="$REPO/Scripts/gen_thread.py"
FIXTURES="$REPO/Tests/Fixtures"

# --- The sample: read, fold, jump, search, resize, help, quit -----------------------------
start_app 80 24 "$BIN"
expect_screen "ZTE Complies With US Demands" "the sample opens on its title"
expect_status "article" "the status line says article at first"
expect_status "? help" "the status line offers help"
send c
expect_status "comment 1 of 7 · depth 1" "c selects the first comment"
send J
expect_status "comment 3 of 7" "J goes to the second top-level comment"
send Space
expect_screen "2 replies hidden" "space folds the second comment's two replies"
expect_gone "Mr. Magoo" "the folded replies are hidden"
send Space
expect_screen "Mr. Magoo" "space unfolds them again"
send c j
expect_status "comment 2 of 7 · depth 2" "j goes to the first reply"
send u
expect_status "comment 1 of 7 · depth 1" "u goes to its parent"
send ']'
expect_status "comment 3 of 7" "] goes to the next top-level comment"
send / i P h o n e
expect_status "/iPhone" "the search prompt echoes the query"
send Enter
expect_status "match 2 of 3" "the search lands on the next comment that says iPhone"
send n
expect_status "match 3 of 3" "n goes to the next match"
if screen | grep -q "iPhone"; then pass "the match is on screen"; else fail "the match is on screen"; fi
resize 100 30
expect_status "match 3 of 3" "resizing keeps the reader going"
if screen | grep -q "┃"; then pass "the selection stays in view after a resize"; else fail "the selection stays in view after a resize"; fi
resize 30 8
expect_status "comment" "a narrow window still shows the status line"
resize 80 24
send '?'
expect_screen "tread keys" "? opens the help"
expect_screen "next sibling" "the help lists the keymap"
send x
expect_gone "tread keys" "any key closes the help"
send q
expect_exit 0 "q quits with status 0"
expect_tty_restored "q restores the terminal"

# --- Counts, depth and repainting ---------------------------------------------------------------
start_app 80 24 "$BIN"
expect_screen "ZTE Complies" "the reader opens for counts"
send c 2 j
expect_status "comment 3 of 7" "2j moves two comments: a digit is a count, not a depth"
if screen | grep -q "Mr. Magoo"; then pass "a count folds nothing"; else fail "a count folds nothing"; fi
send = 1
expect_screen "replies hidden" "= then 1 shows the top level only"
send Z
send C-l
expect_screen "Mr. Magoo" "ctrl-l repaints the whole screen"
expect_status "? help" "the status line is back after ctrl-l"
send q
expect_exit 0 "quit after counts"

# --- Signals and crashes restore the terminal ------------------------------------------------
start_app 80 24 "$BIN"
expect_screen "ZTE Complies" "the reader opens again"
pid=""
for _ in $(seq 50); do
    pid=$(pgrep -f "^$BIN\$" | head -n 1)
    [ -n "$pid" ] && break
    sleep 0.1
done
kill -TERM "$pid" 2>/dev/null
expect_exit 143 "SIGTERM ends the reader with 143"
expect_tty_restored "SIGTERM restores the terminal"

start_app 80 24 "$BIN"
expect_screen "ZTE Complies" "the reader opens for ctrl-c"
send C-c
expect_exit 130 "ctrl-c ends the reader with 130"
expect_tty_restored "ctrl-c restores the terminal"

start_app 80 24 "$BIN"
expect_screen "ZTE Complies" "the reader opens for SIGHUP"
pid=$(pgrep -f "^$BIN\$" | head -n 1)
kill -HUP "$pid" 2>/dev/null
expect_exit 129 "SIGHUP ends the reader with 129"
expect_tty_restored "SIGHUP restores the terminal"

start_app 80 24 env TREAD_DEBUG_CRASH=draw "$BIN"
expect_exit 132 "a crash inside drawing ends with SIGILL's status"
expect_screen "debug crash in draw" "the crash message is printed after the terminal is back"
expect_tty_restored "a crash restores the terminal"

start_app 80 24 env TERM=no-such-terminal "$BIN"
expect_screen "tread: " "an unknown TERM gives a one-line error"
expect_exit 78 "an unknown TERM exits 78"

# --- Mouse: the wheel scrolls, a click selects ----------------------------------------------
start_app 80 24 "$BIN"
expect_screen "ZTE Complies" "the reader opens for the mouse"
send c
expect_status "comment 1 of 7" "c before the mouse test"
send -l $'\e[<65;10;5M'
expect_gone "sone economic clout" "the wheel scrolls down"
send q
expect_exit 0 "quit after the mouse test"

# --- A hostile document: payloads are shown, never obeyed ---------------------------------------
hostile="$E2E_DIR/hostile.json"
python3 "$GEN" --comments 200 --hostile --seed 7 -q -o "$hostile"
e2e_tmux set-option -g set-titles off >/dev/null 2>&1
start_app 80 24 "$BIN" "$hostile"
title_before=$(e2e_tmux display -p -t app '#{pane_title}')
expect_status "article" "the hostile document opens"
if screen | grep -q "␛"; then pass "escape characters show as ␛"; else fail "escape characters show as ␛"; fi
send c
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do send j; done
sleep 0.5
title_after=$(e2e_tmux display -p -t app '#{pane_title}')
if [ "$title_before" = "$title_after" ] && [ "$title_after" != "pwned" ]; then
    pass "the document did not retitle the pane"
else
    fail "the document retitled the pane ($title_before → $title_after)"
fi
expect_status "comment" "the status line survives the payloads (screen not cleared)"
send q
expect_exit 0 "quit the hostile document"
expect_tty_restored "the hostile document leaves the terminal as it was"

# --- A 10,000-comment thread: every jump answers at once -------------------------------------
big="$E2E_DIR/big.json"
python3 "$GEN" --comments 10000 --seed 2 -q -o "$big"
start_app 80 24 "$BIN" "$big"
expect_status "article" "a 10,000-comment thread opens"
send c
expect_status "comment 1 of 10,000" "c on a 10,000-comment thread"
send G
expect_status "comment 10,000 of 10,000" "G goes to the last comment" 30
send g c ']' ']' J
expect_status "depth 1" "jumps between threads"
send z
expect_screen "replies hidden" "z folds every thread"
send Z / z z z z Enter
expect_status "comment" "a search on a big thread answers"
send q
expect_exit 0 "quit the big thread"

# --- Every saved discussion of the corpus opens in the reader ------------------------------------
for doc in "$FIXTURES"/*/*.json; do
    name=$(basename "$(dirname "$doc")")/$(basename "$doc")
    start_app 100 30 "$BIN" "$doc"
    expect_status "? help" "corpus $name opens in the reader"
    send c G
    expect_status "comment" "corpus $name reaches its last comment"
    send q
    expect_exit 0 "corpus $name quits"
done

finish
