#!/usr/bin/env bash
# peak-memory.sh CORPUS_DIR [TOOL_BINARY]
# Peak resident memory (max RSS, from GNU time) of rg 15.2 and scour on every benchmark of the peer
# suite, with exactly the arguments the suite gives rg (read from ../shared/bench/peers.sh, whose
# benchmark functions are loaded with stub registry functions), then on a giant line: the first
# 500 MiB of en.txt as one line (CORPUS_DIR/giant-line.txt, made on the first run), searched for a
# literal, a regex and with -o, with the time of each. Prints markdown tables. RG overrides rg.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS_SH:-$root/../shared/bench/peers.sh}"
corpus="$(cd "${1:?usage: peak-memory.sh CORPUS_DIR [SCOUR]}" && pwd)"
scour="${2:-$root/artifacts/native/scour}"
rg="${RG:-$root/../shared/oracles/rg-15.2.0/rg}"
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
  r=$(peak "$dir" "$rg" "${RG_ARGS[@]}")
  n=$(peak "$dir" "$rg" --no-mmap "${RG_ARGS[@]}")
  s=$(peak "$dir" "$scour" "${RG_ARGS[@]}")
  awk -v b="$b" -v r="$r" -v n="$n" -v s="$s" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.1f | %.2f | %.2f |\n", b, r/1024, n/1024, s/1024, s/r, s/n }'
done

# A minified bundle or JSON dump: one line of 500 MiB. Both tools hold the whole line in memory.
giant="$corpus/giant-line.txt"
[[ -f "$giant" ]] || head -c 524288000 "$corpus/en.txt" | tr '\n' ' ' > "$giant"
timed() { # timed CMD... -> "MiB seconds" of one run
  /usr/bin/time -f '%M %e' -o /tmp/peak-memory.$$ "$@" > /dev/null 2>&1 || true
  tail -n 1 /tmp/peak-memory.$$ | awk '{ printf "%.1f | %.2f", $1/1024, $2 }'
}
echo
echo "| giant line (500 MiB) | rg --no-mmap (MiB) | rg --no-mmap (s) | scour (MiB) | scour (s) |"
echo "|---|---:|---:|---:|---:|"
set -f # the patterns are not globs
for args in "-c Sherlock" "-c NEE.LE" "-o j[A-Z]+" "--count-matches \w+ing\b"; do
  # shellcheck disable=SC2086
  echo "| \`$args\` | $(timed "$rg" --no-mmap $args "$giant") | $(timed "$scour" $args "$giant") |"
done
set +f
rm -f /tmp/peak-memory.$$
