#!/bin/bash
# Issue 20, item 4: covidct sweep (default grid) on the default cohort, build A against build B, interleaved, on the warm
# caches evaluate-ab.sh left in the same work folder. Compare with diff WORK/sweep-A/sweep.csv WORK/sweep-B/sweep.csv.
# Usage: benchmarks/critical-path/sweep-ab.sh A/covidct.dll B/covidct.dll [repeats] [work folder]
set -e
A=$1 B=$2 REPEATS=${3:-3} W=${4:-/tmp/covidct-evaluate-ab}
for r in $(seq 1 "$REPEATS"); do
  for who in $(printf "A\nB\n" | shuf); do
    dll=$A; [ "$who" = B ] && dll=$B
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(date +%s.%N)
    dotnet "$dll" sweep --quiet --out "$W/sweep-$who" --cache "$W/cache-$who"
    t1=$(date +%s.%N)
    echo "$r $who sweep $(echo "$t1 - $t0" | bc) load $load"
  done
done
