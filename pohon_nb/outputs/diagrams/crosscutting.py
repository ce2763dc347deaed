"""The OPD dependency network of crosscutting requests.
"""

from __future__ import annotations

import math

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ...method.crosscutting import network
from ...reading.model import Pemda
from .canvas import (
    STATUS_COLORS,
    STATUS_LABELS,
    text_width,
)


def crosscutting_figure(pemda: Pemda) -> Figure:
    """The OPD dependency network: arrows requester -> partner, coloured by status.

    Only OPDs with at least one request are drawn; an arrow's width grows with the number
    of requests it stands for, a circle's size with the OPD's requests in both directions.
    """
    graph = network(pemda)
    involved = [n for n in graph.nodes if graph.degree(n) > 0]
    sub = graph.subgraph(involved)
    n = len(involved)
    side = max(7.0, 1.1 * math.sqrt(max(n, 1)) * 2.2)
    fig = Figure(figsize=(side, side + 0.8))
    ax = fig.add_axes((0.02, 0.08, 0.96, 0.84))
    ax.set_axis_off()
    fig.text(0.02, 0.97, f"Jejaring crosscutting antar-OPD {pemda.info.get('nama_pemda', '')}",
             fontsize=12, fontweight="bold", va="top", parse_math=False)
    if not n:
        ax.text(0.5, 0.5, "Belum ada permintaan crosscutting.", ha="center", parse_math=False)
        return fig
    ordered = sorted(involved, key=lambda c: (-sub.degree(c), c))
    inner = ordered[: max(1, min(6, n // 3))]  # the hubs in the middle ring
    shells = [inner, ordered[len(inner):]] if n > len(inner) else [inner]
    pos = nx.shell_layout(sub, nlist=shells, scale=1.0)
    inch = 2.6 / (min(side, side + 0.8) * 0.84)  # data units per inch (axes span 2.6 units)
    labels = {}
    for code in ordered:
        x, y = pos[code]
        registered = sub.nodes[code].get("terdaftar", True)
        text = pemda.opd_short(code) if registered else f"{code} (bukan OPD)"
        size = 8 + min(sub.degree(code), 6) * 0.4
        w = (text_width(text, size, "normal", "normal") + 0.2) * inch
        h = (size * 1.3 / 72 + 0.14) * inch
        box = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.03",
                             facecolor="#E3F2FD" if registered else "#F3E5F5",
                             edgecolor="#0D47A1" if registered else "#6A1B9A", linewidth=1.2, zorder=2)
        ax.add_patch(box)
        ax.text(x, y, text, ha="center", va="center", fontsize=size, parse_math=False, zorder=3)
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
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    handles = [Line2D([], [], color=c, linewidth=2, label=STATUS_LABELS[s])
               for s, c in STATUS_COLORS.items()]
    fig.legend(handles=handles, loc="lower left", ncol=3, fontsize=8, frameon=False,
               title="Panah dari OPD yang meminta ke OPD mitra; tebal = jumlah permintaan",
               title_fontsize=8)
    return fig
