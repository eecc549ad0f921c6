#!/usr/bin/env python3
"""Refits the analyzer's tag and valence model from labelled data (the refit command).

    python3 scripts/fit_lexicon.py                 # writes Sources/TrustLensAnalysis/Lexicon/model.tsv
    python3 scripts/fit_lexicon.py --out /tmp/model.tsv --report output/fit/report.json

From a fresh clone: it makes `.venv-fit/` (scripts/fit_venv.py, pinned packages from
scripts/fit_requirements.txt), builds nothing itself but needs `trustlens-bench` and
`trustlens` (`swift build --product trustlens-bench --product trustlens`; default the
release build, else the debug one) and ../shared/corpora. Deterministic: the same inputs
give the same file.

What it fits (every decision on dev splits; test splits are never read here):
- Data (scripts/fit_data.py): GoEmotions and XED train splits (the corpora that may ship),
  each labelling only the emotions it maps; the project's labelled texts (data/labelled,
  train split) labelling all 27 tags and valence; VADER's four human-rated sets (their
  `fit` part) and GoEmotions' polarity groups for valence.
- Features: the engine's own (scripts/fit_features.py): each match of a pattern (a word of
  the training texts, or a pattern of the hand-written tags.tsv: phrases, stems) in its rule
  context (other person, resolved, negation, irony, past, question, hedge, softener,
  contrast, intensifier, plain), present or not in a text; and ln(1 + words).
- Tags: per tag a logistic regression, alternating between (a) the pattern weights — a
  plain weight per pattern used in every context times a per-(tag, context) multiplier,
  plus a weight of its own for (pattern, context) pairs seen often enough, an L1 fit
  choosing which weights exist and an L2 refit on them — and (b) the multipliers and the
  negation flips (negated safety words feed insecurity and back). Thresholds: per tag the
  probability that maximises the mean F1 over the dev sets labelling the tag.
- Valence: per valence pattern a score in [-4, 4] (starting from valence.tsv's hand scores,
  pulled towards them by an L2 penalty) and per tag a weight on its probability, fitted by
  least squares through the engine's own rules and S / √(S² + scale); the scale on dev.
- Exactness: after pruning, the texts are dumped again with the kept patterns only and the
  model refitted on exactly those features; then `trustlens analyze` with the written file
  must reproduce the script's own tags and valence on the dev texts (else exit 1).
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fit_venv  # noqa: E402

fit_venv.ensure()

import numpy as np  # noqa: E402
import scipy.optimize as opt  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

import fit_data as data  # noqa: E402
import fit_features as ff  # noqa: E402

REPO = data.REPO
LEXICON = REPO / "Sources" / "TrustLensAnalysis" / "Lexicon"
TAGS = data.TAGS
NT = len(TAGS)
CONTEXTS = ff.CONTEXTS
PLAIN = ff.PLAIN
FLIPS = [("negation", "safety", "insecurity"), ("negation", "insecurity", "safety")]

# Which emotions each shippable corpus labels (its mapping; * approximate, see SOURCE.md).
LABELS_OF = {
    "goemotions": ["anger", "anxiety", "sadness", "hope", "gratitude", "guilt", "connection", "safety"],
    "xed_en": ["anger", "anxiety", "sadness", "safety"],
}
# The emotions no shippable corpus labels. A corpus text is presumed not to show them (see
# --presumed-negative-weight): left out, the model learns them from the project's own trust-repair
# texts alone, where every topic word of trust repair ("card", "house", "means") goes with them, and
# it found betrayal in 29% of RWWD's dev texts, people writing about their worries.
UNLABELLED_EMOTIONS = [t for t in data.EMOTIONS if not any(t in labels for labels in LABELS_OF.values())]
# The trigger weights tried for them (0: none; see TagModel.trigger).
TRIGGER_GRID = [0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
# Lexicon.negativeOnlyEmotions (Sources/TrustLensAnalysis/Lexicon.swift; check_engine_sets stops a fit when they differ): the
# engine caps the valence of a sentence holding one at 0.
NEGATIVE_ONLY = {"betrayal"}
GE_POSITIVE = set("amusement excitement joy love desire optimism caring pride admiration gratitude relief approval".split())
GE_NEGATIVE = set("fear nervousness remorse embarrassment disappointment sadness grief disgust anger annoyance disapproval".split())
VALENCE_OF_LABEL = {"positive": 0.6, "negative": -0.6, "neutral": 0.0, "mixed": 0.0}
# How much each dev source counts when a threshold is chosen: the journal entries most (the
# analyzer's own domain), the subtitles least (short, noisy, approximate mapping).
DEV_WEIGHT = {"own": 2.0, "picks": 1.0, "devset": 1.0, "goemotions": 1.0, "xed_en": 0.5}
# Starting multipliers of a pattern's plain weight in each context (the hand rules' spirit).
PRIOR_MULTIPLIER = {"other": 0.3, "resolved": 0.0, "negation": 0.0, "irony": 0.0, "past": 0.4, "question": 0.5,
                    "hedge": 0.7, "softener": 0.6, "contrast": 0.7, "intensifier": 1.2, "plain": 1.0}
# Contexts in which scripts/QUALITY.md says an emotion word is not the writer's emotion:
# someone else's feeling ("she was so angry"), a negated one ("I'm not angry"), irony ("sure, I
# totally trust him") and a resolved one ("I'm not angry anymore"). The corpora label the
# emotion a text shows, the writer's or not, so a free fit learns these contexts back; with
# --guideline-contexts (the default) an emotion's multiplier in them is held at 0 and it gets
# no weights of its own there. The negation flips (negated safety → insecurity) still apply.
GUIDELINE_CONTEXTS = ["other", "negation", "irony", "resolved"]


def check_engine_sets() -> None:
    """Stops when NEGATIVE_ONLY or UNLABELLED_EMOTIONS no longer equal the engine's sets they
    stand for (Lexicon.negativeOnlyEmotions, Lexicon.handWrittenEmotions in Lexicon.swift)."""
    source = (REPO / "Sources" / "TrustLensAnalysis" / "Lexicon.swift").read_text(encoding="utf-8")
    for name, ours in (("negativeOnlyEmotions", set(NEGATIVE_ONLY)), ("handWrittenEmotions", set(UNLABELLED_EMOTIONS))):
        found = re.search(rf"static let {name}: Set<String> = \[([^\]]*)\]", source)
        theirs = set(re.findall(r'"([^"]+)"', found.group(1))) if found else None
        if theirs != ours:
            sys.exit(f"error: Lexicon.{name} in Lexicon.swift is {sorted(theirs) if theirs else 'not found'}, "
                     f"fit_lexicon.py has {sorted(ours)}: make the two equal")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ data

class Dataset:
    """Texts with tag labels (1/0, mask 0 where the source does not label the tag; `presumed`
    1 where a 0 is presumed, not labelled), valence targets (NaN where none)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.texts = [r["text"] for r in rows]
        n = len(rows)
        self.y = np.zeros((n, NT))
        self.mask = np.zeros((n, NT))
        self.presumed = np.zeros((n, NT))
        self.source = np.array([r["source"] for r in rows])
        self.valence = np.full(n, np.nan)
        for i, r in enumerate(rows):
            labelled = r.get("labelled_tags", TAGS)
            for t in labelled:
                self.mask[i, TAGS.index(t)] = 1
            for t in r.get("tags", []):
                self.y[i, TAGS.index(t)] = 1
            for t in r.get("presumed_absent", []):
                self.presumed[i, TAGS.index(t)] = 1
            if r.get("valence_target") is not None:
                self.valence[i] = r["valence_target"]

    def __len__(self) -> int:
        return len(self.rows)


