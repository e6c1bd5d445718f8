#!/usr/bin/env bash
# test-startup.sh: the start's shortcut past ArgumentParser (issue 25). The usual command lines
# (`tread`, `tread FILE`, `tread --print FILE` and the plain flags) are read without ArgumentParser;
# they must do exactly what ArgumentParser's reading does, and everything else (help, mistakes)
# must still be ArgumentParser's. Needs a debug build (its self-check is compiled in debug only).
source "$(dirname "$0")/cli_lib.sh"
# Nothing of the user's: no config, no cache, no state.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"

# 1. The debug build's own sweep: ~50,000 generated command lines, each declined by the shortcut or
#    read exactly as ArgumentParser reads it.
sweep=$(TREAD_CHECK_SHORTCUT=1 "$BIN" 2> "$work/sweep.err" < /dev/null)
status=$?
if [ "$status" -eq 0 ] && [[ $sweep =~ ^[0-9]+\ command\ lines,\ [0-9]+\ taken\ by\ the\ shortcut,\ 0\ differences$ ]]; then
    pass "the shortcut agrees with ArgumentParser on every generated command line ($sweep)"
else
    fail "the shortcut agrees with ArgumentParser (a debug build is needed)" "status $status: $sweep $(head -5 "$work/sweep.err")"
fi

# 2. The same command line through the shortcut and through ArgumentParser (`read` names the
#    default command, which the shortcut leaves to ArgumentParser): same output, errors, status.
small="$REPO/SampleData/flat-form.json"
printf '{"format": "tread", "article": {"title": "t"}, "comments": [{"id": "a", "body": "x"' > "$work/broken.json"
same() {
    local name=$1
    shift
    "$BIN" "$@" > "$work/short.out" 2> "$work/short.err" < /dev/null
    local short=$?
    "$BIN" read "$@" > "$work/parsed.out" 2> "$work/parsed.err" < /dev/null
    local parsed=$?
    if [ "$short" -eq "$parsed" ] && cmp -s "$work/short.out" "$work/parsed.out" &&
        cmp -s "$work/short.err" "$work/parsed.err" && { [ -s "$work/short.out" ] || [ -s "$work/short.err" ]; }; then
        pass "$name: as ArgumentParser reads it (status $short)"
    else
        fail "$name" "status $short against $parsed; $(diff "$work/short.out" "$work/parsed.out" | head -3) $(diff "$work/short.err" "$work/parsed.err" | head -3)"
    fi
}
same "--print FILE" --print "$small"
same "FILE --print" "$small" --print
same "no file, printed (the sample)" --print
same "FILE printed to a pipe" "$small"
same "--no-kill --no-state --no-mouse" --no-kill --no-state --no-mouse --print "$small"
same "a missing file" --print "$work/missing.json"
same "a broken file" --print "$work/broken.json"
same "a flag twice (left to ArgumentParser)" --print --print "$small"
same "--offline of an address never fetched" --offline --print "https://news.ycombinator.com/item?id=1"

# 3. What the shortcut declines is ArgumentParser's: help, mistakes, exit statuses.
expect_status() {
    local name=$1 want=$2 pattern=$3
    shift 3
    "$BIN" "$@" > "$work/out" 2>&1 < /dev/null
    local got=$?
    if [ "$got" -eq "$want" ] && grep -qE -- "$pattern" "$work/out"; then
        pass "$name"
    else
        fail "$name" "status $got (want $want): $(head -3 "$work/out")"
    fi
}
expect_status "--help is ArgumentParser's help" 0 "^OVERVIEW: Read threaded discussions" --help
expect_status "-h is the same help" 0 "^USAGE: tread" -h
expect_status "--version" 0 "^[0-9]+\.[0-9]+\.[0-9]+$" --version
expect_status "--offline with --refresh is a usage error" 64 "contradict" --offline --refresh "$small"
expect_status "two files are a usage error" 64 "tread: " "$small" "$small"
expect_status "an unknown flag is a usage error" 64 "tread: .*--bogus" --bogus "$small"
expect_status "a command's name is that command" 0 "comments" stats "$small"

cli_finish
