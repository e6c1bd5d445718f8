#!/usr/bin/env python3
"""Checks that docs/ARCHITECTURE.md is true of Package.swift.

Usage: Scripts/check-architecture.py   (from anywhere; runs `swift package dump-package`)

Every target that is not a test is named in the module table of "## Modules", and a row whose
"imports" column lists names (or "—" for none) lists exactly the target's dependencies.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)


def name_of(dependency):
    for kind in ("byName", "target", "product"):
        if kind in dependency:
            return dependency[kind][0]
    raise ValueError(dependency)


targets = {t["name"]: {name_of(d) for d in t["dependencies"]} for t in package["targets"] if t["type"] != "test"}
text = (root / "docs/ARCHITECTURE.md").read_text()
table = text.split("## Modules", 1)[1].split("\n## ", 1)[0]
named = set()
problems = []
for line in table.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 4 or not cells[0].startswith("`"):
        continue
    modules = re.findall(r"`([A-Za-z]+)`", cells[0])
    named.update(modules)
    imports = cells[2]
    if imports == "—":
        listed = set()
    elif re.fullmatch(r"[`A-Za-z, ]+", imports):
        listed = {name.strip("` ") for name in imports.split(",")}
    else:
        continue
    if len(modules) == 1 and targets.get(modules[0]) != listed:
        problems.append(f"{modules[0]}: the table says {sorted(listed)}, Package.swift {sorted(targets.get(modules[0], []))}")
for target in sorted(set(targets) - named):
    problems.append(f"{target}: not named in the module table")
for problem in problems:
    print(f"check-architecture: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"docs/ARCHITECTURE.md names all {len(targets)} targets; every listed import is Package.swift's")
