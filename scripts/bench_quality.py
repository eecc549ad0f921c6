#!/usr/bin/env python3
"""Scores the TrustLens analyzer on every labelled set it may read, beside VADER and NRC.

    python3 scripts/bench_quality.py                      # dev splits (every decision)
    python3 scripts/bench_quality.py --split test         # held-out splits: once per report
    python3 scripts/bench_quality.py --analyzers builtin,hand --markdown out/table.md --json out/q.json

One run, one table: each row a figure, each column a tool, each figure marked with the split
it comes from. What is scored (sources and splits: scripts/fit_data.py, scripts/QUALITY.md):

- the public corpora of ../shared/corpora (GoEmotions, XED, EmpatheticDialogues, RWWD) on
  their dev or test split, with the metrics of ../shared/corpora/score.py (per-emotion F1 and
  macro-F1 over the emotions a corpus labels; top-1 and untagged share on the single-label
  corpora; Spearman ρ with RWWD's self-ratings). score.py itself is also run on the same
  split for the built-in analyzer, as a cross-check of those figures;
- the project's labelled journal texts (data/labelled, the split's part), and the older dev
  set (data/devset, always dev): emotion and theme macro-F1, insecurity and safety F1,
  valence accuracy;
- VADER's four human-rated sets (../shared/benchmarks/sentiment), the split's part (the
  valence calibration is fitted on their `fit` part only): Pearson r of valence with the mean
  human rating.

Analyzers (`--analyzers`, comma-separated): `builtin` is the binary's built-in lexicon as it
is (the default: the fitted model's emotions and valence, the hand-written themes); `hand` is
the hand-written lexicon alone (`--lexicon hand`); `fitted` the whole fitted model, themes
included (`--lexicon fitted`); `DIR` any lexicon folder as the built-in one
(TRUSTLENS_LEXICON_DIR: with a model.tsv the blend, without one the hand-written files), and
`fitted:DIR` that folder's whole model; `VARIANT+FILE` adds a lexicon file to a variant. Peers: VADER (vaderSentiment compound score, valence only) and NRC (the Emotion
Lexicon shipped in nrclex's package, word lookup: anger, fear → anxiety, sadness, trust →
safety, anticipation → hope), both measurement only.

Runs in .venv-fit (scripts/fit_venv.py makes it); `--no-venv` uses this interpreter.
Exit status 0, or 2 when a tool or a file is missing.
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
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fit_data as data  # noqa: E402
import fit_venv  # noqa: E402

REPO = data.REPO
LEXICON = REPO / "Sources" / "TrustLensAnalysis" / "Lexicon"
CORPUS_NAMES = ["goemotions", "xed_en", "empatheticdialogues", "rwwd"]
SINGLE_LABEL = {"empatheticdialogues", "rwwd"}
NRC_MAP = {"anger": "anger", "fear": "anxiety", "sadness": "sadness", "trust": "safety",
           "anticipation": "hope"}
VALENCE_SCORE = {"positive": 1.0, "negative": -1.0, "neutral": 0.0, "mixed": 0.0}
BAND = 0.05


# ------------------------------------------------------------------- tools

def resolve_trustlens(arg: str | None) -> Path:
    if arg:
        p = Path(arg)
        return p if p.is_absolute() or p.exists() else REPO / p
    for candidate in (".build/release/trustlens", ".build/debug/trustlens"):
        if (REPO / candidate).exists():
            return REPO / candidate
    raise SystemExit("error: no trustlens binary (swift build --product trustlens, or pass --trustlens)")


def lexicon_choice(name: str) -> tuple[str | None, list[str]]:
    """The TRUSTLENS_LEXICON_DIR (None: the binary's own) and the `--lexicon` arguments of an
    analyzer variant."""
    if "+" in name:  # VARIANT+FILE: a variant with a custom lexicon file added
        base, _, extra = name.partition("+")
        folder, args = lexicon_choice(base)
        return folder, args + ["--lexicon", str(Path(extra).resolve())]
    if name == "builtin":
        return None, []
    if name in ("hand", "fitted"):
        return None, ["--lexicon", name]
    folder, args = name, []
    if name.startswith("fitted:"):
        folder, args = name[len("fitted:"):], ["--lexicon", "fitted"]
    if not Path(folder).is_dir():
        raise SystemExit(f"error: --analyzers: {name} is neither builtin, hand, fitted nor a folder")
    return str(Path(folder).resolve()), args


def run_trustlens(binary: Path, texts: list[str], lexicon: tuple[str | None, list[str]]) -> list[dict]:
    """Analyses each text; returns the output objects in the same order. Each text gets its own
    date, so TrustLens's duplicate rule (same date and text) never drops one."""
    start = date(1900, 1, 1)
    with tempfile.TemporaryDirectory(prefix="trustlens-bench-") as tmp:
        path = Path(tmp) / "texts.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": f"t{i}", "date": (start + timedelta(days=i)).isoformat(),
                                    "text": text}, ensure_ascii=False) + "\n")
        env = dict(os.environ)
        lexicon_dir, lexicon_args = lexicon
        if lexicon_dir:
            env["TRUSTLENS_LEXICON_DIR"] = lexicon_dir
        run = subprocess.run([str(binary), "analyze", str(path), "--format", "jsonl", "--subject", "bench",
                              *lexicon_args],
                             capture_output=True, text=True, encoding="utf-8", env=env)
    if run.returncode not in (0, 3):
        raise SystemExit(f"error: trustlens analyze failed ({run.returncode}): {run.stderr.strip()[-400:]}")
    out = {}
    for line in run.stdout.splitlines():
        o = json.loads(line)
        out[o["id"]] = o
    missing = [i for i in range(len(texts)) if f"t{i}" not in out]
    if missing:
        print(f"warning: {len(missing)} text(s) not analysed (empty?), scored as no tags", file=sys.stderr)
    return [out.get(f"t{i}", {"emotions": {}, "themes": {}, "valence": 0.0}) for i in range(len(texts))]


