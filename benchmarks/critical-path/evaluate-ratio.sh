#!/bin/bash
# Issue 20, item 4: the real `covidct evaluate` against scoring alone on the same slices, as users run it.
# Each round runs, in a random order: evaluate --quiet --figures none with an empty cache on the default cohort (262 test
# slices) and on the 10x cohort (2,632), and the model alone on each (benchmarks --only scoring-alone: read and
# preprocessed before the clock starts). Prints every run, then medians and two ratios:
#   whole run: evaluate's wall time on the 10x cohort (start-up, model loading and reports included) / scoring alone;
#   per slice: evaluate's marginal cost, (10x - default) / (2,632 - 262) slices, which leaves out what a run pays once
#   (process start, JIT, opening the model, the reports' fixed part) / scoring alone per slice.
# Usage: benchmarks/critical-path/evaluate-ratio.sh [rounds] [covidct.dll]   (run from the repository root, after
#   `dotnet build CovidCt.sln -c Release` and `dotnet build benchmarks/CovidCt.Benchmarks -c Release`)
set -euo pipefail
ROUNDS=${1:-3}
DLL=${2:-src/CovidCt.Cli/bin/Release/net10.0/covidct.dll}
WORK=$(mktemp -d /tmp/covidct-evaluate-ratio.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
X10=.cache/cohort-x10
if [ ! -f "$X10/manifest.csv" ]; then
  # The default cohort's spec with ten times its patients (benchmarks/README.md, item 6), test split only.
  /usr/bin/python3 - "$WORK/x10.json" <<'EOF'
import json, sys
spec = json.load(open("datasets/specs/default.json"))
spec["procedural"] = {"covid": 160, "control": 160}
json.dump(spec, open(sys.argv[1], "w"), indent=2)
EOF
  dotnet "$DLL" cohort build --spec "$WORK/x10.json" --out "$X10" --splits test --no-sheets > /dev/null
fi
declare -A SLICES=([default]=0 [x10]=0)
RESULTS="$WORK/results"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for run in $(printf "evaluate default\nevaluate x10\nalone default\nalone x10\n" | shuf | tr ' ' ':'); do
    what=${run%%:*} cohort=${run#*:}
    manifest=datasets/default/manifest.csv
    [ "$cohort" = x10 ] && manifest=$X10/manifest.csv
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$what" = evaluate ]; then
      rm -rf "$WORK/cache" "$WORK/out"
      /usr/bin/time -f "%e %U" -o "$WORK/time" dotnet "$DLL" evaluate --quiet --figures none --cohort "$manifest" \
        --cache "$WORK/cache" --out "$WORK/out" > /dev/null
      read -r wall user < "$WORK/time"
      echo "$round evaluate $cohort wall_s $wall user_s $user load $load" | tee -a "$RESULTS"
    else
      line=$(dotnet run --project benchmarks/CovidCt.Benchmarks -c Release --no-build -- --only scoring-alone \
        --cohort "$manifest" --repeats 1 | grep '^Scoring alone')
      slices=$(echo "$line" | sed -E 's/.* on ([0-9]+) test slices.*/\1/')
      seconds=$(echo "$line" | sed -E 's/.*median ([0-9.]+) ms.*/\1/' | awk '{print $1 / 1000}')
      SLICES[$cohort]=$slices
      echo "$round alone $cohort wall_s $seconds slices $slices load $load" | tee -a "$RESULTS"
    fi
  done
done
/usr/bin/python3 - "$RESULTS" "${SLICES[default]}" "${SLICES[x10]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
n1, n10 = int(sys.argv[2]), int(sys.argv[3])
med = lambda what, cohort: statistics.median(float(r[4]) for r in rows if r[1] == what and r[2] == cohort)
e1, e10, s1, s10 = med("evaluate", "default"), med("evaluate", "x10"), med("alone", "default"), med("alone", "x10")
alone = (s1 + s10) / (n1 + n10)
print(f"medians: evaluate {e1:.2f} s ({n1} slices), {e10:.2f} s ({n10}); scoring alone {s1:.2f} s, {s10:.2f} s: {alone * 1e3:.2f} ms per slice")
print(f"whole run on the 10x cohort: evaluate / scoring alone = {e10 / s10:.3f}")
print(f"per slice: evaluate's marginal cost {(e10 - e1) / (n10 - n1) * 1e3:.2f} ms / scoring alone {alone * 1e3:.2f} ms = {(e10 - e1) / (n10 - n1) / alone:.3f} (target <= 1.1)")
EOF
