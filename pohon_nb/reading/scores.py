"""Saving assessors' scores (USG of problems, SMART/CREAM of indicators) to a new workbook.

The input is never modified: scores go into a copy written beside it (or, for the bundled
sample, into the output folder), named with the time so that no earlier save is replaced.
An ``.xlsx`` keeps its formatting; a folder of CSV files becomes a new folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.cells import as_text, csv_text
from ..core.paths import DATA

USG = ("usg_u", "usg_s", "usg_g")
ASSESSMENT_COLUMNS = ("id_indikator", "penilai", "smart_s", "smart_m", "smart_a", "smart_r",
                      "smart_t", "cream_c", "cream_r", "cream_e", "cream_a", "cream_m", "catatan")


def destination(source: str | Path, out_dir: str | Path = "out") -> Path:
    """Where a copy with scores goes: beside the input, or in ``out_dir`` for the sample."""
    source = Path(source).resolve()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = source.parent
    if DATA.resolve() in source.parents or source == DATA.resolve():
        folder = Path(out_dir).resolve()
    suffix = source.suffix if source.is_file() else ""
    target = folder / f"{source.stem}_penilaian_{stamp}{suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{source.stem}_penilaian_{stamp}_{counter}{suffix}"
    return target


def save_scores(source: str | Path, usg: dict[str, tuple[int, int, int]] | None = None,
                assessments: list[dict] | None = None, out_dir: str | Path = "out",
                target: str | Path | None = None) -> Path:
    """Write a copy of the workbook with the given scores and return its path.

    Parameters
    ----------
    source : the input workbook (.xlsx) or CSV folder; it is not modified.
    usg : problem id -> (U, S, G), written into the ``masalah`` sheet's USG columns.
    assessments : rows for ``penilaian_indikator`` (keys of :data:`ASSESSMENT_COLUMNS`),
        appended after the rows already there.
    target : where to write (default :func:`destination`); never an existing path.
    """
    source = Path(source)
    target = Path(target) if target is not None else destination(source, out_dir)
    if target.exists() or target.resolve() == source.resolve():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        _save_csv_folder(source, target, usg or {}, assessments or [])
    else:
        _save_xlsx(source, target, usg or {}, assessments or [])
    return target


def _save_xlsx(source: Path, target: Path, usg, assessments) -> None:
    import openpyxl

    from .schema import normalise_header

    book = openpyxl.load_workbook(source)
    sheets = {normalise_header(ws.title): ws for ws in book.worksheets}
    if usg:
        ws = sheets.get("masalah")
        if ws is None:
            raise ValueError("Workbook tidak punya sheet masalah; skor USG tidak dapat disimpan.")
        columns = _columns(ws, ["id", *USG])
        for row in range(2, ws.max_row + 1):
            pid = ws.cell(row=row, column=columns["id"]).value
            key = _code(pid)
            if key in usg:
                for name, value in zip(USG, usg[key]):
                    ws.cell(row=row, column=columns[name], value=int(value))
    if assessments:
        ws = sheets.get("penilaian_indikator") or book.create_sheet("penilaian_indikator")
        columns = _columns(ws, list(ASSESSMENT_COLUMNS))
        last = max((r for r in range(2, ws.max_row + 1)
                    if any(ws.cell(row=r, column=c).value not in (None, "") for c in columns.values())),
                   default=1)
        for offset, record in enumerate(assessments, start=1):
            for name, column in columns.items():
                if record.get(name) is not None:
                    as_text(ws.cell(row=last + offset, column=column, value=record[name]))
    with atomic_path(target) as tmp:
        book.save(tmp)


def _code(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(ws, names: list[str]) -> dict[str, int]:
    """Header positions of ``names`` (1-based), adding missing headers at the end."""
    from .schema import normalise_header

    headers = {normalise_header(c.value): c.column for c in ws[1] if c.value is not None}
    for name in names:
        if name not in headers:
            column = max(headers.values(), default=0) + 1
            ws.cell(row=1, column=column, value=name)
            headers[name] = column
    return {name: headers[name] for name in names}


def _save_csv_folder(source: Path, target: Path, usg, assessments) -> None:
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        copy = work / "data"
        shutil.copytree(source, copy)
        if usg:
            _rewrite_csv(copy / "masalah.csv", ["id", *USG],
                         lambda row: row.update(zip(USG, map(str, usg[row["id"]])))
                         if row.get("id") in usg else None)
        if assessments:
            path = copy / "penilaian_indikator.csv"
            rows, header = _read_csv(path) if path.exists() else ([], list(ASSESSMENT_COLUMNS))
            header += [c for c in ASSESSMENT_COLUMNS if c not in header]
            rows += [{k: "" if v is None else csv_text(str(v)) for k, v in a.items()}
                     for a in assessments]
            _write_csv(path, header, rows)
        copy.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _read_csv(path: Path) -> tuple[list[dict], list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    first = text.splitlines()[0] if text else ""
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    return list(reader), list(reader.fieldnames or [])


def _rewrite_csv(path: Path, needed: list[str], update) -> None:
    rows, header = _read_csv(path)
    header += [c for c in needed if c not in header]
    for row in rows:
        update(row)
    _write_csv(path, header, rows)


def _write_csv(path: Path, header: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
