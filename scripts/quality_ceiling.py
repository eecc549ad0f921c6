#!/usr/bin/env python3
"""The ceiling of an unconstrained linear bag-of-n-grams model on the analyzer's allowed data.

    .venv-fit/bin/python scripts/quality_ceiling.py                    # every setting, ~11 min on 2 cores
    .venv-fit/bin/python scripts/quality_ceiling.py --settings word12  # the plain word model only, ~2.5 min
    .venv-fit/bin/python scripts/quality_ceiling.py --out /tmp/ceiling --builtin-json /tmp/ceiling/builtin-dev.json
    .venv-fit/bin/python scripts/quality_ceiling.py --from-json /tmp/ceiling/ceiling-dev.json   # redraw the tables only

MEASUREMENT ONLY: nothing here ships, is written into the repository, or feeds a fit. It asks
whether the quality targets (scripts/QUALITY.md) are reachable by any linear lexicon fitted on
the same data as scripts/fit_lexicon.py, by fitting a model with none of the engine's
constraints (no rule contexts, no pruning, no hand prior; free word and character n-grams):

- Data: exactly what the fit reads (fit_lexicon's own loaders and mappings, fit_data's splits):
  GoEmotions and XED train splits (the corpora that may ship), the project's labelled texts
  (data/labelled, train part; corpus picks count once, with the project's labels), presumed
  negatives of the emotions no corpus labels (as the fit's --presumed-negative-weight 1 and
  --presumed-joined 12000), and for valence VADER's four sets' `fit` part, GoEmotions' polarity
  groups and the labelled texts' valence. The same source weights (own 8, XED 0.5). Unlike the
  committed fit, safety is also learnt from GoEmotions relief* / XED trust* (the fit's
  --corpus-safety; `--no-corpus-safety` turns it off). EmpatheticDialogues and RWWD are only
  scored, on dev. No test split is read (fit_data.labelled() reads every labelled file for the
  split hash and the ids of the picks, as the fit does; only train rows are fitted).
- Tags: per emotion a TF-IDF (sublinear tf) + logistic regression (L2, liblinear), one emotion
  against the rest on the texts labelling it, class-balanced sample weights times the source
  weights. C and the threshold are chosen on held-out parts of TRAIN only: 4-fold
  cross-validation of train (folds by sha256 of the writer for journal entries, of the id
  otherwise), whose out-of-fold probabilities pick the C and threshold of the best weighted mean
  F1 over the sources labelling the emotion, with the fit's dev weights and grid
  (fit_lexicon.DEV_WEIGHT; 0.05..0.95 by 0.025). (One 15% slice held 4 writers and a single
  anxiety entry: its thresholds were noise.) Then the model is refitted on all of train. The
  "optimistic" variant keeps those models but chooses each emotion's threshold on each dev set
  itself (the best F1 of that emotion there): an upper bound, not a figure one may claim.
- Valence: ridge regression on the same features, the fit's targets and weights (VADER 1,
  GoEmotions 0.5, own = own weight / 2, picks 1), clipped to [-1, 1]; alpha chosen out of fold
  on train (mean Pearson r over its sources), in the optimistic variant on RWWD dev's valence rho.
- Scoring: bench_quality's own gather("dev"), score_all and figures(), so every figure is
  computed exactly as bench_quality computes the 'TrustLens builtin' column: an emotion is
  present when its probability passes its threshold, its value is the probability (so the RWWD
  rho use 0 for an absent emotion, as for the binary); top-1 is the highest-probability present
  emotion among those the corpus labels, untagged when none is present. Extra rows give the
  threshold-free figures (argmax top-1, rho of the raw probability).

Settings (`--settings`, comma-separated; the first is the table's main one): `word12` word
1-2-grams, min_df 2, C in 0.5, 2, 8; `word12+char25` those plus char_wb 2-5-grams (min_df 3,
the 200k most frequent), C in 1, 4; `word12-own32` as word12 with the project's texts weighted
32 instead of the fit's 8. The "best setting" columns take per figure the best of all settings
(lowest for untagged and false-alarm shares), naming it: a choice on dev, so optimistic too.

Output in --out (default /tmp/ceiling): ceiling-dev.md (the table: ceiling columns beside the
committed binary's dev figures), ceiling-all.md (every setting and variant), ceiling-dev.json.
The builtin figures are read from --builtin-json; when that file is missing it is made by
`python3 scripts/bench_quality.py --split dev --analyzers builtin --no-score-py --json FILE`.
n_jobs is 1 everywhere (single-threaded liblinear / sparse_cg).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fit_venv  # noqa: E402

fit_venv.ensure()

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402

import bench_quality as bq  # noqa: E402
import fit_data as data  # noqa: E402
import fit_lexicon as fl  # noqa: E402

EMOTIONS = data.EMOTIONS
TAGS = fl.TAGS
GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)  # fit_lexicon.choose_thresholds' grid
ALPHAS = [0.3, 1.0, 3.0, 10.0]
SETTINGS = {
    "word12": {"char": False, "C": [0.5, 2.0, 8.0]},
    "word12+char25": {"char": True, "C": [1.0, 4.0]},
    # The project's texts (long, first-person, the guideline's labels) 4x heavier than the fit's 8.
    "word12-own32": {"char": False, "C": [0.5, 2.0, 8.0], "own_weight": 32.0},
}
LOWER_IS_BETTER = ("untagged", "given_unlabelled")
T0 = time.time()


def log(msg: str) -> None:
    print(f"[{time.time() - T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def fold_of(row: dict, folds: int) -> int:
    """The cross-validation fold of a train text, by sha256 of its writer (journal entries: one
    batch, so a writer never straddles folds) or id; -1 for the joined presumed negatives (made of
    other train texts: always fitted on, never scored)."""
    if row["source"] == "joined":
        return -1
    key = row.get("group") or row["id"]
    return int(hashlib.sha256(("ceiling-fold:" + key).encode()).hexdigest(), 16) % folds


def f1(y: np.ndarray, p: np.ndarray) -> float:
    return fl.f1(y.astype(float), p.astype(float))


# ------------------------------------------------------------------ data

def train_rows(args) -> list[dict]:
    """fit_lexicon.main's training rows, built with its own functions and defaults."""
    picked = {r["id"] for r in data.labelled() if r["source"] in data.SHIPPABLE}
    presume = fl.UNLABELLED_EMOTIONS if args.presumed_weight > 0 else []
    rows = (fl.corpus_examples("goemotions", "train", args.corpus_safety, picked, presume) +
            fl.corpus_examples("xed_en", "train", args.corpus_safety, picked, presume) +
            fl.own_examples(data.labelled("train"), "own") + fl.vader_examples("fit"))
    if presume and args.presumed_joined > 0:
        rows += fl.joined_examples([r for r in rows if r["source"] == "goemotions"], args.presumed_joined, presume)
    return rows


