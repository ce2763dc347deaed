"""Printed pages written as vector PDF: lines of text and planned trees placed on A4 pages.

A :class:`Page` holds what goes on it (:class:`Text` lines and :class:`PlacedTree` drawings),
positioned in inches from its top-left corner; :func:`write_pdf` writes the pages with
reportlab. Text is real text in the PDF (searchable, copyable, sharp at any zoom) in DejaVu
Sans, the font of every figure; :func:`~pohon_nb.outputs.fonts.text_width` measures it with the
very metrics the PDF is drawn with, so a line wrapped to a width is printed within it.

A tree is painted from its plan (:class:`~pohon_nb.outputs.diagrams.TreePlan`): the same boxes,
lines, colours, edges, arcs, title and legend as :func:`~pohon_nb.outputs.diagrams.render_tree`
draws with matplotlib, from the same layout and the same frame, in vector instead of pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor

from ..core.atomic import atomic_path
from .diagrams import canvas as look
from .diagrams.performance_tree import LINK_BEND, tree_legend
from .fonts import POINTS, font_name, printable, text_width

ASCENT = 0.76  # a line's top to its baseline, in ems: DejaVu Sans's "l", where matplotlib puts a line's top
DASH = [4.07, 1.76]  # points: matplotlib's "--" at a 1.1 pt line, the crosscutting links


@dataclass(frozen=True)
class Text:
    """A line of text: ``x`` inches from the page's left (its right edge when ``align`` is
    "right"), its top ``y`` inches from the page's top."""

    x: float
    y: float
    text: str
    size: float = 8.5
    weight: str = "normal"
    style: str = "normal"
    align: str = "left"

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.weight, self.style)

    @property
    def left(self) -> float:
        return self.x - self.width if self.align == "right" else self.x


@dataclass(frozen=True)
class PlacedTree:
    """A planned tree painted with its top-left corner at (``x``, ``y``) inches, scaled by ``scale``."""

    pemda: object
    plan: object
    x: float
    y: float
    scale: float


@dataclass
class Page:
    """One page: its size in inches and what is placed on it."""

    size: tuple[float, float]
    texts: list[Text] = field(default_factory=list)
    trees: list[PlacedTree] = field(default_factory=list)

    def text_lines(self) -> list[str]:
        return [t.text for t in self.texts]


def write_pdf(pages: list[Page], path: str | Path, *, title: str = "", creator: str = "") -> Path:
    """Write ``pages`` as one PDF, atomically (an earlier file of the same name is replaced)."""
    from reportlab.pdfgen.canvas import Canvas

    with atomic_path(path, overwrite=True) as tmp:
        canvas = Canvas(str(tmp), pageCompression=1)
        canvas.setTitle(title)
        canvas.setCreator(creator)
        canvas.setProducer(creator)
        for page in pages:
            canvas.setPageSize((page.size[0] * POINTS, page.size[1] * POINTS))
            for text in page.texts:
                _draw_text(canvas, page, text)
            for tree in page.trees:
                paint_tree(canvas, tree, page.size[1])
            canvas.showPage()
        canvas.save()
    return Path(path)


def _draw_text(canvas, page: Page, text: Text) -> None:
    top_left = (text.left * POINTS, (page.size[1] - text.y) * POINTS)
    _glyphs(canvas, top_left, text.text, text.size, text.weight, text.style, "#000000")


def paint_tree(canvas, placed: PlacedTree, page_height: float) -> None:
    """Paint a planned tree as :func:`~pohon_nb.outputs.diagrams.render_tree` draws it: edges,
    boxes, their lines (a dot before a badge), the crosscutting arcs, the title and the legend,
    in the figure's frame (:func:`~pohon_nb.outputs.diagrams.canvas.frame`)."""
    pemda, plan = placed.pemda, placed.plan
    layout = plan.layout
    entries, rows = tree_legend(pemda, plan)
    lines, title_space, _, (fig_w, _) = look.frame(layout.width, layout.height, plan.title, rows)

    def at(x: float, y: float) -> tuple[float, float]:  # the drawing's inches, y down -> figure points
        return (x + look.MARGIN) * POINTS, -(y + look.MARGIN + title_space) * POINTS

    canvas.saveState()
    canvas.translate(placed.x * POINTS, (page_height - placed.y) * POINTS)
    canvas.scale(placed.scale, placed.scale)
    canvas.setLineJoin(0)
    canvas.setLineWidth(1.0)
    canvas.setStrokeColor(HexColor(look.EDGE_COLOR))
    for edge in layout.edges:
        path = canvas.beginPath()
        path.moveTo(*at(*edge.points[0]))
        for point in edge.points[1:]:
            path.lineTo(*at(*point))
        canvas.drawPath(path, stroke=1, fill=0)
    for node_id, box in layout.boxes.items():
        fill, border = look.LEVEL_COLORS.get(pemda.level(node_id), ("#FFFFFF", "#000000"))
        canvas.setFillColor(HexColor(fill))
        canvas.setStrokeColor(HexColor(border))
        left, bottom = at(box.x, box.bottom)
        canvas.roundRect(left, bottom, box.w * POINTS, box.h * POINTS, look.ROUNDING * POINTS, stroke=1,
                         fill=1)
        y = box.y + look.PAD
        for line in plan.content[node_id]:
            x = box.x + look.PAD
            if line.dot:
                _glyphs(canvas, at(x, y), look.DOT, line.size, line.weight, line.style, line.dot)
                x += text_width(look.DOT, line.size, line.weight, line.style)
            _glyphs(canvas, at(x, y), line.text, line.size, line.weight, line.style, line.color)
            y += look.line_size(line)[1]
    canvas.setLineWidth(1.1)
    canvas.setDash(DASH)  # strokes only: the arrowheads are filled
    for start, end, color in plan.drawn_links():
        _arc(canvas, at(*start), at(*end), color)
    canvas.setDash([])
    top = -look.MARGIN - title_space + 0.15
    for i, text in enumerate(lines):
        _glyphs(canvas, at(0, top + i * look.TITLE_LINE), text, look.TITLE_SIZE, "bold", "normal", "#000000")
    _legend(canvas, entries, fig_w, at(-look.MARGIN, layout.height + look.MARGIN)[1])
    canvas.restoreState()


