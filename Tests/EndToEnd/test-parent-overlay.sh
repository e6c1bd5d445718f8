#!/usr/bin/env bash
# End-to-end: the parent overlay under tmux. U on a deep reply shows its parent's text in a box
# without moving the selection; u in the box walks up to the article; j scrolls a long parent;
# Esc, q and U close it; a config file can move it to another key.
# Usage: test-parent-overlay.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-parent-overlay.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/overlay"
mkdir -p "$work/xdg/tread"

# bob's text is 30 numbered lines, longer than the box in a 24-row window.
bob=$(for n in $(seq 1 30); do printf 'bob line %02d\\n' "$n"; done)
cat >"$work/thread.json" <<JSON
{"article": {"title": "Overlay thread", "author": "ann", "body": ["The article's own text."]},
 "comments": [
  {"id": 1, "author": "alice", "body": "alice opens with <https://a.example.org/x>", "replies": [
    {"id": 2, "author": "bob", "body": "$bob", "replies": [
      {"id": 3, "author": "carol", "body": "carol replies"}
    ]}
  ]},
  {"id": 4, "author": "dave", "body": "dave is last"}
 ]}
JSON

start_app 80 24 "$BIN" "$work/thread.json"
wait_for "Overlay thread" || fail "the reader opens"
# From the last comment, k selects carol (j would scroll through bob's long text first).
send G k
expect_status "comment 3 of 4" "k from the last comment selects carol"
sleep 0.3
before=$(screen)

send U
expect_screen "parent · u: its parent · esc closes" "U opens the parent overlay"
expect_screen "│ bob" "the overlay shows the parent's header"
expect_screen "│ bob line 01" "the overlay shows the parent's text"
expect_screen "of 32 · j k space" "a parent longer than the box says where the box is"
expect_status "comment 3 of 4" "the selection stays on carol under the overlay"

# The header, a blank, then bob's 30 lines: three j put line 01 above the box.
send j j j
expect_screen "4–24 of 32" "j scrolls the overlay a line at a time"
expect_gone "│ bob line 01" "j scrolls the first line out of the box"
expect_screen "│ bob line 21" "j brings the next line into the box"

send u
expect_screen "2 levels up" "u in the overlay walks up to the grandparent"
expect_screen "│ alice opens with [1]" "the grandparent's text, its link numbered"
send u
expect_screen "the article · esc closes" "u on a top-level comment shows the article"
expect_screen "│ The article's own text." "the article's text is in the box"

send Escape
expect_gone "esc closes" "Esc closes the overlay"
# Polled: tmux may still be taking in the repaint when the overlay's title has gone.
screen_is() { [[ $(screen) == "$1" ]]; }
if poll_until 10 screen_is "$before"; then
  pass "the screen is as it was before the overlay"
else
  fail "the screen is as it was before the overlay"
fi

send U
expect_screen "parent · u: its parent" "U opens it again"
send U
expect_gone "esc closes" "U closes it"
send U q
expect_gone "esc closes" "q closes it without quitting"
expect_status "comment 3 of 4" "the reader still runs on carol"
send q
expect_exit 0 "q then quits"

# The key is an action like any other: a config file moves it.
cat >"$work/xdg/tread/config.toml" <<'TOML'
[keys]
show-parent = ["i"]
TOML
start_app 80 24 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
wait_for "Overlay thread" || fail "the reader opens with the config"
send G k i
expect_screen "parent · u: its parent" "show-parent bound to i in config.toml opens it"
send Escape
# A count typed after U shows once U has been taken: the overlay must not be open then.
count_shown() { status_line | grep -qE " 5( +\? help)? *$"; }
send U 5
if poll_until 10 count_shown && ! screen | grep -q "esc closes"; then pass "U is unbound once the config moves it"; else
  fail "U is unbound once the config moves it"; fi
send Escape
send ?
expect_screen "i                peek at the parent" "the help lists the overlay's key"
send q q
expect_exit 0 "quits"

if "$BIN" config --defaults | grep -q '^show-parent = \["U"\]'; then
  pass "tread config lists show-parent with its key"
else
  fail "tread config lists show-parent with its key"
fi

finish