def corpus_examples(corpus: str, split: str, safety: bool, skip: set[str] = frozenset(),
                    presume: list[str] = ()) -> list[dict]:
    """A corpus split as examples; `skip` holds ids relabelled as picks (they count once,
    with the project's labels and in the pick's split, so a test pick is never fitted on).
    `presume` names tags the corpus does not label that each text is presumed not to show."""
    labels = [t for t in LABELS_OF[corpus] if safety or t != "safety"]
    presume = [t for t in presume if t not in labels]
    out = []
    for r in data.corpus_rows(corpus, split):
        if f"{corpus}:{r['id']}" in skip:
            continue
        v = None
        if corpus == "goemotions":
            ls = set(r["labels"])
            if ls == {"neutral"}:
                v = 0.0
            elif ls <= GE_POSITIVE:
                v = 0.5
            elif ls <= GE_NEGATIVE:
                v = -0.5
        out.append({"id": f"{corpus}:{r['id']}", "text": r["text"], "source": corpus, "labelled_tags": labels + presume,
                    "presumed_absent": presume, "tags": [t for t in r["tl_emotions"] if t in labels], "valence_target": v})
    return out


def joined_examples(rows: list[dict], count: int, presume: list[str]) -> list[dict]:
    """`count` long texts, each 3–12 corpus texts joined as one (seeded), presumed not to show
    `presume` and labelled for nothing else. A corpus text is short (13 words on average in
    GoEmotions) and the project's entries long, so without them a model of the tags only the
    project's texts label learns that length itself, and the sum of many small weights in a long
    text, mean the tag."""
    rng = np.random.default_rng(0)
    out = []
    for n in range(count):
        parts = rng.choice(len(rows), size=int(rng.integers(3, 13)), replace=False)
        text = " ".join(rows[int(i)]["text"].strip() for i in parts)
        out.append({"id": f"joined:{n}", "text": text, "source": "joined", "labelled_tags": list(presume),
                    "presumed_absent": list(presume), "tags": [], "valence_target": None})
    return out


def own_examples(rows: list[dict], source: str) -> list[dict]:
    """The project's labelled texts; corpus picks get the source `picks`."""
    return [{"id": r["id"], "text": r["text"], "source": "picks" if r.get("source") in data.SHIPPABLE else source, "tags": r["emotions"] + r["themes"],
             "valence_target": VALENCE_OF_LABEL[r["valence"]], "group": r.get("group")} for r in rows]


def vader_examples(split: str) -> list[dict]:
    return [{"id": r["id"], "text": r["text"], "source": "vader", "labelled_tags": [],
             "valence_target": r["rating"] / 4} for name in data.VADER_SETS for r in data.vader_rows(name, split)]


# ------------------------------------------------------------------ tags

