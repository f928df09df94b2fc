#!/bin/sh
# Load test of `verbatim serve` on 127.0.0.1 only, bounded in time (benchmarks/README.md, "The HTTP service"):
#   1. single-comment requests: wrk, C connections (default 50), S seconds (default 60), after a 10 s warm-up;
#   2. batch requests of 50 comments: the same;
#   3. faults: single-comment load on C-10 connections while 10 clients send oversized, malformed, wrong-type and
#      stalled requests (org.verbatim.bench.ServiceFaults), S seconds;
#   4. the in-process figure for the same comments (org.verbatim.bench.ServiceBaseline).
# Prints wrk's summaries with the answers counted by status, the CPU seconds the service used in each phase (so CPU
# per request, which contention does not change), its resident memory every 5 s, its error
# counters from /metrics, and the 1-minute load average before and after. Needs Debian's wrk (apt-get install wrk),
# bin/verbatim (mvn package) and benchmarks/target/benchmarks.jar.
#
#   sh benchmarks/service-load.sh [SECONDS] [CONNECTIONS]
set -eu
seconds=${1:-60}
connections=${2:-50}
command -v wrk >/dev/null || { echo "service-load.sh: wrk is needed (apt-get install wrk)" >&2; exit 2; }
[ -f benchmarks/target/benchmarks.jar ] || { echo "service-load.sh: build benchmarks/target/benchmarks.jar first" >&2; exit 2; }
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bin/verbatim serve --host 127.0.0.1 --port 0 --idle-timeout-ms 2000 2>"$tmp/serve.err" &
pid=$!
i=0
until grep -q 'listening on' "$tmp/serve.err"; do
  i=$((i + 1))
  [ "$i" -lt 600 ] || { cat "$tmp/serve.err" >&2; exit 1; }
  sleep 0.1
done
base=$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$tmp/serve.err")
java_pid=$(pgrep -P "$pid" java || echo "$pid")
echo "service $base (pid $java_pid), rss at start $(ps -o rss= -p "$java_pid") kB"
rss() {
  while kill -0 "$java_pid" 2>/dev/null; do
    printf '%s ' "$(ps -o rss= -p "$java_pid" | tr -d ' ')" >>"$tmp/rss.$1"
    sleep 5
  done
}
# CPU seconds (user + system) the service has used so far, from /proc
cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$java_pid/stat"
}
lua=benchmarks/service/post.lua
wrk -t2 -c"$connections" -d10s -s "$lua" "$base" -- /v1/classify benchmarks/service/single.bodies >/dev/null
echo "== single comment: $connections connections, ${seconds}s"
rss single & rp=$!
c0=$(cpu)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$base" -- /v1/classify benchmarks/service/single.bodies
kill "$rp"; echo "service cpu s: $(echo "$(cpu) $c0" | awk '{ printf "%.2f", $1 - $2 }'); rss kB every 5 s: $(cat "$tmp/rss.single")"
echo "== batch of 50 comments: $connections connections, ${seconds}s"
rss batch & rp=$!
c0=$(cpu)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$base" -- /v1/classify/batch benchmarks/service/batch.bodies
kill "$rp"; echo "service cpu s: $(echo "$(cpu) $c0" | awk '{ printf "%.2f", $1 - $2 }'); rss kB every 5 s: $(cat "$tmp/rss.batch")"
good=$((connections - 10))
echo "== faults: $good connections of single comments + 10 fault clients, ${seconds}s"
rss faults & rp=$!
c0=$(cpu)
java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ServiceFaults "$base" "$seconds" 10 >"$tmp/faults" &
fp=$!
wrk -t2 -c"$good" -d"${seconds}s" --latency -s "$lua" "$base" -- /v1/classify benchmarks/service/single.bodies
faults_ok=0
wait "$fp" || faults_ok=$?
cat "$tmp/faults"
kill "$rp"; echo "service cpu s: $(echo "$(cpu) $c0" | awk '{ printf "%.2f", $1 - $2 }'); rss kB every 5 s: $(cat "$tmp/rss.faults")"
echo "== /metrics: errors and requests"
curl -s "$base/metrics" | grep -E '^verbatim_(errors_total|requests_total)'
kill "$pid"
wait "$pid" || true
pid=
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== in-process, one thread"
java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ServiceBaseline 20
exit "$faults_ok"