def load_nrc() -> dict[str, list[str]]:
    spec = importlib.util.find_spec("nrclex")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("error: nrclex is not installed (run without --no-venv)")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "nrc_en.json"
    return {k.lower(): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


WORD = re.compile(r"[a-z]+")


def nrc_predict(lex: dict[str, list[str]], text: str) -> dict:
    """NRC as a peer: an emotion is present when any word carries its category; its intensity
    is the share of the text's words that do; valence (pos - neg) / (pos + neg)."""
    words = WORD.findall(text.lower())
    counts: dict[str, int] = {}
    pos = neg = 0
    for w in words:
        for c in lex.get(w, ()):
            if c in NRC_MAP:
                counts[NRC_MAP[c]] = counts.get(NRC_MAP[c], 0) + 1
            pos += c == "positive"
            neg += c == "negative"
    n = max(len(words), 1)
    return {"emotions": {t: c / n for t, c in counts.items()}, "themes": {},
            "valence": (pos - neg) / (pos + neg) if pos + neg else 0.0}


def make_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    return lambda text: {"emotions": {}, "themes": {}, "valence": sia.polarity_scores(text)["compound"]}


# ----------------------------------------------------------------- metrics

def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def spearman(xs: list[float], ys: list[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def f1_table(gold: list[set], pred: list[set], tags: list[str]) -> dict[str, dict]:
    out = {}
    for t in tags:
        tp = sum(1 for g, p in zip(gold, pred) if t in g and t in p)
        fp = sum(1 for g, p in zip(gold, pred) if t not in g and t in p)
        fn = sum(1 for g, p in zip(gold, pred) if t in g and t not in p)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[t] = {"precision": round(pr, 4), "recall": round(rc, 4), "support": tp + fn,
                  "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0}
    return out


def macro(per: dict[str, dict], tags: list[str]) -> float | None:
    """Mean F1 over `tags`; None when a tool scores none of them."""
    return round(sum(per[t]["f1"] for t in tags) / len(tags), 4) if tags else None


# Emotions no shippable corpus labels (the model learns them from the project's texts alone).
UNLABELLED_WATCH = ["betrayal", "insecurity"]


def score_corpus(corpus: str, rows: list[dict], preds: list[dict], tags: list[str] | None = None) -> dict:
    """The metrics of ../shared/corpora/score.py, on predictions already made. `tags`
    restricts the emotions scored (a peer's coverage)."""
    labelled = sorted({t for r in rows for t in r["tl_emotions"]}, key=data.EMOTIONS.index)
    scored = [t for t in labelled if tags is None or t in tags]
    gold = [set(r["tl_emotions"]) for r in rows]
    pred = [set(p.get("emotions", {})) for p in preds]
    per = f1_table(gold, pred, scored)
    out = {"texts": len(rows), "macro_f1": macro(per, scored), "per_tag": per}
    # The share of texts given an emotion the corpus does not label, of those the model learns
    # from the project's texts alone: almost none of these texts shows it, so a false-alarm proxy.
    out["given_unlabelled"] = {t: round(sum(t in p.get("emotions", {}) for p in preds) / len(rows), 4)
                               for t in UNLABELLED_WATCH if t not in labelled and (tags is None or t in tags)} if rows else {}
    if corpus in SINGLE_LABEL:
        hits = n = 0
        for r, p in zip(rows, preds):
            if len(r["tl_emotions"]) != 1:
                continue
            n += 1
            emo = {t: v for t, v in p.get("emotions", {}).items() if t in labelled}
            hits += bool(emo) and max(emo, key=emo.get) == r["tl_emotions"][0]
        out["top1"] = round(hits / n, 4) if n else 0.0
        out["untagged"] = round(sum(1 for r, p in zip(rows, preds) if r["tl_emotions"] and not
                                    set(p.get("emotions", {})) & set(labelled)) / len(rows), 4)
    if corpus == "rwwd":
        s = lambda r, k: r["scores"][k]  # noqa: E731
        pairs = {"anger": lambda r: s(r, "anger"),
                 "anxiety": lambda r: max(s(r, "worry"), s(r, "anxiety"), s(r, "fear")),
                 "sadness": lambda r: s(r, "sadness"), "safety": lambda r: s(r, "relaxation")}
        out["rho"] = {t: round(spearman([p.get("emotions", {}).get(t, 0.0) for p in preds],
                                        [f(r) for r in rows]), 4) for t, f in pairs.items()}
        mood = [s(r, "happiness") + s(r, "relaxation") -
                (s(r, "anger") + s(r, "anxiety") + s(r, "fear") + s(r, "sadness")) / 4 for r in rows]
        out["valence_rho"] = round(spearman([float(p.get("valence", 0.0)) for p in preds], mood), 4)
    return out


def valence_correct(gold: str, v: float) -> bool:
    if gold == "mixed":
        return abs(v) < 0.5
    label = "positive" if v > BAND else "negative" if v < -BAND else "neutral"
    return label == gold


def score_labelled(rows: list[dict], preds: list[dict], tags: list[str] | None = None) -> dict:
    gold = [set(r["emotions"]) | set(r["themes"]) for r in rows]
    pred = [set(p.get("emotions", {})) | set(p.get("themes", {})) for p in preds]
    scored = data.TAGS if tags is None else [t for t in data.TAGS if t in tags]
    per = f1_table(gold, pred, scored)
    emotions = [t for t in data.EMOTIONS if t in scored]
    themes = [t for t in data.THEMES if t in scored]
    vals = [float(p.get("valence", 0.0)) for p in preds]
    return {"texts": len(rows), "per_tag": per, "emotion_macro_f1": macro(per, emotions),
            "theme_macro_f1": macro(per, themes),
            "valence_accuracy": round(sum(valence_correct(r["valence"], v) for r, v in zip(rows, vals))
                                      / len(rows), 4) if rows else 0.0,
            "valence_rho": round(spearman(vals, [VALENCE_SCORE[r["valence"]] for r in rows]), 4)
            if rows else 0.0}


# ------------------------------------------------------------------ the run

def gather(split: str) -> dict[str, list[dict]]:
    """Every set of the run: name -> rows with `text`."""
    sets: dict[str, list[dict]] = {}
    for corpus in CORPUS_NAMES:
        path = data.CORPORA / corpus / f"{split}.jsonl"
        if path.exists():
            sets[corpus] = data.corpus_rows(corpus, split)
    sets["labelled"] = data.labelled(split)
    sets["labelled-journal"] = [r for r in sets["labelled"] if r["source"] == "journal"]
    sets["labelled-joined"] = joined(sets["labelled-journal"])
    if split == "dev":
        sets["devset"] = data.devset()
    for name in data.VADER_SETS:
        sets[name] = data.vader_rows(name, split)
    return sets


def joined(rows: list[dict], size: int = 4) -> list[dict]:
    """Journal entries of one writer joined `size` at a time (a long entry: one paragraph per
    entry), labelled with the union of their tags: whether tags survive in long texts."""
    out, by_group = [], {}
    for r in rows:
        by_group.setdefault(r["group"], []).append(r)
    for group in sorted(by_group):
        batch = by_group[group]
        for i in range(0, len(batch), size):
            part = batch[i:i + size]
            vals = {r["valence"] for r in part}
            out.append({"id": part[0]["id"] + "+", "text": "\n\n".join(r["text"] for r in part),
                        "emotions": sorted({t for r in part for t in r["emotions"]}),
                        "themes": sorted({t for r in part for t in r["themes"]}),
                        "valence": vals.pop() if len(vals) == 1 else "mixed"})
    return out


def score_all(sets: dict[str, list[dict]], preds: dict[str, list[dict]], coverage: list[str] | None) -> dict:
    out = {}
    for name, rows in sets.items():
        p = preds[name]
        if name in CORPUS_NAMES:
            out[name] = score_corpus(name, rows, p, coverage)
        elif name in ("labelled", "labelled-journal", "labelled-joined", "devset"):
            out[name] = score_labelled(rows, p, coverage) if rows else {"texts": 0}
        else:
            out[name] = {"texts": len(rows), "pearson_r": round(pearson(
                [float(x.get("valence", 0.0)) for x in p], [r["rating"] for r in rows]), 4)}
    return out


def figures(res: dict, split: str) -> list[tuple[str, str, str, str]]:
    """(label, split, key path, target) of each table row."""
    s = split
    rows = [("GoEmotions macro-F1 (8 mapped emotions)", s, "goemotions.macro_f1", "≥ 0.60")]
    for t in ["anger", "anxiety", "sadness", "safety", "hope", "gratitude", "guilt", "connection"]:
        rows.append((f"GoEmotions {t} F1" + (" *" if t == "safety" else ""), s,
                     f"goemotions.per_tag.{t}.f1", "≥ 0.35" if t != "safety" else "(* floor waived)"))
    rows += [("XED macro-F1 (anger, anxiety, sadness, safety*)", s, "xed_en.macro_f1", ""),
             ("EmpatheticDialogues top-1", s, "empatheticdialogues.top1", "≥ 0.60"),
             ("EmpatheticDialogues untagged", s, "empatheticdialogues.untagged", "≤ 0.10"),
             ("EmpatheticDialogues macro-F1", s, "empatheticdialogues.macro_f1", ""),
             ("RWWD valence ρ (self-ratings)", s, "rwwd.valence_rho", "≥ 0.50")]
    for t in ["anger", "anxiety", "sadness", "safety"]:
        rows.append((f"RWWD {t} ρ", s, f"rwwd.rho.{t}", "≥ 0.40" if t != "safety" else ""))
    rows += [("RWWD top-1", s, "rwwd.top1", "")]
    for corpus, label, tags in [("goemotions", "GoEmotions", ["betrayal", "insecurity"]),
                                ("empatheticdialogues", "EmpatheticDialogues", ["betrayal"]),
                                ("rwwd", "RWWD", ["betrayal", "insecurity"])]:
        for t in tags:
            rows.append((f"{label} texts given {t} (unlabelled there: false alarms, lower is better)", s,
                         f"{corpus}.given_unlabelled.{t}", ""))
    for name, label in zip(data.VADER_SETS, ["tweets", "movie reviews", "Amazon reviews", "NYT editorials"]):
        rows.append((f"VADER set {label}: Pearson r", s, f"{name}.pearson_r", "VADER + 0.03"))
    own = "dev (own, written here)" if s == "dev" else "test (own, frozen; written here)"
    rows += [("Own journal entries: emotion macro-F1", own, "labelled-journal.emotion_macro_f1", "≥ 0.80"),
             ("Own journal entries: theme macro-F1", own, "labelled-journal.theme_macro_f1", "≥ 0.70"),
             ("Own journal entries: insecurity F1", own, "labelled-journal.per_tag.insecurity.f1", "≥ 0.75"),
             ("Own journal entries: safety F1", own, "labelled-journal.per_tag.safety.f1", "≥ 0.75"),
             ("Own journal entries: betrayal F1", own, "labelled-journal.per_tag.betrayal.f1", ""),
             ("Own journal entries: resentment F1", own, "labelled-journal.per_tag.resentment.f1", ""),
             ("Own journal entries: valence accuracy", own, "labelled-journal.valence_accuracy", ""),
             ("Own journal entries: valence ρ", own, "labelled-journal.valence_rho", ""),
             ("Own journal entries, 4 joined: emotion macro-F1", own, "labelled-joined.emotion_macro_f1", ""),
             ("Own journal entries, 4 joined: theme macro-F1", own, "labelled-joined.theme_macro_f1", ""),
             ("Own set with corpus picks: emotion macro-F1", own, "labelled.emotion_macro_f1", ""),
             ("Own set with corpus picks: theme macro-F1", own, "labelled.theme_macro_f1", "")]
    if "devset" in res.get(next(iter(res)), {}):
        rows += [("Older dev set: emotion macro-F1", "dev (hand lexicon tuned on it)", "devset.emotion_macro_f1", ""),
                 ("Older dev set: theme macro-F1", "dev (hand lexicon tuned on it)", "devset.theme_macro_f1", ""),
                 ("Older dev set: valence accuracy", "dev (hand lexicon tuned on it)", "devset.valence_accuracy", "")]
    return rows


def lookup(d: dict, path: str):
    for k in path.split("."):
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def table(res: dict, split: str) -> str:
    tools = list(res)
    lines = ["| figure | split | " + " | ".join(tools) + " | target |",
             "| --- | --- | " + " | ".join("---:" for _ in tools) + " | --- |"]
    for label, s, path, target in figures(res, split):
        cells = []
        for tool in tools:
            v = lookup(res[tool], path)
            cells.append("—" if v is None else f"{v:.3f}")
        if all(c == "—" for c in cells):
            continue
        lines.append(f"| {label} | {s} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--analyzers", default="builtin,hand",
                    help="comma-separated: builtin, hand, or lexicon folders (default builtin,hand)")
    ap.add_argument("--trustlens", help="the trustlens binary (default .build/release, else .build/debug)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON to FILE")
    ap.add_argument("--no-score-py", action="store_true", help="skip the score.py cross-check")
    ap.add_argument("--no-venv", action="store_true", help="use this interpreter (peers must be importable)")
    args = ap.parse_args(argv)
    fit_venv.ensure()

    binary = resolve_trustlens(args.trustlens)
    sets = gather(args.split)
    res: dict[str, dict] = {}
    for name in [a for a in args.analyzers.split(",") if a]:
        lexicon = lexicon_choice(name)
        texts = [r["text"] for rows in sets.values() for r in rows]
        print(f"analysing {len(texts)} texts with TrustLens ({name}) ...", file=sys.stderr)
        out = run_trustlens(binary, texts, lexicon)
        preds, i = {}, 0
        for set_name, rows in sets.items():
            preds[set_name] = out[i:i + len(rows)]
            i += len(rows)
        res[f"TrustLens {name}"] = score_all(sets, preds, None)
    vader, nrc = make_vader(), load_nrc()
    for label, tool, coverage in (("VADER", vader, []), ("NRC", lambda t: nrc_predict(nrc, t), list(NRC_MAP.values()))):
        print(f"running {label} ...", file=sys.stderr)
        preds = {n: [tool(r["text"]) for r in rows] for n, rows in sets.items()}
        res[label] = score_all(sets, preds, coverage)
        if label == "VADER":  # valence only: no tag figures
            for n in res[label]:
                for k in ("macro_f1", "per_tag", "top1", "untagged", "rho", "emotion_macro_f1", "theme_macro_f1"):
                    res[label][n].pop(k, None)
    if not args.no_score_py and "TrustLens builtin" in res:
        spec = importlib.util.spec_from_file_location("score_py", data.CORPORA / "score.py")
        score_py = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(score_py)
        check = {}
        for corpus in [c for c in CORPUS_NAMES if c in sets]:
            r = score_py.score(corpus, args.split, str(binary))
            check[corpus] = {k: r.get(k) for k in ("macro_f1", "top1_accuracy", "untagged_share", "valence_spearman")
                             if k in r}
        res["TrustLens builtin"]["score.py"] = check
    md = table(res, args.split)
    print(md)
    if "TrustLens builtin" in res and "score.py" in res["TrustLens builtin"]:
        print("score.py on the same split (built-in analyzer; all texts share one date there, so "
              "repeated texts are dropped as duplicates):")
        for corpus, r in res["TrustLens builtin"]["score.py"].items():
            print(f"  {corpus}: " + ", ".join(f"{k} {v:.3f}" for k, v in r.items()))
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(md, encoding="utf-8")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"split": args.split, "trustlens": str(binary), "results": res},
                                              indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
