#!/usr/bin/env bash
# Builds the native binary, then runs every test project. The last line is "N passed, N failed".
# Set SCOUR_REQUIRE_ORACLES=1 to make differential tests fail (not skip) when rg, git or grep is missing.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/eng/publish.sh" || { echo "0 passed, 1 failed"; exit 1; }
export SCOUR_BIN="$root/artifacts/native/scour"
log="$(mktemp)"
dotnet test Scour.slnx -c Release -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
# The samples build against the packed library and publish with NativeAOT: one more check.
if "$root/eng/check-samples.sh"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
echo "$passed passed, $failed failed"
exit $status
