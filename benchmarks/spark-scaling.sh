#!/bin/sh
# Spark local mode against the CLI on the same generated comments (benchmarks/README.md, "Spark local mode").
# usage: sh benchmarks/spark-scaling.sh [ROWS] [WORKDIR]     (after mvn -B -Pspark -DskipTests package)
# Generates ROWS comments drawn from ../shared/datasets (BigCsv), converts them to Parquet (8 files), then times
# `bin/verbatim classify` with --threads 1 and 2 on the CSV and ClassifyJob with local[1] and local[2] on the
# Parquet (java -jar spark/target/verbatim-spark-local.jar, with and without its relaunch with the AppCDS archive),
# and checks that every Spark output row equals the CLI's row (spark_compare.py).
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
# java -jar as the issue runs it, which reruns the job in a child JVM with the jar's AppCDS archive, C1 only and the
# serial collector (the flags of bin/verbatim-spark), then the same with VERBATIM_SPARK_RELAUNCH=0: the JVM's defaults
# (C2, G1, no archive); alternated with the CLI
spark() { # label, master, input, text column, command...
  label=$1 master=$2 in=$3 text=$4
  shift 4
  timed "$label" "$@" --master "$master" --input "$in" --output "$work/$label" --format csv --id-column id \
    --text-column "$text"
}
timed cli-threads-1 "$root/bin/verbatim" classify --input "$work/big.csv" --output "$work/cli-1.csv" --threads 1
spark spark-local-1 'local[1]' "$work/big.parquet" text java -Xmx1g -jar "$jar"
spark spark-local-1-defaults 'local[1]' "$work/big.parquet" text env VERBATIM_SPARK_RELAUNCH=0 java -Xmx1g -jar "$jar"
timed cli-threads-2 "$root/bin/verbatim" classify --input "$work/big.csv" --output "$work/cli-2.csv" --threads 2
spark spark-local-2 'local[2]' "$work/big.parquet" text java -Xmx1g -jar "$jar"
spark spark-local-2-defaults 'local[2]' "$work/big.parquet" text env VERBATIM_SPARK_RELAUNCH=0 java -Xmx1g -jar "$jar"
# the fixed cost: the same job on the 64-row sample (Spark's start-up and JIT compilation)
sample=$root/examples/data/sample-feedback.csv
spark spark-local-1-sample 'local[1]' "$sample" comment java -Xmx1g -jar "$jar"
spark spark-local-1-sample-defaults 'local[1]' "$sample" comment env VERBATIM_SPARK_RELAUNCH=0 java -Xmx1g -jar "$jar"
spark spark-local-2-sample 'local[2]' "$sample" comment java -Xmx1g -jar "$jar"
spark spark-local-2-sample-defaults 'local[2]' "$sample" comment env VERBATIM_SPARK_RELAUNCH=0 java -Xmx1g -jar "$jar"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/benchmarks/spark_compare.py" "$work/cli-1.csv" "$work/spark-local-1" "$work/spark-local-1-defaults" \
  "$work/spark-local-2" "$work/spark-local-2-defaults"
