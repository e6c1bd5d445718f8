#!/usr/bin/env bash
# End-to-end: a file big enough to open on a preview while the rest loads (over 8 MB), whose threads are
# long: the screen drawn from the preview is the loaded document's own, nothing folded (the preview is
# the first 2,000 comments, ending inside a thread) and folded on opening (it waits for whole threads,
# so every "replies hidden" count is already right); `G` typed during the load ends on the last comment.
# Usage: test-preview.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-preview.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
work="$E2E_DIR/preview"
mkdir -p "$work/xdg/tread"
big="$work/big.json"
python3 "$REPO/Scripts/gen_thread.py" --comments 20000 --shape realistic --seed 1 -q -o "$big"
printf 'fold = "top-level"\n' >"$work/xdg/tread/config.toml"

# page: the screen without its status line and the rule (which counts the comments read so far).
page() { screen | sed '$d' | grep -v '^── '; }

# same_page_after_load NAME ARGS...: opens ARGS in 80x60, keeps the first page drawn, waits for the
# whole document, and checks the page did not change. A machine fast enough to load the file before the
# first capture still checks the loaded page against itself, so this never fails for speed.
same_page_after_load() {
  local name=$1
  shift
  start_app 80 60 "$@"
  wait_for "? help" || { fail "$name: the reader opens"; return; }
  # One capture for the page, the rule and the status line: two would race the load's end.
  local shot first
  shot=$(screen)
  first=$(sed '$d' <<<"$shot" | grep -v '^── ')
  if sed -n '$p' <<<"$shot" | grep -qF "loading"; then
    grep -qE '^── [0-9,]+ comments so far ─' <<<"$shot" && pass "$name: the rule says so far while loading" \
      || fail "$name: the rule says so far while loading"
  fi
  wait_for "comment 1 of 20,000" 60 || { fail "$name: the load ends"; return; }
  screen | grep -qE '^── 20,000 comments ─' && pass "$name: the rule counts the whole thread" \
    || fail "$name: the rule counts the whole thread"
  if [[ $(page) == "$first" ]]; then
    pass "$name"
  else
    fail "$name"
    diff <(echo "$first") <(page) >&2
  fi
  send q
}

same_page_after_load "the preview's screen is the whole document's (nothing folded)" "$BIN" "$big"
same_page_after_load "the preview's screen is the whole document's (folded on opening)" \
  env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$big"

start_app 80 24 "$BIN" "$big"
wait_for "? help" || fail "the reader opens"
send G
expect_status "comment 20,000 of 20,000" "G typed during the load ends on the last comment" 60
send q
expect_exit 0 "q quits"

finish
