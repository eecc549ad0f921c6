#!/usr/bin/env python3
"""Generate the labelled evaluation scenarios for TrustLens's trend module.

Usage:
    python3 scripts/scenarios/make_scenarios.py [--out DIR] [--per-status N]

Writes, for each of the six statuses (progress, setback, rushing, avoidance, plateau,
insufficient-data), N subjects as folders DIR/<status>-NN/ holding `journal.jsonl`
and/or `checkins.csv`, plus

  * DIR/labels.json    {subject: {"status": ..., "signals": [...]}}  (the ground truth)
  * DIR/manifest.json  {subject: {"variant", "modality", "weeks", "cues", "notes"}}
                       (how each subject was built; for error analysis only)

Python 3 standard library only, deterministic: each subject draws from its own
random.Random seeded with a fixed string, there is no clock input, and files are
written in a fixed order with LF line endings. The sentences come from the JSON
phrase banks in scripts/scenarios/banks/. The label rules are documented in
scripts/scenarios/README.md and in the comments of each `build_*` function below.

All courses end within three days of END (2026-06-28), so the whole caseload is
judged at one common "as of" date, like a real caseload snapshot.
"""

import argparse
import csv
import datetime as dt
import io
import json
import math
import re
import shutil
import sys
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
BANKS = HERE / "banks"
SEED = "trustlens-scenarios-v1"
END = dt.date(2026, 6, 28)
STATUSES = ["progress", "setback", "rushing", "avoidance", "plateau", "insufficient-data"]
SIGNALS = ["rushing", "setback", "avoidance", "progress", "self-care-neglect"]
CHECKIN_COLUMNS = ["date", "trust", "communication", "safety", "self_care", "mood",
                   "commitments_made", "commitments_kept", "held", "note"]
SCN_SHARE = 0.30        # self-care-neglect planted in ~30% of subjects with enough data
RECENT_NEGLECT_DAYS = 28  # neglect window (covers the 21-day "recent" period with margin)


def load_banks():
    phrases = json.loads((BANKS / "phrases.json").read_text(encoding="utf-8"))
    notes = json.loads((BANKS / "checkin_notes.json").read_text(encoding="utf-8"))
    people = json.loads((BANKS / "people.json").read_text(encoding="utf-8"))
    phrases.pop("_doc", None)
    notes.pop("_doc", None)
    return phrases, notes, people


PHRASES, NOTES, PEOPLE = load_banks()

# Variant mixes per status: (variant, share of the N subjects). Every list is cycled in a
# fixed order so that small N still gets each variant at least once where possible.
VARIANTS = {
    "progress": ["steady", "slow", "dip", "fast_supported", "negated_avoid", "journal_only",
                 "checkins_only", "steady", "slow", "dip", "fast_supported", "journal_only"],
    "setback": ["sudden_lie", "gradual", "sudden_lie", "gradual", "journal_only",
                "checkins_only"],
    "rushing": ["full", "hurt_pressure", "stop_only", "hurt_only", "journal_only",
                "full", "hurt_pressure", "checkins_only", "pressure_acc", "stop_only",
                "journal_only", "hurt_only"],
    "avoidance": ["skipped", "stopped", "language", "skipped_checkins_only",
                  "language_journal_only", "stopped", "language", "skipped"],
    "plateau": ["flat", "outlier", "flat", "journal_only", "flat_noisy", "checkins_only",
                "outlier", "flat"],
    "insufficient-data": ["one_day", "two_days", "three_days", "three_days_jump",
                          "checkins_only", "journal_only"],
}


# ----------------------------------------------------------------------------- text

ALT = re.compile(r"\[([^\[\]]*)\]")


