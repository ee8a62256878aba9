#!/usr/bin/env bash
# peak-memory.sh CORPUS_DIR [TOOL_BINARY]
# Peak resident memory (max RSS, from GNU time) of rg and scour on every benchmark of the peer
# suite, with exactly the arguments the suite gives rg (read from ../shared/bench/peers.sh, whose
# benchmark functions are loaded with stub registry functions). Prints a markdown table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS_SH:-$root/../shared/bench/peers.sh}"
corpus="$(cd "${1:?usage: peak-memory.sh CORPUS_DIR [SCOUR]}" && pwd)"
scour="${2:-$root/artifacts/native/scour}"
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

# Load the suite's variables and bench_* functions only (not its main program).
B_CORPUS=""; RG_ARGS=()
corpus() { B_CORPUS="$1"; }
add() { :; }
rgargs() { shift 3; RG_ARGS=("$@"); }
# shellcheck disable=SC1090
source <(sed -n '/^C=(env LC_ALL=C)/,/^# ---- physical-limit rows/p' "$peers")
suite=($(sed -n '/^FULL_SUITE=(/,/^)/p' "$peers" | grep -v '^FULL_SUITE=(\|^)'))

peak() { # peak DIR CMD... -> max RSS in KiB of one run (output discarded)
  local dir="$1"; shift
  (cd "$dir" && /usr/bin/time -f '%M' -o /tmp/peak-memory.$$ "$@" > /dev/null 2>&1 || true)
  tail -n 1 /tmp/peak-memory.$$  # GNU time puts "Command exited with non-zero status" first
}

# rg maps single files (its RSS then counts the mapped file): rg --no-mmap is the fair streaming peer.
echo "| benchmark | rg (MiB) | rg --no-mmap (MiB) | scour (MiB) | scour / rg | scour / rg --no-mmap |"
echo "|---|---:|---:|---:|---:|---:|"
for b in "${suite[@]}"; do
  RG_ARGS=(); "bench_$b"
  dir="$corpus"; [[ "$B_CORPUS" == linux ]] && dir="$corpus/linux"
  r=$(peak "$dir" rg "${RG_ARGS[@]}")
  n=$(peak "$dir" rg --no-mmap "${RG_ARGS[@]}")
  s=$(peak "$dir" "$scour" "${RG_ARGS[@]}")
  awk -v b="$b" -v r="$r" -v n="$n" -v s="$s" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.1f | %.2f | %.2f |\n", b, r/1024, n/1024, s/1024, s/r, s/n }'
done
rm -f /tmp/peak-memory.$$
