#!/usr/bin/env bash
# End-to-end: Mastodon statuses, Lemmy posts and comments, and Bluesky posts opened by their
# address against the loopback replay server (replay_server.py, routes in replay_fediverse.py),
# their saved files read like the other formats, and their faults as one line and a sysexits status
# with nothing cached. Mastodon and Lemmy addresses name their own server, so the tests open
# http://127.0.0.1:PORT/... as they are; a fault for them is named in the server's PORT.fault file.
# Usage: test-fediverse.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-fediverse.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES="$HERE/../Fixtures"
source "$HERE/lib.sh"
source "$HERE/replay_lib.sh"
start_replay fediverse

# --- by address ---
expect_count "Mastodon status by @user/ID" 1 "$base/@mastodonpy_test_2/117020583245459824"
grep -q "^/api/v1/statuses/117020583245459824 " "$work/requests" &&
    grep -q "^/api/v1/statuses/117020583245459824/context " "$work/requests" &&
    pass "Mastodon asked for the status and its context" || fail "Mastodon requests: $(cat "$work/requests")"
expect_count "Mastodon reply by /web/statuses/ID opens its conversation" 1 "$base/web/statuses/117020583258292382"
run --print --width 80 "$base/users/admin/statuses/117020583258292382"
[ "$status" -eq 0 ] && grep -q "^Toot, finally!" "$work/out" && grep -q "@mastodonpy_test_2 same!" "$work/out" &&
    pass "Mastodon /users/USER/statuses/ID prints the conversation from its root" ||
    fail "Mastodon print: exit $status $(head -c 300 "$work/out" "$work/err")"
# Recorded answers (Tests/Fixtures/README.md): a mastodon.social context, a Lemmy 0.18 instance's comments.
expect_count "Mastodon recorded context by address" 2 "$base/@halcy/110446983926957470"
run --print --width 80 "$base/@halcy/110446983926957470"
[ "$status" -eq 0 ] && [ "$(head -n 1 "$work/out")" = "first status" ] &&
    grep -q "^│   final status" "$work/out" && grep -q "^  (not recorded" "$work/out" &&
    pass "Mastodon recorded context prints as a chain from its root" ||
    fail "Mastodon recorded context: exit $status $(head -c 400 "$work/out" "$work/err")"
expect_count "Lemmy recorded post by address" 3 "$base/post/1"
run --print --width 80 "$base/post/1"
[ "$status" -eq 0 ] && [ "$(head -n 1 "$work/out")" = "Test post!" ] &&
    grep -q "^▾ lemmy OP admin ·" "$work/out" && grep -q "^│   \[removed\]" "$work/out" &&
    grep -q "1 more reply not in this file" "$work/out" &&
    pass "Lemmy recorded post prints its admin, its removed reply and the reply not sent" ||
    fail "Lemmy recorded post: exit $status $(head -c 600 "$work/out" "$work/err")"
expect_count "Lemmy post, every page of comments" 7 "$base/post/1234"
[ "$(grep -c '^/api/v3/comment/list?post_id=1234&max_depth=8&type_=All&limit=50&page=' "$work/requests")" -eq 2 ] &&
    pass "Lemmy asked for pages until one added nothing" ||
    fail "Lemmy pages: $(grep -c '^/api/v3/comment/list' "$work/requests")"
expect_count "Lemmy comment address opens its post" 7 "$base/comment/15"
expect_count "Bluesky post by handle" 6 "https://bsky.app/profile/chadmichael.bsky.social/post/3k7rmyigapw2y"
grep -q "^/bsky/com.atproto.identity.resolveHandle?handle=chadmichael.bsky.social " "$work/requests" &&
    grep -q "^/bsky/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Auy7ehrx332p6dow5sk32hxzq%2Fapp.bsky.feed.post%2F3k7rmyigapw2y&depth=1000&parentHeight=1000 " "$work/requests" &&
    pass "Bluesky resolved the handle, then asked for the deepest thread" || fail "Bluesky requests: $(tail -n 3 "$work/requests")"
before=$(grep -c resolveHandle "$work/requests")
expect_count "Bluesky post by DID" 7 "https://bsky.app/profile/did:plc:yfvwmnlztr4dwkb7hwz55r2g/post/3kosdondcpl2i"
[ "$(grep -c resolveHandle "$work/requests")" -eq "$before" ] && pass "a DID is not resolved" || fail "a DID was resolved"

# --- "more replies" stubs of a Bluesky thread fetch the replies of their post ---
run convert --expand-more "https://bsky.app/profile/did:plc:yfvwmnlztr4dwkb7hwz55r2g/post/3kosdondcpl2i" -o "$work/expanded.json"
[ "$status" -eq 0 ] && grep -q "fetched 4 stubs" "$work/err" &&
    grep -q "^/bsky/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Ajmszivbbbadpztauju5dev26%2Fapp.bsky.feed.post%2F3koscfhae3h2x&depth=1000&parentHeight=0 " "$work/requests" &&
    pass "convert --expand-more fetches each Bluesky stub's post with its replies" ||
    fail "Bluesky stubs: exit $status $(head -c 300 "$work/err")"

# --- the copies, and the saved files ---
for name in "mastodon-127.0.0.1_$port-117020583245459824" "lemmy-127.0.0.1_$port-1234" \
    "lemmy-127.0.0.1_$port-comment-15" "bluesky-chadmichael.bsky.social-3k7rmyigapw2y"; do
    [ -f "$cache/$name.json" ] && pass "copy $name saved" || fail "copy $name saved: $(ls "$cache")"
