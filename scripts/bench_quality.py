#!/usr/bin/env python3
"""Quality benchmark of the TrustLens analyzer against two peers, VADER and NRC.

(a) On the hand-labelled dev set (data/devset/devset.jsonl):
    - valence accuracy of TrustLens, VADER (compound score) and, for reference, a plain
      NRC positive/negative word count; the rule of scripts/score_analyzer.py
      (> 0.05 positive, < -0.05 negative, else neutral; gold `mixed` is correct for any
      |valence| < 0.5);
    - per-tag precision / recall / F1 of TrustLens and NRC on the tags NRC covers.
(b) On the four human-rated sentence sets of the VADER paper (shared/benchmarks/sentiment,
    `id<TAB>rating<TAB>text`, ratings -4..4): Pearson r of valence with the mean human
    rating, and the binary classification metrics of the paper's Table 4, for TrustLens
    and VADER.

Peers run from a private virtual environment, `.venv-bench/` at the repository root: the
script creates it and pip-installs `vaderSentiment` and `nrclex` there when missing, then
re-runs itself with that interpreter. NRCLex's own entry point fetches NLTK/TextBlob
corpora at run time, which cannot work offline, so only the lexicon file that the
package ships (nrclex/data/nrc_en.json: word -> list of affect categories) is used, with
a lower-case word split and a dictionary lookup.

NRC -> TrustLens mapping (a tag is predicted when any word of the text carries the NRC
category):
    anger        -> anger       same construct
    fear         -> anxiety     NRC fear = fear/worry/dread, which is our anxiety
    sadness      -> sadness     same construct
    trust        -> safety      NRC trust = words evoking trust/security ("safe", "secure",
                                "faith"); the nearest of ours is feeling safe with the other
    anticipation -> hope        LOOSE: anticipation also covers dread and plain expectation
                                ("wait", "soon", "plan"); reported apart from the strict four
    joy, surprise, disgust, positive, negative -> no TrustLens tag (not scored; positive/
                                negative only feed the reference valence count)

Usage:
    python3 scripts/bench_quality.py [--trustlens PATH] [--json FILE]
                                     [--devset FILE] [--benchmarks DIR] [--no-venv]

Exit status 0 on success, 2 on bad usage or when a tool cannot be run.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV = REPO / ".venv-bench"
PEER_PACKAGES = ["vaderSentiment", "nrclex"]
PEER_MODULES = ["vaderSentiment", "nrclex"]

sys.path.insert(0, str(HERE))
import score_analyzer as sa  # noqa: E402  (standard library only)

NRC_MAP = {"anger": "anger", "fear": "anxiety", "sadness": "sadness", "trust": "safety",
           "anticipation": "hope"}
NRC_STRICT = ["anger", "anxiety", "sadness", "safety"]
NRC_LOOSE = ["hope"]
SETS = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]
BAND = 0.05


# ------------------------------------------------------------------ environment

def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> None:
    """Create .venv-bench with the peers installed, then re-run this script in it."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = venv_python()
    if not py.exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = "import importlib.util,sys; sys.exit(0 if all(importlib.util.find_spec(m) " \
            f"for m in {PEER_MODULES!r}) else 1)"
    if subprocess.run([str(py), "-c", probe]).returncode != 0:
        print(f"installing {' '.join(PEER_PACKAGES)} into {VENV} ...", file=sys.stderr)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        *PEER_PACKAGES], check=True)
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


# ------------------------------------------------------------------------ peers

def load_nrc_lexicon() -> tuple[dict[str, list[str]], Path]:
    """Find the NRC word -> categories JSON shipped inside the nrclex package."""
    spec = importlib.util.find_spec("nrclex")  # does not import the package
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("error: nrclex is not installed in this interpreter")
    root = Path(list(spec.submodule_search_locations)[0])
    candidates = sorted(root.rglob("*.json"), key=lambda p: (p.name != "nrc_en.json", str(p)))
    for path in candidates:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and len(data) > 1000 and \
                all(isinstance(v, list) for v in list(data.values())[:50]):
            return {k.lower(): v for k, v in data.items()}, path
    raise SystemExit(f"error: no NRC lexicon JSON found under {root}")


WORD = re.compile(r"[a-z]+")