def _glyphs(canvas, top_left: tuple[float, float], text: str, size: float, weight: str, style: str,
            color: str) -> None:
    """A line of text whose top is at ``top_left`` (points)."""
    canvas.setFillColor(HexColor(color))
    canvas.setFont(font_name(weight, style), size)
    canvas.drawString(top_left[0], top_left[1] - ASCENT * size, printable(text))


def _arc(canvas, start: tuple[float, float], end: tuple[float, float], color: str) -> None:
    """A dashed arc with a filled arrowhead at ``end``, bent as matplotlib's ``arc3``."""
    (x1, y1), (x2, y2) = start, end
    # matplotlib bends in display space (y up), as these points are.
    cx, cy = (x1 + x2) / 2 + LINK_BEND * (y2 - y1), (y1 + y2) / 2 - LINK_BEND * (x2 - x1)
    head = 0.4 * 9  # matplotlib's "-|>" at mutation scale 9: 3.6 pt long, 1.8 pt to either side
    dx, dy = x2 - cx, y2 - cy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x2 - ux * head, y2 - uy * head  # the arc ends at the head's base
    canvas.setStrokeColor(HexColor(color))
    canvas.setFillColor(HexColor(color))
    path = canvas.beginPath()
    path.moveTo(x1, y1)
    # The quadratic curve through the control point, as a cubic.
    path.curveTo(x1 + 2 / 3 * (cx - x1), y1 + 2 / 3 * (cy - y1),
                 bx + 2 / 3 * (cx - bx), by + 2 / 3 * (cy - by), bx, by)
    canvas.drawPath(path, stroke=1, fill=0)
    tip = canvas.beginPath()
    tip.moveTo(x2, y2)
    tip.lineTo(bx - uy * head / 2, by + ux * head / 2)
    tip.lineTo(bx + uy * head / 2, by - ux * head / 2)
    tip.close()
    canvas.drawPath(tip, stroke=0, fill=1)


def _legend(canvas, entries, fig_width: float, top: float) -> None:
    """The legend below the drawing from ``top`` (points): entries down each column, as many
    columns as :func:`~pohon_nb.outputs.diagrams.canvas.legend_columns` gives, each as wide as
    its longest label."""
    columns = look.legend_columns(len(entries), fig_width)
    rows = math.ceil(len(entries) / columns)
    size, row, handle = look.LEGEND_SIZE, look.LEGEND_ROW * POINTS, 2.0 * look.LEGEND_SIZE
    x = 0.1 * POINTS
    for start in range(0, len(entries), rows):
        column = entries[start:start + rows]
        for i, entry in enumerate(column):
            middle = top - 0.05 * POINTS - (i + 0.5) * row
            color = HexColor(entry.color)
            if entry.kind == "box":
                canvas.setFillColor(color)
                canvas.setStrokeColor(HexColor(entry.edge))
                canvas.setLineWidth(0.8)
                canvas.rect(x, middle - 0.35 * size, handle, 0.7 * size, stroke=1, fill=1)
            elif entry.kind == "dash":
                canvas.setStrokeColor(color)
                canvas.setLineWidth(1.1)
                canvas.setDash(DASH)
                canvas.line(x, middle, x + handle, middle)
                canvas.setDash([])
            elif entry.kind == "dot":
                canvas.setFillColor(color)
                canvas.circle(x + handle / 2, middle, 3.0, stroke=0, fill=1)  # matplotlib's 6 pt marker
            else:
                _glyphs(canvas, (x + handle / 2 - 0.3 * size, middle + 0.45 * size), "⚑", size, "normal",
                        "normal", entry.color)
            _glyphs(canvas, (x + handle + 0.8 * size, middle + 0.45 * size), entry.label, size, "normal",
                    "normal", "#000000")
        widest = max(text_width(e.label, size) for e in column) * POINTS
        x += handle + 0.8 * size + widest + 2.0 * size
