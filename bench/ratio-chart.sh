#!/usr/bin/env bash
# ratio-chart.sh SUMMARY.md [TOOL] > chart.svg
# Draws TOOL's wall-time ratio to rg for every benchmark row of a peers.sh summary.md as an SVG bar
# chart (lower is better; the line marks rg = 1.0).
set -euo pipefail
summary="${1:?usage: ratio-chart.sh SUMMARY.md [TOOL]}"
tool="${2:-scour}"
awk -v tool="$tool" '
  BEGIN { FS = "|"; col = 0; n = 0 }
  /^\| benchmark \|/ && col == 0 {
    for (i = 1; i <= NF; i++) { h = $i; gsub(/^ +| +$/, "", h); if (h == tool) col = i }
    next
  }
  col > 0 && /^\| [a-z_]+ \|/ {
    name = $2; gsub(/^ +| +$/, "", name)
    cell = $col
    if (match(cell, /\(([0-9.]+)x\)/)) {
      r = substr(cell, RSTART + 1, RLENGTH - 3); n++; names[n] = name; ratios[n] = r + 0
    }
  }
  /^CPU seconds/ { col = -1 }
  END {
    if (n == 0) { print "no rows for " tool > "/dev/stderr"; exit 1 }
    max = 2; for (i = 1; i <= n; i++) if (ratios[i] > max) max = ratios[i]
    left = 210; width = 480; bar = 22; top = 40
    height = top + n * (bar + 8) + 40
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", left + width + 70, height
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    printf "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s wall time / rg wall time (lower is better)</text>\n", tool
    for (i = 1; i <= n; i++) {
      y = top + (i - 1) * (bar + 8); w = ratios[i] / max * width
      color = ratios[i] <= 1.0 ? "#2e7d32" : (ratios[i] <= 1.1 ? "#f9a825" : "#c62828")
      printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8, y + 15, names[i]
      printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", left, y, w, bar, color
      printf "<text x=\"%.1f\" y=\"%d\">%.2fx</text>\n", left + w + 5, y + 15, ratios[i]
    }
    x1 = left + 1.0 / max * width
    printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4 3\"/>\n", x1, top - 6, x1, height - 30
    printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">rg = 1.0</text>\n", x1, height - 14
    print "</svg>"
  }
' "$summary"
