#!/usr/bin/env bash
# Runs the ready pipelines with two trustlens binaries and lists every output that differs
# (workbooks compared part by part, unzipped). For refactorings that must not change outputs:
#   scripts/compare_outputs.sh OLD_BINARY NEW_BINARY
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TRUSTLENS_PSEUDONYM_KEY=compare-outputs-key-0123456789
for pipeline in pipelines/*.yml; do
  name=$(basename "$pipeline" .yml)
  for side in old new; do
    mkdir -p "$work/$side/pipelines"
    ln -sfn "$PWD/data" "$work/$side/data"
    sed "s|^state:.*||" "$pipeline" > "$work/$side/pipelines/$name.yml"
    bin=$old; [ "$side" = new ] && bin=$new
    (cd "$work/$side" && "$bin" run "pipelines/$name.yml" --as-of 2026-04-30 >/dev/null 2>"$work/$side/$name.stderr") || true
  done
done
for side in old new; do
  find "$work/$side/output" -name '*.xlsx' | while read -r x; do mkdir -p "$x.d" && (cd "$x.d" && unzip -qo "$x") && rm "$x"; done
done
diff -r -q "$work/old/output" "$work/new/output" | sed "s|$work/||g" || true
diff -r "$work/old/output" "$work/new/output" > "$work/full.diff" || true
echo "$(grep -c '^[<>]' "$work/full.diff" || true) differing lines; first ones:"
head -40 "$work/full.diff" | cut -c1-300
