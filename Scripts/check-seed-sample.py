#!/usr/bin/env python3
"""Check SampleData/zte-partial-reprieve.json against the saved page it was transcribed from.

Usage: Scripts/check-seed-sample.py [SEED_TXT] [SAMPLE_JSON]
Defaults: Tests/Fixtures/seed/000_37d42617417f68f1.txt and SampleData/zte-partial-reprieve.json (run from the repo root).

Every line of text on the page, page chrome aside, must appear verbatim and in page order in the
document (article paragraphs, then comment bodies in thread order), and the document must hold
nothing the page does not. The thread shape must be the page's: 4 top-level comments with 1, 2, 0, 0 replies.
"""
import json
import re
import sys

seed_path = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/seed/000_37d42617417f68f1.txt"
doc_path = sys.argv[2] if len(sys.argv) > 2 else "SampleData/zte-partial-reprieve.json"

with open(seed_path, encoding="utf-8") as f:
    page = f.read().split("\n")
with open(doc_path, encoding="utf-8") as f:
    doc = json.load(f)

CHROME = {"ReplyDelete", "Replies", "Delete", "Comment Page :", "Tags: ,", "7 comments:"}
article = doc["article"]
failures = []

def check(cond, message):
    if not cond:
        failures.append(message)

# Page text, in order, without chrome, list numbering or indentation.
title_lines = [i for i, l in enumerate(page) if l == article["title"]]
check(len(title_lines) == 1, "the title must stand alone on exactly one line of the page")
check(page[0].endswith(" - " + article["title"]), "the breadcrumb line must end with the title")
check(f"Source: {article['source']}" in page, "source must match the page's 'Source:' line")
check(article["id"] in page, "article id must be the slug shown on the page")
check("tags" not in article, "the page shows no tags ('Tags: ,'), so the document must have none")
page_text = []
for i, line in enumerate(page):
    text = re.sub(r"^\d+\. ", "", line.strip())
    if not text or i == 0 or i in title_lines or text == article["id"] or text in CHROME:
        continue
    if text.startswith("Source: "):
        continue
    page_text.append(text)

# Document text, in the same order.
def preorder(comments):
    stack = list(reversed(comments))
    while stack:
        c = stack.pop()
        yield c
        stack.extend(reversed(c.get("replies", [])))

comments = list(preorder(doc["comments"]))
doc_text = list(article["body"])
for c in comments:
    doc_text.extend(l for l in c["body"].split("\n") if l)
doc_text.append(article["commentPolicy"])

check(doc_text == page_text, "document text differs from the page text")
if doc_text != page_text:
    for a, b in zip(doc_text, page_text):
        if a != b:
            failures.append(f"  first difference:\n    doc:  {a!r}\n    page: {b!r}")
            break
    failures.append(f"  doc lines: {len(doc_text)}, page lines: {len(page_text)}")

# Comment bodies as whole strings, so line and paragraph breaks count too: on the page a comment runs
# from its numbered line to its "ReplyDelete"/"Delete" line; a blank line there is a paragraph break.
page_bodies, current = [], None
for line in page:
    text = line.strip()
    if re.match(r"^\d+\. ", text) and current is None:
        current = [re.sub(r"^\d+\. ", "", text)]
    elif text in ("ReplyDelete", "Delete") and current is not None:
        page_bodies.append("\n".join(current).strip("\n"))
        current = None
    elif current is not None:
        current.append(text)
doc_bodies = [c["body"] for c in comments]
check(doc_bodies == page_bodies, "comment bodies (with their line breaks) differ from the page's")

check([len(c.get("replies", [])) for c in doc["comments"]] == [1, 2, 0, 0], "thread shape must be 1, 2, 0, 0 replies")
check(len(comments) == 7, "the page says 7 comments")
check(all("author" not in c for c in comments), "the page shows no authors")
ids = [c["id"] for c in comments]
check(ids == ["c1", "c1r1", "c2", "c2r1", "c2r2", "c3", "c4"], f"unexpected ids {ids}")

if failures:
    print(f"{doc_path}: does not match {seed_path}", file=sys.stderr)
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"{doc_path}: {len(article['body'])} paragraphs and {len(comments)} comments match {seed_path}")
