"""Drawings people can read: the performance tree, the problem tree, the crosscutting network.

matplotlib only (no graphviz). Boxes are sized to their measured text (the same text
engine that renders it), laid out by :mod:`pohon_nb.outputs.layout`, and the figure grows with the
tree instead of shrinking the text: a tree too wide for a page is split
(:func:`opd_tree_figures`). Text is drawn literally: ``$``, ``_``, ``%``, ``{}`` and
``<b>`` show as typed (mathtext is off for every label). Figures are built on
:class:`matplotlib.figure.Figure`, not pyplot, so nothing leaks between drawings.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

from ..core.atomic import atomic_path
from ..core.formats import number_text
from ..method.achievement import TARGET_MET, AchievementConfig, get_scale, node_achievement
from ..method.checked import check
from ..method.checks import CheckConfig
from ..method.crosscutting import network, requests
from ..method.problems import problem_tree
from ..method.scales import DEFAULT_SCALE
from ..reading import schema
from ..reading.model import Pemda
from .layout import Box, Layout, Spacing, tree_layout

LEVEL_COLORS = {  # fill, border: green for the ultimate outcome down to grey for outputs
    "ultimate": ("#C8E6C9", "#1B5E20"),
    "intermediate": ("#BBDEFB", "#0D47A1"),
    "immediate": ("#FFF9C4", "#F57F17"),
    "output": ("#E0E0E0", "#424242"),
    "aksi": ("#FAFAFA", "#9E9E9E"),
}
TRAFFIC = ("#1B5E20", "#43A047", "#9CCC65", "#FBC02D", "#F57C00", "#C62828")
MISSING_COLOR = "#9E9E9E"
STATUS_COLORS = {"disetujui": "#2E7D32", "usulan": "#EF6C00", "ditolak": "#C62828"}
STATUS_LABELS = {"disetujui": "disetujui", "usulan": "usulan (belum disepakati)", "ditolak": "ditolak"}

PAD = 0.07          # inside a box, inches
MIN_WIDTH = 1.6     # inches
MARGIN = 0.35       # around the drawing, inches
PAGE_WIDTH = 16.5   # A3 landscape, inches: wider trees are split


@dataclass(frozen=True)
class Line:
    """One line of text inside a box."""

    text: str
    size: float = 8.0
    weight: str = "normal"
    style: str = "normal"
    color: str = "#000000"
    dot: str | None = None  # a coloured traffic-light dot before the text

    def font(self) -> FontProperties:
        return _font(self.size, self.weight, self.style)


@lru_cache(maxsize=32)
def _font(size: float, weight: str, style: str) -> FontProperties:
    return FontProperties(family="DejaVu Sans", size=size, weight=weight, style=style)


RENDER_DPIS = (100, 150)
"""The resolutions drawings are rendered at: notebooks (100) and saved files (150)."""


@lru_cache(maxsize=4)
def _renderer(dpi: int):
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(10, 10, dpi)


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, weight: str, style: str) -> float:
    """Width of a text in inches, measured by the renderer that draws it: the widest of the
    resolutions it is rendered at (font hinting makes small text a few percent wider or
    narrower from one resolution to another)."""
    font = _font(size, weight, style)
    return max(_renderer(dpi).get_text_width_height_descent(text, font, ismath=False)[0] / dpi
               for dpi in RENDER_DPIS)


DOT = "● "


def line_size(line: Line) -> tuple[float, float]:
    """(width, height) of a line in inches."""
    text = (DOT if line.dot else "") + line.text
    return text_width(text, line.size, line.weight, line.style), line.size * 1.3 / 72


def box_size(lines: list[Line]) -> tuple[float, float]:
    widths, heights = zip(*(line_size(line) for line in lines))
    return max(MIN_WIDTH, max(widths) + 2 * PAD), sum(heights) + 2 * PAD


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(str(text).split()), width) or [""]


@dataclass
class Drawing:
    """A figure with what is on it, for saving and for geometric checks.

    ``patches`` and ``texts`` map a node id to its box patch and its text artists;
    ``edges`` lists (parent, child, Line2D) of the connectors.
    """

    figure: Figure
    layout: Layout
    title: str
    patches: dict[str, FancyBboxPatch] = field(default_factory=dict)
    texts: dict[str, list] = field(default_factory=dict)
    edges: list[tuple[str, str, Line2D]] = field(default_factory=list)

    def save(self, stem: str | Path, formats=("png", "svg", "pdf"), dpi: int = 150) -> list[Path]:
        return save_figure(self.figure, stem, formats, dpi)


def save_figure(figure: Figure, stem: str | Path, formats=("png", "svg", "pdf"),
                dpi: int = 150) -> list[Path]:
    """Write ``stem.png``, ``stem.svg``, ``stem.pdf`` (or the given formats) atomically."""
    written = []
    for fmt in formats:
        target = Path(f"{stem}.{fmt}")
        with atomic_path(target, overwrite=True) as tmp:
            figure.savefig(tmp, format=fmt, dpi=dpi)
        written.append(target)
    return written


# --------------------------------------------------------------------------- drawing boxes


def _canvas(width: float, height: float, title: str,
            legend_rows: int = 2) -> tuple[Figure, object]:
    """A figure where one data unit is one inch, y downwards, title on top (wrapped to fit)."""
    width = max(width, 5.0)
    chars = max(int(width / text_width("n", 12, "bold", "normal")), 20)
    lines = textwrap.wrap(title, chars) or [""]
    title_space = 0.25 * len(lines) + 0.3
    legend_space = 0.2 * legend_rows + 0.25
    fig = Figure(figsize=(width + 2 * MARGIN, height + 2 * MARGIN + title_space + legend_space))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(-MARGIN, width + MARGIN)
    ax.set_ylim(height + MARGIN + legend_space, -MARGIN - title_space)
    ax.text(0, -MARGIN - title_space + 0.15, "\n".join(lines), fontsize=12, fontweight="bold",
            va="top", ha="left", parse_math=False, linespacing=1.3)
    return fig, ax


def _legend(fig, handles, width: float) -> None:
    """A legend below the drawing, as many columns as the width holds."""
    ncol = max(1, min(len(handles), int(width / 2.1)))
    fig.legend(handles=handles, loc="lower left", ncol=ncol, fontsize=7, frameon=False,
               bbox_to_anchor=(0.0, 0.0))


def _legend_rows(count: int, width: float) -> int:
    return math.ceil(count / max(1, min(count, int(max(width, 5.0) / 2.1))))


def _draw_box(ax, box: Box, lines: list[Line], fill: str, edge: str, *, linestyle="-",
              linewidth=1.0) -> tuple[FancyBboxPatch, list]:
    patch = FancyBboxPatch((box.x, box.y), box.w, box.h, boxstyle="round,pad=0,rounding_size=0.05",
                           facecolor=fill, edgecolor=edge, linewidth=linewidth,
                           linestyle=linestyle, zorder=2)
    ax.add_patch(patch)
    texts = []
    y = box.y + PAD
    for line in lines:
        x = box.x + PAD
        if line.dot:
            texts.append(ax.text(x, y, DOT, fontproperties=line.font(), color=line.dot, va="top",
                                 ha="left", parse_math=False, zorder=3))
            x += text_width(DOT, line.size, line.weight, line.style)
        texts.append(ax.text(x, y, line.text, fontproperties=line.font(), color=line.color,
                             va="top", ha="left", parse_math=False, zorder=3))
        y += line_size(line)[1]
    return patch, texts


def _draw_edge(ax, points, color="#546E7A", linestyle="-", linewidth=1.0) -> Line2D:
    xs, ys = zip(*points)
    (line,) = ax.plot(xs, ys, color=color, linestyle=linestyle, linewidth=linewidth, zorder=1,
                      solid_joinstyle="miter")
    return line


def _arrowhead(ax, start, end, color="#546E7A"):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, color=color,
                                 linewidth=0, zorder=1.5, shrinkA=0, shrinkB=0))


# --------------------------------------------------------------------------- performance tree


def _predicate_color(scale, label: str | None) -> str:
    if label is None:
        return MISSING_COLOR
    labels = scale.labels()
    rank = labels.index(label)
    index = round(rank * (len(TRAFFIC) - 1) / max(len(labels) - 1, 1))
    return TRAFFIC[index]


def figure_marks(pemda: Pemda, year: int, config: AchievementConfig | None = None) -> dict:
    """The marks every badge of a tree drawn for ``year`` carries (see :func:`badge_marks`)."""
    from ..method.summary import badge_marks

    return badge_marks(check(pemda, CheckConfig(tahun=year)), year, config)


def node_lines(pemda: Pemda, node_id: str, *, achievement: dict | None = None, scale=None,
               year: int | None = None, indicators: bool = True,
               crosscutting: dict | None = None, own_only: bool = False,
               marks: dict | None = None) -> list[Line]:
    """The text of one condition's box: id and level, statement, indicators, badge, tags."""
    node = pemda.node(node_id)
    level = node.get("level")
    owner = pemda.opd_short(node["kode_opd"]) if node.get("kode_opd") else "Pemda"
    lines = [Line(f"{node_id} · {schema.LEVEL_LABELS.get(level, level or '?')} · {owner}",
                  size=6.5, color="#37474F")]
    lines += [Line(t, size=8.5, weight="bold") for t in wrap(node.get("pernyataan") or "", 34)]
    if indicators:
        for row in pemda.chosen_indicators(node_id):
            unit = f" ({row['satuan']})" if row.get("satuan") else ""
            for i, text in enumerate(wrap(f"{row.get('nama') or row['id']}{unit}", 44)):
                lines.append(Line(("• " if i == 0 else "  ") + text, size=6.5, color="#263238"))
    if achievement is not None:
        # The condition's own figure first; its branch's, which explains it, below.
        own, why, branch = achievement.get(node_id, (None, "", None))
        label = scale.predicate(own) if own is not None else None
        text = (f"Capaian {year}: {number_text(round(own, 1))}% · {label}" if own is not None
                else f"Capaian {year}: n/a ({why or 'belum ada data'})")
        lines.append(Line(text, size=7, weight="bold", dot=_predicate_color(scale, label)))
        own_marks, branch_capped = (marks or {}).get(node_id, ((), False))
        if own is not None and own < TARGET_MET:
            own_marks = ("di bawah target", *own_marks)
        for text in wrap("⚑ " + "; ".join(own_marks), 44) if own_marks else ():
            lines.append(Line(text, size=6.5, color="#8D4B00"))
        if branch is not None and not own_only and pemda.children(node_id):
            # A branch figure explains the condition's own; it carries no predicate of its own.
            capped = " (memuat nilai batas atas)" if branch_capped else ""
            lines.append(Line(f"cabang: {number_text(round(branch, 1))}%{capped}", size=6.5,
                              color="#37474F"))
    for partner, status in (crosscutting or {}).get(node_id, []):
        lines.append(Line(f"↔ crosscutting: {partner} ({status})", size=6.5, style="italic",
                          color=STATUS_COLORS.get(status, "#000000")))
    return lines


