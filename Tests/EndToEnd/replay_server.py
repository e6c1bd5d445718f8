#!/usr/bin/env python3
"""A loopback HTTP server that replays the sites' APIs from the real threads in Tests/Fixtures.

Usage: replay_server.py FIXTURES_DIR PORT_FILE [--delay SECONDS] [--log FILE] [--hold]

Binds 127.0.0.1 on a free port and writes the port to PORT_FILE once it listens. Routes (point
tread's TREAD_*_API variables at the prefixes):

  /algolia/items/ID          Hacker News Algolia: the hn_algolia file whose root has this id
  /hn/item/ID.json           official Hacker News API: one item of the hn_firebase arrays (else null)
  /reddit/comments/ID.json   Reddit: the reddit file of that post
  /lobsters/s/ID.json        Lobsters: the lobsters file of that story
  /t/ID.json                 Discourse: the topic's first page, cut to its first 20 posts
  /t/ID/posts.json?post_ids[]=N&...   Discourse: those posts
  /reddit/api/morechildren?link_id=t3_ID&children=a,b   Reddit: the things of the recorded
                             answers in http/ (reddit_morechildren_*.json) with those ids
  /reddit/comments/ID/_/COMMENT.json   Reddit "continue this thread": the thread's post and that
                             comment's subtree (its own "continue" stubs left out)

Front pages (issue 19), from Tests/Fixtures/http/lists (recorded) and the thread fixtures (assembled, so
their stories open):
  /hn/topstories.json (and best, ask, show, job)   the ids of the hn_firebase stories, then the
                             recorded list's ids (whose items answer null: missing stories)
  /hn/newstories.json        the ids of the hn_firebase stories only
  /reddit/hot.json, /reddit/r/SUB/hot.json (top, rising)   the recorded front page; with after=,
                             the same page again with no after (a last page)
  /reddit/r/SUB/new.json     the posts of the reddit thread fixtures, as a listing
  /lobsters/hottest.json, /lobsters/t/TAG.json   the recorded hottest list; .../page/N.json its
                             first ten stories (a last page)
  /lobsters/newest.json      the stories of the lobsters thread fixtures
  /latest.json, /top.json, /c/SLUG/ID.json   the recorded Discourse list; ?page=N: the topics of
                             the discourse thread fixtures, without more_topics_url (a last page)

A prefix /fault/NAME before any route injects a fault instead of (or before) the answer:
  slow      sleeps 5 s before answering            reset     drops the connection mid-body
  429       429 with Retry-After: 1, every time    429once   429 (Retry-After: 1) once per path, then the answer
  500       500 every time                         html      a 200 web page (text/html)
  big       a 2 MB JSON body with no length        gzipbomb  50 MB of zeros gzipped (about 50 KB)
  offsite   302 to the same path on localhost      loop      302 to itself, forever
  moved     301 to the answer on the same host
  nolocation  301 with no Location header     tofile    302 to file:///etc/passwd
  otherport 302 to the same path on 127.0.0.1 at another port (the port plus one)
  404, 403  that status
  410       410 Gone                           chunkcut  a chunked answer closed after its first chunk
  notgzip   the answer, said to be gzip and not   drip      the answer 50 bytes every 0.2 s
  hold      a Hacker News story and its top-level comments (and a Discourse topic's first
            page) at once, every other item (and posts.json batch) only once the file
            PORT_FILE.release exists: a thread that arrives in parts stops after its first
            part until the test lets the rest through (--hold: every request, with no prefix, as
            a Discourse topic's address must start with /t/)
  trimmed   a Reddit thread with the comments of a recorded morechildren answer taken out and
            one "more" stub listing them in their place (what Reddit sends before they load)
  grow      trimmed the first time per path, the whole thread afterwards (a reload finds them)
  chain     official Hacker News API items that never end: story 8000000, each item one
            reply deeper (/fault/chain/hn/item/ID.json); any other path is a 404
Mastodon, Lemmy and Bluesky answer at /api/… and /bsky/… (see replay_fediverse.py); as their
addresses name the server, a fault for them is named in the file PORT_FILE.fault instead of a
prefix (its first line, applied to every /api/ request while the file exists). Faults for them:
  401       401, as a server that wants a login for a private status
  federation  400 with Lemmy's error answer {"error": "federation_disabled"}
--synthetic N adds made-up threads of N comments for benchmarks: Hacker News item 9000000 (both
APIs) and Discourse topic 9000000. --delay adds that many seconds to every answer (for benchmarks). --log appends one line per
request: the path and the User-Agent. /lobsters/c/SHORT.json answers the recorded comment SHORT (the
site's comment link), its url naming the story.
"""

