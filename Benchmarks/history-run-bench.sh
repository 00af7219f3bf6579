#!/usr/bin/env bash
# What recording a run in the run history costs `verdict run` (issue 12): median wall time of
# RUNS runs (default 5) of `verdict run Benchmarks/run-bench.verdict FILE -f jsonl > /dev/null`
#
#   1,000 clients      without --history, and with it on a later day (a copy of a history
#                      holding two days, run on the third: the steady state of a daily cron)
#   1,000,000 clients  without --history, with it on the first day (a new file), and on a
#                      later day (a copy of a history holding the first day, run on the second)
#
# The history file is prepared before each timed run, outside the timing. Client data comes from
# `run-bench` (seed 42) into bench-data/ (git-ignored). Targets: +20 ms at most for 1,000
# clients, +50% at most for 1,000,000.
#
#   Benchmarks/history-run-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SCRATCH=${SCRATCH:-.build-release}
DATA=bench-data
POLICY=Benchmarks/run-bench.verdict

swift build -c release --build-path "$SCRATCH" --product verdict >/dev/null
swift build -c release --build-path "$SCRATCH" --product run-bench >/dev/null
BIN="$SCRATCH/release"
mkdir -p "$DATA"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

source Benchmarks/common.sh
generate 1000 "$DATA/clients-1k.csv"
generate 1000000 "$DATA/clients-1m.csv"

# A history at $WORK/NAME.sqlite holding the days given, from FILE.
seed() {  # name file day...
  local name=$1 file=$2
  shift 2
  rm -f "$WORK/$name".sqlite*
  for day in "$@"; do
    "$BIN/verdict" run "$POLICY" "$file" -f jsonl --today "$day" --history "$WORK/$name.sqlite" >/dev/null 2>&1 || true
  done
}

# Median wall time in milliseconds of RUNS runs of `verdict run … FILE --today DAY [ARGS]`, each
# after PREPARE (untimed): "none" (no history), "fresh" (no file yet) or a seeded history's name.
measure() {  # prepare file day args...
  local prepare=$1 file=$2 day=$3 times=()
  shift 3
  for ((i = -1; i < RUNS; i++)); do  # run -1 warms the caches, untimed
    rm -f "$WORK"/run.sqlite*
    case $prepare in
      none | fresh) ;;
      *) cp "$WORK/$prepare.sqlite" "$WORK/run.sqlite" ;;
    esac
    local start end
    start=$(date +%s%N)
    "$BIN/verdict" run "$POLICY" "$file" -f jsonl --today "$day" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    ((i >= 0)) && times+=("$(((end - start) / 1000000))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)'
}

HISTORY=(--history "$WORK/run.sqlite")
seed steady1k "$DATA/clients-1k.csv" 2026-11-27 2026-11-28
seed first1m "$DATA/clients-1m.csv" 2026-11-28
size=$(stat -c %s "$WORK/first1m.sqlite")

printf '%-12s %-34s %10s %9s\n' clients case "median ms" added
base=$(measure none "$DATA/clients-1k.csv" 2026-11-29)
printf '%-12s %-34s %10s\n' 1,000 "no history" "$base"
with=$(measure steady1k "$DATA/clients-1k.csv" 2026-11-29 "${HISTORY[@]}")
printf '%-12s %-34s %10s %+7d ms\n' 1,000 "history, third day" "$with" "$((with - base))"

base=$(measure none "$DATA/clients-1m.csv" 2026-11-29)
printf '%-12s %-34s %10s\n' 1,000,000 "no history" "$base"
for case in fresh first1m; do
  with=$(measure "$case" "$DATA/clients-1m.csv" 2026-11-29 "${HISTORY[@]}")
  label=$([[ $case == fresh ]] && echo "history, first day (new file)" || echo "history, second day")
  printf '%-12s %-34s %10s %+8s%%\n' 1,000,000 "$label" "$with" \
    "$(awk -v a="$with" -v b="$base" 'BEGIN { printf "%.0f", (a - b) * 100 / b }')"
done
echo "history after one day of 1,000,000 clients: $((size / 1024 / 1024)) MB"
