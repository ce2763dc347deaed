"""What every drawing is made of: colours, measured text lines, boxes sized to their text,
the figure with one data unit per inch, legends, edges and arrowheads, and saving.

Text is drawn literally: ``$``, ``_``, ``%``, ``{}`` and ``<b>`` show as typed (mathtext is off
for every label). Figures are built on :class:`matplotlib.figure.Figure`, not pyplot, so nothing
leaks between drawings.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ...core.atomic import atomic_path
from ..fonts import printable
from ..fonts import text_width as printed_width
from ..layout import Box, Layout

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


ROUNDING = 0.05     # a box's rounded corners, inches


EDGE_COLOR = "#546E7A"  # connectors between boxes


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

    def __post_init__(self):
        # A tab or a control character from a workbook cell is a space on every drawing (no font
        # has a glyph for it), in the figure and in the printed brief alike.
        object.__setattr__(self, "text", printable(self.text))

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
    """Width of a text in inches, measured by the renderers that draw it: the widest of the
    resolutions it is rendered at (font hinting makes small text a few percent wider or
    narrower from one resolution to another) and of the printed brief's vector PDF (the font's
    own unhinted widths, :func:`pohon_nb.outputs.fonts.text_width`)."""
    font = _font(size, weight, style)
    return max(printed_width(text, size, weight, style),
               *(_renderer(dpi).get_text_width_height_descent(text, font, ismath=False)[0] / dpi
                 for dpi in RENDER_DPIS))


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


TITLE_SIZE = 12  # pt, a drawing's title (bold)


TITLE_LINE = 0.22  # inches, a title's line (12 pt at 1.3 spacing)


def title_lines(width: float, title: str) -> list[str]:
    width = max(width, 5.0)
    title = " ".join(str(title).split())  # a tab or a line break from a workbook cell is a space
    # As many characters a line as the figure's width holds at the title's own average width.
    average = text_width(title, TITLE_SIZE, "bold", "normal") / max(len(title), 1) or 0.1
    chars = max(int(0.92 * (width + MARGIN - 0.1) / average), 20)
    return textwrap.wrap(title, chars) or [""]


def frame(width: float, height: float, title: str, legend_rows: int):
    """The title's lines, the bands above and below the drawing, and the figure's size: the one
    measure :func:`canvas_size` reports and :func:`new_canvas` draws by."""
    lines = title_lines(width, title)
    # The title's lines (12 pt at 1.3 spacing: 0.22 in each) and a quarter inch before the drawing;
    # the legend's rows (7 pt: about 0.18 in each) below it, with no empty band between.
    title_space, legend_space = TITLE_LINE * len(lines) + 0.05, LEGEND_ROW * legend_rows + 0.1
    size = (max(width, 5.0) + 2 * MARGIN, height + 2 * MARGIN + title_space + legend_space)
    return lines, title_space, legend_space, size


def canvas_size(width: float, height: float, title: str, legend_rows: int = 2) -> tuple[float, float]:
    """The size in inches of the figure :func:`new_canvas` makes for these arguments, without
    making it: a caller that only asks whether a drawing fits a page need not draw it."""
    return frame(width, height, title, legend_rows)[3]


def new_canvas(width: float, height: float, title: str,
            legend_rows: int = 2) -> tuple[Figure, object]:
    """A figure where one data unit is one inch, y downwards, title on top (wrapped to fit)."""
    lines, title_space, legend_space, size = frame(width, height, title, legend_rows)
    width = max(width, 5.0)
    fig = Figure(figsize=size)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(-MARGIN, width + MARGIN)
    ax.set_ylim(height + MARGIN + legend_space, -MARGIN - title_space)
    ax.text(0, -MARGIN - title_space + 0.15, "\n".join(lines), fontsize=TITLE_SIZE, fontweight="bold",
            va="top", ha="left", parse_math=False, linespacing=1.3)
    return fig, ax


LEGEND_SIZE = 7  # pt, a legend's labels


LEGEND_ROW = 0.18  # inches, a legend's row


def legend_columns(count: int, width: float) -> int:
    """How many columns a legend of ``count`` entries takes below a drawing ``width`` inches wide."""
    return max(1, min(count, int(max(width, 5.0) / 2.1)))


def legend(fig, handles, width: float) -> None:
    """A legend below the drawing, as many columns as the width holds."""
    fig.legend(handles=handles, loc="lower left", ncol=legend_columns(len(handles), width),
               fontsize=LEGEND_SIZE, frameon=False, bbox_to_anchor=(0.0, 0.0))


def legend_rows(count: int, width: float) -> int:
    return math.ceil(count / legend_columns(count, width))


def draw_box(ax, box: Box, lines: list[Line], fill: str, edge: str, *, linestyle="-",
              linewidth=1.0) -> tuple[FancyBboxPatch, list]:
    patch = FancyBboxPatch((box.x, box.y), box.w, box.h, boxstyle=f"round,pad=0,rounding_size={ROUNDING}",
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


def draw_edge(ax, points, color=EDGE_COLOR, linestyle="-", linewidth=1.0) -> Line2D:
    xs, ys = zip(*points)
    (line,) = ax.plot(xs, ys, color=color, linestyle=linestyle, linewidth=linewidth, zorder=1,
                      solid_joinstyle="miter")
    return line


def arrowhead(ax, start, end, color=EDGE_COLOR):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, color=color,
                                 linewidth=0, zorder=1.5, shrinkA=0, shrinkB=0))