@dataclass
class TreePlan:
    """A tree drawing decided but not drawn: its boxes' text, sizes and layout.

    Planning is cheap; drawing and rendering are not. A caller that only needs the width
    (does the tree fit the page?) plans, and draws only what it keeps.
    """

    roots: list[str]
    children: dict[str, list[str]]
    content: dict[str, list]
    layout: object
    scale: object
    badges: bool
    links: list
    title: str


def plan_tree(pemda: Pemda, roots: list[str], *, children: dict[str, list[str]] | None = None,
              year: int | None = None, scale: str = DEFAULT_SCALE, indicators: bool = True,
              levels: tuple[str, ...] | None = None, title: str = "",
              config: AchievementConfig | None = None,
              own_only: frozenset[str] | set[str] = frozenset(),
              collapsed: dict[str, str] | None = None) -> TreePlan:
    """What :func:`draw_tree` would draw (see there), without drawing it."""
    if children is None:
        children = _children_within(pemda, roots, levels)
    nodes = _reachable(roots, children)
    scale_obj = get_scale(scale)
    achieved = None
    if year is not None:
        table = node_achievement(pemda, year, config, scale_obj)
        achieved = {n: (None if own != own else own, why, None if branch != branch else branch)
                    for n, own, why, branch in zip(table["id"], table["capaian_sendiri"],
                                                   table["keterangan"], table["capaian_cabang"])}
    tags, links = pemda.memo(("crosscutting_tags",), lambda: _crosscutting(pemda))
    marks = figure_marks(pemda, year, config) if year is not None else None
    content = {n: node_lines(pemda, n, achievement=achieved, scale=scale_obj, year=year,
                             indicators=indicators, crosscutting=tags, own_only=n in own_only,
                             marks=marks)
               for n in nodes}
    for node_id, note in (collapsed or {}).items():
        if node_id in content and note:
            content[node_id] += [Line(text, size=6.5, weight="bold", color="#1F4E78")
                                 for text in wrap(note, 46)]
    sizes = {n: box_size(lines) for n, lines in content.items()}
    stacked = {n for n in nodes if children.get(n) and all(
        pemda.level(c) in ("output", "aksi") or not children.get(c) for c in children[n])}
    layout = tree_layout(roots, children, sizes, Spacing(), stack=stacked)
    return TreePlan(list(roots), children, content, layout, scale_obj, year is not None, links, title)


