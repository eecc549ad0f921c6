#!/usr/bin/env bash
# Peak memory of reading hostile inputs: one ~100 MB file of each shape that once blew memory
# up (or could), read by the release build with `analyze` (output thrown away), and the
# peak resident set size of each run (GNU time's %M). Issue #21's target: under 100 MB each.
#
# Usage: scripts/import-rss.sh [MB]      (default 100; files are made once under output/rss/)
#        TRUSTLENS=path/to/trustlens scripts/import-rss.sh   to measure another build
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-100}"
binary="${TRUSTLENS:-.build/release/trustlens}"
if [ -z "${TRUSTLENS:-}" ]; then swift build -c release --product trustlens >&2; fi
folder="output/rss/$megabytes"
mkdir -p "$folder"
python3 - "$folder" "$megabytes" <<'PY'
import os, sys, zipfile
folder, mb = sys.argv[1], int(sys.argv[2])
size = mb << 20
def make(name, write):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        with open(path, "wb") as f: write(f)
line = b"short line of text here\n"
block = line * 4096
def repeat(f, head, chunk, tail=b""):
    f.write(head)
    for _ in range(size // len(chunk)): f.write(chunk)
    f.write(tail)
# jrnl and Markdown: one entry of short lines (H1), then one more entry.
make("multiline.txt", lambda f: repeat(f, b"[2026-01-01 10:00] start\n", block, b"[2026-01-02 10:00] next\n"))
make("multiline.md", lambda f: repeat(f, b"## 2026-01-01 start\n", block, b"## 2026-01-02 next\nkept\n"))
# A daily note of one 100 MB body.
make("2026-01-01.md", lambda f: repeat(f, b"---\ntags: [a]\n---\n", block))
# JSON Lines and CSV: one line, one quoted field, one ragged row of a million cells.
make("one-line.jsonl", lambda f: repeat(f, b'{"date":"2026-01-01","text":"', b"a" * 65536, b'"}\n{"date":"2026-01-02","text":"after"}\n'))
make("one-field.csv", lambda f: repeat(f, b'date,text\n2026-01-01,"', b"a" * 65536, b'"\n2026-01-02,after\n'))
make("wide-row.csv", lambda f: repeat(f, b"date,text\n2026-01-01,x", b",1" * 32768, b"\n2026-01-02,after\n"))
# Day One: a document of 33 million empty entries (H2), and one entry of 100 MB of text.
make("empty-entries.json", lambda f: repeat(f, b'{"entries":[', b"{}," * 21845, b"{}]}"))
make("huge-entry.json", lambda f: repeat(f, b'{"entries":[{"creationDate":"2026-01-01T10:00:00Z","text":"', b"a" * 65536, b'"},{"creationDate":"2026-01-02T10:00:00Z","text":"after"}]}'))
# A Daylio export with one 100 MB note.
make("daylio.csv", lambda f: repeat(f, b"full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-01,Jan 1,Thursday,10:00,good,,,\"", b"a" * 65536, b'"\n'))
# UTF-16 and Windows-1252: a transcoded 100 MB line.
make("utf16.tsv", lambda f: repeat(f, b"\xff\xfe" + "date\ttext\n2026-01-01\t".encode("utf-16-le"), "a".encode("utf-16-le") * 32768, "\n".encode("utf-16-le")))
make("cp1252.csv", lambda f: repeat(f, b"date,text\n2026-01-01,caf\xe9 ", b"\xe9" * 65536, b"\n"))
# A zip bomb: 8 documents of 600 MiB of spaces, about 5 MB zipped.
bomb = os.path.join(folder, "bomb.zip")
if not os.path.exists(bomb):
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for k in range(8):
            with z.open(f"J{k}.json", "w", force_zip64=True) as w:
                w.write(b'{"entries":[')
                for i in range(600): w.write(b" " * (1 << 20))
                w.write(b"]}")
PY
printf "%-22s %10s %8s %s\n" "input" "file MB" "peak MB" "seconds"
for file in "$folder"/*; do
  name=$(basename "$file")
  # time's figures go to a file: the command's own standard error is thrown away.
  /usr/bin/time -o "$folder.time" -f "%M %e" "$binary" analyze "$file" --subject x >/dev/null 2>/dev/null || true
  stats=$(tail -1 "$folder.time")
  printf "%-22s %10.1f %8.1f %s\n" "$name" "$(stat -c %s "$file" | awk '{print $1 / 1048576}')" "$(echo "$stats" | awk '{print $1 / 1024}')" "$(echo "$stats" | awk '{print $2}')"
done
# Standard input, and explain - (capped at 1 MiB).
stats=$( { /usr/bin/time -f "%M %e" sh -c "cat '$folder/one-line.jsonl' | '$binary' analyze - --subject x >/dev/null 2>/dev/null" || true; } 2>&1 | tail -1)
printf "%-22s %10s %8.1f %s\n" "one-line.jsonl (stdin)" "-" "$(echo "$stats" | awk '{print $1 / 1024}')" "$(echo "$stats" | awk '{print $2}')"
stats=$( { /usr/bin/time -f "%M %e" sh -c "cat '$folder/multiline.txt' | '$binary' explain - >/dev/null 2>/dev/null" || true; } 2>&1 | tail -1)
printf "%-22s %10s %8.1f %s\n" "explain - (multiline)" "-" "$(echo "$stats" | awk '{print $1 / 1024}')" "$(echo "$stats" | awk '{print $2}')"
