#!/usr/bin/env bash
# End-to-end: opening threads by their address against a loopback server (replay_server.py) that
# replays the real threads in Tests/Fixtures and injects faults. Each fault gives one line naming
# the address and a sysexits status (69 unavailable, 75 temporary) and leaves the cache as it was;
# a saved copy opens offline and when the network fails.
# Usage: test-fetch.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-fetch.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
source "$HERE/replay_lib.sh"
start_replay fetch
export TREAD_FETCH_MAX_BYTES=1000000

# --- each site, through the replayed API ---
expect_count "Hacker News through Algolia" 11 "https://news.ycombinator.com/item?id=41003710"
grep -q "^/algolia/items/41003710 tread/" "$work/requests" && pass "User-Agent names tread" ||
    fail "User-Agent names tread: $(tail -n 1 "$work/requests")"
expect_count "Hacker News fails over to the official API" 351 hn:43727727
grep -q "^/algolia/items/43727727 " "$work/requests" && grep -q "^/hn/item/43727727.json " "$work/requests" &&
    pass "failover asked Algolia first, then the official API" || fail "failover requests"
# (41003710 is a comment: its story, 41002195, was asked for too, and is not there.)
[ "$(grep '^/hn/item/' "$work/requests" | grep -vc '^/hn/item/41002195\.json ')" -eq 352 ] &&
    pass "one request per item" || fail "one request per item: $(grep -c '^/hn/item/' "$work/requests")"
expect_count "Reddit comment permalink" 140 \
    "https://old.reddit.com/r/LifeProTips/comments/441hsf/lpt_when_people/czmq3xl/?context=3"
expect_count "Lobsters" 10 "https://lobste.rs/s/tdfoqh/ranking_comments"
expect_count "Discourse topic fetched in batches" 336 "$base/t/to-rbfx-and-not-to-rbfx/5864"
[ "$(grep -c '^/t/5864/posts.json' "$work/requests")" -eq 16 ] && pass "Discourse asked for the other 320 posts in 16 batches" ||
    fail "Discourse batches: $(grep -c '^/t/5864/posts.json' "$work/requests")"

# --- the copies ---
for name in hn-41003710 hn-43727727 reddit-441hsf lobsters-tdfoqh "discourse-127.0.0.1_$port-5864"; do
    [ -f "$cache/$name.json" ] && pass "copy $name saved" || fail "copy $name saved"
done
[ -z "$(find "$cache" -name '.tmp-*')" ] && pass "no temporary file left" || fail "temporary files left"
expect_count "a copy is a tread document" 140 "$cache/reddit-441hsf.json"
run convert "https://redd.it/441hsf" -o "$work/converted.json"
[ "$status" -eq 0 ] && cmp -s "$work/converted.json" "$cache/reddit-441hsf.json" &&
    pass "convert URL -o FILE writes the canonical document" || fail "convert URL: exit $status"
run --print --width 60 "https://lobste.rs/s/tdfoqh"
[ "$status" -eq 0 ] && grep -q "comments ──" "$work/out" && pass "--print URL prints the thread" ||
    fail "--print URL: exit $status $(head -c 200 "$work/err")"

# --- offline ---
asked=$(wc -l <"$work/requests")
run stats --offline "https://redd.it/441hsf"
[ "$status" -eq 0 ] && grep -q "showing the copy saved .* ago" "$work/err" && pass "--offline opens the copy and says its age" ||
    fail "--offline: exit $status $(head -c 300 "$work/err")"
[ "$(wc -l <"$work/requests")" -eq "$asked" ] && pass "--offline asks the server nothing" || fail "--offline made requests"
expect_failure "--offline without a copy" 69 "https://www.reddit.com/comments/zzzzz: no saved copy; run without --offline" \
    stats --offline "https://redd.it/zzzzz"
TREAD_REDDIT_API="http://127.0.0.1:1/reddit" run stats "https://redd.it/441hsf"
[ "$status" -eq 0 ] && grep -q "cannot connect (connection refused)" "$work/err" && grep -q "showing the copy saved" "$work/err" &&
    pass "no network: the copy opens, with the error and its age" || fail "no network fallback: exit $status $(cat "$work/err")"
