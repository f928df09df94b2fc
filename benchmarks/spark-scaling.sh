#!/bin/sh
# Spark local mode against the CLI on the same generated comments (benchmarks/README.md, "Spark local mode").
# usage: sh benchmarks/spark-scaling.sh [ROWS] [WORKDIR]     (after mvn -B -DskipTests package)
# Generates ROWS comments drawn from ../shared/datasets (BigCsv), converts them to Parquet (8 files), then times
# `bin/verbatim classify` with --threads 1 and 2 on the CSV and ClassifyJob with local[1] and local[2] on the
# Parquet, and checks that every Spark output row equals the CLI's row (spark_compare.py).
set -eu
rows=${1:-1000000}
work=${2:-/tmp/verbatim-spark-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/spark/target/verbatim-spark-local.jar
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$work"
timed() { # label, command...
  label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys CPU, max RSS %M KB" "$@" 2>"$work/$label.err" >/dev/null \
    || { cat "$work/$label.err"; exit 1; }
  grep -E "^(rows|$label:)" "$work/$label.err"
}
java -cp "$root/benchmarks/target/benchmarks.jar" org.verbatim.bench.BigCsv --data "$root/../shared/datasets" \
  --rows "$rows" --seed 42 --out "$work/big.csv"
rm -rf "$work/big.parquet" "$work"/spark-*
java -jar "$jar" --master 'local[2]' --input "$work/big.csv" --output "$work/big.parquet" --format parquet \
  --text-column text --layout input --partitions 8 -q 2>/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed cli-threads-1 "$root/bin/verbatim" classify --input "$work/big.csv" --output "$work/cli-1.csv" --threads 1
timed spark-local-1 java -Xmx1g -jar "$jar" --master 'local[1]' --input "$work/big.parquet" --output "$work/spark-1" \
  --format csv --id-column id --text-column text
timed cli-threads-2 "$root/bin/verbatim" classify --input "$work/big.csv" --output "$work/cli-2.csv" --threads 2
timed spark-local-2 java -Xmx1g -jar "$jar" --master 'local[2]' --input "$work/big.parquet" --output "$work/spark-2" \
  --format csv --id-column id --text-column text
# the fixed cost: the same job on the 64-row sample (Spark's start-up and JIT compilation)
timed spark-local-1-sample java -Xmx1g -jar "$jar" --master 'local[1]' --input "$root/examples/data/sample-feedback.csv" \
  --output "$work/spark-sample-1" --format csv --id-column id --text-column comment
timed spark-local-2-sample java -Xmx1g -jar "$jar" --master 'local[2]' --input "$root/examples/data/sample-feedback.csv" \
  --output "$work/spark-sample-2" --format csv --id-column id --text-column comment
# with C1 only (as bin/verbatim runs the CLI): Spark without the C2 compiler threads on the second core
timed spark-local-1-c1 java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$jar" --master 'local[1]' --input "$work/big.parquet" \
  --output "$work/spark-1-c1" --format csv --id-column id --text-column text
timed spark-local-2-c1 java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$jar" --master 'local[2]' --input "$work/big.parquet" \
  --output "$work/spark-2-c1" --format csv --id-column id --text-column text
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/benchmarks/spark_compare.py" "$work/cli-1.csv" "$work/spark-1" "$work/spark-2" "$work/spark-1-c1" "$work/spark-2-c1"
