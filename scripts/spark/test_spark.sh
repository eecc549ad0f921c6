#!/usr/bin/env bash
# Runs the PySpark example in Spark's local mode and checks that assessing the cluster's
# shards gives exactly what a single-machine run gives. Needs Java 17 and PyPI (pyspark is
# installed into .venv-spark/). Usage: scripts/spark/test_spark.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
swift build --product trustlens >&2
B="$PWD/.build/debug/trustlens"
[ -x .venv-spark/bin/python ] || { python3 -m venv .venv-spark && .venv-spark/bin/pip install -q pyspark; }
W=output/spark && rm -rf "$W" && mkdir -p "$W"
# Journal lines with id and subject, from the sample clients.
python3 - "$W/journal.jsonl" <<'PY'
import csv, glob, json, os, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for path in sorted(glob.glob("data/clients/*/journal.*")):
    client = os.path.basename(os.path.dirname(path))
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()] if path.endswith(".jsonl") else list(csv.DictReader(open(path, encoding="utf-8-sig")))
    for n, row in enumerate(rows):
        date = row.get("date") or row.get("created")
        text = row.get("text") or row.get("entry")
        if date and text and not date.startswith("2026-13"):
            out.write(json.dumps({"id": f"{client}-{n}", "subject": client, "date": date, "text": text}) + "\n")
PY
.venv-spark/bin/python scripts/spark/analyze_job.py "$B" "$W/journal.jsonl" "$W/shards" America/New_York
"$B" trends "$W/journal.jsonl" --timezone America/New_York > "$W/single.json"
"$B" trends "$W/shards" --timezone America/New_York > "$W/cluster.json"
if cmp -s "$W/single.json" "$W/cluster.json"; then
  echo "spark: $(ls "$W"/shards/part-* | wc -l) shards; trends identical to the single-machine run"
else
  echo "spark: trends differ (see $W/single.json and $W/cluster.json)" >&2
  exit 1
fi
