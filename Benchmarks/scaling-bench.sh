#!/usr/bin/env bash
# Benchmark for how `verdict run` uses the machine's cores: each kind of run with one evaluating
# thread (--jobs 1) and two (--jobs 2), median of RUNS runs each, interleaved so that the
# machine's load falls on both alike, and the speed-up of two over one:
#
#   csv         verdict run run-bench.verdict clients.csv -f jsonl        (CSV in, JSON Lines out)
#   jsonl       verdict run run-bench.verdict clients.jsonl -f jsonl      (JSON Lines in)
#   population  verdict run test-bench.verdict clients.csv -f jsonl       (rank and percentile:
#                                                                          two passes)
#   table       verdict run aggregate-bench.verdict --table invoices=… -f jsonl
#
# The reading thread and the writer are there in every run; --jobs sets the evaluating threads,
# and the threads that read a JSON Lines file's parts.
# A speed-up near 1 means a stage that one thread does alone bounds the run, or that the run
# had one core: processes of another session (another autogroup, e.g. a fuzzer at nice 19)
# take their share of the processors whatever their nice value, so check
# `perf stat -e task-clock` ("CPUs utilized") before reading anything into it. On 2 cores,
# `--jobs 2` runs four busy threads: half their instructions in all bound it as well.
#
#   Benchmarks/scaling-bench.sh [RUNS]             RUNS defaults to 5; CLIENTS=… sets the size
#   VERDICT=path/to/verdict Benchmarks/scaling-bench.sh   another build, without building
#
# For counts that the load does not move, split by thread, run one case under callgrind:
#   valgrind --tool=callgrind --separate-threads=yes .build-run/release/verdict run … --jobs 2
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CLIENTS=${CLIENTS:-500000}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data
TODAY=2026-11-29

if [[ -z "${VERDICT:-}" ]]; then
  swift build -c release --scratch-path "$SCRATCH" >/dev/null
  VERDICT="$SCRATCH/release/verdict"
fi
BIN="$SCRATCH/release"
[[ -x "$BIN/run-bench" ]] || swift build -c release --scratch-path "$SCRATCH" --product run-bench >/dev/null
mkdir -p "$DATA"
source Benchmarks/common.sh

csv="$DATA/scaling-$CLIENTS.csv"
jsonl="$DATA/scaling-$CLIENTS.jsonl"
invoices="$DATA/scaling-invoices-$CLIENTS.csv"
generate "$CLIENTS" "$csv"
[[ -s "$jsonl" ]] || "$BIN/run-bench" "$CLIENTS" "$jsonl" --seed 42 --format jsonl
[[ -s "$invoices" ]] || "$BIN/run-bench" invoices $((CLIENTS * 10)) "$CLIENTS" "$invoices" --seed 42

# The command line of one case, without --jobs.
case_command() {
  case $1 in
    csv) echo "$VERDICT run Benchmarks/run-bench.verdict $csv -f jsonl --today $TODAY" ;;
    jsonl) echo "$VERDICT run Benchmarks/run-bench.verdict $jsonl -f jsonl --today $TODAY" ;;
    population) echo "$VERDICT run Benchmarks/test-bench.verdict $csv -f jsonl --today $TODAY" ;;
    table) echo "$VERDICT run Benchmarks/aggregate-bench.verdict --table invoices=$invoices -f jsonl --today $TODAY" ;;
  esac
}

printf '%-11s %10s %10s %9s\n' case "jobs 1 s" "jobs 2 s" speed-up
for name in csv jsonl population table; do
  read -r -a command <<<"$(case_command "$name")"
  one=() two=()
  for ((i = 0; i < RUNS; i++)); do
    one+=("$(RUNS=1 median "${command[@]}" --jobs 1)")
    two+=("$(RUNS=1 median "${command[@]}" --jobs 2)")
  done
  m1=$(printf '%s\n' "${one[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  m2=$(printf '%s\n' "${two[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  printf '%-11s %10s %10s %8s×\n' "$name" "$m1" "$m2" "$(awk -v a="$m1" -v b="$m2" 'BEGIN { printf "%.2f", a / b }')"
done