class Writer:
    """Fills phrase templates for one subject, with that subject's writing style."""

    def __init__(self, rng):
        self.rng = rng
        ref, obj, pos, subj = rng.choice(PEOPLE["partners"])
        self.slots = {"P": ref, "obj": obj, "pos": pos, "subj": subj,
                      "friend": rng.choice(PEOPLE["friends"]),
                      "ther": rng.choice(PEOPLE["therapists"])}
        self.drop_apostrophes = rng.random() < 0.45
        self.lower_i = rng.random() < 0.2
        self.all_lower = rng.random() < 0.12
        self.typo_rate = rng.choice([0.0, 0.0, 0.008, 0.015, 0.03])
        self.amp = rng.random() < 0.2
        self.used = {}

    def fill(self, template):
        rng = self.rng
        text = ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)
        for k, v in self.slots.items():
            text = text.replace("{" + k + "}", v)
        text = re.sub(r"\s+", " ", text).strip()
        text = re.sub(r"\s+([,.?!])", r"\1", text)
        text = text.replace(",,", ",").replace(".,", ",")
        if text and text[0].islower():
            text = text[0].upper() + text[1:]
        return text

    def sentence(self, category):
        bank = PHRASES[category]
        # prefer templates not used recently, for variety
        used = self.used.setdefault(category, [])
        choices = [i for i in range(len(bank)) if i not in used[-max(1, len(bank) // 2):]]
        i = self.rng.choice(choices or list(range(len(bank))))
        used.append(i)
        return self.fill(bank[i])

    def note(self, category):
        return self.fill(self.rng.choice(NOTES[category]))

    def style(self, text):
        rng = self.rng
        if self.drop_apostrophes:
            text = text.replace("'", "")
        if self.amp:
            text = text.replace(" and ", " & ") if rng.random() < 0.5 else text
        if self.lower_i:
            text = re.sub(r"\bI\b", "i", text)
        if self.all_lower:
            text = text.lower()
        if self.typo_rate:
            words = text.split(" ")
            for j, w in enumerate(words):
                if len(w) >= 5 and w.isalpha() and rng.random() < self.typo_rate:
                    k = rng.randrange(1, len(w) - 2)
                    kind = rng.randrange(3)
                    if kind == 0:
                        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
                    elif kind == 1:
                        w = w[:k] + w[k + 1:]
                    else:
                        w = w[:k] + w[k] + w[k:]
                    words[j] = w
            text = " ".join(words)
        return text


def compose_entry(writer, probs, rng, force=()):
    """One journal entry of 30-120 words: each category in `probs` is included with its
    probability (categories in `force` always); the length is made up with more sentences
    of the included categories and at most three daily-life sentences."""
    cats = [c for c, p in probs.items() if c in force or rng.random() < p]
    sentences = [(c, writer.sentence(c)) for c in cats]
    rng.shuffle(sentences)
    target = rng.randint(30, 120)
    words = lambda: sum(len(s.split()) for _, s in sentences)
    dailies, guard = 0, 0
    while words() < target and guard < 12:
        guard += 1
        open_cats = [c for c in cats if sum(1 for k, _ in sentences if k == c) < 2]
        if open_cats and (dailies >= 3 or rng.random() < 0.45):
            c = rng.choice(open_cats)
            s = (c, writer.sentence(c))
            if any(s[1] == t for _, t in sentences):
                continue
        else:
            s = ("daily", writer.sentence("daily"))
            dailies += 1
        if words() + len(s[1].split()) > 120 and words() >= 30:
            break
        sentences.insert(rng.randrange(len(sentences) + 1), s)
    while words() > 120 and len(sentences) > 1:
        idx = [i for i, (c, _) in enumerate(sentences) if c == "daily"] or list(range(len(sentences)))
        sentences.pop(idx[-1])
    while words() < 30:
        sentences.append(("daily", writer.sentence("daily")))
    text = " ".join(s for _, s in sentences)
    return writer.style(text), set(cats)


# ----------------------------------------------------------------------------- courses

def lerp_points(points, d):
    """Piecewise-linear value at day d from [(day, value), ...] sorted by day."""
    if d <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:]):
        if d0 <= d <= d1:
            return v0 if d1 == d0 else v0 + (v1 - v0) * (d - d0) / (d1 - d0)
    return points[-1][1]


def ramp(d, d0, d1, v0, v1):
    if d <= d0:
        return v0
    if d >= d1:
        return v1
    return v0 + (v1 - v0) * (d - d0) / (d1 - d0)


class Course:
    """Everything needed to write one subject's files."""

    def __init__(self, name, status, variant, rng):
        self.name, self.status, self.variant, self.rng = name, status, variant, rng
        self.weeks = 0
        self.days = 0                  # course length in days; day 0 = start, day `days` = end
        self.journal = True
        self.checkins = True
        self.trust = None               # function(day) -> level
        self.offsets = (rng.uniform(-1.2, 1.0), rng.uniform(-1.0, 1.0))  # communication, safety
        self.noise = [-1, -0.5, 0, 0, 0, 0.5, 1]
        self.clamps = []                # (day_lo, day_hi, lo, hi) applied to trust after noise
        self.forced_checkins = []       # days that must carry a held check-in
        self.skip_prob = lambda d: 0.05
        self.checkin_stop = None        # day after which no held check-in
        self.rows_after_stop = False    # write held=no rows after the stop
        self.max_gap = 17
        self.probs = lambda d: {}       # journal category probabilities at day d
        self.note_cat = lambda d: "neutral"
        self.keep_rate = lambda d: 0.7
        self.journal_from = 0           # first journal day
        self.scn = False
        self.signals = set()
        self.cues = []
        self.notes = ""
        self.selfcare_level = rng.uniform(5, 7.5)
        self.selfcare_p = rng.uniform(0.25, 0.45)
        self.explicit_days = None       # insufficient-data: the only dated days


def pick_weeks(rng, lo, hi):
    return rng.randint(max(6, lo), min(26, hi))


def base_probs(m, acc=0.15, avoid=0.04, pressure=0.015, lies=0.0, hope_scale=0.7,
               progress=0.0, neg_avoid=0.02, claim=0.0):
    """Journal category probabilities from a hurt level m in [0, 1]."""
    return {"hurt": m, "hope": (1 - m) * hope_scale, "accountability": acc,
            "avoidance": avoid, "pressure": pressure, "lies": lies, "progress": progress,
            "avoid_negated": neg_avoid, "claim": claim}


# -- progress -------------------------------------------------------------------------
# Label: status progress, signal progress. Ratings rise over >= 6 weeks (or, journal
# only, hurt language falls while hope/accountability rise), check-ins >= ~90% held,
# no pressure to move on, avoidance language rare. Hard negatives: `dip` (one bad week
# in the middle, recovered), `slow` (+1.5..3 points over 14-26 weeks: progress, not
# plateau), `fast_supported` (a <=4 -> >=8 jump within 10-20 days, but with
# accountability/responsibility language, hurt fading and check-ins continuing: the
# evidence supports it, so not rushing), `negated_avoid` ("we didnt avoid it this time").

def build_progress(c):
    rng, v = c.rng, c.variant
    c.signals.add("progress")
    if v == "slow":
        c.weeks = pick_weeks(rng, 14, 26)
    elif v == "fast_supported":
        c.weeks = pick_weeks(rng, 8, 20)
    elif v == "dip":
        c.weeks = pick_weeks(rng, 10, 26)
    else:
        c.weeks = pick_weeks(rng, 6, 26)
    D = c.days = c.weeks * 7
    a = rng.uniform(1.5, 4.0)
    if v == "slow":
        b = a + rng.uniform(1.8, 3.0)
    else:
        b = min(9.3, a + rng.uniform(3.0, 5.5))
    m0, m1 = rng.uniform(0.65, 0.85), rng.uniform(0.08, 0.22)
    if v == "slow":
        m1 = rng.uniform(0.25, 0.35)
    pts = [(0, a), (D, b)]
    if rng.random() < 0.4 and v in ("steady", "negated_avoid", "journal_only", "checkins_only"):
        mid = rng.uniform(0.3, 0.7) * D  # concave / convex rises
        pts = [(0, a), (mid, a + (b - a) * rng.uniform(0.3, 0.75)), (D, b)]
    dip = None
    if v == "fast_supported":
        js = int(rng.uniform(0.15, 0.35) * D) + 7
        je = js + rng.randint(10, 20)
        a = rng.uniform(2.5, 3.8)
        b = rng.uniform(8.3, 9.2)
        pts = [(0, a), (js, a + 0.3), (je, b), (D, min(9.6, b + 0.3))]
        c.forced_checkins += [js, je]
        c.clamps += [(js, js, 0, 4), (je, je, 8, 10), (je + 1, D, 7, 10)]
        c.notes = f"jump day {js}->{je} supported"
        m_fn = lambda d: ramp(d, js - 7, je + 14, m0, m1)
        acc_fn = lambda d: 0.7 if d >= js - 10 else 0.4
    else:
        m_fn = lambda d: ramp(d, 0, D, m0, m1)
        acc_fn = lambda d: 0.2 + 0.35 * d / D
    if v == "dip":
        ds = int(rng.uniform(0.35, 0.6) * D)
        dip = (ds, ds + 7)
        depth = rng.uniform(2.5, 3.5)
        c.forced_checkins.append(ds + 3)
        c.notes = f"one bad week days {ds}-{ds + 7}, depth {depth:.1f}"
    c.trust = lambda d: lerp_points(pts, d) - (depth if dip and dip[0] <= d <= dip[1] else 0)
    c.skip_prob = lambda d: 0.04
    neg = 0.2 if v == "negated_avoid" else 0.02
    if v == "negated_avoid":
        c.notes = "negated avoidance language"

    def probs(d):
        m = m_fn(d)
        lies = 0.0
        if dip and dip[0] <= d <= dip[1]:
            m, lies = min(1, m + 0.45), 0.3
        return base_probs(m, acc=acc_fn(d), avoid=0.03, pressure=0.0 if v == "fast_supported" else 0.01,
                          lies=lies, progress=0.1 + 0.35 * (1 - m), neg_avoid=neg)
    c.probs = probs
    c.note_cat = lambda d: ("hurt" if dip and dip[0] <= d <= dip[1] else
                            rng.choice(["hurt", "neutral"]) if m_fn(d) > 0.55 else
                            rng.choice(["hope", "accountability", "neutral"]))
    c.keep_rate = lambda d: 0.6 + 0.35 * d / D


# -- setback --------------------------------------------------------------------------
# Label: status setback, signal setback. Ratings (or, journal only, the tone) rise from
# the start to a peak, then fall >= 3 points (sudden: a new lie discovered; gradual: a
# slide over 1-3 weeks). The decline starts anywhere from 40% to late in the course, but
# every point of the last 21+ days is >= 2.5 below the peak level, so at least three
# weeks of decline are at the end. Check-ins stay mostly held (not avoidance).

def build_setback(c):
    rng, v = c.rng, c.variant
    c.signals.add("setback")
    sudden = v == "sudden_lie" or (v in ("journal_only", "checkins_only") and rng.random() < 0.5)
    c.weeks = pick_weeks(rng, 8 if sudden else 11, 26)
    D = c.days = c.weeks * 7
    a = rng.uniform(2.0, 4.0)
    peak = min(9.0, a + rng.uniform(2.8, 4.5))
    drop = rng.uniform(3.2, 4.5)
    slide = rng.randint(2, 5) if sudden else rng.randint(8, 18)
    s2 = max(1, int(slide * 2.5 / drop) + 1)  # days to lose 2.5 points
    lo = max(int(0.4 * D), 24)
    hi = D - 23 - s2
    if hi < lo:  # short course: start the decline as late as the 21-day rule allows
        lo = hi = max(14, D - 23 - s2)
    ds = rng.randint(lo, hi)
    pk = int(ds * rng.uniform(0.6, 1.0))
    pts = [(0, a), (pk, peak), (ds, peak), (ds + slide, peak - drop), (D, peak - drop + rng.uniform(-0.3, 0.5))]
    c.trust = lambda d: lerp_points(pts, d)
    c.clamps.append((ds + s2, D, 0, peak - 2.5))
    c.clamps.append((max(0, pk - 3), ds, peak - 1, 10))
    c.forced_checkins += [pk, ds]
    c.decline = (ds, s2, peak)
    c.notes = f"peak {peak:.1f} day {pk}, decline from day {ds} over {slide} days, drop {drop:.1f}"
    c.cues.append("sudden_lie" if sudden else "gradual")
    c.skip_prob = lambda d: 0.05 if d < ds else 0.12
    m_a, m_b = rng.uniform(0.6, 0.8), rng.uniform(0.15, 0.3)
    m_fn = lambda d: ramp(d, 0, ds, m_a, m_b) if d < ds else ramp(d, ds, ds + slide + 7, m_b, 0.8)

    def probs(d):
        m = m_fn(d)
        if d < ds:
            return base_probs(m, acc=0.35, progress=0.25 * (1 - m))
        recent = d - ds
        lies = (0.55 if recent < 12 else 0.2) if sudden else 0.2
        return base_probs(m, acc=0.1, avoid=0.08, lies=lies, hope_scale=0.3)
    c.probs = probs
    c.note_cat = lambda d: (rng.choice(["hope", "accountability", "neutral"]) if d < ds else
                            rng.choice(["lies", "hurt", "hurt"]) if sudden else rng.choice(["hurt", "neutral", "lies"]))
    c.keep_rate = lambda d: 0.8 if d < ds else 0.3


# -- rushing --------------------------------------------------------------------------
# Label: status rushing, signal rushing. A jump of trust (and the other repair ratings)
# from <= 4 to >= 8 within 5-20 days, forced on two held check-ins, with a variant-
# specific subset of the contract's cues:
#   full           hurt persists + pressure to move on + check-ins abandoned after the jump
#   hurt_pressure  hurt persists + pressure (check-ins continue)
#   hurt_only      hurt persists (no pressure, check-ins continue)
#   stop_only      check-ins abandoned after the jump, hurt fading, no pressure
#   pressure_acc   pressure only; some accountability language, hurt fading
#   checkins_only  jump, notes carry hurt and pressure
#   journal_only   no ratings: recovery claimed ("were totally past it") + pressure while
#                  the hurt persists
# Accountability/responsibility language is absent in all but pressure_acc.
# Where check-ins stop and the journal goes on >= 24 more days, the subject also gets
# the avoidance signal (check-ins stopped while entries go on is avoidance by the
# contract's definition); status stays rushing.

def build_rushing(c):
    rng, v = c.rng, c.variant
    c.signals.add("rushing")
    stop = v in ("full", "stop_only")
    hurt = v in ("full", "hurt_pressure", "hurt_only", "checkins_only", "journal_only")
    pressure = v in ("full", "hurt_pressure", "pressure_acc", "checkins_only", "journal_only")
    c.cues = [k for k, on in (("hurt", hurt), ("pressure", pressure), ("stop", stop)) if on]
    c.weeks = pick_weeks(rng, 10 if stop else 7, 26)
    D = c.days = c.weeks * 7
    jlen = rng.randint(5, 20)
    latest = D - (30 if stop else 14) - jlen
    lo = max(14, int(0.3 * D))
    hi = max(lo, min(latest, int(0.7 * D)))
    js = rng.randint(lo, hi)
    if js + jlen > latest:  # keep >= 30 days of journal after an abandoned jump
        jlen = max(5, latest - js)
    je = js + jlen
    a = rng.uniform(1.5, 3.5)
    b = rng.uniform(8.3, 9.5)
    pts = [(0, a + rng.uniform(-0.5, 0.5)), (js, a), (je, b), (D, min(10, b + rng.uniform(-0.3, 0.4)))]
    c.trust = lambda d: lerp_points(pts, d)
    c.forced_checkins += [js, je]
    c.clamps += [(0, js, 0, 4), (je, je, 8, 10), (je + 1, D, 7, 10)]
    c.notes = f"jump day {js}->{je} ({jlen} days) {a:.1f}->{b:.1f}"
    if stop:
        c.checkin_stop = je + rng.choice([0, 0, 5])
        c.rows_after_stop = rng.random() < 0.5
        if c.journal:
            c.signals.add("avoidance")
    m_hurt = rng.uniform(0.7, 0.85)
    press_from = js - rng.randint(0, 10)

    def probs(d):
        if hurt:
            m = m_hurt
        else:
            m = ramp(d, 0, je, 0.6, 0.2)
        p = {"hurt": m, "hope": 0.25 if d >= js else 0.1, "accountability": 0.35 if v == "pressure_acc" else 0.0,
             "avoidance": 0.08 if stop and d > je else 0.04, "pressure": 0.0, "lies": 0.0, "progress": 0.0,
             "avoid_negated": 0.0, "claim": 0.0}
        if pressure and d >= press_from:
            p["pressure"] = rng.uniform(0.45, 0.65)
        if d >= je and v in ("full", "hurt_pressure", "journal_only"):
            p["claim"] = 0.3
        if v == "journal_only" and d >= js:
            p["claim"], p["pressure"] = 0.45, 0.55
        return p
    c.probs = probs

    def note_cat(d):
        if v == "checkins_only" and d >= js - 3:
            return rng.choice(["pressure", "hurt", "pressure", "hurt", "neutral"])
        if d >= js:
            return rng.choice(["hope", "neutral"] + (["pressure"] if pressure else []) + (["hurt"] if hurt else []))
        return rng.choice(["hurt", "neutral"])
    c.note_cat = note_cat
    c.keep_rate = lambda d: 0.45
    if v == "journal_only":
        c.notes = f"claimed recovery + pressure from day {js}, hurt persists"


# -- avoidance ------------------------------------------------------------------------
# Label: status avoidance, signal avoidance. Ratings flat and low (no rise, no marked
# decline from a peak).
#   skipped (and skipped_checkins_only)  55-80% of check-in rows are held=no
#   stopped       check-ins held for the first 40-65% of the course, then none for the
#                 last >= 28 days (sometimes held=no rows) while the journal goes on
#   language      check-ins held, but avoidance language in 65-85% of the last five weeks'
#                 entries (30% before); language_journal_only: the same without check-ins

def build_avoidance(c):
    rng, v = c.rng, c.variant
    c.signals.add("avoidance")
    c.weeks = pick_weeks(rng, 7, 26)
    D = c.days = c.weeks * 7
    level = rng.uniform(2.0, 4.8)
    drift = rng.uniform(-0.6, 0.3)
    c.trust = lambda d: level + drift * d / D
    c.clamps.append((0, D, 0, level + 1.5))
    m = rng.uniform(0.4, 0.6)
    avoid_early, avoid_late = 0.3, 0.3
    if v.startswith("skipped"):
        share = rng.uniform(0.55, 0.8)
        c.skip_prob = lambda d: share
        c.max_gap = 14
        c.notes = f"skip share {share:.2f}"
        c.cues.append("skipped")
    elif v == "stopped":
        stop = int(rng.uniform(0.4, 0.65) * D)
        c.checkin_stop = min(stop, D - 28)
        c.rows_after_stop = rng.random() < 0.4
        c.skip_prob = lambda d: 0.1
        c.notes = f"check-ins stop day {c.checkin_stop}"
        c.cues.append("stopped")
        avoid_late = 0.35
    else:
        avoid_late = rng.uniform(0.65, 0.85)
        c.skip_prob = lambda d: 0.08
        c.notes = f"avoidance language share {avoid_late:.2f} in the last 5 weeks"
        c.cues.append("language")

    def probs(d):
        p = base_probs(m, acc=0.04, avoid=avoid_late if d >= D - 35 else avoid_early, hope_scale=0.35)
        return p
    c.probs = probs
    c.note_cat = lambda d: rng.choice(["avoid", "neutral", "hurt"])
    c.keep_rate = lambda d: 0.3


# -- plateau --------------------------------------------------------------------------
# Label: status plateau, no signal (unless self-care-neglect is planted). Level 3.5-7,
# noise +-1 (flat_noisy: +-1.5), drift <= 0.04/week, check-ins >= ~90% held, a steady
# mix of hurt, hope, daily life; avoidance language rare. `outlier`: one check-in 3-3.5
# points above the level (hard negative). No <= 4 -> >= 8 jump anywhere.

def build_plateau(c):
    rng, v = c.rng, c.variant
    c.weeks = pick_weeks(rng, 6, 26)
    D = c.days = c.weeks * 7
    if v == "outlier":
        level = rng.uniform(5.0, 6.5)
    else:
        level = rng.uniform(3.5, 7.0)
    drift = rng.uniform(-0.04, 0.04) * c.weeks
    if v == "flat_noisy":
        c.noise = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5]
    out_day = None
    if v == "outlier":
        out_day = int(rng.uniform(0.3, 0.75) * D)
        c.forced_checkins.append(out_day)
        bump = rng.uniform(3.0, 3.5)
        c.notes = f"outlier day {out_day} +{bump:.1f}"
    c.trust = lambda d: level + drift * d / D + (bump if out_day is not None and d == out_day else 0)
    # keep it a plateau: never a <=4 -> >=8 pair (low levels stay <= 7.5, others >= 4.5)
    c.clamps.append((0, D, 0, 7.5) if level < 5 else (0, D, 4.5, 10))
    if v == "outlier":
        c.clamps = [(0, out_day - 1, 4.5, 8), (out_day + 1, D, 4.5, 8)]
    m = rng.uniform(0.3, 0.55)
    c.probs = lambda d: base_probs(m, acc=rng.uniform(0.1, 0.2), avoid=0.05, progress=0.04)
    c.skip_prob = lambda d: 0.05
    c.note_cat = lambda d: rng.choice(["neutral", "neutral", "hurt", "hope"])
    c.keep_rate = lambda d: 0.6


