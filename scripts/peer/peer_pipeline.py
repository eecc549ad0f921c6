"""The Python way: what a user would otherwise write to do TrustLens's job.

VADER (vaderSentiment) for valence, the NRC emotion lexicon (nrclex's word list) for
emotions, weekly aggregation per subject, and XlsxWriter for an Entries and a Weekly sheet.
Straightforward code, one core. Run by scripts/bench_pipeline.sh in .venv-bench/.

  python peer_pipeline.py JOURNAL.jsonl CHECKINS.csv OUT.xlsx [LIMIT]
"""
import csv, datetime as dt, json, os, re, sys
from collections import defaultdict

import nrclex
import xlsxwriter
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def nrc_lexicon():
    folder = os.path.dirname(nrclex.__file__)
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".json"):
                data = json.load(open(os.path.join(root, name), encoding="utf-8"))
                if isinstance(data, dict) and len(data) > 1000:
                    return data
    raise SystemExit("nrc lexicon not found in nrclex")


def main():
    journal, checkins, out = sys.argv[1], sys.argv[2], sys.argv[3]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    vader = SentimentIntensityAnalyzer()
    nrc = nrc_lexicon()
    emotions = ["anger", "fear", "sadness", "trust", "joy", "anticipation", "disgust", "surprise"]
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    entries = book.add_worksheet("Entries")
    entries.write_row(0, 0, ["date", "subject", "valence"] + emotions)
    weekly = defaultdict(lambda: {"n": 0, "valence": 0.0, **{e: 0 for e in emotions}})
    row = 0
    with open(journal, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record["text"]
            valence = vader.polarity_scores(text)["compound"]
            counts = dict.fromkeys(emotions, 0)
            for word in re.findall(r"[a-z']+", text.lower()):
                for emotion in nrc.get(word, []):
                    if emotion in counts:
                        counts[emotion] += 1
            date = dt.datetime.fromisoformat(record["date"]).date()
            week = date - dt.timedelta(days=date.weekday())
            bucket = weekly[(record["subject"], week)]
            bucket["n"] += 1
            bucket["valence"] += valence
            for emotion in emotions:
                bucket[emotion] += counts[emotion]
            row += 1
            entries.write_row(row, 0, [str(date), record["subject"], valence] + [counts[e] for e in emotions])
            if limit and row >= limit:
                break
    ratings = defaultdict(list)
    with open(checkins, encoding="utf-8") as handle:
        for item in csv.DictReader(handle):
            if item["held"] == "yes" and item["trust"]:
                date = dt.date.fromisoformat(item["date"])
                ratings[(item["subject"], date - dt.timedelta(days=date.weekday()))].append(float(item["trust"]))
    sheet = book.add_worksheet("Weekly")
    sheet.write_row(0, 0, ["subject", "week", "entries", "valence", "trust"] + emotions)
    for index, ((subject, week), bucket) in enumerate(sorted(weekly.items())):
        trust = ratings.get((subject, week))
        sheet.write_row(index + 1, 0, [subject, str(week), bucket["n"], bucket["valence"] / bucket["n"],
                                       sum(trust) / len(trust) if trust else ""] + [bucket[e] / bucket["n"] for e in emotions])
    book.close()
    print(f"peer: {row} entries")


if __name__ == "__main__":
    main()
