#!/usr/bin/env python3
"""The trend module's one evaluation: seeds of ../shared/scenarios and our own generator.

Usage:
    python3 scripts/evaluate_trends.py                          # seeds 1-5, K = 20, + ours
    python3 scripts/evaluate_trends.py --seeds 101-110          # development seeds
    python3 scripts/evaluate_trends.py --trustlens .build/release/trustlens --json out.json

For each seed it runs the shared generator (`generate.py --seed N --per-class K`) into a
temporary folder, runs `trustlens trends DIR --subject folder --timezone UTC --format json`,
and scores the output with the shared scorer (`score.py --json`), which computes its
ratings-only baseline from the same files in the same run. Then it scores our own generator
(`scripts/score_trends.py`, with its trust-only baseline). It prints one Markdown table per
measure — status macro-F1, rushing precision / recall, self-care-neglect F1 and every
status's F1 — with TrustLens and the baseline side by side, and the failing targets of
issue #16. The shared generator and scorer are read, never changed.

Standard library only. Exits 0 (it is a report) unless a step could not run at all.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared" / "scenarios").resolve()
STATUSES = ["progress", "setback", "rushing", "avoidance", "plateau", "insufficient-data"]


def seeds(text):
    out = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    return proc.stdout


def row(tool, base):
    """The figures of one run: {measure: (TrustLens, baseline)}."""
    def figures(r):
        sig = r["signals"]
        out = {"macro-F1": r["macro_f1"], "accuracy": r["accuracy"],
               "rushing P": sig.get("rushing", {}).get("precision", 0.0),
               "rushing R": sig.get("rushing", {}).get("recall", 0.0),
               "self-care F1": sig.get("self-care-neglect", {}).get("f1", 0.0)}
        for st in STATUSES:
            out[st] = r["per_class"][st]["f1"]
        return out
    t, b = figures(tool), figures(base)
    return {k: (t[k], b[k]) for k in t}


def shared_seed(binary, seed, k, keep):
    with tempfile.TemporaryDirectory(prefix=f"trends-s{seed}-") as tmp:
        data = Path(keep) / f"s{seed}" if keep else Path(tmp) / "data"
        run([sys.executable, SHARED / "generate.py", "--seed", str(seed), "--per-class", str(k), "--out", data])
        pred = run([binary, "trends", data, "--subject", "folder", "--timezone", "UTC", "--format", "json"])
        pred_file = Path(tmp) / "pred.json"
        pred_file.write_text(pred, encoding="utf-8")
        res = json.loads(run([sys.executable, SHARED / "score.py", "--gold", data / "gold.json",
                              "--pred", pred_file, "--json"]))
        # the shared scorer's per_class uses its own key names; normalise to score_trends's
        for r in (res["tool"], res["baseline"]):
            r.setdefault("per_class", r.get("per_status", {}))
        return res["tool"], res["baseline"]


def own_generator(binary):
    with tempfile.TemporaryDirectory(prefix="trends-own-") as tmp:
        out = Path(tmp) / "metrics.json"
        run([sys.executable, REPO / "scripts" / "score_trends.py", "--trustlens", binary, "--json", out])
        doc = json.loads(out.read_text(encoding="utf-8"))
        for r in (doc["trustlens"], doc["baseline"]):
            r["per_class"] = r["per_status"]
            r["signals"] = r["per_signal"]
        return doc["trustlens"], doc["baseline"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="1-5", help="shared generator seeds, e.g. 1-5 or 101-110 (default 1-5)")
    ap.add_argument("--per-class", type=int, default=20, help="K, subjects per status (default 20)")
    ap.add_argument("--trustlens", default=".build/debug/trustlens", help="binary (relative to the repo root)")
    ap.add_argument("--no-own", action="store_true", help="skip our own generator")
    ap.add_argument("--keep", help="keep the generated sets in this folder")
    ap.add_argument("--json", help="also write every figure here")
    a = ap.parse_args(argv)
    binary = Path(a.trustlens)
    if not binary.is_absolute():
        binary = REPO / binary
    runs = {}
    for seed in seeds(a.seeds):
        runs[f"seed {seed}"] = row(*shared_seed(binary, seed, a.per_class, a.keep))
        print(f"seed {seed}: macro-F1 {runs[f'seed {seed}']['macro-F1'][0]:.3f}", file=sys.stderr)
    if not a.no_own:
        runs["own generator"] = row(*own_generator(binary))

    names = list(runs)
    measures = list(next(iter(runs.values())))
    print(f"TrustLens / ratings-only baseline (shared generator K = {a.per_class}; binary {binary.name})\n")
    print("| measure | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for m in measures:
        print(f"| {m} | " + " | ".join(f"{runs[n][m][0]:.2f} / {runs[n][m][1]:.2f}" for n in names) + " |")
    fails = []
    for n in names:
        r = runs[n]
        if r["macro-F1"][0] < 0.90:
            fails.append(f"{n}: macro-F1 {r['macro-F1'][0]:.3f} < 0.90")
        if r["rushing R"][0] < 0.90 or r["rushing P"][0] < 0.85:
            fails.append(f"{n}: rushing P/R {r['rushing P'][0]:.2f}/{r['rushing R'][0]:.2f} (target >= 0.85/0.90)")
        if r["self-care F1"][0] < 0.80:
            fails.append(f"{n}: self-care-neglect F1 {r['self-care F1'][0]:.2f} < 0.80")
        for st in STATUSES:
            if r[st][0] < r[st][1]:
                fails.append(f"{n}: {st} F1 {r[st][0]:.2f} below the baseline's {r[st][1]:.2f}")
    print("\ntargets not met:" if fails else "\nevery target met")
    for f in fails:
        print("  " + f)
    if a.json:
        Path(a.json).write_text(json.dumps(runs, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
