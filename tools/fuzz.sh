#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ one at a time, seeded from data/:
#   tools/fuzz.sh [READER_RUNS] [SCENE_RUNS] [MAX_SECONDS] [TARGETS]   (make fuzz)
# The readers (json, csv, and sheets: FlowmapBlue's sheets with CSV or GeoJSON places) get
# READER_RUNS executions (default 10 million), scene SCENE_RUNS (1 million), each stopping early
# after MAX_SECONDS; binary (the binary compact story's reader) is a reader too, and
# unvalidated (the map module's reader, which does not validate, and the map it makes used as
# the page uses it) gets SCENE_RUNS. TARGETS (default "json csv sheets binary unvalidated
# scene") picks which run.
# Prints each target's executions, time and executions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
reader_runs=${1:-10000000}
scene_runs=${2:-1000000}
max_seconds=${3:-7200}
targets=${4:-json csv sheets binary unvalidated scene}
export PATH="$HOME/.cargo/bin:$PATH"
# No sanitizer by default: the workspace has no `unsafe` (crates/*/src), so AddressSanitizer can
# find nothing there that a panic would not, and it halves the executions per second. Panics,
# overflows that abort, timeouts and memory over -rss_limit_mb are still crashes.
# SANITIZER=address runs with it.
sanitizer=${SANITIZER:-none}

# Seeds: the stories in data/ for the JSON readers; the same stories as CSV tables (those that
# load), joined by NUL bytes in the order the csv target expects, for the CSV reader. The small
# stories matter: the fuzzer mutates each seed at about its size, and the default story's
# tables alone (64 KiB once cut at -max_len) made every csv execution read a whole story.
stories=(data/nk-russia.json data/fixtures/*.json)
mkdir -p fuzz/corpus/json fuzz/corpus/scene fuzz/corpus/csv fuzz/corpus/sheets fuzz/corpus/binary fuzz/corpus/unvalidated
cp "${stories[@]}" fuzz/corpus/json/
cp "${stories[@]}" fuzz/corpus/scene/
# Seeds for binary and unvalidated: the binary compact form, in each language, of every story
# that validates.
for target in binary unvalidated; do
  if [[ " $targets " == *" $target "* ]]; then
    for f in "${stories[@]}"; do
      ${FLOWLINES:-cargo run -q -p flowlines-cli --} compact "$f" --out "fuzz/corpus/$target" > /dev/null 2>&1 || true
    done
  fi
done
if [[ " $targets " == *" csv "* ]]; then
  for f in "${stories[@]}"; do
    tables=$(mktemp -d)
    # FLOWLINES may name a built `flowlines` binary, to skip building one.
    if ${FLOWLINES:-cargo run -q -p flowlines-cli --} csv "$f" --out "$tables" > /dev/null 2>&1; then
      for t in story sources places categories units routes streams observations sanctions events; do
        [ -f "$tables/$t.csv" ] && cat "$tables/$t.csv"
        printf '\0'
      done > "fuzz/corpus/csv/$(basename "$f" .json).tables"
    fi
    rm -rf "$tables"
  done
fi

# Seeds for sheets: each folder of flow sheets in data/fixtures as the target reads it (its first
# byte: 0 for locations.csv, 1 for a .geojson of places; then places, flows, story and
# properties, joined by NUL bytes).
for dir in data/fixtures/flowmap-blue data/fixtures/flowmap-blue-errors data/fixtures/geojson-places; do
  places=$dir/locations.csv pick=0
  [ -f "$places" ] || { places=$(ls "$dir"/*.geojson); pick=1; }
  for part in "$places" "$dir/flows.csv" "$dir/story.csv" "$dir/properties.csv"; do
    [ "$part" = "$places" ] && printf '%s' "$pick"
    [ -f "$part" ] && cat "$part"
    printf '\0'
  done > "fuzz/corpus/sheets/$(basename "$dir").sheets"
done

cd fuzz
# The csv target builds without comparison tracing, in a target directory of its own (the flags
# differ, so sharing one would rebuild everything at each switch): each execution builds the `csv`
# crate's parsing automaton once per table, ten times, and with every comparison of that build
# traced the target ran 588 executions a second here; without, 2,000 (13:55 UTC 2026-12-02, load
# 7). The automaton is the csv crate's, fuzzed upstream; our reader's branches keep their coverage.
# The sheets target reads its tables with the same crate, so it builds the same way.
flags_of() { [[ "$1" = csv || "$1" = sheets ]] && echo "--no-trace-compares --target-dir target-nocmp"; true; }
for target in $targets; do
  runs=$reader_runs
  [[ "$target" = scene || "$target" = unvalidated ]] && runs=$scene_runs
  # Inputs of at most 64 KiB; csv 16 KiB, a small story's tables (the default story's are cut):
  # the csv reader reads every row of its input, so its speed falls with the input's size.
  max_len=65536
  [[ "$target" = csv || "$target" = sheets ]] && max_len=16384
  echo "== $target: $runs runs (at most $max_seconds s), $(date -u +%FT%TZ)"
  # shellcheck disable=SC2046 # the flags are words of their own
  cargo +nightly fuzz build -O -s "$sanitizer" $(flags_of "$target") "$target"
  start=$(date +%s)
  # shellcheck disable=SC2046
  out=$(cargo +nightly fuzz run -O -s "$sanitizer" $(flags_of "$target") "$target" "corpus/$target" -- \
    -runs="$runs" -max_total_time="$max_seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done|ERROR|panicked" || true)
  echo "$out"
  seconds=$(( $(date +%s) - start ))
  execs=$(echo "$out" | sed -n 's/^stat::number_of_executed_units: *//p')
  echo "== $target: ${execs:-?} executions in $seconds s, $(( ${execs:-0} / (seconds > 0 ? seconds : 1) )) per second"
done
