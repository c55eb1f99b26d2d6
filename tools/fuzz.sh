#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ one at a time, seeded from data/:
#   tools/fuzz.sh [READER_RUNS] [SCENE_RUNS] [MAX_SECONDS]   (make fuzz)
# json and csv get READER_RUNS executions (default 10 million), scene SCENE_RUNS (1 million),
# each stopping early after MAX_SECONDS. Prints each target's executions and time.
set -euo pipefail
cd "$(dirname "$0")/.."
reader_runs=${1:-10000000}
scene_runs=${2:-1000000}
max_seconds=${3:-7200}
export PATH="$HOME/.cargo/bin:$PATH"

# Seeds: the stories in data/ for the JSON readers; the default story as CSV tables, joined
# by NUL bytes in the order the csv target expects, for the CSV reader.
mkdir -p fuzz/corpus/json fuzz/corpus/scene fuzz/corpus/csv
for f in data/nk-russia.json data/fixtures/*.json; do
  cp "$f" fuzz/corpus/json/
  cp "$f" fuzz/corpus/scene/
done
tables=$(mktemp -d)
# FLOWLINES may name a built `flowlines` binary, to skip building one.
${FLOWLINES:-cargo run -q -p flowlines-cli --} csv data/nk-russia.json --out "$tables" > /dev/null
for t in story sources places categories units routes streams observations sanctions events; do
  [ -f "$tables/$t.csv" ] && cat "$tables/$t.csv"
  printf '\0'
done > fuzz/corpus/csv/nk-russia.tables
rm -rf "$tables"

cd fuzz
cargo +nightly fuzz build -O
for target in json csv scene; do
  runs=$reader_runs
  [ "$target" = scene ] && runs=$scene_runs
  echo "== $target: $runs runs (at most $max_seconds s), $(date -u +%FT%TZ)"
  start=$(date +%s)
  cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -runs="$runs" -max_total_time="$max_seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done|ERROR|panicked" || true
  echo "== $target: $(( $(date +%s) - start )) s"
done