class TagModel:
    """bias, length weight, plain weights (patterns), own weights per context, multipliers,
    flips and thresholds, per tag index."""

    def __init__(self, patterns: int):
        self.patterns = patterns
        self.bias = np.zeros(NT)
        self.length = np.zeros(NT)
        self.plain = [sp.csr_matrix((1, patterns)) for _ in range(NT)]
        self.own = [[None] * len(CONTEXTS) for _ in range(NT)]  # sparse rows or None
        self.mult = np.array([[PRIOR_MULTIPLIER[c] for c in CONTEXTS] for _ in range(NT)])
        self.flip = {}  # (context index, from, to) -> value
        self.threshold = np.full(NT, 0.5)
        # The weight one of a tag's features must add for the tag to be present (0: none): set
        # on dev for the emotions no corpus labels, whose topic words otherwise sum to the tag.
        self.trigger = np.zeros(NT)
        self.fitted = np.zeros(NT, dtype=bool)
        # Hand-written weights (patterns × tags), their fitted scale per tag, and the fitted
        # corrections; plain = prior_weight · prior + delta.
        self.prior: np.ndarray | None = None
        self.prior_weight = np.zeros(NT)
        self.delta = [sp.csr_matrix((1, patterns)) for _ in range(NT)]

    def folded(self, t: int, c: int) -> np.ndarray:
        """The weights a (pattern, context c) adds to tag t, per pattern (what the engine folds)."""
        w = self.plain[t].toarray().ravel()
        if c == PLAIN:
            return w
        out = self.mult[t, c] * w
        if self.own[t][c] is not None:
            out = out + self.own[t][c].toarray().ravel()
        for (fc, s, to), value in self.flip.items():
            if fc == c and to == t:
                out = out + value * self.plain[s].toarray().ravel()
        return out

    def scores(self, feats: ff.Features) -> tuple[np.ndarray, np.ndarray]:
        """Scores (texts × tags) and whether some present feature adds to each tag, at least
        its trigger weight where it has one (the engine's condition beside the threshold)."""
        s, strongest = self.scores_and_strongest(feats)
        return s, (strongest > 0) & (strongest >= self.trigger[None, :])

    def scores_and_strongest(self, feats: ff.Features) -> tuple[np.ndarray, np.ndarray]:
        """Scores (texts × tags) and the largest weight a present feature adds to each tag."""
        n = feats.words.shape[0]
        s = np.zeros((n, NT))
        strongest = np.zeros((n, NT))
        length = np.log1p(feats.words)
        for t in range(NT):
            if not self.fitted[t]:
                s[:, t] = -np.inf
                continue
            s[:, t] = self.bias[t] + self.length[t] * length
            for c in range(len(CONTEXTS)):
                f = self.folded(t, c)
                if not f.any():
                    continue
                s[:, t] += feats.presence[c] @ f
                if (f > 0).any():
                    added = feats.presence[c].multiply(sp.csr_matrix(np.maximum(f, 0)[None, :])).max(axis=1)
                    strongest[:, t] = np.maximum(strongest[:, t], added.toarray().ravel())
        return s, strongest

    def round(self, digits: int = 4) -> None:
        self.bias = np.round(self.bias, digits)
        self.length = np.round(self.length, digits)
        self.mult = np.round(self.mult, digits)
        self.plain = [sp.csr_matrix(np.round(m.toarray(), digits)) for m in self.plain]
        self.own = [[None if m is None else sp.csr_matrix(np.round(m.toarray(), digits)) for m in row] for row in self.own]
        self.flip = {k: round(v, digits) for k, v in self.flip.items()}


def backoff_matrix(feats: ff.Features, mult: np.ndarray) -> sp.csr_matrix:
    """Σ_c m(c) · presence_c: the design of the plain weights under the multipliers."""
    m = feats.presence[PLAIN].astype(float)
    for c in range(len(CONTEXTS)):
        if c != PLAIN and mult[c] != 0:
            m = m + mult[c] * feats.presence[c]
    return m.tocsr()


def fit_tag(t: int, model: TagModel, feats: ff.Features, ds: Dataset, weights: np.ndarray, params: dict,
            support: dict | None) -> None:
    """One round of tag t: pattern weights given the multipliers, then the multipliers."""
    rows = np.where(ds.mask[:, t] > 0)[0]
    y = ds.y[rows, t]
    sw = weights[rows] * np.where(ds.presumed[rows, t] > 0, params["presumed_weight"], 1.0)
    if y.sum() < 3:
        return
    sub = feats.rows(rows)
    length = np.log1p(sub.words)[:, None]
    backoff = backoff_matrix(sub, model.mult[t])
    prior = model.prior[:, t] if model.prior is not None else np.zeros(model.patterns)
    # The hand-written weights of tags.tsv as one feature: their sum over the text's patterns.
    # A pattern in fewer than min-texts training texts gets no weight of its own (a hand-written
    # phrase seen once would otherwise carry that one text's tags); it still counts through the
    # hand-written weights.
    allowed = np.ones(model.patterns) if params.get("common") is None else params["common"].copy()
    if params.get("min_positive", 0) > 1:
        # Nor does a pattern in fewer than min-positive of the tag's own positive texts: one text's
        # words are not evidence of a tag (a word in one betrayal entry took betrayal +4.6).
        seen = sum(m for m in sub.presence)[np.where(y > 0)[0]] > 0
        allowed *= np.asarray(seen.sum(axis=0)).ravel() >= params["min_positive"]
    own_weight = backoff @ sp.diags(allowed)
    blocks = [own_weight, sp.csr_matrix((backoff @ prior)[:, None])]
    own_cols = []
    held = held_contexts(t, params)
    for c in range(len(CONTEXTS)):
        if c == PLAIN or c in held:
            continue
        counts = np.asarray(sub.presence[c].sum(axis=0)).ravel()
        cols = np.where(counts >= params["min_context"])[0]
        if support is not None:
            cols = np.array([p for p in cols if (c, p) in support["own"]], dtype=int)
        if len(cols):
            own_cols.append((c, cols))
            blocks.append(sub.presence[c][:, cols])
    flips = [(CONTEXTS.index(fc), TAGS.index(s), TAGS.index(to)) for fc, s, to in FLIPS if TAGS.index(to) == t]
    flip_cols = []
    for fc, s, to in flips:
        if model.fitted[s]:
            flip_cols.append((fc, s))
            blocks.append(sp.csr_matrix((sub.presence[fc] @ model.plain[s].toarray().ravel())[:, None]))
    blocks.append(sp.csr_matrix(length))
    x = sp.hstack(blocks).tocsr()
    n_plain = model.patterns
    if support is not None:  # keep the plain columns of the support only
        keep = np.zeros(x.shape[1], dtype=bool)
        keep[np.array(sorted(support["plain"]), dtype=int)] = True
        keep[n_plain:] = True
        x = x[:, np.where(keep)[0]]
        index = np.where(keep)[0]
    else:
        index = np.arange(x.shape[1])
    if support is None:  # L1: which weights exist
        lr = LogisticRegression(l1_ratio=1.0, C=params["c_l1"], solver="liblinear", max_iter=2000, tol=1e-5,
                                random_state=params["seed"])  # liblinear shuffles: seeded, so a refit is reproducible
    else:  # L2 on those
        lr = LogisticRegression(l1_ratio=0.0, C=params["c_l2"], solver="lbfgs", max_iter=2000, tol=1e-5)
    lr.fit(x, y, sample_weight=sw)
    coef = np.zeros(n_plain + 1 + sum(len(cs) for _, cs in own_cols) + len(flip_cols) + 1)
    coef[index] = lr.coef_.ravel()
    model.bias[t] = lr.intercept_[0]
    model.delta[t] = sp.csr_matrix(coef[:n_plain])
    model.prior_weight[t] = coef[n_plain]
    plain = coef[:n_plain] + coef[n_plain] * prior
    model.plain[t] = sp.csr_matrix(plain)
    at = n_plain + 1
    model.own[t] = [None] * len(CONTEXTS)
    for c, cols in own_cols:
        row = np.zeros(n_plain)
        row[cols] = coef[at:at + len(cols)]
        at += len(cols)
        model.own[t][c] = sp.csr_matrix(row)
    for fc, s in flip_cols:
        model.flip[(fc, s, t)] = float(coef[at])
        at += 1
    model.length[t] = coef[at]
    model.fitted[t] = True
    if params["fit_multipliers"]:
        fit_multipliers(t, model, sub, y, sw, params)


