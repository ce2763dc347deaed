"""Reading the grid of a Renstra table: its header, its columns, and each row's own cells.

The table "Rencana Program, Kegiatan dan Pendanaan" (Permendagri 86/2017) is laid out by
hand in every OPD, and often passed through HTML on its way to Excel. This module finds
the header (two or three rows, merged cells, Indonesian variants of each column name, the
year columns as "2021", "Tahun 2019" or "Tahun-3"), skips the row of column numbers, and
reads every data row as the list of the cells that row owns, each placed under the column
it belongs to.

A row does not always sit under its header. An HTML table's cells that span rows
(``rowspan``) push the cells of the rows below them to the right; exported back to Excel,
a row can start three columns late, or run past the last column. Each row is therefore
read the way its cells fit best: as they stand, or laid from the first free column on
(as the HTML table was written). A row read the second way says so (:attr:`Row.shifted`),
so the import reports it with the cells' addresses.

Nothing here interprets a value; :mod:`pohon_nb.impor.renstra` does.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.cells import excel_column_letter
from ..reading.schema import MISSING_TOKENS

ROLE_LABELS = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "indikator_sasaran": "Indikator sasaran",
    "kode": "Kode",
    "nama": "Program/kegiatan/sub kegiatan",
    "indikator": "Indikator program/kegiatan",
    "baseline": "Capaian awal",
    "target": "Target",
    "rp": "Rp",
    "akhir_target": "Target akhir periode",
    "akhir_rp": "Rp akhir periode",
    "unit": "Unit kerja penanggung jawab",
    "lokasi": "Lokasi",
    "lain": "Kolom lain",
}
TEXT_ROLES = ("tujuan", "sasaran", "indikator_sasaran", "nama", "indikator", "unit", "lokasi")
VALUE_ROLES = ("baseline", "target", "akhir_target")
MONEY_ROLES = ("rp", "akhir_rp")
HEADER_SEARCH_ROWS = 30

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_RELATIVE_YEAR = re.compile(r"^tahun\s*(?:ke)?\s*[-–]?\s*(\d{1,2})$")
_CODE_PIECE = re.compile(r"^\d{1,4}(?:[.,]\d{1,4})*$")
_MONEY = re.compile(r"^(?:rp\.?\s*)?(?:\d{1,3}(?:[.,]\d{3})+|\d{4,})(?:[.,]\d{1,2})?$")
_MISSING = MISSING_TOKENS
_MONEY_HEADER = re.compile(r"^(?:rp\b|rp\.|pagu|anggaran|dana\b|pendanaan|rupiah)")
_UNIT_TOKENS = {"target", "rp", "rp.", "k", "pagu", "anggaran", "dana", "kinerja", "target kinerja",
                "pagu indikatif", "realisasi", "capaian", "satuan"}


def text_of(value: object) -> str:
    """A cell as one line of trimmed text ('' when empty); numbers as written."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def address(row: int, column: int) -> str:
    """Excel's address of a cell from 1-based row and column (``(14, 3)`` -> ``C14``)."""
    return f"{excel_column_letter(column - 1)}{row}"


@dataclass(frozen=True)
class Column:
    """One column of the table as its header names it."""

    index: int  # 1-based position under the header
    role: str
    label: str  # the header's words, top to bottom
    year: int | None = None
    relative_year: int | None = None  # "Tahun-3": the third year of the period

    @property
    def title(self) -> str:
        base = ROLE_LABELS[self.role]
        if self.role in ("target", "rp") and self.year:
            return f"{base} {self.year}"
        return base


@dataclass(frozen=True)
class Cell:
    """A cell a row owns, with where it was in the sheet and the column it was read under."""

    address: str
    row: int
    column: Column
    value: object

    @property
    def text(self) -> str:
        return text_of(self.value)

    @property
    def raw_text(self) -> str:
        """The cell's text with its line breaks (for cells that stack several items)."""
        return "" if self.value is None else str(self.value).strip()


@dataclass
class Row:
    """One data row: the non-empty cells it owns, by column, in order."""

    number: int
    cells: list[Cell]
    shifted: bool = False

    def of(self, role: str) -> list[Cell]:
        return [cell for cell in self.cells if cell.column.role == role]


