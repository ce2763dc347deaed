"""Saving what an analyst sees: the tables of every section in one Excel workbook, each figure
as a PNG, beside the OPD's other outputs.

The sections are saved as they are shown for the current choices (OPD, condition, year,
scale): tables with the headers the reader saw and numbers as numbers, the sections' sentences
and the choices in the workbook's ``info`` sheet. Branches a section keeps folded until opened
are drawn for the file. Nothing is overwritten: a second save in the same minute gets its own
name.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.formats import kind
from ..core.lock import folder_lock
from ..method.achievement import get_scale
from ..outputs.exports import STORED, Col, export_tables
from .display import Deferred, Table, plain
from .views import Context, opd_folder

SHEET_TITLE = 31  # Excel's limit on a sheet name
_NOT_IN_NAMES = re.compile(r"[^0-9A-Za-z._-]+")
_NOT_IN_SHEETS = re.compile(r"[\[\]:*?/\\]")



def save_view(ctx: Context, sections: list[tuple[str, list]], when: dt.datetime | None = None, *,
              pemda_wide: bool = False) -> list[Path]:
    """Write ``sections`` ((title, items as a view returned them)) for ``ctx``; return the files
    written: the workbook first (when there is a table), then the PNG figures. ``pemda_wide``
    (the Pemda overview, of no OPD) writes beside the OPD folders and names no OPD. The Pemda's
    output folder is locked meanwhile, as a batch locks it
    (:class:`~pohon_nb.core.lock.FolderBusy` when a batch is writing there)."""
    with folder_lock(opd_folder(ctx).parent, what="simpan tampilan"):
        return _save_view(ctx, sections, when, pemda_wide)


def _save_view(ctx: Context, sections: list[tuple[str, list]], when: dt.datetime | None,
               pemda_wide: bool) -> list[Path]:
    from matplotlib.figure import Figure

    from ..outputs.diagrams import Drawing

    when = when or dt.datetime.now()
    folder = (opd_folder(ctx).parent if pemda_wide else opd_folder(ctx)) / "tampilan"
    subject = f"_{ctx.node}" if ctx.node else ""
    stem = _free_stem(folder, f"tampilan_{when:%Y-%m-%d_%H%M}{_NOT_IN_NAMES.sub('-', subject)}_{ctx.tahun}")
    tables, notes, written = [], [], []
    sheets: set[str] = set()
    figures = 0
    for number, (title, items) in enumerate(sections, start=1):
        parts = 0
        for item in items:
            item = item.resolve() if isinstance(item, Deferred) else item
            if isinstance(item, str):
                notes.append((f"{number}. {title}", plain(item)))
            elif isinstance(item, Table):
                parts += 1
                sheet = _sheet_name(f"{number}{_letter(parts)} {title}", sheets)
                tables.append((sheet, item.data, _columns(item)))
            elif isinstance(item, (Drawing, Figure)):
                figures += 1
                figure = item.figure if isinstance(item, Drawing) else item
                name = _NOT_IN_NAMES.sub("-", title.lower()).strip("-")[:50]
                path = folder / f"{stem}_{figures:02d}_{name}.png"
                with atomic_path(path) as tmp:
                    figure.savefig(tmp, format="png", dpi=150)
                written.append(path)
    if tables:
        choices = [("Pilihan", "; ".join(_choices(ctx, pemda_wide)))]
        path = export_tables(ctx.pemda, folder / f"{stem}.xlsx", tables, choices + notes,
                             what="tampilan notebook", kode_opd=ctx.kode_opd)
        written.insert(0, path)
    return written


def _choices(ctx: Context, pemda_wide: bool) -> list[str]:
    """The choices the saved sections were shown for, as the panel named them."""
    from .views import compared_year

    chosen = [] if pemda_wide else [f"OPD {ctx.opd_name} ({ctx.kode_opd})"]
    chosen += [f"tahun {ctx.tahun}", f"skala {get_scale(ctx.skala).title}"]
    if ctx.node:
        chosen.append(f"kondisi {ctx.node}")
        other = compared_year(ctx)
        chosen.append(f"banding {other}" if other else "banding: tidak ada tahun berdata")
    return chosen


def _sheet_name(title: str, taken: set[str]) -> str:
    """``title`` as a sheet name Excel accepts (31 characters, none of []:*?/\\), different from
    every name in ``taken`` (a title cut to the same 31 characters gets a number)."""
    name = _NOT_IN_SHEETS.sub(",", title)[:SHEET_TITLE].rstrip()
    candidate, number = name, 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = name[:SHEET_TITLE - len(suffix)].rstrip() + suffix
    taken.add(candidate.lower())
    return candidate


def _letter(part: int) -> str:
    """"" for a section's first table, then "b", "c", ..."""
    return "" if part == 1 else chr(ord("a") + part - 1)


def _columns(shown: Table) -> list[Col]:
    """How each column of a shown table is written: numbers by kind, text wrapped when long."""
    import pandas as pd

    columns = []
    for header in shown.data.columns:
        values = shown.data[header]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        # A numeric column is stored by its kind (a number in a "value" column as a number).
        column_kind = kind(shown.names.get(header, header))
        stored = ("number" if column_kind == "value" else STORED[column_kind]) if numeric else "text"
        longest = max([len(str(header)), *(len(str(v)) for v in values.dropna().head(200))])
        columns.append(Col(header, header, stored, width=float(min(60, max(10, longest + 2)))))
    return columns


def _free_stem(folder: Path, stem: str) -> str:
    """``stem``, or ``stem_2``, ``stem_3``, ... when a save of that name is already there."""
    def taken(candidate: str) -> bool:
        return ((folder / f"{candidate}.xlsx").exists()
                or any(folder.glob(f"{candidate}_[0-9][0-9]_*.png")))

    candidate, number = stem, 1
    while taken(candidate):
        number += 1
        candidate = f"{stem}_{number}"
    return candidate
