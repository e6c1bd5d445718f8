#!/usr/bin/env bash
# End-to-end: `tread recent` (issue 12) picks a thread read lately and opens it in the reader, under tmux
# with a private XDG_STATE_HOME: the picker opens the thread chosen (Enter, or a number), `tread recent N`
# opens the Nth at once, q and ctrl-c leave the terminal as it was, x forgets, a file gone since is one
# line and exit 66, an empty store says so, a fetched thread reopens by its address from the saved copy.
# Usage: test-recent.sh PATH/TO/tread
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
BIN=${1:?usage: test-recent.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

state="$E2E_DIR/state"
# write DOC TITLE: a small thread titled TITLE.
write() {
    printf '{"article": {"title": "%s"}, "comments": [{"id": 1, "author": "ann", "body": "said %s"}]}' \
        "$2" "$2" >"$1"
}
# read_and_quit FILE: reads FILE in the reader, remembering it, and quits.
read_and_quit() {
    start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" "$1"
    expect_screen "? help" "the reader opens $(basename "$1")"
    send q
    expect_exit 0 "q quits $(basename "$1")"
}
# run ARGS...: tread with no terminal, remembering into $state; status in $status.
run() {
    XDG_STATE_HOME="$state" "$BIN" "$@" </dev/null >"$E2E_DIR/out" 2>"$E2E_DIR/err"
    status=$?
}

# --- An empty store says so, on a terminal too, and exits 0 ----------------------------------
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "No threads read yet." "recent on an empty store says so"
expect_exit 0 "recent on an empty store exits 0"

# --- Read two files; the picker lists the latest first and opens the one picked ---------------
write "$E2E_DIR/alpha.json" "Alpha thread"
write "$E2E_DIR/beta.json" "Beta thread"
read_and_quit "$E2E_DIR/alpha.json"
read_and_quit "$E2E_DIR/beta.json"

start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "Recent threads · 2 threads" "the picker opens"
expect_screen "> 1. Beta thread" "the latest thread is first and selected"
expect_screen "  2. Alpha thread" "the earlier one is second"
expect_screen "1 comment" "each thread says how many comments"
send j Enter
expect_screen "said Alpha thread" "Enter opens the second thread in the reader"
screen | grep -qF "Alpha thread" && pass "the reader shows its title" || fail "no title in the reader"
send q
expect_exit 0 "q in the reader quits"
expect_tty_restored "the terminal is restored after the picker and the reader"

# Opening counts as a visit: Alpha is now the latest.
run recent --list
grep -qE '^1\. Alpha thread$' "$E2E_DIR/out" && pass "the thread opened is the latest now" ||
    fail "recent --list: $(head -c 300 "$E2E_DIR/out")"
grep -qF "   $E2E_DIR/alpha.json" "$E2E_DIR/out" && pass "the list names the file" || fail "no path in the list"

# A number then Enter opens that thread.
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "> 1. Alpha thread" "the picker opens again"
send 2 Enter
expect_screen "said Beta thread" "2 Enter opens the second thread"
send q
expect_exit 0 "quitting the thread picked by number"

# --- tread recent N opens the Nth at once; not on a terminal it prints the thread --------------
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent 2
expect_screen "said Alpha thread" "recent 2 opens the second thread in the reader"
send q
expect_exit 0 "q quits the thread recent 2 opened"
run recent 1
[ "$status" -eq 0 ] && grep -qF "said Alpha thread" "$E2E_DIR/out" && pass "recent 1 into a pipe prints the thread" ||
    fail "recent 1 into a pipe: exit $status, $(head -c 300 "$E2E_DIR/out" "$E2E_DIR/err")"
run recent 7
[ "$status" -eq 66 ] && grep -qE '^tread: no thread 7 to open: the list has 2' "$E2E_DIR/err" &&
    pass "a number beyond the list is one line and 66" || fail "recent 7: exit $status, $(cat "$E2E_DIR/err")"

# --- q and ctrl-c leave the picker without opening, the terminal as it was ---------------------
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "Recent threads" "the picker opens for q"
send q
expect_exit 0 "q quits the picker without opening"
expect_tty_restored "q restores the terminal"
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "Recent threads" "the picker opens for ctrl-c"
send C-c
expect_exit 130 "ctrl-c ends the picker with 130"
expect_tty_restored "ctrl-c restores the terminal"

# --- A narrow window still shows every thread, titles cut -------------------------------------
start_app 16 8 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "> 1. Alpha thre…" "a narrow window cuts titles"
send q
expect_exit 0 "q quits the narrow picker"

# --- A file gone since: one line, exit 66, from the picker and from recent N ---------------------
mv "$E2E_DIR/beta.json" "$E2E_DIR/moved.json"
run recent 2
[ "$status" -eq 66 ] && [ "$(wc -l <"$E2E_DIR/err")" -eq 1 ] &&
    grep -qF "beta.json: the file is gone or was moved" "$E2E_DIR/err" &&
    pass "recent N on a file gone is one line and 66" || fail "gone: exit $status, $(cat "$E2E_DIR/err")"
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "2. Beta thread" "the picker still lists the moved file"
send G Enter
expect_screen "the file is gone or was moved" "picking the moved file says so"
expect_exit 66 "picking the moved file exits 66"
expect_tty_restored "the terminal is restored before the message"

# --- x forgets the selected thread after a y --------------------------------------------------
start_app 80 20 env XDG_STATE_HOME="$state" "$BIN" recent
expect_screen "Recent threads · 2 threads" "the picker opens to forget"
send G x
expect_screen "Forget “Beta thread”? y/n" "x asks first"
send n
expect_screen "Kept." "n keeps it"
send x y
expect_screen "Recent threads · 1 thread" "y forgets it"
send q
expect_exit 0 "q quits after forgetting"
run recent --list
! grep -qF "Beta thread" "$E2E_DIR/out" && grep -qF "Alpha thread" "$E2E_DIR/out" &&
    pass "the store forgot it" || fail "after forgetting: $(cat "$E2E_DIR/out")"

# --- A fetched thread reopens by its address, from the saved copy with --offline -----------------
python3 "$HERE/replay_server.py" "$HERE/../Fixtures" "$E2E_DIR/port" --log "$E2E_DIR/requests" &
server=$!
trap 'kill "$server" 2>/dev/null; e2e_cleanup' EXIT
poll_until 30 test -s "$E2E_DIR/port" || fail "the replay server starts"
base="http://127.0.0.1:$(cat "$E2E_DIR/port")"
net=(XDG_CACHE_HOME="$E2E_DIR/cache" TREAD_LOBSTERS_API="$base/lobsters" TREAD_FETCH_TIMEOUT=10)
start_app 100 30 env XDG_STATE_HOME="$state" "${net[@]}" "$BIN" "https://lobste.rs/s/tdfoqh/ranking_comments"
expect_screen "? help" "the fetched thread opens"
send q
expect_exit 0 "q quits the fetched thread"
kill "$server" 2>/dev/null
run recent --list
grep -qE '^   https://lobste\.rs/s/tdfoqh$' "$E2E_DIR/out" && pass "the list names the address it was fetched from" ||
    fail "no address in the list: $(head -c 400 "$E2E_DIR/out")"
env "${net[@]}" XDG_STATE_HOME="$state" "$BIN" recent 1 --offline </dev/null >"$E2E_DIR/out" 2>"$E2E_DIR/err"
status=$?
[ "$status" -eq 0 ] && grep -qF "showing the copy saved" "$E2E_DIR/err" && [ -s "$E2E_DIR/out" ] &&
    pass "recent 1 --offline reopens the saved copy and says its age" ||
    fail "offline reopen: exit $status, $(head -c 300 "$E2E_DIR/err")"

# --- A store of the previous version (schema v1, no addresses) opens; its site threads reopen by site and id ---
old="$E2E_DIR/old"
XDG_STATE_HOME="$old" "$BIN" recent </dev/null >/dev/null 2>&1
python3 - "$old/tread/state.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# Back to v1: what the previous tread wrote, with a Hacker News link story and a thread from standard input.
db.execute("DROP INDEX threadAddress")
db.execute("ALTER TABLE thread DROP COLUMN address")
db.execute("DELETE FROM grdb_migrations WHERE identifier = 'v2'")
for key, title, url, opened in [("site:Hacker News\x1f41003710", "Link story", "https://example.org/page", 2),
                                ("file:-\x1f0123456789abcdef", "From a pipe", None, 1)]:
    db.execute("""INSERT INTO thread (key, title, site, url, path, opened, saved, commentCount, newCount, seenBits,
                  seenCount, markedNew, folded, selected, selectedRow, revision)
                  VALUES (?, ?, NULL, ?, NULL, ?, ?, 3, 0, 0, 0, x'', x'', NULL, 0, 1)""",
               (key, title, url, opened, opened))
db.commit()
PY
XDG_STATE_HOME="$old" "$BIN" recent --list </dev/null >"$E2E_DIR/out" 2>"$E2E_DIR/err"
status=$?
[ "$status" -eq 0 ] && grep -qE '^1\. Link story$' "$E2E_DIR/out" &&
    grep -qE '^   https://news\.ycombinator\.com/item\?id=41003710$' "$E2E_DIR/out" &&
    pass "a v1 store opens and its link story reopens by its site and id" ||
    fail "v1 store: exit $status, $(head -c 400 "$E2E_DIR/out" "$E2E_DIR/err")"
XDG_STATE_HOME="$old" "$BIN" recent 2 </dev/null >"$E2E_DIR/out" 2>"$E2E_DIR/err"
status=$?
[ "$status" -eq 66 ] && [ "$(wc -l <"$E2E_DIR/err")" -eq 1 ] && grep -qF "was read from standard input" "$E2E_DIR/err" &&
    pass "a thread read from standard input is one line and 66" ||
    fail "stdin thread: exit $status, $(cat "$E2E_DIR/err")"

finish
