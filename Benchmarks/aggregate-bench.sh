#!/usr/bin/env bash
# Benchmark for `verdict run` with a record table: builds release, generates a seeded invoice
# export (ROWS invoices of CLIENTS clients, by default 10,000,000 of 1,000,000, about 630 MB)
# and the matching client file once, and measures, median of RUNS runs:
#
#   verdict run aggregate-bench.verdict CLIENTS.csv --table invoices=INVOICES.csv -f jsonl
#   verdict run aggregate-bench.verdict --table invoices=INVOICES.csv -f jsonl   (client-less)
#
# with records/s (invoice rows a second, the whole run) and the largest peak RSS
# (/usr/bin/time -f %M). Data goes to bench-data/ (git-ignored), never committed.
#
#   Benchmarks/aggregate-bench.sh [RUNS]     RUNS defaults to 5; ROWS=… CLIENTS=… change the size,
#                                            VERDICT=PATH measures another build of verdict
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
ROWS=${ROWS:-10000000}
CLIENTS=${CLIENTS:-1000000}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data
POLICY=Benchmarks/aggregate-bench.verdict
TODAY=2026-11-29

swift build -c release --scratch-path "$SCRATCH" --product verdict >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product run-bench >/dev/null
BIN="$SCRATCH/release"
VERDICT=${VERDICT:-$BIN/verdict}
mkdir -p "$DATA"
source Benchmarks/common.sh

invoices="$DATA/invoices-$ROWS-$CLIENTS.csv"
clients="$DATA/clients-$CLIENTS.csv"
if [[ ! -s "$invoices" ]]; then
  echo "generating $invoices ($ROWS invoices of $CLIENTS clients, seed 42)" >&2
  "$BIN/run-bench" invoices "$ROWS" "$CLIENTS" "$invoices" --seed 42
fi
generate "$CLIENTS" "$clients"


megabytes=$(awk -v b="$(stat -c %s "$invoices")" 'BEGIN { printf "%.0f", b / 1e6 }')
echo "$ROWS invoices ($megabytes MB) of $CLIENTS clients, median of $RUNS runs"
printf '%-22s %9s %12s %10s\n' mode seconds records/s "peak RSS"
for mode in client-file client-less; do
  case $mode in
    client-file) result=$(measure "$VERDICT" run "$POLICY" "$clients" --table "invoices=$invoices" -f jsonl --today "$TODAY") ;;
    client-less) result=$(measure "$VERDICT" run "$POLICY" --table "invoices=$invoices" -f jsonl --today "$TODAY") ;;
  esac
  seconds=${result% *}
  rss=${result#* }
  printf '%-22s %9s %12s %7s MB\n' "$mode" "$seconds" "$(rate "$ROWS" "$seconds")" "$((rss / 1024))"
done
