#!/usr/bin/env bash
# Runs every test of CovidCt: restore, build (warnings are errors), each test project, then the
# notebooks. Ends with one line "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"
passed=0 failed=0 skipped=0

# The report's browser test needs Debian's chromium; install it once when we may (root with apt-get), else it skips.
if ! command -v chromium > /dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
  echo "== installing chromium (browser test of report.html)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) > "$results/chromium-install.log" 2>&1 \
    || echo "   chromium could not be installed (see $results/chromium-install.log): the browser test will skip"
fi

# The cluster's membership tests start their own PostgreSQL (Debian's server binaries, a temp folder, 127.0.0.1, a free
# port); install them once when we may, else those tests skip saying why.
if ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 && ! command -v initdb > /dev/null 2>&1 \
  && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
  echo "== installing postgresql (cluster membership tests)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) > "$results/postgresql-install.log" 2>&1 \
    || echo "   postgresql could not be installed (see $results/postgresql-install.log): the PostgreSQL membership tests will skip"
fi

echo "== build"
if ! dotnet build CovidCt.sln -c Release > "$results/build.log" 2>&1; then
  grep -E "error|warning" "$results/build.log" | sort -u | head -40
  echo "build failed (full log: $results/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

counter() { # attribute name, trx file
  grep -o "<Counters [^>]*" "$2" | grep -o "$1=\"[0-9]*\"" | grep -o "[0-9]*" | head -1
}

# tests/CovidCt.Testing is the library the test projects share, not a test project itself.
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" --logger "console;verbosity=minimal" 2>&1 | tail -n 20
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   no results for $name: counted as one failure"
    failed=$((failed + 1))
    continue
  fi
  total=$(counter total "$trx"); p=$(counter passed "$trx"); f=$(counter failed "$trx")
  e=$(counter error "$trx"); t=$(counter timeout "$trx"); x=$(counter executed "$trx")
  f=$((f + ${e:-0} + ${t:-0}))
  s=$(( ${total:-0} - ${x:-0} ))
  passed=$((passed + ${p:-0})); failed=$((failed + f)); skipped=$((skipped + s))
done

# The benchmarks' smoke: correctness of the measured paths only, no timing; counted as one test.
echo "== benchmarks smoke"
if dotnet run --project benchmarks/CovidCt.Benchmarks -c Release --no-build -- --smoke; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

if [ -x notebooks/run-notebooks.sh ]; then
  echo "== notebooks (each .dib and each file-based app .cs counts once)"
  nb_out=$(notebooks/run-notebooks.sh 2>&1); nb_rc=$?
  echo "$nb_out" | grep -v "^NOTEBOOKS "
  nb_line=$(echo "$nb_out" | grep "^NOTEBOOKS " | tail -1)
  if [ -n "$nb_line" ]; then
    read -r _ nb_p nb_f <<<"$nb_line"
    passed=$((passed + nb_p)); failed=$((failed + nb_f))
  elif [ $nb_rc -ne 0 ]; then
    failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
