#!/usr/bin/env bash
# End-to-end: hostile site files (huge numbers, wrong types, reply loops, deep nesting, nested
# HTML) load in every mode with status 0, quickly, and keep every comment.
# Usage: test-importers.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

# every_mode NAME FILE COMMENTS: --print, convert and stats all exit 0, and stats counts COMMENTS.
every_mode() {
    local name=$1 file=$2 comments=$3
    for mode in "--print" "convert" "stats"; do
        if ! timeout 60 "$BIN" $mode "$file" </dev/null >"$work/out" 2>"$work/err"; then
            fail "$name ($mode)" "exit $?; stderr: $(head -c 300 "$work/err")"
            return
        fi
    done
    # stats groups thousands ("2,000"); the check reads the digits.
    if ! tr -d , <"$work/out" | grep -qE "^ *comments:? +$comments\b|\b$comments comments\b"; then
        fail "$name" "stats does not count $comments comments: $(head -c 300 "$work/out")"
        return
    fi
    pass "$name"
}

cat >"$work/lobsters.json" <<'JSON'
{"short_id": "s", "title": "T", "created_at": "2023-01-02T03:04:05.000-05:00", "comments": [
  {"short_id": "a", "comment": "<p>one</p>", "depth": 9223372036854775807, "created_at": 5},
  {"short_id": "b", "comment": "<p>two</p>", "depth": -9223372036854775808, "score": "5"},
  {"short_id": "c", "comment": "<p>loop</p>", "parent_comment": "d"},
  {"short_id": "d", "comment": "<p>loop</p>", "parent_comment": "c"},
  {"short_id": "e", "comment": "<p>self</p>", "parent_comment": "e"}]}
JSON
every_mode "lobsters: huge depths, wrong types and reply loops" "$work/lobsters.json" 5

cat >"$work/discourse.json" <<'JSON'
{"post_stream": {"posts": [
  {"post_number": 7, "topic_id": 99, "username": "a", "cooked": "<p>self</p>", "reply_to_post_number": 7},
  {"post_number": 8, "topic_id": 99, "username": "b", "cooked": "<div class=\"lazy-video-container\" data-video-id=\"x\" data-provider-name=\"youtube\"></div>", "reply_to_post_number": 7}]}}
JSON
every_mode "discourse: a later page with a self-reply and a video" "$work/discourse.json" 2
if "$BIN" --print "$work/discourse.json" 2>/dev/null | grep -q "Discourse topic 99" &&
    "$BIN" --print "$work/discourse.json" 2>/dev/null | grep -qF "[video: <https://www.youtube.com/watch?v=x>]"; then
    pass "discourse: the page is titled after its topic and the video has a line"
else
    fail "discourse: title and video" "$("$BIN" --print "$work/discourse.json" 2>&1 | head -c 300)"
fi

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
depth = 20000
html = "<blockquote>x" * depth + "</blockquote>" * depth + '<a href="https://e.org/x">w ' * 8000
json.dump({"id": 1, "type": "story", "title": "q", "created_at_i": 0,
           "children": [{"id": 2, "author": "a", "text": html}]}, open(work + "/html.json", "w"))
chain = "".join('{"id": %d, "author": "a", "text": "t", "children": [' % (i + 2) for i in range(2000))
open(work + "/deep.json", "w").write('{"id": 1, "type": "story", "title": "deep", "created_at_i": 0, "children": ['
                                     + chain + "]}" * 2000 + "]}")
PY
every_mode "hn-algolia: 20,000 nested quotes and 8,000 unclosed links" "$work/html.json" 1
every_mode "hn-algolia: nesting past 512 levels" "$work/deep.json" 2000

# Hacker News polls (issue 23): the options are the article's lines with their votes, from either API,
# and never comments.
for poll in poll_126809_algolia poll_126809_items; do
    "$BIN" --print "$FIXTURES/hn_poll/$poll.json" >"$work/poll" 2>"$work/err"
    if grep -qx -- "- It would be great · 1,234 votes" "$work/poll" && grep -qx -- "- Nothing · 10 votes" "$work/poll" \
        && grep -q "^── 2 comments ─" "$work/poll"; then
        pass "--print shows $poll's options with their votes, not as comments"
    else fail "--print of $poll" "$(head -c 600 "$work/poll")"; fi
done
"$BIN" --print "$FIXTURES/hn_poll/poll_126809_algolia_no_options.json" >"$work/poll" 2>"$work/err"
grep -qx "a poll; its options are not in this answer" "$work/poll" && pass "a poll without its options says so" ||
    fail "a poll without its options" "$(head -c 600 "$work/poll")"

cli_finish
