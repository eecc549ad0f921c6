#!/usr/bin/env python3
"""The labelled data the analyzer is fitted on and measured with, and its splits.

Standard library only; imported by `fit_lexicon.py`, `score_analyzer.py` and
`bench_quality.py`. Nothing here writes a file.

Sources (see scripts/QUALITY.md):
- `../shared/corpora/<corpus>/<split>.jsonl`: GoEmotions and XED (may ship: fit on train,
  decide on dev), EmpatheticDialogues and RWWD (measurement only: dev, test).
- `data/labelled/journal/<batch>.jsonl`: entries written for the project, one batch per
  imagined writer, labelled to the guideline in scripts/QUALITY.md.
- `data/labelled/picks/<name>.tsv`: texts of the shippable corpora's train splits,
  labelled to the same guideline; the files name a text by corpus and id only, never its
  words (the text is read from ../shared/corpora when needed).
- `data/devset/devset.jsonl`: the older hand-written dev set the hand lexicon was tuned on
  (never fitted on).
- `../shared/benchmarks/sentiment/*_GroundTruth.txt`: VADER's four human-rated sets.

Splits, all decided by a hash so nobody chooses them (frozen: data/labelled/SPLIT.md):
- labelled texts: `bucket = int(sha256("trustlens-labelled:" + group), 16) % 100`, test
  when bucket < 20, dev when < 35, else train. The group of a journal entry is its batch
  (one writer), of a pick its corpus and id, so a writer's entries never straddle splits.
- VADER sets: `bucket = int(sha256("vader:" + set + ":" + doc), 16) % 100`, fit < 60,
  dev < 80, else test; `doc` is the review / editorial of Amazon and NYT snippets (the part
  of the id before `_`), so sentences of one document stay together; the id otherwise.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRUSTLENS_SHARED", REPO.parent / "shared"))
CORPORA = SHARED / "corpora"
SENTIMENT = SHARED / "benchmarks" / "sentiment"
LABELLED = REPO / "data" / "labelled"
DEVSET = REPO / "data" / "devset" / "devset.jsonl"

EMOTIONS = ["betrayal", "anger", "resentment", "anxiety", "sadness", "insecurity",
            "safety", "hope", "gratitude", "guilt", "connection"]
THEMES = ["acknowledgment", "responsibility", "accountability", "transparency",
          "deception", "broken-promise", "communication", "avoidance", "self-care",
          "rushing", "patience", "boundaries", "support", "empathy", "progress",
          "setback"]
TAGS = EMOTIONS + THEMES
VALENCES = ("positive", "negative", "neutral", "mixed")
SHIPPABLE = ("goemotions", "xed_en")
MEASURE_ONLY = ("empatheticdialogues", "rwwd")
VADER_SETS = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]


class DataError(Exception):
    """A labelled file that breaks its format: the message names file, line and reason."""


def bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100


def labelled_split(group: str) -> str:
    b = bucket("trustlens-labelled:" + group)
    return "test" if b < 20 else "dev" if b < 35 else "train"


def vader_split(name: str, item_id: str) -> str:
    doc = item_id.split("_")[0] if name in ("amazonReviewSnippets", "nytEditorialSnippets") else item_id
    b = bucket(f"vader:{name}:{doc}")
    return "fit" if b < 60 else "dev" if b < 80 else "test"


# ------------------------------------------------------------------- corpora

_corpus_cache: dict[tuple[str, str], list[dict]] = {}


def corpus_rows(corpus: str, split: str) -> list[dict]:
    """The rows of one corpus split, as ../shared/corpora has them."""
    key = (corpus, split)
    if key not in _corpus_cache:
        path = CORPORA / corpus / f"{split}.jsonl"
        with path.open(encoding="utf-8") as f:
            _corpus_cache[key] = [json.loads(line) for line in f if line.strip()]
    return _corpus_cache[key]


def corpus_text(corpus: str, item_id: str) -> str:
    """The text of a train-split row of a shippable corpus, by id."""
    if corpus not in SHIPPABLE:
        raise DataError(f"{corpus}: only the shippable corpora ({', '.join(SHIPPABLE)}) may be picked")
    index_key = ("index", corpus)
    if index_key not in _corpus_cache:
        _corpus_cache[index_key] = {r["id"]: r["text"] for r in corpus_rows(corpus, "train")}  # type: ignore
    index = _corpus_cache[index_key]
    if item_id not in index:  # type: ignore[operator]
        raise DataError(f"{corpus}: no train row with id {item_id!r}")
    return index[item_id]  # type: ignore[index]


# ----------------------------------------------------------------- labelled

def _check_labels(where: str, emotions: list[str], themes: list[str], valence: str) -> None:
    bad = [t for t in emotions if t not in EMOTIONS] + [t for t in themes if t not in THEMES]
    if bad:
        raise DataError(f"{where}: unknown tag(s) {', '.join(bad)}")
    if valence not in VALENCES:
        raise DataError(f"{where}: valence must be one of {', '.join(VALENCES)}, not {valence!r}")


def load_journal_batch(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path.relative_to(REPO)}:{n}"
            try:
                r = json.loads(line)
            except ValueError as e:
                raise DataError(f"{where}: not JSON ({e.msg})") from None
            for key in ("id", "text", "emotions", "themes", "valence"):
                if key not in r:
                    raise DataError(f"{where}: missing {key!r}")
            _check_labels(where, r["emotions"], r["themes"], r["valence"])
            rows.append({"id": r["id"], "text": r["text"], "emotions": list(r["emotions"]),
                         "themes": list(r["themes"]), "valence": r["valence"],
                         "group": "journal:" + path.stem, "source": "journal"})
    return rows


def load_picks(path: Path) -> list[dict]:
    """`corpus<TAB>id<TAB>emotions<TAB>themes<TAB>valence`, tags comma-separated."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path.relative_to(REPO)}:{n}"
            cols = line.split("\t")
            if len(cols) != 5:
                raise DataError(f"{where}: expected 5 TAB-separated columns, found {len(cols)}")
            corpus, item_id, emo, thm, valence = cols
            emotions = [t for t in emo.split(",") if t]
            themes = [t for t in thm.split(",") if t]
            _check_labels(where, emotions, themes, valence)
            rows.append({"id": f"{corpus}:{item_id}", "text": corpus_text(corpus, item_id),
                         "emotions": emotions, "themes": themes, "valence": valence,
                         "group": f"{corpus}:{item_id}", "source": corpus})
    return rows


