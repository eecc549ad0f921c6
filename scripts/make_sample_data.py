#!/usr/bin/env python3
"""Generate TrustLens's synthetic sample data: five client folders and one personal journal.

Usage:
    python3 scripts/make_sample_data.py            # writes into data/ at the repository root
    python3 scripts/make_sample_data.py --out DIR  # writes the same files under DIR

Standard library only and deterministic: every random choice comes from a
`random.Random` seeded with a fixed string per subject, there is no wall-clock
input, and files are written in a fixed order with LF line endings in UTF-8
(except c04/checkins.csv, which imitates a spreadsheet export: UTF-8 BOM + CRLF).
Running it twice gives byte-identical files.

The sentences come from the phrase banks in scripts/sample_data/*.json; this file
holds only the logic: which banks each client's course draws on week by week,
how check-in ratings move, and how each file is formatted.

Planted problems (deliberate bad records, and the only ones; line = 1-based
physical line where the record starts). The generator checks these positions
before writing anything and stops with an error if they ever drift:

  * clients/c01/journal.jsonl line 17: the record on line 16 exported twice
    (line 17 is an identical copy of line 16; same id).
  * clients/c04/checkins.csv line 5: the `mood` rating is written `four`.
  * clients/c05/journal.jsonl line 31: `date` is the invalid `2026-13-40`.

Everything else is meant to parse cleanly. data/README.md (written from
scripts/sample_data/README.template.md) describes the files and repeats this list.
"""

import argparse
import csv
import datetime as dt
import io
import json
import re
import string
import sys
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
BANK_DIR = HERE / "sample_data"
REPO_ROOT = HERE.parent
START = dt.date(2026, 1, 5)  # a Monday
SEED = "trustlens-sample-data-v1"

# The positions promised in the docstring and in data/README.md.
EXPECTED_PLANTED = {
    "c01_duplicate": 17,
    "c04_four": 5,
    "c05_bad_date": 31,
}

CHECKIN_COLUMNS = ["date", "trust", "communication", "safety", "self_care", "mood",
                   "commitments_made", "commitments_kept", "held", "note"]
RATINGS = ["trust", "communication", "safety", "self_care", "mood"]

# Course of each client: number of weeks and the pattern the data should show.
CLIENT_WEEKS = {"c01": 14, "c02": 13, "c03": 15, "c04": 12, "c05": 16}
C02_JUMP_WEEK = 6        # first week with trust >= 8
C03_DISCOVERY_WEEK = 10  # the week of the new discovery
C04_HELD_WEEKS = {1, 4, 9}
C04_FOUR_WEEK = 4        # the held week whose mood is written "four"
C01_DUPLICATE_WEEK = 5   # the first entry of this week is exported twice
C05_BAD_DATE_WEEK = 8    # the second entry of this week gets date 2026-13-40
PERSONAL_WEEKS = 16
PERSONAL_REPAIR_WEEK = 9

# At most this many sentences from one bank in one entry (default 3).
BANK_CAP = {"selfcare": 2, "daily": 3, "support": 1, "gratitude": 1, "trigger": 1,
            "discovery": 1, "patience": 1, "boundaries": 2, "fake_fine": 1, "empathy": 1,
            "avoidance": 4}

HURT = ["betrayal", "anger", "insecurity", "anxiety", "sadness"]
REPAIR = ["acknowledgment", "responsibility", "accountability", "transparency",
          "communication", "hope", "connection"]


