#!/usr/bin/env bash
# End-to-end: what a daily user hit (issue 23): the article's own links, `R` on a big file, a file
# rewritten in place while open, an invalid filter, counts over tall comments, occurrences, visits,
# added since the last visit apart from unread (bug 8).
# Usage: test-daily.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-daily.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
GEN="$REPO/Scripts/gen_thread.py"
FIXTURES="$REPO/Tests/Fixtures"
work="$E2E_DIR/daily"
mkdir -p "$work"
# `o` and `y` hand their link to these: the opened or copied URL lands in a file.
cat >"$work/opener" <<'SCRIPT'
#!/bin/sh
printf '%s\n' "$1" >>"$OPENED"
SCRIPT
chmod +x "$work/opener"

# --- The article's own links: `g` selects the article, `2o` opens its link 2 (Lobsters at 100x35) ---
lobsters="$FIXTURES/lobsters/tdfoqh_ranking_comments_2025_depth_format.json"
start_app 100 35 env BROWSER="$work/opener" OPENED="$work/opened" "$BIN" "$lobsters"
expect_screen "Ranking comments" "the Lobsters thread opens"
send j j g
expect_status "article" "g selects the article though its first comment shows below it"
send o
expect_screen "open which link?" "o on the article offers the article's links"
expect_screen "ekvqcf" "the picker lists the article's own link"
send 1
poll_until 10 grep -q "ekvqcf" "$work/opened"
if grep -q "ekvqcf" "$work/opened" 2>/dev/null; then pass "1 in the picker opens the article's link"; else
    fail "1 in the picker opens the article's link (opened: $(cat "$work/opened" 2>/dev/null))"; fi
send j
expect_status "comment 1 of" "j from the article selects the first comment"
send q
expect_exit 0 "q quits after the article's links"

# loaded: the background load has ended (the status line no longer says loading).
loaded() { ! status_line | grep -q "loading"; }

# --- `R` on a file over 8 MB, loaded in the background, reads it again -------------------------------
python3 "$GEN" --comments 30000 --seed 7 -q -o "$work/big.json"
[ "$(stat -c %s "$work/big.json")" -gt $((8 << 20)) ] && pass "the big file is over 8 MB" || fail "the big file is over 8 MB"
start_app 100 30 "$BIN" "$work/big.json"
expect_screen "synthetic-realistic-30000" "the big file opens"
poll_until 60 loaded
send R
wait_for "no new comments" 30 >/dev/null
expect_status "no new comments" "R on the big file reads it again"
if status_line | grep -q "no address or file"; then fail "R on a big file says it has no file"; else pass "R on a big file has its file"; fi
send q
expect_exit 0 "q quits after R on the big file"

# --- A file rewritten in place while open: never a byte of the new version, R reads it, q saves --------
python3 "$GEN" --comments 2000 --seed 3 -q -o "$work/small.json"
python3 "$GEN" --comments 2100 --seed 4 -q -o "$work/small-new.json"
newtitle=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["comments"][0]["body"][:40])' "$work/small-new.json")
state="$work/rewrite-state"
start_app 100 30 env XDG_STATE_HOME="$state" "$BIN" "$work/small.json"
expect_screen "synthetic-realistic-2000" "the small file opens"
send j
expect_status "comment 1 of 2,000" "j selects the first comment of the small file"
cat "$work/small-new.json" >"$work/small.json"
send j
expect_status "the file changed on disk: R reads the new version" "a small file rewritten longer is noticed"
if screen | grep -qF "$newtitle"; then fail "the rewritten file's text shows"; else pass "the old version stays on screen"; fi
send R
expect_status "new comments" "R reads the rewritten small file and merges it"
send g
expect_screen "synthetic-realistic-2100-4" "the new version's article shows after R"
: >"$work/small.json"
send G k
expect_status "the file changed on disk" "a small file cut to nothing is noticed, the reader goes on"
send q
expect_exit 0 "q quits after the file was cut"
if env XDG_STATE_HOME="$state" "$BIN" recent 2>&1 | grep -q "small.json"; then pass "the visit was saved on the way out";
else fail "the visit was saved on the way out ($(env XDG_STATE_HOME="$state" "$BIN" recent 2>&1 | head -3))"; fi

# A big (mapped) file: rewritten shorter in place, its new bytes are never drawn; R reads the new version.
python3 "$GEN" --comments 30000 --seed 8 -q -o "$work/big-new.json"
cp "$work/big.json" "$work/big-rw.json"
start_app 100 30 env XDG_STATE_HOME="$state" "$BIN" "$work/big-rw.json"
expect_screen "synthetic-realistic-30000-7" "the big file opens to be rewritten"
poll_until 60 loaded
send c
expect_status "comment 1 of 30" "c selects the first comment of the big file"
head -c 100000 "$work/big-new.json" >"$work/big-rw.json"
send 3 0 ']'
expect_status "the file changed on disk and cannot be shown" "a big file cut in place is noticed"
expect_screen "[the file changed on disk: R reads the new version]" "the big file's comments say it changed instead of its new bytes"
cat "$work/big-new.json" >"$work/big-rw.json"
send R
wait_for "the file's new version" 30 >/dev/null
expect_status "the file's new version" "R reads the rewritten big file"
send g
expect_screen "synthetic-realistic-30000-8" "the new version's address shows"
send q
expect_exit 0 "q quits after the big file was rewritten"

