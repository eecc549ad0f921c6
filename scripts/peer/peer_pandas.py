"""The Python way as the issue describes it: vaderSentiment, pandas and XlsxWriter.

What a user would write with the usual tools: load the journal and check-ins into
DataFrames, score each text with VADER, count NRC emotion words, aggregate per subject and
week with pandas, and write Entries and Weekly sheets with `DataFrame.to_excel` (engine
XlsxWriter). One core. Run by scripts/bench_pipeline.sh in .venv-bench/.

  python peer_pandas.py JOURNAL.jsonl CHECKINS.csv OUT.xlsx [LIMIT]
"""
import re
import sys

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from peer_pipeline import nrc_lexicon

EMOTIONS = ["anger", "fear", "sadness", "trust", "joy", "anticipation", "disgust", "surprise"]


def arguments():
    """JOURNAL, CHECKINS, OUT and the optional LIMIT of the command line."""
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    return sys.argv[1], sys.argv[2], sys.argv[3], limit


def scored_entries(journal, limit):
    """The journal as a DataFrame (naive UTC dates) with VADER's compound valence."""
    vader = SentimentIntensityAnalyzer()
    entries = pd.read_json(journal, lines=True, nrows=limit, dtype={"subject": str, "id": str})
    entries["date"] = pd.to_datetime(entries["date"], utc=True).dt.tz_convert(None)
    entries["valence"] = entries["text"].map(lambda text: vader.polarity_scores(text)["compound"])
    return entries


def main():
    journal, checkins, out, limit = arguments()
    nrc = nrc_lexicon()
    entries = scored_entries(journal, limit)

    def emotion_counts(text):
        counts = dict.fromkeys(EMOTIONS, 0)
        for word in re.findall(r"[a-z']+", text.lower()):
            for emotion in nrc.get(word, []):
                if emotion in counts:
                    counts[emotion] += 1
        return pd.Series(counts)

    entries = pd.concat([entries, entries["text"].apply(emotion_counts)], axis=1)
    entries["week"] = entries["date"].dt.to_period("W-SUN").dt.start_time
    weekly = entries.groupby(["subject", "week"]).agg(
        entries=("text", "size"), valence=("valence", "mean"), **{e: (e, "mean") for e in EMOTIONS}).reset_index()
    ratings = pd.read_csv(checkins)
    ratings = ratings[ratings["held"] == "yes"]
    ratings["week"] = pd.to_datetime(ratings["date"]).dt.to_period("W-SUN").dt.start_time
    trust = ratings.groupby(["subject", "week"])["trust"].mean().rename("trust").reset_index()
    weekly = weekly.merge(trust, on=["subject", "week"], how="left")
    with pd.ExcelWriter(out, engine="xlsxwriter") as writer:
        entries[["date", "subject", "valence"] + EMOTIONS].to_excel(writer, sheet_name="Entries", index=False)
        weekly.to_excel(writer, sheet_name="Weekly", index=False)
    print(f"peer (pandas): {len(entries)} entries")


if __name__ == "__main__":
    main()
