#!/usr/bin/env python3
"""Re-records Tests/TrustLensAnalysisTests/Fixtures/committed-sample.tsv after a refit.

    python3 scripts/record_committed_sample.py [--trustlens .build/debug/trustlens]

Keeps the fixture's texts and comment lines (the header's commit line is rewritten) and
records, per text, the tags the committed model gives it (`--lexicon fitted`: the whole model,
themes included), in taxonomy order. Run it only on purpose, after a refit has been decided on
dev: CommittedLexiconTests then holds the engine and the lexicon files to these tags.
Standard library only; reads the lexicon from the source tree (TRUSTLENS_LEXICON_DIR).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests" / "TrustLensAnalysisTests" / "Fixtures" / "committed-sample.tsv"
LEXICON = REPO / "Sources" / "TrustLensAnalysis" / "Lexicon"
sys.path.insert(0, str(REPO / "scripts"))
from fit_data import TAGS  # noqa: E402  (taxonomy order)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trustlens", default=".build/debug/trustlens")
    args = ap.parse_args()
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    texts = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.jsonl"
        path.write_text("".join(json.dumps({"id": f"t{i}", "date": f"2026-01-{i % 28 + 1:02d}T{i // 28:02d}:00:00",
                                            "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
        run = subprocess.run([str(REPO / args.trustlens), "analyze", str(path), "--subject", "s", "--timezone", "UTC",
                              "--lexicon", "fitted"], capture_output=True, text=True,
                             env={**os.environ, "TRUSTLENS_LEXICON_DIR": str(LEXICON)})
    if run.returncode != 0:
        sys.exit(f"trustlens analyze failed: {run.stderr}")
    tags = {}
    for line in run.stdout.splitlines():
        o = json.loads(line)
        present = set(o["emotions"]) | set(o["themes"])
        tags[o["id"]] = ",".join(t for t in TAGS if t in present)
    if len(tags) != len(texts):
        sys.exit(f"{len(texts)} texts but {len(tags)} analysed")
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    out, i = [], 0
    for line in lines:
        if line.startswith("#"):
            out.append(re.sub(r"fitted from commit \w+\)", f"refitted on top of commit {commit})", line))
        elif line:
            out.append(f"{texts[i]}\t{tags[f't{i}']}")
            i += 1
        else:
            out.append(line)
    FIXTURE.write_text("\n".join(out), encoding="utf-8")
    print(f"recorded {len(texts)} texts in {FIXTURE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
