#!/usr/bin/env bash
# Fuzzes every reader, the lexicon loader, the analyzer and the pipeline-file parser with libFuzzer.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 60 s, all targets)
# FUZZ_RUNS=N runs each target for N executions instead of a time (-runs=N).
# FUZZ_MAX_LEN=BYTES caps an input (default 65536); FUZZ_LEAKS=0 turns off LeakSanitizer's
# check after inputs that allocated more than they freed (it costs most of a reader's
# execution; the long runs in the README use it off, the default keeps it on).
# The readers' targets check on every input that records start on lines of the input, that
# reads of 7 bytes give what a whole read gives, and that ingest reconciles
# (records = entries + check-ins + rejected + duplicates).
# Seeds: scripts/fuzz-corpus/TARGET/ (committed); findings: output/fuzz/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
seconds="${1:-60}"
# Swift's own backtracer would catch a failed precondition before libFuzzer writes the input.
export SWIFT_BACKTRACE=enable=no
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl csv tsv jrnl markdown dayone daylio daily-notes lexicon text pipeline)
# FUZZ_ASAN=0 builds without AddressSanitizer (libFuzzer's coverage only; the invariants are
# preconditions and Swift checks bounds itself): about three times the executions per second,
# for the long runs; the default build has it.
if [ "${FUZZ_ASAN:-1}" = 0 ]; then
  scratch=.build-fuzz-plain sanitizers=fuzzer
else
  scratch=.build-fuzz sanitizers=fuzzer,address
fi
swift build -c release --scratch-path "$scratch" --product trustlens-fuzz \
  -Xswiftc -sanitize="$sanitizers" -Xswiftc -DFUZZING >&2
binary="$scratch/release/trustlens-fuzz"
for target in "${targets[@]}"; do
  work="output/fuzz/$target"
  mkdir -p "$work/corpus" "$work/crashes"
  cp -n scripts/fuzz-corpus/"$target"/* "$work/corpus/" 2>/dev/null || true
  echo "== $target ($seconds s)" >&2
  limit=(-max_total_time="$seconds")
  [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
  TRUSTLENS_FUZZ_TARGET="$target" "$binary" "$work/corpus" "${limit[@]}" -max_len="${FUZZ_MAX_LEN:-65536}" \
    -detect_leaks="${FUZZ_LEAKS:-1}" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/crashes/" -print_final_stats=1 2>"$work/log.txt" || {
    echo "   FINDING: see $work/crashes/ and $work/log.txt" >&2
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/log.txt" | sed "s/^/   /" >&2
  echo "   crashes: $(find "$work/crashes" -type f | wc -l)" >&2
done
