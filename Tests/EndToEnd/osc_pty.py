#!/usr/bin/env python3
"""OSC 8 hyperlinks and OSC 52 copies from the real tread binary, read raw from a pseudo-terminal.

tmux 3.3a drops OSC 8 (and keeps OSC 52 to itself), so the tmux tests cannot see what tread
writes. This runs tread on a pty of its own (pty.fork, a fixed window set with TIOCSWINSZ
before exec, TERM=xterm-256color), types keys, keeps every byte it writes, and checks:

  - each safe link on screen is `ESC ] 8 ; ; URL ESC \\` [N] `ESC ] 8 ; ; ESC \\`, with the whole
    URL (a long one too; `;` and non-ASCII percent-encoded), in the canonical format and in
    Hacker News HTML;
  - no hyperlink ever carries any other URL: hostile hrefs (javascript:, an ESC or a newline
    inside, a 100 KB URL) are never linked, and their ESC never reaches the terminal raw;
  - `1y` copies link 1 as `ESC ] 52 ; c ; BASE64 ESC \\`;
  - the parent overlay (`U`) makes its own link numbers hyperlinks;
  - printing (--print) writes no hyperlink;
  - `hyperlinks = false` in config.toml: the numbers are drawn, no OSC 8 is written.

Usage: osc_pty.py PATH/TO/tread. Prints one line per check; exits 1 if any failed. Every wait
has a deadline, and the child is killed whatever happens.
"""

import base64
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time

ROWS, COLUMNS = 40, 120
# Generous: a debug build on a loaded 2-core machine. Waits end as soon as the bytes arrive.
DEADLINE = 60.0

ESC = b"\x1b"
ST = b"\x1b\\"
OSC8_END = b"\x1b]8;;\x1b\\"

passed = 0
failed = 0


