#!/usr/bin/env bash
# End-to-end (qa-input): `tread config` prints a file that reads back to the same settings, however
# many kill rules the config holds. A config of 1,500 author rules (47 KB) printed as 79 KB, past the
# 65,536 bytes tread then read: the printed file was refused ("is over 65,536 bytes; not a config").
# Usage: test-qa-input-config.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

mkdir -p "$work/xdg/tread"
for i in $(seq 1 1500); do printf '[[kill]]\nquery = "author:user%d"\n' "$i"; done >"$work/xdg/tread/config.toml"
if XDG_CONFIG_HOME="$work/xdg" "$BIN" config >"$work/printed.toml" 2>"$work/err" &&
    [ "$(grep -c '^\[\[kill\]\]$' "$work/printed.toml")" -eq 1500 ]; then
    pass "a config of 1,500 kill rules is read and printed"
else
    fail "a config of 1,500 kill rules is read and printed" "$(head -c 300 "$work/err")"
fi
if "$BIN" config --file "$work/printed.toml" >"$work/again.toml" 2>"$work/err" &&
    cmp -s "$work/printed.toml" "$work/again.toml"; then
    pass "the printed config of 1,500 kill rules reads back as the same file"
else
    fail "the printed config of 1,500 kill rules reads back as the same file" "$(head -c 300 "$work/err")"
fi

cli_finish
