"""Indicators' target and realisation over the years.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ...core.formats import number_text
from ...reading.model import Pemda
from .canvas import (
    wrap,
)

PANEL_HEIGHT = 2.1
"""Inches per row of panels: a panel title of three lines (the id, the name on two), a plot of
about 1.2 in, the years."""

PANEL_WIDTH = 3.1
"""Inches per panel: four panels side by side fit a report 1280 px wide."""

TREND_PANELS = 4
"""Panels in a row, and the most a report draws: the largest gaps, the table has the rest."""

AXIS_NUMBERS = FuncFormatter(lambda value, _position: number_text(round(value, 4)))


def trend_figure(pemda: Pemda, indicator_ids: list[str], title: str = "") -> Figure:
    """Target (dashed) and realisation (solid) over the years, one small panel per indicator."""
    rows = {r["id"]: r for r in pemda.tables["indikator"].rows if r.get("id")}
    ids = [i for i in indicator_ids if i in rows]
    cols = min(TREND_PANELS, max(len(ids), 1))
    nrows = math.ceil(len(ids) / cols) if ids else 1
    fig = Figure(figsize=(PANEL_WIDTH * cols, PANEL_HEIGHT * nrows + 0.7))
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
        # The name on the two lines the panel's width holds (the table above has it whole).
        name = wrap(row.get("nama") or ind, 36)
        if len(name) > 2:
            name = [name[0], name[1] + "…"]
        ax.set_title("\n".join([ind, *name]), fontsize=7.5, loc="left")
        ax.tick_params(labelsize=7)
        ax.set_ylabel(row.get("satuan") or "", fontsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        # The axis writes numbers as the tables do: "152.000", "7,5" (not "152000", "7.5").
        ax.yaxis.set_major_formatter(AXIS_NUMBERS)
        ax.grid(alpha=0.3)
        if k == 0:
            ax.legend(fontsize=7, frameon=False)
        for text in (ax.title, ax.yaxis.label):
            text.set_parse_math(False)
    # Margins set in inches, not measured (tight_layout draws the figure once more to measure:
    # half the time of this figure): a three-line panel title, tick labels, the unit.
    height = PANEL_HEIGHT * nrows + 0.7
    fig.subplots_adjust(left=0.75 / (PANEL_WIDTH * cols), right=1 - 0.15 / (PANEL_WIDTH * cols),
                        top=1 - 0.9 / height, bottom=0.35 / height,
                        hspace=0.85 / (PANEL_HEIGHT - 0.85), wspace=0.9 / (PANEL_WIDTH - 0.9))
    return fig