def labelled(split: str | None = None) -> list[dict]:
    """The project's labelled texts (journal batches and corpus picks), each with its split;
    only those of `split` when given."""
    rows: list[dict] = []
    for path in sorted((LABELLED / "journal").glob("*.jsonl")):
        rows.extend(load_journal_batch(path))
    for path in sorted((LABELLED / "picks").glob("*.tsv")):
        rows.extend(load_picks(path))
    seen: dict[str, str] = {}
    for r in rows:
        if r["id"] in seen:
            raise DataError(f"{r['id']}: labelled twice ({seen[r['id']]} and {r['group']})")
        seen[r["id"]] = r["group"]
        r["split"] = labelled_split(r["group"])
    return [r for r in rows if split is None or r["split"] == split]


def devset() -> list[dict]:
    rows = []
    with DEVSET.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                r = json.loads(line)
                _check_labels(f"data/devset/devset.jsonl:{n}", r["emotions"], r["themes"], r["valence"])
                r["group"], r["source"], r["split"] = "devset", "devset", "dev"
                rows.append(r)
    return rows


# ------------------------------------------------------------------- VADER

def vader_rows(name: str, split: str | None = None) -> list[dict]:
    """`{id, text, rating}` of one VADER set (rating: mean of 20 raters, -4..4), of one split
    (fit, dev, test) when given."""
    rows = []
    with (SENTIMENT / f"{name}_GroundTruth.txt").open(encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            item_id, rating, text = line.split("\t", 2)
            if split is None or vader_split(name, item_id) == split:
                rows.append({"id": f"{name}:{item_id}", "text": text, "rating": float(rating)})
    return rows