# -- insufficient-data ----------------------------------------------------------------
# Label: status insufficient-data, no signals. All records on 1-3 dated days in the last
# three weeks. `three_days_jump` has trust 2 -> 5 -> 9 over its three days (too little
# to call rushing).

def build_insufficient(c):
    rng, v = c.rng, c.variant
    n = {"one_day": 1, "two_days": 2}.get(v, 3 if v.startswith("three") else rng.randint(1, 3))
    c.weeks = 3
    D = c.days = 20
    c.explicit_days = sorted(rng.sample(range(0, D + 1), n))
    c.notes = f"{n} dated day(s)"
    if v == "three_days_jump":
        vals = [2, 5, 9]
        c.trust = lambda d: vals[c.explicit_days.index(d)] if d in c.explicit_days else 5
        c.noise = [0]
    else:
        level = rng.uniform(2, 7)
        c.trust = lambda d: level
    m = rng.uniform(0.3, 0.8)
    c.probs = lambda d: base_probs(m, acc=0.15, avoid=0.1, pressure=0.1)
    c.skip_prob = lambda d: 0.0
    c.note_cat = lambda d: rng.choice(["neutral", "hurt", "hope"])


BUILDERS = {"progress": build_progress, "setback": build_setback, "rushing": build_rushing,
            "avoidance": build_avoidance, "plateau": build_plateau,
            "insufficient-data": build_insufficient}


