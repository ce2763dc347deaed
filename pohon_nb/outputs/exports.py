"""Excel exports in the layouts evaluators ask for.

Every export is a formatted workbook: Indonesian headers, column widths, wrapped text, a
frozen header row, numbers stored as numbers and codes as text, and an ``info`` sheet
saying where the data came from. Files are written atomically and never replace an
existing file unless asked to.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import __version__
from ..core.cells import save_book, yes_no
from ..core.columns import kind as column_kind
from ..core.columns import label as column_label
from ..core.findings import Finding
from ..method.achievement import AchievementConfig, indicator_achievement
from ..method.checked import check
from ..method.checks import CheckConfig, indicator_notes
from ..method.crosscutting import matrix, requests
from ..method.indicators import MANUAL_FIELDS, manual_iku
from ..method.lke import ESTIMATE_NOTE, NOT_DECIDED, estimate, read_grades
from ..method.lke import table as lke_table
from ..method.shared_roots import crosscutting_candidates, shared_roots, touching
from ..reading import schema
from ..reading.model import Pemda
from ..reading.workbook import Range

EXPORTS = ("cascading", "crosscutting", "manual-iku", "findings", "akar-bersama", "lke")


STORED = {"code": "code", "year": "int", "count": "int", "fraction": "fraction", "percent": "percent",
          "number": "number", "value": "text"}
"""How a cell of each kind of column (:mod:`pohon_nb.core.columns`) is stored in Excel."""


@dataclass(frozen=True)
class Col:
    """One exported column: the frame's column, its Indonesian header, how cells are stored.

    The header and the storage default to the column's own (:mod:`pohon_nb.core.columns`), as
    the notebooks show it; give them only where this sheet names the column differently.
    Storage kinds: text, code, number, percent, fraction, int, and count (an int whose 0 is left
    empty, for a matrix of counts).
    """

    name: str
    header: str | None = None
    kind: str | None = None
    width: float = 14

    def __post_init__(self) -> None:
        if self.header is None:
            object.__setattr__(self, "header", column_label(self.name))
        if self.kind is None:
            object.__setattr__(self, "kind", STORED[column_kind(self.name)])


WRAP_WIDTH = 40


def _write_sheet(book, title: str, frame: pd.DataFrame, columns: list[Col]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    thin = Side(style="thin", color="BFBFBF")
    for index, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=col.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(index)].width = col.width
    formats = {"number": "#,##0.##", "percent": "0.0", "int": "0", "code": "@", "text": "General",
               "count": '0;-0;""', "fraction": "0.0%"}
    for r, values in enumerate(frame[[c.name for c in columns]].itertuples(index=False), start=2):
        lines = 1
        for index, (col, value) in enumerate(zip(columns, values), start=1):
            value = _cell(value, col.kind)
            if value is None:
                continue
            cell = ws.cell(row=r, column=index, value=value)
            cell.number_format = formats[col.kind]
            cell.border = Border(bottom=thin)
            wrap = col.kind == "text" and col.width >= 20
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if wrap:
                lines = max(lines, math.ceil(len(str(value)) / (col.width * 1.05)))
        # Spreadsheet programs do not all grow wrapped rows on opening: size them here.
        ws.row_dimensions[r].height = 15 * lines
    ws.freeze_panes = "A2"
    # Printed: landscape, all columns on the page width, the header repeated on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"
    header_lines = max(math.ceil(len(c.header) / max(c.width * 0.8, 1)) for c in columns)
    ws.row_dimensions[1].height = max(32, 14 * header_lines)


def _cell(value, kind: str):
    if value is None or (not isinstance(value, (str, Range)) and pd.isna(value)):
        return None
    if isinstance(value, Range):
        return str(value)
    if kind == "code":
        return str(value)
    if kind == "count" and not isinstance(value, str) and value == 0:
        return None  # an empty cell says "none", as the sheet's note tells the reader
    if kind in ("number", "percent", "int", "count", "fraction"):
        if isinstance(value, str):
            return value
        return int(value) if kind == "int" else float(value)
    if isinstance(value, bool):
        return yes_no(value)
    return str(value) if not isinstance(value, (int, float)) else value


def _info_sheet(book, pemda: Pemda, what: str, kode_opd: str | None) -> None:
    from openpyxl.styles import Font

    ws = book.create_sheet("info")
    info = pemda.info
    rows = [
        ("Ekspor", what), ("Pemda", f"{info.get('nama_pemda', '')} ({info.get('kode_pemda', '')})"),
        ("Periode", f"{info.get('periode_awal', '')}-{info.get('periode_akhir', '')}"),
        ("OPD", f"{kode_opd} {pemda.opd_name(kode_opd)}" if kode_opd else "semua"),
        ("Sumber data", pemda.source),
        ("Dibuat", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("Dibuat dengan", f"pohon-nb {__version__}"),
    ]
    for label, value in rows:
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 80


def export_tables(pemda: Pemda, path: str | Path, tables: list[tuple[str, pd.DataFrame, list[Col]]],
                  notes: list[tuple[str, str]], *, what: str, kode_opd: str | None = None,
                  overwrite: bool = False) -> Path:
    """Tables as a reader saw them, one sheet each (``(sheet title, frame, columns)``), and the
    ``info`` sheet with ``notes`` (label, text) under the usual provenance rows."""
    from openpyxl.styles import Alignment, Font

    book = _new_book()
    for title, frame, columns in tables:
        _write_sheet(book, title, frame, columns)
    _info_sheet(book, pemda, what, kode_opd)
    info = book["info"]
    for label, text in notes:
        info.append([label, text])
        info.cell(row=info.max_row, column=1).font = Font(bold=True)
        info.cell(row=info.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 34
    return _save(book, path, overwrite)


def _save(book, path: str | Path, overwrite: bool) -> Path:
    return save_book(book, path, overwrite=overwrite)


def _new_book():
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


# --------------------------------------------------------------------------- cascading


def cascading_table(pemda: Pemda, kode_opd: str | None = None,
                    config: AchievementConfig | None = None) -> pd.DataFrame:
    """The cascading matrix in tree order: one row per chosen indicator of each condition.

    With ``kode_opd`` the OPD's conditions and the conditions above them that they serve.
    Columns: ``level, id, kondisi, id_indikator, indikator, satuan, baseline``,
    ``target_<year>`` for every year, ``realisasi_<year>`` and ``capaian_<year>`` for every
    year with any realisation, ``temuan`` (method findings on the indicator, e.g. M07: a
    target not challenging, shown beside its achievement), ``kode_opd, opd, jabatan``.
    """
    values = indicator_achievement(pemda, config=config)
    achieved = {(r.id_indikator, r.tahun): r.capaian for r in values.itertuples()}
    notes = indicator_notes(pemda)
    nodes = pemda.tree_order()
    if kode_opd is not None:
        own = [n for n in nodes if pemda.node(n).get("kode_opd") == kode_opd]
        keep = set(own) | {a for n in own for a in pemda.ancestors(n)}
        nodes = [n for n in nodes if n in keep]
    years = pemda.years
    realised_years = pemda.realised_years()
    records = []
    for node_id in nodes:
        node = pemda.node(node_id)
        base = {"level": schema.LEVEL_LABELS.get(node.get("level"), node.get("level")),
                "id": node_id, "kondisi": node.get("pernyataan"), "kode_opd": node.get("kode_opd"),
                "opd": pemda.opd_name(node["kode_opd"]) if node.get("kode_opd") else None,
                "jabatan": node.get("jabatan")}
        chosen = pemda.chosen_indicators(node_id)
        for row in chosen or [None]:
            record = dict(base)
            if row is not None:
                record.update(id_indikator=row["id"], indikator=row.get("nama"),
                              satuan=row.get("satuan"), baseline=row.get("baseline"),
                              temuan=notes.get(row["id"]))
                for y in years:
                    record[f"target_{y}"] = row.get(f"target_{y}")
                for y in realised_years:
                    record[f"realisasi_{y}"] = row.get(f"realisasi_{y}")
                    record[f"capaian_{y}"] = achieved.get((row["id"], y))
            records.append(record)
    columns = ["level", "id", "kondisi", "id_indikator", "indikator", "satuan", "baseline",
               *(f"target_{y}" for y in years), *(f"realisasi_{y}" for y in realised_years),
               *(f"capaian_{y}" for y in realised_years), "temuan", "kode_opd", "opd", "jabatan"]
    return pd.DataFrame(records, columns=columns)


def export_cascading(pemda: Pemda, path: str | Path, kode_opd: str | None = None, *,
                     overwrite: bool = False, config: AchievementConfig | None = None) -> Path:
    """Write the cascading matrix (:func:`cascading_table`) as a formatted workbook."""
    frame = cascading_table(pemda, kode_opd, config)
    years = pemda.years
    realised = [int(c.split("_")[1]) for c in frame.columns if c.startswith("capaian_")]
    columns = [
        Col("level", width=20), Col("id", "ID kondisi", width=16),
        Col("kondisi", "Kondisi (sasaran)", "text", width=45), Col("id_indikator", width=16),
        Col("indikator", kind="text", width=40), Col("satuan", width=12),
        Col("baseline", width=11),
        *(Col(f"target_{y}", f"Target {y}", "number", 10) for y in years),
        *(Col(f"realisasi_{y}", f"Realisasi {y}", "number", 10) for y in realised),
        *(Col(f"capaian_{y}", f"Capaian {y} (%)", "percent", 10) for y in realised),
        Col("temuan", "Temuan pada indikator", width=30),
        Col("kode_opd", width=22), Col("opd", "OPD / unit pemilik", width=30),
        Col("jabatan", width=30),
    ]
    book = _new_book()
    _write_sheet(book, "cascading", frame, columns)
    _info_sheet(book, pemda, "Matriks cascading", kode_opd)
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- shared roots


def export_shared_roots(pemda: Pemda, path: str | Path, kode_opd: str | None = None, *,
                        year: int | None = None, overwrite: bool = False) -> Path:
    """Write the shared root problems, ranked (those an OPD takes part in, with ``kode_opd``),
    and the crosscutting requests they call for that the workbook lacks, for the workshop room.

    ``year`` (default: the latest with realisation) is the year of the shortfall figure."""
    year = year or pemda.default_year()
    shared = shared_roots(pemda, year)
    if kode_opd is not None:
        shared = touching(pemda, kode_opd, shared)
    candidates = crosscutting_candidates(pemda, shared)

    def names(codes: str) -> str:
        return ", ".join(pemda.opd_short(c) for c in str(codes).split(";") if c)

    shown = shared.assign(opd=[pemda.opd_short(c) for c in shared["kode_opd"]],
                          opd_inti=[names(c) for c in shared["opd_inti"]],
                          opd_akibat=[names(c) for c in shared["opd_akibat"]],
                          crosscutting_kurang=[names(c) for c in shared["crosscutting_kurang"]],
                          seri=[yes_no(v) for v in shared["seri"]])
    columns = [
        Col("peringkat", width=10), Col("seri", width=7),
        Col("id", "ID akar masalah", width=18), Col("pernyataan", "Akar masalah", width=40),
        Col("opd", "OPD pemilik akar", width=18),
        Col("opd_inti", width=26),
        Col("jumlah_opd_inti", width=9),
        Col("masalah_inti", width=26),
        Col("kondisi_pemda", width=16),
        Col("kekurangan", f"Kekurangan capaian {year} (poin)" if year else "Kekurangan capaian (poin)",
            "percent", 13),
        Col("kondisi_tertahan", width=34),
        Col("opd_akibat", width=26),
        Col("crosscutting_ada", width=34),
        Col("crosscutting_kurang", width=22),
    ]
    book = _new_book()
    _write_sheet(book, "akar_bersama", shown, columns)
    proposed = candidates.assign(nama_opd=[pemda.opd_short(c) for c in candidates["kode_opd"]],
                                 nama_mitra=[pemda.opd_short(c) for c in candidates["kode_opd_mitra"]])
    _write_sheet(book, "kandidat_crosscutting", proposed, [
        Col("akar_masalah", kind="code", width=18), Col("kode_opd", "Kode OPD peminta", width=22),
        Col("nama_opd", "OPD peminta", width=18), Col("id_pohon", width=16),
        Col("kode_opd_mitra", "Kode OPD mitra", width=22), Col("nama_mitra", width=18),
        Col("peran", "Peran yang diusulkan", width=50), Col("status", width=22),
    ])
    _info_sheet(book, pemda, "Akar masalah bersama", kode_opd)
    info = book["info"]
    info.append(["Aturan", "Akar masalah bersama: masalah tanpa penyebab di pohon masalah gabungan yang "
                 "akibatnya sampai ke masalah inti dua OPD atau lebih, atau ke masalah asal sasaran daerah. "
                 "Peringkat: jumlah OPD yang masalah intinya dicapai, lalu jumlah sasaran daerah, lalu "
                 "kekurangan capaian; sama pada ketiganya = seri."])
    if shared.empty:
        info.append(["Catatan", "Belum ada akar masalah bersama: isi kolom menyebabkan di sheet masalah "
                     "dengan ID masalah OPD lain yang diakibatkannya."])
    if candidates.empty:
        info.append(["Kandidat", "Tidak ada kandidat crosscutting: semua OPD yang menanggung akibat sudah "
                     "meminta dukungan OPD pemilik akarnya."])
    else:
        info.append(["Kandidat", "Sheet kandidat_crosscutting berisi usulan, tidak ditulis ke workbook "
                     "masukan: salin ke sheet lintas_opd bila disepakati."])
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- LKE estimate


def export_lke(pemda: Pemda, path: str | Path, kode_opd: str | None = None, *,
               year: int | None = None, overwrite: bool = False) -> Path:
    """The estimated LKE answers in the worksheet's own layout (component, sub-component,
    criterion, estimated answer, share, notes, recommendation), for the Pemda or one OPD, so an
    inspectorate can paste it into its internal evaluation. Says on every page that it is an
    estimate from the workbook, not the evaluator's verdict."""
    year = year or pemda.default_year()
    frame = lke_table(estimate(check(pemda, CheckConfig(tahun=year)), year)[kode_opd], limit=30)
    decided = frame["jawaban"] != NOT_DECIDED
    frame["catatan"] = [
        (f"{row.cara_hitung} {row.terpenuhi} dari {row.unsur} unsur terpenuhi."
         + (f" Yang menahan: {row.tertahan}." if row.tertahan else "")) if ok
        else f"Tidak dapat diperkirakan dari workbook; bukti yang diminta: {row.bukti_evaluator}"
        for ok, row in zip(decided, frame.itertuples())]
    frame["rekomendasi"] = [
        (f"Perbaiki untuk naik satu tingkat: {row.naik_satu_tingkat}." if row.naik_satu_tingkat
         else "Pertahankan.") if ok else "Siapkan bukti dokumen untuk evaluator."
        for ok, row in zip(decided, frame.itertuples())]
    columns = [
        Col("komponen", width=20), Col("subkomponen", width=20),
        Col("kriteria", width=9), Col("uraian", "Uraian kriteria", width=40),
        Col("jawaban", width=13), Col("persen", width=12),
        Col("catatan", width=60), Col("rekomendasi", width=45),
    ]
    book = _new_book()
    _write_sheet(book, "lke", frame, columns)
    sheet = book["lke"]
    sheet.oddHeader.center.text = "Perkiraan dari workbook, bukan keputusan evaluator"
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    _info_sheet(book, pemda, "Perkiraan jawaban LKE (PermenPANRB 88/2021)", kode_opd)
    info = book["info"]
    info.append(["Tahun capaian", year])
    info.append(["Catatan", ESTIMATE_NOTE])
    info.append(["Jawaban", "; ".join(f"{g.answer}: {g.text} (nilai {g.value:g})" for g in read_grades())])
    info.append(["Sumber", "Tabel kriteria data/lke_kriteria.csv dan jawaban data/lke_jawaban.csv "
                           "(PermenPANRB 88/2021); ubah salinannya untuk mengikuti aturan yang lebih baru."])
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- crosscutting


