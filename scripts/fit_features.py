#!/usr/bin/env python3
"""The analyzer's own features of labelled texts, for fitting (imported by fit_lexicon.py).

The fit never re-implements the engine: it writes a candidate model (every pattern it may
weigh, as `pattern` lines, and every valence pattern as `valence PATTERN 0`), runs
`trustlens-bench features CANDIDATES.tsv TEXTS.jsonl` (Analyzer.featureDump) and reads back,
per text, each feature match as (pattern, context), each valence match as (pattern,
sentence, rule factor) and each sentence's question flag and `!` count. Candidate words come
from a plain word split of the training texts; a candidate the engine's tokenizer never
produces simply never matches.
"""
from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parent.parent
LEXICON = REPO / "Sources" / "TrustLensAnalysis" / "Lexicon"

# MatchContext raw values, in the engine's order (Sources/TrustLensAnalysis/MatchContext.swift).
CONTEXTS = ["other", "resolved", "negation", "irony", "past", "question", "hedge", "softener",
            "contrast", "intensifier", "plain"]
PLAIN = CONTEXTS.index("plain")

WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
RUN = re.compile(r"([a-z])\1{2,}")

# Function words: they carry no feeling of their own and would match at every other token
# (the rules already read negators, modifiers and person words).
FUNCTION_WORDS = set("""
a an the and or but so if then than as at by for from in into of off on onto out over to up
with without about above after again against all am any are aren't be because been before
being below between both can could did do does doing down during each few further had has
have having here how i'm i've i'd i'll it it's its itself just me more most my myself no nor
not now once only other our ours ourselves own same she should some such that that's their
theirs them themselves there these they this those through too under until very was we were
what when where which while who whom why will would you your yours yourself yourselves he him
his her hers herself i is s t don't didn't doesn't isn't wasn't weren't won't wouldn't can't
couldn't shouldn't haven't hasn't hadn't also yet still even ever really quite rather
""".split())


