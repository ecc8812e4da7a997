#!/bin/bash
# Issue 20, item 4: covidct evaluate --quiet on the default cohort, build A against build B (two covidct.dll), interleaved:
# each repeat runs A and B in a random order, each with a cold cache (the model scores every slice) and then warm.
# Usage: benchmarks/critical-path/evaluate-ab.sh A/covidct.dll B/covidct.dll [repeats] [work folder]
# Prints "repeat build cache seconds load"; compare the outputs with diff -r WORK/out-A WORK/out-B.
set -e
A=$1 B=$2 REPEATS=${3:-3} W=${4:-/tmp/covidct-evaluate-ab}
rm -rf "$W"; mkdir -p "$W"
for r in $(seq 1 "$REPEATS"); do
  for who in $(printf "A\nB\n" | shuf); do
    dll=$A; [ "$who" = B ] && dll=$B
    for cache in cold warm; do
      [ $cache = cold ] && rm -rf "$W/cache-$who"
      load=$(cut -d' ' -f1 /proc/loadavg)
      t0=$(date +%s.%N)
      dotnet "$dll" evaluate --quiet --out "$W/out-$who" --cache "$W/cache-$who"
      t1=$(date +%s.%N)
      echo "$r $who $cache $(echo "$t1 - $t0" | bc) load $load"
    done
  done
done