def render_tree(pemda: Pemda, plan: TreePlan) -> Drawing:
    """Draw a planned tree on its own figure."""
    layout, scale_obj = plan.layout, plan.scale
    present = [lv for lv in LEVEL_COLORS if any(pemda.level(n) == lv for n in layout.boxes)]
    scale_labels = len(scale_obj.labels()) + 2 if plan.badges else 0  # + n/a and the ⚑ marks
    legend_items = len(present) + scale_labels + 1
    fig, ax = _canvas(layout.width, layout.height, plan.title,
                      _legend_rows(legend_items, layout.width + 2 * MARGIN))
    drawing = Drawing(fig, layout, plan.title)
    for edge in layout.edges:
        drawing.edges.append((edge.parent, edge.child, _draw_edge(ax, edge.points)))
    for node_id, box in layout.boxes.items():
        fill, border = LEVEL_COLORS.get(pemda.level(node_id), ("#FFFFFF", "#000000"))
        patch, texts = _draw_box(ax, box, plan.content[node_id], fill, border)
        drawing.patches[node_id], drawing.texts[node_id] = patch, texts
    for source, target, status in plan.links:
        if source in layout.boxes and target in layout.boxes:
            a, b = layout.boxes[source], layout.boxes[target]
            ax.add_patch(FancyArrowPatch((a.right, a.y + a.h / 2), (b.x, b.y + b.h / 2),
                                         connectionstyle="arc3,rad=-0.25", arrowstyle="-|>",
                                         mutation_scale=9, linestyle="--", linewidth=1.1,
                                         color=STATUS_COLORS.get(status, "#000000"), zorder=4))
    _tree_legend(fig, present, plan.badges, scale_obj, layout.width + 2 * MARGIN)
    return drawing


