"""How numbers and a user's text read: Indonesian number notation, quoted values, and one
function per kind of column (the kinds are declared with the columns, :mod:`.columns`).

* years are written as years ("2024", never "2.024");
* shares kept as fractions (``cakupan``, ``bobot``) are shown as percentages ("80%");
* achievement and other percentages keep one decimal ("101,7");
* measured values (targets, realisations, baselines, budgets) keep up to two decimals, as
  typed ("93,65", "1.500.000");
* counts are whole numbers with a thousands point ("1.234").

Numbers use the Indonesian decimal comma (:func:`number_text`).
"""

from __future__ import annotations

import re

from .columns import kind  # noqa: F401 - the kind of a column is read as formats.kind too

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (terminal escapes among them): never passed on from a workbook."""


def number_text(value: float) -> str:
    """A number as Indonesians write it: decimal comma, no trailing zeros (93,65; 115)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.4f}".rstrip("0").replace(",", "_").replace(".", ",").replace("_", ".")


def quote(value: object, limit: int = 60) -> str:
    """A user's value as it may be shown in a message: quoted, cut, no control characters."""
    text = CONTROL_CHARACTERS.sub("?", str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def percent(value) -> str:
    """A percentage as a reader sees it ("101,7%"); "n/a" when there is no value."""
    return "n/a" if value is None or value != value else f"{number_text(round(float(value), 1))}%"


def number(column: str, value) -> str:
    """A number of ``column`` as a reader sees it; "" for a missing value."""
    if value is None or value != value:  # None or NaN
        return ""
    value = float(value)
    shape = kind(column)
    if shape == "year":
        return str(int(value)) if value.is_integer() else str(value)
    if shape == "fraction":
        return f"{number_text(round(value * 100, 1))}%"
    if shape == "percent":
        return number_text(round(value, 1))
    if shape == "count":
        return number_text(round(value))
    return number_text(round(value, 2))  # a measured value, or a number in a "value" column
