#!/usr/bin/env bash
# End-to-end: the config and the reading state against a hostile file (the red team of issue 24's round
# four): a config that is a FIFO, a TOML string cut by a \u0000 escape, `tread config` printing a
# kill rule's control characters, a store whose v3 rows hold values of the wrong type.
# Usage: test-config-faults.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"
sample="$REPO/SampleData/zte-partial-reprieve.json"

# A FIFO where the config is: an error (78) at once, not a tread waiting for ever for a writer.
mkdir -p "$work/fifo/tread"
mkfifo "$work/fifo/tread/config.toml"
timeout 10 env XDG_CONFIG_HOME="$work/fifo" "$BIN" --print "$sample" >/dev/null 2>"$work/err"
got=$?
if [ "$got" -eq 78 ] && grep -qF "config.toml: is a FIFO, not a file" "$work/err"; then
    pass "a config that is a FIFO is an error, at once"
else
    fail "a config that is a FIFO is an error, at once" "exit $got: $(head -c 300 "$work/err")"
fi
timeout 10 "$BIN" config --file "$work/fifo/tread/config.toml" >/dev/null 2>"$work/err"
got=$?
[ "$got" -eq 78 ] && pass "tread config --file FIFO is an error, at once" ||
    fail "tread config --file FIFO is an error, at once" "exit $got: $(head -c 300 "$work/err")"
# /dev/null is an empty config, as before.
"$BIN" config --file /dev/null >/dev/null 2>"$work/err" && pass "tread config --file /dev/null reads an empty config" ||
    fail "tread config --file /dev/null reads an empty config" "$(head -c 300 "$work/err")"

# A \u0000 escape in a TOML string: TOMLKit hands strings over as C strings, so the value would be cut
# at it in silence (sort = "top\u0000zz" read as "top"). Refused, naming the line.
expect_nul() {
    printf '%s\n' "$2" >"$work/nul.toml"
    "$BIN" config --file "$work/nul.toml" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 78 ] && grep -qF "nul.toml:$3: " "$work/err" && grep -qF 'NUL' "$work/err" && [ ! -s "$work/out" ]; then
        pass "$1"
    else
        fail "$1" "exit $got: $(head -c 300 "$work/err")"
    fi
}
expect_nul "a \\u0000 in a setting is refused, not cut" 'sort = "top\u0000zz"' 1
expect_nul "a \\U00000000 in a theme is refused" $'theme = "dark\\U00000000x"' 1
expect_nul "a \\u0000 in the pipe's command is refused" $'[pipe]\ncommand = ["le\\u0000ss"]' 2
expect_nul "a \\u0000 in a kill rule's query is refused" $'# a rule\n[[kill]]\nquery = "author:\\"a\\u0000b\\""' 3
expect_nul "a \\u0000 in a multi-line string is refused" $'[[kill]]\nquery = """\nspam\\u0000\n"""' 3
expect_nul "a \\u0000 in a quoted key is refused" $'[keys]\n"quit\\u0000x" = ["q"]' 2
printf '%s\n' "start = 'a\\u0000b' # \\u0000 in a comment" '[[kill]]' 'query = "a\\\\u0000"' >"$work/lit.toml"
if "$BIN" config --file "$work/lit.toml" >"$work/out" 2>"$work/err" && grep -qF 'start = "a\\u0000b"' "$work/out"; then
    pass "\\u0000 in a literal string, a comment or after an escaped backslash is text"
else
    fail "\\u0000 in a literal string, a comment or after an escaped backslash is text" "$(head -c 300 "$work/err")"
fi

# theme = "dark" and a [theme] table: TOML's own error, with what to write instead.
printf 'theme = "dark"\n[theme]\nop = "green"\n' >"$work/both.toml"
"$BIN" config --file "$work/both.toml" >/dev/null 2>"$work/err"
got=$?
if [ "$got" -eq 78 ] && grep -qF 'write the preset inside it: preset = "dark"' "$work/err"; then
    pass "theme = \"dark\" with a [theme] table says where the preset goes"
else
    fail "theme = \"dark\" with a [theme] table says where the preset goes" "exit $got: $(cat "$work/err")"
fi