def export_crosscutting(pemda: Pemda, path: str | Path, kode_opd: str | None = None, *,
                        overwrite: bool = False) -> Path:
    """Write the crosscutting requests and the OPD x OPD matrix as a formatted workbook."""
    table = requests(pemda)
    if kode_opd is not None:
        table = table[(table["kode_opd"] == kode_opd) | (table["kode_opd_mitra"] == kode_opd)]
    columns = [
        Col("kode_opd", "Kode OPD peminta", width=22), Col("nama_opd", "OPD peminta", width=30),
        Col("id_pohon", width=16), Col("pernyataan", "Kondisi yang membutuhkan", width=40),
        Col("kode_opd_mitra", "Kode OPD mitra", width=22), Col("nama_mitra", width=30),
        Col("id_pohon_mitra", "ID kondisi mitra", width=16),
        Col("pernyataan_mitra", "Kondisi mitra yang mendukung", width=40),
        Col("peran", "Peran mitra", width=40), Col("status", width=12),
    ]
    book = _new_book()
    _write_sheet(book, "permintaan", table.reset_index(drop=True), columns)
    counts = matrix(pemda)
    if kode_opd is not None:
        counts = counts.loc[[kode_opd]]
    counts = counts.loc[:, counts.sum(axis=0) > 0] if kode_opd is not None else counts
    frame = counts.reset_index()
    frame.insert(1, "nama_peminta", [pemda.opd_name(c) for c in frame["peminta"]])
    matrix_columns = [Col("peminta", "Kode OPD peminta", "code", width=22),
                      Col("nama_peminta", "OPD peminta", width=30)]
    matrix_columns += [Col(c, pemda.opd_short(c), "count", 11) for c in counts.columns]
    _write_sheet(book, "matriks", frame, matrix_columns)
    _info_sheet(book, pemda, "Crosscutting antar-OPD (matriks: baris peminta, kolom mitra; "
                              "sel kosong berarti tidak ada permintaan)", kode_opd)
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- Manual IKU


