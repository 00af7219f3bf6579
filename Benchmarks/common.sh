# What the benchmark scripts share; each sources it after setting RUNS (runs per median) and
# BIN (the release build folder, holding verdict and run-bench).

# Writes PATH with CLIENTS seeded clients (run-bench, seed 42) unless it is there already.
generate() {  # clients path
  if [[ ! -s "$2" ]]; then
    echo "generating $2 ($1 clients, seed 42)" >&2
    "$BIN/run-bench" "$1" "$2" --seed 42
  fi
}

# Median wall time of RUNS runs of a command and its largest peak RSS: "seconds peak_rss_kb".
measure() {
  local times=() rss=0 timing
  timing=$(mktemp)
  for ((i = 0; i < RUNS; i++)); do
    local start end r
    start=$(date +%s%N)
    /usr/bin/time -o "$timing" -f "%M" "$@" >/dev/null 2>/dev/null || true
    end=$(date +%s%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
    r=$(tail -1 "$timing")
    ((r > rss)) && rss=$r
  done
  rm -f "$timing"
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  echo "$median $rss"
}

# Median wall time of RUNS runs of a command, in seconds.
median() {
  local result
  result=$(measure "$@")
  echo "${result% *}"
}

# N things in S seconds, a second.
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "inf" }'; }