def check(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        if os.environ.get("E2E_VERBOSE"):
            print(f"ok: {name}")
    else:
        failed += 1
        print(f"FAIL: {name}" + (f" ({detail})" if detail else ""), file=sys.stderr)


class Run:
    """tread on a pseudo-terminal of ROWS x COLUMNS; `output` holds every byte it wrote."""

    def __init__(self, argv, env):
        self.output = bytearray()
        self.status = None
        pid, fd = pty.fork()
        if pid == 0:
            # The child: size the terminal before tread asks for it, then become tread.
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def _read(self, timeout):
        """Reads what is there within `timeout` seconds; False once the child closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child has gone and the slave side is closed.
            return False
        if not data:
            return False
        self.output += data
        return True

    def wait_for(self, predicate, deadline=DEADLINE):
        """Reads until predicate(output) holds; False at the deadline or when the child ends."""
        end = time.monotonic() + deadline
        while not predicate(bytes(self.output)):
            left = end - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.2)):
                return predicate(bytes(self.output))
        return True

    def send(self, data):
        os.write(self.fd, data)

    def finish(self, deadline=DEADLINE):
        """Reads until the child exits (or kills it at the deadline); returns its exit status."""
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if not self._read(0.2):
                break
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                break
        if self.status is None:
            self.kill()
        else:
            # Whatever it wrote just before exiting.
            while self._read(0.05):
                pass
        os.close(self.fd)
        return os.waitstatus_to_exitcode(self.status) if self.status is not None else None

    def kill(self):
        if self.status is not None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, self.status = os.waitpid(self.pid, 0)


def encoded(url):
    """The URL as tread puts it in OSC 8: bytes outside printable ASCII, and `;`, as %XX."""
    out = []
    for byte in url.encode():
        if 0x20 < byte < 0x7F and byte != ord(";"):
            out.append(chr(byte))
        else:
            out.append("%{:02X}".format(byte))
    return "".join(out).encode()


OSC8 = re.compile(rb"\x1b\]8;([^;\x1b\x07]*);([^\x1b\x07]*)(?:\x1b\\|\x07)")


def hyperlinks(output):
    """Every OSC 8 start in `output` as (uri, text inside); the ends are counted apart."""
    found = []
    for match in OSC8.finditer(output):
        uri = match.group(2)
        if not uri:
            continue
        rest = output[match.end():]
        end = rest.find(OSC8_END)
        found.append((uri, rest[:end] if end >= 0 else None))
    return found


SAFE = [
    "https://docs.example.org/guide?x=1&y=2",
    "https://long.example.org/" + "/".join(f"segment{n:02d}" for n in range(1, 25)) + "/end.html",
    "https://semi.example.org/a;b?q=\u00fc",
    "mailto:someone@example.org",
]
HUGE = "https://big.example.org/" + "A" * 100_000
# The ESC payload: an OSC 52 that would set the clipboard to "pwned", if it ever got through raw.
HOSTILE = [
    "javascript:alert(1)",
    "https://esc.example.org/\x1b]52;c;cHduZWQ=\x07",
    "https://nl.example.org/a\nb",
    HUGE,
]


def canonical_document():
    comment = "links: " + " ".join(f"<{url}>" for url in SAFE)
    hostile = "hostile: " + " ".join(f"<{url}>" for url in HOSTILE)
    return {
        "article": {"title": "OSC thread", "author": "ann"},
        "comments": [
            {"id": 1, "author": "ann", "body": comment, "replies": [{"id": 3, "author": "zed", "body": "a reply"}]},
            {"id": 2, "author": "eve", "body": hostile},
        ],
    }


def hacker_news_document():
    def anchor(url, label):
        href = url.replace("&", "&amp;").replace('"', "&quot;").replace("\x1b", "&#x1b;")
        href = href.replace("\x07", "&#x07;").replace("\n", "&#10;")
        return f'<a href="{href}" rel="nofollow">{label}</a>'

    safe = "<p>read " + " and ".join(anchor(url, f"safe{n}") for n, url in enumerate(SAFE[:2])) + "</p>"
    hostile = "<p>" + " ".join(anchor(url, f"bad{n}") for n, url in enumerate(HOSTILE)) + "</p>"
    child = {"id": 3, "created_at_i": 1700000000, "type": "comment", "author": "eve", "text": hostile,
             "parent_id": 2, "story_id": 1, "children": []}
    top = {"id": 2, "created_at_i": 1700000000, "type": "comment", "author": "ann", "text": safe,
           "parent_id": 1, "story_id": 1, "children": [child]}
    return {"id": 1, "created_at_i": 1700000000, "type": "story", "author": "op", "title": "HN OSC thread",
            "url": "https://news.example.org/story", "points": 3, "children": [top]}


def environment(home):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "SWIFT_BACKTRACE": "interactive=no",
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        # Opening a link must never start a browser here.
        "BROWSER": "/bin/true",
    }
    return env


def check_no_other_links(output, allowed, what):
    links = hyperlinks(output)
    uris = {uri for uri, _ in links}
    strays = [uri[:80] for uri in uris if uri not in allowed]
    check(not strays, f"{what}: no hyperlink to any other address", f"got {strays[:3]}")
    unclosed = [uri[:80] for uri, text in links if text is None]
    check(not unclosed, f"{what}: every hyperlink is closed by ESC ] 8 ; ; ESC \\", f"{unclosed[:3]}")
    check(b"\x1b]52;c;cHduZWQ" not in output, f"{what}: the ESC inside an href never reaches the terminal raw")
    # The picker may say "not javascript:" (the scheme alone); the href itself never shows.
    check(b"javascript:alert" not in output, f"{what}: a javascript: href is never written")
    check(b"A" * 200 not in output, f"{what}: the 100 KB URL never reaches the terminal")
    check(b"nl.example.org/a\nb" not in output, f"{what}: an href with a newline is never written whole")


def read_canonical(binary, home):
    path = os.path.join(home, "thread.json")
    with open(path, "w") as f:
        json.dump(canonical_document(), f)
    allowed = {encoded(url) for url in SAFE}
    run = Run([binary, path], environment(home))
    try:
        wanted = [ESC + b"]8;;" + uri + ST for uri in sorted(allowed)]
        ok = run.wait_for(lambda out: all(w in out for w in wanted))
        missing = [w[4:60] for w in wanted if w not in run.output]
        check(ok, "canonical: every safe link on screen is an OSC 8 hyperlink to its whole URL", f"missing {missing}")
        for n, url in enumerate(SAFE, start=1):
            sequence = ESC + b"]8;;" + encoded(url) + ST + f"[{n}]".encode() + OSC8_END
            check(sequence in run.output, f"canonical: link {n} wraps its number [{n}] in the hyperlink")
        check(encoded(SAFE[2]) == b"https://semi.example.org/a%3Bb?q=%C3%BC", "the percent-encoding is as expected")
        check(SAFE[1].encode() in run.output, "canonical: a long URL is whole in the hyperlink though shortened on screen")

        # 1y: copy link 1 through OSC 52.
        run.send(b"1y")
        copy = b"\x1b]52;c;" + base64.b64encode(SAFE[0].encode()) + ST
        check(run.wait_for(lambda out: copy in out), "canonical: 1y copies link 1 through OSC 52")

        # The hostile comment on screen and selected: j, then o on it (refused, never opened).
        # U on the reply: the parent overlay's link numbers are hyperlinks too (the page's are not, under it).
        mark = len(run.output)
        run.send(b"j")
        # The frame after j is done once zed's header is redrawn (selected) and the page's last link follows it.
        last = ESC + b"]8;;" + encoded(SAFE[-1]) + ST + f"[{len(SAFE)}]".encode() + OSC8_END

        def redrawn(out):
            at = out.find(b"zed", mark)
            return at >= 0 and out.find(last, at) >= 0

        check(run.wait_for(redrawn), "canonical: j selects the reply")
        # From here on only the overlay's numbers can be linked: the page's are not while it is open.
        mark = len(run.output)
        run.send(b"U")
        in_box = [ESC + b"]8;;" + encoded(url) + ST for url in SAFE]
        shown = run.wait_for(lambda out: b"esc closes" in out[mark:] and all(w in out[mark:] for w in in_box))
        check(shown, "canonical: the parent overlay's link numbers are OSC 8 hyperlinks to the whole URLs")
        run.send(b"U")

        mark = len(run.output)
        run.send(b"jo")
        refused = run.wait_for(lambda out: b"refused" in out[mark:] or b"not opened" in out[mark:])
        check(refused, "canonical: o on the hostile links says they are refused")
        # Several links open the picker, which any key but a number, an arrow or Enter closes.
        if b"open which link?" in run.output[mark:]:
            run.send(b"x")
        run.send(b"q")
        status = run.finish()
        check(status == 0, "canonical: q quits with status 0", f"status {status}")
    finally:
        run.kill()
    check_no_other_links(bytes(run.output), allowed, "canonical")


def read_hacker_news(binary, home):
    path = os.path.join(home, "hn.json")
    with open(path, "w") as f:
        json.dump(hacker_news_document(), f)
    allowed = {encoded(url) for url in SAFE[:2]}
    run = Run([binary, path], environment(home))
    try:
        wanted = [ESC + b"]8;;" + uri + ST for uri in sorted(allowed)]
        ok = run.wait_for(lambda out: all(w in out for w in wanted))
        check(ok, "Hacker News HTML: each safe <a href> is an OSC 8 hyperlink to its whole URL")
        run.send(b"q")
        status = run.finish()
        check(status == 0, "Hacker News HTML: q quits with status 0", f"status {status}")
    finally:
        run.kill()
    check_no_other_links(bytes(run.output), allowed, "Hacker News HTML")


def printed(binary, home):
    path = os.path.join(home, "thread.json")
    run = Run([binary, "--print", path], environment(home))
    try:
        status = run.finish()
    finally:
        run.kill()
    check(status == 0, "--print on a terminal exits 0", f"status {status}")
    check(b"docs.example.org" in run.output, "--print on a terminal prints the thread")
    check(b"\x1b]8;" not in run.output, "--print writes no hyperlink")
    check(b"\x1b]52" not in run.output, "--print writes no clipboard sequence")


def switched_off(binary, home):
    """hyperlinks = false in config.toml: the reader draws the numbers and writes no OSC 8."""
    path = os.path.join(home, "thread.json")
    config = os.path.join(home, "off", "config")
    os.makedirs(os.path.join(config, "tread"))
    with open(os.path.join(config, "tread", "config.toml"), "w") as f:
        f.write("hyperlinks = false\n")
    env = environment(home)
    env["XDG_CONFIG_HOME"] = config
    run = Run([binary, path], env)
    try:
        shown = run.wait_for(lambda out: b"[1]" in out and b"[2]" in out)
        # A key and its redraw: the second frame is written by then too.
        mark = len(run.output)
        run.send(b"j")
        run.wait_for(lambda out: len(out) > mark)
        run.send(b"q")
        status = run.finish()
    finally:
        run.kill()
    check(shown, "hyperlinks = false: the reader still draws the link numbers")
    check(b"\x1b]8;" not in run.output, "hyperlinks = false: no OSC 8 is written")
    check(status == 0, "hyperlinks = false: q exits 0", f"status {status}")


def main():
    if len(sys.argv) != 2:
        print("usage: osc_pty.py PATH/TO/tread", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="tread-osc.") as home:
        for name in ("config", "state"):
            os.mkdir(os.path.join(home, name))
        read_canonical(binary, home)
        read_hacker_news(binary, home)
        printed(binary, home)
        switched_off(binary, home)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