def export_manual_iku(pemda: Pemda, path: str | Path, kode_opd: str | None = None, *,
                      overwrite: bool = False) -> Path:
    """Write the Manual IKU (:func:`pohon_nb.method.indicators.manual_iku`) as a formatted workbook."""
    frame = manual_iku(pemda, kode_opd)
    wide = {"definisi", "alasan", "formula", "sasaran", "nama"}
    kinds = {"kode": "code", "baseline": "number", "tahun_baseline": "int"}
    columns = [Col("kode_opd", width=22)]
    columns += [Col(field, label, kinds.get(field, "text"), 40 if field in wide else 14)
                for field, label in MANUAL_FIELDS]
    columns += [Col(f"target_{y}", f"Target {y}", "number", 10) for y in pemda.years]
    columns += [Col("belum_diisi", "Isian yang belum lengkap", width=40)]
    book = _new_book()
    _write_sheet(book, "manual_iku", frame, columns)
    _info_sheet(book, pemda, "Manual IKU", kode_opd)
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- findings


def export_findings(pemda: Pemda, findings: list[Finding], path: str | Path,
                    kode_opd: str | None = None, *, overwrite: bool = False) -> Path:
    """Write validation findings, one row each, as a formatted workbook."""
    rows = [f.as_dict() for f in findings if kode_opd is None or f.kode_opd == kode_opd]
    frame = pd.DataFrame(rows, columns=["severity", "code", "title", "criterion", "kode_opd",
                                        "sheet", "row", "column", "ref", "message", "file"])
    frame["severity"] = frame["severity"].map({"error": "galat", "warning": "peringatan",
                                               "info": "info"})
    frame.insert(5, "opd", [pemda.opd_name(c) if c else "" for c in frame["kode_opd"]])
    columns = [
        Col("severity", width=12), Col("code", width=8),
        Col("title", width=36), Col("criterion", width=10),
        Col("kode_opd", width=22), Col("opd", width=30),
        Col("sheet", width=14), Col("row", width=8),
        Col("column", width=16), Col("ref", width=18),
        Col("message", width=70), Col("file", width=30),
    ]
    book = _new_book()
    _write_sheet(book, "temuan", frame, columns)
    _info_sheet(book, pemda, "Temuan pemeriksaan workbook", kode_opd)
    return _save(book, path, overwrite)