done
expect_count "a Lemmy copy opens offline" 7 --offline "$base/post/1234"
for file in mastodon/status_reply_mastodonpy.json mastodon/context_halcy_mastodonpy.json lemmy/post_1_lemmyktclient.json \
    lemmy/post_1234_pages_minimal.json bluesky/thread_mid_morpho.json; do
    run convert "$FIXTURES/$file" -o "$work/once.json"
    first=$status
    run convert "$work/once.json" -o "$work/twice.json"
    [ "$first" -eq 0 ] && [ "$status" -eq 0 ] && cmp -s "$work/once.json" "$work/twice.json" &&
        pass "convert $file is a fixed point" || fail "convert $file: exit $first/$status $(head -c 200 "$work/err")"
done
run --print --filter 'author:carol' "$FIXTURES/lemmy/post_1234_minimal.json"
[ "$status" -eq 0 ] && grep -q "Please keep it on topic." "$work/out" && pass "--filter reads a Lemmy file" ||
    fail "--filter on Lemmy: exit $status $(head -c 200 "$work/err")"

# --- faults: one line, a sysexits status, no copy ---
fault() {
    local name=$1 want=$2 pattern=$3 address=$4
    rm -rf "$work/faultcache"
    echo "$name" >"$work/port.fault"
    XDG_CACHE_HOME="$work/faultcache" expect_failure "fault $name" "$want" "$pattern" stats "$address"
    rm -f "$work/port.fault"
    [ -z "$(ls -A "$work/faultcache/tread" 2>/dev/null)" ] && pass "fault $name writes no copy" || fail "fault $name wrote a copy"
}
fault 401 69 "^tread: $base/api/v1/statuses/1: refused \(HTTP 401\); the thread may be private" "$base/@ann/1"
fault federation 69 "^tread: $base/api/v3/post\?id=1234: the site refused \(HTTP 400\): federation_disabled$" "$base/post/1234"
fault 429 75 "the site is busy \(HTTP 429, asks to wait 1 s\); try again later" "$base/post/1234"
fault html 69 "got a web page \(text/html; charset=utf-8\), not the thread's JSON" "$base/web/statuses/117020583245459824"
fault reset 75 "the response was cut short; try again" "$base/post/1234"
expect_failure "Bluesky deleted post" 69 "getPostThread.*: the site refused \(HTTP 400\): NotFound: Post not found: at://" \
    stats "https://bsky.app/profile/did:plc:uy7ehrx332p6dow5sk32hxzq/post/3gone"
expect_failure "Bluesky handle nobody has" 69 "resolveHandle\?handle=nobody.example: not found \(HTTP 404\)" \
    stats "https://bsky.app/profile/nobody.example/post/3k7"
XDG_CACHE_HOME="$work/faultcache" TREAD_BSKY_API="$base/fault/429/bsky" expect_failure "Bluesky 429" 75 "the site is busy \(HTTP 429, asks to wait 1 s\)" \
    stats "https://bsky.app/profile/did:plc:yfvwmnlztr4dwkb7hwz55r2g/post/3kosdondcpl2i"
TREAD_BSKY_API=ftp://x expect_failure "a bad Bluesky base" 78 "TREAD_BSKY_API=ftp://x: not an http or https address" \
    stats "https://bsky.app/profile/did:plc:a/post/3k"

# --- the reader, by address ---
start_app 90 30 env XDG_CACHE_HOME="$work/readercache" "$BIN" "https://bsky.app/profile/chadmichael.bsky.social/post/3k7rmyigapw2y"
wait_for "6 comments" 15 && pass "the reader opens a Bluesky thread" || fail "Bluesky reader: $(screen)"
expect_screen "Matt Binder @mattbinder.bsky.social" "the root post's author heads the article"
send q
expect_exit 0 "q quits"
start_app 90 30 env XDG_CACHE_HOME="$work/readercache" "$BIN" "$base/comment/15"
wait_for "comment 5 of 7" 15 && pass "a Lemmy comment address opens with that comment selected" ||
    fail "Lemmy comment selected: $(screen)"
send q
expect_exit 0 "q quits the Lemmy thread"
start_app 90 30 env XDG_CACHE_HOME="$work/readercache" "$BIN" "https://bsky.app/profile/did:plc:yfvwmnlztr4dwkb7hwz55r2g/post/3kosdondcpl2i"
wait_for "7 comments" 15 || fail "the reader opens the Bluesky thread: $(screen)"
asked=$(grep -c "parentHeight=0" "$work/requests")
send G
wait_for "4 more replies · Enter fetches them" 5 && pass "a Bluesky parent's other replies show as a stub, last" ||
    fail "Bluesky stub: $(screen)"
send Enter
asked_more() { [ "$(grep -c "parentHeight=0" "$work/requests")" -gt "$asked" ]; }
poll_until 10 asked_more && pass "Enter on a Bluesky stub fetches its post's replies" ||
    fail "Enter on the stub asked nothing: $(screen)"
# The answer is merged and drawn after the request is logged (0.5 s was too short on a loaded machine).
expect_gone "4 more replies · Enter fetches them" "the fetched stub leaves its place"
send q
expect_exit 0 "q quits after the fetch"

finish
