"""Mastodon, Lemmy and Bluesky routes for replay_server.py, from Tests/Fixtures/{mastodon,lemmy,bluesky}.

Mastodon and Lemmy addresses name their own server, so these answer at the root, as the sites do:

  /api/v1/statuses/ID            Mastodon: the status (from any fixture that holds it)
  /api/v1/statuses/ID/context    Mastodon: its ancestors and descendants among all the statuses known
  /api/v3/post?id=ID             Lemmy: the post's answer
  /api/v3/comment?id=ID          Lemmy: one comment's answer (its comment_view)
  /api/v3/comment/list?post_id=ID&max_depth=D&limit=L&page=N
                                 Lemmy: page N of the post's top-level comments (L a page), each
                                 with its replies down to depth D, as Lemmy pages a tree
  /bsky/com.atproto.identity.resolveHandle?handle=H   Bluesky: the DID of a handle in the fixtures
  /bsky/app.bsky.feed.getPostThread?uri=URI           Bluesky: the fixture thread of that post (with
                                 parentHeight=0, or for a post inside a fixture's thread: the post and
                                 its replies), or Bluesky's 400 NotFound answer (what a deleted post gets)

--synthetic N adds a Mastodon status, a Lemmy post and a Bluesky post, each id 9000000 (Bluesky:
handle synthetic.test, record key 3synthetic), with N replies spread over a few levels.
"""

import json
import random
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SYNTHETIC_ID = 9000000
TEXT = "A reply of a made-up thread, long enough to wrap once or twice on a screen. " * 3