def rule_words() -> set[str]:
    """Every single word that rules.tsv gives a role (negators, modifiers, person words, …)."""
    words = set()
    for line in (LEXICON / "rules.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] in ("negator", "after-negator", "self", "other", "contrast", "clause", "contraction"):
            words.update(cols[1].lower().split())
    return words


def words_of(text: str) -> list[str]:
    """A plain approximation of the engine's tokens (lower case, straight apostrophes, letter
    runs shortened to two), for choosing candidates only."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return [RUN.sub(r"\1\1", w) for w in WORD.findall(text)]


def hand_tag_patterns() -> list[str]:
    """The patterns of the hand-written tags.tsv, in file order, each once."""
    seen, out = set(), []
    for line in (LEXICON / "tags.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern = line.split("\t")[0].strip().lower()
        if pattern and pattern not in seen:
            seen.add(pattern)
            out.append(pattern)
    return out


def hand_valence() -> dict[str, float]:
    out = {}
    for line in (LEXICON / "valence.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, score = line.split("\t")[:2]
        out.setdefault(pattern.strip().lower(), float(score))
    return out


def candidate_words(texts: list[str], min_texts: int) -> list[str]:
    """Words in at least `min_texts` texts, most frequent first, without function and rule words."""
    df = collections.Counter()
    for t in texts:
        df.update(set(words_of(t)))
    skip = FUNCTION_WORDS | rule_words()
    words = [w for w, n in df.items() if n >= min_texts and w not in skip and not w.isdigit() and len(w) < 40]
    return sorted(words, key=lambda w: (-df[w], w))


SENTENCE_END = re.compile(r"[.!?\n]+")


def candidate_pairs(texts: list[str], min_texts: int) -> list[str]:
    """Two-word phrases ("passed away", "dog died") in at least `min_texts` texts, most frequent
    first: adjacent words of one sentence, neither a rule word (so negation, modifiers and
    person words keep working on the phrase from outside it), not both function words."""
    df = collections.Counter()
    rules = rule_words()
    for t in texts:
        pairs = set()
        for sentence in SENTENCE_END.split(t):
            ws = words_of(sentence)
            for a, b in zip(ws, ws[1:]):
                if a in rules or b in rules or (a in FUNCTION_WORDS and b in FUNCTION_WORDS):
                    continue
                if a.isdigit() or b.isdigit():
                    continue
                pairs.add(f"{a} {b}")
        df.update(pairs)
    return sorted((p for p, n in df.items() if n >= min_texts), key=lambda p: (-df[p], p))


def write_candidates(path: Path, tag_patterns: list[str], valence_patterns: list[str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("# candidate features for trustlens-bench features (written by fit_lexicon.py)\n")
        for p in tag_patterns:
            f.write(f"pattern\t{p}\n")
        for p in valence_patterns:
            f.write(f"valence\t{p}\t0\n")


def dump(bench: Path, candidates: Path, texts: list[str]) -> list[dict]:
    """The engine's features of each text, in order."""
    with tempfile.TemporaryDirectory(prefix="trustlens-fit-") as tmp:
        path = Path(tmp) / "texts.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
        run = subprocess.run([str(bench), "features", str(candidates), str(path)], capture_output=True)
    if run.returncode != 0:
        sys.exit(f"error: trustlens-bench features failed ({run.returncode}): {run.stderr.decode()[-500:]}")
    lines = run.stdout.decode("utf-8").splitlines()
    if len(lines) != len(texts):
        sys.exit(f"error: trustlens-bench features gave {len(lines)} lines for {len(texts)} texts")
    return [json.loads(line) for line in lines]


class Features:
    """Sparse design matrices over a list of dumps.

    `presence[c]`: texts × patterns, 1 where (pattern, context c) occurs (or the count, with
    `count=True`); `words`: word counts; valence: `sentence_matrix` (sentences × valence
    patterns, summed rule factors), `sentence_text` (texts × sentences, 1 where the sentence
    is the text's), `question` (per sentence, 0.5 for a question, else 1) and `exclamations`
    (per sentence, min(count, 4)).
    """

    def __init__(self, dumps: list[dict], patterns: int, valence_patterns: int, count: bool = False):
        n = len(dumps)
        rows = [[] for _ in CONTEXTS]
        cols = [[] for _ in CONTEXTS]
        for i, d in enumerate(dumps):
            seen = set()
            for p, c in d["t"]:
                if not count:
                    if (p, c) in seen:
                        continue
                    seen.add((p, c))
                rows[c].append(i)
                cols[c].append(p)
        self.presence = [sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, patterns)) for r, c in zip(rows, cols)]
        for m in self.presence:
            m.sum_duplicates()
        self.words = np.array([d["w"] for d in dumps], dtype=float)
        srow, scol, sval, trow, tcol, question, exc = [], [], [], [], [], [], []
        base = 0
        for i, d in enumerate(dumps):
            for s, (q, e) in enumerate(d["s"]):
                trow.append(i)
                tcol.append(base + s)
                question.append(0.5 if q else 1.0)
                exc.append(min(e, 4))
            for p, s, factor in d["v"]:
                srow.append(base + s)
                scol.append(p)
                sval.append(factor)
            base += len(d["s"])
        self.sentence_matrix = sp.csr_matrix((sval, (srow, scol)), shape=(base, valence_patterns))
        self.sentence_text = sp.csr_matrix((np.ones(len(trow)), (trow, tcol)), shape=(n, base))
        self.question = np.array(question, dtype=float)
        self.exclamations = np.array(exc, dtype=float)

    def rows(self, index: np.ndarray) -> "Features":
        """The same features for a subset of the texts (tag matrices only)."""
        sub = object.__new__(Features)
        sub.presence = [m[index] for m in self.presence]
        sub.words = self.words[index]
        return sub