# --------------------------------------------------------------------------- follow-up


FOLLOW_UP_WIDTHS = {"id": 14, "kode_opd": 24, "tindakan": 50, "kode_aturan": 9, "ref": 22, "kriteria": 9,
                    "penanggung_jawab": 22, "tenggat": 12, "status": 12, "catatan": 40}


def export_follow_up(pemda: Pemda, proposed: pd.DataFrame, reviewed: pd.DataFrame, path: str | Path,
                     *, overwrite: bool = True) -> Path:
    """The proposed follow-up, in a sheet ``tindak_lanjut`` whose headers are the input contract's
    (rows copied from it into the workbook's own ``tindak_lanjut`` sheet are read as they are),
    and the agreed actions as this version of the workbook leaves them (sheet ``tinjauan``).
    A new file beside the outputs: the user's workbook is never written."""
    from ..method.follow_up import COLUMNS

    contract = [Col(c, header=c, kind="code" if c in ("id", "kode_opd", "kode_aturan", "ref", "kriteria")
                    else "text", width=FOLLOW_UP_WIDTHS[c]) for c in COLUMNS]
    review = [*contract, Col("keadaan", "Keadaan", "text", 16), Col("alasan", "Alasan", "text", 40)]
    notes = [("Cara memakai",
              "Bahas usulan di sheet tindak_lanjut bersama OPD, hapus yang tidak disepakati, isi "
              "penanggung_jawab dan tenggat, lalu salin barisnya ke sheet tindak_lanjut di workbook "
              "input (buat sheet itu bila belum ada). Batch berikutnya melaporkan setiap tindakan: "
              "selesai, terbuka, lewat tenggat atau tidak diperlukan."),
             ("Urutan usulan",
              "Per OPD, kriteria LKE yang paling sedikit perbaikannya untuk naik satu tingkat lebih "
              "dulu (perkiraan dari workbook, bukan keputusan evaluator).")]
    sheets = [("tindak_lanjut", proposed, contract), ("tinjauan", reviewed, review)]
    return export_tables(pemda, path, sheets, notes, what="Usulan dan tinjauan tindak lanjut asistensi",
                         overwrite=overwrite)
