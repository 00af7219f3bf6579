#!/usr/bin/env bash
# Benchmark for `verdict run`: builds release, generates seeded client data (100,000 and
# 1,000,000 clients, plus a ~1 GB file for peak memory), and measures, median of 5 runs:
#
#   wc -l FILE                       the floor for touching every byte
#   cat FILE > /dev/null             reading the file
#   run-bench read FILE              the CSV reader alone (VerdictData, every field)
#   verdict run POLICY FILE -f jsonl > /dev/null    the whole run, 10-rule policy
#
# and peak RSS with /usr/bin/time -v. Data goes to bench-data/ (git-ignored), never committed.
#
#   Benchmarks/run-bench.sh [RUNS]          RUNS defaults to 5; SKIP_1GB=1 skips the 1 GB file
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data
POLICY=Benchmarks/run-bench.verdict
TODAY=2026-11-29

swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release"
mkdir -p "$DATA"
TIMING=$(mktemp)
trap 'rm -f "$TIMING"' EXIT

source Benchmarks/common.sh
generate 100000 "$DATA/clients-100k.csv"
generate 1000000 "$DATA/clients-1m.csv"


printf '%-10s %-28s %9s %12s %9s %10s\n' size command seconds clients/s MB/s "peak RSS"
for size in 100k 1m; do
  file="$DATA/clients-$size.csv"
  clients=$(($(wc -l <"$file") - 1))
  megabytes=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  for command in wc cat read run; do
    case $command in
      wc) result=$(measure wc -l "$file") ;;
      cat) result=$(measure sh -c "cat '$file' > /dev/null") ;;
      read) result=$(measure "$BIN/run-bench" read "$file") ;;
      run) result=$(measure "$BIN/verdict" run "$POLICY" "$file" -f jsonl --today "$TODAY") ;;
    esac
    seconds=${result% *}
    rss=${result#* }
    printf '%-10s %-28s %9s %12s %9s %8s MB\n' "$size ($megabytes MB)" "$command" "$seconds" \
      "$(rate "$clients" "$seconds")" "$(rate "$megabytes" "$seconds")" "$((rss / 1024))"
  done
done

if [[ "${SKIP_1GB:-0}" != 1 ]]; then
  big="$DATA/clients-1g.csv"
  if [[ ! -s "$big" ]]; then
    echo "building $big from 14 copies of the 1M file" >&2
    { cat "$DATA/clients-1m.csv"; for ((i = 1; i < 14; i++)); do tail -n +2 "$DATA/clients-1m.csv"; done; } >"$big"
  fi
  megabytes=$(awk -v b="$(stat -c %s "$big")" 'BEGIN { printf "%.0f", b / 1e6 }')
  /usr/bin/time -o "$TIMING" -v "$BIN/verdict" run "$POLICY" "$big" -f jsonl --today "$TODAY" >/dev/null 2>/dev/null
  report=$(cat "$TIMING")
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$report")
  elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$report")
  echo "1 GB check: $megabytes MB in $elapsed (m:ss), peak RSS $((peak / 1024)) MB"
fi
