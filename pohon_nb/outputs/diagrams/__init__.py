"""Drawings people can read: the performance tree, the problem tree, the shared roots, the
crosscutting network and the trends, one module per drawing.

matplotlib only (no graphviz). Boxes are sized to their measured text (the same text engine that
renders it, :mod:`.canvas`), laid out by :mod:`pohon_nb.outputs.layout`, and a figure grows with
its content instead of shrinking the text: a tree too wide for a page is split
(:func:`opd_tree_figures`). Every drawing is re-exported here, so ``diagrams.<name>`` keeps
working wherever a drawing lives.
"""

from __future__ import annotations

from .canvas import (  # noqa: F401
    DOT,
    LEVEL_COLORS,
    MARGIN,
    MIN_WIDTH,
    MISSING_COLOR,
    PAD,
    PAGE_WIDTH,
    RENDER_DPIS,
    STATUS_COLORS,
    STATUS_LABELS,
    TRAFFIC,
    Drawing,
    Line,
    arrowhead,
    box_size,
    canvas_size,
    draw_box,
    draw_edge,
    legend,
    legend_rows,
    line_size,
    new_canvas,
    save_figure,
    text_width,
    wrap,
)
from .crosscutting import (  # noqa: F401
    crosscutting_figure,
)
from .focus_tree import (  # noqa: F401
    FOCUS_BOXES,
    focus_tree,
)
from .pemda_tree import (  # noqa: F401
    pemda_tree_figure,
)
from .performance_tree import (  # noqa: F401
    TreePlan,
    children_within,
    draw_tree,
    figure_marks,
    figure_size,
    node_lines,
    opd_overview_plan,
    opd_tree_figures,
    opd_tree_plans,
    plan_tree,
    predicate_color,
    render_tree,
)
from .problem_tree import (  # noqa: F401
    problem_tree_figure,
)
from .shared_roots import (  # noqa: F401
    SHARED_GAP,
    SHARED_WRAP,
    shared_roots_figure,
)
from .trends import (  # noqa: F401
    TREND_PANELS,
    trend_figure,
)