import gzip
import json
import os
import random
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from replay_fediverse import Fediverse

FIRST_PAGE = 20


def load_fixtures(root):
    """Indexes the fixture files by the ids the APIs are asked for."""
    algolia, items, reddit, lobsters, discourse = {}, {}, {}, {}, {}
    for path in sorted((root / "hn_algolia").glob("*.json")):
        algolia[str(json.loads(path.read_bytes())["id"])] = path.read_bytes()
    for path in sorted((root / "hn_firebase").glob("*.json")):
        for item in json.loads(path.read_bytes()):
            if isinstance(item, dict) and "id" in item:
                items[str(item["id"])] = json.dumps(item).encode()
    for path in sorted((root / "reddit").glob("*.json")):
        data = json.loads(path.read_bytes())
        reddit[data[0]["data"]["children"][0]["data"]["id"]] = path.read_bytes()
    for path in sorted((root / "lobsters").glob("*.json")):
        lobsters.setdefault(json.loads(path.read_bytes())["short_id"], path.read_bytes())
    for path in sorted((root / "discourse").glob("*.json")):
        topic = json.loads(path.read_bytes())
        discourse[str(topic["id"])] = topic
    return algolia, items, reddit, lobsters, discourse


def load_lists(root, fixtures):
    """The recorded lists, and lists assembled from the thread fixtures' stories."""
    lists = root / "http" / "lists"
    _, items, reddit, lobsters, discourse = fixtures
    recorded = {
        "hn": json.loads((lists / "hn_topstories_2023-08.json").read_bytes()),
        "reddit": json.loads((lists / "reddit_frontpage_hot_2016-10.json").read_bytes()),
        "lobsters": json.loads((lists / "lobsters_hottest_2023-10.json").read_bytes()),
        "discourse": json.loads((lists / "discourse_latest_2023.json").read_bytes()),
    }
    stories = [json.loads(b)["id"] for b in items.values() if (json.loads(b) or {}).get("type") == "story"]
    recorded["hn_fixture_ids"] = sorted(set(stories))
    recorded["reddit_new"] = {"kind": "Listing", "data": {"after": None, "children": [
        json.loads(body)[0]["data"]["children"][0] for body in reddit.values()]}}
    recorded["lobsters_new"] = [
        {k: v for k, v in json.loads(body).items() if k != "comments"} for body in lobsters.values()]
    recorded["discourse_more"] = {"users": [], "topic_list": {"topics": [
        {k: topic.get(k) for k in ("id", "title", "slug", "posts_count", "like_count", "created_at", "pinned", "closed")}
        for topic in discourse.values()]}}
    return recorded


