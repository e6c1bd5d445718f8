#!/usr/bin/env bash
# End-to-end: the command line on broken and odd input. Every failure is one line on
# standard error naming the file, and a sysexits status; nothing is drawn.
# Usage: test-cli.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

# expect NAME STATUS PATTERN ARGS...: runs tread, checks the status, that stderr is one line
# matching PATTERN (when STATUS is not 0; a usage error, 64, may add the usage after its first line),
# and that stdout holds no escape character.
expect() {
    local name=$1 status=$2 pattern=$3
    shift 3
    "$BIN" "$@" </dev/null >"$work/out" 2>"$work/err"
    local got=$?
    local lines
    lines=$(wc -l <"$work/err")
    if [ "$status" -eq 64 ]; then
        lines=1
        head -n 1 "$work/err" >"$work/err.first" && mv "$work/err.first" "$work/err"
    fi
    if [ "$got" -ne "$status" ]; then
        fail "$name" "exit $got, expected $status; stderr: $(head -c 300 "$work/err")"
    elif [ "$status" -ne 0 ] && { [ "$lines" -ne 1 ] || ! grep -qE -- "$pattern" "$work/err"; }; then
        fail "$name" "stderr is not one line matching '$pattern': $(head -c 300 "$work/err")"
    elif grep -q $'\e' "$work/out"; then
        fail "$name" "standard output holds an escape character"
    else
        pass "$name"
    fi
}

printf '' >"$work/empty.json"
printf '{"article": {"title": "T"}, "comments": [{"id": "a"' >"$work/truncated.json"
head -c 4096 /dev/urandom >"$work/binary.json"
printf '{"name": "not a discussion", "items": [1, 2]}' >"$work/other.json"
printf '{"article": {"title": "T"}, "comments": [{"id": "a", "author": 42}]}' >"$work/number.json"
printf '{"article": {"title": "T"}, "comments": [{"id": "a"}, {"id": "a"}]}' >"$work/dup.json"
printf '{"article": {"title": "T"}, "comments": [{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}]}' >"$work/loop.json"
printf '{"article": {"title": "T"},\n "comments": [{"id": "a"}}' >"$work/syntax.json"
printf '{"article": {"title": "T"}, "comments": [{"body": "ok \xff\xfe bytes"}]}' >"$work/invalid-utf8.json"
python3 - "$work/deep.json" <<'PY'
import sys
depth = 100000
with open(sys.argv[1], "w") as f:
    f.write('{"article":{"title":"Deep"},"comments":[')
    f.write('{"body":"x","replies":[' * depth)
    f.write(']}' * depth)
    f.write(']}')
PY

expect "missing file exits 66" 66 "nope.json: cannot open: no such file" "$work/nope.json"
expect "directory exits 66" 66 "is a directory" "$work"
expect "empty file exits 65" 65 "empty.json: the file is empty" "$work/empty.json"
expect "truncated JSON exits 65 with a position" 65 "truncated.json:1:[0-9]+: not valid JSON" "$work/truncated.json"
expect "binary file exits 65" 65 "binary.json" "$work/binary.json"
expect "JSON that is not a discussion exits 65" 65 "other.json" "$work/other.json"
expect "a number where a string belongs exits 65" 65 "number.json:1:[0-9]+: .*author.* must be a string" "$work/number.json"
expect "duplicate ids exit 65" 65 "dup.json:1:[0-9]+: two comments have the id \"a\"" "$work/dup.json"
expect "a parent loop exits 65" 65 "loop.json: the parents of comments" "$work/loop.json"
expect "syntax errors give line and column" 65 "syntax.json:2:[0-9]+: not valid JSON" "$work/syntax.json"
expect "an unknown option exits 64" 64 "." --no-such-option
expect "a bad width exits 64" 64 "width" --width 0
expect "invalid UTF-8 still opens" 0 "" --print "$work/invalid-utf8.json"
expect "a 100,000-deep nested document opens" 0 "" --print --width 60 --depth 3 "$work/deep.json"
expect "the bundled sample prints" 0 "" --print
if [ "$(id -u)" -ne 0 ]; then
    printf '{}' >"$work/unreadable.json" && chmod 000 "$work/unreadable.json"
    expect "an unreadable file exits 66" 66 "unreadable.json: cannot open: permission denied" "$work/unreadable.json"
fi

