#!/usr/bin/env bash
# Load check (issue 15, item 6): 4 `covidct evaluate` at once on one empty cache, then 100 `covidct detect` in a loop.
# Reports peak memory (/usr/bin/time -v), the most open file descriptors seen (/proc/PID/fd, sampled every 0.2 s), what
# was left behind in the cache and in the temporary folder, and whether every run gave identical bytes. Exits 1 when
# results differ or something is left behind. Not part of test.sh: it takes minutes.
#
#   benchmarks/load/run.sh                 # 4 evaluations, 100 detect calls
#   EVALUATIONS=2 DETECTS=10 benchmarks/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

evaluations=${EVALUATIONS:-4}
detects=${DETECTS:-100}
input=${INPUT:-datasets/default/images/sim-003.nii.gz}
work=$(mktemp -d /tmp/covidct-load.XXXXXX)
cache=$work/cache
dotnet build src/CovidCt.Cli -c Release > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
covidct=(dotnet src/CovidCt.Cli/bin/Release/net10.0/covidct.dll)

# A private temporary folder and user cache folder, so anything a run leaves behind is ours to see (and nobody else's).
export TMPDIR=$work/tmp XDG_CACHE_HOME=$work/xdg
mkdir -p "$TMPDIR" "$XDG_CACHE_HOME" "$cache"

# Samples the open descriptors of every covidct process below $1 (the /usr/bin/time wrappers) until they end; prints the most.
watch_fds() {
  local most=0 n pid
  while kill -0 "$@" 2> /dev/null; do
    for pid in $(pgrep -f "covidct.dll" -P "$(echo "$@" | tr ' ' ',')" 2> /dev/null); do
      n=$(ls "/proc/$pid/fd" 2> /dev/null | wc -l)
      [ "$n" -gt "$most" ] && most=$n
    done
    sleep 0.2
  done
  echo "$most"
}

peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$1"; }

echo "== $evaluations evaluate at once on one empty cache ($cache)"
pids=()
for i in $(seq 1 "$evaluations"); do
  /usr/bin/time -v -o "$work/eval-$i.time" "${covidct[@]}" evaluate --quiet --split all --cache "$cache" --out "$work/eval-$i" \
    > "$work/eval-$i.log" 2>&1 &
  pids+=($!)
done
most_fds=$(watch_fds "${pids[@]}")
failed=0
for i in "${!pids[@]}"; do wait "${pids[$i]}" || { echo "evaluate $((i + 1)) failed:"; tail -5 "$work/eval-$((i + 1)).log"; failed=1; }; done
for i in $(seq 1 "$evaluations"); do
  echo "evaluate $i: peak $(peak_mb "$work/eval-$i.time") MB, wall $(wall "$work/eval-$i.time")"
done
echo "most open file descriptors in one evaluate: $most_fds"
# metrics.json records where its run wrote and read; every other byte must agree, and the CSVs entirely.
hashes=$(for i in $(seq 1 "$evaluations"); do
  ( cd "$work/eval-$i" && { sed "s#$work/eval-$i#OUT#g" metrics.json; cat slices.csv patients.csv; } | sha256sum )
done | sort -u | wc -l)
echo "distinct results (metrics.json + slices.csv + patients.csv) across the $evaluations runs: $hashes"
[ "$hashes" = 1 ] || failed=1

echo "== $detects detect calls in a loop on $input"
: > "$work/detect.hashes"
most_detect_fds=0 most_detect_mb=0
for i in $(seq 1 "$detects"); do
  /usr/bin/time -v -o "$work/detect.time" "${covidct[@]}" detect "$input" --json --out "$work/detect" > "$work/detect.json" 2> "$work/detect.err" &
  n=$(watch_fds $!)
  wait $! || { echo "detect call $i failed:"; cat "$work/detect.err"; failed=1; break; }
  [ "$n" -gt "$most_detect_fds" ] && most_detect_fds=$n
  mb=$(peak_mb "$work/detect.time"); [ "$mb" -gt "$most_detect_mb" ] && most_detect_mb=$mb
  { sed "s#$work/detect#OUT#g" "$work/detect.json"; find "$work/detect" -type f | sort | xargs cat; } | sha256sum >> "$work/detect.hashes"
done
echo "detect: $(wc -l < "$work/detect.hashes") calls, highest peak $most_detect_mb MB, most open file descriptors $most_detect_fds"
echo "distinct results (JSON + figures) across the detect calls: $(sort -u "$work/detect.hashes" | wc -l)"
[ "$(sort -u "$work/detect.hashes" | wc -l)" = 1 ] || failed=1

echo "== left behind"
leftover_cache=$(find "$cache" -name "*.tmp*" -o -name "*.partial*" | wc -l)
# ONNX Runtime's bundled telemetry library keeps one session file, .ses, in the temporary folder and rewrites it each
# session: one file whatever the number of runs, so it is shown apart and not counted as left behind.
leftover_tmp=$(find "$TMPDIR" -mindepth 1 ! -name .ses | wc -l)
[ -e "$TMPDIR/.ses" ] && echo "temporary folder: .ses ($(stat -c %s "$TMPDIR/.ses") bytes), ONNX Runtime's telemetry session file, one for all runs"
leftover_out=$(find "$work" -maxdepth 1 -name ".*.partial" -o -maxdepth 1 -name ".*.previous" | wc -l)
echo "cache: $(find "$cache" -type f | wc -l) files, $leftover_cache temporary; temporary folder: $leftover_tmp entries; staging folders: $leftover_out"
[ "$leftover_cache" = 0 ] && [ "$leftover_tmp" = 0 ] && [ "$leftover_out" = 0 ] || failed=1

if [ "$failed" = 0 ]; then rm -rf "$work"; echo "PASS"; else echo "FAIL (kept $work)"; exit 1; fi