# ----------------------------------------------------------------------------- records

def clamp(x, lo=0.0, hi=10.0):
    return max(lo, min(hi, x))


def fmt_rating(x, half):
    x = round(x * 2) / 2 if half else round(x)
    x = clamp(x)
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def checkin_days(c):
    rng = c.rng
    if c.explicit_days is not None:
        return list(c.explicit_days)
    days, d = [], rng.randint(0, 4)
    while d <= c.days:
        days.append(d)
        gap = rng.randint(5, 10)
        if rng.random() < 0.12:
            gap += 7  # a missing week
        gap = min(gap, c.max_gap)
        d += gap
    for f in c.forced_checkins:
        if 0 <= f <= c.days and f not in days:
            days.append(f)
    days = sorted(set(days))
    # drop a scheduled day too close (< 3 days) to a forced one
    out = []
    for d in days:
        if out and d - out[-1] < 3 and d not in c.forced_checkins:
            continue
        if out and d - out[-1] < 3 and out[-1] not in c.forced_checkins:
            out[-1] = d
            continue
        out.append(d)
    return out


def make_checkins(c, writer, start):
    rng = c.rng
    rows = []
    half = rng.random() < 0.3
    for d in checkin_days(c):
        stopped = c.checkin_stop is not None and d > c.checkin_stop
        if stopped and not c.rows_after_stop:
            continue
        held = not stopped and (d in c.forced_checkins or rng.random() >= c.skip_prob(d))
        date = (start + dt.timedelta(days=d)).isoformat()
        if not held:
            rows.append({"_day": d, "date": date, "held": rng.choice(["no", "no", "No", "false", "0"]),
                         "note": writer.style(writer.note("skip")) if rng.random() < 0.7 else ""})
            continue
        lvl = c.trust(d)
        t = clamp(lvl + rng.choice(c.noise))
        for lo_d, hi_d, lo, hi in c.clamps:
            if lo_d <= d <= hi_d:
                t = clamp(t, lo, hi)
        step = 2 if half else 1
        t = round(t * step) / step
        for lo_d, hi_d, lo, hi in c.clamps:  # rounding must not break a clamp
            if lo_d <= d <= hi_d:
                if t > hi:
                    t = math.floor(hi * step) / step
                if t < lo:
                    t = math.ceil(lo * step) / step
        comm = clamp(lvl + c.offsets[0] + rng.choice(c.noise))
        safe = clamp(lvl + c.offsets[1] + rng.choice(c.noise))
        if c.status in ("rushing",) or (c.status == "progress" and c.variant == "fast_supported"):
            # the repair ratings move together around a jump
            comm, safe = clamp(t + rng.choice([-1, 0, 0])), clamp(t + rng.choice([-1, 0, 0, 1]))
        recent = d >= c.days - RECENT_NEGLECT_DAYS
        sc = clamp(c.selfcare_level + rng.choice([-1, 0, 0, 1]))
        if c.scn and recent:
            sc = clamp(rng.choice([1, 2, 2, 3]), 0, 3)
        elif recent:
            sc = max(sc, 5)
        mood = clamp(0.5 * lvl + 2.5 + rng.choice([-1, 0, 0, 1]))
        made = rng.randint(1, 4)
        kept = sum(rng.random() < c.keep_rate(d) for _ in range(made))
        note = writer.style(writer.note(c.note_cat(d))) if rng.random() < 0.55 else ""
        held_txt = "" if rng.random() < 0.15 else rng.choice(["yes", "yes", "yes", "Yes", "true", "1"])
        rows.append({"_day": d, "date": date, "trust": fmt_rating(t, half), "communication": fmt_rating(comm, half),
                     "safety": fmt_rating(safe, half), "self_care": fmt_rating(sc, False),
                     "mood": fmt_rating(mood, False), "commitments_made": str(made),
                     "commitments_kept": str(kept), "held": held_txt, "note": note})
    return rows


