#!/usr/bin/env python3
"""Re-records Tests/TrustLensAnalysisTests/Fixtures/committed-sample.tsv after a refit.

    python3 scripts/record_committed_sample.py [--trustlens .build/debug/trustlens]

Keeps the fixture's texts and comment lines (the header's commit line is rewritten) and
records, per text, the tags the committed model gives it (`--lexicon fitted`: the whole model,
themes included), in taxonomy order. Run it only on purpose, after a refit has been decided on
dev: CommittedLexiconTests then holds the engine and the lexicon files to these tags.
Standard library only (the texts go through bench_quality's runner); reads the lexicon from the source tree (TRUSTLENS_LEXICON_DIR).
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests" / "TrustLensAnalysisTests" / "Fixtures" / "committed-sample.tsv"
LEXICON = REPO / "Sources" / "TrustLensAnalysis" / "Lexicon"
sys.path.insert(0, str(REPO / "scripts"))
from fit_data import TAGS  # noqa: E402  (taxonomy order)
from bench_quality import run_trustlens  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trustlens", default=".build/debug/trustlens")
    args = ap.parse_args()
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    texts = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    outputs = run_trustlens(REPO / args.trustlens, texts, (str(LEXICON), ["--lexicon", "fitted"]))
    tags = {f"t{i}": ",".join(t for t in TAGS if t in set(o["emotions"]) | set(o["themes"]))
            for i, o in enumerate(outputs)}
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    out, i = [], 0
    for line in lines:
        if line.startswith("#"):
            out.append(re.sub(r"(?:re)?fitted (?:from|on top of) commit \w+\)", f"refitted on top of commit {commit})", line))
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
