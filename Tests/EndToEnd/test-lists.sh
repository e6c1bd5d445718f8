#!/usr/bin/env bash
# End-to-end: front pages (issue 19) against replay_server.py, fed with the recorded lists in
# Tests/Fixtures/http/lists and lists assembled from the thread fixtures (whose stories open): each
# site's list printed and on screen, a story opened and `q` back to the same row marked read, the
# next page, the saved copy offline and when the network fails, a page with missing stories.
# Usage: test-lists.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-lists.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
source "$HERE/replay_lib.sh"
start_replay lists
apis=(env "XDG_CACHE_HOME=$XDG_CACHE_HOME" "XDG_STATE_HOME=$work/state" "TREAD_HN_API=$TREAD_HN_API"
    "TREAD_REDDIT_API=$TREAD_REDDIT_API" "TREAD_LOBSTERS_API=$TREAD_LOBSTERS_API"
    "TREAD_HN_ALGOLIA_API=$TREAD_HN_ALGOLIA_API")

# expect_print NAME LINES FIRST ARGS...: `tread --print ARGS` exits 0 with LINES stories, the first holding FIRST.
expect_print() {
    local name=$1 lines=$2 first=$3
    shift 3
    "$BIN" --print "$@" </dev/null >"$work/out" 2>"$work/err"
    local status=$? count
    count=$(grep -c '^[0-9]*\.	' "$work/out")
    if [ "$status" -eq 0 ] && [ "$count" -eq "$lines" ] && head -n 1 "$work/out" | grep -qF -- "$first"; then
        pass "$name"
    else
        fail "$name: exit $status, $count lines: $(head -c 300 "$work/out" "$work/err")"
    fi
}

# --- printed: one story a line, never the reader ---
expect_print "Lobsters hottest (recorded)" 25 "Reorient GitHub Pull Requests" lobsters
expect_print "Reddit front page (recorded)" 25 "Red Dead Redemption 2 Official Trailer (youtube.com)" reddit
expect_print "Discourse latest (recorded), forum on its own host" 30 "Welcome to our community!" "$base/latest"
expect_print "Hacker News top: ids, then the page's items" 3 "IBM orders US sales" hn
grep -q "^# 27 stories could not be fetched" "$work/out" && pass "a page with missing items says how many" ||
    fail "missing items: $(tail -n 2 "$work/out")"
grep -q "27 stories could not be fetched of the first page" "$work/err" && pass "and says it on standard error" ||
    fail "missing on stderr: $(cat "$work/err")"
[ "$(grep -c '^/hn/item/' "$work/requests")" -eq 30 ] && pass "HN asks for one page of items (30)" ||
    fail "HN items asked: $(grep -c '^/hn/item/' "$work/requests")"
expect_print "Reddit r/SUB/new" 10 "Introducing Reddit Polls" r/announcements/new
grep -q "^/reddit/r/announcements/new.json?raw_json=1&limit=30 " "$work/requests" && pass "Reddit listing request" ||
    fail "Reddit request: $(grep reddit/r "$work/requests")"
printf 'one\n' >"$work/hn"
(cd "$work" && "$BIN" --print hn >"$work/out" 2>&1)
grep -q "hn:1:1" "$work/out" && pass "a file named like a list is still the file" || fail "file hn: $(head -c 200 "$work/out")"

# --- offline: the saved copy ---
expect_print "--offline prints the saved copy" 25 "Reorient GitHub" --offline lobsters
TREAD_LOBSTERS_API=http://127.0.0.1:1 "$BIN" --print lobsters >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "showing the copy saved .* ago (the network failed)" "$work/err" &&
    pass "a failed network shows the copy and says so" || fail "network failed: $(cat "$work/err")"
