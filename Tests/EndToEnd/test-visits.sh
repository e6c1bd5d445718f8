#!/usr/bin/env bash
# End-to-end: reading across visits (issue 12) in the real reader under tmux, with a private
# XDG_STATE_HOME. Reads a thread, quits, adds comments to the file, reopens: exactly the added
# comments are marked, } jumps through them (unfolding), ctrl-O goes back, the old position and
# fold are back; --no-state leaves the store untouched; a damaged store is one status-line message.
# Usage: test-visits.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-visits.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

state="$E2E_DIR/state"
doc="$E2E_DIR/thread.json"
# marked: the names on screen that carry the new marker, in screen order, one line.
marked() { screen | grep -oE '[a-z0-9]+ ●' | sed 's/ ●//' | tr '\n' ' ' | sed 's/ $//'; }
# row_of NAME: the screen row (from 1) of NAME's header.
row_of() { screen | grep -nE "[▾▸•] $1( |$)" | head -n 1 | cut -d: -f1; }

# write_thread [new]: the thread as first saved, or saved again later with three more comments:
# new1 under old1, new2 under old3 (which the first visit folds), new3 at the end.
write_thread() {
    python3 - "$doc" "${1:-}" <<'PY'
import json, sys
later = sys.argv[2] == "new"
def c(id, replies=()):
    return {"id": id, "author": id, "body": "said " + id, "replies": list(replies)}
comments = [
    c("old1", [c("new1")] if later else []),
    c("old2", [c("old2r")]),
    c("old3", [c("old3r")] + ([c("new2")] if later else [])),
    c("old4"),
    c("old5"),
] + ([c("new3")] if later else [])
json.dump({"article": {"title": "Visits test", "body": ["An article."]}, "comments": comments},
          open(sys.argv[1], "w"))
PY
}

# --- First visit: everything is read, old3 folded, old4 selected and marked ---------------------
write_thread
start_app 80 40 env XDG_STATE_HOME="$state" "$BIN" "$doc"
expect_screen "? help" "the first visit opens"
[ -z "$(marked)" ] && pass "nothing is new on a first visit" || fail "marked on a first visit: $(marked)"
# Every comment has been on screen; a short window then makes the page scroll, so rows mean something.
resize 80 12
send c J J Space J
expect_status "comment 6 of 7" "old4 selected"
expect_screen "▸ old3 · 1 reply hidden" "old3 folded"
send m a
expect_status "mark a set" "m a sets a mark"
row_before=$(row_of old4)
send q
expect_exit 0 "q quits"
[ -f "$state/tread/state.sqlite" ] && pass "the visit is saved under XDG_STATE_HOME/tread" ||
    fail "no $state/tread/state.sqlite"

# --- The file is saved again with three more comments -----------------------------------------
write_thread new
start_app 80 12 env XDG_STATE_HOME="$state" "$BIN" "$doc"
expect_status "comment 8 of 10" "the old selection is back (old4, now comment 8)"
row_after=$(row_of old4)
[ -n "$row_before" ] && [ "$row_before" = "$row_after" ] && pass "old4 is on its old screen row ($row_after)" ||
    fail "old4 on row $row_after, was $row_before"
resize 80 40
expect_screen "── 10 comments · 3 added · " "the rule counts the added comments"
expect_screen "▸ old3 · 2 replies hidden · 1 added" "the fold is back and says one hidden reply was added"
# Polled: the capture could fall inside the frame redrawn after the resize.
marked_is() { [ "$(marked)" = "$1" ]; }
poll_until 10 marked_is "new1 new3" && pass "exactly the added comments on screen are marked" ||
    fail "marked: '$(marked)', expected 'new1 new3'"
send g '}'
expect_status "comment 2 of 10" "} goes to the first new comment (new1)"
send '}'
expect_status "comment 7 of 10" "} goes to new2, inside the fold"
expect_screen "new2 ●" "new2 is unfolded and marked"
send '}'
expect_status "comment 10 of 10" "} goes to new3"
send '}'
expect_status "no added comment below" "after the last added comment } says so"
send C-o
expect_status "comment 7 of 10" "ctrl-O goes back to new2"
send C-t
expect_status "comment 10 of 10" "ctrl-T goes forward again"
send "'" a
expect_status "comment 8 of 10" "the mark kept with the thread returns to old4"
send E
expect_screen "── 10 comments · 0 added · 0 unread ──" "E marks everything read"
send q
expect_exit 0 "q quits the second visit"

