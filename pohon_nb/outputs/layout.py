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
  other edges leave the parent's bottom and enter the child's top.

Everything is iterative and linear in the number of nodes (no recursion limit).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
                stack: bool | set[str] = True) -> Layout:
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

    # Horizontal extent of every subtree, children before parents.
    span: dict[str, float] = {}
    for node in reversed(order):
        w = sizes[node][0]
        if node in column_parents:
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
        if node in column_parents:
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


def _route(parent: Box, child: Box, row_top: dict[int, float], sp: Spacing):
    if child.stacked:
        spine = parent.x + sp.indent / 2
        mid = child.y + child.h / 2
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