def list_route(lists, parts, query):
    """A front page's answer, or None when the path is not a list's."""
    if parts[:1] == ["hn"] and len(parts) == 2 and parts[1].endswith("stories.json"):
        feed = parts[1][: -len("stories.json")]
        ids = lists["hn_fixture_ids"] + ([] if feed == "new" else lists["hn"])
        if lists.get("synthetic"):
            ids = lists["synthetic"]
        return json.dumps(ids).encode()
    if parts[:1] == ["reddit"] and parts[-1:] in (["hot.json"], ["top.json"], ["rising.json"]) and len(parts) in (2, 4):
        page = json.loads(json.dumps(lists["reddit"]))
        if "after" in query:
            page["data"]["after"] = None
            # The next page: the same stories under ids of their own, as a real next page holds other
            # stories (tread shows a story once, so a page of the first page's ids would add nothing).
            for child in page["data"]["children"]:
                child["data"]["id"] = str(child["data"].get("id", "")) + "p2"
                child["data"]["name"] = "t3_" + child["data"]["id"]
        return json.dumps(page).encode()
    if parts[:1] == ["reddit"] and len(parts) == 4 and parts[3] == "new.json":
        return json.dumps(lists["reddit_new"]).encode()
    if parts[:1] == ["lobsters"] and "page" in parts[:-1]:
        return json.dumps(lists["lobsters"][:10]).encode()
    if parts in (["lobsters", "hottest.json"],) or (parts[:2] == ["lobsters", "t"] and len(parts) == 3):
        return json.dumps(lists["lobsters"]).encode()
    if parts == ["lobsters", "newest.json"]:
        return json.dumps(lists["lobsters_new"]).encode()
    if parts in (["latest.json"], ["top.json"]) or (parts[:1] == ["c"] and len(parts) == 3 and parts[2].endswith(".json")):
        if "page" in query:
            return json.dumps(lists["discourse_more"]).encode()
        return json.dumps(lists["discourse"]).encode()
    return None


def load_more_children(root):
    """The recorded morechildren answers, by thread id: (requested ids, things)."""
    more = {}
    for path in sorted((root / "http").glob("reddit_morechildren_*.json")):
        record = json.loads(path.read_bytes())
        more[record["link_id"][3:]] = (record["children"], record["response"]["json"]["data"]["things"])
    return more


def reddit_trimmed(thread, more):
    """The thread without the top-level comments a recorded morechildren answer holds, and a stub for them."""
    data = json.loads(thread)
    post = data[0]["data"]["children"][0]["data"]["id"]
    if post not in more:
        return thread
    requested, things = more[post]
    answered = {t["data"]["id"] for t in things}
    listing = data[1]["data"]
    listing["children"] = [t for t in listing["children"] if t["data"].get("id") not in answered]
    listing["children"].append({"kind": "more", "data": {
        "count": len(requested), "name": "t1_" + requested[0], "id": requested[0], "parent_id": "t3_" + post,
        "depth": 0, "children": requested}})
    return json.dumps(data).encode()


def reddit_subtree(thread, comment):
    """The permalink answer of one comment: the post, and the comment with its replies."""
    data = json.loads(thread)
    stack = list(data[1]["data"]["children"])
    while stack:
        thing = stack.pop()
        if thing.get("kind") != "t1":
            continue
        if thing["data"].get("id") == comment:
            # Depth-limited "continue" stubs stand for replies the recording lacks: leave them out.
            inner = [thing]
            while inner:
                node = inner.pop()
                replies = node["data"].get("replies")
                if isinstance(replies, dict):
                    kept = [t for t in replies["data"]["children"] if not (t["kind"] == "more" and t["data"].get("id") == "_")]
                    replies["data"]["children"] = kept
                    inner += [t for t in kept if t["kind"] == "t1"]
            data[1]["data"]["children"] = [thing]
            return json.dumps(data).encode()
        replies = thing["data"].get("replies")
        if isinstance(replies, dict):
            stack += replies["data"]["children"]
    return None


SYNTHETIC_ID = 9000000


