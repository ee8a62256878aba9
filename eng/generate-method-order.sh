#!/usr/bin/env bash
# generate-method-order.sh: writes src/Scour.Cli/method-order.txt, the order in which the native
# build lays out managed methods (IlcOrderFile). Every method that typical searches execute goes
# first, the ones every search runs at the very front, so that a search touches a few hundred KiB
# of code instead of pages spread over the whole 2.5 MB of it: the kernel maps file pages in
# 64 KiB windows around each one touched, so scattered code costs resident memory (docs/engine.md,
# "Resident memory"). Which methods run is read with valgrind's callgrind from a build that keeps
# its symbols; a stale list only costs memory, never correctness (names it lacks go last, names
# the build lacks are ignored). Needs valgrind; takes a few minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v valgrind > /dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A build with its symbol table (and without DWARF, which valgrind 3.19 cannot read for this binary).
dotnet publish "$root/src/Scour.Cli/Scour.Cli.csproj" -c Release -r linux-x64 -nologo -v quiet \
  -o "$work/bin" -p:IntermediateOutputPath="$work/obj/" -p:StripSymbols=false -p:IlcOrderFile= > "$work/build.log" \
  || { cat "$work/build.log" >&2; exit 1; }
objcopy --strip-debug "$work/bin/Scour.Cli" "$work/scour"
nm --defined-only "$work/scour" | awk '{ print $3 }' | sort -u > "$work/symbols"

# The workloads: the searches of the benchmark suite and the everyday output modes, on the
# repository's own files (what runs depends on the flags, not on the bytes).
text="$work/text.txt"
cat "$root"/docs/*.md "$root"/README.md > "$text"
n=0
run() {
  n=$((n + 1))
  (cd "$root" && valgrind --tool=callgrind --read-var-info=no --callgrind-out-file="$work/cg.$n" \
    "$work/scour" "$@" > /dev/null 2> "$work/log.$n" || true)
}
run -c Sherlock "$text"
run -i -c sherlock "$text"
run --count-matches '\w+ing\b' "$text"
run -c '[A-Za-z]{12}' "$text"
run -n 'search|match' "$text"
run -c -i '\bthe\b' "$text"
run -o '[A-Z][a-z]+' "$text"
run -C 2 'Teddy' "$text"
run -c '.*.*=.*;$' src
run -w -i -c match src
run 'LineMatcher' src
run --json 'Prefilter' src
run -l -F 'ILineMatcher' src
run --files src
run -c '\p{Greek}' "$text"
run -P -c '(?<=the )\w+' "$text"
run -r '$1' -o '(\w+)ing' "$text"

# Each method is weighted by the number of workloads that ran it; ties keep first-seen order.
python3 - "$work/symbols" "$work"/cg.* > "$root/src/Scour.Cli/method-order.txt" <<'EOF'
import re, sys
known = set(line.strip() for line in open(sys.argv[1]))
uses, first = {}, {}
for path in sys.argv[2:]:
    names, seen = {}, set()
    for line in open(path, errors="replace"):
        m = re.match(r"^c?fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        if m.group(2):
            names[m.group(1)] = m.group(2)
        name = names.get(m.group(1))
        if name in known and name not in seen:
            seen.add(name)
            uses[name] = uses.get(name, 0) + 1
            first.setdefault(name, len(first))
for name in sorted(uses, key=lambda k: (-uses[k], first[k])):
    print(name)
EOF
echo "$(wc -l < "$root/src/Scour.Cli/method-order.txt") methods from $n workloads" >&2
