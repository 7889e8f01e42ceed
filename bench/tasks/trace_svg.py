"""Draws a PYC_TASK_TRACE file as an SVG timeline (one row per worker, one
box per task, coloured by name), the picture docs/tasks.md shows. Perfetto
(ui.perfetto.dev) shows the same file interactively.

Usage: /usr/bin/python3 bench/tasks/trace_svg.py trace.json out.svg"""
import json
import sys

COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"]


def main():
    doc = json.load(open(sys.argv[1]))
    ev = [e for e in doc["traceEvents"] if e.get("ph") == "X"]
    tids = sorted({e["tid"] for e in ev})
    t0 = min(e["ts"] for e in ev)
    t1 = max(e["ts"] + e["dur"] for e in ev)
    names = sorted({e["name"] for e in ev})
    color = {n: COLORS[i % len(COLORS)] for i, n in enumerate(names)}
    width, left, row, top = 900, 90, 34, 30
    scale = (width - left - 10) / max(t1 - t0, 1e-9)
    height = top + row * len(tids) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="18">PYC_TASK_TRACE timeline: {len(ev)} slices, '
           f'{(t1 - t0) / 1000:.1f} ms</text>']
    for i, tid in enumerate(tids):
        y = top + i * row
        out.append(f'<text x="6" y="{y + 20}">worker {tid}</text>')
        for e in ev:
            if e["tid"] != tid:
                continue
            x = left + (e["ts"] - t0) * scale
            w = max(e["dur"] * scale, 0.8)
            out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
                       f'fill="{color[e["name"]]}" stroke="white" stroke-width="0.3">'
                       f'<title>{e["name"]} {e["dur"]:.0f} us</title></rect>')
            if w > 40:
                out.append(f'<text x="{x + 3:.1f}" y="{y + 21}" fill="white">{e["name"]}</text>')
    ly = top + row * len(tids) + 20
    for i, n in enumerate(names):
        out.append(f'<rect x="{left + i * 110}" y="{ly - 10}" width="12" height="12" '
                   f'fill="{color[n]}"/><text x="{left + i * 110 + 16}" y="{ly}">{n}</text>')
    out.append("</svg>")
    open(sys.argv[2], "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
