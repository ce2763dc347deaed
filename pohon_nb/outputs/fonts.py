"""The font every drawing and printed page is set in, DejaVu Sans (matplotlib ships it), as the
vector PDF prints it: its registration with reportlab, text widths from its own metrics, and text
made printable (a control character from a workbook cell is a space)."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

FONT_FILES = {  # (weight, style): the DejaVu Sans file matplotlib ships
    ("normal", "normal"): "DejaVuSans.ttf",
    ("bold", "normal"): "DejaVuSans-Bold.ttf",
    ("normal", "italic"): "DejaVuSans-Oblique.ttf",
    ("bold", "italic"): "DejaVuSans-BoldOblique.ttf",
}
POINTS = 72.0  # points per inch


@cache
def font_name(weight: str = "normal", style: str = "normal") -> str:
    """The registered name of DejaVu Sans in this weight and style (registered on first use)."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    key = ("bold" if weight == "bold" else "normal", "italic" if style in ("italic", "oblique") else "normal")
    name = "PohonSans-" + "-".join(key)
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT_FILES[key]
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def printable(text: str) -> str:
    """``text`` as it is printed: control characters (a tab, a bell, a NUL from a workbook cell)
    become spaces; everything else is literal."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, weight: str = "normal", style: str = "normal") -> float:
    """Width in inches of ``text`` printed at ``size`` points."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(printable(text), font_name(weight, style), size) / POINTS