def features(setting: dict, fit_texts: list[str]):
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float32)
    word.fit(fit_texts)
    parts = [word]
    if setting["char"]:
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3,
                               max_features=200_000, dtype=np.float32)
        char.fit(fit_texts)
        parts.append(char)
    return lambda texts: sp.hstack([v.transform(texts) for v in parts]).tocsr() if len(parts) > 1 \
        else parts[0].transform(texts).tocsr()


# ------------------------------------------------------------------ fits

def logreg(X, y, w, C: float) -> LogisticRegression:
    pos, neg = w[y == 1].sum(), w[y == 0].sum()
    sw = w * np.where(y == 1, (pos + neg) / (2 * pos), (pos + neg) / (2 * neg))
    # The dual liblinear solver: the same L2 logistic regression, 3x faster on these sparse features.
    return LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=2000).fit(X, y, sample_weight=sw)


def choose_threshold(prob: np.ndarray, y: np.ndarray, src: np.ndarray) -> tuple[float, float]:
    """fit_lexicon.choose_thresholds' rule: the grid point of the best weighted mean F1 over the
    sources with positives; on a tie the higher threshold."""
    best = (-1.0, 0.5)
    sources = [s for s in sorted(set(src)) if y[src == s].sum() > 0]
    for th in GRID:
        per = [f1(y[src == s], prob[src == s] >= th) for s in sources]
        mean = round(float(np.average(per, weights=[fl.DEV_WEIGHT[s] for s in sources])), 9) if per else 0.0
        if mean > best[0] or (best[0] > 0 and mean == best[0]):
            best = (mean, float(th))
    return best[1], best[0]


