#!/usr/bin/env bash
# startup.sh [TOOL_BINARY]
# Whole-process time of a search over an empty directory (process start, argument parsing, an empty
# walk, exit), scour against rg, with hyperfine. Prints a markdown table with the difference.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scour="${1:-$root/artifacts/native/scour}"
empty="$(mktemp -d)"
trap 'rm -rf "$empty" "$empty.json"' EXIT
hyperfine -N --warmup 20 --runs 200 -i --export-json "$empty.json" \
  --command-name rg "rg -j1 needle $empty" --command-name scour "$scour -j1 needle $empty" > /dev/null 2>&1 ||
  hyperfine -N --warmup 20 --runs 200 -i --export-json "$empty.json" "rg needle $empty" "$scour needle $empty" > /dev/null
awk '
  /"command":/ { gsub(/[",]/, "", $2); name = $2 }
  /"mean":/ { gsub(/,/, "", $2); mean[name] = $2 * 1000 }
  END {
    print "| tool | mean (ms) |"; print "|---|---:|"
    for (n in mean) printf "| %s | %.2f |\n", n, mean[n]
    printf "\nscour - rg: %+.2f ms\n", mean["scour"] - mean["rg"]
  }' "$empty.json"
