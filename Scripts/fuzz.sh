#!/usr/bin/env bash
# Fuzzes load → flatten → layout → render → print with libFuzzer for SECONDS (default 60).
#
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#   Scripts/fuzz.sh --build-only      (only builds the fuzzer: CI builds it while other steps run)
#
# Builds the TreadFuzz product with -sanitize=fuzzer,address into .build-fuzz (apart from the
# normal build), seeds a temporary corpus from SampleData, Tests/Fixtures and a few documents
# from Scripts/gen_thread.py (nothing generated is kept), and runs one fuzzing job.
# Exits non-zero when the fuzzer finds a crash, a leak or a timeout; the input is kept in
# $FUZZ_ARTIFACTS (default .build-fuzz/artifacts) and replays with a plain build:
#   swift run TreadFuzz .build-fuzz/artifacts/crash-…
set -euo pipefail

build_only=no
[ "${1:-}" = --build-only ] && build_only=yes && shift
seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${FUZZ_ARTIFACTS:-$root/.build-fuzz/artifacts}
max_len=65536

cd "$root"
echo "fuzz.sh: building the fuzzer (release, -sanitize=fuzzer,address)" >&2
build_start=$(date +%s)
swift build -c release --scratch-path .build-fuzz --product TreadFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >&2
echo "fuzz.sh: build took $(($(date +%s) - build_start)) s" >&2
[ "$build_only" = no ] || exit 0
fuzzer=$(swift build -c release --scratch-path .build-fuzz --show-bin-path \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING)/TreadFuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/tread-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
seeds=$work/seeds
mkdir -p "$corpus" "$seeds" "$artifacts"

# Seeds: bundled samples, the real threads of the test fixtures, and generated hostile documents.
cp SampleData/*.json "$seeds"/
for file in Tests/Fixtures/*/*.json; do
    cp "$file" "$seeds/$(basename "$(dirname "$file")")-$(basename "$file")"
done
generator=Scripts/gen_thread.py
gen() { python3 "$generator" --quiet "$@"; }
gen --comments 12 --seed 1 --unicode > "$seeds/gen-unicode.json"
gen --comments 20 --seed 2 --invalid-utf8 > "$seeds/gen-invalid-utf8.json"
gen --comments 8 --seed 3 --shape deep --form flat > "$seeds/gen-deep-flat.json"
gen --comments 8 --seed 4 --shape deep > "$seeds/gen-deep-nested.json"
gen --comments 15 --seed 5 --shape bushy --body-len 0,40 > "$seeds/gen-bushy.json"
# --hostile always adds a 1 MB comment and a 100k-character word; cut every string to
# 2000 characters so the payloads fit under -max_len (the huge sizes are tested elsewhere).
for form in nested flat; do
    gen --comments 45 --seed 6 --hostile --form "$form" | python3 -c '
import json, sys
def cut(v):
    if isinstance(v, str): return v[:2000]
    if isinstance(v, list): return [cut(x) for x in v]
    if isinstance(v, dict): return {k: cut(x) for k, x in v.items()}
    return v
json.dump(cut(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
' > "$seeds/gen-hostile-$form.json"
done

# JSON tokens, the keys of every format tread reads (every numeric field among them, with values at
# and past the integer limits) and the markup the HTML and Markdown converters read, so mutations
# stay near valid documents and reach every importer.
dict=$work/json.dict
cat > "$dict" <<'DICT'
"{"
"}"
"["
"]"
":"
","
"\""
"null"
"true"
"false"
"-1"
"0"
"1e400"
"\\u0000"
"\\ud800"
"\\u001b["
"\\u202e"
"\"format\""
"\"tread\""
"\"version\""
"\"article\""
"\"title\""
"\"author\""
"\"body\""
"\"published\""
"\"url\""
"\"source\""
"\"comments\""
"\"replies\""
"\"parent\""
"\"id\""
"\"score\""
"\"deleted\""
"\"children\""
"\"kind\""
"\"data\""
"\"Listing\""
"\"t1\""
"\"t3\""
"\"more\""
"\"text\""
"\"type\""
"\"story\""
"\"comment\""
"\"kids\""
"\"by\""
"\"time\""
"\"post_stream\""
"\"posts\""
"\"cooked\""
"\"reply_to_post_number\""
"\"post_number\""
"\"short_id\""
"\"comment_id\""
"\"depth\""
"\"indent_level\""
"\"parent_comment\""
"\"points\""
"\"created_utc\""
"\"created_at_i\""
"\"created_at\""
"\"story_id\""
"\"post_type\""
"\"action_code\""
"\"ups\""
"\"count\""
"\"dead\""
"\"is_deleted\""
"\"is_moderated\""
"\"user_deleted\""
"\"deleted_at\""
"\"body_html\""
"\"selftext_html\""
"\"selftext\""
"\"fancy_title\""
"\"commenting_user\""
"\"submitter_user\""
"\"short_id_url\""
"\"username\""
"\"name\""
"\"stream\""
"\"placeholder\""
"\"options\""
"9223372036854775807"
"-9223372036854775808"
"9223372036854775808"
"18446744073709551616"
"2147483648"
"4294967296"
"-0"
"0.5"
"1e308"
"-1e400"
"<blockquote>"
"</blockquote>"
"<pre><code>"
"<a href=\"https://x\">"
"&#x200B;"
"&amp;"
"\x0a&gt; "
"\x0a\x0a    "
"^("
"***"
">!"
"~~"
DICT

echo "fuzz.sh: $(ls "$seeds" | wc -l) seeds; fuzzing for $seconds s" >&2
log=$work/fuzz.log
# Swift's own crash backtracer, run inside an ASan process, can hang; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
set +e +o pipefail
"$fuzzer" "$corpus" "$seeds" -dict="$dict" -max_len=$max_len -timeout=10 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" 2>&1 |
    tee "$log" | grep --line-buffered -E '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)|^==[0-9]+==|^SUMMARY|artifact_prefix|Test unit written' >&2
status=${PIPESTATUS[0]}
set -e -o pipefail

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
echo "fuzz.sh: ${executions:-?} executions (${rate:-?} exec/s), corpus of $(ls "$corpus" | wc -l) inputs"
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: the fuzzer failed (status $status); the input is in $artifacts" >&2
    tail -n 60 "$log" >&2
    exit 1
fi
