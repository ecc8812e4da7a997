#!/usr/bin/env bash
# Runs both forms of every notebook headless, from a fresh clone with no prior build:
#   - every notebooks/*.dib with dotnet-repl (local tool); its first cell builds the libraries; the executed notebooks are
#     kept as artifacts/notebooks/NAME.ipynb. A notebook fails when any cell fails; the failing cells' errors are printed.
#   - every notebooks/*.cs as a .NET 10 file-based app (dotnet run -c Release NAME.cs), which writes
#     artifacts/notebooks/NAME.html. When chromium is installed, the page is then opened with the network disabled and
#     passes only when every chart drew (artifacts/notebooks/NAME.png is its screenshot).
# The last line is exactly "NOTEBOOKS <passed> <failed>" (test.sh adds these counts to its total); each form counts once.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=../artifacts/notebooks
mkdir -p "$out" # dotnet-repl crashes after running when the output folder is missing

if ! dotnet tool restore > "$out/tool-restore.log" 2>&1; then
  tail -n 20 "$out/tool-restore.log"
  echo "notebooks: restoring dotnet-repl failed (log in artifacts/notebooks/tool-restore.log)"
  echo "NOTEBOOKS 0 1"
  exit 1
fi

# Prints every error output of an executed notebook, with the first line of the cell that raised it.
print_errors() {
  jq -r '.cells | to_entries[] | .key as $i | .value as $cell | ($cell.outputs // [])[] | select(.output_type == "error")
    | "   cell \($i + 1) (\(($cell.source | if type == "array" then join("") else . end) | split("\n")[0])): \(.ename): \(.evalue)",
      ((.traceback // [])[:12][] | "      \(.)")' "$1"
}

chromium=""
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$candidate" ] && chromium=$candidate && break; done

# Opens a page offline (every request goes to a closed local port) and prints "<charts drawn> <chart divs>".
check_page() {
  local page=$1 profile
  profile=$(mktemp -d)
  local dom
  dom=$(timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
    --user-data-dir="$profile" --virtual-time-budget=30000 --dump-dom "file://$(realpath "$page")" 2>/dev/null)
  timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 --user-data-dir="$profile" \
    --virtual-time-budget=30000 --hide-scrollbars --window-size=1200,2400 --screenshot="$(realpath "$out")/$(basename "${page%.html}").png" \
    "file://$(realpath "$page")" > /dev/null 2>&1
  rm -rf "$profile"
  local drawn divs
  drawn=$(grep -o 'data-charts-rendered="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' | head -1)
  divs=$(grep -oE '<div class="covidct-chart[ "]' <<<"$dom" | wc -l)
  echo "${drawn:-0} $divs"
}

passed=0 failed=0
for notebook in *.dib; do
  name=${notebook%.dib}
  executed="$out/$name.ipynb"
  rm -f "$executed"
  start=$SECONDS
  dotnet tool run dotnet-repl --run "$notebook" --exit-after-run --output-path "$executed" > "$out/$name.log" 2>&1
  rc=$?
  seconds=$((SECONDS - start))
  if [ $rc -eq 0 ] && [ -f "$executed" ]; then
    echo "   pass  $notebook (${seconds}s)"
    passed=$((passed + 1))
  else
    echo "   FAIL  $notebook (exit $rc, ${seconds}s)"
    if [ -f "$executed" ]; then print_errors "$executed"; else tail -n 20 "$out/$name.log"; fi
    failed=$((failed + 1))
  fi
done

for app in *.cs; do
  name=${app%.cs}
  page="$out/$name.html"
  rm -f "$page"
  start=$SECONDS
  dotnet run -c Release "$app" "$page" > "$out/$name.app.log" 2>&1
  rc=$?
  seconds=$((SECONDS - start))
  if [ $rc -ne 0 ] || [ ! -f "$page" ]; then
    echo "   FAIL  $app (exit $rc, ${seconds}s)"
    tail -n 20 "$out/$name.app.log"
    failed=$((failed + 1))
    continue
  fi
  if [ -z "$chromium" ]; then
    echo "   pass  $app (${seconds}s; chromium not installed, charts not checked in a browser)"
    passed=$((passed + 1))
    continue
  fi
  read -r drawn divs <<<"$(check_page "$page")"
  if [ "$divs" -gt 0 ] && [ "$drawn" -eq "$divs" ]; then
    echo "   pass  $app (${seconds}s; $drawn of $divs charts drawn offline)"
    passed=$((passed + 1))
  else
    echo "   FAIL  $app (${seconds}s; $drawn of $divs charts drawn with the network disabled; see $out/$name.png)"
    failed=$((failed + 1))
  fi
done

echo "NOTEBOOKS $passed $failed"
[ "$failed" -eq 0 ]
