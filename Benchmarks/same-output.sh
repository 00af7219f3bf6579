#!/usr/bin/env bash
# Checks that two builds of `verdict` write the same bytes: what a speed change must keep. For
# every case it runs both binaries and compares standard output, standard error and the exit
# status; it prints each case that differs and exits 1 if any does.
#
#   Benchmarks/same-output.sh OLD_VERDICT NEW_VERDICT
#
# The cases, each in every report format (table, csv, json, jsonl, with and without --explain):
#   - every policy of rules/ with rules/clients.csv, and rules/exports/ with its tables;
#   - every policy of docs/examples/ with every data file there (most pairs do not fit, and
#     their errors are compared too);
#   - the shared benchmark's policy on 100,000 generated clients, as CSV and as JSON Lines;
#   - the same clients damaged by a seeded mutator: bytes flipped, quotes and separators added
#     or dropped, rows cut short or doubled, invalid UTF-8, cells of the wrong type;
#   - the same clients as JSON Lines, damaged: bytes flipped, lines cut short, split in two or
#     doubled, blank lines, CRLF endings, a byte order mark (read on several threads, by parts);
#   - Benchmarks/test-bench.verdict (population functions) on 50,000 clients of run-bench;
#   - Benchmarks/aggregate-bench.verdict on 200,000 invoices of run-bench, and on the same
#     invoices damaged (cells that do not read, records without a key).
# Data goes to bench-data/ (git-ignored).
set -uo pipefail
cd "$(dirname "$0")/.."
OLD=$1
NEW=$2
DATA=bench-data/same-output
TODAY=2026-11-29
mkdir -p "$DATA"
SHARED=../shared/bench

[[ -s "$DATA/clients_100000.csv" ]] || python3 "$SHARED/gen_data.py" "$DATA" 100000 >/dev/null
if [[ ! -s bench-data/scaling-50000.csv ]]; then
  swift build -c release --scratch-path .build-run --product run-bench >/dev/null
  .build-run/release/run-bench 50000 bench-data/scaling-50000.csv --seed 42
