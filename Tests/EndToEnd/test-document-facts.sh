#!/usr/bin/env bash
# End-to-end: the document's own facts through the binary: encodings, detection by shape,
# what convert writes, counts without placeholders, and layout of hostile bodies staying small.
# Usage: test-document-facts.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

check() { if eval "$2"; then pass "$1"; else fail "$1" "${3:-}"; fi; }

doc='{"time": 1, "by": "x", "article": {"title": "T"}, "comments": [{"id": 1, "body": "hi"}]}'

printf '\xef\xbb\xbf%s' "$doc" >"$work/bom.json"
"$BIN" stats "$work/bom.json" >"$work/out" 2>"$work/err"
check "a UTF-8 byte order mark is accepted" '[ $? -eq 0 ] && grep -q "^comments *1$" "$work/out"' "$(cat "$work/err")"

printf '%s' "$doc" | iconv -f UTF-8 -t UTF-16 >"$work/utf16.json"
"$BIN" stats "$work/utf16.json" >"$work/out" 2>"$work/err"
status=$?
check "UTF-16 is named in the error" '[ $status -eq 65 ] && grep -q "is UTF-16; tread reads UTF-8" "$work/err"' \
    "status $status: $(cat "$work/err")"

printf '%s' "$doc" >"$work/first-key.json"
"$BIN" --print "$work/first-key.json" >"$work/out" 2>"$work/err"
check "a tread document whose first key is time is not Hacker News" 'grep -q "1 comment" "$work/out"' \
    "$(cat "$work/err")"

printf '{"article": {"title": "T"}, "comments": [{"id": 1, "body": "a\\u202eb\\u0085c\\u2028d"}, {"id": -0, "parent": 7}]}' \
    >"$work/hostile.json"
"$BIN" convert "$work/hostile.json" >"$work/converted.json" 2>"$work/err"
status=$?
check "convert escapes bidi, C1 and line separators" \
    '[ $status -eq 0 ] && grep -qF "a\\u202eb\\u0085c\\u2028d" "$work/converted.json" && ! grep -qP "[\x{80}-\x{9f}\x{202a}-\x{202e}\x{2028}\x{2029}]" "$work/converted.json"' \
    "status $status: $(cat "$work/err")"
check "convert keeps an orphan's parent" 'grep -q "\"parent\": 7" "$work/converted.json"'
"$BIN" --print "$work/converted.json" >"$work/out" 2>&1
check "the converted file loads back with its orphan" 'grep -q "reply to a missing comment" "$work/out"'

printf '{"article": {"title": "T"}, "comments": [{"body": "%s deep"}]}' "$(head -c 20000 /dev/zero | tr '\0' '>')" \
    >"$work/quotes.json"
"$BIN" --print "$work/quotes.json" >"$work/out" 2>"$work/err"
check "20,000 quote levels print a capped prefix" \
    '[ "$(wc -c <"$work/out")" -lt 2000 ] && grep -q "\[20000\] deep" "$work/out"' "$(head -c 300 "$work/out")"

cli_finish