def draw_tree(pemda: Pemda, roots: list[str], *, children: dict[str, list[str]] | None = None,
              year: int | None = None, scale: str = DEFAULT_SCALE, indicators: bool = True,
              levels: tuple[str, ...] | None = None, title: str = "",
              config: AchievementConfig | None = None,
              own_only: frozenset[str] | set[str] = frozenset(),
              collapsed: dict[str, str] | None = None) -> Drawing:
    """Draw the subtrees under ``roots`` (or the given ``children`` map).

    ``year`` adds an achievement badge: the condition's own achievement (traffic light by
    ``scale``, or why it is missing), and below it the branch's figure that explains it;
    ``levels`` keeps only nodes of those levels; ``indicators`` lists chosen indicators
    under each statement. Crosscutting requests show as tags, and as a dashed link when the
    partner's node is on the same drawing. Nodes in ``own_only`` show no branch figure
    (context above an OPD's tree, whose branch holds other OPDs); a node in ``collapsed``
    gets that note (what is not drawn below it) at the foot of its box.
    """
    return render_tree(pemda, plan_tree(pemda, roots, children=children, year=year, scale=scale,
                                        indicators=indicators, levels=levels, title=title,
                                        config=config, own_only=own_only, collapsed=collapsed))


def _tree_legend(fig, levels: list[str], with_badges: bool, scale, width: float) -> None:
    handles = [Patch(facecolor=LEVEL_COLORS[level][0], edgecolor=LEVEL_COLORS[level][1],
                     label=schema.LEVEL_LABELS[level]) for level in levels]
    if with_badges:
        handles += [Line2D([], [], marker="o", linestyle="", color=_predicate_color(scale, label),
                           label=label) for label in scale.labels()]
        handles.append(Line2D([], [], marker="o", linestyle="", color=MISSING_COLOR,
                              label="n/a (belum ada data)"))
        handles.append(Line2D([], [], marker="$⚑$", linestyle="", color="#8D4B00",
                              label="di bawah target, target longgar (M07), batas atas"))
    handles.append(Line2D([], [], linestyle="--", color=STATUS_COLORS["usulan"],
                          label="crosscutting ke kondisi mitra"))
    _legend(fig, handles, width)


def _children_within(pemda: Pemda, roots: list[str], levels=None,
                     keep: set[str] | None = None) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    stack = list(roots)
    while stack:
        node = stack.pop()
        kids = [c for c in pemda.children(node)
                if (levels is None or pemda.level(c) in levels) and (keep is None or c in keep)]
        children[node] = kids
        stack.extend(kids)
    return children


def _reachable(roots, children) -> list[str]:
    seen, stack = [], list(roots)
    while stack:
        node = stack.pop()
        seen.append(node)
        stack.extend(children.get(node, []))
    return seen


def _crosscutting(pemda: Pemda):
    tags: dict[str, list[tuple[str, str]]] = {}
    links = []
    for _, row in requests(pemda).iterrows():
        partner = pemda.opd_short(row["kode_opd_mitra"]) if row["kode_opd_mitra"] else "?"
        tags.setdefault(row["id_pohon"], []).append((partner, row["status"]))
        if row["simpul_mitra_ada"]:
            links.append((row["id_pohon"], row["id_pohon_mitra"], row["status"]))
    return tags, links


def opd_tree_figures(pemda: Pemda, kode_opd: str, *, year: int | None = None,
                     scale: str = DEFAULT_SCALE, indicators: bool = True,
                     max_width: float = PAGE_WIDTH,
                     config: AchievementConfig | None = None) -> list[Drawing]:
    """The OPD's performance tree under the Pemda outcomes it serves, split to fit a page.

    One drawing when it fits ``max_width`` inches; otherwise a small overview (down to
    immediate outcomes, no indicators) and one drawing per intermediate outcome, or per
    immediate outcome when an intermediate is still too wide. No drawing (an empty list) for
    an OPD that owns no condition.
    """
    return [render_tree(pemda, plan) for plan in opd_tree_plans(
        pemda, kode_opd, year=year, scale=scale, indicators=indicators, max_width=max_width,
        config=config)]