def load(name):
    with open(BANK_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def bell(x, centre, width):
    """A bump in [0, 1] that peaks at `centre` and is 0 beyond `width` from it."""
    return max(0.0, 1.0 - abs(x - centre) / width)


def weighted_choice(rng, weights):
    items = [(k, w) for k, w in weights.items() if w > 0]
    total = sum(w for _, w in items)
    r = rng.random() * total
    for k, w in items:
        r -= w
        if r < 0:
            return k
    return items[-1][0]


class TextMaker:
    """Builds journal entries from phrase banks for one subject, with surface noise."""

    def __init__(self, rng, banks, fill, style, noise):
        self.rng = rng
        self.banks = banks
        self.fill = fill
        self.style = style
        self.noise = noise
        self.used = {}  # sentence -> times used, to spread choices over the whole bank
        self.part = "evening"  # time of day of the entry being written

    def pick_framing(self, kind):
        """An opener or closer that fits the time of day ("openers" + "openers_evening")."""
        pool = list(self.banks[kind]) + list(self.banks.get(f"{kind}_{self.part}", []))
        least = min(self.used.get(s, 0) for s in pool)
        s = self.rng.choice([x for x in pool if self.used.get(x, 0) == least])
        self.used[s] = self.used.get(s, 0) + 1
        return s

    def pick(self, bank, exclude=()):
        options = [s for s in self.banks[bank] if s not in exclude]
        if self.part != "evening":
            # A morning or midday entry does not talk about "tonight".
            options = [s for s in options if "tonight" not in s] or options
        least = min(self.used.get(s, 0) for s in options)
        fresh = [s for s in options if self.used.get(s, 0) == least]
        s = self.rng.choice(fresh)
        self.used[s] = self.used.get(s, 0) + 1
        return s

    def compose(self, when, weights, required=(), forced=(), opener_p=0.35, closer_p=0.3):
        """One entry written at `when`: optional opener, forced and required sentences,
        weighted filler, optional closer; 40-160 words (median about 90)."""
        rng = self.rng
        self.part = ("morning" if when.hour < 11 else "day" if when.hour < 18 else "evening")
        target = int(rng.triangular(40, 160, 66))
        chosen = []
        head = list(forced)
        focus = []
        for banks, p in required:
            if rng.random() < p:
                bank = rng.choice(banks) if len(banks) > 1 else banks[0]
                head.append(self.pick(bank, exclude=head))
                focus.append(bank)
        # An entry dwells on a few themes, like a real one: draw the filler from the
        # required banks plus a few more chosen by weight.
        k = rng.choice([2, 3, 3, 4])
        pool = {b: w for b, w in weights.items() if w > 0}
        while len(dict.fromkeys(focus)) < k and any(b not in focus for b in pool):
            focus.append(weighted_choice(rng, {b: w for b, w in pool.items() if b not in focus}))
        weights_here = {b: max(weights.get(b, 0), 0.3) for b in dict.fromkeys(focus)}
        opener = self.pick_framing("openers") if rng.random() < opener_p else None
        closer = self.pick_framing("closers") if rng.random() < closer_p else None
        fixed = len(opener.split()) if opener else 0
        fixed += len(closer.split()) if closer else 0
        words = fixed + sum(len(s.split()) for s in head)
        tries = 0
        per_bank = {b: focus.count(b) for b in focus}
        while words < target and tries < 80:
            tries += 1
            live = {b: w for b, w in weights_here.items()
                    if w > 0 and per_bank.get(b, 0) < BANK_CAP.get(b, 3)}
            if not live:
                # Every focus bank is used up for this entry: widen the focus by one.
                more = {b: w for b, w in pool.items() if b not in weights_here}
                if not more:
                    break
                nb = weighted_choice(rng, more)
                weights_here[nb] = max(pool[nb], 0.3)
                continue
            bank = weighted_choice(rng, live)
            if not [x for x in self.banks[bank] if x not in head + chosen]:
                weights_here[bank] = 0
                continue
            s = self.pick(bank, exclude=head + chosen)
            if words + len(s.split()) > 160:
                continue
            chosen.append(s)
            per_bank[bank] = per_bank.get(bank, 0) + 1
            words += len(s.split())
        body = list(forced) + [s for s in head if s not in forced] + chosen
        # Forced sentences open the entry; the rest is shuffled a little.
        nf = len(forced)
        rest = body[nf:]
        if len(rest) > 2 and rng.random() < 0.5:
            i = rng.randrange(len(rest) - 1)
            rest[i], rest[i + 1] = rest[i + 1], rest[i]
        body = body[:nf] + rest
        sentences = ([opener] if opener else []) + body + ([closer] if closer else [])
        sentences = [s.format(**self.fill) for s in sentences]
        text = self.join(sentences)
        text = self.roughen(text, weights)
        n = len(text.split())
        if not 40 <= n <= 160:
            return self.compose(when, weights, required, forced, opener_p, closer_p)
        return text

    def join(self, sentences):
        rng = self.rng
        out = sentences[0]
        breaks = 0
        for s in sentences[1:]:
            if breaks < 2 and rng.random() < self.noise["paragraph"]:
                out += rng.choice(["\n\n", "\n\n", "\n"]) + s
                breaks += 1
            else:
                out += " " + s
        return out

    def roughen(self, text, weights):
        rng, st, nz = self.rng, self.style, self.noise
        r = rng.random()
        if r < nz["drop_apostrophe"]:
            for c in st["contractions"]:
                pat = re.compile(r"(?<![\w'])" + re.escape(c) + r"(?![\w'])", re.IGNORECASE)
                text = pat.sub(lambda m: m.group(0).replace("'", "")
                               if rng.random() < 0.75 else m.group(0), text)
        elif r < nz["drop_apostrophe"] + nz["curly"]:
            text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
        if rng.random() < nz["typo"]:
            present = [w for w in sorted(st["typos"])
                       if re.search(r"\b" + w + r"\b", text)]
            if present:
                w = rng.choice(present)
                text = re.sub(r"\b" + w + r"\b", st["typos"][w], text, count=1)
        if rng.random() < nz["emoji"]:
            hurt = sum(weights.get(b, 0) for b in HURT + ["avoidance", "setback", "hurt"])
            good = sum(weights.get(b, 0) for b in REPAIR + ["progress", "repair", "safety"])
            pool = st["emoji_sad"] if hurt >= good else st["emoji_ok"]
            text = text + " " + rng.choice(pool)
        if rng.random() < nz["lowercase"]:
            text = text.lower()
        return text


def week_days(rng, n):
    return sorted(rng.sample(range(7), n))


def entry_time(rng, evening_share=0.72, morning_share=0.14):
    r = rng.random()
    if r < evening_share:
        h = rng.choice([19, 20, 20, 21, 21, 21, 22, 22, 23])
    elif r < evening_share + morning_share:
        h = rng.choice([6, 7, 7, 8])
    else:
        h = rng.choice([12, 13, 15, 17])
    return dt.time(h, rng.randrange(60), rng.randrange(60))


def rating(rng, x, half_share=0.2):
    """A 0-10 rating near x: an integer, or (sometimes) a .5 value."""
    if rng.random() < half_share:
        v = round(x * 2) / 2
    else:
        v = float(round(x))
    v = min(10.0, max(0.0, v))
    return int(v) if v == int(v) else v


class NotePicker:
    """Picks notes from a bank, preferring the least used so notes rarely repeat."""

    def __init__(self, rng, notes, fill):
        self.rng, self.notes, self.fill, self.used = rng, notes, fill, {}

    def __call__(self, bank):
        pool = self.notes[bank]
        least = min(self.used.get((bank, n), 0) for n in pool)
        n = self.rng.choice([x for x in pool if self.used.get((bank, x), 0) == least])
        self.used[(bank, n)] = self.used.get((bank, n), 0) + 1
        return n.format(**self.fill)


def fmt_num(v):
    if v is None or v == "":
        return ""
    return str(v)


# ---------------------------------------------------------------- client courses

def client_weights(cid, week, weeks, phase=None):
    """Bank weights and required groups for one entry of client `cid` in `week`."""
    if cid == "c01":
        f = (week - 1) / (weeks - 1)
        hurt = max(0.0, 1 - 1.4 * f)
        w = {"betrayal": 1.2 * hurt, "anger": 0.9 * hurt,
             "insecurity": max(0.0, 1 - 1.15 * f), "anxiety": 0.7 * hurt,
             "sadness": 0.6 * hurt + 0.05, "trigger": 0.3 * (1 - f),
             "acknowledgment": 1.1 * bell(f, 0.15, 0.3), "responsibility": 1.0 * bell(f, 0.3, 0.3),
             "accountability": 0.9 * min(1.0, max(0.0, 2 * f - 0.2)),
             "transparency": 0.9 * min(1.0, max(0.0, 2 * f - 0.1)),
             "communication": min(1.0, 0.1 + 1.5 * f), "hope": 1.0 * f,
             "connection": 1.1 * f ** 1.2, "safety": 1.4 * max(0.0, f - 0.4),
             "progress": 1.4 * max(0.0, f - 0.3), "gratitude": 0.4 * f, "patience": 0.3,
             "selfcare": 0.6, "support": 0.35, "boundaries": 0.25 * (1 - f), "empathy": 0.3 * f,
             "daily": 0.7}
        req = [(["betrayal", "anger", "insecurity", "anxiety"], 0.9 * hurt),
               (["acknowledgment", "responsibility"], 0.7 * bell(f, 0.25, 0.35)),
               (["accountability", "transparency", "communication"], min(0.9, max(0.0, 1.5 * f - 0.1))),
               (["hope", "connection", "progress"], max(0.0, f - 0.2)),
               (["selfcare"], 0.3)]
        return w, req
    if cid == "c02":
        w = {"betrayal": 1.2, "anger": 1.0, "insecurity": 1.1, "anxiety": 0.6, "sadness": 0.6,
             "trigger": 0.3, "daily": 0.8, "selfcare": 0.15, "support": 0.2, "boundaries": 0.1,
             "rushing": (0.2 if week >= 3 else 0) + (0.9 if week >= 4 else 0)
             + (0.4 if week >= C02_JUMP_WEEK else 0),
             "fake_fine": (0.9 if C02_JUMP_WEEK <= week <= C02_JUMP_WEEK + 3
                           else 0.25 if week > C02_JUMP_WEEK + 3 else 0)}
        req = [(["betrayal", "anger", "insecurity"], 0.88),
               (["rushing"], 0.65 if week >= 5 else 0.2 if week >= 3 else 0)]
        return w, req
    if cid == "c03":
        if phase == "before":
            f = min(1.0, (week - 1) / 7)
            hurt = max(0.1, 1 - 1.2 * f)
            w = {"betrayal": 1.0 * hurt, "anger": 0.7 * hurt, "insecurity": 0.9 * hurt,
                 "anxiety": 0.5 * hurt, "sadness": 0.5 * hurt, "trigger": 0.2,
                 "acknowledgment": 0.8 * bell(f, 0.15, 0.4), "responsibility": 0.8 * bell(f, 0.3, 0.4),
                 "accountability": 0.7 * min(1.0, 0.3 + f), "transparency": 0.9 * min(1.0, 0.3 + f),
                 "communication": 0.9 * min(1.0, 0.4 + f), "hope": 0.5 + 0.9 * f,
                 "connection": 0.2 + 0.9 * f, "progress": max(0.0, f - 0.3) * 1.2,
                 "safety": max(0.0, f - 0.5), "gratitude": 0.3 * f, "patience": 0.3,
                 "selfcare": 0.4, "support": 0.3, "daily": 0.7}
            req = [(["betrayal", "anger", "insecurity"], 0.8 * hurt),
                   (["hope"], 0.35 + 0.4 * f),
                   (["transparency", "communication", "accountability"], 0.5 + 0.3 * f)]
            return w, req
        w = {"betrayal": 1.2, "deception": 1.1, "setback": 1.0, "anger": 0.9,
             "insecurity": 1.0, "sadness": 0.8, "anxiety": 0.5, "trigger": 0.3,
             "selfcare": 0.3, "support": 0.4, "boundaries": 0.3, "daily": 0.6}
        req = [(["betrayal", "deception", "setback"], 0.92), (["setback", "deception"], 0.5)]
        return w, req
    if cid == "c04":
        w = {"avoidance": 2.6, "sadness": 0.8, "anger": 0.6, "insecurity": 0.6, "anxiety": 0.4,
             "betrayal": 0.4, "daily": 0.9, "selfcare": 0.3, "support": 0.35, "mixed": 0.2}
        req = [(["avoidance"], 0.92), (["avoidance"], 0.5)]
        return w, req
    if cid == "c05":
        w = {"mixed": 1.4, "daily": 1.0, "betrayal": 0.3, "anger": 0.25, "insecurity": 0.3,
             "sadness": 0.3, "anxiety": 0.25, "communication": 0.35, "hope": 0.25,
             "connection": 0.3, "acknowledgment": 0.1, "responsibility": 0.1,
             "transparency": 0.15, "accountability": 0.15, "selfcare": 0.4, "support": 0.3,
             "patience": 0.2, "trigger": 0.15, "avoidance": 0.2, "progress": 0.1, "setback": 0.1}
        req = [(["mixed"], 0.7)]
        return w, req
    raise ValueError(cid)


def client_journal(cid, rng, maker):
    """List of (datetime, text) for one client, in date order."""
    weeks = CLIENT_WEEKS[cid]
    out = []
    for week in range(1, weeks + 1):
        monday = START + dt.timedelta(weeks=week - 1)
        n = rng.choice([2, 3, 3, 4, 4, 5]) if cid != "c04" else rng.choice([2, 2, 3, 3, 4])
        if cid == "c03" and week == C03_DISCOVERY_WEEK:
            days = sorted(set(rng.sample(range(2, 7), n - 1)) | {1})
        else:
            days = week_days(rng, n)
        for i, d in enumerate(days):
            when = dt.datetime.combine(monday + dt.timedelta(days=d), entry_time(rng))
            forced = ()
            phase = None
            if cid == "c03":
                phase = "before" if week < C03_DISCOVERY_WEEK else "after"
                if week == C03_DISCOVERY_WEEK and i == 0:
                    when = when.replace(hour=22)
                    maker.part = "evening"
                    forced = (maker.pick("discovery"),)
            w, req = client_weights(cid, week, weeks, phase)
            opener_p = 0.0 if forced else 0.35
            text = maker.compose(when, w, req, forced=forced, opener_p=opener_p)
            out.append((when, text))
    return out


def client_checkins(cid, rng, notes, fill, journal):
    """List of check-in dicts (None ratings when not held), one per week."""
    weeks = CLIENT_WEEKS[cid]
    rows = []
    discovery_day = None
    if cid == "c03":
        disc_week_start = START + dt.timedelta(weeks=C03_DISCOVERY_WEEK - 1)
        discovery_day = min(d.date() for d, _ in journal if d.date() >= disc_week_start)
    noise = [-1, -0.5, 0, 0, 0, 0.5, 1]
    pick_note = NotePicker(rng, notes, fill)
    for week in range(1, weeks + 1):
        monday = START + dt.timedelta(weeks=week - 1)
        day = monday + dt.timedelta(days=rng.randrange(7))
        if cid == "c03" and week == C03_DISCOVERY_WEEK:
            first = (discovery_day - monday).days + 1
            day = monday + dt.timedelta(days=rng.randrange(first, 7))
        row = {"date": day, "held": True}
        note_bank = None
        if cid == "c01":
            f = (week - 1) / (weeks - 1)
            row.update(trust=3 + 4 * f + rng.choice(noise), safety=2.5 + 4 * f + rng.choice(noise),
                       communication=3 + 4.5 * f + rng.choice(noise), mood=4 + 3 * f + rng.choice(noise),
                       self_care=5 + 2 * f + rng.choice(noise))
            made = rng.randint(2, 4)
            kept = max(0, min(made, round(made * (0.5 + 0.5 * f)) + rng.choice([-1, 0, 0, 0])))
            row.update(commitments_made=made, commitments_kept=kept)
            note_bank = "c01_early" if f < 0.3 else "c01_mid" if f < 0.7 else "c01_late"
        elif cid == "c02":
            if week < C02_JUMP_WEEK:
                row.update(trust=rng.choice([2, 2, 2.5, 3, 3]), safety=rng.choice([2, 2.5, 3]),
                           communication=rng.choice([2, 3, 3, 4]), mood=rng.choice([3, 3.5, 4]),
                           self_care=rng.choice([3, 4, 4]),
                           commitments_made=rng.randint(1, 2), commitments_kept=rng.randint(0, 1))
                note_bank = "c02_before"
            elif week < C02_JUMP_WEEK + 2:
                k = week - C02_JUMP_WEEK
                row.update(trust=[8, 9][k], safety=[8, 9][k], communication=[8, 8.5][k],
                           mood=[8, 8][k], self_care=[5, 5][k],
                           commitments_made=0, commitments_kept=0)
                note_bank = "c02_jump"
            elif week < C02_JUMP_WEEK + 5:
                row["held"] = False
                note_bank = "c02_skipped"
            else:
                continue  # check-ins stopped altogether
        elif cid == "c03":
            if week < C03_DISCOVERY_WEEK:
                f = min(1.0, (week - 1) / 7)
                small = [-0.5, 0, 0, 0.5]
                row.update(trust=3 + 4 * f + rng.choice(small), safety=3 + 3.5 * f + rng.choice(small),
                           communication=3.5 + 3.5 * f + rng.choice(small),
                           mood=4 + 3 * f + rng.choice(small), self_care=5 + 1.5 * f + rng.choice(small))
                made = rng.randint(2, 3)
                row.update(commitments_made=made, commitments_kept=made if f > 0.4 else made - 1)
                note_bank = "c03_rise"
            else:
                first = week == C03_DISCOVERY_WEEK
                base = 4 if first else 3
                small = [-0.5, 0, 0, 0]
                row.update(trust=base + rng.choice(small), safety=base - 0.5 + rng.choice(small),
                           communication=base + rng.choice(small), mood=base + rng.choice(small),
                           self_care=4 + rng.choice(small),
                           commitments_made=rng.randint(1, 3), commitments_kept=rng.randint(0, 1))
                note_bank = "c03_after"
                if first:
                    row["note"] = "found the messages"
        elif cid == "c04":
            if week in C04_HELD_WEEKS:
                row.update(trust=rng.choice([2, 2.5, 3]), communication=rng.choice([1, 1.5, 2]),
                           safety=rng.choice([2, 3]), mood=rng.choice([3, 4]),
                           self_care=rng.choice([3, 4, 5]),
                           commitments_made=rng.randint(1, 2), commitments_kept=0)
                note_bank = "c04_held"
                if week == C04_FOUR_WEEK:
                    row["mood"] = "four"  # planted: a rating written as a word
            else:
                row["held"] = False
                note_bank = "c04_skipped"
        elif cid == "c05":
            row.update(trust=5 + rng.choice(noise), communication=5 + rng.choice(noise),
                       safety=5 + rng.choice(noise), mood=5 + rng.choice(noise),
                       self_care=5 + rng.choice(noise))
            made = rng.randint(2, 3)
            row.update(commitments_made=made, commitments_kept=rng.randint(1, made))
            row["sleep_hours"] = round(rng.uniform(5.5, 8.0), 1)
            note_bank = "c05"
        for k in RATINGS:
            if isinstance(row.get(k), (int, float)) and not isinstance(row.get(k), bool):
                row[k] = rating(rng, row[k])
        if "note" not in row:
            row["note"] = pick_note(note_bank)
        rows.append(row)
    return rows


# ---------------------------------------------------------------- personal journal

def personal_weights(week):
    f = (week - 1) / (PERSONAL_WEEKS - 1)
    repair_on = week >= PERSONAL_REPAIR_WEEK
    w = {"hurt": 1.2 * (1 - f) ** 1.5, "anger": 0.8 * max(0.0, 1 - 1.6 * f),
         "rumination": 0.8 * max(0.0, 1 - 1.3 * f), "work_awkward": 0.9 * bell(f, 0.25, 0.35),
         "sadness": 0.6 * (1 - f), "selfcare": 0.7, "support": 0.4 * (1 - 0.5 * f),
         "boundaries": 0.6 * bell(f, 0.35, 0.3), "perspective": 0.45 * bell(f, 0.5, 0.3),
         "hope": 0.2 + 0.8 * f, "repair": 0.9 if repair_on else 0.0,
         "progress": 1.5 * max(0.0, f - 0.35), "gratitude": 0.15 + 0.3 * f, "daily": 0.9}
    req = [(["hurt", "anger", "rumination", "work_awkward"], max(0.0, 0.9 - 1.1 * f)),
           (["selfcare", "support"], 0.35),
           (["hope", "progress"], max(0.0, f - 0.3))]
    return w, req


def personal_journal(rng, maker, banks):
    out = []
    forced_repair = list(banks["repair"][:2])  # the first talk, then the apology
    for week in range(1, PERSONAL_WEEKS + 1):
        monday = START + dt.timedelta(weeks=week - 1)
        n = rng.choice([4, 5, 5, 6])
        for d in week_days(rng, n):
            when = dt.datetime.combine(monday + dt.timedelta(days=d),
                                       entry_time(rng, evening_share=0.55, morning_share=0.35))
            forced = ()
            if week >= PERSONAL_REPAIR_WEEK and forced_repair:
                s = forced_repair.pop(0)
                maker.used[s] = maker.used.get(s, 0) + 1
                forced = (s,)
            w, req = personal_weights(week)
            if forced and w["repair"]:
                w = dict(w, repair=0.0)  # keep the first two repair steps in order
            out.append((when, maker.compose(when, w, req, forced=forced,
                                            opener_p=0.0 if forced else 0.3)))
    return out


def personal_checkins(rng, notes, fill):
    rows = []
    pick_note = NotePicker(rng, notes, fill)
    for week in range(1, PERSONAL_WEEKS + 1):
        f = (week - 1) / (PERSONAL_WEEKS - 1)
        monday = START + dt.timedelta(weeks=week - 1)
        for d in week_days(rng, rng.choice([3, 4, 4, 5])):
            mood = 4 + 3.5 * f + rng.choice([-1, -0.5, 0, 0, 0.5, 1])
            care = 5 + 2.5 * f + rng.choice([-1, 0, 0, 1])
            mood = rating(rng, mood, 0.35)
            bank = ("personal_low" if mood < 4.5 else "personal_high" if mood > 6
                    else "personal_mid")
            rows.append({"date": monday + dt.timedelta(days=d), "mood": mood,
                         "self_care": rating(rng, care, 0.1), "note": pick_note(bank)})
    return rows


# ---------------------------------------------------------------- writers

def csv_text(header, rows, delimiter=",", crlf=False, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return ("\ufeff" if bom else "") + buf.getvalue()


def checkin_row(r, columns):
    out = []
    for c in columns:
        if c == "date":
            out.append(r["date"].isoformat())
        elif c == "held":
            out.append("yes" if r["held"] else "no")
        elif c == "note":
            out.append(r.get("note", ""))
        else:
            out.append(fmt_num(r.get(c)) if r["held"] else "")
    return out


def jsonl(objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def quote_all_csv(header, rows):
    """CSV with the text always quoted (RFC 4180: embedded quotes doubled)."""
    lines = [",".join(header)]
    for date, text in rows:
        lines.append(date + ',"' + text.replace('"', '""') + '"')
    return "\n".join(lines) + "\n"


def build(out_files):
    """Fill `out_files` (relative path -> text) and return facts for the README."""
    banks = load("client_phrases.json")
    pbanks = load("personal_phrases.json")
    notes = load("checkin_notes.json")
    style = load("style.json")
    facts = {"files": [], "planted": {}}

    def pronouns(p):
        he, him, his = {"he": ("he", "him", "his"), "she": ("she", "her", "her")}[p]
        return {"he": he, "him": him, "his": his, "He": he.capitalize(),
                "His": his.capitalize()}

    client_noise = {"paragraph": 0.06, "drop_apostrophe": 0.18, "curly": 0.15,
                    "typo": 0.18, "emoji": 0.08, "lowercase": 0.1}

    for cid in sorted(CLIENT_WEEKS):
        prof = style["clients"][cid]
        fill = dict(pronouns(prof["pronoun"]), p=prof["p"])
        rng = Random(f"{SEED}:{cid}:journal")
        noise = dict(client_noise)
        if cid == "c02":
            noise["paragraph"] = 0.08
        maker = TextMaker(rng, banks, fill, style, noise)
        journal = client_journal(cid, rng, maker)
        crng = Random(f"{SEED}:{cid}:checkins")
        checkins = client_checkins(cid, crng, notes, fill, journal)
        base = f"clients/{cid}/"
        held = sum(1 for r in checkins if r["held"])

        if cid == "c01":
            lines, n = [], 0
            trng = Random(f"{SEED}:{cid}:tags")
            dup_week_start = START + dt.timedelta(weeks=C01_DUPLICATE_WEEK - 1)
            dup_done = False
            for i, (when, text) in enumerate(journal, 1):
                o = {"id": f"c01-{i:04d}", "date": when.isoformat() + "-05:00", "text": text}
                if trng.random() < 0.3:
                    o["tags"] = sorted(trng.sample(style["user_tags"], trng.choice([1, 1, 2])))
                line = json.dumps(o, ensure_ascii=False) + "\n"
                lines.append(line)
                if not dup_done and when.date() >= dup_week_start:
                    lines.append(line)  # planted: the same entry exported twice
                    facts["planted"]["c01_duplicate"] = len(lines)
                    dup_done = True
            out_files[base + "journal.jsonl"] = "".join(lines)
            facts["files"].append((base + "journal.jsonl", f"{len(journal)} entries "
                                   f"({len(lines)} lines: one record exported twice)"))
            out_files[base + "checkins.csv"] = csv_text(
                CHECKIN_COLUMNS, [checkin_row(r, CHECKIN_COLUMNS) for r in checkins])

        elif cid == "c02":
            out_files[base + "journal.csv"] = quote_all_csv(
                ["date", "text"], [(w.strftime("%Y-%m-%d %H:%M"), t) for w, t in journal])
            facts["files"].append((base + "journal.csv", f"{len(journal)} entries"))
            objs = []
            skipped_style = [False, "no", False]
            k = 0
            for r in checkins:
                o = {"date": r["date"].isoformat()}
                if r["held"]:
                    for c in RATINGS + ["commitments_made", "commitments_kept"]:
                        o[c] = r[c]
                    o["held"] = True
                else:
                    o["held"] = skipped_style[k % len(skipped_style)]
                    k += 1
                o["note"] = r["note"]
                objs.append(o)
            out_files[base + "checkins.jsonl"] = jsonl(objs)

        elif cid == "c03":
            objs = [{"date": w.isoformat(), "text": t} for w, t in journal]
            out_files[base + "journal.jsonl"] = jsonl(objs)
            facts["files"].append((base + "journal.jsonl", f"{len(journal)} entries"))
            out_files[base + "checkins.tsv"] = csv_text(
                CHECKIN_COLUMNS, [checkin_row(r, CHECKIN_COLUMNS) for r in checkins],
                delimiter="\t")

        elif cid == "c04":
            rows = [(t, w.strftime("%Y-%m-%d %H:%M:%S"), style["c04_author"]) for w, t in journal]
            out_files[base + "journal.csv"] = csv_text(["entry", "created", "author"], rows)
            facts["files"].append((base + "journal.csv", f"{len(journal)} entries"))
            out_files[base + "checkins.csv"] = csv_text(
                CHECKIN_COLUMNS, [checkin_row(r, CHECKIN_COLUMNS) for r in checkins],
                crlf=True, bom=True)
            for i, r in enumerate(checkins):
                if r.get("mood") == "four":
                    facts["planted"]["c04_four"] = i + 2  # header is line 1, one line per row

        elif cid == "c05":
            erng = Random(f"{SEED}:{cid}:emoji")
            bad_week_start = START + dt.timedelta(weeks=C05_BAD_DATE_WEEK - 1)
            seen_in_week = 0
            lines = []
            for when, text in journal:
                o = {"date": when.isoformat() + "-05:00", "text": text}
                if when.date() >= bad_week_start and "c05_bad_date" not in facts["planted"]:
                    seen_in_week += 1
                    if seen_in_week == 2:
                        o["date"] = "2026-13-40"  # planted: an impossible date
                        facts["planted"]["c05_bad_date"] = len(lines) + 1
                if erng.random() < 0.85:
                    o["mood_emoji"] = erng.choice(style["mood_emoji"][erng.choice(["low", "mid", "mid", "high"])])
                lines.append(json.dumps(o, ensure_ascii=False) + "\n")
            out_files[base + "journal.jsonl"] = "".join(lines)
            facts["files"].append((base + "journal.jsonl", f"{len(journal)} entries "
                                   "(one with an invalid date)"))
            cols = CHECKIN_COLUMNS[:6] + ["sleep_hours"] + CHECKIN_COLUMNS[6:]
            out_files[base + "checkins.csv"] = csv_text(cols, [checkin_row(r, cols) for r in checkins])

        name = {"c02": "checkins.jsonl", "c03": "checkins.tsv"}.get(cid, "checkins.csv")
        facts["files"].append((base + name, f"{len(checkins)} check-ins "
                               f"({held} held, {len(checkins) - held} skipped)"))

    # The personal journal: "me".
    fill = dict(style["personal"])
    rng = Random(f"{SEED}:personal:journal")
    maker = TextMaker(rng, pbanks, fill, style,
                      {"paragraph": 0.2, "drop_apostrophe": 0.04, "curly": 0.5,
                       "typo": 0.05, "emoji": 0.04, "lowercase": 0.02})
    journal = personal_journal(rng, maker, pbanks)
    trng = Random(f"{SEED}:personal:tags")
    objs = []
    for when, text in journal:
        o = {"date": when.isoformat() + "+01:00", "text": text}
        if trng.random() < 0.2:
            o["tags"] = [trng.choice(["work", "swim", "therapy", "family", "sleep", "friends"])]
        objs.append(o)
    out_files["personal/journal.jsonl"] = jsonl(objs)
    facts["files"].append(("personal/journal.jsonl", f"{len(journal)} entries"))
    checkins = personal_checkins(Random(f"{SEED}:personal:checkins"), notes, fill)
    out_files["personal/checkins.csv"] = csv_text(
        ["date", "mood", "self_care", "note"],
        [[r["date"].isoformat(), fmt_num(r["mood"]), fmt_num(r["self_care"]), r["note"]]
         for r in checkins])
    facts["files"].append(("personal/checkins.csv", f"{len(checkins)} check-ins"))
    return facts


def readme(facts):
    tmpl = string.Template((BANK_DIR / "README.template.md").read_text(encoding="utf-8"))
    table = "\n".join(f"| `{p}` | {d} |" for p, d in facts["files"])
    pl = facts["planted"]
    return tmpl.substitute(
        file_table=table,
        dup_line=pl["c01_duplicate"], dup_orig=pl["c01_duplicate"] - 1,
        four_line=pl["c04_four"], bad_date_line=pl["c05_bad_date"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "data",
                    help="output folder (default: data/ at the repository root)")
    args = ap.parse_args(argv)

    files = {}
    facts = build(files)
    if facts["planted"] != EXPECTED_PLANTED:
        sys.exit(f"error: planted records moved: {facts['planted']} != {EXPECTED_PLANTED}; "
                 "update EXPECTED_PLANTED, the docstring and README.template.md")
    files["README.md"] = readme(facts)
    for rel in sorted(files):
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(files[rel])
    for p, d in facts["files"]:
        print(f"{p}: {d}", file=sys.stderr)
    print(f"wrote {len(files)} files under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
