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


def one_decimal(value: float) -> str:
    """A percentage's number, always one decimal, as Indonesians write it ("98,0", "1.234,5"), so a
    column of them reads alike ("98,0" beside "103,1", never "98")."""
    return f"{float(value):,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def percent(value) -> str:
    """A percentage as a reader sees it ("101,7%", "98,0%"); "n/a" when there is no value."""
    return "n/a" if value is None or value != value else f"{one_decimal(value)}%"


def number(column: str, value) -> str:
    """A number of ``column`` as a reader sees it; "" for a missing value."""
    if value is None or value != value:  # None or NaN
        return ""
    value = float(value)
    shape = kind(column)
    if shape == "year":
        return str(int(value)) if value.is_integer() else str(value)
    if shape == "fraction":
        return f"{one_decimal(value * 100)}%"
    if shape == "percent":
        return one_decimal(value)
    if shape == "count":
        return number_text(round(value))
    return number_text(round(value, 2))  # a measured value, or a number in a "value" column