def nrc_analyse(lex: dict[str, list[str]], text: str) -> tuple[set[str], float]:
    """Tags (our names) and a pos/neg count valence in [-1, 1] for one text."""
    cats: list[str] = []
    for w in WORD.findall(text.lower()):
        cats.extend(lex.get(w, ()))
    tags = {NRC_MAP[c] for c in cats if c in NRC_MAP}
    pos, neg = cats.count("positive"), cats.count("negative")
    val = (pos - neg) / (pos + neg) if pos + neg else 0.0
    return tags, val


def make_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    return lambda text: analyzer.polarity_scores(text)["compound"]


# ---------------------------------------------------------------------- metrics

def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def binary_metrics(ratings: list[float], preds: list[float]) -> dict:
    """Table 4 of Hutto & Gilbert (2014), as described in the benchmarks README.

    Gold: positive when the mean human rating > 0, negative when < 0; items rated exactly
    0 are left out. Prediction: positive when score > 0.05, negative when < -0.05, and in
    between "neutral", which is neither class (a miss for recall, no harm to precision).
    Precision, recall and F1 per class, then averaged weighted by each class's support
    (the paper's overall figures).
    """
    pairs = [(r, p) for r, p in zip(ratings, preds) if r != 0]
    out = {"n": len(pairs), "neutral_predictions": sum(1 for _, p in pairs if -BAND <= p <= BAND)}
    total = len(pairs)
    per = {}
    wp = wr = wf = 0.0
    for cls, gold_fn, pred_fn in (("positive", lambda r: r > 0, lambda p: p > BAND),
                                  ("negative", lambda r: r < 0, lambda p: p < -BAND)):
        tp = sum(1 for r, p in pairs if gold_fn(r) and pred_fn(p))
        npred = sum(1 for _, p in pairs if pred_fn(p))
        ngold = sum(1 for r, _ in pairs if gold_fn(r))
        pr, rc, f1 = sa.prf(tp, npred - tp, ngold - tp)
        per[cls] = {"support": ngold, "precision": round(pr, 4), "recall": round(rc, 4),
                    "f1": round(f1, 4)}
        w = ngold / total if total else 0.0
        wp, wr, wf = wp + w * pr, wr + w * rc, wf + w * f1
    correct = sum(1 for r, p in pairs if (r > 0 and p > BAND) or (r < 0 and p < -BAND))
    out.update({"precision": round(wp, 4), "recall": round(wr, 4), "f1": round(wf, 4),
                "accuracy": round(correct / total, 4) if total else 0.0, "per_class": per})
    return out


def valence_accuracy(devset: list[dict], vals: dict[str, float]) -> dict:
    by = {}
    for r in devset:
        ok = sa.valence_correct(r["valence"], vals.get(r["id"], 0.0))
        c = by.setdefault(r["valence"], [0, 0])
        c[0] += ok
        c[1] += 1
    correct = sum(c for c, _ in by.values())
    return {"accuracy": round(correct / len(devset), 4),
            "by_gold": {k: round(c / n, 4) for k, (c, n) in sorted(by.items())}}


# ------------------------------------------------------------------------- runs

