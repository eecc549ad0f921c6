#!/usr/bin/env python3
"""Lists the split of every labelled group (data/labelled/split.tsv) and checks it.

    python3 scripts/fit_split.py --write    # after adding a batch: record its split
    python3 scripts/fit_split.py --check    # exit 1 when split.tsv differs from the rule

Standard library only. The rule: scripts/fit_data.py (`labelled_split`), data/labelled/SPLIT.md.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_data as data  # noqa: E402

PATH = data.LABELLED / "split.tsv"


def table() -> str:
    groups = collections.Counter(r["group"] for r in data.labelled())
    lines = ["# group<TAB>split<TAB>texts (data/labelled/SPLIT.md; written by scripts/fit_split.py --write)"]
    for g in sorted(groups):
        lines.append(f"{g}\t{data.labelled_split(g)}\t{groups[g]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    now = table()
    if a.write:
        PATH.write_text(now, encoding="utf-8")
    recorded = PATH.read_text(encoding="utf-8") if PATH.exists() else ""
    if a.check and recorded != now:
        print(f"error: {PATH} differs from the split rule (run fit_split.py --write after adding a batch)", file=sys.stderr)
        return 1
    counts = collections.Counter(line.split("\t")[1] for line in now.splitlines()[1:])
    texts = collections.Counter()
    for line in now.splitlines()[1:]:
        g, s, n = line.split("\t")
        texts[s] += int(n)
    print("groups " + ", ".join(f"{k} {counts[k]}" for k in ("train", "dev", "test")) +
          "; texts " + ", ".join(f"{k} {texts[k]}" for k in ("train", "dev", "test")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
