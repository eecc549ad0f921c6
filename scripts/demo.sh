#!/usr/bin/env bash
# The main job: set up, build, and run the demo pipeline on the bundled sample data.
# Outputs go to output/demo/ (workbook, dashboard, HTML, summaries, analysis, rejects).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product trustlens
.build/debug/trustlens run pipelines/demo.yml "$@"
echo "demo: outputs in output/demo/ — try: cat output/demo/dashboard.txt" >&2
