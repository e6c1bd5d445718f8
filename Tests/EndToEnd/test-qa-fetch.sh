#!/usr/bin/env bash
# End-to-end: exploratory QA of fetching (branch qa-fetch): answers cut or mangled in ways the
# earlier fault rounds did not send, and a saved copy that is damaged when the network fails.
# Every check is a command against the loopback replay server; nothing waits on a clock.
# Usage: test-qa-fetch.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-qa-fetch.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
source "$HERE/replay_lib.sh"
start_replay qa-fetch
story="https://lobste.rs/s/tdfoqh"

# fault NAME STATUS PATTERN: the Lobsters story through /fault/NAME fails with one line and STATUS.
fault() {
    XDG_CACHE_HOME="$work/faultcache" TREAD_LOBSTERS_API="$base/fault/$1/lobsters" expect_failure \
        "fault $1" "$2" "^tread: $base/fault/$1/lobsters/s/tdfoqh.json: $3" stats "$story"
}

# A chunked answer cut after its first chunk is cut short, not a failure to connect (curl's
# "transfer closed with outstanding read data remaining" once came out as "cannot connect").
fault chunkcut 75 "the response was cut short; try again$"
# A body said to be gzip that is not: the server answered, so it is no failure to connect either.
fault notgzip 75 "the response was cut short; try again$"
# 410 Gone is not reported as a 404.
fault 410 69 "gone \(HTTP 410\); check the address$"

# No saved copy: a connection failure does not advise adding --offline "to open the saved copy",
# which would only answer "no saved copy".
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" expect_failure "no copy, no advice to open it" 75 \
    "^tread: http://127.0.0.1:1/lobsters/s/tdfoqh.json: cannot connect \(connection refused\); check the network$" \
    stats "$story"

# An answer that trickles in (50 bytes every 0.2 s, about 44 s for the story), never idle for the 3 s
# timeout: given up once the request's whole time (four times the timeout) is over. URLSession on
# Linux never enforced that, so the fetch took as long as the server liked.
XDG_CACHE_HOME="$work/faultcache" TREAD_FETCH_TIMEOUT=3 TREAD_LOBSTERS_API="$base/fault/drip/lobsters" expect_failure \
    "an answer still arriving after four timeouts is given up" 75 \
    "^tread: $base/fault/drip/lobsters/s/tdfoqh.json: the answer was still arriving after 12 s; try again later$" \
    stats "$story"

# A damaged saved copy and a failed network: the network's failure, status 75, as with no copy;
# not the copy announced and then refused as bad data (status 65, three lines).
mkdir -p "$cache"
printf '{"bad' >"$cache/lobsters-tdfoqh.json"
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" expect_failure "a damaged copy is not opened when the network fails" 75 \
    "^tread: http://127.0.0.1:1/lobsters/s/tdfoqh.json: cannot connect \(connection refused\); check the network$" \
    stats "$story"
# --offline: one line saying the copy is damaged, not "showing the copy saved ..." and then its error.
expect_failure "--offline with a damaged copy says so in one line" 69 \
    "^tread: $story: the saved copy is damaged \($cache/lobsters-tdfoqh.json:1:2: not valid JSON: .*\); run without --offline to fetch it again$" \
    stats --offline "$story"
# A good fetch replaces the damaged copy.
expect_count "a fetch over a damaged copy succeeds" 10 "$story"
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" run stats "$story"
[ "$status" -eq 0 ] && grep -q "showing the copy saved" "$work/err" &&
    pass "the fetch replaced the damaged copy" || fail "copy after refetch: exit $status $(head -c 300 "$work/err")"
# With a good copy, --refresh still advises --offline: the copy is there.
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" expect_failure "--refresh with a copy advises --offline" 75 \
    "check the network, or add --offline to open the saved copy$" stats --refresh "$story"


# A front page, the same: no copy, no advice to open it; a copy that opens, no advice either.
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" expect_failure "a list with no copy gives no advice to open it" 75 \
    "^tread: http://127.0.0.1:1/lobsters/hottest.json: cannot connect \(connection refused\); check the network$" \
    --print lobsters
run --print lobsters
[ "$status" -eq 0 ] && pass "the list is fetched and saved" || fail "--print lobsters: exit $status $(head -c 300 "$work/err")"
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" run --print lobsters
[ "$status" -eq 0 ] && grep -q "showing the copy saved" "$work/err" && ! grep -q -- "--offline" "$work/err" &&
    pass "a list's copy opens without advice to add --offline" || fail "list fallback: exit $status $(head -c 400 "$work/err")"
TREAD_LOBSTERS_API="http://127.0.0.1:1/lobsters" expect_failure "--refresh of a list with a copy advises --offline" 75 \
    "check the network, or add --offline to open the saved copy$" --print --refresh lobsters

finish
