#!/usr/bin/env bash
# Load test of covidct serve (issue 19, item 6), on loopback only: starts `covidct serve` on 127.0.0.1 and a free port, then
#   1. steady load: CLIENTS clients (default 4) uploading real-size CT for STEADY_SECONDS (default 30),
#   2. overload: OVERLOAD_CLIENTS clients (default 16) for OVERLOAD_SECONDS (default 20),
# each client alternating a single 512 x 512 DICOM slice and a DICOM series as .zip (SERIES_SLICES slices, default 32) of
# LIDC-IDRI-0001 (COVIDCT_SHARED_DATA; without it, the default cohort's sim-003 NIfTI volume). Every client loop stops at
# its deadline (together at most 60 s); the server is stopped at the end, whatever happens.
# Reports requests/s, latency per slice (p50/p95/p99), status codes (the goal: none but 201, and 429 under overload), peak
# memory, and memory after the results expired against the baseline before the load. Not part of test.sh.
#
#   COVIDCT_SHARED_DATA=/work/shared/data benchmarks/serve/run.sh
#   CLIENTS=8 OVERLOAD_CLIENTS=16 STEADY_SECONDS=40 OVERLOAD_SECONDS=20 benchmarks/serve/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

clients=${CLIENTS:-4}
overload=${OVERLOAD_CLIENTS:-16}
steady_s=${STEADY_SECONDS:-30}
overload_s=${OVERLOAD_SECONDS:-20}
series_slices=${SERIES_SLICES:-32}
for n in "$clients" "$overload"; do
  if [ "$n" -lt 4 ] || [ "$n" -gt 16 ]; then echo "clients must be 4 to 16; got $n" >&2; exit 2; fi
done
if [ $((steady_s + overload_s)) -gt 60 ]; then echo "STEADY_SECONDS + OVERLOAD_SECONDS must be at most 60" >&2; exit 2; fi

work=$(mktemp -d /tmp/covidct-serve-load.XXXXXX)
dotnet build src/CovidCt.Cli -c Release > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }

# The inputs: one slice file and one series zip (or a NIfTI volume without the shared data).
if [ -n "${COVIDCT_SHARED_DATA:-}" ] && [ -d "$COVIDCT_SHARED_DATA/lidc-idri/LIDC-IDRI-0001" ]; then
  mapfile -t files < <(find "$COVIDCT_SHARED_DATA/lidc-idri/LIDC-IDRI-0001" -name '*.dcm' | sort)
  slice=${files[60]}
  mkdir -p "$work/series"
  cp "${files[@]:50:$series_slices}" "$work/series/"
  (cd "$work/series" && python3 -c 'import sys, zipfile; z = zipfile.ZipFile("../series.zip", "w", zipfile.ZIP_DEFLATED); [z.write(f) for f in sys.argv[1:]]' *.dcm)
  volume=$work/series.zip
  volume_slices=$series_slices
  source="LIDC-IDRI-0001: one 512 x 512 DICOM slice, and $series_slices slices of it as .zip"
else
  slice=datasets/default/images/sim-003.nii.gz
  volume=$slice
  volume_slices=24
  source="COVIDCT_SHARED_DATA not set: the default cohort's sim-003.nii.gz (24 slices) for both"
fi
slice_slices=1
[ "$slice" = "$volume" ] && slice_slices=$volume_slices

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
dotnet src/CovidCt.Cli/bin/Release/net10.0/covidct.dll serve --urls "$url" --expiry-minutes 0.25 > "$work/server.log" 2>&1 &
server=$!
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2> /dev/null || true
  kill "$server" 2> /dev/null || true
  wait "$server" 2> /dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 120); do curl -sf "$url/health" > /dev/null && break; sleep 0.5; done
curl -sf "$url/health" > /dev/null || { echo "the server did not start:"; tail -20 "$work/server.log"; exit 1; }

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
upload() { # FILE SLICES LABEL OUT; prints the status code
  local line
  line=$(curl -s -o /dev/null -w "$3 $2 %{http_code} %{time_total}" -F "file=@$1" "$url/v1/detections") || line="$3 $2 000 0"
  echo "$line" >> "$4"
  echo "$line" | cut -d' ' -f3
}
client() { # DEADLINE OUT
  local i=0 code
  while [ "$(date +%s)" -lt "$1" ]; do
    if [ $((i % 2)) -eq 0 ]; then code=$(upload "$slice" "$slice_slices" slice "$2"); else code=$(upload "$volume" "$volume_slices" series "$2"); fi
    i=$((i + 1))
    # A well-behaved client waits as told by Retry-After (2 s) after a 429.
    if [ "$code" = 429 ]; then sleep 2; fi
  done
}

# Warm-up (models opened, code jitted), then the baseline once those results have expired and been swept.
upload "$slice" "$slice_slices" slice "$work/warmup.txt" > /dev/null
upload "$volume" "$volume_slices" series "$work/warmup.txt" > /dev/null
sleep 25
baseline=$(rss_mb)
(peak=0; while kill -0 "$server" 2> /dev/null; do r=$(rss_mb); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$work/peak.txt"; sleep 0.25; done) &
sampler=$!

phase() { # NAME CLIENTS SECONDS
  local out=$work/$1.txt deadline=$(($(date +%s) + $3)) pids=() start end
  : > "$out"
  start=$(date +%s.%N)
  for _ in $(seq 1 "$2"); do client "$deadline" "$out" & pids+=($!); done
  wait "${pids[@]}"
  end=$(date +%s.%N)
  echo "== $1: $2 clients for $3 s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  awk -v wall="$(echo "$end - $start" | bc)" '
    { n++; codes[$3]++ }
    END {
      printf "   requests: %d in %.1f s = %.2f requests/s; status codes:", n, wall, n / wall
      for (c in codes) printf " %s x %d", c, codes[c]
      printf "\n"
    }' "$out"
  # Latency per slice of the successful uploads, sorted, then the 50th, 95th and 99th percentiles (nearest rank).
  awk '$3 == 201 { printf "%.1f\n", $4 * 1000 / $2 }' "$out" | sort -n > "$out.sorted"
  awk '{ t[NR] = $1 } END {
      if (NR == 0) { print "   no 201"; exit }
      printf "   latency per slice (201 only, %d uploads): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms\n", NR, t[r(0.50)], t[r(0.95)], t[r(0.99)]
    }
    function r(p,  k) { k = int(p * NR + 0.999999); return k < 1 ? 1 : k }' "$out.sorted"
}

echo "Server: $url (pid $server), inputs: $source"
echo "Memory before the load (models open, no result held): $baseline MB"
phase steady "$clients" "$steady_s"
phase overload "$overload" "$overload_s"
kill "$sampler" 2> /dev/null || true
sampler=""
echo "Peak memory during the load: $(cat "$work/peak.txt" 2> /dev/null || echo "$baseline") MB"
# Results expire 15 s after their upload; the sweeper then drops them and gives the memory back.
sleep 25
echo "Memory 25 s after the load (every result expired): $(rss_mb) MB (baseline $baseline MB)"
curl -s "$url/health"; echo
if grep -qE ' (5[0-9][0-9]|000) ' "$work/steady.txt" "$work/overload.txt"; then echo "FAILED: server errors or dropped connections (see $work)"; exit 1; fi
rm -rf "$work"
