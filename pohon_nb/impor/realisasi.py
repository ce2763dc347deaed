"""Each year's realisation from the tables Pemdas publish (LKjIP measurement tables, e-SAKIP
exports, LPPD tables on open-data portals), written into a copy of the input workbook.

:func:`read_table` finds the header (the indicator-name column, one column per year: "2019",
"Realisasi 2019", "Capaian Tahun 2018"; a column whose header says "%" or "persen" holds an
achievement, not a realisation, and is reported as not read). :func:`match` pairs every table row
with the workbook's indicators by name: normalised first (case, spacing, punctuation, the spellings
Prosentase/Presentase), then near matches scored by rapidfuzz, written only when a single
indicator scores :data:`NEAR` or more (and the units agree when both have one). Nothing is guessed:
a name the table holds more than once is ambiguous, a value that is not a number is reported, "0"
is written with a note that it may mean "not measured", an existing realisation is kept unless
asked to overwrite. Every table row ends in exactly one :data:`OUTCOMES`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core.errors import PohonError
from ..core.formats import number_text, quote
from ..reading.model import Pemda, load

NEAR = 90
"""The least rapidfuzz score (token-sort ratio, 0-100) of a near match that is written."""

OUTCOMES = ("ditulis", "dipertahankan", "kandidat", "ambigu", "bukan angka", "tidak ada di workbook",
            "tahun tidak ada di workbook")

_NAME_HEADERS = ("indikator", "uraian", "nama")
_YEAR = re.compile(r"^(?:(realisasi|capaian|tahun)\s*)*(?:tahun\s*)?((?:19|20)\d{2})$")
_SPELLINGS = (("prosentase", "persentase"), ("presentase", "persentase"), ("prosentasi", "persentase"))


class RealisationError(PohonError, ValueError):
    """A table or workbook this import cannot read, said in Bahasa Indonesia."""


@dataclass
class TableRow:
    row: int  # the row number in the file (1-based, as a spreadsheet shows it)
    name: str
    unit: str
    values: dict[int, str]  # year -> the cell's text


@dataclass
class Table:
    file: str
    sheet: str
    rows: list[TableRow]
    years: list[int]
    decimal_comma: bool
    notes: list[str] = field(default_factory=list)  # columns not read, and why


def normalised(name: str) -> str:
    """A name as matching reads it: lower case, the spellings of "persentase" made one, punctuation
    and repeated spaces gone."""
    text = str(name).lower()
    for variant, standard in _SPELLINGS:
        text = text.replace(variant, standard)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _cells(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    if path.suffix.lower() in (".csv", ".txt"):
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        return "", [list(r) for r in csv.reader(text.splitlines(), dialect)]
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not a workbook at all
        raise RealisationError(f"{path.name}: tidak dapat dibaca sebagai tabel Excel atau CSV "
                               f"({exc}).") from exc
    if sheet and sheet not in book.sheetnames:
        raise RealisationError(f"{path.name}: sheet {quote(sheet)} tidak ada (yang ada: "
                               f"{', '.join(book.sheetnames)}).")
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = [["" if v is None else (number_text(v) if isinstance(v, float) else str(v)) for v in r]
            for r in ws.iter_rows(values_only=True)]
    return ws.title, rows


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The table's header and rows: the name column, the unit column when there is one, the year
    columns. Raises :class:`RealisationError` naming the file when no header is found."""
    path = Path(path)
    title, cells = _cells(path, sheet)
    for top, header in enumerate(cells[:20]):
        labels = [" ".join(str(h).split()).lower() for h in header]
        name_col = next((i for i, h in enumerate(labels) if any(w in h for w in _NAME_HEADERS)
                         and not _YEAR.match(h)), None)
        years = {}
        notes = []
        for i, label in enumerate(labels):
            if i == name_col:
                continue
            found = re.search(r"(?:19|20)\d{2}", label)
            if not found:
                continue
            if "%" in label or "persen" in label:
                notes.append(f"kolom {i + 1} ({quote(header[i])}): persen capaian, bukan realisasi; "
                             f"tidak dibaca")
                continue
            if _YEAR.match(label.replace(":", " ").strip()):
                years[i] = int(found.group())
            else:
                notes.append(f"kolom {i + 1} ({quote(header[i])}): judulnya bukan tahun atau 'Realisasi "
                             f"<tahun>'; tidak dibaca")
        if name_col is None or not years:
            continue
        unit_col = next((i for i, h in enumerate(labels) if h.startswith("satuan")), None)
        rows = []
        for number, values in enumerate(cells[top + 1:], start=top + 2):
            name = values[name_col].strip() if name_col < len(values) else ""
            if not name or not re.search(r"[A-Za-z]", name):
                continue
            rows.append(TableRow(number, " ".join(name.split()),
                                 values[unit_col].strip() if unit_col is not None and unit_col < len(values)
                                 else "",
                                 {y: values[i].strip() for i, y in years.items() if i < len(values)
                                  and values[i].strip()}))
        texts = [v for r in rows for v in r.values.values()]
        comma = sum(bool(re.search(r"\d,\d", t)) for t in texts) >= sum(bool(re.search(r"\d\.\d{1,2}$", t))
                                                                         for t in texts)
        return Table(str(path), title, rows, sorted(set(years.values())), comma, notes)
    raise RealisationError(f"{path.name}{f', sheet {title}' if title else ''}: judul kolom tidak ditemukan "
                           f"di 20 baris pertama: perlu kolom nama indikator (judul memuat 'Indikator' atau "
                           f"'Uraian') dan kolom tahun ('2019', 'Realisasi 2019', 'Capaian Tahun 2019').")


