#!/usr/bin/env bash
# Runs every benchmark suite in order with the documented defaults (see benchmarks/README.md).
#
#   bash benchmarks/run-all.sh            # full run: JMH, accuracy suite with all peers, CLI on 1M rows
#   bash benchmarks/run-all.sh --quick    # a shorter run: 1 fork, fast peers only, CLI on 100k rows
#
# Run from anywhere; paths are relative to the project root. Environment overrides:
#   VERBATIM_DATASETS  folder of dataset folders        (default ../shared/datasets)
#   PEERS_DIR          folder of the peer scripts       (default: peers beside the datasets folder)
#   BENCH_OUT          results folder                   (default benchmarks/results)
#   ZERO_SHOT_GOLD     coded social-care gold sets: "bundled" (default: the project's coded sets) or FILE[,FILE]
#   ROWS               rows of the CLI benchmark file   (default 1000000; 100000 with --quick)
#   MVN_FLAGS          flags of the build step          (default "-B -q"; add -o to build offline)
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
if [ "${1:-}" = "--quick" ]; then QUICK=1; fi
export VERBATIM_DATASETS="${VERBATIM_DATASETS:-../shared/datasets}"
OUT="${BENCH_OUT:-benchmarks/results}"
PEERS_DIR="${PEERS_DIR:-$(dirname "$VERBATIM_DATASETS")/peers}"
GOLD="${ZERO_SHOT_GOLD:-bundled}"
if [ "$QUICK" = 1 ]; then
  ROWS="${ROWS:-100000}"; PEERS=fast; JMH_OPTS=(-f 1 -wi 2 -i 3)
else
  ROWS="${ROWS:-1000000}"; PEERS=all; JMH_OPTS=()
fi
JAR=benchmarks/target/benchmarks.jar
mkdir -p "$OUT/jmh"
stamp() { echo "[$(date +%T)] $*" >&2; }

stamp "machine: $(nproc) cores; $(free -g | awk '/^Mem:/ {print $2 " GiB RAM"}'); $(java -version 2>&1 | head -1)"
stamp "build: CLI jar and benchmarks jar"
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--B -q} -pl cli,benchmarks -am package -DskipTests

stamp "1/3 JMH throughput suite -> $OUT/jmh/"
java -jar "$JAR" "${JMH_OPTS[@]}" -prof org.verbatim.bench.HeapProfiler \
  -rf json -rff "$OUT/jmh/jmh.json" | tee "$OUT/jmh/jmh.txt"
sed -n '/^Benchmark /,$p' "$OUT/jmh/jmh.txt" > "$OUT/jmh/jmh-summary.txt"

stamp "2/3 accuracy suite (peers: $PEERS) -> $OUT/"
java -Xmx4g -cp "$JAR" org.verbatim.bench.AccuracySuite --data "$VERBATIM_DATASETS" --out "$OUT" \
  --peers "$PEERS" --peers-dir "$PEERS_DIR" --zero-shot-gold "$GOLD"

stamp "3/3 CLI end to end on $ROWS rows -> $OUT/cli/"
java -cp "$JAR" org.verbatim.bench.CliBenchmark --data "$VERBATIM_DATASETS" --rows "$ROWS" \
  --out "$OUT/cli" --peers-dir "$PEERS_DIR"

stamp "done: $OUT/summary.md, $OUT/*/accuracy.md, $OUT/jmh/jmh-summary.txt, $OUT/cli/cli-benchmark.md"
