#!/usr/bin/env bash
# End-to-end: the reading-state commands (issue 12) on an empty, a garbage and an unusable store.
# Every failure is one line on standard error and a sysexits status; nothing crashes.
# Usage: test-state.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

# check NAME STATUS STDOUT-PATTERN STDERR-PATTERN ENV... -- ARGS...: runs tread with only the environment given.
# An empty STDOUT-PATTERN wants no output; an empty STDERR-PATTERN checks nothing there.
check() {
    local name=$1 status=$2 out_pattern=$3 err_pattern=$4
    shift 4
    local env=()
    while [ "$1" != "--" ]; do env+=("$1"); shift; done
    shift
    env -i PATH="$PATH" LANG=C.UTF-8 "${env[@]}" "$BIN" "$@" </dev/null >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -ne "$status" ]; then
        fail "$name" "exit $got, expected $status; stderr: $(head -c 300 "$work/err")"
    elif if [ -z "$out_pattern" ]; then [ -s "$work/out" ]; else ! grep -qE -- "$out_pattern" "$work/out"; fi; then
        fail "$name" "stdout does not match '$out_pattern': $(head -c 300 "$work/out")"
    elif [ -n "$err_pattern" ] && { [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -qE -- "$err_pattern" "$work/err"; }; then
        fail "$name" "stderr is not one line matching '$err_pattern': $(head -c 300 "$work/err")"
    else
        pass "$name"
    fi
}

state=$work/state
check "recent on a new store" 0 '^No threads read yet\.$' '' XDG_STATE_HOME="$state" -- recent
[ -f "$state/tread/state.sqlite" ] && pass "store made under XDG_STATE_HOME/tread" ||
    fail "store made under XDG_STATE_HOME/tread" "no $state/tread/state.sqlite"
check "store under HOME without XDG_STATE_HOME" 0 '^No threads read yet\.$' '' HOME="$work/home" -- recent
[ -f "$work/home/.local/state/tread/state.sqlite" ] && pass "store made under HOME/.local/state/tread" ||
    fail "store made under HOME/.local/state/tread" "no $work/home/.local/state/tread/state.sqlite"
check "forget an unknown URL" 0 '^Nothing remembered for https://example.org/x\.$' '' XDG_STATE_HOME="$state" -- \
    forget https://example.org/x
fixture=$(ls "$REPO"/Tests/Fixtures/lobsters/*.json | head -n 1)
check "forget an unread file" 0 '^Nothing remembered for ' '' XDG_STATE_HOME="$state" -- forget "$fixture"
check "recent --limit 0 is a usage error" 64 '' '' XDG_STATE_HOME="$state" -- recent --limit 0
check "no folder for the state" 78 '' 'set XDG_STATE_HOME or HOME' XDG_STATE_HOME=relative -- recent

garbage=$work/garbage
mkdir -p "$garbage/tread"
head -c 8192 /dev/urandom >"$garbage/tread/state.sqlite"
check "recent on a garbage store" 65 '' 'state\.sqlite is damaged .*move the file away' XDG_STATE_HOME="$garbage" -- recent
check "forget on a garbage store" 65 '' 'is damaged' XDG_STATE_HOME="$garbage" -- forget https://example.org/x
cmp -s <(head -c 8192 "$garbage/tread/state.sqlite") "$garbage/tread/state.sqlite" &&
    pass "a garbage store is left as it was" || fail "a garbage store is left as it was" "changed"

mkdir -p "$work/readonly"
chmod 500 "$work/readonly"
if [ "$(id -u)" -ne 0 ]; then
    check "unwritable state folder" 74 '' 'check that the folder is writable' XDG_STATE_HOME="$work/readonly" -- recent
fi

# --no-state is accepted and changes nothing of what is printed (the reader wiring comes with issue 12's reader part).
"$BIN" --print --width 60 "$fixture" >"$work/plain" 2>&1
check "--no-state prints the same thread" 0 '.' '' XDG_STATE_HOME="$state" -- --no-state --print --width 60 "$fixture"
cmp -s "$work/plain" "$work/out" && pass "--no-state output identical" || fail "--no-state output identical" "differs"

cli_finish