@dataclass
class Grid:
    """A Renstra sheet read: its columns, header cells, data rows, and what could not be read."""

    file: str
    sheet: str
    columns: list[Column] = field(default_factory=list)
    header_cells: list[str] = field(default_factory=list)  # addresses of the header's words
    number_row: int | None = None
    rows: list[Row] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (address or '', message)
    period_needed: list[str] = field(default_factory=list)  # "Tahun-3" headers without a period

    def years(self) -> list[int]:
        return sorted({c.year for c in self.columns if c.year and c.role in ("target", "rp")})


# --------------------------------------------------------------------------- the sheet


@dataclass
class _Sheet:
    """Values and merged ranges of a worksheet, 1-based."""

    values: dict[tuple[int, int], object]
    merges: list[tuple[int, int, int, int]]  # (row0, col0, row1, col1)
    max_row: int
    max_col: int

    def __post_init__(self) -> None:
        self.covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self.starts: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for merge in self.merges:
            r0, c0, r1, c1 = merge
            self.starts[(r0, c0)] = merge
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.covered[(r, c)] = merge

    def label(self, row: int, column: int) -> str:
        """The text shown at a cell: its own, or its merged range's."""
        merge = self.covered.get((row, column))
        if merge:
            return text_of(self.values.get((merge[0], merge[1])))
        return text_of(self.values.get((row, column)))


def _load_sheet(path: Path, sheet_name: str | None):
    import openpyxl  # heavy: imported only when a table is read

    book = openpyxl.load_workbook(path, data_only=True)
    ws = book[sheet_name] if sheet_name else book.worksheets[0]
    values = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    # A formula never computed (a file written by a program, not saved in Excel) has no value:
    # it is not blank, and is reported rather than skipped.
    formulas = openpyxl.load_workbook(path)[ws.title]
    uncomputed = [c.coordinate for row in formulas.iter_rows() for c in row
                  if c.data_type == "f" and (c.row, c.column) not in values]
    return ws.title, _Sheet(values, merges, ws.max_row, ws.max_column), uncomputed


# --------------------------------------------------------------------------- the header


def _top_role(label: str) -> str | None:
    """The role a header's top words give a column, or None when they name no known column."""
    text = label.lower()
    if not text:
        return None
    if "indikator" in text and ("sasaran" in text or "tujuan" in text) and not (
            "program" in text or "kegiatan" in text):
        return "indikator_sasaran"  # one indicator column for every level is "indikator" below
    if "indikator" in text:
        return "indikator"
    if text.startswith("tujuan"):
        return "tujuan"
    if text.startswith("sasaran"):
        return "sasaran"
    if text.startswith("kode"):
        return "kode"
    if "awal" in text or "baseline" in text:
        return "baseline"
    if "akhir" in text:
        return "akhir"
    if "target" in text or "pendanaan" in text or "capaian kinerja" in text or "pagu" in text:
        return "tahun"
    if ("program" in text or "kegiatan" in text or text.startswith("uraian")) and "indikator" not in text:
        return "nama"
    if "unit" in text or "penanggung" in text:
        return "unit"
    if "lokasi" in text:
        return "lokasi"
    return None


def _year_label(text: str) -> tuple[int | None, int | None]:
    """(year, relative year) named by a header: "2021", "Tahun 2019", "Tahun-3", "Tahun ke-3"."""
    lowered = text.lower().strip()
    match = _YEAR.search(lowered)
    if match and len(lowered) <= 24:
        return int(match.group(0)), None
    match = _RELATIVE_YEAR.match(lowered)
    if match:
        return None, int(match.group(1))
    return None, None


def _is_money_word(text: str) -> bool:
    """Whether a header names rupiah: "Rp", "Pagu", "Pagu Indikatif 2019", "Anggaran (Rp)"."""
    lowered = text.lower().strip(" .:")
    return bool(_MONEY_HEADER.match(lowered)) or "(rp" in lowered


def _is_header_word(text: str) -> bool:
    lowered = text.lower().strip(" .:")
    if not lowered:
        return True
    year, relative = _year_label(lowered)
    return (lowered in _UNIT_TOKENS or year is not None or relative is not None
            or _top_role(lowered) is not None or lowered.isdigit() and len(lowered) <= 2)