def fit_tags(X, ds: fl.Dataset, weights: np.ndarray, fold: np.ndarray, grid_c: list[float]) -> tuple[list, dict]:
    """Per emotion: out-of-fold probabilities of every train text labelling it (a model per fold
    fitted on the other folds) for each C; the C and threshold of the best out-of-fold score;
    then the model with that C on all of train."""
    models, chosen = [], {}
    scored_src = np.isin(ds.source, list(fl.DEV_WEIGHT))
    folds = sorted(set(fold[fold >= 0]))
    for e in EMOTIONS:
        t = TAGS.index(e)
        rows = ds.mask[:, t] > 0
        # Rows scored out of fold: those really labelling the emotion (presumed negatives are no evidence).
        ev = np.where(rows & (fold >= 0) & scored_src & (ds.presumed[:, t] == 0))[0]
        w = weights * np.where(ds.presumed[:, t] > 0, fl_presumed_weight, 1.0)
        best = None
        for C in grid_c:
            oof = np.zeros(len(ds))
            for k in folds:
                fit_idx = np.where(rows & (fold != k))[0]
                m = logreg(X[fit_idx], ds.y[fit_idx, t], w[fit_idx], C)
                idx = ev[fold[ev] == k]
                oof[idx] = m.predict_proba(X[idx])[:, 1]
            th, score = choose_threshold(oof[ev], ds.y[ev, t], ds.source[ev])
            if best is None or score > best[0]:
                best = (score, C, th)
        all_idx = np.where(rows)[0]
        models.append(logreg(X[all_idx], ds.y[all_idx, t], w[all_idx], best[1]))
        chosen[e] = {"C": best[1], "threshold": best[2], "oof_weighted_f1": round(best[0], 4),
                     "texts": int(len(all_idx)), "positives": int(ds.y[all_idx, t].sum())}
        log(f"  {e}: C {best[1]:g}, threshold {best[2]:.3f}, out-of-fold weighted F1 {best[0]:.3f}")
    return models, chosen


def fit_valence(X, ds: fl.Dataset, fold: np.ndarray, own_weight: float) -> tuple[dict, float]:
    vw = {"vader": 1.0, "goemotions": 0.5, "own": own_weight / 2, "picks": 1.0, "xed_en": 0.0, "joined": 0.0}
    w = np.array([vw[s] for s in ds.source])
    has = ~np.isnan(ds.valence) & (w > 0)
    ev = np.where(has & (fold >= 0))[0]
    per_alpha = {}
    for a in ALPHAS:
        oof = np.zeros(len(ds))
        for k in sorted(set(fold[fold >= 0])):
            fit_idx = np.where(has & (fold != k))[0]
            m = Ridge(alpha=a, solver="sparse_cg").fit(X[fit_idx], ds.valence[fit_idx], sample_weight=w[fit_idx])
            idx = ev[fold[ev] == k]
            oof[idx] = m.predict(X[idx])
        rs = [fl.pearson(oof[ev][ds.source[ev] == s], ds.valence[ev][ds.source[ev] == s])
              for s in ("vader", "goemotions", "own", "picks") if (ds.source[ev] == s).sum() > 1]
        per_alpha[a] = float(np.mean(rs))
    best = max(per_alpha, key=per_alpha.get)
    log(f"  valence out-of-fold mean r by alpha {({k: round(v, 3) for k, v in per_alpha.items()})}: alpha {best:g}")
    all_idx = np.where(has)[0]
    models = {a: Ridge(alpha=a, solver="sparse_cg").fit(X[all_idx], ds.valence[all_idx], sample_weight=w[all_idx])
              for a in ALPHAS}
    return models, best


# --------------------------------------------------------------- scoring

def gold_sets(name: str, rows: list[dict]) -> list[set] | None:
    if name in bq.CORPUS_NAMES:
        return [set(r["tl_emotions"]) for r in rows]
    if name in ("labelled", "labelled-journal", "labelled-joined", "devset"):
        return [set(r["emotions"]) for r in rows]
    return None


def preds_of(prob: np.ndarray, val: np.ndarray, thr: np.ndarray) -> list[dict]:
    return [{"emotions": {e: round(float(p[j]), 4) for j, e in enumerate(EMOTIONS) if p[j] >= thr[j]},
             "themes": {}, "valence": float(v)} for p, v in zip(prob, val)]