def opd_tree_plans(pemda: Pemda, kode_opd: str, *, year: int | None = None,
                   scale: str = DEFAULT_SCALE, indicators: bool = True,
                   max_width: float = PAGE_WIDTH,
                   config: AchievementConfig | None = None) -> list[TreePlan]:
    """The drawings of :func:`opd_tree_figures`, planned and not yet drawn."""
    name = pemda.opd_name(kode_opd)
    own = set(pemda.owned_by(kode_opd))
    if not own:
        return []
    context = {a for n in own for a in pemda.ancestors(n)} - own  # the conditions above the OPD
    # Other owners' conditions directly under the OPD's: its branch figures average them in, so
    # they are drawn (without their own branches) and the boxes add up to the figures shown.
    foreign = {c for n in own for c in pemda.children(n) if c not in own}
    keep = own | context | foreign
    roots = [n for n in pemda.tree_order() if n in keep and pemda.parent(n) not in keep]
    # Above the OPD, show each condition's own indicators: its branch holds other OPDs.
    notes = {c: f"kondisi {pemda.opd_short(pemda.node(c).get('kode_opd') or '') or 'Pemda'}: dihitung "
                f"dalam capaian cabang di atasnya" for c in foreign}
    kwargs = dict(year=year, scale=scale, config=config, own_only=frozenset(context),
                  collapsed=notes)
    whole = plan_tree(pemda, roots, children=_children_within(pemda, roots, keep=keep),
                      indicators=indicators, title=f"Pohon kinerja {name}", **kwargs)
    if whole.layout.width <= max_width:
        return [whole]
    overview_levels = ("ultimate", "intermediate", "immediate")
    plans = [plan_tree(pemda, roots, indicators=False,
                       children=_children_within(pemda, roots, overview_levels, keep),
                       title=f"Pohon kinerja {name}: ikhtisar", **kwargs)]
    tops = [n for n in pemda.tree_order() if n in own and pemda.parent(n) not in own]
    for top in tops:
        branch = _plan_branch(pemda, top, keep, indicators, kwargs, name)
        if branch.layout.width <= max_width:
            plans.append(branch)
            continue
        plans += [_plan_branch(pemda, child, keep, indicators, kwargs, name)
                  for child in pemda.children(top) if child in own]
    return plans


FOCUS_BOXES = 30
"""Most boxes the explorer draws for one condition: a figure a person can read on a screen."""


def focus_tree(pemda: Pemda, node_id: str, *, year: int | None = None, scale: str = DEFAULT_SCALE,
               config: AchievementConfig | None = None, max_boxes: int = FOCUS_BOXES,
               max_width: float = 16.0) -> Drawing:
    """One condition for the explorer: the path from its top outcome down to it, then its
    branch as deep as fits ``max_boxes`` and ``max_width`` inches (at least its children).

    A condition whose branch is cut says in its box how many conditions lie below it, and an
    ancestor how many lie in its other branches: choosing one of them opens it.
    """
    path = [*reversed(pemda.ancestors(node_id)), node_id]
    plan = None
    for depth in range(_deepest(pemda, node_id, max_boxes - len(path) + 1), 0, -1):
        children, collapsed = _focus_children(pemda, path, depth)
        size = sum(len(kids) for kids in children.values()) + 1
        plan = plan_tree(pemda, path[:1], children=children, year=year, scale=scale, config=config,
                         indicators=size <= 12, title=f"{node_id} dan cabangnya",
                         own_only=frozenset(path[:-1]), collapsed=collapsed)
        if plan.layout.width <= max_width:
            break
    return render_tree(pemda, plan)


def _deepest(pemda: Pemda, node_id: str, budget: int) -> int:
    """How many levels below ``node_id`` fit ``budget`` boxes (at least one)."""
    depth, frontier, used = 0, [node_id], 1
    while frontier:
        below = [c for n in frontier for c in pemda.children(n)]
        if not below or (depth and used + len(below) > budget):
            break
        depth, frontier, used = depth + 1, below, used + len(below)
    return max(depth, 1)


def _focus_children(pemda: Pemda, path: list[str], depth: int):
    """The children map and collapse notes of a focus tree ``depth`` levels deep."""
    children: dict[str, list[str]] = {}
    collapsed: dict[str, str] = {}
    for upper, lower in zip(path, path[1:]):
        children[upper] = [lower]
        others = pemda.subtree_size(upper) - pemda.subtree_size(lower) - 1
        if others:
            collapsed[upper] = f"▸ {others} kondisi lagi di cabang lain (pilih untuk membukanya)"
    frontier = [path[-1]]
    for _ in range(depth):
        for node in frontier:
            children[node] = pemda.children(node)
        frontier = [c for n in frontier for c in children[n]]
    for node in frontier:
        children[node] = []
        hidden = pemda.subtree_size(node) - 1
        if hidden:
            collapsed[node] = f"▸ {hidden} kondisi lagi di bawahnya (pilih untuk membukanya)"
    return children, collapsed