# `tread config` prints a kill rule's query and site as TOML escapes: no control reaches the terminal,
# and what it prints reads back as the same config.
printf '%s\n' '[[kill]]' 'query = "\"a\u001b]0;pwned\u0007b\" or tab\tword"' 'site = "hn"' >"$work/esc.toml"
if "$BIN" config --file "$work/esc.toml" >"$work/printed.toml" 2>"$work/err"; then
    if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$work/printed.toml"; then
        fail "tread config prints no control character" "$(grep -n 'query' "$work/printed.toml" | cat -v)"
    else
        pass "tread config prints no control character"
    fi
    if "$BIN" config --file "$work/printed.toml" >"$work/again.toml" 2>"$work/err" &&
        cmp -s "$work/printed.toml" "$work/again.toml"; then
        pass "a kill rule with controls reads back the same"
    else
        fail "a kill rule with controls reads back the same" "$(head -c 300 "$work/err")"
    fi
else
    fail "a kill rule with controls is a config" "$(head -c 300 "$work/err")"
fi

# A store (schema v3) whose thread row holds a value of the wrong type: `recent` says the store is
# damaged (65), it does not crash, and the row (a title from a document) never reaches standard error.
make_store() {
    mkdir -p "$work/state/tread"
    rm -f "$work/state/tread/state.sqlite"*
    python3 - "$work/state/tread/state.sqlite" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES ('v1'), ('v2'), ('v3');
CREATE TABLE thread (key TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, site TEXT, url TEXT, path TEXT,
  opened REAL NOT NULL, saved REAL NOT NULL, commentCount INTEGER NOT NULL, newCount INTEGER NOT NULL,
  seenBits INTEGER NOT NULL, seenCount INTEGER NOT NULL, markedNew BLOB NOT NULL, folded BLOB NOT NULL,
  selected INTEGER, selectedRow INTEGER NOT NULL, revision INTEGER NOT NULL, address TEXT,
  addedCount INTEGER, unreadCount INTEGER);
CREATE TABLE seen (threadKey TEXT NOT NULL, bucket INTEGER NOT NULL, hashes BLOB NOT NULL,
  PRIMARY KEY (threadKey, bucket));
CREATE TABLE mark (threadKey TEXT NOT NULL, letter TEXT NOT NULL, comment INTEGER NOT NULL,
  PRIMARY KEY (threadKey, letter));
CREATE TABLE known (threadKey TEXT PRIMARY KEY NOT NULL, hashes BLOB NOT NULL);
""")
db.execute("""INSERT INTO thread VALUES ('k', ?, 'hn', NULL, '/nowhere.json', 1700000000, 1700000000, 7, 0,
  0, 0, x'', x'', NULL, 0, 1, NULL, 2, 3)""", ("title \x1b]0;pwned\x07 end",))
db.execute(sys.argv[2])
db.commit()
PY
}
expect_damaged() {
    make_store "$2"
    XDG_STATE_HOME="$work/state" "$BIN" recent >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 65 ] && grep -qF "is damaged" "$work/err" && ! grep -q $'\x1b' "$work/err" &&
        ! grep -qF "Fatal error" "$work/err"; then
        pass "$1"
    else
        fail "$1" "exit $got: $(head -c 300 "$work/err" | cat -v)"
    fi
}
make_store "SELECT 1"
XDG_STATE_HOME="$work/state" "$BIN" recent >"$work/out" 2>"$work/err" && grep -qF "2 added" "$work/out" &&
    pass "the hand-made store reads" || fail "the hand-made store reads" "$(cat "$work/err" "$work/out" | head -c 300)"
expect_damaged "an added count that is text: damaged, not a crash" "UPDATE thread SET addedCount = 'abc'"
expect_damaged "an unread count that is a blob: damaged, not a crash" "UPDATE thread SET unreadCount = x'00'"
expect_damaged "a negative added count: damaged" "UPDATE thread SET addedCount = -5"
expect_damaged "an opening date that is text: damaged, not a crash" "UPDATE thread SET opened = 'x'"
expect_damaged "a title that is a blob: damaged, not a crash" "UPDATE thread SET title = x'ff00'"

cli_finish
