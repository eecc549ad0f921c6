#!/usr/bin/env bash
# The performance benchmark, with the Python peers measured in the same command.
# Usage: scripts/bench_pipeline.sh [ENTRIES…]   (default: 10000 100000 1000000)
#
# Prints, on this machine:
#   1. analysis throughput of journal text, evidence on, on one core and on every core
#      (trustlens-bench analyze, in-process, the corpus generator's journal-length texts);
#   2. per size: a generated corpus (JSONL journals, median ~90 words with a long tail and
#      non-ASCII text, weekly check-ins; one subject per ~700 entries), then
#      - `trustlens analyze` as a streaming filter (JSONL with evidence to /dev/null),
#      - the whole demo-shaped `run` (import → analysis → trends → workbook with the full
#        Entries sheet → dashboard → report.json/summary.json) with its stage times,
#      each with wall time, MB/s, entries/s and peak resident memory;
#   3. the peers on the first 10,000 entries, per MB: the pandas pipeline the issue describes
#      (vaderSentiment + NRC + pandas weekly aggregation + XlsxWriter; scripts/peer/peer_pandas.py)
#      and a leaner plain-Python one (scripts/peer/peer_pipeline.py), and TrustLens/peer ratios;
#      also the pandas pipeline writing what a run writes (Entries with evidence, source and id,
#      Weekly, Monthly, Check-ins, report JSON; scripts/peer/peer_pandas_full.py), as a check;
#   4. memory against entries: the 1M run's peak over the 100k run's peak, with subjects
#      growing with entries (default corpora) and with the subject count held at the 100k
#      corpus's 142 (BENCH_SUBJECTS=142), which isolates the number of entries.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product trustlens >&2
swift build -c release --product trustlens-bench >&2
if [ ! -x .venv-bench/bin/python ]; then python3 -m venv .venv-bench; fi
.venv-bench/bin/pip install -q vaderSentiment nrclex xlsxwriter pandas >&2
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
root=output/bench && mkdir -p "$root"
measure() {  # measure LOG command… → prints "seconds peak_kb"; the command's stderr goes to LOG
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "${@:2}" > /dev/null 2> "$1" || true
  cat "$log"; rm -f "$log"
}
corpus() {  # corpus ENTRIES DIR [SUBJECTS]
  [ -f "$2/journal.jsonl" ] || BENCH_SUBJECTS="${3:-}" .build/release/trustlens-bench corpus "$1" "$2" >&2
  cat > "$2/run.yml" <<YML
name: bench
timezone: America/New_York
inputs: [journal.jsonl, checkins.csv]
outputs: {dir: out, formats: [xlsx, dashboard, json]}
max_rejected: 100%
YML
}
megabytes() { python3 -c "import os;print(round(os.path.getsize('$1')/1048576,1))"; }

echo "== analysis, evidence on (trustlens-bench analyze 100)"
.build/release/trustlens-bench analyze 100

echo
echo "== peers on the first 10,000 entries"
corpus 10000 "$root/corpus-10000"
peer_mb=$(python3 -c "
import itertools;print(round(sum(len(l) for l in itertools.islice(open('$root/corpus-10000/journal.jsonl','rb'),10000))/1048576,2))")
read -r pandas_s _ <<<"$(measure /dev/null .venv-bench/bin/python scripts/peer/peer_pandas.py "$root/corpus-10000/journal.jsonl" "$root/corpus-10000/checkins.csv" "$root/corpus-10000/peer-pandas.xlsx" 10000)"
read -r lean_s _ <<<"$(measure /dev/null .venv-bench/bin/python scripts/peer/peer_pipeline.py "$root/corpus-10000/journal.jsonl" "$root/corpus-10000/checkins.csv" "$root/corpus-10000/peer.xlsx" 10000)"
read -r full_s _ <<<"$(measure /dev/null .venv-bench/bin/python scripts/peer/peer_pandas_full.py "$root/corpus-10000/journal.jsonl" "$root/corpus-10000/checkins.csv" "$root/corpus-10000/peer-full.xlsx" 10000)"
python3 - "$peer_mb" "$pandas_s" "$lean_s" "$full_s" > "$root/peers.txt" <<'PY'
import sys
mb, pandas_s, lean_s, full_s = map(float, sys.argv[1:])
print(f"{mb / pandas_s:.3f} {mb / lean_s:.3f} {mb / full_s:.3f}")
PY
read -r pandas_rate lean_rate full_rate < "$root/peers.txt"
echo "pandas peer: $pandas_s s for $peer_mb MB = $pandas_rate MB/s;  lean peer: $lean_s s = $lean_rate MB/s"
echo "pandas peer writing a run's outputs (a check, not the headline): $full_s s = $full_rate MB/s"

echo
echo "== TrustLens by size (release build, $(nproc) cores)"
printf "%-9s %-8s %-9s %-30s %-38s %s\n" entries MB subjects "analyze (s, MB/s, RSS MB)" "whole run (s, MB/s, entries/s, RSS MB)" "run/pandas  run/lean  run/pandas-full"
declare -A peak
run_size() {  # run_size ENTRIES DIR LABEL
  local n=$1 dir=$2 label=$3 mb subjects as ar rs rr
  mb=$(megabytes "$dir/journal.jsonl")
  read -r as ar <<<"$(measure /dev/null .build/release/trustlens analyze "$dir/journal.jsonl" --timezone UTC)"
  rm -rf "$dir/out"
  read -r rs rr <<<"$(measure "$dir/timings.txt" .build/release/trustlens run "$dir/run.yml" --timings)"
  peak[$label]=$rr
  subjects=$(grep -o '[0-9]* subjects' "$dir/timings.txt" | head -1 | cut -d' ' -f1)
  python3 - "$label" "$n" "$mb" "$subjects" "$as" "$ar" "$rs" "$rr" "$pandas_rate" "$lean_rate" "$full_rate" <<'PY'
import sys
label, n, mb, subjects = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
a_s, a_r, r_s, r_r, pandas, lean, full = map(float, sys.argv[5:])
rate = mb / r_s
print(f"{label:<9} {mb:<8} {subjects:<9} {a_s:5.1f} {mb/a_s:6.1f} {a_r/1024:6.0f}            "
      f"{r_s:5.1f} {rate:6.1f} {n/r_s:9.0f} {r_r/1024:6.0f}         {rate/pandas:5.1f}x     {rate/lean:5.1f}x    {rate/full:5.1f}x")
PY
  grep '^timing:' "$dir/timings.txt" | sed 's/^timing: /            /'
}
for n in "${sizes[@]}"; do
  corpus "$n" "$root/corpus-$n"
  run_size "$n" "$root/corpus-$n" "$n"
done

if [[ " ${sizes[*]} " == *" 100000 "* && " ${sizes[*]} " == *" 1000000 "* ]]; then
  corpus 1000000 "$root/corpus-1000000-s142" 142
  run_size 1000000 "$root/corpus-1000000-s142" "1M/142"
  echo
  echo "== memory against entries (peak RSS of the whole run)"
  python3 - "${peak[100000]}" "${peak[1000000]}" "${peak[1M/142]}" <<'PY'
import sys
p100k, p1m, p1m_fixed = (int(v) / 1024 for v in sys.argv[1:])
print(f"100k entries, 142 subjects:   {p100k:6.0f} MB")
print(f"1M entries, 1428 subjects:    {p1m:6.0f} MB  ({p1m / p100k:.2f}x the 100k run; subjects grow with entries)")
print(f"1M entries, 142 subjects:     {p1m_fixed:6.0f} MB  ({p1m_fixed / p100k:.2f}x the 100k run; entries alone grow)")
PY
fi
