#!/bin/bash
# Issue 20, item 3: `covidct evaluate --valid-area model` with two builds, A and B, interleaved (A B, B A, A B, ...), each
# run on its own empty cache: wall time and max RSS (/usr/bin/time -v) with the load average beside each, then medians and
# B / A, and whether B's tables are byte-identical to A's (cmp, every file but metrics.json and report.html).
# Usage: benchmarks/critical-path/valid-area-model-ab.sh A/covidct.dll B/covidct.dll [rounds] [manifest] [model] [lung model] [more evaluate options]
#   (from the repository root). Any ONNX model with one image in and one probability map out serves as the lung model
#   for cost (models/unetpp-v1.onnx: its areas are nonsense, its cost is real).
set -euo pipefail
A=$1 B=$2 ROUNDS=${3:-3} MANIFEST=${4:-datasets/default/manifest.csv} MODEL=${5:-models/unetpp-v2.onnx} LUNG=${6:-models/unetpp-v1.onnx}
shift $(( $# < 6 ? $# : 6 ))
WORK=$(mktemp -d /tmp/covidct-valid-area-model-ab.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  order="A B"; [ $((round % 2)) = 0 ] && order="B A"
  for build in $order; do
    dll=$A; [ "$build" = B ] && dll=$B
    out="$WORK/$build-$round"
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -v -o "$out.time" dotnet "$dll" evaluate --model "$MODEL" --valid-area model --valid-area-model "$LUNG" \
      --figures none --quiet --cohort "$MANIFEST" --cache "$out/cache" --out "$out/out" "$@" > /dev/null
    wall=$(awk '/Elapsed \(wall/ {n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$out.time")
    rss=$(awk '/Maximum resident/ {print $NF}' "$out.time")
    echo "$round $build wall_s $wall maxrss_kib $rss load $load" | tee -a "$WORK/results"
  done
done
(cd "$WORK/A-1/out" && find . -type f ! -name metrics.json ! -name report.html) | while read -r f; do
  cmp -s "$WORK/A-1/out/$f" "$WORK/B-1/out/$f" || echo "differs: $f"
done
echo "tables compared (A-1 against B-1)"
/usr/bin/python3 - "$WORK/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = lambda build, col: statistics.median(float(r[col]) for r in rows if r[1] == build)
a, b = (med("A", 3), med("A", 5)), (med("B", 3), med("B", 5))
print(f"medians: A {a[0]:.2f} s, {a[1] / 1048576:.2f} GiB; B {b[0]:.2f} s, {b[1] / 1048576:.2f} GiB; B / A wall {b[0] / a[0]:.3f}, max RSS {b[1] / a[1]:.3f}")
PY