def _plan_branch(pemda, node_id, keep, indicators, kwargs, name) -> TreePlan:
    """One branch with the chain of conditions above it as context."""
    chain = [*reversed(pemda.ancestors(node_id)), node_id]
    chain = [n for n in chain if n in keep]
    children = _children_within(pemda, [node_id], keep=keep)
    for upper, lower in zip(chain, chain[1:]):
        children[upper] = [lower]
    statement = " ".join(wrap(pemda.node(node_id).get("pernyataan") or "", 200))
    return plan_tree(pemda, chain[:1], children=children, indicators=indicators,
                     title=f"{name}: {node_id} {statement}", **kwargs)


def pemda_tree_figure(pemda: Pemda, *, year: int | None = None, scale: str = DEFAULT_SCALE,
                      config: AchievementConfig | None = None) -> Drawing:
    """The Pemda's upper tree: its outcomes and the OPDs' intermediate outcomes under them."""
    roots = [n for n in pemda.roots() if pemda.level(n) == "ultimate"] or pemda.roots()
    title = f"Pohon kinerja {pemda.info.get('nama_pemda', '')}: sasaran daerah dan OPD pengampu"
    return draw_tree(pemda, roots, levels=("ultimate", "intermediate"), indicators=False,
                     year=year, scale=scale, title=title, config=config)