def held_contexts(t: int, params: dict) -> set[int]:
    """The context indices whose multiplier tag t holds at 0 (see GUIDELINE_CONTEXTS)."""
    if not params["guideline_contexts"] or TAGS[t] not in data.EMOTIONS:
        return set()
    return {CONTEXTS.index(c) for c in GUIDELINE_CONTEXTS}


def fit_multipliers(t: int, model: TagModel, sub: ff.Features, y: np.ndarray, sw: np.ndarray, params: dict) -> None:
    """The (tag, context) multipliers given the pattern weights: a small logistic fit with the
    rest of the score as offset, pulled towards the starting multipliers."""
    plain = model.plain[t].toarray().ravel()
    offset = model.bias[t] + model.length[t] * np.log1p(sub.words) + sub.presence[PLAIN] @ plain
    z = []
    cs = [c for c in range(len(CONTEXTS)) if c != PLAIN]
    for c in cs:
        if model.own[t][c] is not None:
            offset = offset + sub.presence[c] @ model.own[t][c].toarray().ravel()
        for (fc, s, to), value in model.flip.items():
            if fc == c and to == t:
                offset = offset + value * (sub.presence[c] @ model.plain[s].toarray().ravel())
        z.append(sub.presence[c] @ plain)
    z = np.array(z).T
    active = np.abs(z).sum(axis=0) > 0
    prior = np.array([PRIOR_MULTIPLIER[CONTEXTS[c]] for c in cs])
    lam = params["multiplier_l2"]

    def loss(m):
        s = offset + z @ m
        p = 1 / (1 + np.exp(-s))
        eps = 1e-9
        ll = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum()
        g = z.T @ (sw * (p - y))
        return ll + lam * ((m - prior) ** 2).sum(), g + 2 * lam * (m - prior)

    held = held_contexts(t, params)
    start = np.array([0.0 if c in held else model.mult[t, c] for c in cs])
    bounds = [(0.0, 0.0) if c in held else (-2, 3) for c in cs]
    res = opt.minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    m = np.where(active, res.x, prior)
    model.mult[t, cs] = m


def support_of(model: TagModel, t: int, eps: float) -> dict:
    plain = model.delta[t].toarray().ravel()
    own = set()
    for c in range(len(CONTEXTS)):
        if model.own[t][c] is not None:
            row = model.own[t][c].toarray().ravel()
            own |= {(c, int(p)) for p in np.where(np.abs(row) > eps)[0]}
    return {"plain": set(int(p) for p in np.where(np.abs(plain) > eps)[0]), "own": own}


def f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float((y * p).sum())
    fp = float(((1 - y) * p).sum())
    fn = float((y * (1 - p)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(model: TagModel, feats: ff.Features, ds: Dataset, hand: np.ndarray) -> dict:
    """Per tag the probability in a grid that maximises the mean F1 over the dev sources
    labelling it — for the emotions no corpus labels together with a trigger weight (see
    TagModel.trigger) in a grid, and counting a text as tagged when the model or the
    hand-written patterns give it (`hand`, texts × tags: the default lexicon keeps those
    emotions' hand-written patterns beside the model's); returns the dev F1s."""
    s, strongest = model.scores_and_strongest(feats)
    prob = 1 / (1 + np.exp(-s))
    grid = np.round(np.arange(0.05, 0.951, 0.025), 3)
    out = {}
    for t in range(NT):
        if not model.fitted[t]:
            continue
        sources = sorted({src for i, src in enumerate(ds.source) if ds.mask[i, t] > 0})
        best = (-1.0, 0.5, 0.0, {})
        blend = TAGS[t] in UNLABELLED_EMOTIONS
        for trigger in TRIGGER_GRID if blend else [0.0]:
            pos = (strongest[:, t] > 0) & (strongest[:, t] >= trigger)
            for th in grid:
                per = {}
                for src in sources:
                    idx = np.where((ds.source == src) & (ds.mask[:, t] > 0))[0]
                    if ds.y[idx, t].sum() == 0:
                        continue
                    tagged = (prob[idx, t] >= th) & pos[idx]
                    per[src] = f1(ds.y[idx, t], (tagged | (hand[idx, t] if blend else False)).astype(float))
                weights = [DEV_WEIGHT[k] for k in per]
                # Rounded, so equal F1s compare equal and a tie never drifts down the grid.
                mean = round(float(np.average(list(per.values()), weights=weights)), 9) if per else 0.0
                # On a tie the later candidate wins — the higher trigger, and within one trigger
                # the higher threshold: the same dev F1 with fewer tags on other text (betrayal's
                # dev F1 was flat from 0.05 to 0.15 while its RWWD fires halved); a tag with no dev
                # F1 above 0 keeps the lowest.
                if mean > best[0] or (best[0] > 0 and mean == best[0]):
                    best = (mean, float(th), float(trigger), per)
        model.threshold[t], model.trigger[t] = best[1], best[2]
        out[TAGS[t]] = {"threshold": best[1], "trigger": best[2], "mean_f1": round(best[0], 4),
                        "by_source": {k: round(v, 4) for k, v in best[3].items()}}
    return out


# --------------------------------------------------------------- valence

class ValenceModel:
    def __init__(self, scores: np.ndarray, tags: np.ndarray, scale: float):
        self.scores = scores
        self.tags = tags
        self.scale = scale

    def predict(self, feats: ff.Features, prob: np.ndarray) -> np.ndarray:
        a = feats.sentence_matrix @ self.scores
        sent = feats.question * a + np.sign(a) * 0.292 * feats.exclamations
        s = feats.sentence_text @ sent + prob @ self.tags
        return s / np.sqrt(s * s + self.scale)


def fit_valence(feats: ff.Features, prob: np.ndarray, target: np.ndarray, weight: np.ndarray, prior: np.ndarray,
                scale: float, lam: float, tag_lam: float) -> ValenceModel:
    """Least squares through the engine's valence rules: per pattern a score in [-4, 4] near
    its prior, per tag a weight on its probability."""
    rows = np.where(~np.isnan(target))[0]
    st = feats.sentence_text[rows]
    used_sentences = np.unique(st.indices)
    st = st[:, used_sentences]
    sm = feats.sentence_matrix[used_sentences]
    exc = feats.exclamations[used_sentences]
    q = feats.question[used_sentences]
    y, w, pr = target[rows], weight[rows], prob[rows]
    nv = sm.shape[1]

    def loss(theta):
        v, g_t = theta[:nv], theta[nv:]
        a = sm @ v
        sent = q * a + np.sign(a) * 0.292 * exc
        s = st @ sent + pr @ g_t
        d = np.sqrt(s * s + scale)
        pred = s / d
        r = pred - y
        dl_ds = 2 * w * r * scale / d ** 3
        grad_sent = q * (st.T @ dl_ds)
        gv = sm.T @ grad_sent + 2 * lam * (v - prior)
        gt = pr.T @ dl_ds + 2 * tag_lam * g_t
        return (w * r * r).sum() + lam * ((v - prior) ** 2).sum() + tag_lam * (g_t ** 2).sum(), np.concatenate([gv, gt])

    theta0 = np.concatenate([prior, np.zeros(NT)])
    bounds = [(-4, 4)] * nv + [(-6, 6)] * NT
    res = opt.minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 3000})
    return ValenceModel(res.x[:nv], res.x[nv:], scale)


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 1 else 0.0


