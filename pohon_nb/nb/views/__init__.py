"""What each section of the notebooks shows, as functions of one :class:`Context`.

A view takes the context (the Pemda, the OPD, the year, the predicate scale, the node) and
returns a list of displayable items: tables (DataFrames or Stylers), drawings, Markdown
text. The same view is shown statically (``interaktif = False``) or inside a widget whose
controls change the context and show it again (:mod:`pohon_nb.nb.widgets`), so the batch and
the analyst see the same content.

One module per notebook (:mod:`.overview`, :mod:`.problems`, :mod:`.causal`, :mod:`.indicators`,
:mod:`.explorer`) and :mod:`.context` for what they share; the notebooks read every view as
``views.<name>``, so a view moves between modules without touching a notebook.
"""

from __future__ import annotations

from .causal import (  # noqa: F401
    NOT_COMPARED,
    achievement_rollup,
    budget,
    changes_since,
    conversion,
    crosscutting_both_ways,
    lke_opd,
    logic_findings,
    opd_tree,
    traceability,
    weakest_branch,
)
from .context import (  # noqa: F401
    FIELDS,
    MISSING,
    NO_SHARED,
    SCREEN_WIDTH,
    TITLES,
    Context,
    candidates_table,
    explained_in,
    findings_table,
    fix_today,
    headline,
    headline_row,
    lke_estimates,
    lke_section,
    missing,
    no_indicators,
    opd_folder,
    opd_list,
    reads,
    shared_or_why,
    year_gap,
)
from .explorer import (  # noqa: F401
    ENTRY_ROWS,
    compared_year,
    focus_node,
    node_achievement,
    node_crosscutting,
    node_root_causes,
    node_subtree,
    node_year_change,
    pemda_weakest,
    shared_roots_outcomes,
)
from .indicators import (  # noqa: F401
    iku_recommendation,
    indicator_scores,
    label_of,
    manual_iku,
    manual_iku_export,
    score_reasons,
    type_and_polarity,
)
from .overview import (  # noqa: F401
    SHARED_RULE,
    crosscutting_network,
    lke_pemda,
    national_alignment,
    pemda_headline,
    pemda_headlines,
    pemda_outcomes,
    shared_roots_pemda,
)
from .problems import (  # noqa: F401
    apkl,
    core_problem,
    indicator_gaps,
    next_steps_identification,
    opd_glance,
    problem_tree,
    shared_roots_opd,
    usg,
)
