"""Top-down tree layout: boxes of given sizes placed without overlap, and their edges.

Pure geometry in inches, y growing downwards; :mod:`pohon_nb.outputs.diagrams` measures the boxes
and draws them. Rules:

* Every subtree owns a horizontal interval of its own, so boxes of different subtrees never
  overlap; a parent is centred over its children.
* Rows follow depth: every box of a depth starts at the same top; a row is as tall as its
  tallest box.
* A node whose children are all leaves stacks them in a column under itself, indented, so a
  wide fan of outputs does not make the tree wide (the compact org-chart style). Edges to
  stacked children run down a spine on the left and enter the child from its left side;
  other edges leave the parent's bottom and enter the child's top. With ``column_rows``, a
  column of more leaves than that wraps into several columns side by side, each with its own
  spine, joined under the parent by one bar (a long fan then uses the page's width).

Everything is iterative and linear in the number of nodes (no recursion limit).

For graphs that are not trees (the Pemda's joined problems, where a cause has several
effects), :func:`layered_layout` puts each node in the row of its longest chain of causes and
orders rows to cut crossings (:func:`fewer_crossings`); :func:`beside` and :func:`around_core`
put two layouts side by side or mirror one above the other (a problem tree: effects above the
core problem, causes below).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx


@dataclass
class Box:
    """A placed node: left ``x``, top ``y``, width ``w``, height ``h`` (inches)."""

    id: str
    x: float
    y: float
    w: float
    h: float
    depth: int
    stacked: bool = False

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass
class Edge:
    """A parent -> child connector as a polyline of (x, y) points."""

    parent: str
    child: str
    points: list[tuple[float, float]]


@dataclass
class Layout:
    boxes: dict[str, Box] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class Spacing:
    """Gaps in inches: between siblings, between rows, between stacked boxes, the indent."""

    h_gap: float = 0.3
    v_gap: float = 0.45
    stack_gap: float = 0.15
    indent: float = 0.3


def tree_layout(roots: list[str], children: dict[str, list[str]],
                sizes: dict[str, tuple[float, float]], spacing: Spacing | None = None,
                stack: bool | set[str] = True, column_rows: int = 0) -> Layout:
    """Place a forest.

    Parameters
    ----------
    roots : the top nodes, left to right.
    children : each node's children in order (nodes absent or with [] are leaves); every
        node must be reached once (a tree, not a graph).
    sizes : (width, height) of every node's box, inches.
    stack : which nodes stack their children in an indented column: True for every node
        whose children are all leaves, False for none, or a set of node ids. Below a
        stacked node everything is stacked (a child's own children are indented further).
    column_rows : a stacked node with more than this many children, all leaves, lays them in
        several columns of at most this many (0: one column however long).
    """
    sp = spacing or Spacing()
    order, depth = _preorder(roots, children)
    kids = {n: children.get(n, []) for n in order}
    if stack is True:
        stacks = {n for n in order if kids[n] and all(not kids[c] for c in kids[n])}
    else:
        stacks = {n for n in (stack or ()) if kids.get(n)}
    in_column: set[str] = set()  # nodes placed inside some stacked column
    for node in order:
        if node in stacks or node in in_column:
            in_column.update(kids[node])
    column_parents = {n for n in order if kids[n] and (n in stacks or n in in_column)}
    # Columns that wrap: how many columns each such head lays its leaves in.
    wraps = {n: -(-len(kids[n]) // column_rows) for n in column_parents
             if column_rows and n not in in_column and len(kids[n]) > column_rows
             and all(not kids[c] for c in kids[n])}

    # Horizontal extent of every subtree, children before parents.
    span: dict[str, float] = {}
    for node in reversed(order):
        w = sizes[node][0]
        if node in wraps:
            widest = max(span[c] for c in kids[node])
            span[node] = max(w, sp.indent + wraps[node] * widest + (wraps[node] - 1) * sp.h_gap)
        elif node in column_parents:
            span[node] = max(w, sp.indent + max(span[c] for c in kids[node]))
        elif kids[node]:
            row = sum(span[c] for c in kids[node]) + sp.h_gap * (len(kids[node]) - 1)
            span[node] = max(w, row)
        else:
            span[node] = w

    # Rows: the top of every depth, from the tallest box of the depth above that is not in
    # a column (columns hang below their head and own their x range).
    row_height: dict[int, float] = {}
    for node in order:
        if node not in in_column:
            row_height[depth[node]] = max(row_height.get(depth[node], 0.0), sizes[node][1])
    row_top = {0: 0.0}
    for d in range(1, max(row_height, default=0) + 1):
        row_top[d] = row_top[d - 1] + row_height.get(d - 1, 0.0) + sp.v_gap

    layout = Layout()
    left: dict[str, float] = {}
    cursor = 0.0
    for root in roots:
        left[root] = cursor
        cursor += span[root] + sp.h_gap
    for node in order:
        if node in in_column:
            continue  # placed with the head of its column
        w, h = sizes[node]
        x = left[node] if node in column_parents else left[node] + (span[node] - w) / 2
        box = Box(node, x, row_top[depth[node]], w, h, depth[node])
        layout.boxes[node] = box
        if node in wraps:
            _place_columns(node, box, kids, sizes, depth, sp, layout, wraps[node])
        elif node in column_parents:
            _place_column(node, box, kids, sizes, depth, sp, layout)
        elif kids[node]:
            row = sum(span[c] for c in kids[node]) + sp.h_gap * (len(kids[node]) - 1)
            start = left[node] + (span[node] - row) / 2
            for child in kids[node]:
                left[child] = start
                start += span[child] + sp.h_gap

    for node in order:
        parent = layout.boxes[node]
        for child in kids[node]:
            layout.edges.append(Edge(node, child, _route(parent, layout.boxes[child], row_top, sp)))
    layout.width = max((b.right for b in layout.boxes.values()), default=0.0)
    layout.height = max((b.bottom for b in layout.boxes.values()), default=0.0)
    return layout


def _place_column(head: str, head_box: Box, kids, sizes, depth, sp: Spacing, layout: Layout) -> None:
    """Place everything under ``head`` as an indented column, depth-first, top to bottom."""
    y = head_box.bottom + sp.stack_gap
    stack = [(child, head_box.x + sp.indent) for child in reversed(kids[head])]
    while stack:
        node, x = stack.pop()
        w, h = sizes[node]
        layout.boxes[node] = Box(node, x, y, w, h, depth[node], True)
        y += h + sp.stack_gap
        stack.extend((child, x + sp.indent) for child in reversed(kids[node]))


def _place_columns(head: str, head_box: Box, kids, sizes, depth, sp: Spacing, layout: Layout,
                   columns: int) -> None:
    """Place the leaves under ``head`` in ``columns`` columns of (nearly) equal length, left to
    right, below a bar that joins their spines."""
    leaves = kids[head]
    rows = -(-len(leaves) // columns)
    widest = max(sizes[c][0] for c in leaves)
    for number in range(columns):
        x = head_box.x + sp.indent + number * (widest + sp.h_gap)
        y = head_box.bottom + 2 * sp.stack_gap  # room for the bar
        for node in leaves[number * rows:(number + 1) * rows]:
            w, h = sizes[node]
            layout.boxes[node] = Box(node, x, y, w, h, depth[node], True)
            y += h + sp.stack_gap


def _route(parent: Box, child: Box, row_top: dict[int, float], sp: Spacing):
    if child.stacked:
        spine = parent.x + sp.indent / 2
        mid = child.y + child.h / 2
        own = child.x - sp.indent / 2  # the spine of the child's column
        if own > spine + 1e-9:  # a wrapped column: along the bar under the parent, then down
            bar = parent.bottom + sp.stack_gap
            return [(spine, parent.bottom), (spine, bar), (own, bar), (own, mid), (child.x, mid)]
        return [(spine, parent.bottom), (spine, mid), (child.x, mid)]
    mid = child.y - sp.v_gap / 2
    return [(parent.cx, parent.bottom), (parent.cx, mid), (child.cx, mid), (child.cx, child.y)]


def _preorder(roots: list[str], children: dict[str, list[str]]):
    order: list[str] = []
    depth: dict[str, int] = {}
    stack = [(r, 0) for r in reversed(roots)]
    while stack:
        node, d = stack.pop()
        if node in depth:
            raise ValueError(f"{node!r} is reached twice: the layout takes a tree")
        depth[node] = d
        order.append(node)
        stack.extend((c, d + 1) for c in reversed(children.get(node, [])))
    return order, depth


def overlaps(a: Box, b: Box, tolerance: float = 1e-9) -> bool:
    """Whether two boxes share any area."""
    return (a.x < b.right - tolerance and b.x < a.right - tolerance
            and a.y < b.bottom - tolerance and b.y < a.bottom - tolerance)


# ------------------------------------------------------------------ layered graphs, combined layouts


def ordered_subgraph(graph, nodes: list[str]):
    """The subgraph of ``graph`` on ``nodes`` as a graph of its own, its nodes in the order given and
    its edges in ``graph``'s. A networkx subgraph view of a few nodes iterates their set, in an
    order that changes from one run to the next (hash seeds); layouts and drawings follow that
    order, so the same workbook drew a different figure each run."""
    keep = set(nodes)
    sub = graph.__class__()
    sub.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    sub.add_edges_from((u, v, d) for u, v, d in graph.edges(nodes, data=True) if v in keep)
    return sub


def layered_layout(graph, sizes: dict[str, tuple[float, float]], order: list[str], group: dict[str, str],
                   gap: tuple[float, float] = (0.35, 0.6),
                   ) -> tuple[Layout, dict[tuple[str, str], list[tuple[float, float]]]]:
    """Rows of boxes for a cause -> effect graph, and each edge's route.

    A node's row is the longest chain of causes below it (roots in the bottom row), effects
    above; every box of a row is as tall as the row, so edges leave a cause's top and enter an
    effect's bottom at the same heights. An edge that spans several rows runs through a slot
    of its own in each row between (a point, never across a box). Within a row the order
    starts grouped by ``group`` (the OPD) and is then moved towards the mean position of each
    item's neighbours to cut crossings. ``gap``: inches between boxes of a row, between rows.
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
    rows = fewer_crossings(expanded, rows)
    h_gap, v_gap = gap
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


def fewer_crossings(graph, rows: dict[int, list[str]], sweeps: int = 12) -> dict[int, list[str]]:
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


def beside(main: Layout, extra: Layout, gap: float = 0.8) -> Layout:
    """``extra`` placed to the right of ``main``, tops aligned."""
    dx = main.width + gap
    for box in extra.boxes.values():
        main.boxes[box.id] = Box(box.id, box.x + dx, box.y, box.w, box.h, box.depth)
    for edge in extra.edges:
        main.edges.append(type(edge)(edge.parent, edge.child, [(x + dx, y) for x, y in edge.points]))
    main.width = dx + extra.width
    main.height = max(main.height, extra.height)
    return main


def around_core(below: Layout, above: Layout, core: str) -> Layout:
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
