#!/bin/sh
# Start-up benchmark: runs each case of a case file N times, round robin (case 1, case 2, ..., then again), so a
# change in machine load hits every case alike, and prints one line per case with the median CPU seconds
# (user + sys, from /usr/bin/time) and the median wall seconds, and the 1-minute load average before the first
# run and after the last. The figures in benchmarks/README.md ("Start-up") come from it.
#
#   sh benchmarks/startup.sh N CASES
#
# CASES holds one case per line, "label | shell command"; blank lines and lines starting with # are skipped:
#
#   default   | java -jar cli/target/verbatim.jar classify --input one.csv --output /tmp/one.out.csv
#   launcher  | bin/verbatim classify --input one.csv --output /tmp/one.out.csv
#
# A command's own stdout and stderr are discarded; a failing run stops the script.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: sh benchmarks/startup.sh N CASES" >&2
  exit 2
fi
n=$1
cases=$2
[ -x /usr/bin/time ] || { echo "startup.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^[[:space:]]*#' "$cases" | grep '|' >"$tmp/cases" || true
count=$(wc -l <"$tmp/cases")
[ "$count" -gt 0 ] || { echo "startup.sh: no cases in $cases" >&2; exit 2; }
load_before=$(cut -d' ' -f1 /proc/loadavg)
round=0
while [ "$round" -lt "$n" ]; do
  round=$((round + 1))
  c=0
  while [ "$c" -lt "$count" ]; do
    c=$((c + 1))
    cmd=$(sed -n "${c}p" "$tmp/cases" | cut -d'|' -f2-)
    if ! /usr/bin/time -f '%U %S %e' -o "$tmp/t" sh -c "$cmd" >/dev/null 2>"$tmp/err"; then
      echo "startup.sh: case $c, run $round failed: $cmd" >&2
      cat "$tmp/err" "$tmp/t" >&2
      exit 1
    fi
    awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' "$tmp/t" >>"$tmp/runs.$c"
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)
# median of column k of a runs file (the mean of the two middle values when the count is even)
median() {
  cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "# $n runs per case, round robin; load1 $load_before before, $load_after after; $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-44s %8s %8s   %s\n' case cpu_s wall_s 'cpu_s of each run'
c=0
while [ "$c" -lt "$count" ]; do
  c=$((c + 1))
  label=$(sed -n "${c}p" "$tmp/cases" | cut -d'|' -f1 | sed 's/[[:space:]]*$//')
  printf '%-44s %8s %8s   %s\n' "$label" "$(median 1 "$tmp/runs.$c")" "$(median 2 "$tmp/runs.$c")" "$(cut -d' ' -f1 "$tmp/runs.$c" | tr '\n' ' ')"
done
