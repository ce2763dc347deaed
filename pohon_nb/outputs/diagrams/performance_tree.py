"""The performance tree: a condition's box (statement, indicators, achievement badge,
crosscutting tags), a tree planned before it is drawn, and an OPD's tree split to fit a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from ...core.formats import percent
from ...method.achievement import TARGET_MET, AchievementConfig, get_scale, node_achievement
from ...method.checked import check
from ...method.checks import CheckConfig
from ...method.crosscutting import requests
from ...method.scales import DEFAULT_SCALE
from ...reading import schema
from ...reading.model import Pemda
from ..layout import Spacing, tree_layout
from .canvas import (
    LEVEL_COLORS,
    MARGIN,
    MISSING_COLOR,
    PAGE_WIDTH,
    STATUS_COLORS,
    TRAFFIC,
    Drawing,
    Line,
    box_size,
    canvas_size,
    draw_box,
    draw_edge,
    legend,
    legend_rows,
    new_canvas,
    wrap,
)


def predicate_color(scale, label: str | None) -> str:
    if label is None:
        return MISSING_COLOR
    labels = scale.labels()
    rank = labels.index(label)
    index = round(rank * (len(TRAFFIC) - 1) / max(len(labels) - 1, 1))
    return TRAFFIC[index]


def figure_marks(pemda: Pemda, year: int, config: AchievementConfig | None = None) -> dict:
    """The marks every badge of a tree drawn for ``year`` carries (see :func:`badge_marks`)."""
    from ...method.summary import badge_marks

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
        text = (f"Capaian {year}: {percent(own)} · {label}" if own is not None
                else f"Capaian {year}: n/a ({why or 'belum ada data'})")
        lines.append(Line(text, size=7, weight="bold", dot=predicate_color(scale, label)))
        own_marks, branch_capped = (marks or {}).get(node_id, ((), False))
        if own is not None and own < TARGET_MET:
            own_marks = ("di bawah target", *own_marks)
        for text in wrap("⚑ " + "; ".join(own_marks), 44) if own_marks else ():
            lines.append(Line(text, size=6.5, color="#8D4B00"))
        if branch is not None and not own_only and pemda.children(node_id):
            # A branch figure explains the condition's own; it carries no predicate of its own.
            capped = " (memuat nilai batas atas)" if branch_capped else ""
            lines.append(Line(f"cabang: {percent(branch)}{capped}", size=6.5,
                              color="#37474F"))
    for partner, status in (crosscutting or {}).get(node_id, []):
        lines.append(Line(f"↔ crosscutting: {partner} ({status})", size=6.5, style="italic",
                          color=STATUS_COLORS.get(status, "#000000")))
    return lines


LINK_BEND = -0.25
"""How far a crosscutting arc bends from the straight line (matplotlib's ``arc3`` ``rad``): the
control point sits this fraction of the chord's length to its side."""


COLUMN_ROWS = (2, 3, 4, 6, 10)
"""How many boxes a column of leaves holds before it wraps into the next column, tried in
order until the drawing fits the width (then one unwrapped column): a wide fan uses the width
of the screen instead of running down it."""


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
    sizes: dict = field(default_factory=dict)  # each box's (width, height), inches
    stacked: set = field(default_factory=set)  # the nodes whose children hang in a column

    def drawn_links(self) -> list[tuple[tuple[float, float], tuple[float, float], str]]:
        """The dashed crosscutting arcs to draw: from the right of the requesting condition's box to
        the left of the partner's, with the status's colour, when both are on the drawing. A
        partner's condition drawn as the requester's own child is joined by the tree's edge (and
        named by the tag): an arc to it would only cross the boxes between them."""
        boxes, arcs = self.layout.boxes, []
        for source, target, status in self.links:
            if target in self.children.get(source, ()) or source not in boxes or target not in boxes:
                continue
            a, b = boxes[source], boxes[target]
            color = STATUS_COLORS.get(status, "#000000")
            arcs.append(((a.right, a.y + a.h / 2), (b.x, b.y + b.h / 2), color))
        return arcs

    def wrapped(self, column_rows: int) -> TreePlan:
        """The same boxes laid out again, long columns of leaves wrapped after ``column_rows``."""
        layout = tree_layout(self.roots, self.children, self.sizes, Spacing(), stack=self.stacked,
                             column_rows=column_rows)
        return replace(self, layout=layout)

    def fitted(self, max_width: float) -> TreePlan:
        """These boxes laid out to use the width: long columns of leaves wrapped after the first
        of :data:`COLUMN_ROWS` that keeps the drawing within ``max_width`` inches and makes it
        shorter; as planned when none does."""
        for rows in COLUMN_ROWS:
            wrapped = self.wrapped(rows)
            if wrapped.layout.width <= max_width and wrapped.layout.height < self.layout.height:
                return wrapped
        return self


def plan_tree(pemda: Pemda, roots: list[str], *, children: dict[str, list[str]] | None = None,
              year: int | None = None, scale: str = DEFAULT_SCALE, indicators: bool = True,
              levels: tuple[str, ...] | None = None, title: str = "",
              config: AchievementConfig | None = None,
              own_only: frozenset[str] | set[str] = frozenset(),
              collapsed: dict[str, str] | None = None, column_rows: int = 0) -> TreePlan:
    """What :func:`draw_tree` would draw (see there), without drawing it; ``column_rows`` wraps
    a long column of leaves (:func:`~pohon_nb.outputs.layout.tree_layout`)."""
    if children is None:
        children = children_within(pemda, roots, levels)
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
    layout = tree_layout(roots, children, sizes, Spacing(), stack=stacked, column_rows=column_rows)
    return TreePlan(list(roots), children, content, layout, scale_obj, year is not None, links, title,
                    sizes, stacked)


@dataclass(frozen=True)
class LegendEntry:
    """One entry of a tree's legend, whatever draws it: a level's box, a predicate's dot, the ⚑
    mark, or the dashed crosscutting link."""

    kind: str  # "box", "dot", "mark" or "dash"
    color: str
    label: str
    edge: str = ""  # a box's border


def legend_entries(levels: list[str], with_badges: bool, scale) -> list[LegendEntry]:
    """What a tree's legend explains, in order: the levels it shows, then (with badges) the
    predicates, n/a and the ⚑ marks, then the crosscutting link."""
    entries = [LegendEntry("box", LEVEL_COLORS[level][0], schema.LEVEL_LABELS[level], LEVEL_COLORS[level][1])
               for level in levels]
    if with_badges:
        entries += [LegendEntry("dot", predicate_color(scale, label), label) for label in scale.labels()]
        entries.append(LegendEntry("dot", MISSING_COLOR, "n/a (belum ada data)"))
        entries.append(LegendEntry("mark", "#8D4B00", "di bawah target, target longgar (M07), batas atas"))
    entries.append(LegendEntry("dash", STATUS_COLORS["usulan"], "crosscutting ke kondisi mitra"))
    return entries


def tree_legend(pemda: Pemda, plan: TreePlan) -> tuple[list[LegendEntry], int]:
    """A planned tree's legend (the levels it shows and, with badges, the scale) and its rows."""
    present = [lv for lv in LEVEL_COLORS if any(pemda.level(n) == lv for n in plan.layout.boxes)]
    entries = legend_entries(present, plan.badges, plan.scale)
    return entries, legend_rows(len(entries), plan.layout.width + 2 * MARGIN)


def figure_size(pemda: Pemda, plan: TreePlan) -> tuple[float, float]:
    """The size in inches :func:`render_tree` would draw a planned tree at, without drawing it."""
    return canvas_size(plan.layout.width, plan.layout.height, plan.title, tree_legend(pemda, plan)[1])


def render_tree(pemda: Pemda, plan: TreePlan) -> Drawing:
    """Draw a planned tree on its own figure."""
    layout = plan.layout
    entries, rows = tree_legend(pemda, plan)
    fig, ax = new_canvas(layout.width, layout.height, plan.title, rows)
    drawing = Drawing(fig, layout, plan.title)
    for edge in layout.edges:
        drawing.edges.append((edge.parent, edge.child, draw_edge(ax, edge.points)))
    for node_id, box in layout.boxes.items():
        fill, border = LEVEL_COLORS.get(pemda.level(node_id), ("#FFFFFF", "#000000"))
        patch, texts = draw_box(ax, box, plan.content[node_id], fill, border)
        drawing.patches[node_id], drawing.texts[node_id] = patch, texts
    for start, end, color in plan.drawn_links():
        ax.add_patch(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={LINK_BEND}", arrowstyle="-|>",
                                     mutation_scale=9, linestyle="--", linewidth=1.1, color=color, zorder=4))
    legend(fig, [_handle(entry) for entry in entries], layout.width + 2 * MARGIN)
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


