#!/bin/bash
# Issue 20, item 4: the real `covidct evaluate` against scoring alone on the same slices, as users run it.
# Each round runs, in a random order: evaluate --quiet --figures none with an empty cache on a small and a large cohort
# (by default the default cohort's 262 test slices and the 10x cohort's 2,632), and the model alone on each (benchmarks
# --only scoring-alone: read and preprocessed before the clock starts). Prints every run, then medians and two ratios:
#   whole run: evaluate's wall time on the large cohort (start-up, model loading and reports included) / scoring alone;
#   per slice: evaluate's marginal cost, (large - small) / (slices of large - slices of small), which leaves out what a run
#   pays once (process start, JIT, opening the model, the reports' fixed part) / scoring alone per slice.
# Usage: benchmarks/critical-path/evaluate-ratio.sh [rounds] [covidct.dll]   (run from the repository root, after
#   `dotnet build CovidCt.sln -c Release` and `dotnet build benchmarks/CovidCt.Benchmarks -c Release`)
# Environment: MODEL=M.onnx scores with that model (evaluate --model, scoring alone --model; default: the shipped model);
#   SMALL=A.csv LARGE=B.csv replace the two cohorts (test split of each), e.g. a one- and a three-patient manifest for the
#   study-size model, whose 2.4 s per slice makes the default cohorts take hours.
set -euo pipefail
ROUNDS=${1:-3}
DLL=${2:-src/CovidCt.Cli/bin/Release/net10.0/covidct.dll}
WORK=$(mktemp -d /tmp/covidct-evaluate-ratio.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
X10=.cache/cohort-x10
SMALL=${SMALL:-datasets/default/manifest.csv}
LARGE=${LARGE:-$X10/manifest.csv}
MODEL_ARGS=()
[ -n "${MODEL:-}" ] && MODEL_ARGS=(--model "$MODEL")
if [ "$LARGE" = "$X10/manifest.csv" ] && [ ! -f "$X10/manifest.csv" ]; then
  # The default cohort's spec with ten times its patients (benchmarks/README.md, item 6), test split only.
  /usr/bin/python3 - "$WORK/x10.json" <<'EOF'
import json, sys
spec = json.load(open("datasets/specs/default.json"))
spec["procedural"] = {"covid": 160, "control": 160}
json.dump(spec, open(sys.argv[1], "w"), indent=2)
EOF
  dotnet "$DLL" cohort build --spec "$WORK/x10.json" --out "$X10" --splits test --no-sheets > /dev/null
fi
declare -A SLICES=([small]=0 [large]=0)
RESULTS="$WORK/results"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for run in $(printf "evaluate small\nevaluate large\nalone small\nalone large\n" | shuf | tr ' ' ':'); do
    what=${run%%:*} cohort=${run#*:}
    manifest=$SMALL
    [ "$cohort" = large ] && manifest=$LARGE
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$what" = evaluate ]; then
      rm -rf "$WORK/cache" "$WORK/out"
      /usr/bin/time -f "%e %U %M" -o "$WORK/time" dotnet "$DLL" evaluate "${MODEL_ARGS[@]}" --quiet --figures none --cohort "$manifest" \
        --cache "$WORK/cache" --out "$WORK/out" > /dev/null
      read -r wall user rss < "$WORK/time"
      echo "$round evaluate $cohort wall_s $wall user_s $user max_rss_kb $rss load $load" | tee -a "$RESULTS"
    else
      line=$(dotnet run --project benchmarks/CovidCt.Benchmarks -c Release --no-build -- --only scoring-alone \
        "${MODEL_ARGS[@]}" --cohort "$manifest" --repeats 1 | grep '^Scoring alone')
      slices=$(echo "$line" | sed -E 's/.* on ([0-9]+) test slices.*/\1/')
      seconds=$(echo "$line" | sed -E 's/.*median ([0-9.]+) ms.*/\1/' | awk '{print $1 / 1000}')
      SLICES[$cohort]=$slices
      echo "$round alone $cohort wall_s $seconds slices $slices load $load" | tee -a "$RESULTS"
    fi
  done
done
/usr/bin/python3 - "$RESULTS" "${SLICES[small]}" "${SLICES[large]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
n1, n10 = int(sys.argv[2]), int(sys.argv[3])
med = lambda what, cohort: statistics.median(float(r[4]) for r in rows if r[1] == what and r[2] == cohort)
e1, e10, s1, s10 = med("evaluate", "small"), med("evaluate", "large"), med("alone", "small"), med("alone", "large")
alone = (s1 + s10) / (n1 + n10)
print(f"medians: evaluate {e1:.2f} s ({n1} slices), {e10:.2f} s ({n10}); scoring alone {s1:.2f} s, {s10:.2f} s: {alone * 1e3:.2f} ms per slice")
rss = statistics.median(float(r[8]) for r in rows if r[1] == "evaluate" and r[2] == "large")
print(f"evaluate's peak memory on the large cohort: {rss / 1024:.0f} MiB max RSS (median)")
print(f"whole run on the large cohort: evaluate / scoring alone = {e10 / s10:.3f}")
print(f"per slice: evaluate's marginal cost {(e10 - e1) / (n10 - n1) * 1e3:.2f} ms / scoring alone {alone * 1e3:.2f} ms = {(e10 - e1) / (n10 - n1) / alone:.3f} (target <= 1.1)")
EOF