def _find_header(sheet: _Sheet) -> tuple[int, int] | None:
    """The first and last row of the header, or None when no row names the table's columns."""
    for top in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        roles = {_top_role(sheet.label(top, c)) for c in range(1, sheet.max_col + 1)}
        roles.discard(None)
        if len(roles & {"tujuan", "sasaran", "indikator_sasaran", "kode", "nama", "indikator"}) >= 3 \
                and "nama" in roles:
            last = top
            for below in range(top + 1, min(top + 5, sheet.max_row) + 1):
                own = [text_of(sheet.values.get((below, c))) for c in range(1, sheet.max_col + 1)
                       if (below, c) not in sheet.covered]
                own = [t for t in own if t]
                if own and all(_is_header_word(t) for t in own) and not _is_number_row(own):
                    last = below
                elif own:
                    break
            return top, last
    return None


def _is_number_row(texts: list[str]) -> bool:
    """Whether a row's cells are the column numbers 1, 2, 3 ... printed under a header."""
    if len(texts) < 4 or not all(t.isdigit() for t in texts):
        return False
    numbers = [int(t) for t in texts]
    return numbers[0] <= 2 and all(b > a for a, b in zip(numbers, numbers[1:]))


def _columns(sheet: _Sheet, top: int, last: int) -> list[Column]:
    width = max([c for (r, c) in sheet.values if top <= r <= last]
                + [m[3] for m in sheet.merges if top <= m[0] <= last] + [1])
    columns = []
    for index in range(1, width + 1):
        words = []
        for row in range(top, last + 1):
            text = sheet.label(row, index)
            if text and (not words or words[-1] != text):
                words.append(text)
        label = " / ".join(words)
        role = _top_role(words[0]) if words else None
        if role == "tahun" and any("akhir" in w.lower() for w in words[1:]):
            role = "akhir"  # "Kondisi kinerja pada akhir periode" under the targets' group
        year = relative = None
        if role in ("tahun", "akhir", "baseline"):
            for word in words[1:] + words[:1]:
                found, rel = _year_label(word)
                year, relative = year or found, relative or rel
            money = any(_is_money_word(w) for w in words[1:]) or (
                len(words) == 1 and _is_money_word(words[0]))
            if role == "tahun":
                role = "rp" if money else "target"
            elif role == "akhir":
                role = "akhir_rp" if money else "akhir_target"
            else:
                year = relative = None  # the baseline's year is the planning's first, not a column
        columns.append(Column(index, role or "lain", label, year, relative))
    return columns


def resolve_years(columns: list[Column], period_start: int | None) -> tuple[list[Column], list[str]]:
    """Columns with "Tahun-3" read as a year of the period; the headers that need the period."""
    resolved, needed = [], []
    for column in columns:
        if column.relative_year and column.year is None:
            if period_start is None:
                needed.append(column.label)
            else:
                column = Column(column.index, column.role, column.label,
                                period_start + column.relative_year - 1, column.relative_year)
        resolved.append(column)
    return resolved, sorted(set(needed))


# --------------------------------------------------------------------------- the rows


def _fit(role: str, text: str) -> int:
    """How well a cell's text fits a column: +1 it fits, -1 it does not, 0 cannot tell."""
    lowered = text.lower()
    if lowered in _MISSING:
        return 0
    has_letters = sum(ch.isalpha() for ch in text) >= 3
    numeric = bool(re.fullmatch(r"[\d.,%\s]+", text))
    if role == "kode":
        return 1 if _CODE_PIECE.match(text) else -1
    if role in TEXT_ROLES:
        return 1 if has_letters and not numeric else -1
    if role in MONEY_ROLES:
        return 1 if _MONEY.match(lowered) or text == "0" else -1
    if role in VALUE_ROLES:
        if _MONEY.match(lowered) and len(text) > 9:
            return 0
        return 1 if len(text) <= 40 and len(text.split()) <= 5 else -1
    return 0


@dataclass(frozen=True)
class _Slot:
    column: int  # physical column where the cell starts
    width: int
    rows: int  # rows it spans
    value: object


def _slots(sheet: _Sheet, row: int) -> list[_Slot]:
    """The cells a row owns, left to right: every position not covered by a range from above."""
    slots, column = [], 1
    last = max([c for (r, c) in sheet.values if r == row] + [0])
    while column <= max(last, 1):
        merge = sheet.covered.get((row, column))
        if merge and merge[0] < row:
            column += 1
            continue
        start = sheet.starts.get((row, column))
        width = start[3] - start[1] + 1 if start else 1
        height = start[2] - start[0] + 1 if start else 1
        slots.append(_Slot(column, width, height, sheet.values.get((row, column))))
        column += width
    while slots and not text_of(slots[-1].value):
        slots.pop()
    return slots


