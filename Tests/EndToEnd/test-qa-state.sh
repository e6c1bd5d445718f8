#!/usr/bin/env bash
# End-to-end: the reading state's commands on a store holding values no tread writes (a hostile or damaged
# file, a clock gone wrong): every one is listed or is one line and a status, nothing stops tread.
# Usage: test-qa-state.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

# store_with NAME SQL...: a store made by tread under $work/NAME, then SQL run on it (python3's sqlite3).
store_with() {
    local name=$1
    shift
    env -i PATH="$PATH" XDG_STATE_HOME="$work/$name" "$BIN" recent --list >/dev/null 2>&1
    python3 - "$work/$name/tread/state.sqlite" "$@" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for sql in sys.argv[2:]:
    db.execute(sql)
db.commit()
PY
}

# thread_opened_at SECONDS: a thread row opened at SECONDS since 1970.
thread_opened_at() {
    echo "INSERT INTO thread (key, title, opened, saved, commentCount, newCount, seenBits, seenCount, markedNew,
        folded, selectedRow, revision) VALUES ('k', 'Far away', $1, 0, 3, 0, 0, 0, x'', x'', 0, 0)"
}

# A date no clock gives (a hostile file; SQLite keeps 9e999 as infinity): recent said "Fatal error: Double
# value cannot be converted to Int" and stopped with SIGILL.
for opened in 9e999 -9e999 -9.3e18 9.3e18; do
    store_with "opened$opened" "$(thread_opened_at "$opened")"
    env -i PATH="$PATH" XDG_STATE_HOME="$work/opened$opened" "$BIN" recent --list >"$work/out" 2>"$work/err"
    status=$?
    if [ "$status" -eq 0 ] && grep -q '^1\. Far away$' "$work/out" && [ ! -s "$work/err" ]; then
        pass "recent lists a thread opened at $opened"
    else
        fail "recent lists a thread opened at $opened" "exit $status: $(head -c 300 "$work/err")"
    fi
done

cli_finish