def read_value(text: str, decimal_comma: bool) -> float | None:
    """A number as the table writes it ("12,5", "1.234,5", "98.7", "1,234.5"); None for text."""
    clean = text.strip().replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[+-]?\d[\d.,]*", clean):
        return None
    if "," in clean and "." in clean:
        decimal = "," if clean.rfind(",") > clean.rfind(".") else "."
    elif "," in clean:
        decimal = "," if decimal_comma or not re.fullmatch(r"\d{1,3}(,\d{3})+", clean) else ""
    elif "." in clean:
        decimal = "" if decimal_comma and re.fullmatch(r"\d{1,3}(\.\d{3})+", clean) else "."
    else:
        decimal = ""
    thousands = {"": ",.", ",": ".", ".": ","}[decimal]
    for mark in thousands:
        clean = clean.replace(mark, "")
    return float(clean.replace(",", ".")) if decimal == "," else float(clean)


@dataclass
class Outcome:
    row: int
    name: str
    year: int | None
    value: str
    outcome: str
    indicator: str = ""
    note: str = ""


def _indicators(pemda: Pemda) -> pd.DataFrame:
    frame = pemda.indikator
    if frame.empty:
        return frame.assign(_kunci=[])
    return frame.assign(_kunci=[normalised(n) for n in frame["nama"].fillna("")])


def match(table: Table, pemda: Pemda, year: int | None = None, overwrite: bool = False
          ) -> tuple[list[Outcome], dict[tuple[str, int], float], list[str]]:
    """Every table row's outcome, the values to write ((indicator id, year) -> number), and the
    workbook's indicators the table does not name."""
    from rapidfuzz import fuzz, process

    indicators = _indicators(pemda)
    by_key: dict[str, list[dict]] = {}
    for row in indicators.to_dict("records"):
        by_key.setdefault(row["_kunci"], []).append(row)
    keys = list(by_key)
    counts: dict[str, list[int]] = {}
    for r in table.rows:
        counts.setdefault(normalised(r.name), []).append(r.row)
    wanted_years = [year] if year else table.years
    outcomes, writes, found = [], {}, set()
    for r in table.rows:
        key = normalised(r.name)
        values = {y: v for y, v in r.values.items() if y in wanted_years}
        first = next(iter(values.values()), "")
        if len(counts[key]) > 1:
            outcomes.append(Outcome(r.row, r.name, None, first, "ambigu", note=(
                f"nama ini ada di {len(counts[key])} baris tabel ({', '.join(map(str, counts[key]))}), "
                f"mis. satu per kecamatan: tidak ditulis")))
            continue
        candidates = by_key.get(key, [])
        note = ""
        if not candidates and keys:
            near = [(k, s) for k, s, _ in process.extract(key, keys, scorer=fuzz.token_sort_ratio, limit=3)
                    if s >= NEAR - 10]
            strong = [(k, s) for k, s in near if s >= NEAR]
            if len(strong) == 1 and len(by_key[strong[0][0]]) == 1:
                candidates, score = by_key[strong[0][0]], strong[0][1]
                note = f"nama mirip ({score:.0f} dari 100): {quote(candidates[0]['nama'])}"
            elif near:
                outcomes.append(Outcome(r.row, r.name, None, first, "kandidat", note=(
                    "mirip " + "; ".join(f"{quote(by_key[k][0]['nama'])} ({s:.0f})" for k, s in near)
                    + f": tidak ditulis (perlu satu nama dengan skor {NEAR} atau lebih)")))
                continue
        if not candidates:
            outcomes.append(Outcome(r.row, r.name, None, first, "tidak ada di workbook"))
            continue
        if len(candidates) > 1:
            outcomes.append(Outcome(r.row, r.name, None, first, "ambigu", note=(
                "workbook punya beberapa indikator bernama ini: "
                + ", ".join(c["id"] for c in candidates) + "; tidak ditulis")))
            continue
        target = candidates[0]
        unit = str(target.get("satuan") or "").strip().lower()
        if r.unit and unit and normalised(r.unit) != normalised(unit):
            outcomes.append(Outcome(r.row, r.name, None, first, "kandidat", target["id"],
                                    f"satuan tabel {quote(r.unit)}, satuan indikator {quote(unit)}: "
                                    f"tidak ditulis"))
            continue
        found.add(target["id"])
        if not values:
            missing = [y for y in r.values if y not in pemda.years]
            outcomes.append(Outcome(r.row, r.name, None, first, "tahun tidak ada di workbook", target["id"],
                                    f"tahun {', '.join(map(str, missing or wanted_years))} tidak ada di "
                                    f"workbook"))
            continue
        for y, text in values.items():
            if y not in pemda.years:
                outcomes.append(Outcome(r.row, r.name, y, text, "tahun tidak ada di workbook", target["id"],
                                        f"workbook tidak punya kolom realisasi_{y}"))
                continue
            number = read_value(text, table.decimal_comma)
            if number is None:
                outcomes.append(Outcome(r.row, r.name, y, text, "bukan angka", target["id"],
                                        "tulis sebagai angka di workbook (mis. nilai untuk predikat)"))
                continue
            extra = [note] if note else []
            if number == 0:
                extra.append("0 dapat berarti belum diukur: periksa")
            existing = target.get(f"realisasi_{y}")
            existing = None if existing is None or existing != existing else existing
            if existing is not None and not overwrite:
                shown = number_text(existing) if isinstance(existing, (int, float)) else str(existing)
                if not (isinstance(existing, (int, float)) and abs(existing - number) < 1e-9):
                    extra.append(f"workbook sudah berisi {shown}, berbeda dari tabel {number_text(number)}; "
                                 f"--timpa untuk menggantinya")
                outcomes.append(Outcome(r.row, r.name, y, text, "dipertahankan", target["id"],
                                        "; ".join(extra)))
                continue
            if existing is not None:
                extra.append(f"menggantikan {existing}")
            writes[(target["id"], y)] = number
            outcomes.append(Outcome(r.row, r.name, y, text, "ditulis", target["id"], "; ".join(extra)))
    missing = [f"{r['id']} {r['nama']}" for r in indicators.to_dict("records") if r["id"] not in found]
    return outcomes, writes, missing