# --------------------------------------------------------------------------- problem tree


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
        fig, _ = _canvas(6, 0.5, f"Pohon masalah {name}: belum ada masalah")
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
        layout = _combine(below, above, core)
        towards_parent = {(e.parent, e.child) for e in below.edges}  # child causes parent
        if loose_layout is not None:
            layout = _beside(layout, loose_layout)
    else:
        layout, towards_parent = loose_layout, set()
    if loose_layout is not None:
        towards_parent |= {(e.parent, e.child) for e in loose_layout.edges}
    fig, ax = _canvas(layout.width, layout.height, title, _legend_rows(7, layout.width + 2 * MARGIN))
    drawing = Drawing(fig, layout, title)
    drawn = set()
    for edge in layout.edges:
        line = _draw_edge(ax, edge.points)
        drawing.edges.append((edge.parent, edge.child, line))
        if (edge.parent, edge.child) in towards_parent:
            cause, effect, points = edge.child, edge.parent, list(reversed(edge.points))
        else:
            cause, effect, points = edge.parent, edge.child, edge.points
        _arrowhead(ax, points[-2], points[-1])  # the head sits on the effect's box
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
        patch, texts = _draw_box(ax, box, content[pid], fill, border, linestyle=style,
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
    _legend(fig, handles, layout.width + 2 * MARGIN)
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


def _beside(main: Layout, extra: Layout, gap: float = 0.8) -> Layout:
    """``extra`` placed to the right of ``main``, tops aligned."""
    dx = main.width + gap
    for box in extra.boxes.values():
        main.boxes[box.id] = Box(box.id, box.x + dx, box.y, box.w, box.h, box.depth)
    for edge in extra.edges:
        main.edges.append(type(edge)(edge.parent, edge.child, [(x + dx, y) for x, y in edge.points]))
    main.width = dx + extra.width
    main.height = max(main.height, extra.height)
    return main


def _combine(below: Layout, above: Layout, core: str) -> Layout:
    """Causes' layout below the core and effects' layout mirrored above it, cores aligned."""
    shift_x = below.boxes[core].cx - above.boxes[core].cx
    core_box = below.boxes[core]
    combined = Layout()

    def mirror(x, y):  # the effects' layout grows upwards from the core's top
        return x + shift_x, core_box.y + core_box.h - y

    for pid, box in above.boxes.items():
        if pid == core:
            continue
        x, top = mirror(box.x, box.bottom)
        combined.boxes[pid] = Box(pid, x, top, box.w, box.h, -box.depth)
    for edge in above.edges:
        points = [mirror(x, y) for x, y in edge.points]
        combined.edges.append(type(edge)(edge.parent, edge.child, points))
    combined.boxes.update(below.boxes)
    combined.edges += below.edges
    min_x = min(b.x for b in combined.boxes.values())
    min_y = min(b.y for b in combined.boxes.values())
    for box in combined.boxes.values():
        box.x -= min_x
        box.y -= min_y
    for edge in combined.edges:
        edge.points = [(x - min_x, y - min_y) for x, y in edge.points]
    combined.width = max(b.right for b in combined.boxes.values())
    combined.height = max(b.bottom for b in combined.boxes.values())
    return combined


# --------------------------------------------------------------------------- shared roots

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
    from ..method.shared_roots import converted, core_problems, reach

    graph = pemda.problems
    nodes = set().union(*(reach(pemda, r) for r in shared["id"])) if len(shared) else set()
    title = f"Akar masalah bersama {pemda.info.get('nama_pemda') or ''}".strip()
    if not nodes:
        fig, _ = _canvas(6, 0.5, f"{title}: belum ada akar masalah bersama")
        return Drawing(fig, Layout(), title)
    sub = graph.subgraph(nodes)
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

    content = {p: lines(p) for p in nodes}
    sizes = {p: box_size(c) for p, c in content.items()}
    layout, routes = _layered(sub, sizes, [p for p in graph if p in nodes],
                              {p: graph.nodes[p].get("kode_opd") or "" for p in nodes})
    fig, ax = _canvas(layout.width, layout.height, title + f": {len(shared)} akar, {len(nodes)} masalah",
                      _legend_rows(5, layout.width + 2 * MARGIN))
    drawing = Drawing(fig, layout, title)
    for cause, effect in sub.edges:
        points = routes[(cause, effect)]
        line = _draw_edge(ax, points, color="#546E7A", linewidth=0.9)
        _arrowhead(ax, points[-2], points[-1])
        drawing.edges.append((cause, effect, line))
    for pid, box in layout.boxes.items():
        if pid in ranks:
            fill, border, width = "#FFE0B2", "#B71C1C", 2.6
        elif pid in cores:
            fill, border, width = "#FFCDD2", "#5D4037", 1.4
        else:
            fill, border, width = "#FAFAFA", "#5D4037", 0.9
        patch, texts = _draw_box(ax, box, content[pid], fill, border, linewidth=width)
        drawing.patches[pid], drawing.texts[pid] = patch, texts
    handles = [Patch(facecolor="#FFE0B2", edgecolor="#B71C1C", linewidth=2.6,
                     label="akar masalah bersama (#peringkat)"),
               Patch(facecolor="#FFCDD2", edgecolor="#5D4037", label="masalah inti OPD"),
               Patch(facecolor="#FAFAFA", edgecolor="#5D4037", label="masalah lain (tag: OPD)"),
               Line2D([], [], color="#546E7A", marker="^", label="sebab → akibat (akibat di atas)")]
    _legend(fig, handles, layout.width + 2 * MARGIN)
    return drawing


def _layered(graph, sizes: dict[str, tuple[float, float]], order: list[str],
             group: dict[str, str]) -> tuple[Layout, dict[tuple[str, str], list[tuple[float, float]]]]:
    """Rows of boxes for a cause -> effect graph, and each edge's route.

    A node's row is the longest chain of causes below it (roots in the bottom row), effects
    above; every box of a row is as tall as the row, so edges leave a cause's top and enter an
    effect's bottom at the same heights. An edge that spans several rows runs through a slot
    of its own in each row between (a point, never across a box). Within a row the order
    starts grouped by ``group`` (the OPD) and is then moved towards the mean position of each
    item's neighbours to cut crossings.
    """
    depth: dict[str, int] = {}
    for node in nx.topological_sort(graph):
        depth[node] = max((depth[c] + 1 for c in graph.predecessors(node)), default=0)
    expanded = nx.DiGraph()
    expanded.add_nodes_from(graph)
    slots: dict[tuple[str, str], list[str]] = {}
    for cause, effect in graph.edges:
        chain = [f"\0{cause}\0{effect}\0{k}" for k in range(depth[cause] + 1, depth[effect])]
        slots[(cause, effect)] = chain
        nx.add_path(expanded, [cause, *chain, effect])
        depth.update({slot: depth[cause] + 1 + k for k, slot in enumerate(chain)})
    rank = {n: i for i, n in enumerate(order)}
    rows: dict[int, list[str]] = {}
    for node in sorted(expanded, key=lambda n: (group.get(n, "~"), rank.get(n, len(rank)), n)):
        rows.setdefault(depth[node], []).append(node)
    rows = _fewer_crossings(expanded, rows)
    h_gap, v_gap = SHARED_GAP
    slot_width = 0.1
    size = {n: sizes.get(n, (slot_width, 0.0)) for n in expanded}
    widths = {lv: sum(size[n][0] for n in row) + h_gap * (len(row) - 1) for lv, row in rows.items()}
    width = max(widths.values())
    heights = {lv: max(sizes[n][1] for n in row if n in sizes) for lv, row in rows.items()}
    layout = Layout(width=width)
    centres: dict[str, tuple[float, float, float]] = {}  # slot -> (x, top, bottom)
    top = 0.0
    for level in sorted(rows, reverse=True):  # the last effects on top
        x = (width - widths[level]) / 2
        for node in rows[level]:
            w = size[node][0]
            if node in sizes:
                layout.boxes[node] = Box(node, x, top, w, heights[level], level)
            else:
                centres[node] = (x + w / 2, top, top + heights[level])
            x += w + h_gap
        top += heights[level] + v_gap
    layout.height = top - v_gap
    routes = {}
    for (cause, effect), chain in slots.items():
        a, b = layout.boxes[cause], layout.boxes[effect]
        points = [(a.cx, a.y)]
        for slot in chain:  # upwards: the slot nearest the cause first
            x, slot_top, slot_bottom = centres[slot]
            points += [(x, slot_bottom), (x, slot_top)]
        routes[(cause, effect)] = [*points, (b.cx, b.bottom)]
    return layout, routes


def _fewer_crossings(graph, rows: dict[int, list[str]], sweeps: int = 12) -> dict[int, list[str]]:
    """Row orders with fewer edge crossings: each sweep (up, then down) sorts a row by the mean
    position of each item's neighbours in the row just placed; the best orders seen are kept."""
    def crossings(order: dict[int, list[str]]) -> int:
        position = {n: i for row in order.values() for i, n in enumerate(row)}
        total = 0
        for level in order:
            pairs = [(position[u], position[v]) for u in order[level] for v in graph.successors(u)]
            total += sum(1 for i, (a, b) in enumerate(pairs) for c, d in pairs[i + 1:]
                         if (a - c) * (b - d) < 0)
        return total

    best, best_count = {lv: list(r) for lv, r in rows.items()}, crossings(rows)
    position = {n: i for row in rows.values() for i, n in enumerate(row)}
    for sweep in range(sweeps):
        upwards = sweep % 2 == 0
        for level in (sorted(rows) if upwards else sorted(rows, reverse=True)):
            def centre(n, upwards=upwards):
                near = list(graph.predecessors(n) if upwards else graph.successors(n))
                return sum(position[m] for m in near) / len(near) if near else position[n]
            rows[level].sort(key=lambda n: (centre(n), position[n]))
            position.update({n: i for i, n in enumerate(rows[level])})
        count = crossings(rows)
        if count < best_count:
            best, best_count = {lv: list(r) for lv, r in rows.items()}, count
    return best


# --------------------------------------------------------------------------- network


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


# --------------------------------------------------------------------------- trends


def trend_figure(pemda: Pemda, indicator_ids: list[str], title: str = "") -> Figure:
    """Target (dashed) and realisation (solid) over the years, one small panel per indicator."""
    rows = {r["id"]: r for r in pemda.tables["indikator"].rows if r.get("id")}
    ids = [i for i in indicator_ids if i in rows]
    cols = min(3, max(len(ids), 1))
    nrows = math.ceil(len(ids) / cols) if ids else 1
    fig = Figure(figsize=(4.2 * cols, 2.6 * nrows + 0.6))
    fig.suptitle(title, fontsize=11, fontweight="bold", x=0.01, ha="left")
    years = pemda.years
    for k, ind in enumerate(ids):
        ax = fig.add_subplot(nrows, cols, k + 1)
        row = rows[ind]
        targets = [(y, row.get(f"target_{y}")) for y in years if row.get(f"target_{y}") is not None]
        actual = [(y, row.get(f"realisasi_{y}")) for y in years if row.get(f"realisasi_{y}") is not None]
        if row.get("baseline") is not None and row.get("tahun_baseline"):
            actual.insert(0, (row["tahun_baseline"], row["baseline"]))
        if targets:
            ax.plot([y for y, _ in targets], [getattr(t, "mid", t) for _, t in targets], "--",
                    color="#546E7A", marker="o", markersize=3, label="target")
        if actual:
            ax.plot([y for y, _ in actual], [v for _, v in actual], "-", color="#C62828",
                    marker="o", markersize=4, label="realisasi")
        name = " ".join(wrap(row.get("nama") or ind, 45)[:2])
        ax.set_title(f"{ind}\n{name}", fontsize=7.5, loc="left")
        ax.tick_params(labelsize=7)
        ax.set_ylabel(row.get("satuan") or "", fontsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
        if k == 0:
            ax.legend(fontsize=7, frameon=False)
        for text in (ax.title, ax.yaxis.label):
            text.set_parse_math(False)
    # Margins set in inches, not measured (tight_layout draws the figure once more to measure:
    # half the time of this figure): a two-line panel title, tick labels, the unit.
    height = 2.6 * nrows + 0.6
    fig.subplots_adjust(left=0.75 / (4.2 * cols), right=1 - 0.15 / (4.2 * cols),
                        top=1 - 1.0 / height, bottom=0.35 / height,
                        hspace=0.75 / 1.75, wspace=0.9 / 3.3)
    return fig
