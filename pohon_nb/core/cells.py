"""Writing cells to Excel and CSV files: text from a workbook stays text, never a formula.

A statement pasted from elsewhere, or written with intent, may start with ``=``, ``+``,
``-`` or ``@``. openpyxl stores a string starting with ``=`` as a formula, and a spreadsheet
program opening a CSV evaluates such a cell. Every file pohon-nb writes goes through here.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_path

FORMULA_PREFIXES = ("=", "+", "-", "@")


def excel_column_letter(index: int) -> str:
    """Excel's letter for a zero-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def as_text(cell):
    """Store a string cell as text even when it starts like a formula; returns the cell.

    The cell gets Excel's quote prefix too, so editing it in Excel keeps it text.
    """
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def text_only(book) -> None:
    """Make every string cell of a workbook pohon-nb built text (no formula at all)."""
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    as_text(cell)


def save_book(book, path: str | Path, *, overwrite: bool = False) -> Path:
    """Save a workbook pohon-nb built, atomically, with every string cell stored as text."""
    text_only(book)
    with atomic_path(path, overwrite=overwrite) as tmp:
        book.save(tmp)
    return Path(path)


def yes_no(value: bool) -> str:
    """A flag as the workbook writes it: "ya" or "tidak"."""
    return "ya" if value else "tidak"


def csv_text(value: str) -> str:
    """A value for a CSV file that a spreadsheet program will not evaluate (leading ``'``)."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value
