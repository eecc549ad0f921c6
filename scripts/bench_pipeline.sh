#!/usr/bin/env bash
# The whole-run benchmark against the Python peer, measured in the same command.
# Usage: scripts/bench_pipeline.sh [ENTRIES…]   (default: 10000 100000; 1000000 works too)
# For each size: a generated corpus (JSONL journals of 50 subjects, median ~90 words with a
# long tail and non-ASCII text, weekly check-ins), then
#   - TrustLens (release build): `analyze` alone and the whole `run` (import → analysis →
#     trends → workbook with the full Entries sheet → dashboard → summary), time and peak RSS;
#   - the Python peer (scripts/peer/peer_pipeline.py: vaderSentiment + NRC lexicon + weekly
#     aggregation + XlsxWriter) on the first 10,000 entries, compared per MB.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product trustlens >&2
swift build -c release --product trustlens-bench >&2
if [ ! -x .venv-bench/bin/python ]; then python3 -m venv .venv-bench; fi
.venv-bench/bin/pip install -q vaderSentiment nrclex xlsxwriter >&2
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
root=output/bench && mkdir -p "$root"
measure() {  # measure OUTFILE command… → prints "seconds peak_kb"
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "${@:2}" > "$1" 2>/dev/null || true
  cat "$log"; rm -f "$log"
}
printf "%-9s %-8s %-26s %-26s %-20s %s\n" entries MB "analyze (s, MB/s, RSS MB)" "whole run (s, MB/s, RSS MB)" "peer (s, MB/s)" "run / peer"
for n in "${sizes[@]}"; do
  dir="$root/corpus-$n"
  [ -f "$dir/journal.jsonl" ] || .build/release/trustlens-bench corpus "$n" "$dir" >&2
  mb=$(python3 -c "import os;print(round(os.path.getsize('$dir/journal.jsonl')/1048576,1))")
  cat > "$dir/run.yml" <<YML
name: bench
timezone: America/New_York
inputs: [journal.jsonl, checkins.csv]
outputs: {dir: out, formats: [xlsx, dashboard, json, analysis]}
max_rejected: 100%
YML
  read -r as ar <<<"$(measure /dev/null .build/release/trustlens analyze "$dir/journal.jsonl" --timezone UTC)"
  rm -rf "$dir/out"
  read -r rs rr <<<"$(measure /dev/null .build/release/trustlens run "$dir/run.yml")"
  peer_n=$(( n < 10000 ? n : 10000 ))
  peer_mb=$(python3 -c "
import itertools;print(round(sum(len(l) for l in itertools.islice(open('$dir/journal.jsonl','rb'),$peer_n))/1048576,2))")
  read -r ps _ <<<"$(measure /dev/null .venv-bench/bin/python scripts/peer/peer_pipeline.py "$dir/journal.jsonl" "$dir/checkins.csv" "$dir/peer.xlsx" "$peer_n")"
  python3 - "$n" "$mb" "$as" "$ar" "$rs" "$rr" "$ps" "$peer_mb" <<'PY'
import sys
n, mb, a_s, a_r, r_s, r_r, p_s, p_mb = sys.argv[1], *map(float, sys.argv[2:])
run_rate, peer_rate = mb / r_s, p_mb / p_s
print(f"{n:<9} {mb:<8} {a_s:5.1f} {mb/a_s:6.1f} {a_r/1024:6.0f}       {r_s:5.1f} {run_rate:6.1f} {r_r/1024:6.0f}       {p_s:5.1f} {peer_rate:6.2f}       {run_rate/peer_rate:5.1f}x")
PY
done