def dev_thresholds(prob: np.ndarray, gold: list[set], fallback: np.ndarray) -> np.ndarray:
    """Per emotion the threshold of the best F1 on this dev set (tie: higher); the train out-of-fold
    one for an emotion the set has no positive of."""
    thr = fallback.copy()
    for j, e in enumerate(EMOTIONS):
        y = np.array([e in g for g in gold])
        if y.sum() == 0:
            continue
        best = (-1.0, fallback[j])
        for th in GRID:
            s = round(f1(y, prob[:, j] >= th), 9)
            if s > best[0] or (best[0] > 0 and s == best[0]):
                best = (s, th)
        thr[j] = best[1]
    return thr


def extras(sets: dict, probs: dict, vals: dict) -> dict:
    """Threshold-free figures: every emotion present with its probability."""
    out = {}
    for name in ("empatheticdialogues", "rwwd"):
        res = bq.score_corpus(name, sets[name], preds_of(probs[name], vals[name], np.zeros(len(EMOTIONS))))
        out[name] = {"top1": res["top1"], "rho": res.get("rho")}
    return out


EXTRA_ROWS = [("EmpatheticDialogues top-1, argmax of probability (no threshold: untagged 0)", "empatheticdialogues.top1"),
              ("RWWD top-1, argmax of probability (no threshold)", "rwwd.top1")] + \
             [(f"RWWD {t} ρ, raw probability (no threshold)", f"rwwd.rho.{t}") for t in ("anger", "anxiety", "sadness", "safety")]


def run_setting(name: str, setting: dict, ds: fl.Dataset, fold: np.ndarray, sets: dict, args) -> dict:
    own_weight = setting.get("own_weight", args.own_weight)
    src_weight = {"goemotions": 1.0, "xed_en": args.xed_weight, "own": own_weight, "picks": own_weight,
                  "vader": 1.0, "joined": 1.0}
    weights = np.array([src_weight[s] for s in ds.source])
    log(f"{name}: features")
    fit_texts = [t for t, s in zip(ds.texts, ds.source) if s != "joined"]
    featurize = features(setting, fit_texts)
    X = featurize(ds.texts)
    log(f"{name}: {X.shape[0]} train texts x {X.shape[1]} features; fitting {len(EMOTIONS)} emotions, C in {setting['C']}")
    models, chosen = fit_tags(X, ds, weights, fold, setting["C"])
    log(f"{name}: valence")
    vmodels, alpha = fit_valence(X, ds, fold, own_weight)
    thr = np.array([chosen[e]["threshold"] for e in EMOTIONS])
    probs, vals_by_alpha = {}, {}
    for set_name, rows in sets.items():
        Xd = featurize([r["text"] for r in rows]) if rows else None
        probs[set_name] = np.column_stack([m.predict_proba(Xd)[:, 1] for m in models]) if rows else np.zeros((0, len(EMOTIONS)))
        vals_by_alpha[set_name] = {a: np.clip(vm.predict(Xd), -1, 1) if rows else np.zeros(0) for a, vm in vmodels.items()}
    vals = {n: v[alpha] for n, v in vals_by_alpha.items()}
    honest = bq.score_all(sets, {n: preds_of(probs[n], vals[n], thr) for n in sets}, None)
    # Optimistic: thresholds per dev set on that set; alpha by RWWD dev valence rho.
    mood_alpha = max(ALPHAS, key=lambda a: bq.score_corpus("rwwd", sets["rwwd"], preds_of(
        probs["rwwd"], vals_by_alpha["rwwd"][a], thr))["valence_rho"])
    opt_vals = {n: v[mood_alpha] for n, v in vals_by_alpha.items()}
    opt_thr = {n: dev_thresholds(probs[n], gold_sets(n, rows), thr) if gold_sets(n, rows) is not None and rows else thr
               for n, rows in sets.items()}
    optimistic = bq.score_all(sets, {n: preds_of(probs[n], opt_vals[n], opt_thr[n]) for n in sets}, None)
    honest["extra"] = extras(sets, probs, vals)
    optimistic["extra"] = extras(sets, probs, opt_vals)
    log(f"{name}: done")
    return {"train out-of-fold thresholds": honest, "dev thresholds (optimistic)": optimistic,
            "chosen": {"emotions": chosen, "valence_alpha": alpha, "optimistic_valence_alpha": mood_alpha,
                       "optimistic_thresholds": {n: dict(zip(EMOTIONS, map(float, t))) for n, t in opt_thr.items()},
                       "features": int(X.shape[1])}}


