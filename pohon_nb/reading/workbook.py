"""Reading the input workbook (``.xlsx`` or a folder of ``.csv``) into checked tables.

Reading goes in two steps. :func:`read_raw` turns a file or folder into
:class:`RawSheet` objects (cells as typed, Excel row numbers kept) and reports a file it
cannot read. :func:`parse` then reads every cell by the kind its column has in
:mod:`pohon_nb.reading.schema`, normalising what can be normalised (spaces, ``2025.0``,
``Maks``, decimal commas) and reporting the rest as findings with a location. Nothing
here raises for anything a user's file can contain.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.cells import excel_column_letter, yes_no
from ..core.errors import PohonError
from ..core.findings import Finding
from ..core.formats import number_text, quote
from . import schema


@dataclass
class RawSheet:
    """One sheet as read: header cells and data rows with their Excel row numbers."""

    name: str
    file: str
    headers: list
    rows: list[tuple[int, list]]


@dataclass(frozen=True)
class UncomputedFormula:
    """A formula cell with no saved value (the file was written by a program, never opened
    and saved in Excel): its value is unknown, which is not the same as blank."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class Range:
    """A target given as a range, e.g. "10-15"."""

    low: float
    high: float

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def __str__(self) -> str:
        return f"{_fmt(self.low)}–{_fmt(self.high)}"


def _fmt(number: float) -> str:
    return number_text(number)


@dataclass
class Table:
    """A parsed sheet: row dicts (with ``_baris``, the Excel row), its file and columns.

    ``columns`` maps each header present to its Excel letter; ``extra`` lists headers
    the schema does not know (kept, not checked); ``present`` says whether the sheet
    was in the workbook at all.
    """

    name: str
    file: str
    rows: list[dict] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    present: bool = False

    def letter(self, column: str) -> str:
        return self.columns.get(column, "")


# --------------------------------------------------------------------------- reading


_RAW_CACHE: dict[tuple, tuple[dict[str, RawSheet], list[Finding]]] = {}


MAX_MEMBER_BYTES = 256 * 2**20
"""Most bytes one member of an .xlsx (a sheet's XML) may declare once inflated, and most bytes
of one CSV file. The 30,000-condition bench workbook's largest sheet is 24 MB (bench/validate.py)."""
MAX_TOTAL_BYTES = 512 * 2**20
"""Most bytes all members of an .xlsx may declare once inflated."""
MAX_RATIO = 100.0
"""Most inflation (declared size / compressed size) of a member over 1 MiB. Real sheets inflate
8-16 times (sample, bench workbooks, the real Renstra tables); a zip bomb 1,000 times or more."""
RATIO_FLOOR_BYTES = 2**20


