#!/usr/bin/env bash
# Profiles one scour command with perf and prints where the time goes, per function.
# The published binary is stripped; symbols come from the .dbg file the NativeAOT build leaves.
#   bench/profile.sh [-n TOP] -- ARGS...     (runs artifacts/native/scour ARGS in the current dir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
top=25
if [[ ${1:-} == -n ]]; then top=$2; shift 2; fi
[[ ${1:-} == -- ]] && shift
dbg="$root/artifacts/bin/Scour.Cli/release_linux-x64/native/Scour.Cli.dbg"
data="$(mktemp)"
trap 'rm -f "$data"' EXIT
perf record -q -F 4999 -o "$data" "$root/artifacts/native/scour" "$@" > /dev/null 2>&1 || true
perf report -i "$data" --no-children --stdio --sort dso,sym 2>/dev/null |
  python3 -c '
import re, subprocess, sys, collections
dbg, top, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows, addrs = [], []
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*\S)", line)
    if m:
        pct, dso, kind, sym = float(m.group(1)), m.group(2), m.group(3), m.group(4)
        rows.append((pct, dso, sym))
        if dso == "scour" and sym.startswith("0x"):
            addrs.append(sym)
names = {}
# perf gives file offsets; a fixed-address (non-PIE) executable needs them turned into addresses.
shift = 0
for seg in subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True).stdout.splitlines():
    f = seg.split()
    if len(f) > 6 and f[0] == "LOAD" and "E" in f[6:-1]:
        shift = int(f[2], 16) - int(f[1], 16)
if addrs:
    out = subprocess.run(["addr2line", "-f", "-e", dbg] + [hex(int(a, 16) + shift) for a in addrs],
                         capture_output=True, text=True).stdout.split("\n")
    names = {a: out[2 * i] for i, a in enumerate(addrs)}
total = collections.Counter()
for pct, dso, sym in rows:
    total[(dso, names.get(sym, sym))] += pct
for (dso, name), pct in total.most_common(top):
    print(f"{pct:6.2f}%  {dso:18.18}  {name}")
' "$dbg" "$top" "$root/artifacts/native/scour"
