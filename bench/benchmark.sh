#!/usr/bin/env bash
# Benchmark (not a test): N full runs of the packaged suite against the embedded reference server, each from JVM
# start to summary, HTML report included. Prints wall time, HTTP requests and the sum of server response times.
# Usage: bench/benchmark.sh [runs=3] [extra run options…]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
[ -f target/ddi-conformance.jar ] || mvn -B -q package -DskipTests
out=$(mktemp -d)
printf '%-4s %9s %9s %14s %9s\n' run wall_s requests server_sum_s verdict
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar target/ddi-conformance.jar --reports "$out/r$i" "$@" > "$out/log$i" 2>&1 || true
  end=$(date +%s%N)
  s="$out/r$i/summary.json"
  requests=$(grep -o '"requests" : [0-9]*' "$s" | grep -o '[0-9]*$')
  server=$(grep -o '"serverTimeMs" : [0-9]*' "$s" | grep -o '[0-9]*$')
  verdict=$(grep -o '"verdict" : "[A-Z_]*"' "$s" | cut -d'"' -f4)
  awk -v i="$i" -v w="$(( (end - start) / 1000000 ))" -v r="$requests" -v sv="$server" -v v="$verdict" \
    'BEGIN { printf "%-4s %9.2f %9d %14.2f %9s\n", i, w / 1000, r, sv / 1000, v }'
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
rm -rf "$out"
