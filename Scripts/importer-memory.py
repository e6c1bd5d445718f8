#!/usr/bin/env python3
"""Measures each importer's peak memory against the size of the response it reads.

Usage: Scripts/importer-memory.py PATH/TO/tread [COUNTS...]   (default counts: 10000 100000 1000000)
       IMPORTER_FORMATS=lobsters,lobsters-small Scripts/importer-memory.py ...   (some formats only)

For each site format (hn-algolia, hn-items, reddit, discourse, lobsters) and each count, writes a
response of that many comments made from the first comment of the recorded fixture in
Tests/Fixtures (new ids, every comment a reply to the one before in groups of ten, so threads nest),
runs `/usr/bin/time -v tread stats --format FORMAT FILE` and prints one table row: the format, the
comments, the body in MB, the peak resident set in MB and their ratio. `lobsters-small` is
Lobsters with the fewest fields and a one-word comment (about 130 bytes a comment), where the
importer's cost per comment rather than the text dominates.
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


FORMATS = {"hn-algolia": algolia, "hn-items": items, "reddit": reddit, "discourse": discourse, "lobsters": lobsters,
           "lobsters-small": lobsters_small}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tread = sys.argv[1]
    counts = [int(c) for c in sys.argv[2:]] or [10_000, 100_000, 1_000_000]
    print("| format | comments | body MB | peak RSS MB | peak / body |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        wanted = os.environ.get("IMPORTER_FORMATS", ",".join(FORMATS)).split(",")
        for name, make in ((name, FORMATS[name]) for name in wanted):
            for n in counts:
                path = os.path.join(folder, f"{name}-{n}.json")
                with open(path, "w") as out:
                    json.dump(make(n), out)
                size = os.path.getsize(path) / 1e6
                run = subprocess.run(["/usr/bin/time", "-v", tread, "stats", "--format", name.split("-small")[0], path],
                                     capture_output=True, text=True)
                peak = next(int(line.split(":")[1]) for line in run.stderr.splitlines()
                            if "Maximum resident set size" in line) / 1000
                status = "" if run.returncode == 0 else f" (exit {run.returncode})"
                print(f"| {name} | {n:,} | {size:.1f} | {peak:.0f}{status} | {peak / size:.1f}× |", flush=True)
                os.remove(path)


if __name__ == "__main__":
    main()
