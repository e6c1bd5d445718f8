#!/usr/bin/env bash
# End-to-end: a front page whose stories the reading state remembers with counts no thread reaches (a hostile
# or damaged store; a site may announce as many): the list opens and quits, it does not stop on adding them.
# Usage: test-qa-state-frontpage.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-qa-state-frontpage.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
source "$HERE/replay_lib.sh"
start_replay qa-state-frontpage
apis=(env "XDG_CACHE_HOME=$XDG_CACHE_HOME" "XDG_STATE_HOME=$XDG_STATE_HOME" "TREAD_HN_API=$TREAD_HN_API"
    "TREAD_HN_ALGOLIA_API=$TREAD_HN_ALGOLIA_API")

# remembered SQL: a store made by tread, holding the recorded IBM story (43727727) as read, with SQL run after.
remembered() {
    rm -rf "$XDG_STATE_HOME"
    "$BIN" recent --list >/dev/null 2>&1
    python3 - "$XDG_STATE_HOME/tread/state.sqlite" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("""INSERT INTO thread (key, title, site, opened, saved, commentCount, newCount, seenBits, seenCount,
    markedNew, folded, selectedRow, revision, addedCount, unreadCount, eventCount)
    VALUES ('site:Hacker News' || char(31) || '43727727', 'IBM', 'Hacker News', 0, 0, 300, 0, 0, 0, x'', x'', 0, 1,
    0, 10, 0)""")
db.execute(sys.argv[2])
db.commit()
PY
}

# The list's count plus the events the thread held (HN leaves dead comments out), and the unread plus the added:
# both stopped tread with an arithmetic overflow (exit 132) before the first screen.
for sql in "UPDATE thread SET eventCount = 9223372036854775807" \
    "UPDATE thread SET unreadCount = 9223372036854775807, commentCount = 0"; do
    remembered "$sql"
    start_app 100 30 "${apis[@]}" "$BIN" hn:new
    expect_screen "IBM orders US sales" "the list opens on a store with: $sql"
    send q
    expect_exit 0 "the list quits on a store with: $sql"
done
finish
