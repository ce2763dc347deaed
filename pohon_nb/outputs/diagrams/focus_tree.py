"""The explorer's drawing of one condition: the path from its top outcome down to it, then its
branch as deep as a screen holds.
"""

from __future__ import annotations

from ...method.achievement import AchievementConfig
from ...method.scales import DEFAULT_SCALE
from ...reading.model import Pemda
from .canvas import (
    Drawing,
)
from .performance_tree import (
    plan_tree,
    render_tree,
)

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
            # It fits as one column per fan: wrap the long columns as far as the width allows.
            return render_tree(pemda, plan.fitted(max_width))
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