# --- Enter on a wrong filter query keeps the prompt open and says which query is on -----------------
start_app 100 24 "$BIN" "$REPO/SampleData/zte-partial-reprieve.json"
expect_screen "ZTE Complies" "the sample opens for the filter"
send '&'
send -l "iphone or"
expect_status "&iphone or" "the filter prompt echoes the query"
send Enter
expect_status "&iphone or" "Enter on a wrong query keeps the prompt open"
expect_status "on: iphone o" "the prompt says which query is on"
send BSpace BSpace BSpace Enter
expect_gone "&iphone" "Enter on a good query closes the prompt"
send '&'
expect_status "&iphone" "& opens on the query in force"
send Escape q
expect_exit 0 "q quits after the filter"

# --- Counts count comments, however tall, and show while typed (80x12) -----------------------------
python3 "$GEN" --comments 20 --shape flat --body-len 1500,2500 --seed 5 -q -o "$work/tall.json"
start_app 80 12 "$BIN" "$work/tall.json"
expect_screen "synthetic-flat-20" "the thread of tall comments opens"
send c
expect_status "comment 1 of 20" "c selects the first tall comment"
send 5
expect_status " 5  ? help" "the count shows while it is typed"
send j
expect_status "comment 6 of 20" "5j moves five comments past tall ones"
send 3 k
expect_status "comment 3 of 20" "3k moves three comments back"
send q
expect_exit 0 "q quits after counts"

# --- tread --help names the ways in: a URL, --print, --offline, --filter -------------------------------
# --- `n`/`N` step through occurrences, two in one tall comment, scrolling to each (bug 11) ------------
python3 - "$work/occurrences.json" <<'PY'
import json, sys
tall = "\n\n".join("filler line %d" % k for k in range(1, 61)).replace("filler line 10", "first zebra here").replace(
    "filler line 50", "second zebra there")
doc = {"article": {"title": "Occurrences"}, "comments": [
    {"id": "a", "author": "ann", "body": "one zebra"},
    {"id": "b", "author": "bob", "body": tall},
    {"id": "c", "author": "cy", "body": "last zebra"}]}
json.dump(doc, open(sys.argv[1], "w"))
PY
start_app 80 20 "$BIN" "$work/occurrences.json"
expect_screen "Occurrences" "the occurrences thread opens"
send / z e b r a Enter
expect_status "match 1 of 4" "a search counts occurrences, two in one comment"
send n
expect_status "match 2 of 4" "n goes to the first occurrence in the tall comment"
expect_screen "first zebra here" "n scrolls to the first occurrence"
send n
expect_status "match 3 of 4" "n stays in the tall comment for its second occurrence"
expect_screen "second zebra there" "n scrolls to the second occurrence in the same comment"
send N
expect_status "match 2 of 4" "N goes back to the first occurrence in the comment"
expect_screen "first zebra here" "N scrolls back to it"
send q
expect_exit 0 "q quits after the occurrences"

# --- `--print --filter` gives the reader's count, "filter: N of M" (bug 10) ------------------------------
"$BIN" --print --filter 'zebra' "$work/occurrences.json" >"$work/filter-out" 2>"$work/filter-err"
if grep -q "filter: 3 of 3" "$work/filter-err"; then pass "--print --filter says the reader's filter: 3 of 3"; else
    fail "--print --filter says the reader's count (stderr: $(cat "$work/filter-err"))"; fi
start_app 80 20 "$BIN" --filter 'zebra' "$work/occurrences.json"
expect_status "filter: 3 of 3" "the reader says the same count for the same filter"
send q
expect_exit 0 "q quits after the filter's count"
# A real thread, where the matches' ancestors are printed too: the printed rule counts what it prints
# and says the reader's filter beside it (it said "── 30 comments ──" alone).
ibm="$REPO/Tests/Fixtures/hn_firebase/ibm_rto_43727727_items.json"
"$BIN" --print --filter 'author:pg or remote' "$ibm" >"$work/filter-out" 2>"$work/filter-err"
if grep -q "^── 30 comments · filter: 19 of 351 ─" "$work/filter-out"; then
    pass "--print --filter's rule says the reader's filter beside what it prints"
else fail "--print --filter's rule: $(grep '^──' "$work/filter-out")"; fi
start_app 100 20 "$BIN" --filter 'author:pg or remote' "$ibm"
expect_status "filter: 19 of 351" "the reader says 19 of 351 for the same filter"
send q
expect_exit 0 "q quits after the real thread's filter"

