"""Writing the input workbook: the blank template, and any tables in the same layout.

Everything comes from :mod:`pohon_nb.reading.schema`: headers, help comments, drop-down lists
for enumerations and ya/tidak, code columns formatted as text (so "007" stays "007"),
and a ``petunjuk`` sheet documenting every column.
"""

from __future__ import annotations

from pathlib import Path

from ..core.cells import excel_column_letter, save_book, yes_no
from . import schema

DEFAULT_YEARS = range(schema.DEFAULT_PERIOD[0], schema.DEFAULT_PERIOD[1] + 1)

HEADER_FILL = "1F4E78"
REQUIRED_FILL = "C00000"
VALIDATION_ROWS = 5000


def sheet_columns(sheet: schema.Sheet, years: range | list[int] = ()) -> list[schema.Column]:
    """The columns a sheet is written with; ``indikator`` gets target/realisasi per year."""
    columns = list(sheet.columns)
    if sheet.year_columns:
        columns += [schema.year_column(f"target_{y}") for y in years]
        columns += [schema.year_column(f"realisasi_{y}") for y in years]
    return columns


def write_workbook(path: str | Path, tables: dict[str, list[dict]] | None = None, *,
                   years: range | list[int] = DEFAULT_YEARS, overwrite: bool = False,
                   guide: bool = True) -> Path:
    """Write a workbook in the input layout, atomically.

    Parameters
    ----------
    path : the ``.xlsx`` to write.
    tables : rows per sheet name (dicts keyed by column); None writes the blank template.
    years : the years that get ``target_<year>`` and ``realisasi_<year>`` columns.
    overwrite : replace an existing file (otherwise :class:`~pohon_nb.core.atomic.OutputExists`).
    guide : add the ``petunjuk`` sheet.
    """
    book = build_workbook(tables, years=years, guide=guide)
    return save_book(book, path, overwrite=overwrite)


def build_workbook(tables: dict[str, list[dict]] | None = None, *,
                   years: range | list[int] = DEFAULT_YEARS, guide: bool = True):
    """The openpyxl workbook :func:`write_workbook` saves, for callers that add sheets of their own.

    Columns a row has beyond the schema's (an import's notes, an existing workbook's own
    columns) are written after the schema's, as the contract keeps extra columns.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    tables = tables or {}
    book = Workbook()
    book.remove(book.active)
    for sheet in schema.SHEETS:
        ws = book.create_sheet(sheet.name)
        columns = sheet_columns(sheet, years)
        known = {column.name for column in columns}
        extra = [key for row in tables.get(sheet.name, []) for key in row
                 if key not in known and not key.startswith("_")]
        columns += [schema.Column(key, "text", key, "Kolom tambahan (tidak diperiksa).")
                    for key in dict.fromkeys(extra)]
        for index, column in enumerate(columns):
            letter = excel_column_letter(index)
            cell = ws.cell(row=1, column=index + 1, value=column.name)
            fill = REQUIRED_FILL if column.required else HEADER_FILL
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=fill)
            cell.alignment = Alignment(vertical="center")
            note = f"{column.label}{' (wajib)' if column.required else ''}\n{column.help}"
            if column.allowed:
                note += f"\nPilihan: {', '.join(column.allowed)}"
            cell.comment = Comment(note, "pohon-nb", width=260, height=110)
            width = 45 if column.name in ("pernyataan", "nama", "definisi", "peran") else 16
            ws.column_dimensions[letter].width = max(width, len(column.name) + 3)
            if column.kind in ("code", "codes"):
                ws.column_dimensions[letter].number_format = "@"
            choices = column.allowed or (("ya", "tidak") if column.kind == "flag" else ())
            if choices:
                validation = DataValidation(
                    type="list", formula1=f'"{",".join(choices)}"', allow_blank=True,
                    showErrorMessage=True, errorTitle="Nilai tidak dikenal",
                    error=f"Pilih salah satu: {', '.join(choices)}",
                )
                validation.add(f"{letter}2:{letter}{VALIDATION_ROWS}")
                ws.add_data_validation(validation)
        for row_index, row in enumerate(tables.get(sheet.name, []), start=2):
            for index, column in enumerate(columns):
                value = row.get(column.name)
                if value is None:
                    continue
                cell = ws.cell(row=row_index, column=index + 1, value=_cell_value(value))
                if column.kind in ("code", "codes"):
                    cell.number_format = "@"
        ws.freeze_panes = "A2"
    if guide:
        _write_guide(book.create_sheet("petunjuk"), years)
    return book


def _cell_value(value):
    if isinstance(value, (tuple, list)):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return yes_no(value)
    return value


def _write_guide(ws, years) -> None:
    from openpyxl.styles import Alignment, Font

    ws.append(["Petunjuk pengisian workbook pohon-nb"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Sheet pemda, opd, pohon dan indikator wajib ada; sheet lain boleh dihapus "
               "bila tidak dipakai. Baris 1 setiap sheet adalah judul kolom: jangan diubah. "
               "Kolom berjudul merah wajib ada. Kode dan ID ditulis sebagai teks."])
    ws.append([f"Kolom target_<tahun> dan realisasi_<tahun> boleh ditambah untuk tahun lain "
               f"(templat ini memuat {years[0]}-{years[-1]}). Target boleh berupa rentang, "
               f"mis. 10-15. Realisasi yang belum ada: kosongkan atau tulis n/a."])
    ws.append([])
    ws.append(["Sheet", "Kolom", "Label", "Wajib", "Jenis isian", "Keterangan"])
    for cell in ws[5]:
        cell.font = Font(bold=True)
    for sheet in schema.SHEETS:
        for column in sheet_columns(sheet, years[:1]):
            help_text = column.help + (f" Pilihan: {', '.join(column.allowed)}."
                                       if column.allowed else "")
            ws.append([sheet.name, column.name, column.label,
                       "ya" if column.required else "", schema.kind_label(column.kind), help_text])
    for letter, width in zip("ABCDEF", (20, 22, 26, 8, 20, 90)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=6):
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
