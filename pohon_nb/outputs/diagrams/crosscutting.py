"""The OPD dependency network of crosscutting requests.
"""

from __future__ import annotations

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ...method.crosscutting import network
from ...reading.model import Pemda
from ..layout import ordered_subgraph
from .canvas import (
    STATUS_COLORS,
    STATUS_LABELS,
    text_width,
)


def crosscutting_figure(pemda: Pemda) -> Figure:
    """The OPD dependency network: arrows requester -> partner, coloured by status.

    Only OPDs with at least one request are drawn; an arrow's width grows with the number
    of requests it stands for, a label's size with the OPD's requests in both directions.
    """
    graph = network(pemda)
    involved = [n for n in graph.nodes if graph.degree(n) > 0]
    sub = ordered_subgraph(graph, involved)
    n = len(involved)
    ordered = sorted(involved, key=lambda c: (-sub.degree(c), c))
    sizes, texts = {}, {}
    for code in ordered:
        registered = sub.nodes[code].get("terdaftar", True)
        texts[code] = pemda.opd_short(code) if registered else f"{code} (bukan OPD)"
        size = 8 + min(sub.degree(code), 6) * 0.4
        # Box size in inches: the label's width and one line's height, with padding.
        sizes[code] = (size, text_width(texts[code], size, "normal", "normal") + 0.2, size * 1.3 / 72 + 0.14)
    # As wide as a report's page, as tall as the OPDs need (the boxes' area, then taller until
    # no box covers another): the network fills its figure.
    width = WIDTH
    span_x = 0.98 * width
    area = sum((w + 0.3) * (h + 0.3) for _, w, h in sizes.values())
    height = max(4.0, 1.6 + 0.28 * n, 2.5 * area / span_x)
    boxes = {c: (w, h) for c, (_, w, h) in sizes.items()}
    start = layout(sub) if n else {}
    for _ in range(8):
        pos, clear = spread(start, boxes, span_x, height)
        if clear:
            break
        height *= 1.2
    total = height + LEGEND + TITLE
    fig = Figure(figsize=(width, total))
    ax = fig.add_axes((0.01, LEGEND / total, 0.98, height / total))
    ax.set_axis_off()
    fig.text(0.01, 1 - 0.1 / total, f"Jejaring crosscutting antar-OPD {pemda.info.get('nama_pemda', '')}",
             fontsize=12, fontweight="bold", va="top", parse_math=False)
    if not n:
        ax.text(0.5, 0.5, "Belum ada permintaan crosscutting.", ha="center", parse_math=False)
        return fig
    span_y = height
    labels = {}
    for code in ordered:
        x, y = pos[code]
        registered = sub.nodes[code].get("terdaftar", True)
        size, w, h = sizes[code]
        box = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.05",
                             facecolor="#E3F2FD" if registered else "#F3E5F5",
                             edgecolor="#0D47A1" if registered else "#6A1B9A", linewidth=1.2, zorder=2)
        ax.add_patch(box)
        ax.text(x, y, texts[code], ha="center", va="center", fontsize=size, parse_math=False, zorder=3)
        labels[code] = box
    counts: dict[tuple[str, str, str], int] = {}
    for u, v, data in sub.edges(data=True):
        counts[(u, v, data["status"])] = counts.get((u, v, data["status"]), 0) + 1
    for (u, v, status), count in sorted(counts.items()):
        rad = 0.12 + 0.08 * list(STATUS_COLORS).index(status)
        ax.add_patch(FancyArrowPatch(pos[u], pos[v], connectionstyle=f"arc3,rad={rad}",
                                     arrowstyle="-|>", mutation_scale=14, linewidth=0.8 + 1.2 * count,
                                     color=STATUS_COLORS[status], alpha=0.85, zorder=1,
                                     patchA=labels[u], patchB=labels[v]))
    ax.set_xlim(0, span_x)
    ax.set_ylim(0, span_y)
    handles = [Line2D([], [], color=c, linewidth=2, label=STATUS_LABELS[s])
               for s, c in STATUS_COLORS.items()]
    fig.legend(handles=handles, loc="lower left", ncol=3, fontsize=8, frameon=False,
               title="Panah dari OPD yang meminta ke OPD mitra; tebal = jumlah permintaan",
               title_fontsize=8)
    return fig


WIDTH = 11.0  # inches: a report's page (SCREEN_WIDTH of the notebooks)
LEGEND, TITLE = 0.8, 0.45  # inches below and above the network


def layout(graph) -> dict:
    """Positions in [0, 1] x [0, 1]: a force layout of the undirected network (seeded: the same
    drawing every run), each connected group on its own and the groups side by side by size."""
    undirected = nx.Graph(graph.to_undirected())
    groups = sorted((sorted(c) for c in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0]))
    total = sum(len(g) for g in groups)
    pos, left = {}, 0.0
    for group in groups:
        share = len(group) / total
        if len(group) == 1:
            local = {group[0]: (0.5, 0.5)}
        else:
            raw = nx.spring_layout(ordered_subgraph(undirected, group), seed=7, iterations=300)
            xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
            dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
            local = {c: ((p[0] - min(xs)) / dx, (p[1] - min(ys)) / dy) for c, p in raw.items()}
        # A small group keeps a small height: two OPDs are not stretched over the whole figure.
        extent = min(1.0, len(group) / 6)
        for code, (x, y) in local.items():
            pos[code] = (left + x * share, 0.5 + (y - 0.5) * extent)
        left += share
    return pos


def spread(pos: dict, boxes: dict, span_x: float, span_y: float, rounds: int = 300) -> tuple[dict, bool]:
    """Unit positions scaled to the axes (inches) with every box inside, then pushed apart until
    no two boxes overlap (a label over another is a bug, not a layout); and whether they now
    do not (False: the axes are too small for the boxes)."""
    margin = 0.08
    placed = {}
    for code, (x, y) in pos.items():
        w, h = boxes[code]
        placed[code] = [w / 2 + margin + x * (span_x - w - 2 * margin),
                        h / 2 + margin + y * (span_y - h - 2 * margin)]
    codes = sorted(placed)
    gap = 0.06
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                (ax_, ay), (bx, by) = placed[a], placed[b]
                need_x = (boxes[a][0] + boxes[b][0]) / 2 + gap - abs(ax_ - bx)
                need_y = (boxes[a][1] + boxes[b][1]) / 2 + gap - abs(ay - by)
                if need_x <= 0 or need_y <= 0:
                    continue
                moved = True
                if need_y <= need_x:  # the smaller push: vertical
                    step = need_y / 2 * (1 if ay >= by else -1)
                    placed[a][1] += step
                    placed[b][1] -= step
                else:
                    step = need_x / 2 * (1 if ax_ >= bx else -1)
                    placed[a][0] += step
                    placed[b][0] -= step
        for code in codes:  # back inside the axes
            w, h = boxes[code]
            placed[code][0] = min(max(placed[code][0], w / 2 + margin), span_x - w / 2 - margin)
            placed[code][1] = min(max(placed[code][1], h / 2 + margin), span_y - h / 2 - margin)
        if not moved:
            break
    clear = not any(
        abs(placed[a][0] - placed[b][0]) < (boxes[a][0] + boxes[b][0]) / 2
        and abs(placed[a][1] - placed[b][1]) < (boxes[a][1] + boxes[b][1]) / 2
        for i, a in enumerate(codes) for b in codes[i + 1:])
    return {code: tuple(xy) for code, xy in placed.items()}, clear
