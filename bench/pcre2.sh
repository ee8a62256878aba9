#!/usr/bin/env bash
# pcre2.sh CORPUS_DIR [RUNS]
# The -P rows: peers.sh's two (en_pcre_backref, en_pcre_lookbehind) and a few on the Linux tree, rg 15.2
# and scour timed in the same run, plus peak memory (GNU time's max RSS) of scour, rg and rg --no-mmap
# (rg maps a single file, and its RSS then counts the mapping). The two tools' runs alternate (the order
# swapped every round) and medians are compared: on a shared machine whose speed drifts over minutes,
# back-to-back blocks of runs measured the same binaries 0.65x in one run and 1.07x in the next.
# Prints a markdown table; docs/benchmarks-notes.md keeps the latest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:?usage: pcre2.sh CORPUS_DIR [RUNS]}" && pwd)"
runs="${2:-5}"
rg="${SCOUR_ORACLE_RG:-$root/../shared/oracles/rg-15.2.0/rg}"
scour="$root/artifacts/native/scour"
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

# name|target|pattern; every row is "-P -c PATTERN TARGET" (plus -i where the name says casei).
rows=(
  'en_pcre_backref|en.txt|\b(\w+) \1\b'
  'en_pcre_lookbehind|en.txt|(?<=the )\w+ing\b'
  'en_pcre_lookahead_casei|en.txt|\bsherlock\b(?! holmes)'
  'linux_pcre_lookahead|linux|struct \w+(?= \{)'
  'linux_pcre_backref|linux|\b(\w+)->\1\b'
  'linux_pcre_literal|linux|PM_RESUME'
)

# medians RUNS CMD_A... -- CMD_B...: one warm-up each, then RUNS alternating rounds; prints "A B" (seconds).
medians() {
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); rest = sys.argv[2:]; cut = rest.index("--")
commands = [rest[:cut], rest[cut + 1:]]
def once(c):
    t = time.perf_counter()
    subprocess.run(c, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
for c in commands: once(c)
times = [[], []]
for r in range(runs):
    for i in ((0, 1) if r % 2 == 0 else (1, 0)): times[i].append(once(commands[i]))
print("%.3f %.3f" % (statistics.median(times[0]), statistics.median(times[1])))
PY
}
peak() { /usr/bin/time -f '%M' -o /tmp/pcre2-peak.$$ "$@" > /dev/null 2>&1 || true; tail -n 1 /tmp/pcre2-peak.$$; }
mib() { python3 -c "print('%.1f' % ($1 / 1024))"; }

echo "- date: $(date -u +%Y-%m-%d), $(nproc) cores; rg: $("$rg" --version | head -1), $("$rg" --pcre2-version); scour: $("$scour" --pcre2-version)"
echo
echo "| benchmark | count | rg (s, median) | scour (s, median) | scour / rg | rg MiB | rg --no-mmap MiB | scour MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do
  IFS='|' read -r name target pattern <<< "$row"
  args=(-P -c)
  [[ $name == *casei ]] && args+=(-i)
  args+=("$pattern")
  cd "$corpus"
  count_rg="$("$rg" "${args[@]}" "$target" | awk -F: '{s += $NF} END {print s}')"
  count_sc="$("$scour" "${args[@]}" "$target" | awk -F: '{s += $NF} END {print s}')"
  [[ "$count_rg" == "$count_sc" ]] || echo "WARNING $name: rg counted $count_rg, scour $count_sc" >&2
  read -r t_rg t_sc < <(medians "$runs" "$rg" "${args[@]}" "$target" -- "$scour" "${args[@]}" "$target")
  ratio="$(python3 -c "print('%.2fx' % ($t_sc / $t_rg))")"
  m_rg="$(peak "$rg" "${args[@]}" "$target")"; m_rgn="$(peak "$rg" --no-mmap "${args[@]}" "$target")"; m_sc="$(peak "$scour" "${args[@]}" "$target")"
  echo "| $name | $count_rg | $t_rg | $t_sc | $ratio | $(mib "$m_rg") | $(mib "$m_rgn") | $(mib "$m_sc") |"
done
