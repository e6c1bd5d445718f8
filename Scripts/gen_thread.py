#!/usr/bin/env python3
"""Deterministic generator of synthetic tread documents (canonical JSON, see docs/FORMAT.md).

Same arguments => byte-identical output (Python 3.8+; only random.Random(seed) is used).

Shapes
  realistic  HN/Reddit-like: many top-level threads whose sizes follow a power law; inside a
             thread, replies attach preferentially to comments that already have replies
             (power-law reply counts), often to the thread root, sometimes to the previous
             comment (back-and-forth chains).  Depth is mostly < 10 (see the stats on stderr).
             Bodies 50-2000 chars (log-normal, median ~300), 1-6 paragraphs, some quotes/code.
  bushy      few levels, huge fan-out: branching B chosen so that B + B^2 + ... + B^D >= N,
             D = --max-depth (default 3), filled breadth-first.
  deep       chains of length --max-depth (default N, i.e. ONE chain of depth N: with N=100000
             the nested form has 100k nested arrays - a deliberate stress case).  Short bodies.
  flat       N top-level comments, no replies.

Options that change content
  --unicode       mix CJK, emoji (ZWJ, skin tones, flags, VS16), combining marks (NFD, zalgo),
                  RTL (Arabic, Hebrew, mixed direction), fullwidth, Indic/Thai text.
  --hostile       terminal-hostile and schema-edge content, still a VALID document per FORMAT.md:
                  C0 controls, ESC/CSI/OSC/DCS sequences (OSC title "pwned", clear screen, OSC 52,
                  OSC 8, DSR), C1 controls, bidi overrides/isolates, zero-width chars, a 100k-char
                  word, a 1 MB comment, empty and whitespace bodies, missing optional fields, null
                  author, integer ids, unparsable dates, deleted comments, unknown fields,
                  \\uXXXX-escaped strings with surrogate pairs, empty "replies":[].
                  The first ~40 comments in preorder carry one payload each (so they are on the
                  first screens); about 1% of the others get a random payload too.
  --invalid-utf8  (implies nothing else) adds raw invalid UTF-8 bytes and lone-surrogate escapes
                  to two comment bodies.  The file is then NOT RFC 8259 JSON; opt-in only.

Output form
  --form nested   (default) each comment carries "replies".
  --form flat     every comment once, in preorder, replies naming "parent" (no nesting limit).

Stats (comments, top-level, depth distribution, bytes) go to stderr; --stats-json FILE also writes them.
"""
import argparse
import json
import math
import random
import sys
import time
from json.encoder import encode_basestring as _enc, encode_basestring_ascii as _enc_ascii

BASE_EPOCH = 1530608400  # 2018-07-03T09:00:00Z

WORDS = """the of and to a in is it that for you was on are with as be this have not but at
they by or from one had an what all were we when your can said there use each which she do how
their if will up other about out many then them these so some her would make like him into time
has look two more write go see number no way could people my than first water been call who its
now find long down day did get come made may part over new sound take only little work know place
year live me back give most very after thing our just name good sentence man think say great
where help through much before line right too mean old any same tell boy follow came want show
also around form three small set put end does another well large must big even such because turn
here why ask went men read need land different home us move try kind hand picture again change
off play spell air away animal house point page letter mother answer found study still learn
should world high every near add food between own below country plant last school father keep
tree never start city earth eye light thought head under story saw left few while along might
close something seem next hard open example begin life always those both paper together got group
often run important until children side feet car mile night walk white sea began grow took river
four carry state once book hear stop without second later miss idea enough eat face watch far
really almost let above girl sometimes mountain cut young talk soon list song being leave family
software kernel compiler latency throughput memory cache thread process server client protocol
network packet database index query schema migration deploy container cluster node replica shard
consensus leader follower timeout retry backoff queue stream buffer parser token syntax grammar
terminal cursor screen window pane scroll render layout font glyph width unicode encoding byte
startup funding valuation revenue margin market customer product launch pricing subscription
privacy security vulnerability patch exploit firmware hardware chip silicon wafer fab yield
regulation sanction export license tariff agency court ruling appeal settlement lawsuit""".split()

