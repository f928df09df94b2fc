#!/usr/bin/env bash
# Runs every benchmark suite in order with the documented defaults (see benchmarks/README.md).
#
#   bash benchmarks/run-all.sh            # full run: JMH, accuracy suite with all peers, polarity suite, CLI on 1M rows
#   bash benchmarks/run-all.sh --quick    # a shorter run: 1 fork, fast peers only, CLI on 100k rows
#
# Run from anywhere; paths are relative to the project root. Environment overrides:
#   VERBATIM_DATASETS  folder of dataset folders        (default ../shared/datasets)
#   PEERS_DIR          folder of the peer scripts       (default: peers beside the datasets folder)
#   BENCH_OUT          results folder                   (default benchmarks/results)
#   ZERO_SHOT_GOLD     coded social-care gold sets: "bundled" (default: the project's coded sets) or FILE[,FILE]
#   ROWS               rows of the CLI benchmark file   (default 1000000; 100000 with --quick)
#   MVN_FLAGS          flags of the build step          (default "-B -q"; add -o to build offline)
#   CORENLP_MODELS     CoreNLP models jar for the polarity suite's CoreNLP part (default: the one in ~/.m2;
#                      the part is skipped when the file is missing)
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

stamp "1/4 JMH throughput suite -> $OUT/jmh/"
java -jar "$JAR" "${JMH_OPTS[@]}" -prof org.verbatim.bench.HeapProfiler \
  -rf json -rff "$OUT/jmh/jmh.json" | tee "$OUT/jmh/jmh.txt"
sed -n '/^Benchmark /,$p' "$OUT/jmh/jmh.txt" > "$OUT/jmh/jmh-summary.txt"

stamp "2/4 accuracy suite (peers: $PEERS) -> $OUT/"
java -Xmx4g -cp "$JAR" org.verbatim.bench.AccuracySuite --data "$VERBATIM_DATASETS" --out "$OUT" \
  --peers "$PEERS" --peers-dir "$PEERS_DIR" --zero-shot-gold "$GOLD"

MODELS="${CORENLP_MODELS:-$HOME/.m2/repository/edu/stanford/nlp/stanford-corenlp/4.5.10/stanford-corenlp-4.5.10-models.jar}"
if [ -f "$MODELS" ]; then
  stamp "3/4 polarity suite with CoreNLP -> $OUT/polarity/"
  java -cp "$JAR:$MODELS" org.verbatim.bench.PolaritySuite --data "$VERBATIM_DATASETS" --out "$OUT/polarity" --corenlp
else
  stamp "3/4 polarity suite (no CoreNLP models jar at $MODELS: OpenNLP only) -> $OUT/polarity/"
  java -cp "$JAR" org.verbatim.bench.PolaritySuite --data "$VERBATIM_DATASETS" --out "$OUT/polarity"
fi

stamp "4/4 CLI end to end on $ROWS rows -> $OUT/cli/"
java -cp "$JAR" org.verbatim.bench.CliBenchmark --data "$VERBATIM_DATASETS" --rows "$ROWS" \
  --out "$OUT/cli" --peers-dir "$PEERS_DIR"

stamp "done: $OUT/summary.md, $OUT/*/accuracy.md, $OUT/polarity/summary.md, $OUT/jmh/jmh-summary.txt, $OUT/cli/cli-benchmark.md"
