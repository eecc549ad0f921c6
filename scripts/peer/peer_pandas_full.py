"""The pandas peer writing what a TrustLens run writes: a sensitivity check, not the headline.

`peer_pandas.py` is the pipeline the performance issue describes, kept minimal: an Entries
sheet of date, subject, valence and eight NRC emotion counts, and a Weekly sheet. A TrustLens
run writes more, so this variant does the same analysis (VADER valence, NRC emotions) but
writes the same shape of outputs: an Entries sheet with kind, words, valence, the NRC
emotions as intensities, an evidence cell naming the matched words per emotion, source and
id; Weekly and Monthly sheets per subject with texts, mean valence, mean emotion intensities,
mean ratings and check-ins held and skipped; a Check-ins sheet; and report.json with each
subject's weekly series. One core, pandas and XlsxWriter. Run by scripts/bench_pipeline.sh.

  python peer_pandas_full.py JOURNAL.jsonl CHECKINS.csv OUT.xlsx [LIMIT]
"""
import json
import re

import pandas as pd

from peer_pandas import arguments, scored_entries
from peer_pipeline import nrc_lexicon

EMOTIONS = ["anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise", "trust"]
RATINGS = ["trust", "communication", "safety", "self_care", "mood"]


def main():
    journal, checkins, out, limit = arguments()
    nrc = nrc_lexicon()
    entries = scored_entries(journal, limit)
    entries["kind"] = "entry"
    entries["source"] = [f"{journal}:{n + 1}" for n in range(len(entries))]

    def emotions(text):
        words = re.findall(r"[a-z']+", text.lower())
        matched = {emotion: [] for emotion in EMOTIONS}
        for word in words:
            for emotion in nrc.get(word, []):
                if emotion in matched:
                    matched[emotion].append(word)
        row = {"words": len(words)}
        for emotion in EMOTIONS:
            row[emotion] = min(1.0, len(matched[emotion]) / 5) or None
        row["evidence"] = "; ".join(f"{e}: {', '.join(dict.fromkeys(w))}" for e, w in matched.items() if w)
        return pd.Series(row)

    entries = pd.concat([entries, entries["text"].apply(emotions)], axis=1)
    checks = pd.read_csv(checkins)
    checks["date"] = pd.to_datetime(checks["date"])
    if limit is not None:
        checks = checks[checks["date"] <= entries["date"].max()]

    def rollup(freq):
        texts = entries.assign(period=entries["date"].dt.to_period(freq).dt.start_time)
        table = texts.groupby(["subject", "period"]).agg(
            texts=("text", "size"), valence=("valence", "mean"), **{e: (e, "mean") for e in EMOTIONS})
        held = checks.assign(period=checks["date"].dt.to_period(freq).dt.start_time)
        kept = held[held["held"] == "yes"]
        ratings = kept.groupby(["subject", "period"])[RATINGS].mean().add_prefix("rating_")
        counts = held.groupby(["subject", "period"])["held"].agg(
            held=lambda h: (h == "yes").sum(), skipped=lambda h: (h != "yes").sum())
        return table.join(ratings, how="outer").join(counts, how="outer").reset_index()

    weekly, monthly = rollup("W-SUN"), rollup("M")
    with pd.ExcelWriter(out, engine="xlsxwriter") as writer:
        columns = ["date", "subject", "kind", "words", "valence"] + EMOTIONS + ["evidence", "source", "id"]
        entries[columns].to_excel(writer, sheet_name="Entries", index=False)
        weekly.to_excel(writer, sheet_name="Weekly", index=False)
        monthly.to_excel(writer, sheet_name="Monthly", index=False)
        checks.to_excel(writer, sheet_name="Check-ins", index=False)
    report = {subject: json.loads(group.drop(columns="subject").to_json(orient="records", date_format="iso"))
              for subject, group in weekly.groupby("subject")}
    with open(out.replace(".xlsx", ".json"), "w") as handle:
        json.dump(report, handle)
    print(f"peer (pandas, full outputs): {len(entries)} entries")


if __name__ == "__main__":
    main()