def make_journal(c, writer, start):
    rng = c.rng
    if c.explicit_days is not None:
        days = []
        for d in c.explicit_days:
            days += [d] * rng.randint(1, 2)
    else:
        days = []
        for w in range(c.weeks + 1):
            k = rng.randint(2, 4)
            cand = [d for d in range(w * 7, w * 7 + 7) if c.journal_from <= d <= c.days]
            days += sorted(rng.sample(cand, min(k, len(cand))))
    tz = rng.choice(["", "", "", "Z", "+00:00"])
    entries = []
    for d in days:
        probs = dict(c.probs(d))
        recent = d >= c.days - RECENT_NEGLECT_DAYS
        force = []
        if c.scn and recent:
            probs["selfcare"] = 0.0
            probs["distress"] = 0.55
            probs["neglect"] = 0.3 if c.scn_neglect_words else 0.0
        else:
            probs["selfcare"] = c.selfcare_p
            probs["distress"] = 0.08
        text, cats = compose_entry(writer, probs, rng, force)
        hh, mm = rng.randint(6, 23), rng.choice([0, 5, 12, 20, 30, 41, 47, 55])
        when = dt.datetime.combine(start + dt.timedelta(days=d), dt.time(hh, mm))
        entries.append({"day": d, "date": when.isoformat() + tz, "text": text, "cats": cats})
    if c.scn:
        # distress must carry the recent writing: top it up where needed
        rec = [e for e in entries if e["day"] >= c.days - RECENT_NEGLECT_DAYS]
        for e in rec:
            if not (e["cats"] & {"distress", "hurt", "lies", "neglect"}):
                e["text"] = writer.style(writer.sentence("distress")) + " " + e["text"]
                e["cats"].add("distress")
    elif c.explicit_days is None:
        # not neglect: self-care is mentioned at least twice in the last 21 days
        rec = [e for e in entries if e["day"] >= c.days - 21]
        have = sum("selfcare" in e["cats"] for e in rec)
        for e in rec[::-1]:
            if have >= 2:
                break
            if "selfcare" not in e["cats"]:
                e["text"] = e["text"] + " " + writer.style(writer.sentence("selfcare"))
                e["cats"].add("selfcare")
                have += 1
    return entries