class Fediverse:
    def __init__(self, root):
        self.statuses, self.posts, self.threads, self.handles, self.nodes = {}, {}, {}, {}, {}
        for path in sorted((Path(root) / "mastodon").glob("*.json")):
            data = json.loads(path.read_bytes())
            status, context = (data[0], data[1]) if isinstance(data, list) else (data["status"], data.get("context", {}))
            for s in [status] + context.get("ancestors", []) + context.get("descendants", []):
                self.statuses.setdefault(s["id"], s)
        for path in sorted((Path(root) / "lemmy").glob("*.json")):
            data = json.loads(path.read_bytes())
            answers = data if isinstance(data, list) else [data]
            post = {k: v for k, v in answers[0].items() if k != "comments"}
            post_id = str(post["post_view"]["post"]["id"])
            if post_id in self.posts:
                continue
            comments = [c for a in answers for c in a.get("comments", [])]
            self.posts[post_id] = (post, comments)
        for path in sorted((Path(root) / "bluesky").glob("*.json")):
            data = json.loads(path.read_bytes())
            self.add_thread(data)

    def add_thread(self, data):
        self.threads.setdefault(data["thread"]["post"]["uri"], json.dumps(data).encode())
        stack = [data["thread"]]
        while stack:
            node = stack.pop()
            post = node.get("post", {})
            if "uri" in post:
                # A post of the thread asked for by itself (a stub's replies): itself and its replies, no parent.
                self.nodes.setdefault(post["uri"], {k: v for k, v in node.items() if k != "parent"})
            author = post.get("author", {})
            if "handle" in author:
                self.handles[author["handle"]] = author["did"]
            stack += node.get("replies", []) + ([node["parent"]] if "parent" in node else [])

    def route(self, path):
        url = urlsplit(path)
        parts = [p for p in url.path.split("/") if p]
        query = parse_qs(url.query)
        if parts[:3] == ["api", "v1", "statuses"] and len(parts) in (4, 5):
            status = self.statuses.get(parts[3])
            if status is None:
                return None
            if len(parts) == 4:
                return json.dumps(status).encode()
            return json.dumps(self.context(parts[3])).encode() if parts[4] == "context" else None
        if parts == ["api", "v3", "post"]:
            found = self.posts.get(query.get("id", [""])[0])
            return None if found is None else json.dumps(found[0]).encode()
        if parts == ["api", "v3", "comment"]:
            wanted = query.get("id", [""])[0]
            for _, comments in self.posts.values():
                for c in comments:
                    if str(c["comment"]["id"]) == wanted:
                        return json.dumps({"comment_view": c, "recipient_ids": []}).encode()
            return None
        if parts == ["api", "v3", "comment", "list"]:
            found = self.posts.get(query.get("post_id", [""])[0])
            if found is None:
                return None
            depth = int(query.get("max_depth", ["8"])[0])
            limit = int(query.get("limit", ["10"])[0])
            page = int(query.get("page", ["1"])[0])
            return json.dumps({"comments": self.page(found[1], depth, limit, page)}).encode()
        if parts == ["bsky", "com.atproto.identity.resolveHandle"]:
            did = self.handles.get(query.get("handle", [""])[0])
            return None if did is None else json.dumps({"did": did}).encode()
        if parts == ["bsky", "app.bsky.feed.getPostThread"]:
            uri = query.get("uri", [""])[0]
            if uri in self.threads and query.get("parentHeight", ["80"])[0] != "0":
                return self.threads[uri]
            if uri in self.nodes:
                return json.dumps({"thread": self.nodes[uri]}).encode()
            return ("bsky-notfound", uri)
        return None

    def context(self, status_id):
        ancestors, seen = [], {status_id}
        parent = self.statuses[status_id].get("in_reply_to_id")
        while parent in self.statuses and parent not in seen:
            seen.add(parent)
            ancestors.insert(0, self.statuses[parent])
            parent = self.statuses[parent].get("in_reply_to_id")
        children = {}
        for s in self.statuses.values():
            children.setdefault(s.get("in_reply_to_id"), []).append(s)
        descendants, stack = [], list(reversed(children.get(status_id, [])))
        while stack:
            s = stack.pop()
            if s["id"] in seen:
                continue
            seen.add(s["id"])
            descendants.append(s)
            stack += reversed(children.get(s["id"], []))
        return {"ancestors": ancestors, "descendants": descendants}

    @staticmethod
    def page(comments, depth, limit, page):
        top = [c for c in comments if c["comment"]["path"].count(".") == 1]
        chosen = {str(c["comment"]["id"]) for c in top[(page - 1) * limit : page * limit]}
        return [
            c for c in comments
            if c["comment"]["path"].split(".")[1] in chosen and c["comment"]["path"].count(".") <= depth
        ]

    def add_synthetic(self, count):
        """A thread of `count` replies on each site, replies spread over a few levels."""
        parents = [0 if i < count // 10 or i % 4 == 0 else random.Random(i).randrange(1, i) for i in range(1, count + 1)]
        # Lemmy is asked for 8 levels: deeper replies go to the top instead, so every site has all N.
        depth = {0: 0}
        for i, parent in enumerate(parents, start=1):
            if depth[parent] >= 8:
                parents[i - 1] = parent = 0
            depth[i] = depth[parent] + 1
        sid = lambda i: str(SYNTHETIC_ID + i)
        for i in range(count + 1):
            self.statuses[sid(i)] = {
                "id": sid(i), "created_at": "2024-01-01T00:00:00.000Z", "in_reply_to_id": None if i == 0 else sid(parents[i - 1]),
                "spoiler_text": "", "sensitive": False, "url": f"https://example.test/@user{i % 97}/{sid(i)}",
                "reblogs_count": i % 5, "favourites_count": i % 7, "content": f"<p>{TEXT}</p>",
                "account": {"id": str(i % 97), "acct": f"user{i % 97}", "display_name": f"User {i % 97}"},
                "media_attachments": [], "mentions": [], "tags": [], "emojis": [],
            }
        paths = {0: "0"}
        comments = []
        for i in range(1, count + 1):
            paths[i] = paths[parents[i - 1]] + "." + sid(i)
        for i in range(1, count + 1):
            comments.append({
                "comment": {"id": SYNTHETIC_ID + i, "creator_id": i % 97, "post_id": SYNTHETIC_ID, "content": TEXT,
                            "removed": False, "deleted": False, "published": "2024-01-01T00:00:00Z", "path": paths[i]},
                "creator": {"id": i % 97, "name": f"user{i % 97}", "actor_id": f"https://example.test/u/user{i % 97}"},
                "counts": {"score": i % 9, "upvotes": i % 9, "downvotes": 0, "child_count": 0},
                "creator_is_moderator": False, "creator_is_admin": False,
            })
        post = {"post_view": {
            "post": {"id": SYNTHETIC_ID, "name": "A made-up post", "creator_id": 0, "published": "2024-01-01T00:00:00Z",
                     "ap_id": f"https://example.test/post/{SYNTHETIC_ID}"},
            "creator": {"id": 0, "name": "user0", "actor_id": "https://example.test/u/user0"},
            "community": {"name": "test", "actor_id": "https://example.test/c/test"},
            "counts": {"comments": count, "score": 1}}}
        self.posts[str(SYNTHETIC_ID)] = (post, comments)
        did = "did:plc:synthetic"
        self.handles["synthetic.test"] = did

        def node(i):
            return {"$type": "app.bsky.feed.defs#threadViewPost", "post": {
                "uri": f"at://{did}/app.bsky.feed.post/{'3synthetic' if i == 0 else 'r' + sid(i)}",
                "author": {"did": did, "handle": "synthetic.test", "displayName": f"User {i % 97}"},
                "record": {"text": TEXT, "createdAt": "2024-01-01T00:00:00Z"}, "likeCount": i % 9, "replyCount": 0},
                "replies": []}
        nodes = {i: node(i) for i in range(count + 1)}
        for i in range(1, count + 1):
            nodes[parents[i - 1]]["replies"].append(nodes[i])
        self.threads[nodes[0]["post"]["uri"]] = json.dumps({"thread": nodes[0]}).encode()
