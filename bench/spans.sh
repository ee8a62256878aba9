#!/usr/bin/env bash
# spans.sh CORPUS_DIR [SCOUR_BINARY [ROW_REGEX]]
# Workloads that print the matches inside lines (-o, --count-matches, -r, --json, colors), which the
# engine's span DFAs and PikeVM serve, timed against rg 15.2 (median of 3 alternating runs; every
# output compared byte for byte, JSON without its timings). Prints a markdown table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:?usage: spans.sh CORPUS_DIR [SCOUR]}" && pwd)"
scour="${2:-$root/artifacts/native/scour}"
rg="${RG:-$root/../shared/oracles/rg-15.2.0/rg}"
python3 - "$corpus" "$scour" "$rg" "${3:-.}" <<'PY'
import re, statistics, subprocess, sys, time
corpus, scour, rg, only = sys.argv[1:]
rows = [
    ("en_o_word", ["-o", r"\w+", "en.txt"], corpus),
    ("en_count_matches_capitalised", ["--count-matches", r"[A-Z][a-z]+", "en.txt"], corpus),
    ("en_o_suffix_ing", ["-o", r"[a-z]+ing", "en.txt"], corpus),
    ("en_replace_word5", ["-r", "X", r"\b\w{5}\b", "en.txt"], corpus),
    ("en_replace_groups", ["-r", "$2 $1", r"(\w+) (Holmes|Watson)", "en.txt"], corpus),
    ("en_json_sherlock", ["--json", r"Sherlock \w+", "en.txt"], corpus),
    ("en_color_the", ["--color=always", "-n", r"\bthe\b", "en.txt"], corpus),
    ("ru_o_word", ["-o", r"\w+", "ru.txt"], corpus),
    ("linux_o_ident", ["-o", r"[A-Za-z_][A-Za-z0-9_]*_lock\b", "."], corpus + "/linux"),
    ("linux_count_matches_hex", ["--count-matches", r"0x[0-9a-f]{8}", "."], corpus + "/linux"),
]
timing = re.compile(rb'^.*"type":"(end|summary)".*\n', re.M)  # JSON timings and statistics
def run(tool, args, cwd):
    t = time.perf_counter()
    out = subprocess.run([tool] + args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return time.perf_counter() - t, out
print(f"| benchmark | rg 15.2 (s) | scour (s) | scour / rg | same output |")
print("|---|---:|---:|---:|---|")
ratios = []
for name, args, cwd in [row for row in rows if re.search(only, row[0])]:
    if "linux" in cwd:
        args = args + ["--sort=path"]  # one order, so the outputs compare
    times = {rg: [], scour: []}
    outs = {}
    for _ in range(3):
        for tool in (rg, scour):
            t, out = run(tool, args, cwd)
            times[tool].append(t)
            outs[tool] = timing.sub(b"", out)
    r, s = statistics.median(times[rg]), statistics.median(times[scour])
    ratios.append(s / r)
    print(f"| {name} | {r:.2f} | {s:.2f} | {s / r:.2f} | {'yes' if outs[rg] == outs[scour] else 'NO'} |")
print(f"\ngeomean scour / rg: {statistics.geometric_mean(ratios):.2f}")
PY