# --- SIGTERM saves as q does: the place is back on the next visit ------------------------------
start_app 80 40 env XDG_STATE_HOME="$state" "$BIN" "$doc"
expect_screen "? help" "the thread opens again"
send G
expect_status "comment 10 of 10" "G goes to new3"
sleep 0.3
# The pane's shell runs env, which execs tread: its child is tread.
pid=$(app_pid)
[ -n "$pid" ] && kill -TERM "$pid"
expect_exit 143 "SIGTERM ends the reader with 143"
start_app 80 40 env XDG_STATE_HOME="$state" "$BIN" "$doc"
expect_status "comment 10 of 10" "the place SIGTERM left is back"
send q
expect_exit 0 "q quits after SIGTERM's visit"

# --- Within five minutes nothing is new again after A; --no-state changes nothing --------------
start_app 80 40 env XDG_STATE_HOME="$state" "$BIN" "$doc"
expect_screen "── 10 comments · 0 added · 0 unread ──" "marked read stays read"
send q
expect_exit 0 "q quits the third visit"
before=$(cd "$state/tread" && ls -l --time-style=+%s.%N . && sha256sum ./*)
write_thread
start_app 80 40 env XDG_STATE_HOME="$state" "$BIN" --no-state "$doc"
expect_screen "── 7 comments ──" "--no-state opens the thread"
send G
expect_status "comment 7 of 7" "--no-state reads as usual"
send m b q
expect_exit 0 "q quits the --no-state visit"
after=$(cd "$state/tread" && ls -l --time-style=+%s.%N . && sha256sum ./*)
[ "$before" = "$after" ] && pass "--no-state leaves the store untouched" || fail "--no-state changed the store"

# --- A damaged store: one line on the status line, the thread still opens and quits -------------
damaged="$E2E_DIR/damaged"
mkdir -p "$damaged/tread"
head -c 8192 /dev/urandom >"$damaged/tread/state.sqlite"
cp "$damaged/tread/state.sqlite" "$E2E_DIR/garbage"
start_app 260 30 env XDG_STATE_HOME="$damaged" "$BIN" "$doc"
expect_status "is damaged" "a damaged store is said on the status line"
expect_status "reading without it" "and the thread is read without it"
send G q
expect_exit 0 "quitting with a damaged store succeeds"
cmp -s "$damaged/tread/state.sqlite" "$E2E_DIR/garbage" && pass "the damaged store is left as it was" ||
    fail "the damaged store was changed"

# --- The visit keys are bindable: next-new and mark-all-read on other keys, each key in the help once
rebound="$E2E_DIR/rebound"
mkdir -p "$rebound/state" "$rebound/xdg/tread"
cat >"$rebound/xdg/tread/config.toml" <<'TOML'
[keys]
next-new = ["n"]
mark-all-read = ["X"]
TOML
write_thread
start_app 80 40 env XDG_STATE_HOME="$rebound/state" XDG_CONFIG_HOME="$rebound/xdg" "$BIN" "$doc"
expect_screen "? help" "the first visit opens with the config"
send q
expect_exit 0 "q quits the first visit"
write_thread new
start_app 100 60 env XDG_STATE_HOME="$rebound/state" XDG_CONFIG_HOME="$rebound/xdg" "$BIN" "$doc"
expect_screen "── 10 comments · 3 added · " "the second visit shows the added comments"
send g n
expect_status "comment 2 of 10" "n, bound to next-new, goes to the first new comment"
send X
expect_screen "── 10 comments · 0 added · 0 unread ──" "X, bound to mark-all-read, marks everything read"
send '?'
expect_screen "tread keys" "the help opens"
# The help is drawn top to bottom: wait for its lower half before reading it whole.
expect_screen "next comment added" "the help's visit keys are drawn"
help_lines=$(screen)
[ "$(grep -cE '(^|  )n +next comment added' <<<"$help_lines")" = 1 ] && pass "the help lists n under next added comment" ||
    fail "n is not listed under next added comment"
grep -qE 'next match' <<<"$help_lines" && fail "next match, whose only key moved, is still listed" ||
    pass "next match, whose only key moved to next-new, leaves the help"
grep -qE '(^|  )E +mark every comment read' <<<"$help_lines" && fail "E is still listed for mark-all-read" ||
    pass "E, replaced by X, leaves the help"
send q q
expect_exit 0 "q quits"

finish