TREAD_LOBSTERS_API=http://127.0.0.1:1 "$BIN" --print lobsters:t/nosuchtag >"$work/out" 2>"$work/err"
status=$?
[ $status -eq 75 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "cannot connect" "$work/err" &&
    pass "no copy and no network: one line, 75" || fail "no copy: $status $(cat "$work/err")"
"$BIN" --print --offline hn:best >"$work/out" 2>"$work/err"
[ $? -eq 69 ] && grep -q "no saved copy" "$work/err" && pass "--offline with no copy: 69" || fail "offline no copy"
TREAD_REDDIT_API="$base/fault/500/reddit" "$BIN" --print r/x/top?t=week >"$work/out" 2>"$work/err"
[ $? -eq 75 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && pass "a busy site: one line, 75" || fail "busy: $(cat "$work/err")"

mkdir -p "$work/startconfig/tread" && printf 'start = "lobsters"\n' >"$work/startconfig/tread/config.toml"
XDG_CONFIG_HOME="$work/startconfig" expect_print "config start: tread with no argument opens that list" 25 "Reorient GitHub" --offline

# --- on screen: open a story, q back to the same row, read ---
start_app 100 30 "${apis[@]}" "$BIN" lobsters:newest
expect_screen "lobsters:newest · 3 stories" "the list opens"
expect_screen "> 1. What problems do people solve with strace? (jvns.ca)" "first story selected"
send j
expect_screen "> 2. systemd Services Are Easy (blog.akerl.org)" "j moves down"
send Enter
expect_screen "15 points · 3 comments" "Enter opens the story in the reader, its score and count in the header"
expect_gone "lobsters:newest · 3 stories" "the list is gone while reading"
send q
expect_screen "> 2. systemd Services Are Easy" "q in the reader comes back to the same row"
expect_screen "3 comments · 0 added · 1 unread" "the story read says nothing was added and one comment was never on screen"
send k Enter
expect_screen "18 points · 7 comments" "the first story opens"
send '>'
expect_screen "15 points · 3 comments" "> in the reader goes straight to the next story"
send '<'
expect_screen "18 points · 7 comments" "< goes back to the previous story"
send '>' q
expect_screen "> 2. systemd Services Are Easy" "q after > comes back on the story read last"
# The pipe's last command and the save's last directory last the session, from story to story (each
# story is a reader of its own; they used to start again from the config's command and no directory).
mkdir -p "$work/saved"
send Enter
expect_screen "── 3 comments" "the story opens again"
send '|' C-u
send -l "cp /dev/stdin $work/piped.md"
send Enter
expect_status "cp ended (exit status 0)" "a command piped from one story"
[ -s "$work/piped.md" ] && pass "the comment reached the command" || fail "nothing piped to $work/piped.md"
send w
send -l "$work/saved/one.md"
send Enter
expect_status "saved 1 comment to" "a comment saved from that story"
send q k Enter
expect_screen "── 7 comments" "another story of the list opens"
send '|'
expect_status "pipe the comment to: cp /dev/stdin $work/piped.md" "the next story's pipe offers the command run last"
send Escape w
expect_status "save the comment to: $work/saved/" "and its save the directory used last"
send Escape '>' '|'
expect_status "pipe the comment to: cp /dev/stdin $work/piped.md" "> to the next story keeps them too"
send Escape q
expect_screen "> 2. systemd Services Are Easy" "back on the list"
send q
expect_exit 0 "q in the list quits"
expect_tty_restored "the terminal is restored"

# --- the next page, Reddit marks, search ---
start_app 100 30 "${apis[@]}" "$BIN" reddit
expect_screen "reddit · 25 stories" "the Reddit list opens"
expect_screen "Megathread" "flair shows as a mark"
send G
expect_screen "reddit · 50 stories" "reaching the end loads the next page"
send / N i n t e n d o Space S w i t c h Enter
expect_screen "> 27. First Look at Nintendo Switch" "/ searches titles from the selection"
send n n n n
expect_screen ">  2. First Look at Nintendo Switch" "n finds the next title, wrapping round"
send q
expect_exit 0 "q quits after paging"

# --- a story that cannot be fetched: the list stays, the failure on its status line ---
start_app 100 30 "${apis[@]}" "$BIN" reddit
expect_screen ">  1. Red Dead Redemption 2 Official Trailer" "the Reddit list opens on its first story"
send Enter
expect_status "58hakw" "a story whose fetch fails: the failure on the list's status line, with its address"
expect_screen ">  1. Red Dead Redemption 2 Official Trailer" "the list shows again, the row still selected"
expect_status "not found (HTTP 404)" "the status line says the thread fetch's reason"
send j
expect_screen ">  2. " "the list still takes keys after the failure"
send q
expect_exit 0 "q quits the list after a story failed"

start_app 100 30 "${apis[@]}" "$BIN" "$base/latest"
expect_screen "pinned" "Discourse: pinned mark"
send G
expect_screen "· 35 stories" "Discourse: the end loads the next page (?page=1)"
send j Enter
expect_screen "comments" "a Discourse topic from its list opens"
send q
expect_screen "> 31. " "back on the Discourse row"
# A recorded topic of 35 posts: the article, 31 comments and 3 events (pinned, closed, unpinned). The list
# counts the site's 34 until it is read, then the reader's 31, and nothing added (it said "3 added").
send j
expect_screen "34 comments" "a topic never read shows the site's count (its events in it)"
send Enter
expect_screen "── 31 comments" "the topic opens: 31 comments, its events one-line events"
send q
expect_screen "> 32. " "back on the topic's row"
expect_screen "31 comments · 0 added" "read, the row counts the comments the reader shows, none added"
expect_gone "34 comments" "the site's count, events in it, is gone from the row"
send q
expect_exit 0 "Discourse list quits"

# --- a permalink lands on its comment ---
start_app 100 30 "${apis[@]}" "$BIN" "https://old.reddit.com/r/LifeProTips/comments/441hsf/x/czmznnp/?context=3"
expect_screen "? help" "a Reddit comment permalink opens the thread"
expect_gone "not in this thread" "the permalink's comment is found"
status_line | grep -qv "comment 1 of" && pass "the permalink's comment is selected, not the first" ||
    fail "permalink selection: $(status_line)"
send q
expect_exit 0 "q leaves the permalink's thread"

# An HN item that is a comment: its parents up to the story (Algolia has not the item here, the
# official API's items name their parent), the whole story opened with the comment selected.
start_app 100 30 "${apis[@]}" "$BIN" "https://news.ycombinator.com/item?id=43732616"
expect_status "depth 17" "the HN comment (17 deep) is selected, its ancestors unfolded"
expect_gone "not in this thread" "the HN comment is found"
# The story's title shows only while the fetch runs, or at the top: g goes there (waiting for the
# title's first frame lost a race when the comment was selected before tmux looked).
send g
expect_screen "IBM orders US sales" "an HN comment's permalink opens its story's whole thread"
send q
expect_exit 0 "q leaves the HN comment's thread"

# A Lobsters comment link (#c_SHORT): the whole story, the comment (third level) selected.
start_app 100 30 "${apis[@]}" "$BIN" "https://lobste.rs/s/tdfoqh/ranking_comments#c_lqqn3a"
expect_screen "? help" "a Lobsters comment link opens the story"
expect_status "depth 3" "the Lobsters comment is selected, its ancestors unfolded"
send q
expect_exit 0 "q leaves the Lobsters comment's thread"

# The site's own comment link (/c/SHORT) names no story: /c/SHORT.json does, then as #c_SHORT.
start_app 100 30 "${apis[@]}" "$BIN" "https://lobste.rs/c/lqqn3a"
expect_screen "? help" "a Lobsters /c/ comment link opens the story"
expect_status "depth 3" "the /c/ link's comment is selected"
send q
expect_exit 0 "q leaves the /c/ link's thread"
grep -q "^/lobsters/c/lqqn3a.json " "$work/requests" && pass "the comment's story is asked of /c/SHORT.json" ||
    fail "no /c/ request: $(grep lobsters/c "$work/requests")"
"$BIN" --print --offline "https://lobste.rs/c/lqqn3a" >"$work/out" 2>"$work/err"
[ $? -eq 69 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && pass "a /c/ link offline: one line, 69" ||
    fail "/c/ offline: $(cat "$work/err")"

start_app 100 30 "${apis[@]}" "$BIN" hn
expect_screen "hn · 3 stories · 27 missing" "HN list says how many are missing"
send q
expect_exit 0 "HN list quits"

finish
