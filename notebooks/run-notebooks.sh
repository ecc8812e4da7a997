#!/usr/bin/env bash
# Runs every notebooks/*.dib headless with dotnet-repl (local tool) and keeps the executed notebooks under
# artifacts/notebooks/. A notebook fails when any cell fails; the failing cells' errors are printed here.
# The last line is exactly "NOTEBOOKS <passed> <failed>" (test.sh adds these counts to its total).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=../artifacts/notebooks
mkdir -p "$out" # dotnet-repl crashes after running when the output folder is missing

# The notebooks #r this project's build output (relative to this folder, which must be the working directory).
if ! dotnet tool restore > "$out/tool-restore.log" 2>&1 \
  || ! dotnet build ../src/CovidCt.Interactive -c Release > "$out/build.log" 2>&1; then
  tail -n 20 "$out/tool-restore.log" "$out/build.log"
  echo "notebooks: restoring dotnet-repl or building CovidCt.Interactive failed (logs in artifacts/notebooks/)"
  echo "NOTEBOOKS 0 1"
  exit 1
fi

# Prints every error output of an executed notebook, with the first line of the cell that raised it.
print_errors() {
  jq -r '.cells | to_entries[] | .key as $i | .value as $cell | ($cell.outputs // [])[] | select(.output_type == "error")
    | "   cell \($i + 1) (\(($cell.source | if type == "array" then join("") else . end) | split("\n")[0])): \(.ename): \(.evalue)",
      ((.traceback // [])[:12][] | "      \(.)")' "$1"
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

echo "NOTEBOOKS $passed $failed"
[ "$failed" -eq 0 ]
