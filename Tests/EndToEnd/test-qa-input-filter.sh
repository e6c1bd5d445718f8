#!/usr/bin/env bash
# End-to-end (qa-input): `--filter QUERY` takes a query that starts with `-` (the filter's "not", as
# `-deleted`, the README's own example), for --print and convert. ArgumentParser took `-deleted` for an
# option and said "Missing value for '--filter <QUERY>'" (status 64).
# Usage: test-qa-input-filter.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

doc="$work/doc.json"
cat >"$doc" <<'JSON'
{"article":{"title":"T"},"comments":[
 {"id":"a","author":"ann","body":"kept"},
 {"id":"b","author":"bob","body":"gone","deleted":true},
 {"id":"c","author":"cy","body":"also kept"}]}
JSON
if "$BIN" --print --width 60 --filter -deleted "$doc" >"$work/out" 2>"$work/err" &&
    grep -q 'filter: 2 of 3' "$work/err" && grep -q 'also kept' "$work/out" && ! grep -q 'gone' "$work/out"; then
    pass "--print --filter -deleted leaves the deleted comment out"
else
    fail "--print --filter -deleted leaves the deleted comment out" "$(head -c 300 "$work/err")"
fi
if "$BIN" convert --filter "-author:bob" "$doc" -o "$work/kept.json" 2>"$work/err" &&
    [ "$("$BIN" stats "$work/kept.json" | head -1)" = "comments          2" ]; then
    pass "convert --filter -author:bob keeps the other two"
else
    fail "convert --filter -author:bob keeps the other two" "$(head -c 300 "$work/err")"
fi
"$BIN" --print --filter "-" "$doc" >/dev/null 2>"$work/err"
status=$?
if [ "$status" -eq 64 ] && grep -q 'expected a term after - at column 2' "$work/err"; then
    pass "--filter - is still a usage error naming its column"
else
    fail "--filter - is still a usage error naming its column" "exit $status: $(head -c 300 "$work/err")"
fi

cli_finish