fi
[[ -s "$DATA/damaged.csv" ]] || python3 - "$DATA/clients_100000.csv" "$DATA/damaged.csv" <<'PY'
import random, sys
random.seed(20261205)
lines = open(sys.argv[1], 'rb').read().split(b'\n')
header, rows = lines[0], [r for r in lines[1:20001] if r]
out = [header]
for row in rows:
    r = random.random()
    if r < 0.02:
        i = random.randrange(len(row)); row = row[:i] + bytes([random.randrange(256)]) + row[i + 1:]
    elif r < 0.03:
        i = random.randrange(len(row)); row = row[:i] + b'"' + row[i:]
    elif r < 0.04:
        row = row.replace(b',', b'', 1)
    elif r < 0.05:
        row = row + b',extra'
    elif r < 0.06:
        row = row[: len(row) // 2]
    elif r < 0.07:
        row = row.replace(b',', b',"', 1).replace(b',', b'",', 2)
    elif r < 0.08:
        row = row + b'\xff\xfe'
    elif r < 0.09:
        fields = row.split(b','); fields[random.randrange(1, len(fields))] = random.choice([b'abc', b'1.2.3', b'1,5', b'2026-13-45', b'-', b'  7  ', b'1e5']); row = b','.join(fields)
    elif r < 0.10:
        out.append(row)
    out.append(row)
open(sys.argv[2], 'wb').write(b'\n'.join(out) + b'\n')
PY
[[ -s "$DATA/damaged.jsonl" ]] || python3 - "$DATA/clients_100000.jsonl" "$DATA/damaged.jsonl" <<'PY'
import random, sys
random.seed(20261206)
lines = [l for l in open(sys.argv[1], 'rb').read().split(b'\n')[:20000] if l]
out = []
for line in lines:
    r = random.random()
    if r < 0.02:
        i = random.randrange(len(line)); line = line[:i] + bytes([random.randrange(256)]) + line[i + 1:]
    elif r < 0.03:
        line = line[: len(line) // 2]
    elif r < 0.04:
        i = len(line) // 3; out.append(line[:i]); line = line[i:]
    elif r < 0.05:
        out.append(b'')
    elif r < 0.06:
        out.append(b'  \t')
    elif r < 0.10:
        line = line + b'\r'
    elif r < 0.11:
        out.append(line)
    out.append(line)
open(sys.argv[2], 'wb').write(b'\xef\xbb\xbf' + b'\n'.join(out) + b'\n')
PY
if [[ ! -s "$DATA/invoices-200000.csv" ]]; then
  swift build -c release --scratch-path .build-run --product run-bench >/dev/null
  .build-run/release/run-bench invoices 200000 20000 "$DATA/invoices-200000.csv" --seed 42
fi
[[ -s "$DATA/invoices-damaged.csv" ]] || python3 - "$DATA/invoices-200000.csv" "$DATA/invoices-damaged.csv" <<'PY'
import random, sys
random.seed(20261207)
lines = open(sys.argv[1], 'rb').read().split(b'\n')
out = [lines[0]]
for line in lines[1:]:
    if not line:
        continue
    r = random.random()
    if r < 0.005:
        line = b',' + line.split(b',', 1)[1]
    elif r < 0.01:
        fields = line.split(b','); fields[1] = b'13/45/2026'; line = b','.join(fields)
    elif r < 0.015:
        line = line[: len(line) // 2]
    out.append(line)
open(sys.argv[2], 'wb').write(b'\n'.join(out) + b'\n')
PY

differ=0
cases=0
# Runs one case with both binaries (arguments after the binary) and compares.
check() {
  local label=$1
  shift
  local old_out new_out old_err new_err old_status new_status
  old_out=$(mktemp) new_out=$(mktemp) old_err=$(mktemp) new_err=$(mktemp)
  "$OLD" "$@" >"$old_out" 2>"$old_err"
  old_status=$?
  "$NEW" "$@" >"$new_out" 2>"$new_err"
  new_status=$?
  cases=$((cases + 1))
  if ! cmp -s "$old_out" "$new_out" || ! cmp -s "$old_err" "$new_err" || [[ $old_status != "$new_status" ]]; then
    differ=$((differ + 1))
    echo "DIFFERS: $label: verdict $*"
    diff <(head -c 2000 "$old_out"; head -c 1000 "$old_err"; echo "status $old_status") \
      <(head -c 2000 "$new_out"; head -c 1000 "$new_err"; echo "status $new_status") | head -10
  fi
  rm -f "$old_out" "$new_out" "$old_err" "$new_err"
}

formats=(table csv json jsonl)
for policy in rules/*.verdict; do
  [[ $policy == *_test.verdict ]] && continue
  for format in "${formats[@]}"; do
    check rules run "$policy" rules/clients.csv -f "$format" --today "$TODAY"
    check rules run "$policy" rules/clients.csv -f "$format" --today "$TODAY" --explain
  done
done
for format in "${formats[@]}"; do
  check exports run rules/exports/from-exports.verdict --table invoices=rules/exports/invoices.csv \
    --table time_entries=rules/exports/time-entries.csv --table incidents=rules/exports/incidents.csv \
    -f "$format" --today "$TODAY" --explain
done
for policy in docs/examples/*.verdict; do
  [[ $policy == *_test.verdict ]] && continue
  for data in docs/examples/*.csv docs/examples/*.json docs/examples/*.jsonl; do
    for format in csv jsonl; do
      check examples run "$policy" "$data" -f "$format" --today "$TODAY" --explain
    done
  done
done
for data in "$DATA/clients_100000.csv" "$DATA/clients_100000.jsonl" "$DATA/damaged.csv" "$DATA/damaged.jsonl"; do
  for format in "${formats[@]}"; do
    check bench run "$SHARED/policy.verdict" "$data" -f "$format" --today "$TODAY"
  done
  check bench run "$SHARED/policy.verdict" "$data" -f jsonl --today "$TODAY" --explain
  check bench run "$SHARED/policy.verdict" "$data" --quiet --today "$TODAY"
done
# The damaged file writes a few numbers with a comma: say the mark, so that its rows are read.
for format in "${formats[@]}"; do
  check damaged run "$SHARED/policy.verdict" "$DATA/damaged.csv" --decimal . -f "$format" --today "$TODAY" --explain
done
check population run Benchmarks/test-bench.verdict bench-data/scaling-50000.csv -f jsonl --today "$TODAY"
for invoices in "$DATA/invoices-200000.csv" "$DATA/invoices-damaged.csv"; do
  for jobs in 1 2; do
    check table run Benchmarks/aggregate-bench.verdict --table "invoices=$invoices" -f jsonl --today "$TODAY" --jobs "$jobs"
  done
done
for jobs in 1 2 3; do
  check jobs run "$SHARED/policy.verdict" "$DATA/damaged.jsonl" -f jsonl --today "$TODAY" --jobs "$jobs"
done
echo "$cases cases, $differ differ"
[[ $differ == 0 ]]