# ------------------------------------------------------------------ output

def write_model(path: Path, model: TagModel, patterns: list[str], vmodel: ValenceModel, vpatterns: list[str],
                header: list[str]) -> None:
    lines = ["# TrustLens fitted tag and valence model (model.tsv). Written by scripts/fit_lexicon.py;",
             "# do not edit by hand: refit instead. Format: Sources/TrustLensAnalysis/FittedModel.swift.",
             "#"] + [f"# {h}" for h in header] + ["", "features\tpresence", ""]
    for t in range(NT):
        if model.fitted[t]:
            lines += [f"bias\t{TAGS[t]}\t{model.bias[t]:.4f}", f"length\t{TAGS[t]}\t{model.length[t]:.4f}",
                      f"threshold\t{TAGS[t]}\t{model.threshold[t]:.3f}"]
            if model.trigger[t] > 0:
                lines.append(f"trigger\t{TAGS[t]}\t{model.trigger[t]:.2f}")
    lines.append("")
    for t in range(NT):
        if model.fitted[t]:
            for c, name in enumerate(CONTEXTS):
                if c != PLAIN:
                    lines.append(f"context\t{name}\t{TAGS[t]}\t{model.mult[t, c]:.4f}")
    for (c, s, to), value in sorted(model.flip.items()):
        lines.append(f"flip\t{CONTEXTS[c]}\t{TAGS[s]}\t{TAGS[to]}\t{value:.4f}")
    lines.append("")
    used = set()
    weight_lines = []
    for p, pattern in enumerate(patterns):
        for t in range(NT):
            if not model.fitted[t]:
                continue
            w = model.plain[t][0, p]
            if w != 0:
                weight_lines.append(f"weight\t{pattern}\tplain\t{TAGS[t]}\t{w:.4f}")
                used.add(p)
            for c in range(len(CONTEXTS)):
                if model.own[t][c] is not None and model.own[t][c][0, p] != 0:
                    weight_lines.append(f"weight\t{pattern}\t{CONTEXTS[c]}\t{TAGS[t]}\t{model.own[t][c][0, p]:.4f}")
                    used.add(p)
    # Patterns without weights of their own still shape matching (a phrase covers its words).
    lines += [f"pattern\t{patterns[p]}" for p in range(len(patterns)) if p not in used]
    lines += weight_lines
    lines.append("")
    lines += [f"valence-tag\t{TAGS[t]}\t{vmodel.tags[t]:.4f}" for t in range(NT) if model.fitted[t] and vmodel.tags[t] != 0]
    lines.append(f"valence-scale\t{vmodel.scale:g}")
    lines += [f"valence\t{p}\t{s:.3f}" for p, s in zip(vpatterns, vmodel.scores)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def hand_prior(patterns: list[str]) -> np.ndarray:
    """The hand-written tags.tsv weights as a patterns × tags matrix (0 where none)."""
    index = {p: i for i, p in enumerate(patterns)}
    prior = np.zeros((len(patterns), NT))
    for line in (LEXICON / "tags.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, tag, weight = line.split("\t")
        pattern = pattern.strip().lower()
        if pattern in index and tag.strip() in TAGS:
            prior[index[pattern], TAGS.index(tag.strip())] = max(prior[index[pattern], TAGS.index(tag.strip())], float(weight))
    return prior


def find_binary(name: str, given: str | None) -> Path:
    if given:
        return Path(given)
    for build in ("release", "debug"):
        p = REPO / ".build" / build / name
        if p.exists():
            return p
    sys.exit(f"error: no {name} binary: swift build --product {name}")


def analyze_with_lexicon(trustlens: Path, texts: list[str], model_path: Path | None, *extra: str,
                         keep_tag=lambda tag: True) -> subprocess.CompletedProcess:
    """`trustlens analyze --format jsonl` of `texts` (ids t0, t1, …) with this checkout's
    rules.tsv, tags.tsv (its lines whose tag `keep_tag` keeps) and valence.tsv as the lexicon
    folder, and `model_path` as its model (none: the hand-written lexicon alone)."""
    with tempfile.TemporaryDirectory(prefix="trustlens-fit-run-") as tmp:
        folder = Path(tmp) / "lexicon"
        folder.mkdir()
        for f in ("rules.tsv", "valence.tsv"):
            (folder / f).write_bytes((LEXICON / f).read_bytes())
        tag_lines = (LEXICON / "tags.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "tags.tsv").write_text("".join(
            line for line in tag_lines
            if not line.strip() or line.startswith("#") or keep_tag(line.rstrip("\r\n").split("\t")[1].strip())),
            encoding="utf-8")
        if model_path is not None:
            (folder / "model.tsv").write_bytes(model_path.read_bytes())
        path = Path(tmp) / "texts.jsonl"
        start = datetime.date(1900, 1, 1)
        with path.open("w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"t{i}", "date": (start + datetime.timedelta(days=i)).isoformat(), "text": t},
                                   ensure_ascii=False) + "\n")
        run = subprocess.run([str(trustlens), "analyze", str(path), "--format", "jsonl", *extra], capture_output=True,
                             text=True, env={**os.environ, "TRUSTLENS_LEXICON_DIR": str(folder)})
    if run.returncode not in (0, 3):
        sys.exit(f"error: trustlens analyze failed: {run.stderr[-400:]}")
    return run


