#!/usr/bin/env bash
# Publishes the native (NativeAOT) scour binary to artifacts/native/scour (not artifacts/publish,
# which the SDK's artifacts layout uses for its own per-project folders).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "unsupported machine: $(uname -m)" >&2; exit 2 ;;
esac
[[ "$(uname -s)" == Darwin ]] && rid="osx-${rid#linux-}"
out="$root/artifacts/native"
dotnet publish "$root/src/Scour.Cli/Scour.Cli.csproj" -c Release -r "$rid" -o "$out" -nologo -v quiet "$@"
mv -f "$out/Scour.Cli" "$out/scour"