# ----------------------------------------------------------------- table

def fmt(v) -> str:
    return "—" if v is None else f"{v:.3f}"


def rows_of(res_any: dict) -> list[tuple[str, str, str, str]]:
    rows = [(label, path, target, "bench") for label, _s, path, target in bq.figures(res_any, "dev")]
    rows += [(label, "extra." + path, "", "extra") for label, path in EXTRA_ROWS]
    return rows


def best_of(path: str, columns: dict[str, dict]) -> tuple[float | None, str]:
    vals = [(bq.lookup(r, path), k) for k, r in columns.items() if bq.lookup(r, path) is not None]
    if not vals:
        return None, ""
    low = any(k in path for k in LOWER_IS_BETTER)
    v, k = (min if low else max)(vals, key=lambda x: x[0])
    return v, k


def tables(results: dict, builtin: dict | None) -> tuple[str, str]:
    primary = next(iter(results))
    cols = {f"{s} / {mode}": results[s][mode] for s in results for mode in ("train out-of-fold thresholds",)}
    opt_cols = {f"{s} / {mode}": results[s][mode] for s in results for mode in ("dev thresholds (optimistic)",)}
    head = ["figure", "target", f"dev ceiling, train out-of-fold thresholds ({primary})",
            f"dev ceiling, dev thresholds, optimistic ({primary})",
            "best setting, train out-of-fold thresholds", "best setting, dev thresholds (optimistic)",
            "TrustLens builtin (committed, dev)"]
    lines = ["| " + " | ".join(head) + " |", "| --- | --- | " + " | ".join("---:" for _ in head[2:]) + " |"]
    all_head = ["figure"] + [f"{s} / {m}" for s in results for m in ("train out-of-fold thresholds", "dev thresholds (optimistic)")]
    all_lines = ["| " + " | ".join(all_head) + " |", "| --- | " + " | ".join("---:" for _ in all_head[1:]) + " |"]
    for label, path, target, _kind in rows_of(results[primary]["train out-of-fold thresholds"]):
        if "theme" in path:  # no theme is modelled here: the builtin's themes are hand-written
            continue
        h = bq.lookup(results[primary]["train out-of-fold thresholds"], path)
        o = bq.lookup(results[primary]["dev thresholds (optimistic)"], path)
        bh, kh = best_of(path, cols)
        bo, ko = best_of(path, opt_cols)
        b = bq.lookup(builtin, path) if builtin is not None and not path.startswith("extra.") else None
        if h is None and o is None and b is None:
            continue
        short = lambda k: k.split(" / ")[0]  # noqa: E731
        lines.append(f"| {label} | {target} | {fmt(h)} | {fmt(o)} | {fmt(bh)}" + (f" ({short(kh)})" if len(results) > 1 and bh is not None else "")
                     + f" | {fmt(bo)}" + (f" ({short(ko)})" if len(results) > 1 and bo is not None else "") + f" | {fmt(b)} |")
        all_lines.append(f"| {label} | " + " | ".join(fmt(bq.lookup(results[s][m], path)) for s in results
                                                     for m in ("train out-of-fold thresholds", "dev thresholds (optimistic)")) + " |")
    return "\n".join(lines) + "\n", "\n".join(all_lines) + "\n"


def load_builtin(path: Path, trustlens: str | None) -> dict | None:
    if not path.exists():
        cmd = [sys.executable, str(HERE / "bench_quality.py"), "--split", "dev", "--analyzers", "builtin",
               "--no-score-py", "--json", str(path), "--markdown", str(path.with_suffix(".md"))]
        if trustlens:
            cmd += ["--trustlens", trustlens]
        log(f"no {path}: running {' '.join(cmd)}")
        if subprocess.run(cmd, cwd=data.REPO, stdout=subprocess.DEVNULL).returncode != 0:
            log("bench_quality failed: the builtin column stays empty")
            return None
    return json.loads(path.read_text(encoding="utf-8"))["results"].get("TrustLens builtin")


