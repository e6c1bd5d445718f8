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

finish
