#!/usr/bin/env python3
"""Measures each importer's peak memory against the size of the response it reads.

Usage: Scripts/importer-memory.py PATH/TO/tread [COUNTS...]   (default counts: 10000 100000 1000000)
       IMPORTER_FORMATS=lobsters,lobsters-small Scripts/importer-memory.py ...   (some formats only)
       IMPORTER_BEFORE=PATH/TO/old/tread IMPORTER_RUNS=3 Scripts/importer-memory.py ...   (old against new)

For each site format (hn-algolia, hn-items, reddit, discourse, lobsters, mastodon, lemmy, bluesky)
and each count, writes a response of that many comments made from the first comment of the
recorded fixture in Tests/Fixtures (new ids, every comment a reply to the one before in groups of
ten, so threads nest), runs `/usr/bin/time -v tread stats --format FORMAT FILE` and prints one
table row: the format, the comments, the body in MB, the peak resident set in MB, their ratio (the
absolute peak against the body: the whole process, the mapped response included), the peak less
the same binary's own baseline against the body (the baseline is the peak of `tread --version`,
the least of three runs made at the start of the same run: almost all of it the file pages of the
static binary, about 17 MB, which no importer can shrink; a 10k row's body of a few MB is smaller
than that, so its absolute ratio cannot come near 3×), and the time (wall clock, the least of IMPORTER_RUNS runs, with
the load average when the row began; and the CPU time, user and system, the least of the runs,
which the machine's load disturbs less). `lobsters-small` is Lobsters with the fewest fields and a
one-word comment (about 130 bytes a comment), where the importer's cost per comment rather than
the text dominates. With IMPORTER_BEFORE, each row is measured for that binary too, the two runs
alternating on the same file, and printed as a second row marked "before".
"""
import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures"


def first(folder):
    return json.loads(sorted((ROOT / folder).glob("*.json"))[0].read_bytes())


def parent_of(i):
    """Each group of ten: a top-level comment and a chain of nine replies under it."""
    return None if i % 10 == 0 else i - 1


def lobsters(n):
    story = first("lobsters")
    one = story["comments"][0]
    comments = []
    for i in range(n):
        c = dict(one, short_id=f"c{i}", short_id_url=f"https://lobste.rs/c/c{i}", depth=i % 10)
        c["parent_comment"] = None if parent_of(i) is None else f"c{parent_of(i)}"
        comments.append(c)
    story["comments"] = comments
    story["comment_count"] = n
    return story


def lobsters_small(n):
    story = first("lobsters")
    story["comments"] = [
        {"short_id": f"c{i}", "comment": "<p>yes</p>", "commenting_user": "u", "created_at": "2024-01-01T00:00:00Z",
         "parent_comment": None if parent_of(i) is None else f"c{parent_of(i)}", "depth": i % 10}
        for i in range(n)
    ]
    return story


def algolia(n):
    story = first("hn_algolia")
    leaf = copy.deepcopy(story["children"][0])
    leaf["children"] = []
    top = []
    chain = None
    for i in range(n):
        c = dict(leaf, id=10_000_000 + i, children=[], parent_id=story["id"])
        if parent_of(i) is None:
            top.append(c)
        else:
            chain["children"].append(c)
        chain = c
    story["children"] = top
    return story


def items(n):
    recorded = first("hn_firebase")
    story = next(x for x in recorded if isinstance(x, dict) and x.get("type") == "story")
    comment = next(x for x in recorded if isinstance(x, dict) and x.get("type") == "comment")
    out = [dict(story, kids=[10_000_000 + i for i in range(n) if parent_of(i) is None], descendants=n)]
    for i in range(n):
        p = parent_of(i)
        out.append(dict(comment, id=10_000_000 + i, parent=story["id"] if p is None else 10_000_000 + p,
                        kids=[10_000_000 + i + 1] if i % 10 != 9 and i + 1 < n else []))
    return out


def reddit(n):
    thread = first("reddit")
    one = next(t for t in thread[1]["data"]["children"] if t["kind"] == "t1")
    one = copy.deepcopy(one)
    one["data"]["replies"] = ""
    top = []
    chain = None
    for i in range(n):
        c = {"kind": "t1", "data": dict(one["data"], id=f"x{i}", name=f"t1_x{i}", replies="")}
        if parent_of(i) is None:
            top.append(c)
        else:
            chain["data"]["replies"] = {"kind": "Listing", "data": {"children": [c]}}
        chain = c
    thread[1]["data"]["children"] = top
    return thread


def discourse(n):
    topic = first("discourse")
    one = topic["post_stream"]["posts"][0]
    posts = []
    for i in range(n):
        p = parent_of(i)
        posts.append(dict(one, id=10_000_000 + i, post_number=i + 1,
                          reply_to_post_number=None if p is None else p + 1))
    topic["post_stream"] = {"posts": posts, "stream": [p["id"] for p in posts]}
    return topic