# Standard input closed: "-" cannot be read.
"$BIN" --print - <&- >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -eq 66 ] && grep -q "standard input" "$work/err"; then pass "closed standard input exits 66"; else
    fail "closed standard input exits 66" "exit $status: $(cat "$work/err")"; fi

# Standard input as a document.
if "$BIN" --print - <"$work/invalid-utf8.json" | grep -q "ok"; then pass "a document on standard input prints"; else
    fail "a document on standard input prints" "no output"; fi

# When output is not a terminal, tread FILE prints instead of opening the reader.
if "$BIN" | grep -q "── 7 comments"; then pass "output to a pipe prints the thread"; else
    fail "output to a pipe prints the thread" "no rule with the comment count"; fi

# The sample is found from any directory (it is compiled in).
if (cd / && "$BIN" --print | grep -q "sone economic clout"); then pass "the sample opens from another directory"; else
    fail "the sample opens from another directory" "missing text"; fi

python3 "$GEN" --comments 300 --hostile --seed 3 -q -o "$work/hostile.json"
python3 "$GEN" --comments 300 --invalid-utf8 --seed 4 -q -o "$work/invalid.json"
python3 "$GEN" --comments 300 --unicode --seed 5 -q -o "$work/unicode.json"
for doc in hostile invalid unicode; do
    "$BIN" --print --width 70 "$work/$doc.json" >"$work/$doc.txt" 2>"$work/err"
    # No ESC, no C0 but newline, no C1 (U+0080-U+009F), no bidi controls in the printed text.
    if python3 - "$work/$doc.txt" <<'PY'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
bad = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F
   or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad else 0)
PY
    then pass "--print of a $doc document holds no control characters"; else
        fail "--print of a $doc document holds no control characters" "found some (see $doc.txt)"; fi
done

# --- Issue 9 and 15: version, completions, notes, sizes, pipes, streams, atomic convert -o -----
if [ "$("$BIN" --version)" = "0.3.0" ]; then pass "tread --version prints the version"; else
    fail "tread --version prints the version" "$("$BIN" --version 2>&1 | head -c 200)"; fi
for shell in bash zsh fish; do
    if "$BIN" --generate-completion-script "$shell" >"$work/completion" 2>"$work/err" && grep -q "convert" "$work/completion"; then
        pass "a $shell completion script is generated"
    else
        fail "a $shell completion script is generated" "$(head -c 200 "$work/err")"
    fi
done

# docs/tread.1 is generated from the help (Scripts/generate-man.sh): every option of every command is in it.
missing=""
for command in read convert stats; do
    for option in $("$BIN" help "$command" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
        grep -qE -- "Fl (-${option#--}|[a-z] , -${option#--})( |$)" "$REPO/docs/tread.1" || missing="$missing $command $option"
    done
done
if [ -z "$missing" ]; then pass "the man page lists every option (else run Scripts/generate-man.sh)"; else
    fail "the man page lists every option (else run Scripts/generate-man.sh)" "missing:$missing"; fi

# A Reddit thread with one item of an unknown kind: skipped, said on stderr, and the rest is good.
printf '[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"title":"T","id":"p","selftext":""}}]}},{"kind":"Listing","data":{"children":[{"kind":"t1","data":{"id":"a","body":"hi","author":"x"}},{"kind":"t9","data":{}}]}}]' >"$work/skip.json"
for command in "--print" "convert" "stats"; do
    "$BIN" $command "$work/skip.json" >"$work/out" 2>"$work/err"
    status=$?
    if [ "$status" -eq 0 ] && grep -q "skip.json: 1 item skipped" "$work/err"; then
        pass "$command says on stderr what it skipped and exits 0"
    else
        fail "$command says on stderr what it skipped and exits 0" "exit $status: $(head -c 200 "$work/err")"
    fi
done

# stats' bytes is the file's size, whatever the format.
for doc in "$FIXTURES"/reddit/funny_ba_dum_tsss_3hahrw_sort_old.json "$FIXTURES"/hn_algolia/item17_pg_comment_subtree_2014.json \
    "$REPO/SampleData/zte-partial-reprieve.json"; do
    size=$(stat -c %s "$doc")
    got=$("$BIN" stats "$doc" 2>/dev/null | sed -n 's/^bytes *//p' | tr -d ,)
    if [ "$got" = "$size" ]; then pass "stats' bytes is the size of $(basename "$doc")"; else
        fail "stats' bytes is the size of $(basename "$doc")" "got $got, file has $size"; fi
done

# --print into a pipe closed early ends quietly.
python3 "$GEN" --comments 3000 --seed 9 -q -o "$work/long.json"
"$BIN" --print "$work/long.json" 2>"$work/err" | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ] && [ ! -s "$work/err" ]; then pass "--print into a closed pipe ends quietly"; else
    fail "--print into a closed pipe ends quietly" "exit $status: $(head -c 200 "$work/err")"; fi