# Bug 12: the copy is open already, so the error does not advise --offline (issue 23).
grep -q -- "--offline" "$work/err" && fail "after falling back to the copy stderr still advises --offline: $(cat "$work/err")" ||
    pass "after falling back to the copy stderr does not advise --offline"
TREAD_REDDIT_API="http://127.0.0.1:1/reddit" expect_failure "--refresh ignores the copy" 75 \
    "reddit/comments/441hsf.json\?raw_json=1: cannot connect \(connection refused\); check the network" \
    stats --refresh "https://redd.it/441hsf"

run stats --offline --refresh "https://redd.it/441hsf"
[ "$status" -eq 64 ] && grep -q "\-\-offline and --refresh contradict each other" "$work/err" &&
    pass "--offline with --refresh is a usage error" || fail "--offline --refresh: exit $status $(head -c 300 "$work/err")"

# --- faults: each one line and status, and nothing written to an empty cache ---
# Only the slow fault needs a short timeout: with 1 s for every fault, a loaded machine's server (or
# the gzip bomb's inflating) could outlast it and a fault read as "no answer".
fault() {
    local name=$1 want=$2 pattern=$3 timeout=10
    [ "$name" = slow ] && timeout=1
    rm -rf "$work/faultcache"
    XDG_CACHE_HOME="$work/faultcache" TREAD_LOBSTERS_API="$base/fault/$name/lobsters" TREAD_FETCH_TIMEOUT=$timeout expect_failure \
        "fault $name" "$want" "^tread: $base/fault/$name/lobsters/s/tdfoqh.json: $pattern" stats "https://lobste.rs/s/tdfoqh"
    [ -z "$(ls -A "$work/faultcache/tread" 2>/dev/null)" ] && pass "fault $name writes no copy" || fail "fault $name wrote a copy"
}
fault slow 75 "no answer within 1 s; try again later"
fault reset 75 "the response was cut short; try again"
fault 429 75 "the site is busy \(HTTP 429, asks to wait 1 s\); try again later"
fault 500 75 "the site is busy \(HTTP 500\); try again later"
fault html 69 "got a web page \(text/html; charset=utf-8\), not the thread's JSON"
fault big 69 "the response is larger than 1,000,000 bytes \(after decompression\)"
fault gzipbomb 69 "the response is larger than 1,000,000 bytes \(after decompression\)"
fault offsite 69 "redirects to another site \(http://localhost:$port/lobsters/s/tdfoqh.json\)"
fault loop 69 "too many redirects"
fault 404 69 "not found \(HTTP 404\); check the address"
fault 403 69 "refused \(HTTP 403\); the thread may be private"
expect_failure "name that does not resolve" 75 "cannot connect \(the host name does not resolve\)" \
    stats "http://no-such-host.invalid/t/slug/1"
TREAD_HN_API=ftp://x expect_failure "a bad API base" 78 "TREAD_HN_API=ftp://x: not an http or https address" \
    stats hn:1
TREAD_REDDIT_API=ftp://x expect_failure "a bad API base stops convert --expand-more too" 78 \
    "TREAD_REDDIT_API=ftp://x: not an http or https address" convert --expand-more "https://redd.it/3hahrw"

XDG_CACHE_HOME="$work/faultcache" TREAD_LOBSTERS_API="$base/fault/429once/lobsters" run stats "https://lobste.rs/s/tdfoqh"
[ "$status" -eq 0 ] && [ "$(grep -c '^/fault/429once/lobsters/s/tdfoqh.json' "$work/requests")" -eq 2 ] &&
    pass "429 with Retry-After is retried once the wait is over" || fail "429 retry: exit $status $(cat "$work/err")"

