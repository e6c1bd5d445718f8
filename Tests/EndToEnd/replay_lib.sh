# Shared preamble of the end-to-end scripts that fetch: source it after lib.sh, then call
# `start_replay NAME`. It starts replay_server.py on 127.0.0.1 over Tests/Fixtures (killed on exit),
# and gives:
#   work      a folder of this script's own ($E2E_DIR/NAME)
#   port base the server's port and http://127.0.0.1:PORT
#   cache     the fetched-thread cache ($XDG_CACHE_HOME/tread)
# with XDG_CACHE_HOME, XDG_STATE_HOME, XDG_CONFIG_HOME and HOME inside $work (nothing reaches the
# user's), every site's TREAD_*_API pointed at the server, and
#   run ARGS...                               tread with no terminal: $status, $work/out, $work/err
#   expect_count NAME COUNT ARGS...           `tread stats ARGS` succeeds and counts COUNT comments
#   expect_failure NAME STATUS PATTERN ARGS...  tread exits STATUS with one stderr line matching PATTERN
# Extra arguments to start_replay go to the server (its --log is always $work/requests).

# shellcheck shell=bash
start_replay() {
    local name=$1
    shift
    work="$E2E_DIR/$name"
    mkdir -p "$work"
    python3 "$HERE/replay_server.py" "$HERE/../Fixtures" "$work/port" --log "$work/requests" "$@" &
    server=$!
    trap 'kill "$server" 2>/dev/null; e2e_cleanup' EXIT
    # Python's start on a loaded machine can take more than the 5 s this once waited.
    poll_until 30 test -s "$work/port"
    [ -s "$work/port" ] || { echo "replay server did not start" >&2; exit 1; }
    port=$(cat "$work/port")
    base="http://127.0.0.1:$port"
    export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
    export HOME="$work/home"
    export TREAD_HN_ALGOLIA_API="$base/algolia" TREAD_HN_API="$base/hn" TREAD_REDDIT_API="$base/reddit"
    export TREAD_LOBSTERS_API="$base/lobsters" TREAD_BSKY_API="$base/bsky"
    # A short timeout only where the slow fault needs it: on a busy machine a fair answer can take a second.
    export TREAD_FETCH_TIMEOUT=10
    export LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no
    cache="$XDG_CACHE_HOME/tread"
}

run() {
    "$BIN" "$@" </dev/null >"$work/out" 2>"$work/err"
    status=$?
}

expect_count() {
    local name=$1 count=$2
    shift 2
    run stats "$@"
    if [ "$status" -eq 0 ] && tr -d , <"$work/out" | grep -qE "^comments +$count\$"; then
        pass "$name"
    else
        fail "$name: exit $status, $(head -c 300 "$work/out" "$work/err")"
    fi
}

expect_failure() {
    local name=$1 want=$2 pattern=$3
    shift 3
    run "$@"
    if [ "$status" -ne "$want" ]; then
        fail "$name: exit $status, expected $want; stderr: $(head -c 300 "$work/err")"
    elif [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -qE -- "$pattern" "$work/err"; then
        fail "$name: stderr is not one line matching '$pattern': $(head -c 300 "$work/err")"
    else
        pass "$name"
    fi
}
