#!/usr/bin/env bash
# run-peers.sh [--quick] [peers.sh options...] CORPUS_DIR
# run-peers.sh --from RESULTS_DIR
# Runs the side-by-side suite (../shared/bench/peers.sh) with the published scour binary (or takes
# an earlier run's results) and writes docs/benchmarks.md and docs/benchmarks.svg (ratio chart).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS_SH:-$root/../shared/bench/peers.sh}"
bin="$root/artifacts/native/scour"
if [[ "${1:-}" == "--from" ]]; then
  results="${2:?--from needs a results directory}"
else
  [[ -x "$bin" ]] || "$root/eng/publish.sh"
  results="$(mktemp -d)"
  bash "$peers" --tool "scour=$bin" --results "$results" "$@"
fi
bash "$root/bench/ratio-chart.sh" "$results/summary.md" scour > "$root/docs/benchmarks.svg"
{
  echo "# Benchmarks"
  echo
  echo "Side-by-side run of \`../shared/bench/peers.sh\` (ripgrep's benchsuite, adapted) with scour added as"
  echo "a tool; regenerate with \`bench/run-peers.sh [--quick] ~/corpora\`. Ratios are to rg, measured in"
  echo "the same run on the same machine; lower is better."
  echo
  echo "![scour / rg wall-time ratio per benchmark](benchmarks.svg)"
  echo
  sed -n '/^- date:/,$p' "$results/summary.md" | sed 's|`[^`]*/artifacts/native/scour`|`artifacts/native/scour`|g'  | grep -v '^Raw data:'
  if [[ -f "$root/docs/benchmarks-notes.md" ]]; then echo; cat "$root/docs/benchmarks-notes.md"; fi
  # The span workloads' own run (bench/spans.sh), kept beside this one.
  if [[ -f "$root/docs/benchmarks-spans.md" ]]; then echo; cat "$root/docs/benchmarks-spans.md"; fi
  # The search index's own run (bench/index.sh), kept beside this one.
  if [[ -f "$root/docs/benchmarks-index.md" ]]; then echo; cat "$root/docs/benchmarks-index.md"; fi
} > "$root/docs/benchmarks.md"
echo "results: $results; wrote docs/benchmarks.md and docs/benchmarks.svg"
