#!/usr/bin/env python3
"""Score the TrustLens analyzer against the hand-labelled development set.

Runs `trustlens analyze --format jsonl` on the texts of data/devset/devset.jsonl
(written to a temporary JSON Lines file without the labels) and prints, per tag,
precision / recall / F1 (a tag counts as predicted when it appears in the output's
`emotions` or `themes`), the macro-F1 over the 11 emotions and over the 16 themes,
and the valence accuracy.

Valence rule: the predicted label is `positive` when valence > 0.05, `negative` when
valence < -0.05, otherwise `neutral`. A gold `mixed` entry counts as correct for any
prediction with |valence| < 0.5.

Usage:
    python3 scripts/score_analyzer.py [--trustlens PATH] [--devset FILE]
                                      [--json FILE] [--examples N]

Python 3 standard library only. Exit status 0 on success, 2 on bad usage or when
the TrustLens binary cannot be run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

EMOTIONS = ["betrayal", "anger", "resentment", "anxiety", "sadness", "insecurity",
            "safety", "hope", "gratitude", "guilt", "connection"]
THEMES = ["acknowledgment", "responsibility", "accountability", "transparency",
          "deception", "broken-promise", "communication", "avoidance", "self-care",
          "rushing", "patience", "boundaries", "support", "empathy", "progress",
          "setback"]
NEUTRAL_BAND = 0.05
MIXED_BAND = 0.5


# --------------------------------------------------------------------------- I/O

def load_devset(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            for key in ("id", "date", "text", "emotions", "themes", "valence"):
                if key not in r:
                    raise SystemExit(f"{path}:{n}: missing key {key!r}")
            unknown = [t for t in r["emotions"] if t not in EMOTIONS] + \
                      [t for t in r["themes"] if t not in THEMES]
            if unknown:
                raise SystemExit(f"{path}:{n}: unknown tag(s) {unknown}")
            if r["valence"] not in ("positive", "negative", "neutral", "mixed"):
                raise SystemExit(f"{path}:{n}: bad valence {r['valence']!r}")
            rows.append(r)
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{path}: duplicate ids")
    return rows


def resolve_trustlens(arg: str | None) -> Path:
    p = Path(arg) if arg else Path(".build/debug/trustlens")
    if not p.is_absolute():
        # Relative paths: as given from the current directory if that exists,
        # else relative to the repository root (the documented default).
        p = p if p.exists() else REPO / p
    if not p.exists():
        raise SystemExit(f"error: TrustLens binary not found: {p} (build it, or pass --trustlens)")
    return p


def run_trustlens(binary: Path, records: list[dict], warn: bool = True) -> dict[str, dict]:
    """Analyse records ({id, date, text}) and return the output objects by id."""
    with tempfile.TemporaryDirectory(prefix="trustlens-score-") as tmp:
        inp = Path(tmp) / "input.jsonl"
        with inp.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]},
                                   ensure_ascii=False) + "\n")
        proc = subprocess.run([str(binary), "analyze", str(inp), "--format", "jsonl"],
                              capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"error: trustlens exited with status {proc.returncode}")
    out = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line:
            obj = json.loads(line)
            out[str(obj.get("id"))] = obj
    missing = [r["id"] for r in records if r["id"] not in out]
    if missing and warn:
        print(f"warning: {len(missing)} record(s) not analysed by TrustLens "
              f"(scored as no tags, valence 0): {missing[:5]}", file=sys.stderr)
    return out


# ----------------------------------------------------------------------- metrics

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def valence_label(v: float) -> str:
    if v > NEUTRAL_BAND:
        return "positive"
    if v < -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def valence_correct(gold: str, v: float) -> bool:
    if gold == "mixed":
        return abs(v) < MIXED_BAND
    return valence_label(v) == gold


def tag_metrics(gold: dict[str, set], pred: dict[str, set], tags: list[str],
                texts: dict[str, str] | None = None, examples: int = 0) -> dict:
    """Per-tag P/R/F1. gold/pred map id -> set of tags."""
    res = {}
    for t in tags:
        tp = fp = fn = 0
        fns, fps = [], []
        for i in gold:
            g, p = t in gold[i], t in pred.get(i, set())
            if g and p:
                tp += 1
            elif p:
                fp += 1
                fps.append(i)
            elif g:
                fn += 1
                fns.append(i)
        pr, rc, f1 = prf(tp, fp, fn)
        entry = {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn,
                 "precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4)}
        if examples and texts is not None:
            entry["missed"] = [{"id": i, "text": texts[i]} for i in fns[:examples]]
            entry["wrong"] = [{"id": i, "text": texts[i]} for i in fps[:examples]]
        res[t] = entry
    return res


def macro_f1(per_tag: dict, tags: list[str]) -> float:
    return round(sum(per_tag[t]["f1"] for t in tags) / len(tags), 4)


def score(devset: list[dict], outputs: dict[str, dict], examples: int = 0) -> dict:
    texts = {r["id"]: r["text"] for r in devset}
    gold = {r["id"]: set(r["emotions"]) | set(r["themes"]) for r in devset}
    pred = {}
    vals = {}
    for r in devset:
        o = outputs.get(r["id"], {})
        pred[r["id"]] = set((o.get("emotions") or {}).keys()) | set((o.get("themes") or {}).keys())
        vals[r["id"]] = float(o.get("valence", 0.0) or 0.0)
    per_tag = tag_metrics(gold, pred, EMOTIONS + THEMES, texts, examples)
    by_class: dict[str, list[int]] = {}
    for r in devset:
        ok = valence_correct(r["valence"], vals[r["id"]])
        by_class.setdefault(r["valence"], [0, 0])
        by_class[r["valence"]][0] += ok
        by_class[r["valence"]][1] += 1
    correct = sum(c for c, _ in by_class.values())
    # micro P/R/F1 over all 27 tags, for reference
    tp = sum(per_tag[t]["tp"] for t in per_tag)
    fp = sum(per_tag[t]["fp"] for t in per_tag)
    fn = sum(per_tag[t]["fn"] for t in per_tag)
    mp, mr, mf = prf(tp, fp, fn)
    return {
        "entries": len(devset),
        "per_tag": per_tag,
        "emotion_macro_f1": macro_f1(per_tag, EMOTIONS),
        "theme_macro_f1": macro_f1(per_tag, THEMES),
        "micro": {"precision": round(mp, 4), "recall": round(mr, 4), "f1": round(mf, 4)},
        "valence_accuracy": round(correct / len(devset), 4),
        "valence_by_gold": {k: {"correct": c, "total": n, "accuracy": round(c / n, 4)}
                            for k, (c, n) in sorted(by_class.items())},
        "valence_rule": f"pos > {NEUTRAL_BAND}, neg < -{NEUTRAL_BAND}, else neutral; "
                        f"gold mixed correct when |valence| < {MIXED_BAND}",
    }


# ----------------------------------------------------------------------- report

def print_report(m: dict, examples: int = 0) -> None:
    print(f"TrustLens analyzer on the dev set ({m['entries']} entries)\n")
    print(f"{'tag':16s} {'kind':7s} {'supp':>4s} {'tp':>4s} {'fp':>4s} {'fn':>4s} "
          f"{'prec':>6s} {'rec':>6s} {'F1':>6s}")
    for t in EMOTIONS + THEMES:
        e = m["per_tag"][t]
        kind = "emotion" if t in EMOTIONS else "theme"
        print(f"{t:16s} {kind:7s} {e['support']:4d} {e['tp']:4d} {e['fp']:4d} {e['fn']:4d} "
              f"{e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f}")
    print()
    print(f"emotion macro-F1   {m['emotion_macro_f1']:.3f}")
    print(f"theme macro-F1     {m['theme_macro_f1']:.3f}")
    mi = m["micro"]
    print(f"micro P/R/F1       {mi['precision']:.3f} / {mi['recall']:.3f} / {mi['f1']:.3f}")
    print(f"valence accuracy   {m['valence_accuracy']:.3f}   ({m['valence_rule']})")
    for k, v in m["valence_by_gold"].items():
        print(f"  gold {k:9s} {v['correct']:3d}/{v['total']:<3d} = {v['accuracy']:.3f}")
    if examples:
        worst = sorted(EMOTIONS + THEMES, key=lambda t: m["per_tag"][t]["f1"])[:10]
        print("\nLowest-F1 tags, with dev-set entries missed (FN) or wrongly tagged (FP):")
        for t in worst:
            e = m["per_tag"][t]
            print(f"\n  {t} (F1 {e['f1']:.3f})")
            for x in e.get("missed", []):
                print(f"    FN {x['id']}: {x['text']}")
            for x in e.get("wrong", []):
                print(f"    FP {x['id']}: {x['text']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trustlens", help="path to the trustlens binary "
                    "(default: .build/debug/trustlens relative to the repository root)")
    ap.add_argument("--devset", default=str(REPO / "data/devset/devset.jsonl"),
                    help="labelled dev set (default: data/devset/devset.jsonl)")
    ap.add_argument("--json", metavar="FILE", help="also write the metrics as JSON to FILE")
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="list up to N missed and N wrongly tagged entries for the 10 worst tags")
    args = ap.parse_args(argv)

    devset = load_devset(Path(args.devset))
    binary = resolve_trustlens(args.trustlens)
    outputs = run_trustlens(binary, devset)
    m = score(devset, outputs, args.examples)
    m["trustlens"] = str(binary)
    m["devset"] = str(args.devset)
    print_report(m, args.examples)
    if args.json:
        Path(args.json).write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
        print(f"\nmetrics written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
