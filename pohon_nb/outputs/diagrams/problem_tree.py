"""An OPD's problem tree: effects above the core problem, causes below it.
"""

from __future__ import annotations

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from ...method.problems import problem_tree
from ...reading.model import Pemda
from ..layout import Layout, around_core, beside, tree_layout
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


def problem_tree_figure(pemda: Pemda, kode_opd: str) -> Drawing:
    """The OPD's problem tree: effects above the core problem, causes below it.

    Arrows run cause -> effect. Root causes have a thick red border; external causes a
    dashed border and the tag "eksternal: kandidat crosscutting". Every problem of the OPD is
    drawn: those not linked to the core (with their own links) stand to the right, grey with
    a dotted border, and are counted in the title. Without a core problem all are drawn so.
    """
    table = problem_tree(pemda, kode_opd).set_index("id")
    graph = pemda.problems.subgraph(table.index)
    core = next((p for p, r in table.iterrows() if r["peran"] == "inti"), None)
    name = pemda.opd_name(kode_opd)
    unlinked = [p for p in table.index if table.loc[p, "peran"] == "lepas"]
    # Problems feeding an effect of the core are linked, but off its two trees: drawn to the right.
    loose_ids = [p for p in table.index if table.loc[p, "peran"] in ("lepas", "penyebab_akibat")]
    title = f"Pohon masalah {name}" + (
        ": masalah inti belum ditentukan" if core is None else
        f" ({len(unlinked)} masalah lain tidak terhubung ke masalah inti, di kanan)"
        if unlinked else "")
    if core is None and not loose_ids:
        fig, _ = new_canvas(6, 0.5, f"Pohon masalah {name}: belum ada masalah")
        return Drawing(fig, Layout(), title)

    def lines(pid):
        row = table.loc[pid]
        role = {"inti": "MASALAH INTI", "akibat": "akibat", "penyebab": "penyebab",
                "akar": "AKAR MASALAH", "lepas": "tidak terhubung ke masalah inti",
                "penyebab_akibat": "penyebab akibat masalah inti"}[row["peran"]]
        out = [Line(f"{pid} · {role}", size=6.5, color="#37474F")]
        out += [Line(t, size=8.5, weight="bold") for t in wrap(row["pernyataan"] or "", 32)]
        if row["lokus"] == "eksternal":
            out.append(Line("eksternal: kandidat crosscutting", size=6.5, style="italic",
                            color="#6A1B9A"))
        return out

    content = {p: lines(p) for p in table.index}
    sizes = {p: box_size(c) for p, c in content.items()}
    # The loose problems as a forest of their own: each drawn once, effects above causes.
    loose = graph.subgraph(loose_ids)
    last_effects = [p for p in loose_ids if loose.out_degree(p) == 0]
    loose_children: dict[str, list[str]] = {}
    starts: list[str] = []
    seen: set[str] = set()
    for pid in [*last_effects, *loose_ids]:  # a cycle-free graph always has last effects
        if pid not in seen:
            starts.append(pid)
            loose_children.update(_bfs_tree(loose.reverse(copy=False), pid, seen))
    loose_layout = tree_layout(starts, loose_children, sizes, stack=False) if starts else None
    if core is not None:
        causes = _bfs_tree(graph.reverse(copy=False), core)
        below = tree_layout([core], causes, sizes, stack=False)
        above = tree_layout([core], _bfs_tree(graph, core), sizes, stack=False)
        layout = around_core(below, above, core)
        towards_parent = {(e.parent, e.child) for e in below.edges}  # child causes parent
        if loose_layout is not None:
            layout = beside(layout, loose_layout)
    else:
        layout, towards_parent = loose_layout, set()
    if loose_layout is not None:
        towards_parent |= {(e.parent, e.child) for e in loose_layout.edges}
    fig, ax = new_canvas(layout.width, layout.height, title, legend_rows(7, layout.width + 2 * MARGIN))
    drawing = Drawing(fig, layout, title)
    drawn = set()
    for edge in layout.edges:
        line = draw_edge(ax, edge.points)
        drawing.edges.append((edge.parent, edge.child, line))
        if (edge.parent, edge.child) in towards_parent:
            cause, effect, points = edge.child, edge.parent, list(reversed(edge.points))
        else:
            cause, effect, points = edge.parent, edge.child, edge.points
        arrowhead(ax, points[-2], points[-1])  # the head sits on the effect's box
        drawn.add((cause, effect))
    for cause, effect in graph.edges:  # links the drawn tree does not carry
        if (cause, effect) in drawn or cause not in layout.boxes or effect not in layout.boxes:
            continue
        a, b = layout.boxes[cause], layout.boxes[effect]
        ax.add_patch(FancyArrowPatch((a.cx, a.y), (b.cx, b.bottom), arrowstyle="-|>",
                                     mutation_scale=10, linestyle="--", color="#78909C",
                                     connectionstyle="arc3,rad=0.15", zorder=1))
    for pid, box in layout.boxes.items():
        row = table.loc[pid]
        role = row["peran"]
        fill = {"inti": "#FFCDD2", "akibat": "#F5F5F5", "penyebab": "#FFF3E0", "akar": "#FFE0B2",
                "lepas": "#ECEFF1", "penyebab_akibat": "#FFF3E0"}[role]
        border, width = ("#B71C1C", 2.2) if role in ("akar", "inti") else ("#5D4037", 1.0)
        style = "--" if row["lokus"] == "eksternal" else (":" if role == "lepas" else "-")
        patch, texts = draw_box(ax, box, content[pid], fill, border, linestyle=style,
                                 linewidth=width)
        drawing.patches[pid], drawing.texts[pid] = patch, texts
    handles = [Patch(facecolor="#F5F5F5", edgecolor="#5D4037", label="akibat"),
               Patch(facecolor="#FFCDD2", edgecolor="#B71C1C", linewidth=2, label="masalah inti"),
               Patch(facecolor="#FFF3E0", edgecolor="#5D4037", label="penyebab"),
               Patch(facecolor="#FFE0B2", edgecolor="#B71C1C", linewidth=2, label="akar masalah"),
               Patch(facecolor="white", edgecolor="#5D4037", linestyle="--", label="eksternal"),
               Patch(facecolor="#ECEFF1", edgecolor="#5D4037", linestyle=":",
                     label="tidak terhubung ke masalah inti"),
               Line2D([], [], color="#546E7A", marker=">", label="sebab → akibat")]
    legend(fig, handles, layout.width + 2 * MARGIN)
    return drawing


def _bfs_tree(graph, root, seen: set | None = None) -> dict[str, list[str]]:
    """Breadth-first children of ``root`` in ``graph``, each node once (``seen`` is shared
    between calls, so a forest draws every node once)."""
    children: dict[str, list[str]] = {}
    seen = set() if seen is None else seen
    seen.add(root)
    queue = [root]
    while queue:
        node = queue.pop(0)
        kids = [n for n in sorted(graph.successors(node)) if n not in seen]
        seen.update(kids)
        children[node] = kids
        queue.extend(kids)
    return children
