#!/usr/bin/env bash
# Benchmark for `verdict test --data`: builds release, generates CLIENTS seeded clients (by
# default 1,000,000) once, writes a test file of EXAMPLES examples (by default 100) for
# test-bench.verdict, whose rules use share, rank and percentile, and measures, median of RUNS
# runs:
#
#   verdict test bench-data/test-bench.verdict --data CLIENTS.csv
#
# with examples/s and the largest peak RSS (/usr/bin/time -f %M). Each example is measured as
# one more client of the data, so the population must be built once, not once per example.
# Data goes to bench-data/ (git-ignored), never committed.
#
#   Benchmarks/test-bench.sh [RUNS]     RUNS defaults to 5; CLIENTS=… EXAMPLES=… change the size,
#                                       VERDICT=PATH measures another build of verdict
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CLIENTS=${CLIENTS:-1000000}
EXAMPLES=${EXAMPLES:-100}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data

swift build -c release --scratch-path "$SCRATCH" --product verdict >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product run-bench >/dev/null
BIN="$SCRATCH/release"
VERDICT=${VERDICT:-$BIN/verdict}
mkdir -p "$DATA"
source Benchmarks/common.sh

clients="$DATA/clients-$CLIENTS.csv"
generate "$CLIENTS" "$clients"

# The policy and its test file, side by side: examples of every rule, and one of otherwise.
policy="$DATA/test-bench.verdict"
cp Benchmarks/test-bench.verdict "$policy"
{
  echo "# $EXAMPLES examples for test-bench.verdict, written by Benchmarks/test-bench.sh."
  for ((i = 0; i < EXAMPLES; i++)); do
    case $((i % 5)) in
      0) echo "example \"time sink $i\" { time_spent: $((1000000 + i))h, revenue: 1€ } expect fire" ;;
      1) echo "example \"top payer $i\" { time_spent: 1h, revenue: $((100000000 + i))€ } expect review" ;;
      2) echo "example \"slowest payer $i\" { time_spent: 1h, revenue: 1€, payment_delay: $((100000 + i))d } expect talk" ;;
      3) echo "example \"busy $i\" { time_spent: $((500 + i))h, revenue: 1000€, payment_delay: 0d } expect watch" ;;
      4) echo "example \"quiet $i\" { time_spent: 1h, revenue: 1000€, payment_delay: 0d } expect keep" ;;
    esac
  done
} >"$DATA/test-bench_test.verdict"

# One run first: the examples must pass, or the numbers measure failure reports instead.
"$VERDICT" test "$policy" --data "$clients" | tail -1

result=$(measure "$VERDICT" test "$policy" --data "$clients")
seconds=${result% *}
rss=${result#* }
printf '%-40s %9s %12s %10s\n' command seconds examples/s "peak RSS"
printf '%-40s %9s %12s %7s MB\n' "test ($EXAMPLES examples, $CLIENTS clients)" "$seconds" \
  "$(rate "$EXAMPLES" "$seconds")" "$((rss / 1024))"