UNICODE_FRAGMENTS = [
    "这是一个包含中文字符的句子，用来测试宽字符的换行。",
    "日本語の文章です。全角文字は二列を占めます。",
    "한국어 문장입니다. 한글도 두 칸을 차지합니다.",
    "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ",
    "👍", "😂😂😂", "🎉", "👨\u200d👩\u200d👧\u200d👦", "👍🏽", "🇯🇵🇫🇷", "❤\ufe0f", "1\ufe0f\u20e3",
    "🧑🏿\u200d💻 wrote this",
    "Cafe\u0301 cre\u0300me bru\u0302le\u0301e",          # NFD combining accents
    "Zoe\u0308 and Bjo\u0308rk",
    "Z\u0351\u0334\u0353a\u0352\u0358\u0317l\u0350\u0330g\u0346\u0325o\u034b\u0326",  # zalgo
    "Tie\u0302\u0301ng Vie\u0323\u0302t có dấu",
    "नमस्ते दुनिया", "ภาษาไทยไม่มีช่องว่าง", "Ελληνικά κείμενα", "Русский текст для проверки",
    "مرحبا بالعالم، هذا نص عربي", "שלום עולם, זה טקסט בעברית",
    "The word שלום means peace and مرحبا means hello.",
    "mixed 123 עברית 456 English",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔪𝔞𝔱𝔥 𝕓𝕠𝕝𝕕",
]
UNICODE_NAMES = ["用户一号", "José", "Zoe\u0308", "محمد", "דוד", "Ð£ser", "名無しさん", "😺cat", "ñandú", "Ελένη"]

# --- hostile payloads: (label, text).  All are valid JSON strings once escaped. ---
HOSTILE_PAYLOADS = [
    ("osc-title", "before \u001b]0;pwned\u0007 after"),
    ("clear-screen", "before \u001b[2J after"),
    ("clear-home-scrollback", "\u001b[H\u001b[2J\u001b[3Jwiped"),
    ("sgr-colour", "\u001b[31;1mred bold\u001b[0m and \u001b[7minverse"),
    ("alt-screen-leave", "\u001b[?1049l left the alternate screen"),
    ("cursor-hide", "\u001b[?25l cursor hidden"),
    ("cursor-move", "\u001b[1;1Hoverwrite top-left\u001b[999;999H"),
    ("dsr-request", "status report \u001b[6n please"),
    ("osc52-clipboard", "\u001b]52;c;cHduZWQ=\u0007 clipboard"),
    ("osc8-link", "\u001b]8;;http://evil.invalid/\u001b\\click me\u001b]8;;\u001b\\"),
    ("dcs", "\u001bP+q544e\u001b\\ dcs"),
    ("bracketed-paste", "\u001b[200~rm -rf ~\u001b[201~"),
    ("esc-alone", "lone \u001b escape"),
    ("c1-csi", "c1 \u009b2J csi"),
    ("c1-osc", "\u009d0;c1-title\u009c c1 osc"),
    ("c1-misc", "nel\u0085 ri\u008d dcs\u0090 st\u009c"),
    ("bel", "bell\u0007\u0007\u0007"),
    ("backspace", "backspace\b\b\b\bXXXX"),
    ("carriage-return", "visible\rhidden overwrite"),
    ("ff-vt", "form\u000cfeed vertical\u000btab"),
    ("nul", "nul\u0000byte"),
    ("del", "del\u007fete"),
    ("tabs", "col1\tcol2\t\tcol4"),
    ("bidi-override", "\u202eevil override\u202c normal \u202dLTR\u202c"),
    ("bidi-isolate", "\u2067isolate\u2069 \u2066x\u2069 \u2068y\u2069"),
    ("bidi-marks", "\u200fRLM \u200eLRM \u061cALM"),
    ("trojan-source", "access = \"user\u202e \u2066// admin\u2069 \u2066\" ;"),
    ("zero-width", "zero\u200bwidth\u200cnon\u200djoiner\u2060word"),
    ("bom", "\ufeffBOM in the middle \ufeff"),
    ("line-separators", "line\u2028separator para\u2029separator"),
    ("replacement", "\ufffd already replaced"),
    ("tag-chars", "tag\U000e0041\U000e0042 chars"),
    ("lone-vs16", "\ufe0f starts with a variation selector"),
    ("leading-combining", "\u0301 starts with a combining mark"),
    ("combining-storm", "a" + "\u0301\u0308\u0334" * 200),
    ("private-use", "private \ue000\U000f0000 use"),
    ("noncharacters", "non\ufffechars\uffff"),
    ("many-newlines", "\n" * 200 + "after 200 newlines"),
    ("crlf", "windows\r\nline\r\nendings"),
    ("only-whitespace", "   \n\t \n  "),
]


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class Raw(str):
    """A string emitted verbatim (already a JSON literal); encoded with surrogateescape."""