help=$("$BIN" --help 2>&1)
for word in "tread URL" "--print" "--offline" "--filter"; do
    if grep -qF -- "$word" <<<"$help"; then pass "tread --help mentions $word"; else fail "tread --help mentions $word"; fi
done

# --- Added since the last visit vs unread (bug 8): an unchanged thread has 0 added, } goes to the added -----
added_state="$work/added-state"
added_doc="$work/added.json"
# write_added [N]: 40 comments c1..c40, then N (0-6) more: new1 under c3, new2 under c20, new3.. at the end.
write_added() {
    python3 - "$added_doc" "${1:-0}" <<'PY'
import json, sys
extra = int(sys.argv[2])
def c(id, replies=()):
    return {"id": id, "author": id, "body": "said " + id, "replies": list(replies)}
comments = [c("c%d" % n) for n in range(1, 41)]
if extra >= 1: comments[2]["replies"].append(c("new1"))
if extra >= 2: comments[19]["replies"].append(c("new2"))
comments += [c("new%d" % n) for n in range(3, extra + 1)]
json.dump({"article": {"title": "Added test", "body": ["An article."]}, "comments": comments},
          open(sys.argv[1] + ".tmp", "w"))
PY
    mv "$added_doc.tmp" "$added_doc"
}
recent_line() { env XDG_STATE_HOME="$added_state" "$BIN" recent --list | sed -n 2p; }
write_added 0
start_app 80 12 env XDG_STATE_HOME="$added_state" "$BIN" "$added_doc"
expect_screen "── 40 comments ──" "a first visit says nothing of added or unread"
send j j
expect_status "comment 3 of 40" "the first visit reads a bit"
send q
expect_exit 0 "q quits the first visit"
grep -qE '40 comments · 0 added · [0-9]+ unread' <<<"$(recent_line)" &&
    pass "recent: the first visit added nothing and left comments unread" || fail "recent after the first visit: $(recent_line)"
# The same thread saved again unchanged: nothing is added, though most of it was never on screen.
write_added 0
start_app 80 12 env XDG_STATE_HOME="$added_state" "$BIN" "$added_doc"
expect_screen "? help" "the unchanged thread reopens"
send g
expect_screen "── 40 comments · 0 added · " "an unchanged thread reopened has 0 added"
if screen | grep -qE '40 comments · 0 added · 3[0-9] unread'; then pass "and says what was never on screen is unread"; else
    fail "the rule's unread: $(screen | grep -F '40 comments')"; fi
send '}'
expect_status "no added comments" "} has nothing to go to on an unchanged thread"
send q
expect_exit 0 "q quits the unchanged visit"
# Saved again with 5 comments added.
write_added 5
start_app 80 12 env XDG_STATE_HOME="$added_state" "$BIN" "$added_doc"
expect_status "5 comments added: } goes to them" "reopened with 5 comments added, the status says so"
send g
expect_screen "── 45 comments · 5 added · " "the rule counts exactly the 5 added"
if screen | grep -qE '45 comments · 5 added · 3[0-9] unread'; then pass "the rule counts the unread apart"; else
    fail "the rule's unread: $(screen | grep -F '45 comments')"; fi
send '}'
expect_status "comment 4 of 45" "} goes to the first added comment (new1, under c3)"
expect_screen "new1 ●" "the added comment carries the marker"
send '}'
expect_status "comment 22 of 45" "the next } goes to new2, under c20"
# The status line read right after the keys could be the one before either was taken (comment 22,
# passing for nothing) or the article's, between them (failing): wait for g, then for ).
status_matches() { status_line | grep -qE -- "$1"; }
send g
poll_until 10 status_matches '^ article '
send ')'
poll_until 10 status_matches 'comment [0-9]+ of 45'
unread_target=$(status_line | grep -oE 'comment [0-9]+ of 45')
[ -n "$unread_target" ] && [ "$unread_target" != "comment 1 of 45" ] && pass ") goes to a comment never on screen ($unread_target)" ||
    fail ") from the article: $(status_line)"
# A reload that brings a comment during the visit: it is added (new to the reader), and known afterwards.
write_added 6
send R
wait_for "1 new comment" 10 >/dev/null
send g
expect_screen "── 46 comments · 6 added · " "a comment R brings counts as added"
send E q
expect_exit 0 "q quits the visit with comments added"
grep -qE '46 comments · 5 added · 0 unread' <<<"$(recent_line)" &&
    pass "recent says the 5 added at the start and what is unread" || fail "recent after the added visit: $(recent_line)"
start_app 80 12 env XDG_STATE_HOME="$added_state" "$BIN" "$added_doc"
expect_screen "? help" "the thread reopens after the reload"
send g
expect_screen "── 46 comments · 0 added · 0 unread" "what R brought is known on the next visit"
send q
expect_exit 0 "q quits the last visit"
grep -qE '46 comments · 0 added · 0 unread' <<<"$(recent_line)" &&
    pass "recent: nothing added, nothing unread" || fail "recent after the last visit: $(recent_line)"

finish
