#!/usr/bin/env bash
# Benchmark for policies with many rules: builds release, generates one policy per size
# (every rule matches the client, so `verdict eval` lists all the others; with a field left
# out, none can be decided, so it lists them all as not evaluable), and measures, one run each:
#
#   verdict check POLICY                          checking alone
#   verdict eval POLICY --set x=… --set y=…        every rule matched
#   verdict eval POLICY --set x=…                  every rule undecidable (y is missing)
#   verdict run POLICY one-client.csv              the same client through the batch runner
#
# with wall time and peak RSS from /usr/bin/time. Policies go to bench-data/ (git-ignored).
#
#   Benchmarks/rules-bench.sh [RULES...]      RULES defaults to 10000 30000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000 30000 100000)
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data

swift build -c release --scratch-path "$SCRATCH" --product verdict >/dev/null
BIN="$SCRATCH/release/verdict"
mkdir -p "$DATA"
TIMING=$(mktemp)
trap 'rm -f "$TIMING"' EXIT
printf 'id,x,y\nC1,1000,0\n' >"$DATA/one-client.csv"

# A policy of `rules` rules, each with a name, a condition on x and y, and a verdict.
generate() {  # rules path
  awk -v n="$1" 'BEGIN {
    print "field x: number"
    print "field y: number"
    split("keep watch talk review fire", verdicts, " ")
    for (i = 1; i <= n; i++)
      printf "rule \"rule %d\" when x > %d and y < %d then recommend %s\n", i, i % 997, 5 + i % 7, verdicts[1 + i % 5]
  }' >"$2"
}

# "seconds peak_MB" of one run of a command.
measure() {
  /usr/bin/time -o "$TIMING" -f "%e %M" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%s %d", $1, $2 / 1024 }' "$TIMING"
}

printf '%8s %10s  %-22s %9s %9s\n' rules "policy MB" command seconds "peak MB"
for rules in "${SIZES[@]}"; do
  policy="$DATA/rules-$rules.verdict"
  [[ -s "$policy" ]] || generate "$rules" "$policy"
  megabytes=$(awk -v b="$(stat -c %s "$policy")" 'BEGIN { printf "%.1f", b / 1e6 }')
  for command in check eval-matched eval-missing run; do
    case $command in
      check) result=$(measure "$BIN" check "$policy") ;;
      eval-matched) result=$(measure "$BIN" eval "$policy" --set x=1000 --set y=0) ;;
      eval-missing) result=$(measure "$BIN" eval "$policy" --set x=1000) ;;
      run) result=$(measure "$BIN" run "$policy" "$DATA/one-client.csv" -f jsonl) ;;
    esac
    printf '%8s %10s  %-22s %9s %9s\n' "$rules" "$megabytes" "$command" "${result% *}" "${result#* }"
  done
done
