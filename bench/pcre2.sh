#!/usr/bin/env bash
# pcre2.sh CORPUS_DIR [RUNS]
# The -P rows: peers.sh's two (en_pcre_backref, en_pcre_lookbehind) and a few on the Linux tree, each
# timed with hyperfine for rg 15.2 and scour in the same run, plus peak memory (GNU time's max RSS) of
# scour, rg and rg --no-mmap (rg maps a single file, and its RSS then counts the mapping). Prints a
# markdown table; docs/benchmarks-notes.md keeps the latest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:?usage: pcre2.sh CORPUS_DIR [RUNS]}" && pwd)"
runs="${2:-5}"
rg="${SCOUR_ORACLE_RG:-$root/../shared/oracles/rg-15.2.0/rg}"
scour="$root/artifacts/native/scour"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
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

mean() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }
peak() { /usr/bin/time -f '%M' -o /tmp/pcre2-peak.$$ "$@" > /dev/null 2>&1 || true; tail -n 1 /tmp/pcre2-peak.$$; }
mib() { python3 -c "print('%.1f' % ($1 / 1024))"; }

echo "- date: $(date -u +%Y-%m-%d), $(nproc) cores; rg: $("$rg" --version | head -1), $("$rg" --pcre2-version); scour: $("$scour" --pcre2-version)"
echo
echo "| benchmark | count | rg (s) | scour (s) | scour / rg | rg MiB | rg --no-mmap MiB | scour MiB |"
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
  quote() { printf '%q ' "$@"; }
  hyperfine -N -w 1 -r "$runs" --export-json /tmp/pcre2-rg.json "$(quote "$rg" "${args[@]}" "$target")" > /dev/null 2>&1
  hyperfine -N -w 1 -r "$runs" --export-json /tmp/pcre2-sc.json "$(quote "$scour" "${args[@]}" "$target")" > /dev/null 2>&1
  t_rg="$(mean /tmp/pcre2-rg.json)"; t_sc="$(mean /tmp/pcre2-sc.json)"
  ratio="$(python3 -c "print('%.2fx' % ($t_sc / $t_rg))")"
  m_rg="$(peak "$rg" "${args[@]}" "$target")"; m_rgn="$(peak "$rg" --no-mmap "${args[@]}" "$target")"; m_sc="$(peak "$scour" "${args[@]}" "$target")"
  echo "| $name | $count_rg | $t_rg | $t_sc | $ratio | $(mib "$m_rg") | $(mib "$m_rgn") | $(mib "$m_sc") |"
done
