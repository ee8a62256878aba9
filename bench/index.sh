#!/usr/bin/env bash
# index.sh CORPUS_DIR [RUNS] — the search index on the Linux tree of make-corpora.sh, beside rg 15.2:
# build time, peak memory and size; the update after ten edited files; and selective and broad
# queries timed alternately (rg, scour --no-index, scour from the index, scour with a watcher).
# Prints a markdown report and writes docs/index-benchmarks.svg. The tree is left as it was (the ten
# edits are undone), the index lives in a temporary SCOUR_INDEX_DIR.
set -euo pipefail
corpus="${1:?usage: index.sh CORPUS_DIR [RUNS]}"
runs="${2:-7}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scour="${SCOUR:-$here/artifacts/native/scour}"
rg="${RG:-$here/../shared/oracles/rg-15.2.0/rg}"
tree="$corpus/linux"
export SCOUR_INDEX_DIR="$(mktemp -d)"
trap 'pkill -TERM -f "scour index --watch" 2>/dev/null || true; rm -rf "$SCOUR_INDEX_DIR"' EXIT

tree_bytes=$(find "$tree" -type f -not -path '*/.git/*' -printf '%s\n' | awk '{s+=$1} END {print s}')
read -r build_s build_kb < <( { /usr/bin/time -f "%e %M" "$scour" index "$tree" >/dev/null; } 2>&1 | tail -1)
index_bytes=$(du -sb "$SCOUR_INDEX_DIR" | cut -f1)

# Ten edited files: appended to, updated, then put back (and updated again).
mapfile -t edited < <(find "$tree/kernel" -name '*.c' | sort | head -10)
for f in "${edited[@]}"; do cp -p "$f" "$f.bench-orig"; echo "/* edited */" >> "$f"; done
sleep 2.1   # past the racy window, as a real edit would be
read -r update_s _ < <( { /usr/bin/time -f "%e %M" "$scour" index "$tree" >/dev/null; } 2>&1 | tail -1)
for f in "${edited[@]}"; do mv "$f.bench-orig" "$f"; done
sleep 2.1
"$scour" index "$tree" >/dev/null

python3 - "$runs" "$tree" "$scour" "$rg" "$here/docs/index-benchmarks.svg" \
  "$build_s" "$build_kb" "$index_bytes" "$tree_bytes" "$update_s" <<'PY'
import os, signal, statistics, subprocess, sys, time
runs, tree, scour, rg, svg = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
build_s, build_kb, index_bytes, tree_bytes, update_s = sys.argv[6:11]
queries = [
    ("literal", ["-c", "PM_RESUME"]),
    ("literal_casei", ["-ic", "pm_resume"]),
    ("word", ["-wc", "mutex_lock_nested"]),
    ("regex_literal", ["-c", r"EXPORT_SYMBOL_GPL\(usb_\w+\)"]),
    ("files_with_matches", ["-l", "MODULE_AUTHOR\\(\"Linus"]),
    ("json", ["--json", "CONFIG_PM_SLEEP_DEBUG"]),
    ("broad", ["-c", "static"]),
]
def once(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, cwd=os.path.dirname(tree), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t
def out(cmd):
    r = subprocess.run(cmd, cwd=os.path.dirname(tree), stdin=subprocess.DEVNULL, capture_output=True)
    return sorted(l for l in r.stdout.split(b"\n") if not l.startswith(b'{"type":"end"') and not l.startswith(b'{"data":{"elapsed_total"'))
def measure(tools):
    rows = {}
    for name, args in queries:
        cmds = {k: v + args + ["linux"] for k, v in tools.items()}
        for c in cmds.values(): once(c)   # warm the page cache
        if out(cmds["rg"]) != out(cmds[list(cmds)[-1]]):
            print(f"WARNING: {name}: output differs from rg", file=sys.stderr)
        t = {k: [] for k in cmds}
        for r in range(runs):
            for k in (list(cmds) if r % 2 == 0 else list(cmds)[::-1]):
                t[k].append(once(cmds[k]))
        rows[name] = {k: statistics.median(v) for k, v in t.items()}
    return rows
plain = measure({"rg": [rg], "scour --no-index": [scour, "--no-index"], "index": [scour]})
watch = subprocess.Popen([scour, "index", "--watch", tree], stdout=subprocess.PIPE, text=True)
while "updated" not in watch.stdout.readline(): pass
watched = measure({"rg": [rg], "index+watcher": [scour]})
watch.send_signal(signal.SIGTERM); watch.wait()

print("| measure | value |\n|---|---|")
print(f"| build | {float(build_s):.1f} s, peak {int(build_kb)/1024:.0f} MiB |")
print(f"| index size | {int(index_bytes)/2**20:.0f} MiB = {100*int(index_bytes)/int(tree_bytes):.1f}% of {int(tree_bytes)/2**30:.2f} GiB |")
print(f"| update after 10 edited files | {float(update_s):.2f} s |\n")
print("| query | rg 15.2 | scour --no-index | index (no watcher) | index + watcher |\n|---|---|---|---|---|")
bars = []
for name, _ in queries:
    p, w = plain[name], watched[name]
    a, b = p["rg"] / p["index"], w["rg"] / w["index+watcher"]
    bars.append((name, a, b))
    print(f"| {name} | {p['rg']*1000:.0f} ms | {p['scour --no-index']*1000:.0f} ms ({p['scour --no-index']/p['rg']:.2f}x) | "
          f"{p['index']*1000:.0f} ms ({a:.1f}x faster) | {w['index+watcher']*1000:.0f} ms ({b:.1f}x faster) |")
top = max(max(a, b) for _, a, b in bars) * 1.1
W, left, bh = 520, 150, 12
lines = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left+W+80}" height="{60+len(bars)*34}" font-family="sans-serif" font-size="12">',
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="10" y="20" font-size="14" font-weight="bold">speed-up over rg 15.2 on the Linux tree (higher is better)</text>',
         f'<rect x="{left}" y="28" width="12" height="10" fill="#7a9cc6"/><text x="{left+16}" y="37">index, no watcher</text>',
         f'<rect x="{left+140}" y="28" width="12" height="10" fill="#2b5d9c"/><text x="{left+156}" y="37">index + watcher</text>']
for i, (name, a, b) in enumerate(bars):
    y = 50 + i * 34
    lines.append(f'<text x="{left-6}" y="{y+15}" text-anchor="end">{name}</text>')
    for j, (v, c) in enumerate(((a, "#7a9cc6"), (b, "#2b5d9c"))):
        lines.append(f'<rect x="{left}" y="{y+j*(bh+1)}" width="{W*v/top:.1f}" height="{bh}" fill="{c}"/>')
        lines.append(f'<text x="{left+W*v/top+4:.1f}" y="{y+j*(bh+1)+10}">{v:.1f}x</text>')
x1 = left + W / top
lines.append(f'<line x1="{x1:.1f}" y1="45" x2="{x1:.1f}" y2="{50+len(bars)*34}" stroke="#c33" stroke-dasharray="3,3"/>')
lines.append("</svg>")
open(svg, "w").write("\n".join(lines) + "\n")
PY