def read_ground_truth(path: Path) -> list[tuple[str, float, str]]:
    rows = []
    raw = path.read_text(encoding="utf-8")
    for n, line in enumerate(raw.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise SystemExit(f"{path}:{n}: expected id<TAB>rating<TAB>text")
        rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def bench_devset(binary: Path, devset_path: Path, vader, nrc_lex) -> dict:
    devset = sa.load_devset(devset_path)
    t0 = time.time()
    outputs = sa.run_trustlens(binary, devset)
    tl = sa.score(devset, outputs)
    tl_vals = {r["id"]: float(outputs.get(r["id"], {}).get("valence", 0.0) or 0.0) for r in devset}
    vader_vals = {r["id"]: vader(r["text"]) for r in devset}
    nrc = {r["id"]: nrc_analyse(nrc_lex, r["text"]) for r in devset}
    gold = {r["id"]: set(r["emotions"]) | set(r["themes"]) for r in devset}
    nrc_tags = sa.tag_metrics(gold, {i: t for i, (t, _) in nrc.items()}, NRC_STRICT + NRC_LOOSE)
    covered = {t: {"trustlens": {k: tl["per_tag"][t][k] for k in ("precision", "recall", "f1", "support")},
                   "nrc": {k: nrc_tags[t][k] for k in ("precision", "recall", "f1", "support")}}
               for t in NRC_STRICT + NRC_LOOSE}

    def macro(who, tags):
        return round(sum(covered[t][who]["f1"] for t in tags) / len(tags), 4)

    return {
        "entries": len(devset),
        "seconds": round(time.time() - t0, 2),
        "valence": {"trustlens": valence_accuracy(devset, tl_vals),
                    "vader": valence_accuracy(devset, vader_vals),
                    "nrc_count": valence_accuracy(devset, {i: v for i, (_, v) in nrc.items()})},
        "nrc_covered_tags": covered,
        "nrc_covered_macro_f1": {
            "strict4": {"trustlens": macro("trustlens", NRC_STRICT), "nrc": macro("nrc", NRC_STRICT)},
            "with_hope": {"trustlens": macro("trustlens", NRC_STRICT + NRC_LOOSE),
                          "nrc": macro("nrc", NRC_STRICT + NRC_LOOSE)}},
        "trustlens_emotion_macro_f1": tl["emotion_macro_f1"],
        "trustlens_theme_macro_f1": tl["theme_macro_f1"],
    }


def bench_set(binary: Path, path: Path, name: str, vader) -> dict:
    rows = read_ground_truth(path)
    records = [{"id": f"{name}:{i}", "date": "2026-01-01", "text": text} for i, _, text in rows]
    t0 = time.time()
    outputs = sa.run_trustlens(binary, records, warn=False)
    tl_secs = time.time() - t0
    # TrustLens drops a record whose date and text repeat an earlier one (its duplicate
    # rule), even under another id. The sets hold some repeated sentences; such an item
    # gets the valence of its analysed twin (same text, same analysis).
    by_text = {}
    for r in records:
        if r["id"] in outputs:
            by_text.setdefault(r["text"], outputs[r["id"]])
    filled = unanalysed = 0
    tl_vals = []
    for r in records:
        o = outputs.get(r["id"])
        if o is None:
            o = by_text.get(r["text"])
            if o is None:
                unanalysed += 1
                o = {}
            else:
                filled += 1
        tl_vals.append(float(o.get("valence", 0.0) or 0.0))
    if filled or unanalysed:
        print(f"note: {name}: {filled} repeated sentence(s) dropped by TrustLens as duplicates "
              f"(valence taken from the twin), {unanalysed} not analysed (scored 0)", file=sys.stderr)
    t0 = time.time()
    vader_vals = [vader(text) for _, _, text in rows]
    vader_secs = time.time() - t0
    ratings = [r for _, r, _ in rows]
    return {
        "file": str(path), "items": len(rows),
        "analysed_by_trustlens": sum(1 for r in records if r["id"] in outputs),
        "trustlens_duplicates_filled": filled, "trustlens_unanalysed": unanalysed,
        "trustlens": {"pearson_r": round(pearson(tl_vals, ratings), 4),
                      **binary_metrics(ratings, tl_vals), "seconds": round(tl_secs, 2)},
        "vader": {"pearson_r": round(pearson(vader_vals, ratings), 4),
                  **binary_metrics(ratings, vader_vals), "seconds": round(vader_secs, 2)},
    }


# ----------------------------------------------------------------------- report

def print_report(res: dict) -> None:
    d = res["devset"]
    print(f"== (a) Dev set: {d['entries']} hand-labelled entries ({res['devset_file']})\n")
    print("Valence accuracy (> 0.05 pos, < -0.05 neg, else neutral; gold mixed ok if |v| < 0.5)")
    print(f"  {'tool':22s} {'all':>6s} {'pos':>6s} {'neg':>6s} {'neu':>6s} {'mixed':>6s}")
    for who, label in (("trustlens", "TrustLens"), ("vader", "VADER compound"),
                       ("nrc_count", "NRC pos/neg count")):
        v = d["valence"][who]
        b = v["by_gold"]
        print(f"  {label:22s} {v['accuracy']:6.3f} {b.get('positive', 0):6.3f} "
              f"{b.get('negative', 0):6.3f} {b.get('neutral', 0):6.3f} {b.get('mixed', 0):6.3f}")
    print("\nTags NRC covers (NRC anger->anger, fear->anxiety, sadness->sadness, trust->safety;"
          " anticipation->hope is loose)")
    print(f"  {'tag':10s} {'supp':>4s} | {'TrustLens P':>11s} {'R':>6s} {'F1':>6s} | "
          f"{'NRC P':>6s} {'R':>6s} {'F1':>6s}")
    for t, c in d["nrc_covered_tags"].items():
        a, b = c["trustlens"], c["nrc"]
        mark = " (loose)" if t in NRC_LOOSE else ""
        print(f"  {t:10s} {a['support']:4d} | {a['precision']:11.3f} {a['recall']:6.3f} {a['f1']:6.3f} | "
              f"{b['precision']:6.3f} {b['recall']:6.3f} {b['f1']:6.3f}{mark}")
    m = d["nrc_covered_macro_f1"]
    print(f"  macro-F1, strict 4: TrustLens {m['strict4']['trustlens']:.3f}  NRC {m['strict4']['nrc']:.3f};"
          f"  with hope: TrustLens {m['with_hope']['trustlens']:.3f}  NRC {m['with_hope']['nrc']:.3f}")
    print(f"  (TrustLens over all tags: emotion macro-F1 {d['trustlens_emotion_macro_f1']:.3f}, "
          f"theme macro-F1 {d['trustlens_theme_macro_f1']:.3f}; NRC has no theme tags)")

    print("\n== (b) VADER ground-truth sets (Hutto & Gilbert 2014): Pearson r with the mean human "
          "rating;\n   binary P/R/F1 as in the paper's Table 4 (gold: rating > 0 / < 0, 0 left out; "
          "prediction ±0.05 band,\n   neutral predictions count as misses; support-weighted average "
          "of the two classes)\n")
    print(f"  {'set':22s} {'items':>6s} | {'tool':9s} {'r':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} "
          f"{'neutral':>8s}")
    for name, s in res["sets"].items():
        for k, who in enumerate(("trustlens", "vader")):
            x = s[who]
            first = f"  {name:22s} {s['items']:6d}" if k == 0 else f"  {'':22s} {'':6s}"
            print(f"{first} | {('TrustLens' if who == 'trustlens' else 'VADER'):9s} "
                  f"{x['pearson_r']:6.3f} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f} "
                  f"{x['neutral_predictions'] / max(x['n'], 1):8.1%}")
    print("\n  'neutral' = share of rated items the tool scored within ±0.05 (counted as misses).")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trustlens", help="path to the trustlens binary "
                    "(default: .build/debug/trustlens relative to the repository root)")
    ap.add_argument("--json", metavar="FILE", help="also write all figures as JSON to FILE")
    ap.add_argument("--devset", default=str(REPO / "data/devset/devset.jsonl"))
    ap.add_argument("--benchmarks", default=str(REPO.parent / "shared/benchmarks/sentiment"),
                    help="folder with the *_GroundTruth.txt files (default: ../shared/benchmarks/sentiment)")
    ap.add_argument("--no-venv", action="store_true",
                    help="use the current interpreter (vaderSentiment and nrclex must be importable)")
    args = ap.parse_args(argv)

    if not args.no_venv:
        ensure_venv()
    binary = sa.resolve_trustlens(args.trustlens)
    bench_dir = Path(args.benchmarks)
    missing = [s for s in SETS if not (bench_dir / f"{s}_GroundTruth.txt").exists()]
    if missing:
        raise SystemExit(f"error: missing ground-truth files in {bench_dir}: {missing}")

    vader = make_vader()
    nrc_lex, nrc_path = load_nrc_lexicon()
    res = {"trustlens": str(binary), "devset_file": args.devset,
           "peers": {"vader": "vaderSentiment compound score",
                     "nrc": f"NRC lexicon shipped by nrclex ({nrc_path.name}, {len(nrc_lex)} words), "
                            "lower-case word split + lookup",
                     "nrc_mapping": {**NRC_MAP, "joy": None, "surprise": None, "disgust": None}}}
    res["devset"] = bench_devset(binary, Path(args.devset), vader, nrc_lex)
    res["sets"] = {}
    for s in SETS:
        print(f"running {s} ...", file=sys.stderr)
        res["sets"][s] = bench_set(binary, bench_dir / f"{s}_GroundTruth.txt", s, vader)
    print_report(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