def held_trust(c, rows):
    """[(day, trust)] of the held check-ins."""
    return [(r["_day"], float(r["trust"])) for r in rows if r.get("trust")]


def share(entries, cats, lo, hi):
    sel = [e for e in entries if lo <= e["day"] <= hi]
    if not sel:
        return None
    return sum(1 for e in sel if e["cats"] & set(cats)) / len(sel)


def thirds(points):
    n = len(points)
    k = max(1, n // 3)
    first = sum(v for _, v in points[:k]) / k
    last = sum(v for _, v in points[-k:]) / k
    return first, last


def validate(c, rows, entries):
    """The label must hold in the written data, not only in the latent course: re-checked
    here with simple statistics; a subject that fails is redrawn with the next seed."""
    D = c.days
    pts = held_trust(c, rows)
    HURT = ("hurt", "lies", "distress")
    if c.status == "insufficient-data":
        return True
    if c.status == "progress":
        if pts:
            if len(pts) < 4:
                return False
            first, last = thirds(pts)
            if last - first < (1.0 if c.variant == "slow" else 1.5):
                return False
            if c.variant == "fast_supported":
                return True
            # sustained: the second half is above the first half's mean too
            half = [v for d, v in pts if d >= D / 2]
            return bool(half) and sum(half) / len(half) > first + 0.75
        a, b = share(entries, HURT, 0, D / 3), share(entries, HURT, 2 * D / 3, D)
        return a is not None and b is not None and a - b >= 0.3
    if c.status == "setback":
        ds, s2, peak = c.decline
        if pts:
            before = [v for d, v in pts if d <= ds]
            if len(before) < 3:
                return False
            roll = max(sum(before[i:i + 3]) / 3 for i in range(len(before) - 2))
            after = [v for d, v in pts if d >= ds + s2]
            return (roll - before[0] >= 1.5 and len(after) >= 2 and max(after) <= roll - 2)
        early, mid = share(entries, HURT, 0, D / 4), share(entries, HURT, max(0, ds - 21), ds)
        late = share(entries, HURT, D - 21, D)
        return None not in (early, mid, late) and early - mid >= 0.2 and late - mid >= 0.35
    if c.status == "rushing":
        if pts:
            return True  # the jump is forced and clamped
        hurt = share(entries, ("hurt",), D - 28, D)
        press = share(entries, ("pressure", "claim"), D - 28, D)
        return hurt is not None and hurt >= 0.5 and press >= 0.4
    if c.status == "avoidance":
        if pts and len(pts) >= 3:
            first, last = thirds(pts)
            if abs(last - first) >= 1.5:
                return False
        if c.variant.startswith("skipped"):
            return sum(1 for r in rows if not r.get("trust")) / max(1, len(rows)) >= 0.5
        if c.variant == "stopped":
            return bool(pts) and D - pts[-1][0] >= 28 and any(e["day"] > D - 7 for e in entries)
        return (share(entries, ("avoidance",), D - 28, D) or 0) >= 0.5
    if c.status == "plateau":
        if pts:
            if len(pts) < 4:
                return False
            first, last = thirds(pts)
            return abs(last - first) < 1.0
        a, b = share(entries, HURT, 0, D / 3), share(entries, HURT, 2 * D / 3, D)
        return a is not None and b is not None and abs(a - b) < 0.2
    return True


def build_subject(status, index, variant, seed):
    name = f"{status}-{index:02d}"
    for attempt in range(40):
        c, start, rows, entries = draw_subject(status, name, variant, seed, attempt)
        if validate(c, rows, entries):
            c.attempt = attempt
            return c, start, rows, entries
    raise SystemExit(f"{name}: no valid draw in 40 attempts")


def draw_subject(status, name, variant, seed, attempt):
    rng = Random(f"{seed}/{name}" + (f"/{attempt}" if attempt else ""))
    c = Course(name, status, variant, rng)
    if variant.endswith("journal_only"):
        c.checkins = False
    if variant.endswith("checkins_only"):
        c.journal = False
    if status == "insufficient-data":
        if variant == "checkins_only":
            c.journal = False
        elif variant == "journal_only":
            c.checkins = False
    BUILDERS[status](c)
    c.scn_neglect_words = rng.random() < 0.5
    if status != "insufficient-data" and not (status == "progress" and not c.checkins):
        c.scn = rng.random() < SCN_SHARE
    if c.scn:
        c.signals.add("self-care-neglect")
    # avoidance by stopped check-ins needs the journal to go on
    if c.status == "rushing" and "avoidance" in c.signals and not c.journal:
        c.signals.discard("avoidance")
    end = END - dt.timedelta(days=rng.randint(0, 2))
    start = end - dt.timedelta(days=c.days)
    writer = Writer(rng)
    rows = make_checkins(c, writer, start) if c.checkins else []
    entries = make_journal(c, writer, start) if c.journal else []
    return c, start, rows, entries


def write_subject(out, c, rows, entries):
    folder = out / c.name
    folder.mkdir(parents=True, exist_ok=True)
    if entries:
        with open(folder / "journal.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for e in entries:
                f.write(json.dumps({"date": e["date"], "text": e["text"]}, ensure_ascii=False) + "\n")
    if rows:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CHECKIN_COLUMNS, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
        (folder / "checkins.csv").write_text(buf.getvalue(), encoding="utf-8", newline="\n")


def generate(out, per_status, seed=SEED):
    out = Path(out)
    if out.exists():
        for p in sorted(out.iterdir()):
            if p.is_dir() and any(p.name.startswith(s + "-") for s in STATUSES):
                shutil.rmtree(p)
    out.mkdir(parents=True, exist_ok=True)
    labels, manifest = {}, {}
    for status in STATUSES:
        variants = VARIANTS[status]
        for i in range(per_status):
            variant = variants[i % len(variants)]
            c, start, rows, entries = build_subject(status, i + 1, variant, seed)
            write_subject(out, c, rows, entries)
            labels[c.name] = {"status": status, "signals": [s for s in SIGNALS if s in c.signals]}
            held = sum(1 for r in rows if r.get("trust"))
            modality = "both" if (rows and entries) else ("checkins" if rows else "journal")
            manifest[c.name] = {"variant": variant, "modality": modality, "weeks": c.weeks,
                                "start": start.isoformat(), "cues": c.cues, "notes": c.notes,
                                "self_care_neglect": c.scn, "redraws": c.attempt, "entries": len(entries),
                                "checkins_held": held, "checkins_skipped": len(rows) - held}
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return labels, manifest


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="output/scenarios", help="output folder (default output/scenarios)")
    ap.add_argument("--per-status", type=int, default=24, help="subjects per status (default 24)")
    ap.add_argument("--seed", default=SEED, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    labels, manifest = generate(args.out, args.per_status, args.seed)
    n_scn = sum("self-care-neglect" in v["signals"] for v in labels.values())
    print(f"wrote {len(labels)} subjects to {args.out} ({n_scn} with self-care-neglect)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
