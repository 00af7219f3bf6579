#!/usr/bin/env bash
# Costs that must grow in proportion to the input: each case is measured at a size and at four
# times that size (median of RUNS runs each); the last column is the ratio of the two times,
# about 4 when the cost grows linearly and about 16 when it grows with the square.
#
#   check, lets x uses      a policy without field declarations: LETS lets and 10 x LETS rules
#                           reading undeclared columns (each use was compared with every let)
#   check, names x lets     LETS distinct undeclared names against LETS lets of the same shape
#   check, example typos    EXAMPLES fields and EXAMPLES examples each setting a misspelled one
#                           (each hint made "did you mean" ready for every field anew)
#   check, one long line    10 x EXAMPLES unknown names in one list on one line (every error was
#                           reported, each rendered by counting columns from the line's start)
#   check, verdicts x rules EXAMPLES verdicts and as many rules (each rule searched the verdicts)
#   check, aggregates       AGGREGATES aggregates over one table (each was compared with every
#                           other, and its lets searched by name: 10,000 took 15 s)
#   repl :rules             listing RULES rules (each line made the list of every rule)
#   repl :run               a session's :run over CLIENTS clients (each field of each client
#                           made the header's index)
#
# Inputs are generated into bench-data/growth/ (git-ignored).
#
#   Benchmarks/growth-bench.sh [RUNS]   RUNS defaults to 3; VERDICT=PATH measures another build,
#                                       LETS=… RULES=… CLIENTS=… EXAMPLES=… AGGREGATES=… change the
#                                       smaller sizes
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
LETS=${LETS:-500}
RULES=${RULES:-5000}
CLIENTS=${CLIENTS:-25000}
EXAMPLES=${EXAMPLES:-5000}
AGGREGATES=${AGGREGATES:-2500}
SCRATCH=${SCRATCH:-.build-run}
DATA=bench-data/growth

if [[ -z "${VERDICT:-}" ]]; then
  swift build -c release --scratch-path "$SCRATCH" --product verdict >/dev/null
  VERDICT="$SCRATCH/release/verdict"
fi
swift build -c release --scratch-path "$SCRATCH" --product run-bench >/dev/null
BIN="$SCRATCH/release"
mkdir -p "$DATA"
source Benchmarks/common.sh

# A policy of $1 lets and $2 rules; undeclared columns column_0 … column_($3 - 1).
typo_policy() {  # lets rules columns path
  awk -v lets="$1" -v rules="$2" -v columns="$3" 'BEGIN {
    for (i = 0; i < lets; i++) printf "let limit_%05d = %d\n", i, i
    for (i = 0; i < rules; i++) printf "when column_%05d > limit_%05d then recommend fire\n", i % columns, i % lets
  }' >"$4"
}

# A policy of $1 declared rules of three conditions each.
rules_policy() {  # rules path
  awk -v rules="$1" 'BEGIN {
    print "field payment_delay: duration in days"
    print "field revisions: number"
    print "field outstanding: money in EUR"
    for (i = 0; i < rules; i++)
      printf "rule \"r%d\" when payment_delay > %dd and (revisions > %d or outstanding > %d€) then recommend fire\n", i, i % 90, i % 7, i
  }' >"$2"
}

# $1 fields, and $1 examples each setting a misspelled field.
example_policy() {  # count path
  awk -v n="$1" 'BEGIN {
    for (i = 0; i < n; i++) printf "field amount_%06d: number\n", i
    print "when amount_000000 > 1 then recommend fire"
    for (i = 0; i < n; i++) printf "example \"e%d\" { amuont_%06d: 1 } expect keep\n", i, i
  }' >"$2"
}

# A rule whose list holds $1 unknown names, all on one line.
long_line_policy() {  # names path
  awk -v n="$1" 'BEGIN {
    printf "field x: number\nwhen x in ["
    for (i = 0; i < n; i++) printf "%su%d", (i ? ", " : ""), i
    print "] then recommend fire"
  }' >"$2"
}

# A table and $1 lets, each an aggregate of its own over it, and a rule reading one.
aggregates_policy() {  # count path
  awk -v n="$1" 'BEGIN {
    print "table t keyed by client"
    print "  field x: number"
    for (i = 0; i < n; i++) printf "let a%d = sum(t.x where x > %d)\n", i, i
    print "when a0 > 0 then recommend fire"
  }' >"$2"
}

# $1 verdicts, and a rule recommending each.
verdicts_policy() {  # count path
  awk -v n="$1" 'BEGIN {
    print "field x: number"
    printf "verdicts"
    for (i = 0; i < n; i++) printf "%s v%06d", (i ? " <" : ""), i
    print ""
    for (i = 0; i < n; i++) printf "when x > %d then recommend v%06d\n", i, i
  }' >"$2"
}

row() {  # case small-time large-time
  printf '%-22s %8.3f s %8.3f s %6s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')"
}

# Times a case at both sizes: `$2 SCALE` writes the case's input for that scale and sets
# `command`, the command to time.
both_sizes() {  # name prepare
  local times=() scale
  for scale in 1 4; do
    "$2" "$scale"
    times+=("$(median "${command[@]}")")
  done
  row "$1" "${times[@]}"
}

uses() {
  typo_policy $((LETS * $1)) $((LETS * $1 * 10)) 50 "$DATA/uses-$1.verdict"
  command=("$VERDICT" check "$DATA/uses-$1.verdict")
}

names() {
  typo_policy $((LETS * $1 * 4)) $((LETS * $1 * 4)) $((LETS * $1 * 4)) "$DATA/names-$1.verdict"
  command=("$VERDICT" check "$DATA/names-$1.verdict")
}

example_typos() {
  example_policy $((EXAMPLES * $1)) "$DATA/examples-$1.verdict"
  command=("$VERDICT" check "$DATA/examples-$1.verdict")
}

long_line() {
  long_line_policy $((EXAMPLES * $1 * 10)) "$DATA/line-$1.verdict"
  command=("$VERDICT" check "$DATA/line-$1.verdict")
}

verdict_list() {
  verdicts_policy $((EXAMPLES * $1)) "$DATA/verdicts-$1.verdict"
  command=("$VERDICT" check "$DATA/verdicts-$1.verdict")
}

aggregate_list() {
  aggregates_policy $((AGGREGATES * $1)) "$DATA/aggregates-$1.verdict"
  command=("$VERDICT" check "$DATA/aggregates-$1.verdict")
}

rule_list() {
  rules_policy $((RULES * $1)) "$DATA/rules-$1.verdict"
  printf ':load %s\n:rules\n' "$DATA/rules-$1.verdict" >"$DATA/rules-$1.session"
  command=(sh -c "'$VERDICT' repl <'$DATA/rules-$1.session'")
}

session_run() {
  generate $((CLIENTS * $1)) "$DATA/clients-$1.csv"
  printf ':load Benchmarks/run-bench.verdict\n:data %s\n:run\n' "$DATA/clients-$1.csv" >"$DATA/run-$1.session"
  command=(sh -c "'$VERDICT' repl <'$DATA/run-$1.session'")
}

printf '%-22s %10s %10s %6s\n' "case" "size" "4 x size" "ratio"
both_sizes "check, lets x uses" uses
both_sizes "check, names x lets" names
both_sizes "check, example typos" example_typos
both_sizes "check, one long line" long_line
both_sizes "check, verdicts x rules" verdict_list
both_sizes "check, aggregates" aggregate_list
both_sizes "repl :rules" rule_list
both_sizes "repl :run" session_run