XDG_CACHE_HOME="$work/faultcache" TREAD_LOBSTERS_API="$base/fault/moved/lobsters" run stats "https://lobste.rs/s/tdfoqh"
[ "$status" -eq 0 ] && grep -qE "^comments +10$" "$work/out" && pass "a redirect within the same host is followed" ||
    fail "same-host redirect: exit $status $(cat "$work/err")"

# --- faults leave an existing copy as it was ---
before=$(sha256sum <"$cache/lobsters-tdfoqh.json")
touch -d '3 hours ago' "$cache/lobsters-tdfoqh.json"
for name in slow reset 500 html gzipbomb offsite 404; do
    TREAD_LOBSTERS_API="$base/fault/$name/lobsters" TREAD_FETCH_TIMEOUT=1 run stats "https://lobste.rs/s/tdfoqh"
done
[ "$before" = "$(sha256sum <"$cache/lobsters-tdfoqh.json")" ] && pass "faults leave the copy untouched" ||
    fail "a fault changed the copy"
TREAD_LOBSTERS_API="$base/fault/500/lobsters" run stats "https://lobste.rs/s/tdfoqh"
[ "$status" -eq 0 ] && grep -q "showing the copy saved 3 hours ago (the network failed)" "$work/err" &&
    pass "a temporary failure opens the copy" || fail "temporary failure with a copy: exit $status $(cat "$work/err")"
TREAD_LOBSTERS_API="$base/fault/404/lobsters" expect_failure "a 404 does not hide behind the copy" 69 "not found" \
    stats "https://lobste.rs/s/tdfoqh"

# --- live threads: Reddit's stubs (the trimmed fault sends the thread with 7 comments behind one stub) ---
trimmed="$base/fault/trimmed/reddit"
TREAD_REDDIT_API=$trimmed expect_count "a thread with comments behind a stub" 463 --refresh "https://redd.it/3hahrw"
grep -q '"more": {"site": "reddit", "link": "t3_3hahrw", "parent": "t3_3hahrw", "children": \["cu5tt8h"' \
    "$cache/reddit-3hahrw.json" && pass "the copy keeps what each stub needs to fetch it" || fail "stub fields in the copy"
asked=$(wc -l <"$work/requests")
TREAD_REDDIT_API=$trimmed run convert --refresh --expand-more "https://redd.it/3hahrw" -o "$work/expanded.json"
[ "$status" -eq 0 ] && ! grep -q '"more"' "$work/expanded.json" && pass "convert --expand-more fetches every stub" ||
    fail "--expand-more: exit $status $(head -c 300 "$work/err")"
expect_count "the stubs' comments are in place" 470 "$work/expanded.json"
tail -n +$((asked + 1)) "$work/requests" | grep -q \
    "^/fault/trimmed/reddit/api/morechildren?api_type=json&link_id=t3_3hahrw&children=cu5tt8h,cu5v9yd,cu5twf5,cu5tkk4,cu5tead,cu5rxpy,cu5oufs,cu5tpek,cu5pbdh&raw_json=1 tread/" &&
    pass "a stub is fetched through /api/morechildren" || fail "no morechildren request"
tail -n +$((asked + 1)) "$work/requests" | grep -q "^/fault/trimmed/reddit/comments/3hahrw/_/cu5v5h7.json?raw_json=1 " &&
    pass "continue this thread is fetched through the parent's permalink" || fail "no permalink request"
run convert --offline --expand-more "https://redd.it/3hahrw"
[ "$status" -eq 64 ] && pass "--expand-more with --offline is a usage error" || fail "--expand-more --offline: exit $status"

# --- the reader ---
start_app 100 30 env TREAD_LOBSTERS_API="http://127.0.0.1:1" "$BIN" --offline "https://lobste.rs/s/tdfoqh"
expect_screen "showing the copy saved 3 hours ago" "the reader's status line says the copy's age"
send q
expect_exit 0 "q quits the reader on a fetched thread"
start_app 100 30 "$BIN" "https://news.ycombinator.com/item?id=41003710"
expect_screen "11 comments" "the reader opens a thread by its address"
send q
expect_exit 0 "q quits"

finish