def _handle(entry: LegendEntry):
    """A legend entry as matplotlib draws it."""
    if entry.kind == "box":
        return Patch(facecolor=entry.color, edgecolor=entry.edge, label=entry.label)
    if entry.kind == "dash":
        return Line2D([], [], linestyle="--", color=entry.color, label=entry.label)
    marker = "$⚑$" if entry.kind == "mark" else "o"
    return Line2D([], [], marker=marker, linestyle="", color=entry.color, label=entry.label)


def children_within(pemda: Pemda, roots: list[str], levels=None,
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


OVERVIEW_LEVELS = ("ultimate", "intermediate", "immediate")
"""The levels an OPD's overview shows when its tree is split by branch."""


def opd_tree_plans(pemda: Pemda, kode_opd: str, *, year: int | None = None,
                   scale: str = DEFAULT_SCALE, indicators: bool = True,
                   max_width: float = PAGE_WIDTH,
                   config: AchievementConfig | None = None) -> list[TreePlan]:
    """The drawings of :func:`opd_tree_figures`, planned and not yet drawn."""
    scope = _opd_scope(pemda, kode_opd, year, scale, config)
    if scope is None:
        return []
    name, own, keep, roots, kwargs = scope
    whole = plan_tree(pemda, roots, children=children_within(pemda, roots, keep=keep),
                      indicators=indicators, title=f"Pohon kinerja {name}", **kwargs)
    if whole.layout.width <= max_width:
        return [whole]
    plans = [opd_overview_plan(pemda, kode_opd, year=year, scale=scale, config=config)]
    tops = [n for n in pemda.tree_order() if n in own and pemda.parent(n) not in own]
    for top in tops:
        branch = _plan_branch(pemda, top, keep, indicators, kwargs, name)
        if branch.layout.width <= max_width:
            plans.append(branch)
            continue
        plans += [_plan_branch(pemda, child, keep, indicators, kwargs, name)
                  for child in pemda.children(top) if child in own]
    return plans


def opd_overview_plan(pemda: Pemda, kode_opd: str, *, levels: tuple[str, ...] = OVERVIEW_LEVELS,
                      year: int | None = None, scale: str = DEFAULT_SCALE,
                      config: AchievementConfig | None = None) -> TreePlan | None:
    """The OPD's tree down to ``levels`` only, without indicators: the map before its branches
    (None for an OPD that owns no condition). With the lowest levels left out, the last shown
    hang in columns under their parent."""
    scope = _opd_scope(pemda, kode_opd, year, scale, config)
    if scope is None:
        return None
    name, _, keep, roots, kwargs = scope
    upto = "" if levels == OVERVIEW_LEVELS else f" sampai {schema.LEVEL_LABELS[levels[-1]].lower()}"
    return plan_tree(pemda, roots, indicators=False, children=children_within(pemda, roots, levels, keep),
                     title=f"Pohon kinerja {name}: ikhtisar{upto}", **kwargs)


def _opd_scope(pemda: Pemda, kode_opd: str, year, scale, config):
    """What an OPD's drawings show: its name, its own conditions, every condition drawn (its own,
    the context above, and other owners' conditions directly under its own), the roots, and the
    planning arguments; None when it owns no condition."""
    name = pemda.opd_name(kode_opd)
    own = set(pemda.owned_by(kode_opd))
    if not own:
        return None
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
    return name, own, keep, roots, kwargs


def _plan_branch(pemda, node_id, keep, indicators, kwargs, name) -> TreePlan:
    """One branch with the chain of conditions above it as context."""
    chain = [*reversed(pemda.ancestors(node_id)), node_id]
    chain = [n for n in chain if n in keep]
    children = children_within(pemda, [node_id], keep=keep)
    for upper, lower in zip(chain, chain[1:]):
        children[upper] = [lower]
    statement = " ".join(wrap(pemda.node(node_id).get("pernyataan") or "", 200))
    return plan_tree(pemda, chain[:1], children=children, indicators=indicators,
                     title=f"{name}: {node_id} {statement}", **kwargs)