class Gen:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        r = self.rng
        # Zipf-weighted words
        self.cum = []
        acc = 0.0
        for i in range(len(WORDS)):
            acc += 1.0 / (i + 1) ** 0.9
            self.cum.append(acc)
        self.pool = [self._sentence() for _ in range(8192)]
        self.upool = []
        if args.unicode:
            for _ in range(2048):
                k = r.random()
                if k < 0.3:
                    s = r.choice(UNICODE_FRAGMENTS)
                elif k < 0.6:
                    words = self._sentence().split(" ")
                    pos = r.randrange(len(words) + 1)
                    words.insert(pos, r.choice(UNICODE_FRAGMENTS))
                    s = " ".join(words)
                else:
                    s = " ".join(r.choice(UNICODE_FRAGMENTS) for _ in range(r.randint(2, 5)))
                self.upool.append(s)
        nauth = max(20, args.comments // 8)
        self.authors = [self._name() for _ in range(nauth)]
        if args.unicode:
            for i in range(0, nauth, 7):
                self.authors[i] = r.choice(UNICODE_NAMES) + str(i)

    def _words(self, k):
        return self.rng.choices(WORDS, cum_weights=self.cum, k=k)

    def _sentence(self):
        r = self.rng
        w = self._words(r.randint(4, 24))
        if len(w) > 8 and r.random() < 0.4:
            i = r.randint(2, len(w) - 3)
            w[i] = w[i] + ","
        s = " ".join(w)
        return s[0].upper() + s[1:] + r.choice(".....?!")

    def _name(self):
        r = self.rng
        syl = ["ka", "zu", "mi", "ro", "ten", "lex", "dar", "qui", "bo", "ne", "th", "or", "an", "el"]
        n = "".join(r.choice(syl) for _ in range(r.randint(2, 4)))
        if r.random() < 0.5:
            n += str(r.randint(1, 9999))
        if r.random() < 0.2:
            n = n.capitalize()
        return n

    def sentence(self):
        r = self.rng
        if self.upool and r.random() < 0.35:
            return self.upool[r.randrange(len(self.upool))]
        return self.pool[r.randrange(len(self.pool))]

    def body(self, lo, hi):
        r = self.rng
        # log-normal length, clipped
        target = int(math.exp(r.gauss(math.log(300), 0.85)))
        target = max(lo, min(hi, target))
        paras = []
        cur = []
        n = 0
        npara = 1 + min(5, int(target / 350 + r.random() * 1.5))
        per = target / npara
        plen = 0
        while n < target:
            s = self.sentence()
            if n + len(s) > hi and n >= lo:
                break
            cur.append(s)
            n += len(s) + 1
            plen += len(s) + 1
            if plen >= per and n < target:
                paras.append(" ".join(cur))
                cur, plen = [], 0
        if cur:
            paras.append(" ".join(cur))
        k = r.random()
        if k < 0.10 and len(paras) > 1:
            paras.insert(0, "> " + self.sentence())
        elif k < 0.13:
            paras.insert(min(1, len(paras)), "    for x in items:\n        print(x)  # code")
        elif k < 0.16:
            paras.append("https://example.org/" + "/".join(self._words(3)))
        return "\n\n".join(paras)

    def author(self):
        r = self.rng
        return self.authors[int(len(self.authors) * r.random() ** 2.5)]


def build_tree(a, rng):
    """Return (parent list, depth list) for nodes 0..N-1 created in chronological order.
    parent -1 = top-level.  Children's display order = creation order (except top-level
    order, which is returned separately as `roots`)."""
    n = a.comments
    parent = []
    depth = []
    roots = []
    shape = a.shape
    if shape == "flat":
        parent = [-1] * n
        depth = [0] * n
        roots = list(range(n))
    elif shape == "deep":
        d = a.max_depth or n
        for i in range(n):
            if i % d == 0:
                parent.append(-1)
                depth.append(0)
                roots.append(i)
            else:
                parent.append(i - 1)
                depth.append(depth[i - 1] + 1)
    elif shape == "bushy":
        d = a.max_depth or 3
        b = 2
        while sum(b ** k for k in range(1, d + 1)) < n:
            b += 1
        # breadth-first fill: level-1 nodes are roots; each node gets b children
        for i in range(min(n, b)):
            parent.append(-1)
            depth.append(0)
            roots.append(i)
        q = 0
        while len(parent) < n:
            for _ in range(b):
                if len(parent) >= n:
                    break
                parent.append(q)
                depth.append(depth[q] + 1)
            q += 1
    else:  # realistic
        maxd = (a.max_depth or 64) - 1  # deepest allowed depth index
        cap = max(50, n // 5)
        i = 0
        while i < n:
            # thread size ~ discrete Pareto(alpha=1.25), capped
            s = int(rng.random() ** (-1 / 1.25))
            s = max(1, min(s, cap, n - i))
            base = i
            roots.append(base)
            parent.append(-1)
            depth.append(0)
            tickets = [0]  # local indices; node appears 1 + (#replies) times
            chain = False  # in a back-and-forth exchange: likely to reply to the previous comment
            for j in range(1, s):
                u = rng.random()
                if u < (0.6 if chain else 0.12):
                    p = j - 1
                    chain = True
                elif u < (0.75 if chain else 0.30):
                    p = 0
                    chain = False
                else:
                    chain = False
                    p = tickets[rng.randrange(len(tickets))]
                    # depth discourages replies a little
                    if rng.random() > 0.82 ** (depth[base + p]):
                        p = tickets[rng.randrange(len(tickets))]
                if depth[base + p] >= maxd:
                    p = 0
                parent.append(base + p)
                depth.append(depth[base + p] + 1)
                tickets.append(j)
                tickets.append(p)
            i += s
    return parent, depth, roots


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--comments", "-n", type=int, default=1000, help="number of comments (default 1000)")
    ap.add_argument("--shape", choices=["bushy", "deep", "flat", "realistic"], default="realistic")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unicode", action="store_true")
    ap.add_argument("--hostile", action="store_true")
    ap.add_argument("--invalid-utf8", action="store_true")
    ap.add_argument("--max-depth", type=int, default=0,
                    help="realistic: depth cap (default 64); bushy: levels (default 3); deep: chain length (default N)")
    ap.add_argument("--form", choices=["nested", "flat"], default="nested")
    ap.add_argument("--body-len", default="", help="MIN,MAX body length in chars (default 50,2000; deep 20,300)")
    ap.add_argument("--output", "-o", default="-", help="output file (default stdout)")
    ap.add_argument("--stats-json", default="")
    ap.add_argument("--quiet", "-q", action="store_true")
    a = ap.parse_args()
    if a.comments < 0:
        ap.error("--comments must be >= 0")
    if a.max_depth < 0:
        ap.error("--max-depth must be >= 0")
    if a.body_len:
        lo, hi = (int(x) for x in a.body_len.split(","))
    elif a.shape == "deep":
        lo, hi = 20, 300
    else:
        lo, hi = 50, 2000

    t0 = time.time()
    g = Gen(a)
    r = g.rng
    n = a.comments
    parent, depth, roots = build_tree(a, r)

    # children lists in creation order
    children = [None] * n
    for i in range(n):
        p = parent[i]
        if p >= 0:
            c = children[p]
            if c is None:
                children[p] = [i]
            else:
                c.append(i)

    # subtree sizes (reverse creation order works: children are created after parents)
    size = [1] * n
    for i in range(n - 1, -1, -1):
        p = parent[i]
        if p >= 0:
            size[p] += size[i]

    # timestamps: article, then each comment after its parent
    art_t = BASE_EPOCH
    times = [0] * n
    for i in range(n):
        p = parent[i]
        if p < 0:
            times[i] = art_t + int(r.expovariate(1 / 7200.0)) + 60
        else:
            times[i] = times[p] + int(r.expovariate(1 / 1800.0)) + 30
    # scores: grow with subtree size, some negative
    scores = [0] * n
    for i in range(n):
        s = int(3 * (r.paretovariate(1.3) - 1)) + int(2 * math.log1p(size[i]))
        if r.random() < 0.07:
            s = -r.randint(1, 30)
        scores[i] = s
    if a.shape == "realistic":
        roots.sort(key=lambda x: -(scores[x] + size[x]))  # HN-like ranking: big threads first

    # preorder (iterative)
    pre = []
    stack = list(reversed(roots))
    while stack:
        x = stack.pop()
        pre.append(x)
        c = children[x]
        if c:
            stack.extend(reversed(c))
    prepos = [0] * n
    for k, x in enumerate(pre):
        prepos[x] = k

    # per-comment field overrides for hostile / invalid-utf8
    special = {}  # node -> dict of overrides / additions
    labels = {}
    if a.hostile and n:
        muts = [("payload", lbl, txt) for (lbl, txt) in HOSTILE_PAYLOADS[:14]]
        muts += [("long-word", "long-word-100k", None), ("megabyte", "body-1MB", None)]
        muts += [("payload", lbl, txt) for (lbl, txt) in HOSTILE_PAYLOADS[14:]]
        muts += [("schema", x, None) for x in (
            "empty-body", "no-body", "no-author", "null-author", "no-published", "bad-published",
            "no-score", "huge-score", "int-id", "no-id", "deleted", "deleted-no-body", "empty-replies",
            "unknown-fields", "escaped-ascii", "hostile-author", "long-author", "long-url-word")]
        for k, m in enumerate(muts):
            if k >= n:
                break
            node = pre[k]
            special[node] = m
            labels[m[1]] = labels.get(m[1], 0) + 1
        for x in range(n):
            if x not in special and r.random() < 0.01:
                lbl, txt = HOSTILE_PAYLOADS[r.randrange(len(HOSTILE_PAYLOADS))]
                special[x] = ("payload", lbl, txt)
                labels["scattered"] = labels.get("scattered", 0) + 1
    if a.invalid_utf8 and n:
        for k, lbl in ((min(n - 1, 1), "invalid-utf8-raw"), (min(n - 1, n // 2), "lone-surrogate-escape")):
            special[pre[k]] = ("bytes", lbl, None)
            labels[lbl] = labels.get(lbl, 0) + 1

    # --- output ---
    out = sys.stdout.buffer if a.output == "-" else open(a.output, "wb")
    buf = []
    blen = [0]
    written = [0]

    def flush():
        if buf:
            data = "".join(buf).encode("utf-8", "surrogateescape")
            out.write(data)
            written[0] += len(data)
            buf.clear()
            blen[0] = 0

    def w(s):
        buf.append(s)
        blen[0] += 1
        if blen[0] >= 4096:
            flush()

    # article
    art_paras = []
    for _ in range(r.randint(5, 12)):
        art_paras.append(" ".join(g.sentence() for _ in range(r.randint(3, 8))))
    title = g.pool[r.randrange(len(g.pool))].rstrip(".?!")
    art = {
        "id": "synthetic-%s-%d-%d" % (a.shape, n, a.seed),
        "title": title,
        "author": g.author(),
        "published": iso(art_t),
        "url": "https://example.org/articles/synthetic-%s-%d-%d" % (a.shape, n, a.seed),
        "source": "gen_thread.py",
        "tags": ["synthetic", a.shape],
        "body": art_paras,
    }
    if a.hostile:
        art["title"] = "\u001b]0;pwned\u0007Hostile \u202etitle\u202c \u001b[2J" + title
        art["author"] = "\u001b[31mStaff\u001b[0m"
        art["published"] = "not a date"
        art["url"] = "javascript:alert(1)\u0007"
        art["body"] = ["\u001b[2J\u001b[H" + art_paras[0], "", "\u009b31m c1 \u0000 nul"] + art_paras[1:]
    w('{"article":')
    w(json.dumps(art, ensure_ascii=False))
    w(',"comments":[')

    ids = ["c%d" % (x + 1) for x in range(n)]
    for x, m in special.items():
        if m[1] == "int-id":
            ids[x] = 10 ** 12 + x
        elif m[1] == "no-id":
            ids[x] = None

    def idlit(x):
        v = ids[x]
        return str(v) if isinstance(v, int) else _enc(v)

    def head(x):
        """JSON object text of comment x without replies and without the closing brace."""
        m = special.get(x)
        body = g.body(lo, hi)
        fields = []
        if m is None:
            fields = ['{"id":', _enc(ids[x]), ',"author":', _enc(g.author()), ',"published":',
                      _enc(iso(times[x])), ',"score":', str(scores[x]), ',"body":', _enc(body)]
            return "".join(fields)
        kind, lbl, txt = m
        d = {"id": ids[x], "author": g.author(), "published": iso(times[x]), "score": scores[x], "body": body}
        extra = ""
        enc_ascii = False
        if kind == "payload":
            sents = body.split(". ")
            pos = r.randrange(len(sents))
            sents.insert(pos, "[%s] %s" % (lbl, txt))
            d["body"] = ". ".join(sents)
        elif kind == "long-word":
            d["body"] = "Before the long word. " + "".join(g._words(1)[0] for _ in range(20000))[:100000] + " after."
        elif kind == "megabyte":
            parts = []
            tot = 0
            while tot < 1 << 20:
                p = g.body(1500, 2000)
                parts.append(p)
                tot += len(p) + 2
            d["body"] = "\n\n".join(parts)[: 1 << 20]
        elif kind == "bytes":
            d.pop("body")
            if lbl == "invalid-utf8-raw":
                # surrogateescape turns \udcXX back into the raw byte XX on output
                raw = "bad bytes: \udcff \udcc0\udcaf overlong, \udced\udca0\udc80 cesu, truncated \udce2\udc82 end"
                extra = ',"body":' + Raw('"' + raw + '"')
            else:
                extra = ',"body":"lone high \\ud800 and lone low \\udc00x and reversed \\udc00\\ud800"'
        else:  # schema edge cases
            if lbl == "empty-body":
                d["body"] = ""
            elif lbl == "no-body":
                d.pop("body")
            elif lbl == "no-author":
                d.pop("author")
            elif lbl == "null-author":
                d["author"] = None
            elif lbl == "no-published":
                d.pop("published")
            elif lbl == "bad-published":
                d["published"] = "yesterday at 5pm \u001b[2J"
            elif lbl == "no-score":
                d.pop("score")
            elif lbl == "huge-score":
                d["score"] = -(2 ** 63)
            elif lbl == "deleted":
                d["deleted"] = True
                d["body"] = "[deleted]"
                d["author"] = None
            elif lbl == "deleted-no-body":
                d["deleted"] = True
                d.pop("body")
                d.pop("author")
            elif lbl == "unknown-fields":
                d["x_unknown"] = {"nested": [1, 2.5e300, None, {"a": [[[]]]}], "flag": False}
                d["x_list"] = [1, 2, 3]
            elif lbl == "escaped-ascii":
                d["body"] = "Escaped: caf\u00e9 \U0001F600 \u4e2d\u6587 / slash " + body
                enc_ascii = True
            elif lbl == "hostile-author":
                d["author"] = "\u001b]0;pwned\u0007root\u202e"
            elif lbl == "long-author":
                d["author"] = "a" * 5000
            elif lbl == "long-url-word":
                d["body"] = "see https://example.org/" + "x" * 20000 + "?q=1 " + body
        if "id" in d and d["id"] is None:
            d.pop("id")
        parts = []
        for k, v in d.items():
            if k == "id":
                vs = str(v) if isinstance(v, int) else _enc(v)
            elif isinstance(v, str):
                vs = _enc_ascii(v).replace("/", "\\/") if enc_ascii else _enc(v)
            else:
                vs = json.dumps(v, ensure_ascii=False)
            parts.append(_enc(k) + ":" + vs)
        s = "{" + ",".join(parts)
        if extra:
            s += extra if parts else extra[1:]
        if lbl == "empty-replies":
            s += ',"replies":[]'
        return s

    if a.form == "nested":
        stack = [(roots, 0)]
        while stack:
            lst, pos = stack[-1]
            if pos == len(lst):
                stack.pop()
                w("]")
                if stack:
                    w("}")
                continue
            stack[-1] = (lst, pos + 1)
            x = lst[pos]
            if pos:
                w(",")
            w(head(x))
            c = children[x]
            if c:
                w(',"replies":[')
                stack.append((c, 0))
            else:
                w("}")
    else:
        # flat form needs every replied-to comment to have an id
        for k, x in enumerate(pre):
            if ids[x] is None and children[x]:
                ids[x] = "gen-%d" % x
            if k:
                w(",")
            h = head(x)
            p = parent[x]
            if p >= 0:
                h += ',"parent":' + idlit(p)
            w(h + "}")
        w("]")
    w("}\n")
    flush()
    if out is not sys.stdout.buffer:
        out.close()

    # stats
    hist = {}
    for d in depth:
        hist[d] = hist.get(d, 0) + 1
    sd = sorted(depth)

    def pct(p):
        return sd[min(len(sd) - 1, int(p * len(sd)))] if sd else 0

    nreplies = [len(c) if c else 0 for c in children]
    st = {
        "comments": n, "shape": a.shape, "seed": a.seed, "form": a.form, "unicode": a.unicode,
        "hostile": a.hostile, "bytes": written[0], "top_level": len(roots),
        "max_depth": max(depth) if depth else 0, "depth_p50": pct(0.5), "depth_p90": pct(0.9),
        "depth_p99": pct(0.99),
        "max_replies": max(nreplies) if nreplies else 0,
        "largest_thread": max((size[x] for x in roots), default=0),
        "specials": labels, "seconds": round(time.time() - t0, 2),
    }
    if not a.quiet:
        print(json.dumps(st), file=sys.stderr)
    if a.stats_json:
        with open(a.stats_json, "w") as f:
            if len(hist) > 200:  # deep chains: summarise instead of one entry per level
                hist = {k: v for k, v in hist.items() if k < 100}
                st["depth_histogram_note"] = "levels >= 100 omitted"
            json.dump(dict(st, depth_histogram={str(k): v for k, v in sorted(hist.items())}), f, indent=1)


if __name__ == "__main__":
    main()
