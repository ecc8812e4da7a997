#!/usr/bin/env bash
# Runs each CovidCt fuzz harness under afl-fuzz (afl++ from Debian) for a fixed number of executions, then prints one line
# per harness: executions done, crashes and hangs saved, time. Not part of test.sh or CI: it takes hours for 10^6 each.
#
#   fuzz/run.sh                          # every harness, 1,000,000 executions each
#   EXECS=200000 fuzz/run.sh nifti slice # some harnesses, fewer executions
#
# Findings go to fuzz/findings/HARNESS/default/{crashes,hangs}; reproduce one with the uninstrumented build
#   dotnet build fuzz/CovidCt.Fuzz -c Release && dotnet fuzz/CovidCt.Fuzz/bin/Release/net10.0/CovidCt.Fuzz.dll replay HARNESS FILE
# which prints the reader's refusal, "read", or the exception of a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

execs=${EXECS:-1000000}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dicom nifti slice manifest)
findings=fuzz/findings
bin=fuzz/.bin
tools=fuzz/.tools

if ! command -v afl-fuzz > /dev/null 2>&1; then
  echo "== installing afl++ (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "== installing the SharpFuzz instrumentation tool"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" > /dev/null
fi

# A separate publish folder: the instrumented CovidCt.Data.dll must never replace the one the product and tests use.
echo "== building and instrumenting CovidCt.Data.dll"
rm -rf "$bin"
dotnet publish fuzz/CovidCt.Fuzz -c Release -o "$bin" > /dev/null
# Seeds first: instrumented code runs only under afl (outside it, its trace map is missing).
dotnet "$bin/CovidCt.Fuzz.dll" seed "$findings/seeds"
"$tools/sharpfuzz" "$bin/CovidCt.Data.dll" > /dev/null

for target in "${targets[@]}"; do
  echo "== $target: $execs executions"
  rm -rf "${findings:?}/$target"
  # dotnet itself is not instrumented (SharpFuzz instruments the assembly): skip afl's binary check. No CPU pinning on a
  # shared machine; a capped GC heap turns a memory bomb into a crash (OutOfMemoryException escapes the harness).
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    DOTNET_GCHeapHardLimit=0x40000000 \
    nice -n 19 afl-fuzz -i "$findings/seeds/$target" -o "$findings/$target" -E "$execs" -t 5000 -m none \
    -- dotnet "$bin/CovidCt.Fuzz.dll" "$target" > "$findings/$target.log" 2>&1 || { tail -20 "$findings/$target.log"; exit 1; }
  # afl ends its harness processes with SIGKILL, so their scratch folders are removed here.
  rm -rf /dev/shm/covidct-fuzz-* "${TMPDIR:-/tmp}"/covidct-fuzz-*
done

echo "== results"
for target in "${targets[@]}"; do
  stats="$findings/$target/default/fuzzer_stats"
  value() { grep "^$1 " "$stats" | sed 's/.*: //'; }
  start=$(value start_time); last=$(value last_update)
  echo "$target: $(value execs_done) executions in $((last - start)) s ($(value execs_per_sec)/s), $(value saved_crashes) crashes, $(value saved_hangs) hangs, $(value corpus_count) inputs in the corpus"
done