def _place(slots: list[_Slot], free: list[int], width: int) -> list[int | None]:
    """Lay slots onto the logical columns in ``free`` in order; None past the table."""
    placed, position = [], 0
    for slot in slots:
        if position < len(free):
            placed.append(free[position])
            start = free[position]
            position += 1
            while position < len(free) and free[position] < start + slot.width:
                position += 1
        else:
            placed.append(None)
    return placed


def read_grid(path: str | Path, sheet_name: str | None = None, *,
              period_start: int | None = None) -> Grid:
    """Read a Renstra sheet's header and rows; problems are kept in :attr:`Grid.problems`."""
    from ..reading.workbook import inflation_problem

    path = Path(path)
    inflated = inflation_problem(path) if path.is_file() else None
    if inflated:
        grid = Grid(str(path), sheet_name or "")
        grid.problems.append((inflated[0], inflated[1]))
        return grid
    try:
        title, sheet, uncomputed = _load_sheet(path, sheet_name)
    except KeyError:
        grid = Grid(str(path), sheet_name or "")
        grid.problems.append(("", f"sheet {sheet_name!r} tidak ada di berkas ini"))
        return grid
    except (OSError, ValueError, zipfile.BadZipFile) as exc:  # openpyxl's InvalidFileException is an OSError
        grid = Grid(str(path), sheet_name or "")
        grid.problems.append(("", f"berkas tidak dapat dibaca sebagai workbook .xlsx ({type(exc).__name__})"))
        return grid
    grid = Grid(str(path), title)
    grid.problems += [(where, "berisi rumus tanpa nilai tersimpan; buka berkas di Excel lalu simpan, agar "
                              "nilainya ikut tersimpan") for where in uncomputed]
    header = _find_header(sheet)
    if header is None:
        grid.problems.append(("", "tidak ditemukan baris judul tabel Renstra (kolom Tujuan, Sasaran, "
                                  "Kode, Program/Kegiatan, Indikator) di 30 baris pertama"))
        return grid
    top, last = header
    columns, grid.period_needed = resolve_years(_columns(sheet, top, last), period_start)
    grid.columns = columns
    width = len(columns)
    grid.header_cells = [address(r, c) for (r, c) in sheet.values if top <= r <= last]
    logical_merges: list[tuple[int, int, int, int]] = [
        m for m in sheet.merges if m[0] <= last]  # header ranges, as they stand
    for number in range(last + 1, sheet.max_row + 1):
        slots = _slots(sheet, number)
        if not slots:
            continue
        texts = [text_of(s.value) for s in slots if text_of(s.value)]
        if grid.number_row is None and not grid.rows and _is_number_row(texts):
            grid.number_row = number
            grid.header_cells += [address(number, s.column) for s in slots if text_of(s.value)]
            continue
        placed, shifted = _best_placement(slots, logical_merges, number, width, columns)
        cells = []
        for slot, logical in zip(slots, placed):
            if logical is not None:
                logical_merges.append((number, logical, number + slot.rows - 1, logical + slot.width - 1))
            if not text_of(slot.value):
                continue
            where = address(number, slot.column)
            if logical is None:
                grid.problems.append((where, f"berada di luar kolom tabel ({text_of(slot.value)!r})"))
                continue
            cells.append(Cell(where, number, columns[logical - 1], slot.value))
        if cells:
            grid.rows.append(Row(number, cells, shifted))
    return grid


def _best_placement(slots: list[_Slot], merges: list[tuple[int, int, int, int]], row: int,
                    width: int, columns: list[Column]) -> tuple[list[int | None], bool]:
    """The placement of a row's cells that fits its columns best, and whether it moved them."""
    as_is = [s.column if s.column <= width else None for s in slots]
    covering = [m for m in merges if m[0] < row <= m[2]]
    starts = sorted({m[0] for m in covering})
    candidates = [as_is]
    for start in [*starts, None]:
        skip = {c for m in covering if start is not None and m[0] >= start for c in range(m[1], m[3] + 1)}
        free = [c for c in range(1, width + 1) if c not in skip]
        candidates.append(_place(slots, free, width))

    def score(placement: list[int | None]) -> int:
        total = 0
        for slot, logical in zip(slots, placement):
            text = text_of(slot.value)
            if not text:
                continue
            total += -2 if logical is None else _fit(columns[logical - 1].role, text)
        return total

    best = max(candidates, key=score)  # max keeps the first of equals: the row as it stands
    if score(best) <= score(as_is):
        best = as_is
    return best, best != as_is
