#!/usr/bin/env bash
# End-to-end: Reddit Markdown prints as reddit.com shows it. Every real Reddit thread in
# Tests/Fixtures prints with no HTML entity or Markdown markup left, and a thread holding one
# of each construct prints as docs/SITES.md says.
# Usage: test-reddit-markdown.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

for doc in "$REPO"/Tests/Fixtures/reddit/*.json; do
    name=reddit/$(basename "$doc")
    if ! "$BIN" --print --width 100 "$doc" >"$work/out.txt" 2>"$work/err"; then
        fail "$name prints" "$(head -c 300 "$work/err")"
        continue
    fi
    leftover=$(grep -n -E '&(amp|lt|gt|quot|nbsp|#x?[0-9a-fA-F]+);|\*\*|~~|\^\(|>!|!<|\]\(https?:' "$work/out.txt" | head -3)
    if [ -n "$leftover" ]; then
        fail "$name has no raw markup" "$leftover"
    else
        pass "$name has no raw markup"
    fi
done

# One comment holding each construct, saved as Reddit does without raw_json=1 (entity-escaped).
body='# Title\n\n~~old~~ new, >!hidden!<, ^(small words) and 2^10, ***both***\n\n'
body+='| a | b |\n|---|--:|\n| x | 10 |\n\n&gt; quoted\n&gt;\n&gt;     let code = 1\n\n'
body+='[docs](https://e.org/?a=1&amp;amp;b=2 \"title\") &amp;#x200B; &amp;#3232;\n\n---'
cat >"$work/thread.json" <<JSON
[{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p", "title": "T",
  "selftext": "", "selftext_html": null, "author": "op"}}]}},
 {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"id": "c", "author": "ann",
  "body": "$body", "body_html": "&lt;div&gt;", "replies": ""}}]}}]
JSON
if "$BIN" convert "$work/thread.json" >"$work/canonical.json" 2>"$work/err"; then
    got=$(jq -r '.comments[0].body' "$work/canonical.json")
    expected=$(printf '%s\n' 'TITLE' '' '[struck: old] new, [spoiler: hidden], small words and 2^10, both' '' \
        '    a   b' '    ─  ──' '    x  10' '' '> quoted' '>' '>     let code = 1' '' \
        'docs <https://e.org/?a=1&b=2> '$'\u200b'' ಠ' '' '────────────────────')
    if [ "$got" = "$expected" ]; then
        pass "each construct converts as docs/SITES.md says"
    else
        fail "each construct converts as docs/SITES.md says" "$(diff <(echo "$expected") <(echo "$got") | head -20)"
    fi
else
    fail "the construct thread converts" "$(head -c 300 "$work/err")"
fi

cli_finish