# ------------------------------------------------------------------ main

fl_presumed_weight = 1.0


def write_tables(out: Path, results: dict, builtin: dict | None, settings: dict, a: dict, seconds: float) -> None:
    """Prints the table and writes ceiling-dev.md and ceiling-all.md, with a note of the settings."""
    md, md_all = tables(results, builtin)
    note = (f"\nDev splits only. Settings: {'; '.join(f'{k}: {v}' for k, v in settings.items())}; corpus safety "
            f"{a['corpus_safety']}, own weight {a['own_weight']}, XED weight {a['xed_weight']}, presumed weight "
            f"{a['presumed_weight']} (joined {a['presumed_joined']}). Run time {seconds:.0f} s.\n")
    print(md + note)
    (out / "ceiling-dev.md").write_text(md + note, encoding="utf-8")
    (out / "ceiling-all.md").write_text(md_all + note, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    global fl_presumed_weight
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--settings", default=",".join(SETTINGS), help=f"comma-separated, of {', '.join(SETTINGS)}")
    ap.add_argument("--out", default="/tmp/ceiling", help="folder of the outputs (default /tmp/ceiling)")
    ap.add_argument("--builtin-json", help="bench_quality --json of the builtin analyzer on dev (default OUT/builtin-dev.json)")
    ap.add_argument("--trustlens", help="binary for bench_quality when the builtin JSON must be made")
    ap.add_argument("--folds", type=int, default=4, help="cross-validation folds of train for C, thresholds, alpha (default 4)")
    ap.add_argument("--own-weight", type=float, default=8.0, help="as fit_lexicon.py")
    ap.add_argument("--xed-weight", type=float, default=0.5, help="as fit_lexicon.py")
    ap.add_argument("--presumed-weight", type=float, default=1.0, help="as fit_lexicon.py --presumed-negative-weight")
    ap.add_argument("--presumed-joined", type=int, default=12000, help="as fit_lexicon.py")
    ap.add_argument("--no-corpus-safety", dest="corpus_safety", action="store_false",
                    help="do not learn safety from GoEmotions relief* / XED trust* (the committed fit's default)")
    ap.add_argument("--from-json", metavar="FILE", help="no fitting: redraw the tables of an earlier run's ceiling-dev.json")
    ap.add_argument("--no-venv", action="store_true")
    args = ap.parse_args(argv)
    if args.from_json:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        old = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        builtin = load_builtin(Path(args.builtin_json) if args.builtin_json else out / "builtin-dev.json", args.trustlens)
        write_tables(out, old["results"], builtin, old["settings"], old["args"], old["seconds"])
        return 0
    fl_presumed_weight = args.presumed_weight
    names = [s for s in args.settings.split(",") if s]
    for s in names:
        if s not in SETTINGS:
            raise SystemExit(f"error: unknown setting {s} (known: {', '.join(SETTINGS)})")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    log("loading train data (fit_lexicon's rows) and dev sets (bench_quality.gather)")
    rows = train_rows(args)
    ds = fl.Dataset(rows)
    fold = np.array([fold_of(r, args.folds) for r in rows])
    sets = bq.gather("dev")
    log(f"train {len(rows)} texts ({args.folds} folds for C, thresholds, alpha); "
        f"dev sets: {', '.join(f'{k} {len(v)}' for k, v in sets.items())}")

    results = {}
    for s in names:
        t = time.time()
        results[s] = run_setting(s, SETTINGS[s], ds, fold, sets, args)
        results[s]["seconds"] = round(time.time() - t, 1)
    builtin = load_builtin(Path(args.builtin_json) if args.builtin_json else out / "builtin-dev.json", args.trustlens)
    write_tables(out, results, builtin, {s: SETTINGS[s] for s in names}, vars(args), time.time() - T0)
    (out / "ceiling-dev.json").write_text(json.dumps({"settings": {s: SETTINGS[s] for s in names},
                                                      "args": vars(args), "results": results,
                                                      "seconds": round(time.time() - T0, 1)},
                                                     indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    log(f"wrote {out}/ceiling-dev.md, ceiling-all.md, ceiling-dev.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
