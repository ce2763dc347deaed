"""Reading what a learner typed into an answer cell or a form, whatever its shape.

A learner types ``"immediate, intermediate"`` where a tuple was meant, ``("immediate")`` (a
string: the comma is missing), ``"75,0"`` with a decimal comma, ``"133,33%"``, a list with an
id twice, or nothing. Each reader here turns the value into what a check needs, or says in
Bahasa Indonesia what it could not read: no reader raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_QUOTES = "\"'`“”‘’"
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;\n>]|->|→|\bdi bawah\b|\blalu\b)\s*")


@dataclass(frozen=True)
class Unread:
    """An answer that could not be read as the exercise needs: what to tell the learner."""

    message: str


def is_blank(value) -> bool:
    """Nothing typed: None, an empty or blank string, an empty list, tuple or dict, or a
    container of blanks only."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip().strip(_QUOTES + "[]()").strip()
    if isinstance(value, (list, tuple, set, dict)):
        return all(is_blank(v) for v in value)
    return False


def text(value) -> str | Unread:
    """One piece of text: a string as typed (trimmed, outer quotes removed); a one-item list or
    tuple of text; a number as it reads."""
    if isinstance(value, (list, tuple)):
        filled = [v for v in value if not is_blank(v)]
        if len(filled) == 1:
            return text(filled[0])
        return Unread("Jawaban ini cukup satu teks, bukan daftar: tulis di antara tanda kutip, "
                      "mis. \"Meningkatnya ...\".")
    if isinstance(value, bool):
        return Unread("Jawaban ini berupa teks: tulis di antara tanda kutip.")
    if isinstance(value, (int, float)):
        return _number_text(float(value))
    return " ".join(str(value).strip().strip(_QUOTES).split())


def items(value) -> list[str] | Unread:
    """A list of short texts (ids, levels, names): a list or tuple as typed, or one string
    separated by commas, semicolons, new lines or arrows (``"M2, M1"``, ``"M2 > M1"``)."""
    if isinstance(value, dict):
        return Unread("Tulis daftar ID berurutan, mis. [\"M.1\", \"M.2\"], bukan pasangan kunci: nilai.")
    if isinstance(value, (list, tuple, set)):
        pieces: list[str] = []
        for v in value:
            read = items(v)
            if isinstance(read, Unread):
                return read
            pieces += read
        return pieces
    raw = str(value).strip().strip("[]()")
    return [p.strip().strip(_QUOTES).strip() for p in _LIST_SEPARATORS.split(raw)
            if p.strip().strip(_QUOTES).strip()]


def pair(value) -> tuple[str, str] | tuple[str] | Unread:
    """Two texts (child, parent) or one: a tuple or list, or one string such as
    ``"immediate, intermediate"`` or ``"immediate di bawah intermediate"``."""
    read = items(value)
    if isinstance(read, Unread):
        return read
    if len(read) in (1, 2):
        return tuple(read)
    return Unread(f"Tertulis {len(read)} bagian; jawaban ini satu atau dua level, mis. "
                  f"(\"immediate\", \"intermediate\"): level anak, lalu level induknya.")


_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:[.,]\d+)?$")


def number(value) -> float | Unread:
    """A number: as typed in Python (``87.5``), or as Indonesians write it (``"87,5"``,
    ``"1.234,5"``, ``"87,5%"``, ``"87,5 %"``)."""
    if isinstance(value, bool):
        return Unread("Tulis angkanya saja, mis. 87,5.")
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            return Unread("Tulis angkanya saja, mis. 87,5.")
        return float(value)
    if isinstance(value, (list, tuple)):
        filled = [v for v in value if not is_blank(v)]
        if len(filled) == 1:
            return number(filled[0])
        return Unread("Cukup satu angka, bukan daftar.")
    raw = str(value).strip().strip(_QUOTES).replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not raw or not _NUMBER.match(raw) or not any(c.isdigit() for c in raw):
        return Unread(f"'{str(value).strip()}' belum terbaca sebagai angka. Tulis angkanya saja, "
                      f"mis. 87,5 atau 87.5 (tanpa rumus dan satuan).")
    if "," in raw:  # the decimal comma; dots before it group thousands ("1.234,5")
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") > 1:  # "1.234.567": dots group thousands
        raw = raw.replace(".", "")
    return float(raw)


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)
