#!/usr/bin/env bash
# Packs the Scour library, then builds and NativeAOT-publishes each sample against the packed
# package (from a local folder feed, with a private package cache so no stale copy is used), treating
# warnings as errors, and runs them once. Prints "samples: ok" on success.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rm -rf artifacts/packages artifacts/samples
dotnet pack src/Scour/Scour.csproj -c Release -o artifacts/packages -nologo -v quiet
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; esac
for sample in TodoList LiveSearch; do
  dotnet publish "samples/$sample/$sample.csproj" -c Release -r "$rid" -nologo -v quiet \
    --packages artifacts/samples/packages -o "artifacts/samples/$sample" -p:TreatWarningsAsErrors=true
done
# Smoke runs: TODO list of the fixture below, and two queries where the second supersedes the first.
demo="$(mktemp -d)"
printf 'int x; // TODO: remove x\nint y; // FIXME later\n' > "$demo/a.c"
artifacts/samples/TodoList/TodoList "$demo" | grep -q '"kind": "FIXME"'
printf 'remove\nlater\n' | artifacts/samples/LiveSearch/LiveSearch "$demo" | grep -q 'later | 1 results'
rm -rf "$demo"
echo "samples: ok"