def add_synthetic(fixtures, count):
    """A Hacker News thread and a Discourse topic of `count` comments, replies spread over a few levels."""
    algolia, items, _, _, discourse = fixtures
    parents = [0 if i < count // 10 or i % 4 == 0 else random.Random(i).randrange(1, i) for i in range(1, count + 1)]
    text = "<p>" + "A comment of a made-up thread, long enough to wrap once or twice on a screen. " * 3 + "</p>"
    kids = {i: [] for i in range(count + 1)}
    for i, parent in enumerate(parents, start=1):
        kids[parent].append(i)
    for i in range(count + 1):
        item = {"id": SYNTHETIC_ID + i, "by": f"user{i % 97}", "time": 1700000000 + i, "kids": [SYNTHETIC_ID + k for k in kids[i]]}
        if i == 0:
            item.update(type="story", title="A made-up thread", descendants=count, score=100)
        else:
            item.update(type="comment", text=text, parent=SYNTHETIC_ID + parents[i - 1])
        items[str(SYNTHETIC_ID + i)] = json.dumps(item).encode()
    nodes = {}
    for i in range(count, -1, -1):
        nodes[i] = {
            "id": SYNTHETIC_ID + i, "created_at_i": 1700000000 + i, "type": "story" if i == 0 else "comment",
            "author": f"user{i % 97}", "text": None if i == 0 else text, "title": "A made-up thread" if i == 0 else None,
            "children": [nodes.pop(k) for k in kids[i]],
        }
    algolia[str(SYNTHETIC_ID)] = json.dumps(nodes[0]).encode()
    posts = [
        {"id": SYNTHETIC_ID + n, "post_number": n, "username": f"user{n % 97}", "created_at": "2024-01-01T00:00:00Z",
         "cooked": text, "post_type": 1, "reply_to_post_number": None if n < 3 or n % 4 == 0 else random.Random(n).randrange(2, n)}
        for n in range(1, count + 2)
    ]
    discourse[str(SYNTHETIC_ID)] = {
        "id": SYNTHETIC_ID, "title": "A made-up topic", "slug": "made-up",
        "post_stream": {"posts": posts, "stream": [p["id"] for p in posts]},
    }


def add_synthetic_stories(fixtures, count):
    """Made-up Hacker News stories (items 9100001...) for the list benchmarks; their ids."""
    items = fixtures[1]
    ids = [9100000 + n for n in range(1, count + 1)]
    for n, id in enumerate(ids, start=1):
        items[str(id)] = json.dumps({
            "id": id, "type": "story", "by": f"user{n % 97}", "time": 1700000000 - n * 60, "score": 500 - n,
            "descendants": n, "title": f"A made-up story number {n} for the list benchmark",
            "url": f"https://example.com/{n}"}).encode()
    return ids


CHAIN_ROOT = 8000000


def chain_item(path):
    """An item of an endless chain of replies under story CHAIN_ROOT: each names a new one."""
    parts = [p for p in urlsplit(path).path.split("/") if p]
    if parts[:2] != ["hn", "item"] or len(parts) != 3 or not parts[2][:-5].isdigit() or int(parts[2][:-5]) < CHAIN_ROOT:
        return 404, b'{"error":"not found"}'
    number = int(parts[2][:-5])
    item = {"id": number, "by": f"user{number % 7}", "time": 1700000000 + number - CHAIN_ROOT, "kids": [number + 1]}
    if number == CHAIN_ROOT:
        item.update(type="story", title="A chain that never ends", descendants=1000000, score=1)
    else:
        item.update(type="comment", text=f"<p>Level {number - CHAIN_ROOT}</p>", parent=number - 1)
    return 200, json.dumps(item).encode()


class Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm each answer would wait
    # for the client's delayed ACK (40 ms).
    disable_nagle_algorithm = True
    fixtures = None
    lists = {}
    more_children = {}
    delay = 0.0
    log_path = None
    seen = set()
    lock = threading.Lock()
    bomb = None
    release_path = None
    hold_all = False

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.log_path:
            with self.lock, open(self.log_path, "a") as log:
                log.write(f"{self.path} {self.headers.get('User-Agent', '')}\n")
        if self.delay:
            time.sleep(self.delay)
        path = self.path
        if path.startswith("/api/") and os.path.exists(Replay.fault_path):
            with open(Replay.fault_path) as named:
                if self.fault(named.readline().strip(), path):
                    return
        if self.hold_all:
            self.fault("hold", path)
        if path.startswith("/fault/"):
            _, _, fault, rest = path.split("/", 3)
            if self.fault(fault, "/" + rest):
                return
            path = "/" + rest
        body = self.route(path) or self.fediverse.route(path)
        if body is None:
            self.send(404, b'{"error":"not found"}')
        elif isinstance(body, tuple):
            # Bluesky answers a post it does not have (a deleted one) with 400 and its own error.
            message = json.dumps({"error": "NotFound", "message": f"Post not found: {body[1]}"}).encode()
            self.send(400, message)
        else:
            self.send(200, body)

    def fault(self, fault, rest):
        """Answers with the fault; False when the normal answer should follow."""
        if fault == "slow":
            time.sleep(5)
            return False
        if fault == "hold":
            while not self.first_part(rest) and not os.path.exists(Replay.release_path):
                time.sleep(0.02)
            return False
        if fault == "reset":
            body = self.route(rest) or b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            # SO_LINGER 0: close with a reset, not an orderly end.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return True
        if fault == "429" or (fault == "429once" and self.first_time(rest)):
            self.send(429, b'{"error":"slow down"}', {"Retry-After": "1"})
            return True
        if fault == "500":
            self.send(500, b'{"error":"internal"}')
            return True
        if fault == "html":
            self.send(200, b"<!doctype html><html><body>Please log in</body></html>", {}, "text/html; charset=utf-8")
            return True
        if fault == "big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"[" + b"0," * 1_000_000 + b"0]")
            self.close_connection = True
            return True
        if fault == "gzipbomb":
            self.send(200, Replay.bomb, {"Content-Encoding": "gzip"})
            return True
        if fault == "offsite":
            port = self.server.server_address[1]
            self.send(302, b"", {"Location": f"http://localhost:{port}{rest}"})
            return True
        if fault == "moved":
            self.send(301, b"", {"Location": rest})
            return True
        if fault == "nolocation":
            self.send(301, b"")
            return True
        if fault == "tofile":
            self.send(302, b"", {"Location": "file:///etc/passwd"})
            return True
        if fault == "otherport":
            port = self.server.server_address[1]
            self.send(302, b"", {"Location": f"http://127.0.0.1:{port + 1}{rest}"})
            return True
        if fault == "loop":
            self.send(302, b"", {"Location": self.path})
            return True
        if fault == "trimmed" or (fault == "grow" and self.first_time("grow" + rest)):
            body = self.route(rest)
            # Only a whole thread (/reddit/comments/ID.json), not a permalink or another API.
            if body is None or len(urlsplit(rest).path.strip("/").split("/")) != 3 or not rest.startswith("/reddit/comments/"):
                return False
            self.send(200, reddit_trimmed(body, self.more_children))
            return True
        if fault == "chain":
            self.send(*chain_item(rest))
            return True
        if fault in ("404", "403", "401"):
            self.send(int(fault), b'{"error":"no"}')
            return True
        if fault == "chunkcut":
            # A chunked answer whose connection closes after its first chunk, with no last chunk.
            body = self.route(rest) or b"{}"
            half = body[: len(body) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n" % len(half) + half + b"\r\n")
            self.wfile.flush()
            self.close_connection = True
            return True
        if fault == "drip":
            # The answer 50 bytes every 0.2 s: never idle long enough for a timeout, never done.
            body = self.route(rest) or b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for start in range(0, len(body), 50):
                    self.wfile.write(body[start : start + 50])
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            self.close_connection = True
            return True
        if fault == "notgzip":
            self.send(200, self.route(rest) or b"{}", {"Content-Encoding": "gzip"})
            return True
        if fault == "410":
            self.send(410, b'{"error":"gone"}')
            return True
        if fault == "federation":
            self.send(400, b'{"error":"federation_disabled"}')
            return True
        return False

    def first_part(self, path):
        """Whether `path` asks for a story, a top-level comment or a topic's first page."""
        parts = [p for p in urlsplit(path).path.split("/") if p]
        if parts[:2] != ["hn", "item"] or len(parts) != 3:
            return not (parts[:1] == ["t"] and parts[-1:] == ["posts.json"])
        items = self.fixtures[1]
        item = json.loads(items.get(parts[2][:-5], b"null") or b"null")
        parent = item.get("parent") if isinstance(item, dict) else None
        if parent is None:
            return True
        above = json.loads(items.get(str(parent), b"null"))
        return not isinstance(above, dict) or above.get("parent") is None

    def first_time(self, key):
        with self.lock:
            if key in Replay.seen:
                return False
            Replay.seen.add(key)
            return True

    def route(self, path):
        algolia, items, reddit, lobsters, discourse = self.fixtures
        url = urlsplit(path)
        parts = [p for p in url.path.split("/") if p]
        listed = list_route(self.lists, parts, parse_qs(url.query))
        if listed is not None:
            return listed
        if parts[:2] == ["algolia", "items"] and len(parts) == 3:
            return algolia.get(parts[2])
        if parts[:2] == ["hn", "item"] and len(parts) == 3 and parts[2].endswith(".json"):
            return items.get(parts[2][:-5], b"null")
        if parts[:2] == ["reddit", "comments"] and len(parts) == 3 and parts[2].endswith(".json"):
            return reddit.get(parts[2][:-5])
        if parts[:2] == ["reddit", "comments"] and len(parts) == 5 and parts[3] == "_" and parts[4].endswith(".json"):
            thread = reddit.get(parts[2])
            return None if thread is None else reddit_subtree(thread, parts[4][:-5])
        if parts[:3] == ["reddit", "api", "morechildren"]:
            query = parse_qs(url.query)
            link = query.get("link_id", [""])[0]
            wanted = set(",".join(query.get("children", [])).split(","))
            _, things = self.more_children.get(link[3:], ([], []))
            chosen = [t for t in things if t["data"].get("id") in wanted]
            return json.dumps({"json": {"errors": [], "data": {"things": chosen}}}).encode()
        if parts[:2] == ["lobsters", "s"] and len(parts) == 3 and parts[2].endswith(".json"):
            return lobsters.get(parts[2][:-5])
        if parts[:2] == ["lobsters", "c"] and len(parts) == 3 and parts[2].endswith(".json"):
            # A comment's own answer (/c/SHORT.json): the recorded comment object, whose url names its story.
            for body in lobsters.values():
                for comment in json.loads(body).get("comments", []):
                    if isinstance(comment, dict) and comment.get("short_id") == parts[2][:-5]:
                        return json.dumps(comment).encode()
            return None
        if parts[:1] == ["t"] and len(parts) == 2 and parts[1].endswith(".json"):
            topic = discourse.get(parts[1][:-5])
            if topic is None:
                return None
            page = dict(topic)
            stream = topic["post_stream"]
            page["post_stream"] = {
                "posts": stream["posts"][:FIRST_PAGE],
                "stream": stream.get("stream", [p["id"] for p in stream["posts"]]),
            }
            return json.dumps(page).encode()
        if parts[:1] == ["t"] and len(parts) == 3 and parts[2] == "posts.json":
            topic = discourse.get(parts[1])
            if topic is None:
                return None
            wanted = {int(i) for i in parse_qs(url.query).get("post_ids[]", []) if i.isdigit()}
            posts = [p for p in topic["post_stream"]["posts"] if p["id"] in wanted]
            return json.dumps({"post_stream": {"posts": posts}, "id": topic["id"]}).encode()
        return None

    def send(self, status, body, headers=None, content_type="application/json; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops connections when tread opens 32 at once; each dropped SYN
    # is retried after a second.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A client that gave up (a timeout, a size cap) closes its end: expected here, not news.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    root, port_file = Path(args[0]), args[1]
    if "--delay" in args:
        Replay.delay = float(args[args.index("--delay") + 1])
    Replay.release_path = port_file + ".release"
    Replay.fault_path = port_file + ".fault"
    Replay.hold_all = "--hold" in args
    if "--log" in args:
        Replay.log_path = args[args.index("--log") + 1]
    Replay.fixtures = load_fixtures(root)
    Replay.more_children = load_more_children(root)
    Replay.fediverse = Fediverse(root)
    # Made before listening: compressing 50 MB on the first request would outlast a client's timeout.
    Replay.bomb = gzip.compress(b"0" * (50 << 20), compresslevel=6)
    Replay.lists = load_lists(root, Replay.fixtures)
    if "--synthetic" in args:
        add_synthetic(Replay.fixtures, int(args[args.index("--synthetic") + 1]))
        Replay.fediverse.add_synthetic(int(args[args.index("--synthetic") + 1]))

        Replay.lists["synthetic"] = add_synthetic_stories(Replay.fixtures, 500)
    server = Server(("127.0.0.1", 0), Replay)
    temporary = port_file + ".tmp"
    with open(temporary, "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(temporary, port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