def hand_presence(trustlens: Path, texts: list[str]) -> np.ndarray:
    """Texts × tags: 1 where the hand-written patterns the default lexicon keeps give the tag —
    the themes' and those of the emotions no corpus labels (Lexicon.addBuiltin, which keeps
    `Lexicon.handWrittenEmotions`, equal to UNLABELLED_EMOTIONS): without the other emotions'
    patterns, a negated safety pattern flips to no insecurity, as in the default."""
    out = np.zeros((len(texts), NT), dtype=bool)
    keep = lambda tag: tag not in data.EMOTIONS or tag in UNLABELLED_EMOTIONS
    for line in analyze_with_lexicon(trustlens, texts, None, keep_tag=keep).stdout.splitlines():
        o = json.loads(line)
        for tag in list(o["emotions"]) + list(o["themes"]):
            if tag in TAGS:
                out[int(o["id"][1:]), TAGS.index(tag)] = True
    return out


def verify(trustlens: Path, model_path: Path, texts: list[str], tags_expected: np.ndarray, valence_expected: np.ndarray) -> dict:
    """Runs `trustlens analyze` with the written model; the engine must agree with the fit."""
    # `--lexicon fitted`: the whole model (the default lexicon takes its themes from tags.tsv).
    run = analyze_with_lexicon(trustlens, texts, model_path, "--lexicon", "fitted")
    got = {}
    for line in run.stdout.splitlines():
        o = json.loads(line)
        got[int(o["id"][1:])] = o
    tag_diff = val_diff = not_compared = 0
    for i in range(len(texts)):
        o = got.get(i, {"emotions": {}, "themes": {}, "valence": 0.0})
        present = set(o["emotions"]) | set(o["themes"])
        expected = {TAGS[t] for t in range(NT) if tags_expected[i, t]}
        tag_diff += present != expected
        # The engine's one valence rule outside the fit: a sentence holding the writer's betrayal
        # (Lexicon.negativeOnlyEmotions) counts at most 0.
        if present & NEGATIVE_ONLY:
            not_compared += 1
            continue
        val_diff += abs(o["valence"] - valence_expected[i]) > 0.0015
    return {"texts": len(texts), "tag_sets_differing": int(tag_diff), "valences_differing": int(val_diff),
            "valences_not_compared": int(not_compared)}


