"""The Pemda's joined problem graph around its shared root problems.
"""

from __future__ import annotations

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...reading.model import Pemda
from ..layout import Layout, layered_layout, ordered_subgraph
from .canvas import (
    MARGIN,
    Drawing,
    Line,
    arrowhead,
    box_size,
    draw_box,
    draw_edge,
    legend,
    legend_rows,
    new_canvas,
    wrap,
)

SHARED_WRAP = 24  # characters per line of a problem statement in the joined graph


SHARED_GAP = (0.35, 0.6)  # inches between boxes of a row, between rows


def shared_roots_figure(pemda: Pemda, shared) -> Drawing:
    """The Pemda's joined problem graph around its shared root problems.

    Every problem a shared root reaches is drawn once, each box tagged with the OPD that
    analysed it; arrows run cause -> effect, effects above their causes (a row per step of
    the longest chain from a root). Shared roots (``shared``: the table of
    :func:`pohon_nb.method.shared_roots.shared_roots`) have a thick red border and their rank;
    OPDs' core problems are pink with the word "MASALAH INTI"; problems analysed by another
    OPD than the one below them stand out by their OPD tag, not by colour alone.
    """
    from ...method.shared_roots import converted, core_problems, reach

    graph = pemda.problems
    nodes = set().union(*(reach(pemda, r) for r in shared["id"])) if len(shared) else set()
    title = f"Akar masalah bersama {pemda.info.get('nama_pemda') or ''}".strip()
    if not nodes:
        fig, _ = new_canvas(6, 0.5, f"{title}: belum ada akar masalah bersama")
        return Drawing(fig, Layout(), title)
    sub = ordered_subgraph(graph, [p for p in graph if p in nodes])
    cores = core_problems(pemda)
    ranks = dict(zip(shared["id"], shared["peringkat"]))
    linked = converted(pemda)

    def lines(pid: str) -> list[Line]:
        data = graph.nodes[pid]
        tag = pemda.opd_short(data.get("kode_opd") or "")
        role = (f"AKAR BERSAMA #{ranks[pid]}" if pid in ranks
                else "MASALAH INTI" if pid in cores else "")
        goals = [n for n in linked.get(pid, []) if not pemda.node(n).get("kode_opd")]
        goal = f"asal sasaran daerah {', '.join(goals)}" if goals else ""
        head = " · ".join(part for part in (pid, tag, role, goal) if part)
        out = [Line(t, size=6.5, color="#37474F", weight="bold" if role else "normal")
               for t in wrap(head, SHARED_WRAP + 10)]
        return out + [Line(t, size=8.5, weight="bold") for t in wrap(data.get("pernyataan") or "",
                                                                     SHARED_WRAP)]

    content = {p: lines(p) for p in sub}
    sizes = {p: box_size(c) for p, c in content.items()}
    layout, routes = layered_layout(sub, sizes, [p for p in graph if p in nodes],
                              {p: graph.nodes[p].get("kode_opd") or "" for p in nodes}, SHARED_GAP)
    fig, ax = new_canvas(layout.width, layout.height, title + f": {len(shared)} akar, {len(nodes)} masalah",
                      legend_rows(5, layout.width + 2 * MARGIN))
    drawing = Drawing(fig, layout, title)
    for cause, effect in sub.edges:
        points = routes[(cause, effect)]
        line = draw_edge(ax, points, color="#546E7A", linewidth=0.9)
        arrowhead(ax, points[-2], points[-1])
        drawing.edges.append((cause, effect, line))
    for pid, box in layout.boxes.items():
        if pid in ranks:
            fill, border, width = "#FFE0B2", "#B71C1C", 2.6
        elif pid in cores:
            fill, border, width = "#FFCDD2", "#5D4037", 1.4
        else:
            fill, border, width = "#FAFAFA", "#5D4037", 0.9
        patch, texts = draw_box(ax, box, content[pid], fill, border, linewidth=width)
        drawing.patches[pid], drawing.texts[pid] = patch, texts
    handles = [Patch(facecolor="#FFE0B2", edgecolor="#B71C1C", linewidth=2.6,
                     label="akar masalah bersama (#peringkat)"),
               Patch(facecolor="#FFCDD2", edgecolor="#5D4037", label="masalah inti OPD"),
               Patch(facecolor="#FAFAFA", edgecolor="#5D4037", label="masalah lain (tag: OPD)"),
               Line2D([], [], color="#546E7A", marker="^", label="sebab → akibat (akibat di atas)")]
    legend(fig, handles, layout.width + 2 * MARGIN)
    return drawing
