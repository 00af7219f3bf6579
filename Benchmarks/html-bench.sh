#!/usr/bin/env bash
# Benchmark for `verdict run --format html`: builds release, generates seeded client data with
# run-bench (100,000 and 1,000,000 clients, the columns rules/firing.verdict reads) and measures,
# median of RUNS runs:
#
#   verdict run rules/firing.verdict FILE -f csv  > /dev/null     the same run as CSV, for scale
#   verdict run rules/firing.verdict FILE -f html -o OUT          the HTML report (chart by share())
#
# and the page's size. At 1,000,000 clients the HTML report must be refused (exit 2, a hint to
# --only/--quiet) rather than written; the script checks that and times the refusal. Data goes to
# bench-data/ (git-ignored), never committed.
#
#   Benchmarks/html-bench.sh [RUNS]          RUNS defaults to 5
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data
POLICY=rules/firing.verdict
TODAY=2026-11-29

swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release"
mkdir -p "$DATA"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

source Benchmarks/common.sh
generate 100000 "$DATA/clients-100k.csv"
generate 1000000 "$DATA/clients-1m.csv"


file="$DATA/clients-100k.csv"
csv=$(median "$BIN/verdict" run "$POLICY" "$file" --today "$TODAY" -f csv)
html=$(median "$BIN/verdict" run "$POLICY" "$file" --today "$TODAY" -f html -o "$OUT/report.html")
size=$(awk -v b="$(stat -c %s "$OUT/report.html")" 'BEGIN { printf "%.1f", b / 1e6 }')
printf '%-10s %-6s %9s %10s\n' size format seconds "page MB"
printf '%-10s %-6s %9s %10s\n' 100k csv "$csv" -
printf '%-10s %-6s %9s %10s\n' 100k html "$html" "$size"

status=0
"$BIN/verdict" run "$POLICY" "$DATA/clients-1m.csv" --today "$TODAY" -f html -o "$OUT/big.html" \
  2>"$OUT/big.err" >/dev/null || status=$?
refused=$(median "$BIN/verdict" run "$POLICY" "$DATA/clients-1m.csv" --today "$TODAY" -f html -o "$OUT/big.html")
printf '%-10s %-6s %9s %10s\n' 1m html "$refused" "refused"
if [[ $status -ne 2 || -e "$OUT/big.html" ]]; then
  echo "1,000,000 clients: expected a refusal (exit 2, no page), got exit $status" >&2
  exit 1
fi
head -1 "$OUT/big.err"