# ------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(LEXICON / "model.tsv"))
    ap.add_argument("--bench", help="trustlens-bench binary (default .build/release, else .build/debug)")
    ap.add_argument("--trustlens", help="trustlens binary for the check (default .build/release, else .build/debug)")
    ap.add_argument("--report", help="also write the fit's dev figures as JSON")
    ap.add_argument("--own-weight", type=float, default=8.0, help="sample weight of the project's labelled texts")
    ap.add_argument("--xed-weight", type=float, default=0.5)
    ap.add_argument("--corpus-safety", action="store_true",
                    help="also fit safety on GoEmotions relief* and XED trust* (approximate mappings)")
    ap.add_argument("--min-texts", type=int, default=3, help="a word is a candidate when this many training texts have it")
    ap.add_argument("--pairs", type=int, default=0,
                    help="also two-word phrases in at least this many training texts as candidates (0: none)")
    ap.add_argument("--min-context", type=int, default=4, help="occurrences a (pattern, context) needs for a weight of its own")
    ap.add_argument("--c-l1", type=float, default=0.5)
    ap.add_argument("--c-l2", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--valence-scale", default="10,15,25,40", help="scales S / √(S² + scale) tried on dev")
    ap.add_argument("--valence-l2", type=float, default=0.3)
    ap.add_argument("--no-hand-prior", dest="hand_prior", action="store_false",
                    help="fit without the hand-written weights of tags.tsv as a feature")
    ap.add_argument("--no-guideline-contexts", dest="guideline_contexts", action="store_false",
                    help="let the data set emotions' weights in someone else's, negated, ironic and resolved contexts")
    ap.add_argument("--min-positive", type=int, default=1,
                    help="texts of a tag's positives a pattern must occur in for a weight of its own for that tag")
    ap.add_argument("--rare-patterns-own-weight", action="store_true",
                    help="let a pattern in fewer than --min-texts training texts have weights of its own "
                         "(by default only its hand-written weights count)")
    ap.add_argument("--presumed-negative-weight", type=float, default=1.0,
                    help="sample weight (times the corpus's) of the shippable corpora's train texts as negatives of "
                         "the emotions no corpus labels (betrayal, resentment, insecurity); 0: not used")
    ap.add_argument("--presumed-joined", type=int, default=12000,
                    help="with --presumed-negative-weight: also this many long texts of 3-12 GoEmotions train texts "
                         "joined, presumed negatives of the same emotions")
    ap.add_argument("--seed", type=int, default=0,
                    help="seed of the L1 step's shuffling (default 0, the committed model's); other seeds "
                         "measure how much a figure moves from the fit alone")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--no-venv", action="store_true")
    args = ap.parse_args()
    bench = find_binary("trustlens-bench", args.bench)
    params = {"min_context": args.min_context, "c_l1": args.c_l1, "c_l2": args.c_l2, "multiplier_l2": 2.0,
              "fit_multipliers": True, "guideline_contexts": args.guideline_contexts, "min_positive": args.min_positive,
              "presumed_weight": args.presumed_negative_weight, "seed": args.seed}

    check_engine_sets()
    log("loading data")
    picked = {r["id"] for r in data.labelled() if r["source"] in data.SHIPPABLE}
    presume = UNLABELLED_EMOTIONS if args.presumed_negative_weight > 0 else []
    train_rows = (corpus_examples("goemotions", "train", args.corpus_safety, picked, presume) +
                  corpus_examples("xed_en", "train", args.corpus_safety, picked, presume) +
                  own_examples(data.labelled("train"), "own") + vader_examples("fit"))
    if presume and args.presumed_joined > 0:
        train_rows += joined_examples([r for r in train_rows if r["source"] == "goemotions"], args.presumed_joined, presume)
    dev_rows = (corpus_examples("goemotions", "dev", args.corpus_safety) +
                corpus_examples("xed_en", "dev", args.corpus_safety) +
                own_examples(data.labelled("dev"), "own") + own_examples(data.devset(), "devset") + vader_examples("dev"))
    train, dev = Dataset(train_rows), Dataset(dev_rows)
    src_weight = {"goemotions": 1.0, "xed_en": args.xed_weight, "own": args.own_weight, "picks": args.own_weight,
                  "vader": 1.0, "joined": 1.0}
    weights = np.array([src_weight[s] for s in train.source])
    log(f"train {len(train)} texts, dev {len(dev)} texts")

    # The joined texts repeat corpus texts: they count in no candidate's number of texts.
    tag_texts = [r["text"] for r in train_rows if r["source"] not in ("vader", "joined")]
    hand = ff.hand_tag_patterns()
    words = ff.candidate_words(tag_texts, args.min_texts)
    if args.pairs > 0:
        words += ff.candidate_pairs(tag_texts, args.pairs)
    hand_set = set(hand)
    patterns = hand + [w for w in words if w not in hand_set]
    hand_valence = ff.hand_valence()
    vwords = ff.candidate_words([r["text"] for r in train_rows if r.get("valence_target") is not None], 5)
    vpatterns = list(hand_valence) + [w for w in vwords if w not in hand_valence]
    log(f"{len(patterns)} candidate tag patterns ({len(hand)} hand-written), {len(vpatterns)} valence patterns")

    with tempfile.TemporaryDirectory(prefix="trustlens-fit-") as tmp:
        cand = Path(tmp) / "candidates.tsv"
        final_patterns = patterns
        model = None
        for stage in ("select", "final"):
            ff.write_candidates(cand, final_patterns, vpatterns)
            log(f"{stage}: dumping features of {len(train) + len(dev)} texts")
            dumps = ff.dump(bench, cand, train.texts + dev.texts)
            ftrain = ff.Features(dumps[:len(train)], len(final_patterns), len(vpatterns))
            fdev = ff.Features(dumps[len(train):], len(final_patterns), len(vpatterns))
            if args.rare_patterns_own_weight:
                params["common"] = None
            else:
                tagged = np.where(~np.isin(train.source, ["vader", "joined"]))[0]  # the texts candidate words are counted in
                seen = sum(m for m in ftrain.presence)[tagged] > 0
                texts_with = np.asarray(seen.sum(axis=0)).ravel()
                params["common"] = (texts_with >= args.min_texts).astype(float)
                log(f"{stage}: {int((texts_with < args.min_texts).sum())} patterns in fewer than {args.min_texts} "
                    "training texts get no weight of their own")
            supports = None
            if stage == "final":
                # Map the selected supports onto the kept patterns' new indices.
                remap = {p: i for i, p in enumerate(kept)}
                supports = [{"plain": {remap[p] for p in s["plain"] if p in remap},
                             "own": {(c, remap[p]) for c, p in s["own"] if p in remap}} for s in selected]
            model = TagModel(len(final_patterns))
            model.prior = hand_prior(final_patterns) if args.hand_prior else None
            for rnd in range(args.rounds):
                log(f"{stage}: round {rnd + 1}: fitting {NT} tags")
                for t in range(NT):
                    fit_tag(t, model, ftrain, train, weights, params, None if supports is None else supports[t])
            if stage == "select":
                selected = [support_of(model, t, 1e-6) for t in range(NT)]
                kept_set = set(np.where(np.abs(model.prior).sum(axis=1) > 0)[0]) if model.prior is not None else set()
                for s in selected:
                    kept_set |= s["plain"] | {p for _, p in s["own"]}
                # Keep phrases that cover a kept word too, so matching stays as fitted.
                kept_words = {final_patterns[p] for p in kept_set}
                for p, pattern in enumerate(final_patterns):
                    if " " in pattern and any(w in kept_words for w in pattern.split()):
                        kept_set.add(p)
                kept = sorted(kept_set)
                final_patterns = [final_patterns[p] for p in kept]
                log(f"select: {len(kept)} patterns kept of {len(patterns)}")
        model.round()
        log("choosing thresholds on dev")
        thresholds = choose_thresholds(model, fdev, dev, hand_presence(find_binary("trustlens", args.trustlens), dev.texts))

        log("fitting valence")
        s_train, _ = model.scores(ftrain)
        s_dev, _ = model.scores(fdev)
        p_train, p_dev = 1 / (1 + np.exp(-s_train)), 1 / (1 + np.exp(-s_dev))
        vweight = np.array([{"vader": 1.0, "goemotions": 0.5, "own": args.own_weight / 2, "picks": 1.0, "xed_en": 0.0, "joined": 0.0}[s]
                            for s in train.source])
        prior = np.array([hand_valence.get(p, 0.0) for p in vpatterns])
        best = None
        for scale in [float(x) for x in args.valence_scale.split(",")]:
            vm = fit_valence(ftrain, p_train, train.valence, vweight, prior, scale, args.valence_l2, 0.1)
            vm.scores = np.round(vm.scores, 3)
            vm.tags = np.round(vm.tags, 4)
            pred = vm.predict(fdev, p_dev)
            per = {}
            for src in ("vader", "goemotions", "own", "picks", "devset"):
                idx = np.where((dev.source == src) & ~np.isnan(dev.valence))[0]
                if len(idx) > 1:
                    per[src] = round(pearson(pred[idx], dev.valence[idx]), 4)
            mean = float(np.mean(list(per.values())))
            log(f"valence scale {scale:g}: dev r {per}")
            if best is None or mean > best[0]:
                best = (mean, vm, per)
        vmodel, valence_dev = best[1], best[2]

        s_dev, pos_dev = model.scores(fdev)
        present = (1 / (1 + np.exp(-s_dev)) >= model.threshold[None, :]) & pos_dev
        dev_f1 = {}
        for src in ("goemotions", "xed_en", "own", "picks", "devset"):
            idx = np.where(dev.source == src)[0]
            tags = [t for t in range(NT) if dev.mask[idx, t].sum() > 0 and dev.y[idx, t].sum() > 0]
            dev_f1[src] = round(float(np.mean([f1(dev.y[idx, t], present[idx, t].astype(float)) for t in tags])), 4) if tags else None

        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        own = data.labelled()
        header = [
            f"Fitted {datetime.date.today().isoformat()} from commit {commit} (git HEAD when fitted).",
            "Corpora (train splits; weights may ship with attribution): GoEmotions (Demszky et al., ACL 2020;",
            "  monologg/GoEmotions-pytorch @ b75f9d3a), XED English (Öhman et al., COLING 2020; Helsinki-NLP/XED",
            "  @ 76666d25), mapped as ../shared/corpora/*/SOURCE.md; valence also from VADER's four human-rated",
            "  sets (Hutto & Gilbert, ICWSM 2014; MIT; their `fit` part, fit_data.py) and GoEmotions' polarity groups.",
            f"Project labelled data (data/labelled): {sum(r['split'] == 'train' for r in own)} train texts of {len(own)};"
            " dev and the frozen test split never fitted.",
            f"Settings: own-weight {args.own_weight}, xed-weight {args.xed_weight}, corpus-safety {args.corpus_safety},"
            f" min-texts {args.min_texts}, min-context {args.min_context}, C l1 {args.c_l1} / l2 {args.c_l2},"
            f" rounds {args.rounds}, valence-l2 {args.valence_l2}, valence-scale {vmodel.scale:g},"
            f" guideline contexts {', '.join(GUIDELINE_CONTEXTS) if args.guideline_contexts else 'off'},"
            f" rare patterns {'own weights' if args.rare_patterns_own_weight else 'hand-written weights only'},"
            f" min-positive {args.min_positive}, two-word candidates {args.pairs or 'none'},"
            f" presumed-negative weight {args.presumed_negative_weight:g}"
            f" (joined texts {args.presumed_joined}){f', seed {args.seed}' if args.seed else ''}.",
            f"Packages: numpy {np.__version__}, scipy {__import__('scipy').__version__},"
            f" scikit-learn {__import__('sklearn').__version__}.",
            f"Dev (the fit's own check; see README 'Analyzer quality' for every split): mean tag F1 {json.dumps(dev_f1)};",
            f"  valence Pearson r {json.dumps(valence_dev)}.",
            f"{len(final_patterns)} feature patterns, {len(vpatterns)} valence patterns.",
        ]
        out = Path(args.out)
        write_model(out, model, final_patterns, vmodel, vpatterns, header)
        log(f"wrote {out} ({out.stat().st_size // 1024} KB)")
        report = {"prior_weight": {TAGS[t]: float(model.prior_weight[t]) for t in range(NT) if model.fitted[t]},
              "dev_tag_f1": dev_f1, "valence_dev_r": valence_dev, "thresholds": thresholds,
                  "multipliers": {TAGS[t]: {CONTEXTS[c]: float(model.mult[t, c]) for c in range(len(CONTEXTS))}
                                  for t in range(NT) if model.fitted[t]},
                  "flips": {f"{CONTEXTS[c]} {TAGS[s]}->{TAGS[to]}": v for (c, s, to), v in model.flip.items()}}
        if not args.no_verify:
            trustlens = find_binary("trustlens", args.trustlens)
            sample = np.arange(0, len(dev), max(1, len(dev) // 3000))
            expected_valence = np.round(vmodel.predict(fdev, 1 / (1 + np.exp(-s_dev))), 3)
            check = verify(trustlens, out, [dev.texts[i] for i in sample], present[sample], expected_valence[sample])
            report["engine_check"] = check
            log(f"engine check: {check}")
            if check["tag_sets_differing"] > check["texts"] * 0.002 or check["valences_differing"] > check["texts"] * 0.002:
                print("error: the engine does not reproduce the fit (see the check above)", file=sys.stderr)
                return 1
        print(json.dumps({"dev_tag_f1": dev_f1, "valence_dev_r": valence_dev}, indent=1))
        if args.report:
            Path(args.report).parent.mkdir(parents=True, exist_ok=True)
            Path(args.report).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