def write_copy(workbook: str | Path, target: str | Path, writes: dict[tuple[str, int], float],
               outcomes: list[Outcome], missing: list[str], table: Table, *, overwrite: bool = False) -> Path:
    """The input workbook with the realisations written, as a new file ``target`` (the user's workbook
    is never changed), and the import's report in a sheet ``impor_realisasi``."""
    import openpyxl

    from ..core.cells import save_book

    workbook, target = Path(workbook), Path(target)
    if workbook.suffix.lower() != ".xlsx":
        raise RealisationError(f"{workbook.name}: --ke harus workbook .xlsx (folder CSV belum didukung).")
    if target.resolve() == workbook.resolve():
        raise RealisationError(f"{target.name}: --out harus berkas lain; workbook asli tidak pernah diubah.")
    if target.exists() and not overwrite:
        raise RealisationError(f"{target} sudah ada; pilih nama lain (tidak pernah ditimpa).")
    book = openpyxl.load_workbook(workbook, data_only=True)  # formulas copied as their values
    if "indikator" not in book.sheetnames:
        raise RealisationError(f"{workbook.name}: sheet indikator tidak ada.")
    ws = book["indikator"]
    header = [c.value for c in ws[1]]
    if "id" not in header:
        raise RealisationError(f"{workbook.name}, sheet indikator, baris 1: kolom id tidak ada.")
    for year in sorted({y for _, y in writes}):
        if f"realisasi_{year}" not in header:
            ws.cell(1, len(header) + 1, f"realisasi_{year}")
            header.append(f"realisasi_{year}")
    rows = {str(ws.cell(r, header.index("id") + 1).value): r for r in range(2, ws.max_row + 1)}
    for (indicator, year), number in writes.items():
        ws.cell(rows[indicator], header.index(f"realisasi_{year}") + 1, number)
    if "impor_realisasi" in book.sheetnames:
        del book["impor_realisasi"]
    report = book.create_sheet("impor_realisasi")
    report.append(["baris_tabel", "nama_di_tabel", "tahun", "nilai_di_tabel", "keadaan", "id_indikator",
                   "catatan"])
    for o in outcomes:
        report.append([o.row, o.name, o.year, o.value, o.outcome, o.indicator, o.note])
    report.append([])
    report.append(["", f"Sumber: {Path(table.file).name}{f', sheet {table.sheet}' if table.sheet else ''}"])
    for note in table.notes:
        report.append(["", note])
    for name in missing:
        report.append(["", f"indikator workbook tidak ada di tabel: {name}"])
    return save_book(book, target, overwrite=overwrite)


def import_realisation(table_path: str | Path, workbook: str | Path, target: str | Path, *,
                       year: int | None = None, sheet: str | None = None, overwrite_values: bool = False):
    """Read the table, match it to the workbook's indicators and write the copy; returns the table,
    the outcomes, the indicators not found and the copy's path."""
    table = read_table(table_path, sheet)
    pemda = load(workbook)
    outcomes, writes, missing = match(table, pemda, year, overwrite_values)
    path = write_copy(workbook, target, writes, outcomes, missing, table)
    return table, outcomes, missing, path