# /dev/zero is refused at once, not after reading 4 GiB.
for source in "file" "stdin"; do
    if [ "$source" = file ]; then timeout 3 "$BIN" --print /dev/zero >/dev/null 2>"$work/err"; else
        timeout 3 "$BIN" --print - </dev/zero >/dev/null 2>"$work/err"; fi
    status=$?
    if [ "$status" -eq 65 ] && grep -q "not valid JSON" "$work/err"; then pass "/dev/zero as $source is refused at once"; else
        fail "/dev/zero as $source is refused at once" "exit $status: $(head -c 200 "$work/err")"; fi
done

# convert -o writes beside and renames: the old file's inode is replaced, not truncated in place.
sample="$REPO/SampleData/zte-partial-reprieve.json"
echo "old content" >"$work/target.json"
ln "$work/target.json" "$work/hardlink.json"
if "$BIN" convert "$sample" -o "$work/target.json" 2>"$work/err" && [ "$(cat "$work/hardlink.json")" = "old content" ] \
    && "$BIN" stats "$work/target.json" >/dev/null 2>&1; then
    pass "convert -o replaces the target by rename (a hard link keeps the old content)"
else
    fail "convert -o replaces the target by rename (a hard link keeps the old content)" "$(head -c 200 "$work/err")"
fi
if ls -a "$work" | grep -q "tread-"; then fail "convert -o leaves no temporary file" "$(ls -a "$work")"; else
    pass "convert -o leaves no temporary file"; fi
rm -f "$work/new.json"
(umask 000 && "$BIN" convert "$sample" -o "$work/new.json")
if [ "$(stat -c %a "$work/new.json")" = "666" ]; then pass "a new convert -o file gets 0666 less the umask"; else
    fail "a new convert -o file gets 0666 less the umask" "mode $(stat -c %a "$work/new.json")"; fi
chmod 600 "$work/target.json"
"$BIN" convert "$sample" -o "$work/target.json"
if [ "$(stat -c %a "$work/target.json")" = "600" ]; then pass "convert -o keeps an existing file's mode"; else
    fail "convert -o keeps an existing file's mode" "mode $(stat -c %a "$work/target.json")"; fi
ln -s target.json "$work/link.json"
"$BIN" convert "$sample" -o "$work/link.json"
if [ -L "$work/link.json" ] && cmp -s "$work/link.json" "$work/new.json"; then
    pass "convert -o through a symbolic link replaces the file it names and keeps the link"
else
    fail "convert -o through a symbolic link replaces the file it names and keeps the link" "$(ls -l "$work/link.json")"
fi
if [ -w /dev/full ]; then
    "$BIN" convert "$sample" -o /dev/full 2>"$work/err"
    status=$?
    if [ "$status" -eq 74 ] && grep -q "/dev/full: cannot write" "$work/err"; then pass "convert -o to a full device exits 74"; else
        fail "convert -o to a full device exits 74" "exit $status: $(head -c 200 "$work/err")"; fi
fi

# Every saved discussion of the corpus prints, and converts to the canonical format stably.
for doc in "$FIXTURES"/*/*.json; do
    name=$(basename "$(dirname "$doc")")/$(basename "$doc")
    if ! "$BIN" --print --width 90 "$doc" >"$work/corpus.txt" 2>"$work/err" || ! grep -q "── " "$work/corpus.txt"; then
        fail "corpus $name prints" "$(head -c 300 "$work/err")"
        continue
    fi
    if "$BIN" convert "$doc" -o "$work/once.json" 2>"$work/err" && "$BIN" convert "$work/once.json" >"$work/twice.json" 2>>"$work/err" \
        && cmp -s "$work/once.json" "$work/twice.json"; then
        pass "corpus $name prints and converts stably"
    else
        fail "corpus $name converts stably" "$(head -c 300 "$work/err")"
    fi
done

cli_finish
