#!/usr/bin/env bash
# What recording a run in the run history costs `verdict run` (issue 12): median wall time of
# RUNS runs (default 5) of `verdict run Benchmarks/run-bench.verdict FILE -f jsonl > /dev/null`
#
#   1,000 clients      without --history, and with it on a later day (a copy of a history
#                      holding two days, run on the third: the steady state of a daily cron)
#   1,000,000 clients  without --history, with it on the first day (a new file), and on a
#                      later day (a copy of a history holding the first day, run on the second)
#
# Then the size of the history after one day of 1,000,000 clients, and after 365 daily runs over
# 1,000 clients with 2% changing a day (history-bench year).
#
# The history file is prepared before each timed run, outside the timing. Client data comes from
# `run-bench` (seed 42) into bench-data/ (git-ignored). Targets: +20 ms at most for 1,000
# clients, +50% at most for 1,000,000.
#
#   Benchmarks/history-run-bench.sh [RUNS]
#   VERDICT=path/to/verdict Benchmarks/history-run-bench.sh [RUNS]   another build of verdict
#                                          (its histories seeded by itself; run-bench and
#                                          history-bench still come from SCRATCH)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SCRATCH=${SCRATCH:-.build-release}
DATA=bench-data
POLICY=Benchmarks/run-bench.verdict

swift build -c release --build-path "$SCRATCH" --product verdict >/dev/null
swift build -c release --build-path "$SCRATCH" --product run-bench >/dev/null
swift build -c release --build-path "$SCRATCH" --product history-bench >/dev/null
BIN="$SCRATCH/release"
VERDICT=${VERDICT:-$BIN/verdict}
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
    "$VERDICT" run "$POLICY" "$file" -f jsonl --today "$day" --history "$WORK/$name.sqlite" >/dev/null 2>&1 || true
  done
}

# Wall time in milliseconds of one run of `verdict run … FILE --today DAY` after PREPARE (untimed):
# "none" (no history), "fresh" (a new file) or a seeded history's name (run on a copy of it).
timed() {  # prepare file day
  local prepare=$1 file=$2 day=$3 args=() start end
  rm -f "$WORK"/run.sqlite*
  case $prepare in
    none) ;;
    fresh) args=(--history "$WORK/run.sqlite") ;;
    *) cp "$WORK/$prepare.sqlite" "$WORK/run.sqlite" && args=(--history "$WORK/run.sqlite") ;;
  esac
  start=$(date +%s%N)
  "$VERDICT" run "$POLICY" "$file" -f jsonl --today "$day" "${args[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# The median of RUNS runs of each case on FILE, one line each: the cases take turns within a
# round (so a noisy moment hits them alike), after an untimed round that warms the caches.
interleaved() {  # file day case...
  local file=$1 day=$2 i case
  shift 2
  declare -A times
  for ((i = -1; i < RUNS; i++)); do
    for case in "$@"; do
      local ms
      ms=$(timed "$case" "$file" "$day")
      ((i >= 0)) && times[$case]+="$ms"$'\n'
    done
  done
  for case in "$@"; do
    printf '%s' "${times[$case]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)'
  done
}

seed steady1k "$DATA/clients-1k.csv" 2026-11-27 2026-11-28
seed first1m "$DATA/clients-1m.csv" 2026-11-28
size=$(stat -c %s "$WORK/first1m.sqlite")

printf '%-12s %-34s %10s %9s\n' clients case "median ms" added
mapfile -t small < <(interleaved "$DATA/clients-1k.csv" 2026-11-29 none steady1k)
printf '%-12s %-34s %10s\n' 1,000 "no history" "${small[0]}"
printf '%-12s %-34s %10s %+7d ms\n' 1,000 "history, third day" "${small[1]}" "$((small[1] - small[0]))"

mapfile -t large < <(interleaved "$DATA/clients-1m.csv" 2026-11-29 none fresh first1m)
printf '%-12s %-34s %10s\n' 1,000,000 "no history" "${large[0]}"
for index in 1 2; do
  label=$( ((index == 1)) && echo "history, first day (new file)" || echo "history, second day")
  printf '%-12s %-34s %10s %+8s%%\n' 1,000,000 "$label" "${large[index]}" \
    "$(awk -v a="${large[index]}" -v b="${large[0]}" 'BEGIN { printf "%.0f", (a - b) * 100 / b }')"
done
echo "history after one day of 1,000,000 clients: $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }') MB"
"$BIN/history-bench" year "$WORK/year.sqlite" | awk '{ printf "history after %s (%.0f KB)\n", $0, $(NF - 1) / 1024 }'
