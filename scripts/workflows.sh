#!/usr/bin/env bash
# Runs the three workflows on generated data of realistic size, with timings:
# a caseload of 50 clients × 12 months, a monthly sheet on two years of one journal, and
# 30 nightly runs with a few new entries each. Outputs under output/workload/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product trustlens >&2
B=.build/debug/trustlens
W=output/workload
rm -rf "$W" && mkdir -p "$W"
python3 scripts/make_workload.py caseload --clients 50 --months 12 --out "$W/caseload-in"
python3 scripts/make_workload.py journal --years 2 --out "$W/journal-in"
cat > "$W/caseload.yml" <<YML
name: caseload
timezone: America/New_York
inputs: [{path: caseload-in, subject: folder}]
pseudonymize: true
outputs: {dir: caseload-out, per_subject: true, formats: [xlsx, dashboard, html, markdown, json, rejects]}
YML
cat > "$W/nightly.yml" <<YML
name: nightly
timezone: America/New_York
inputs: [{path: nightly-in, subject: folder}]
state: nightly-out/state.sqlite
outputs: {dir: nightly-out, formats: [xlsx, dashboard, markdown, json, analysis, rejects]}
alerts: {fail_on: [rushing, setback]}
YML
echo "== caseload: 50 clients x 12 months" >&2
time (TRUSTLENS_PSEUDONYM_KEY="${TRUSTLENS_PSEUDONYM_KEY:-workload-demo-key-not-secret}" $B run "$W/caseload.yml")
echo "== monthly sheet: two years of one journal" >&2
time $B report --month 2026-06 "$W/journal-in" --subject me --timezone America/New_York --out "$W/monthly-out" > "$W/monthly.txt"
echo "== nightly: 30 runs with a few new entries each" >&2
cp -r "$W/caseload-in" "$W/nightly-in"
start=$(date +%s)
for day in $(seq 400 429); do
  python3 scripts/make_workload.py nightly-day --day "$day" --out "$W/nightly-in"
  $B run "$W/nightly.yml" 2>/dev/null || true
  python3 -c "import json;c=json.load(open('$W/nightly-out/summary.json'))['counts'];print('night $day: analyzed', c['analyzed'], 'reused', c['reused'])" >&2
done
echo "30 nightly runs in $(( $(date +%s) - start )) s" >&2
