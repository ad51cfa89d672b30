#!/usr/bin/env bash
# Benchmark (not a test): full runs of the packaged suite against the embedded reference server, from JVM start to
# summary. For each run it prints the process wall time, the suite's own wall time (first check to last), the HTTP
# requests, the sum of the server's response times and the ratio suite wall / sum of server time (issue 5 targets:
# <= 0.5 in parallel, <= 1.2 sequential).
# Usage: bench/benchmark.sh [runs=3] [extra run options…]
#   e.g. bench/benchmark.sh 3 --parallel 1            (sequential)
#        bench/benchmark.sh 3 --latency 20ms          (every answer 20 ms slower, as a remote server would be)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
[ -f target/ddi-conformance.jar ] || mvn -B -q package -DskipTests
out=$(mktemp -d)
echo "options: ${*:-(defaults)}"
printf '%-4s %9s %9s %9s %13s %7s %14s\n' run wall_s suite_s requests server_sum_s ratio verdict
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar target/ddi-conformance.jar --no-html --reports "$out/r$i" "$@" > "$out/log$i" 2>&1 || true
  end=$(date +%s%N)
  python3 - "$out/r$i/summary.json" "$i" "$(( (end - start) / 1000000 ))" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); run = s["run"]
suite, server = run["durationMs"] / 1000, run["serverTimeMs"] / 1000
print("%-4s %9.2f %9.2f %9d %13.2f %7.2f %14s" % (sys.argv[2], int(sys.argv[3]) / 1000, suite, run["requests"], server,
      suite / server if server else float("nan"), s["verdict"]))
PY
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
rm -rf "$out"