def inflation_problem(path: Path) -> tuple[str, str] | None:
    """(member, what is wrong and what to do) when a file would inflate past the limits above,
    judged from the sizes it declares, before anything is inflated; None when it is within them.
    ``zipfile`` never inflates a member past its declared size, so the check holds."""
    mib = 2**20
    if path.suffix.lower() == ".csv" or path.is_dir():
        size = path.stat().st_size
        if size > MAX_MEMBER_BYTES:
            return "", (f"berkas CSV {size / mib:,.0f} MB, melebihi batas {MAX_MEMBER_BYTES // mib} MB "
                        f"per berkas. Periksa apakah ini ekspor yang rusak; pecah atau ringkas datanya.")
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile):
        return None  # not an archive: the reader says so
    total = sum(m.file_size for m in members)
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > MAX_MEMBER_BYTES or (m.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            return m.filename, (
                f"bagian {m.filename} tertulis {m.compress_size / mib:,.1f} MB dan mengembang menjadi "
                f"{m.file_size / mib:,.0f} MB ({ratio:,.0f} kali); batasnya {MAX_MEMBER_BYTES // mib} MB dan "
                f"{MAX_RATIO:.0f} kali. Berkas ini tidak dibuka agar memori laptop tidak habis: kemungkinan "
                f"ekspor yang rusak atau bom zip. Buka di Excel, salin isinya ke workbook baru "
                f"(pohon-nb template), lalu simpan ulang.")
    if total > MAX_TOTAL_BYTES:
        return "", (f"seluruh isinya mengembang menjadi {total / mib:,.0f} MB; batasnya "
                    f"{MAX_TOTAL_BYTES // mib} MB. Berkas ini tidak dibuka; simpan ulang tanpa sheet yang "
                    f"tidak dipakai.")
    return None


def read_raw(path: str | Path) -> tuple[dict[str, RawSheet], list[Finding]]:
    """Read a workbook file or a folder of CSV files into raw sheets.

    Sheet names are normalised like headers (``Pohon`` -> ``pohon``). A path that is
    missing or is not a workbook gives an ``S01`` finding and no sheets.

    An ``.xlsx`` read is remembered for as long as the file keeps its size and modification
    time (a batch worker reads the same workbook for notebook after notebook); the cells
    are only ever read, never changed, by what is built from them.
    """
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        if key not in _RAW_CACHE:
            _RAW_CACHE.clear()
            _RAW_CACHE[key] = _read_uncached(path)
        sheets, findings = _RAW_CACHE[key]
        return sheets, list(findings)  # a caller may add to its list, never to the remembered one
    return _read_uncached(path)


def _read_uncached(path: Path) -> tuple[dict[str, RawSheet], list[Finding]]:
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.exists():
        return {}, [Finding("S01", "Berkas atau folder tidak ditemukan.", file=str(path))]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheets: dict[str, RawSheet] = {}
        findings: list[Finding] = []
        _read_csv_file(path, sheets, findings)
        return sheets, findings
    return _read_xlsx(path)


def _read_xlsx(path: Path) -> tuple[dict[str, RawSheet], list[Finding]]:
    import openpyxl  # heavy: imported only when a workbook is read

    name = str(path)
    if path.suffix.lower() == ".xls":
        msg = ("Format .xls (Excel 97-2003) tidak didukung. Buka di Excel lalu simpan sebagai "
               ".xlsx (Excel Workbook).")
        return {}, [Finding("S01", msg, file=name)]
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        msg = ("Berkas sedang dikunci program lain (mis. terbuka di Excel di Windows) atau tanpa izin "
               "baca: tutup berkasnya lalu jalankan lagi.")
        return {}, [Finding("S01", msg, file=name)]
    if not zipfile.is_zipfile(path):
        msg = ("Berkas ini bukan workbook Excel (.xlsx): isinya tidak dapat dibaca sebagai "
               "workbook. Simpan ulang dari Excel sebagai .xlsx, atau gunakan folder berisi "
               "berkas .csv per sheet.")
        return {}, [Finding("S01", msg, file=name)]
    inflated = inflation_problem(path)
    if inflated:
        member, msg = inflated
        return {}, [Finding("S18", msg[0].upper() + msg[1:], file=name, sheet=member)]
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # any broken archive: a finding, not a traceback
        msg = f"Workbook rusak atau tidak dapat dibuka ({type(exc).__name__}: {quote(exc, 120)})."
        return {}, [Finding("S01", msg, file=name)]
    sheets: dict[str, RawSheet] = {}
    findings: list[Finding] = []
    try:
        for ws in book.worksheets:
            key = schema.normalise_header(ws.title)
            if key in sheets:
                continue
            try:
                ws.reset_dimensions()
                rows = [list(r) for r in ws.iter_rows(values_only=True)]
            except Exception as exc:
                msg = f"Sheet tidak dapat dibaca ({type(exc).__name__}: {quote(exc, 120)})."
                findings.append(Finding("S01", msg, file=name, sheet=ws.title))
                continue
            sheets[key] = _raw_sheet(key, name, rows)
    finally:
        book.close()
    _mark_uncomputed_formulas(path, sheets)
    return sheets, findings


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


def _mark_uncomputed_formulas(path: Path, sheets: dict[str, RawSheet]) -> None:
    """Replace the blank read of a formula cell that has no saved value by
    :class:`UncomputedFormula`. Only workbooks holding formulas are read a second time."""
    import openpyxl

    with zipfile.ZipFile(path) as archive:
        has_formulas = any(
            _FORMULA_TAG.search(archive.read(info))
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
        )
    if not has_formulas:
        return
    book = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    done: set[str] = set()
    try:
        for ws in book.worksheets:
            sheet = sheets.get(schema.normalise_header(ws.title))
            if sheet is None or sheet.name in done:  # the first sheet of a name is the one read
                continue
            done.add(sheet.name)
            ws.reset_dimensions()
            for number, formulas in enumerate(ws.iter_rows(values_only=True), start=1):
                values = sheet.headers if number == 1 else _row_values(sheet, number)
                if values is None:
                    continue
                for index, formula in enumerate(formulas):
                    if (isinstance(formula, str) and formula.startswith("=")
                            and index < len(values) and values[index] is None):
                        values[index] = UncomputedFormula(formula)
    finally:
        book.close()


def _row_values(sheet: RawSheet, number: int) -> list | None:
    index = number - 2
    if 0 <= index < len(sheet.rows) and sheet.rows[index][0] == number:
        return sheet.rows[index][1]
    return None


def _raw_sheet(key: str, file: str, rows: list[list]) -> RawSheet:
    headers = rows[0] if rows else []
    body = [(number, values) for number, values in enumerate(rows[1:], start=2)]
    return RawSheet(key, file, list(headers), body)


def _read_csv_folder(folder: Path) -> tuple[dict[str, RawSheet], list[Finding]]:
    sheets: dict[str, RawSheet] = {}
    findings: list[Finding] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    if not files:
        msg = "Folder ini tidak berisi berkas .csv (satu berkas per sheet, mis. pohon.csv)."
        findings.append(Finding("S01", msg, file=str(folder)))
    for file in files:
        _read_csv_file(file, sheets, findings)
    return sheets, findings


def _read_csv_file(file: Path, sheets: dict[str, RawSheet], findings: list[Finding]) -> None:
    key = schema.normalise_header(file.stem)
    try:
        inflated = inflation_problem(file)
        if inflated:
            findings.append(Finding("S18", inflated[1][0].upper() + inflated[1][1:], file=str(file)))
            return
        data = file.read_bytes()
    except OSError as exc:
        findings.append(Finding("S01", f"Berkas tidak dapat dibaca ({exc.strerror}).", file=str(file)))
        return
    if b"\x00" in data[:4096]:
        msg = "Berkas ini bukan teks CSV (berisi data biner)."
        findings.append(Finding("S01", msg, file=str(file)))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    # Excel in an Indonesian locale saves CSV with ";" as the separator.
    delimiter = max((",", ";", "\t"), key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        findings.append(Finding("S01", f"CSV tidak valid ({quote(exc, 120)}).", file=str(file)))
        return
    sheets[key] = _raw_sheet(key, str(file), rows)


# --------------------------------------------------------------------------- parsing

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_RANGE = re.compile(r"^\s*(-?[\d.,]+)\s*(?:-|–|—|s\.?d\.?|sampai)\s*(-?[\d.,]+)\s*$", re.I)
_INT_FLOAT = re.compile(r"^([+-]?\d+)\.0+$")


class CellError(PohonError, ValueError):
    """A cell that cannot be read as its column's kind; the message is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _text(value: object) -> str | None:
    """Cell as trimmed text; None when empty. Excel's float-ified integers lose ".0"."""
    if value is None:
        return None
    if isinstance(value, UncomputedFormula):
        return value.formula
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):  # Excel keeps a date as a datetime at midnight
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def parse_number(value: object) -> float | None:
    """A number from a cell; None when missing ("", "-", "n/a").

    Accepts Indonesian notation: "12,5" is 12.5, "1.234.567" and "1.234,5" use "." for
    thousands; a trailing "%" and a leading "Rp" are dropped.

    Raises
    ------
    CellError
        When the cell holds text that is not a number.
    """
    if isinstance(value, bool):
        raise CellError("S09", "nilai benar/salah, bukan angka")
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if isinstance(value, (dt.datetime, dt.date)):
        raise CellError("S09", f"tanggal {value:%Y-%m-%d}, bukan angka")
    text = _text(value)
    if text is None or text.lower() in schema.MISSING_TOKENS:
        return None
    cleaned = re.sub(r"^rp\.?\s*", "", text.lower()).replace(" ", "").rstrip("%")
    if cleaned.count(".") > 1 or ("." in cleaned and "," in cleaned):
        cleaned = cleaned.replace(".", "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned) or cleaned.count(".") > 1:
        raise CellError("S09", f"{quote(text)} bukan angka")
    return float(cleaned)


def parse_value(value: object) -> float | Range | None:
    """A target: a number, or a range such as "10-15" kept as :class:`Range`."""
    text = _text(value)
    if isinstance(value, str) and text is not None:
        match = _RANGE.match(text)
        if match and not text.startswith("-"):
            low, high = (parse_number(part) for part in match.groups())
            if low is not None and high is not None:
                return Range(min(low, high), max(low, high))
    return parse_number(value)


def parse_cell(column: schema.Column, value: object):
    """Read one cell by its column's kind; None when blank.

    Raises
    ------
    CellError
        With a message in Bahasa Indonesia saying what was found and what was expected.
    """
    if isinstance(value, UncomputedFormula):
        raise CellError("S17", f"sel berisi rumus tanpa nilai tersimpan ({quote(value.formula, 60)}); "
                               f"buka workbook di Excel lalu simpan, agar nilainya ikut tersimpan")
    kind = column.kind
    if kind in ("number", "value", "int"):
        parsed = parse_value(value) if kind == "value" else parse_number(value)
        if parsed is None:
            return None
        if kind == "int":
            if not float(parsed).is_integer():
                raise CellError("S09", f"{quote(_text(value))} bukan bilangan bulat")
            parsed = int(parsed)
        if column.bounds and not isinstance(parsed, Range):
            low, high = column.bounds
            if not low <= parsed <= high:
                raise CellError("S10", f"{_fmt(parsed)} di luar rentang {_bounds(column.bounds)}")
        return parsed
    text = _text(value)
    if text is None:
        return None
    if kind == "code":
        match = _INT_FLOAT.match(text)
        return match.group(1) if match else text
    if kind == "codes":
        return tuple(part.strip() for part in re.split(r"[;,]", text) if part.strip()) or None
    if kind == "flag":
        key = text.lower()
        if key in schema.FLAG_TRUE:
            return True
        if key in schema.FLAG_FALSE:
            return False
        raise CellError("S08", f"{quote(text)} tidak dikenal; yang diterima: ya, tidak")
    if kind == "enum":
        canonical = schema.normalise_enum(column.name, text)
        if canonical not in column.allowed:
            allowed = ", ".join(column.allowed)
            raise CellError("S08", f"{quote(text)} tidak dikenal; yang diterima: {allowed}")
        return canonical
    return text


def _bounds(bounds: tuple[float, float]) -> str:
    low, high = bounds
    return f"≥ {_fmt(low)}" if math.isinf(high) else f"{_fmt(low)}–{_fmt(high)}"


def parse(raw: dict[str, RawSheet], source: str) -> tuple[dict[str, Table], list[Finding]]:
    """Read every sheet of the schema from ``raw`` into :class:`Table` objects.

    Missing optional sheets become empty tables; missing required sheets and columns,
    blank required values, unreadable cells and duplicate keys become findings. Rows
    are kept even when a cell is bad (the bad cell is None), so that later checks still
    see them.
    """
    tables: dict[str, Table] = {}
    findings: list[Finding] = []
    for sheet in schema.SHEETS:
        raw_sheet = raw.get(sheet.name)
        if raw_sheet is None:
            tables[sheet.name] = Table(sheet.name, source)
            if sheet.required:
                msg = (f"Sheet wajib '{sheet.name}' ({sheet.label}) tidak ada. "
                       f"Sheet wajib: {', '.join(schema.REQUIRED_SHEETS)}.")
                findings.append(Finding("S02", msg, file=source, sheet=sheet.name))
            continue
        table, sheet_findings = _parse_sheet(sheet, raw_sheet)
        tables[sheet.name] = table
        findings.extend(sheet_findings)
    return tables, findings


def _parse_sheet(sheet: schema.Sheet, raw: RawSheet) -> tuple[Table, list[Finding]]:
    findings: list[Finding] = []
    table = Table(sheet.name, raw.file, present=True)
    where = {"file": raw.file, "sheet": sheet.name}
    blank = not any(_text(h) for h in raw.headers) and not any(
        _text(v) is not None for _, values in raw.rows for v in values)
    if blank and not sheet.required:
        return table, findings  # an optional sheet left entirely blank holds no rows

    # Headers: which position holds which column.
    positions: list[tuple[int, schema.Column]] = []
    for index, header in enumerate(raw.headers):
        name = schema.normalise_header(header)
        if not name:
            continue
        letter = excel_column_letter(index)
        if name in table.columns:
            msg = (f"Kolom '{name}' muncul lebih dari sekali (juga di kolom "
                   f"{table.columns[name]}); yang dipakai yang pertama.")
            findings.append(Finding("S15", msg, row=1, column=name, column_letter=letter, **where))
            continue
        table.columns[name] = letter
        column = sheet.column(name) or (schema.year_column(name) if sheet.year_columns else None)
        if column is None:
            table.extra.append(name)
            column = schema.Column(name, "text", name, "")
        positions.append((index, column))
    for column in sheet.columns:
        if column.required and column.name not in table.columns:
            msg = (f"Kolom wajib '{column.name}' ({column.label}) tidak ada di baris judul "
                   f"(baris 1).")
            findings.append(Finding("S03", msg, row=1, column=column.name, **where))

    seen: dict[str, int] = {}
    for number, values in raw.rows:
        if not any(_text(v) is not None for v in values):
            continue  # blank rows (Excel leaves many at the end) are not data
        row: dict = {"_baris": number}
        for index, column in positions:
            value = values[index] if index < len(values) else None
            try:
                row[column.name] = parse_cell(column, value)
            except CellError as err:
                row[column.name] = None
                expected = "" if err.code == "S17" else _expected(column)
                findings.append(Finding(
                    err.code, f"{column.label}: {err}. {expected}".rstrip(), row=number,
                    column=column.name, column_letter=table.columns[column.name],
                    ref=_row_ref(sheet, row, values, positions), **where,
                ))
        for column in sheet.columns:
            row.setdefault(column.name, None)
            if row[column.name] is None and column.blank and column.name in table.columns:
                if _cell_failed(findings, number, column.name, sheet.name):
                    continue
                code = "S12" if column.blank == "error" else "S16"
                msg = f"{column.label} ({column.name}) kosong. {column.help}"
                findings.append(Finding(
                    code, msg, row=number, column=column.name,
                    column_letter=table.columns[column.name], ref=_row_ref(sheet, row),
                    **where,
                ))
        if sheet.key and row.get(sheet.key) is not None:
            key = row[sheet.key]
            if key in seen:
                msg = (f"{sheet.column(sheet.key).label} {quote(key)} sudah dipakai di baris "
                       f"{seen[key]}; setiap id harus unik.")
                findings.append(Finding(
                    "S04", msg, row=number, column=sheet.key,
                    column_letter=table.letter(sheet.key), ref=key, **where,
                ))
                row["_ganda"] = True
            else:
                seen[key] = number
        table.rows.append(row)
    return table, findings


def _cell_failed(findings: list[Finding], row: int, column: str, sheet: str) -> bool:
    """Whether the cell already has a finding (bad value), so blankness is not reported twice."""
    for finding in reversed(findings):
        if finding.row != row or finding.sheet != sheet:
            return False
        if finding.column == column:
            return True
    return False


def _expected(column: schema.Column) -> str:
    if column.kind == "value":
        return "Isi angka (mis. 12,5) atau rentang (mis. 10-15)."
    if column.kind == "int":
        bounds = f" {_bounds(column.bounds)}" if column.bounds else ""
        return f"Isi bilangan bulat{bounds}."
    if column.kind == "number":
        bounds = f" {_bounds(column.bounds)}" if column.bounds else ""
        return f"Isi angka{bounds}; kosongkan atau tulis 'n/a' bila belum ada data."
    return ""


def _row_ref(sheet: schema.Sheet, row: dict, values=None, positions=None) -> str:
    """The id a row is about, for the finding's ``ref``: its key, or the node it points at."""
    for name in (sheet.key, "id_pohon", "id_indikator"):
        if name and row.get(name):
            return str(row[name])
    if values is not None and sheet.key:
        for index, column in positions:
            if column.name == sheet.key and index < len(values):
                text = _text(values[index])
                if text:
                    return text
    return ""