def mastodon(n):
    saved = json.loads((ROOT / "mastodon" / "context_halcy_mastodonpy.json").read_bytes())
    one = saved["context"]["descendants"][0]
    root = saved["status"]["id"]
    saved["context"]["ancestors"] = []
    saved["context"]["descendants"] = [
        dict(one, id=str(10_000_000 + i), in_reply_to_id=root if parent_of(i) is None else str(10_000_000 + parent_of(i)))
        for i in range(n)]
    return saved


def lemmy(n):
    answers = json.loads((ROOT / "lemmy" / "post_1_lemmyktclient.json").read_bytes())
    post = answers[0]
    one = next(a for a in answers if a.get("comments"))["comments"][0]
    comments = []
    chain = []
    for i in range(n):
        chain = [] if parent_of(i) is None else chain
        chain.append(10_000_000 + i)
        view = copy.deepcopy(one)
        view["comment"].update(id=10_000_000 + i, path="0." + ".".join(map(str, chain)))
        view.setdefault("counts", {})["child_count"] = min(9 - i % 10, n - 1 - i)
        comments.append(view)
    return dict(post, comments=comments)


def bluesky(n):
    saved = json.loads((ROOT / "bluesky" / "thread_mid_morpho.json").read_bytes())
    one = copy.deepcopy(saved["thread"]["replies"][0])
    one["replies"] = []
    top = []
    chain = None
    for i in range(n):
        view = dict(one, post=dict(one["post"], uri=f"{one['post']['uri']}x{i}", replyCount=0), replies=[])
        if parent_of(i) is None:
            top.append(view)
        else:
            chain["replies"].append(view)
            chain["post"]["replyCount"] = 1
        chain = view
    saved["thread"]["replies"] = top
    saved["thread"]["post"]["replyCount"] = len(top)
    return saved


FORMATS = {"hn-algolia": algolia, "hn-items": items, "reddit": reddit, "discourse": discourse, "lobsters": lobsters,
           "lobsters-small": lobsters_small, "mastodon": mastodon, "lemmy": lemmy, "bluesky": bluesky}


def measure(tread, name, path):
    """Peak RSS in MB, wall-clock seconds, CPU seconds (user and system) and the exit status of one `tread stats` run."""
    run = subprocess.run(["/usr/bin/time", "-v", tread, "stats", "--format", name.split("-small")[0], path],
                         capture_output=True, text=True)
    fields = dict(line.strip().rsplit(": ", 1) for line in run.stderr.splitlines() if ": " in line)
    peak = int(fields["Maximum resident set size (kbytes)"]) / 1000
    clock = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    seconds = sum(float(part) * 60 ** k for k, part in enumerate(reversed(clock)))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return peak, seconds, cpu, run.returncode


def baseline(tread):
    """The process's own peak: `tread --version`, the least of three runs, in MB."""
    peaks = []
    for _ in range(3):
        run = subprocess.run(["/usr/bin/time", "-v", tread, "--version"], capture_output=True, text=True)
        fields = dict(line.strip().rsplit(": ", 1) for line in run.stderr.splitlines() if ": " in line)
        peaks.append(int(fields["Maximum resident set size (kbytes)"]) / 1000)
    return min(peaks)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tread = sys.argv[1]
    counts = [int(c) for c in sys.argv[2:]] or [10_000, 100_000, 1_000_000]
    before = os.environ.get("IMPORTER_BEFORE")
    runs = int(os.environ.get("IMPORTER_RUNS", "1"))
    binaries = [(tread, "")] + ([(before, " (before)")] if before else [])
    bases = {binary: baseline(binary) for binary, _ in binaries}
    for binary, mark in binaries:
        print(f"baseline{mark}: {bases[binary]:.1f} MB, the peak of `tread --version` ({binary})")
    print("| format | comments | body MB | peak RSS MB | peak / body (absolute) | (peak − baseline) / body | time s | CPU s | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        wanted = os.environ.get("IMPORTER_FORMATS", ",".join(FORMATS)).split(",")
        for name, make in ((name, FORMATS[name]) for name in wanted):
            for n in counts:
                path = os.path.join(folder, f"{name}-{n}.json")
                with open(path, "w") as out:
                    json.dump(make(n), out)
                size = os.path.getsize(path) / 1e6
                load = os.getloadavg()[0]
                results = {binary: [] for binary, _ in binaries}
                for _ in range(runs):
                    for binary, _ in binaries:
                        results[binary].append(measure(binary, name, path))
                for binary, mark in binaries:
                    peak = max(r[0] for r in results[binary])
                    seconds = min(r[1] for r in results[binary])
                    cpu = min(r[2] for r in results[binary])
                    failed = [r[3] for r in results[binary] if r[3] != 0]
                    status = f" (exit {failed[0]})" if failed else ""
                    print(f"| {name}{mark} | {n:,} | {size:.1f} | {peak:.0f}{status} | {peak / size:.1f}× | "
                          f"{(peak - bases[binary]) / size:.1f}× | {seconds:.2f} | {cpu:.2f} | {load:.1f} |", flush=True)
                os.remove(path)


if __name__ == "__main__":
    main()
