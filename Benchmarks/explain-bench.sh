#!/usr/bin/env bash
# Benchmark for `verdict run --explain`: what the one-line explanation of every client costs
# against a plain run. On 100,000 and 1,000,000 clients, Benchmarks/run-bench.verdict (10 rules)
# with JSON Lines output, it runs, interleaved so that the machine's load falls on both alike:
#
#   verdict run POLICY FILE -f jsonl --today 2026-11-29 > /dev/null
#   verdict run POLICY FILE -f jsonl --today 2026-11-29 --explain > /dev/null
#
# and prints the median wall time of each and their ratio (docs/run.md quotes it).
#
# The clients are bench-data/clients-1000000.csv, the shared benchmark's file (../shared/bench/,
# copy or link it there); when it is absent, run-bench generates 1,000,000 seeded clients in its
# place. The 100,000 are its first rows. Data goes to bench-data/ (git-ignored), never committed.
#
#   Benchmarks/explain-bench.sh [RUNS]                  RUNS defaults to 5
#   VERDICT=path/to/verdict Benchmarks/explain-bench.sh   another build, without building
#   POLICY=../shared/bench/policy.verdict CLIENTS=/tmp/peers-data/clients_1000000.csv \
#     Benchmarks/explain-bench.sh 7                     another policy on its own clients
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data
POLICY=${POLICY:-Benchmarks/run-bench.verdict}
TODAY=2026-11-29

if [[ -z "${VERDICT:-}" ]]; then
  swift build -c release --scratch-path "$SCRATCH" >/dev/null
  VERDICT="$SCRATCH/release/verdict"
fi
BIN="$SCRATCH/release"
mkdir -p "$DATA"

source Benchmarks/common.sh
if [[ -n "${CLIENTS:-}" ]]; then
  big=$CLIENTS
  small="$DATA/$(basename "$CLIENTS" .csv)-first-100k.csv"
  head -n 100001 "$big" >"$small"
else
  big="$DATA/clients-1000000.csv"
  [[ -s "$big" ]] || { swift build -c release --scratch-path "$SCRATCH" --product run-bench >/dev/null; generate 1000000 "$big"; }
  small="$DATA/clients-1000000-first-100k.csv"
  [[ -s "$small" ]] || head -n 100001 "$big" >"$small"
fi

# Seconds one run takes.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>/dev/null || true
  end=$(date +%s%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

# The middle of RUNS numbers.
middle() { printf '%s\n' "$@" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)'; }

printf '%-10s %10s %10s %7s\n' clients plain explain ratio
for file in "$small" "$big"; do
  clients=$(($(wc -l <"$file") - 1))
  plain=() explained=()
  for ((i = 0; i < RUNS; i++)); do
    plain+=("$(seconds "$VERDICT" run "$POLICY" "$file" -f jsonl --today "$TODAY")")
    explained+=("$(seconds "$VERDICT" run "$POLICY" "$file" -f jsonl --today "$TODAY" --explain)")
  done
  p=$(middle "${plain[@]}")
  e=$(middle "${explained[@]}")
  printf '%-10s %9ss %9ss %6s×\n' "$clients" "$p" "$e" "$(awk -v p="$p" -v e="$e" 'BEGIN { printf "%.1f", e / p }')"
done
