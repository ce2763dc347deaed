"""Renstra import: the two real tables counted by hand, synthetic tables for the header variants.

The real tables (../shared/real/, Sumedang's Diskominfo and BKPSDM) are read as they are:
HTML exports turned back into Excel, with rows pushed out from under their headers by merged
cells, codes split over five columns, a bidang cell holding "2 Paket", targets such as "A"
and "2900 orang 10 kali". The numbers below were counted by a person from the sheets.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from workbooks import SHARED

from pohon_nb.cli import main
from pohon_nb.core.cells import as_text
from pohon_nb.core.findings import RULES
from pohon_nb.core.paths import SAMPLE
from pohon_nb.impor.renstra import (
    OpdSpec,
    RenstraError,
    base_tables,
    import_renstra,
    parse_measure,
    proposed_statement,
    read_amount,
    split_indicators,
    write_import,
)
from pohon_nb.method.checks import validate

REAL = SHARED / "real"
DISKOMINFO = REAL / "renstra_sumedang_diskominfo.xlsx"
BKPSDM = REAL / "renstra_sumedang_bkpsdm.xlsx"
needs_real = pytest.mark.skipif(not (DISKOMINFO.exists() and BKPSDM.exists()),
                                reason=f"tabel Renstra nyata tidak ada di {REAL} (shared/ tidak tersedia)")
SUMEDANG = {"kode_pemda": "3211", "nama_pemda": "Kabupaten Sumedang"}
KOMINFO, BKPSDM_CODE = "2.16.2.20.2.21.0000", "5.03.5.04.0.00.0000"


def _real(**kwargs):
    specs = [OpdSpec(KOMINFO, "Diskominfo"), OpdSpec(BKPSDM_CODE, "BKPSDM")]
    return import_renstra([DISKOMINFO, BKPSDM], specs, pemda=SUMEDANG, period=(2019, 2023), **kwargs)


def _rows(result, sheet, kode_opd=None):
    rows = result.tables[sheet]
    if kode_opd is None:
        return rows
    ids = {r["id"] for r in result.tables["pohon"] if r["kode_opd"] == kode_opd}
    if sheet == "pohon":
        return [r for r in rows if r["kode_opd"] == kode_opd]
    return [r for r in rows if r["id_pohon"] in ids]


def _by(rows, key):
    return Counter(r[key] for r in rows)


def _findings(result, code, file=None):
    return [f for f in result.findings if f.code == code and (file is None or Path(f.file).name == file)]


def _every_cell_mapped_or_reported(result, path):
    """Every non-empty cell of the sheet, read here independently, is mapped or reported."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    reported = result.reported()
    lost = []
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or str(cell.value).strip() == "":
                continue
            key = (str(path), ws.title, cell.coordinate)
            if key not in result.trace and key not in reported:
                lost.append((cell.coordinate, cell.value))
    assert lost == []


# --------------------------------------------------------------------------- the real tables


@needs_real
def test_diskominfo_counts_as_a_person_counts_them():
    result = _real()
    nodes = _rows(result, "pohon", KOMINFO)
    # Tujuan: V6, A9, A19; sasaran: W6, B9, B15, B19; programs at rows 7, 10, 16, 20;
    # kegiatan at rows 8, 11, 13, 17, 18, 21 (no sub kegiatan: no 4-digit code).
    assert _by(nodes, "komponen") == {"tujuan": 3, "sasaran_strategis": 4, "sasaran_program": 4,
                                      "sasaran_kegiatan": 6}
    # Indicators: 4 sasaran (X6, C9, C15, C19) + 4 program + 6 kegiatan.
    indicators = _rows(result, "indikator", KOMINFO)
    assert len(indicators) == 14
    assert _by(indicators, "jenis") == {"outcome": 8, "output": 6}
    # Codes split over D-H joined; E18 holds "2 Paket": the kegiatan still sits under 2.21.02.
    codes = {r["kode_kegiatan"] or r["kode_program"] for r in nodes if r["level"] != "intermediate"}
    assert codes == {"2.16.02", "2.16.02.2.01", "2.16.03", "2.16.03.2.01", "2.16.03.2.02", "2.21.02",
                     "2.21.02.2.01", "2.21.02.2.02", "2.20.02", "2.20.02.2.01"}
    by_id = {r["id"]: r for r in nodes}
    assert by_id[f"{KOMINFO}-2.21.02.2.02"]["induk"] == f"{KOMINFO}-2.21.02"
    bad_code = _findings(result, "R08", DISKOMINFO.name)
    assert [(f.row, f.column_letter) for f in bad_code] == [(18, "E")] and "2 Paket" in bad_code[0].message


@needs_real
def test_diskominfo_values_read_from_shifted_rows():
    result = _real()
    indicators = {r["nama"]: r for r in _rows(result, "indikator", KOMINFO)}
    spbe = indicators["Nilai SPBE"]  # C9: L9..S9 = 3.81, 4, 4.1, 4.2, 4.2 (decimal point)
    assert (spbe["baseline"], spbe["target_2021"], spbe["target_2022"], spbe["target_2023"]) == \
        (3.81, 4, 4.1, 4.2)
    # Row 6 was pushed 21 columns right (V6..AP6): its sasaran indicator keeps its values.
    kepuasan = next(r for n, r in indicators.items() if n.startswith("Persentase Kepuasan Masyarakat"))
    assert (kepuasan["satuan"], kepuasan["baseline"], kepuasan["target_2021"], kepuasan["target_2023"]) == \
        ("%", 32.25, 42.5, 60)
    # Row 13 was pushed by the merges of row 11: "8", "12", "14" and "14 sistem".
    egov = indicators["Jumlah Pembangunan Sistem Informasi Manajemen Perangkat Daerah"]
    assert (egov["satuan"], egov["target_2021"], egov["target_2022"], egov["target_2023"],
            egov["kondisi_akhir"]) == ("sistem", 8, 12, 14, 14)
    # "Indikator Program (Outcome) :" and "Indikator Keluaran Kegiatan :" are labels, not names.
    assert not any(n.lower().startswith("indikator") for n in indicators)
    shifted = sorted(f.row for f in _findings(result, "R03", DISKOMINFO.name))
    assert shifted == [6, 13]


@needs_real
def test_diskominfo_budget_adds_up_to_the_sasaran_totals():
    result = _real()
    lines = _rows(result, "anggaran", KOMINFO)
    assert len(lines) == 17  # 6 kegiatan x 3 years, less N18 "-"
    per_year = Counter()
    for line in lines:
        per_year[line["tahun"]] += line["pagu"]
    # The sasaran rows' own Rp (AI6/AK6/AM6, N9.., N15.., N19..), added by hand.
    assert per_year == {2021: 1_775_000_000 + 5_883_282_200 + 434_000_000 + 294_000_000,
                        2022: 2_330_000_000 + 6_545_000_000 + 607_000_000 + 320_000_000,
                        2023: 2_670_000_000 + 7_215_000_000 + 681_000_000 + 350_000_000}
    assert _findings(result, "R10", DISKOMINFO.name) == []  # every total of the table adds up


@needs_real
def test_bkpsdm_counts_as_a_person_counts_them():
    result = _real()
    nodes = _rows(result, "pohon", BKPSDM_CODE)
    # Row 4 (urusan KEPEGAWAIAN 5.03) totals only; tujuan A5 and D22, sasaran B5 and E22;
    # programs 5.03.01 (row 8) and 5.03.02 (row 24); kegiatan rows 14-21 and 28-31.
    assert _by(nodes, "komponen") == {"tujuan": 2, "sasaran_strategis": 2, "sasaran_program": 2,
                                      "sasaran_kegiatan": 12}
    indicators = _rows(result, "indikator", BKPSDM_CODE)
    # Sasaran: C5, C6, C7, F22, F23; program 5.03.01: J8 + J9..J13 below it; program 5.03.02:
    # M24..M27; one per kegiatan.
    assert len(indicators) == 5 + 6 + 4 + 12
    owners = _by(indicators, "id_pohon")
    assert owners[f"{BKPSDM_CODE}-5.03.01"] == 6 and owners[f"{BKPSDM_CODE}-5.03.02"] == 4
    # The rows from 24 on lack the urusan "5" in their code: completed from row 4, said so.
    kegiatan = {r["kode_kegiatan"] for r in nodes if r["komponen"] == "sasaran_kegiatan"}
    assert {"5.03.02.2.01", "5.03.02.2.04", "5.03.01.2.09"} <= kegiatan
    assert sorted(f.row for f in _findings(result, "R07", BKPSDM.name)) == [24, 28, 29, 30, 31]


@needs_real
def test_bkpsdm_budget_adds_up_to_the_urusan_totals():
    result = _real()
    per_year = Counter()
    for line in _rows(result, "anggaran", BKPSDM_CODE):
        per_year[line["tahun"]] += line["pagu"]
    assert per_year == {2021: 15_214_568_742, 2022: 30_614_153_432, 2023: 27_102_125_049}  # M4, O4, Q4
    # S4 (end of period, 47,496,043,200) is program 5.03.02's own total, not the urusan's.
    mismatch = _findings(result, "R10", BKPSDM.name)
    assert [(f.row, f.column_letter) for f in mismatch] == [(4, "S")]
    assert "47.496.043.200" in mismatch[0].message and "72.930.847.223" in mismatch[0].message


@needs_real
def test_bkpsdm_values_never_guessed():
    result = _real()
    indicators = {r["nama"]: r for r in _rows(result, "indikator", BKPSDM_CODE)}
    sakip = indicators["Nilai Sakip Perangkat Daerah"]  # "A" in K5, L5, N5, P5, R5
    assert not any(k.startswith("target_") and sakip[k] is not None for k in sakip)
    assert "target 2021: A" in sakip["catatan_impor"]
    assert {(f.row, f.column_letter) for f in _findings(result, "R05", BKPSDM.name) if f.row == 5} == \
        {(5, "K"), (5, "L"), (5, "N"), (5, "P"), (5, "R")}
    mutasi = indicators["Jumlah Mutasi dan Promosi ASN"]  # O29 "2900 orang 10 kali"
    assert mutasi.get("target_2021") is None and "2900 orang 10 kali" in mutasi["catatan_impor"]
    # "24 Dokumen", "26 dokumen": the unit of the yearly targets; "100%" beside them is reported.
    dokumen = indicators["Jumlah Dokumen Perencanaan, Penganggaran dan Laporan Evaluasi Kinerja SKPD"]
    assert (dokumen["satuan"], dokumen["target_2021"], dokumen["target_2023"]) == ("dokumen", 24, 26)
    assert dokumen.get("baseline") is None
    assert any(f.row == 14 and f.column_letter == "K" for f in _findings(result, "R06", BKPSDM.name))
    merit = indicators["Indeks Sistem Merit ASN"]  # F23, N23.. pushed three columns right
    assert (merit["baseline"], merit["target_2021"], merit["target_2022"], merit["target_2023"]) == \
        (52, 69, 74, 79)


@needs_real
@pytest.mark.parametrize("path", [DISKOMINFO, BKPSDM], ids=["diskominfo", "bkpsdm"])
def test_no_cell_text_lost(path):
    _every_cell_mapped_or_reported(_real(), path)


@needs_real
def test_statements_are_proposals_and_validate_flags_them(tmp_path):
    result = _real()
    program = next(r for r in result.tables["pohon"] if r["id"] == f"{BKPSDM_CODE}-5.03.02")
    assert program["pernyataan"] == "Tercapainya sasaran program kepegawaian daerah"
    assert "PROGRAM KEPEGAWAIAN DAERAH" in program["keterangan"] and "L24" in program["keterangan"]
    out = write_import(result, tmp_path / "sumedang.xlsx")
    pemda, findings = validate(out)
    assert [f for f in findings if f.severity == "error"] == []
    flagged = {f.ref for f in findings if f.code == "M01"}
    programs = {r["id"] for r in result.tables["pohon"] if r["komponen"] == "sasaran_program"}
    assert programs <= flagged  # an evaluator's first remark: a program's name is not a condition
    assert len(pemda.opd_codes()) == 2
    assert "catatan_impor" in openpyxl.load_workbook(out, read_only=True).sheetnames


@needs_real
def test_cli_import_then_validate(tmp_path, capsys):
    out = tmp_path / "sumedang.xlsx"
    code = main(["impor", "renstra", str(DISKOMINFO), str(BKPSDM), "--out", str(out),
                 "--pemda", "3211:Kabupaten Sumedang", "--periode", "2019-2023"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "renstra_sumedang_bkpsdm.xlsx: 2 tujuan, 2 sasaran, 2 program, 12 kegiatan" in printed
    assert "Sel E18 ('2 Paket') bukan bagian kode" in printed
    # No --kode-opd: the first program's urusan/bidang code, said so.
    assert "dipakai kode bidang urusan program pertamanya '2.16'" in printed
    assert main(["validate", str(out)]) == 0
    assert "Ringkasan: 0 galat" in capsys.readouterr().out
    # The same command again does not overwrite the workbook the user may have edited.
    before = out.read_bytes()
    assert main(["impor", "renstra", str(DISKOMINFO), "--out", str(out), "--pemda", "3211:X",
                 "--periode", "2019-2023"]) == 1
    assert out.read_bytes() == before and "tidak ditimpa" in capsys.readouterr().err


# --------------------------------------------------------------------------- synthetic tables


def _table(path, header, rows, merges=(), number_row=True, text=False):
    """Write a Renstra-like sheet: header rows, an optional column-number row, data rows.

    With ``text``, strings starting like a formula are stored as text, as Excel stores what a
    user types after a quote; otherwise openpyxl writes them as formulas never computed.
    """
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "T-C.27"
    for r, values in enumerate(header, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    first = len(header) + 1
    if number_row:
        for c in range(1, len(header[0]) + 1):
            ws.cell(first, c, c)
        first += 1
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if text:
                    as_text(cell)
    for merge in merges:
        ws.merge_cells(merge)
    book.save(path)
    return path


HEADER3 = [
    ["Tujuan", "Sasaran", "Indikator Kinerja Sasaran", "Kode", "Program dan Kegiatan",
     "Indikator Kinerja Program (outcome) dan Kegiatan (output)", "Kondisi Kinerja Awal",
     "Target Kinerja dan Kerangka Pendanaan", None, None, None, "Kondisi Kinerja pada Akhir Periode",
     None, "Unit Kerja Penanggung Jawab", "Lokasi", "Keterangan"],
    [None] * 7 + ["Tahun 2019", None, "Tahun 2020", None, None, None, None, None, None],
    [None] * 7 + ["K", "Rp", "K", "Rp", "K", "Rp", None, None, None],
]
HEADER3_MERGES = ["H1:K1", "L1:M1", "H2:I2", "J2:K2", "A1:A3", "B1:B3", "N1:N3"]


def _dinkes(tmp_path, *, program_rp=("Rp 1.500.000.000", "1.700.000.000")):
    rows = [
        ["Meningkatnya derajat kesehatan masyarakat", "Menurunnya angka kesakitan",
         "Prevalensi stunting", None, None, None, "24,5 %", "22 %", None, "20 %", None, "14 %", None,
         "Dinas Kesehatan", "Kabupaten", None],
        [None, None, None, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN "
         "MASYARAKAT", "1. Persentase balita ditimbang\n2. Cakupan imunisasi dasar lengkap", "70 %\n80 %",
         "75 %\n85 %", program_rp[0], "80 %\n90 %", program_rp[1], None, None, "Bidang Kesmas", None, None],
        [None, None, None, "1.02.02.2.01", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan",
         "Indikator Kegiatan: Jumlah puskesmas terakreditasi", "10 Puskesmas", "12 Puskesmas",
         "1.000.000.000", "14 Puskesmas", "1.200.000.000", "14 Puskesmas", "2.200.000.000",
         "Bidang Yankes", None, None],
        [None, None, None, "1.02.02.2.01.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
         "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar", "900 orang",
         "950 orang", "600.000.000", "1.000 orang", "700.000.000", None, None, "Seksi Kesga", None, None],
        [None, None, None, "1.02.02.2.01.0002", "Pengelolaan Pelayanan Kesehatan Balita",
         "Jumlah balita yang mendapatkan pelayanan kesehatan sesuai standar", None, "A", "400.000.000",
         "-", "500.000.000", None, None, None, None, "diusulkan naik"],
        [None, None, None, "1.02.02.2.02", "Koordinasi Lintas Sektor", "Jumlah rapat koordinasi",
         "4 kali", "4 kali", "500.000.000", "4 kali", "500.000.000", None, None, None, None, None],
    ]
    return _table(tmp_path / "renstra_dinkes.xlsx", HEADER3, rows,
                  merges=HEADER3_MERGES + ["A5:A10", "B5:B10"])


def test_three_header_rows_number_row_single_code_column_and_sub_kegiatan(tmp_path):
    path = _dinkes(tmp_path)
    result = import_renstra([path], [OpdSpec("1.02.0.00.0.00.01.0000", "Dinas Kesehatan")],
                     pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    nodes = {r["id"].split("-", 1)[1]: r for r in result.tables["pohon"]}
    assert _by(nodes.values(), "komponen") == {"tujuan": 1, "sasaran_strategis": 1, "sasaran_program": 1,
                                               "sasaran_kegiatan": 2, "sub_kegiatan": 2}
    sub = nodes["1.02.02.2.01.0001"]
    assert sub["induk"].endswith("-1.02.02.2.01") and sub["level"] == "output"
    assert sub["kode_kegiatan"] == "1.02.02.2.01" and sub["kode_program"] == "1.02.02"
    assert result.years == [2019, 2020] and result.tables["pemda"][0]["periode_awal"] == 2019
    indicators = {r["nama"]: r for r in result.tables["indikator"]}
    # Two indicators stacked in one cell, their targets stacked the same way: split together.
    assert (indicators["Persentase balita ditimbang"]["target_2020"],
            indicators["Cakupan imunisasi dasar lengkap"]["target_2020"]) == (80, 90)
    stunting = indicators["Prevalensi stunting"]
    assert (stunting["baseline"], stunting["target_2019"], stunting["kondisi_akhir"]) == (24.5, 22, 14)
    ibu_hamil = indicators["Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar"]
    assert ibu_hamil["target_2020"] == 1000  # "1.000 orang": a thousands point
    assert indicators["Jumlah puskesmas terakreditasi"]["satuan"] == "puskesmas"  # label stripped
    # Budget lines at the lowest level: sub kegiatan under 2.01, the kegiatan 2.02 itself.
    lines = Counter((r["kode_sub_kegiatan"], r["tahun"]) for r in result.tables["anggaran"])
    assert set(lines) == {("1.02.02.2.01.0001", 2019), ("1.02.02.2.01.0001", 2020),
                          ("1.02.02.2.01.0002", 2019), ("1.02.02.2.01.0002", 2020),
                          ("1.02.02.2.02", 2019), ("1.02.02.2.02", 2020)}
    assert _findings(result, "R10") == []  # 1.000.000.000 = 600.000.000 + 400.000.000, and so on
    # "A" is text, the unknown column "Keterangan" is reported with its cell address.
    assert [(f.row, f.column_letter) for f in _findings(result, "R05")] == [(9, "H")]
    unknown = _findings(result, "R04")
    assert [(f.row, f.column_letter) for f in unknown] == [(9, "P")] and "Keterangan" in unknown[0].message
    _every_cell_mapped_or_reported(result, path)
    tables_ok(result, tmp_path)


def tables_ok(result, tmp_path):
    """The written workbook validates without errors."""
    out = write_import(result, tmp_path / "hasil.xlsx", overwrite=True)
    _, findings = validate(out)
    assert [f.message for f in findings if f.severity == "error"] == []


def test_a_total_that_does_not_add_up_is_reported(tmp_path):
    path = _dinkes(tmp_path, program_rp=("1.600.000.000", "1.700.000.000"))
    result = import_renstra([path], pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    mismatch = _findings(result, "R10")
    assert [(f.row, f.column_letter) for f in mismatch] == [(6, "I")]
    assert "1.600.000.000" in mismatch[0].message and "1.500.000.000" in mismatch[0].message


RELATIVE = [
    ["Tujuan", "Sasaran", "Indikator Sasaran", "Kode", None, None, None, "Program, Kegiatan dan Sub Kegiatan",
     "Indikator Kinerja Program (Outcome), Kegiatan (Output)", "Data Capaian pada Tahun Awal Perencanaan",
     "Target Kinerja Program dan Kerangka Pendanaan", None, None, None],
    [None] * 10 + ["Tahun-1", None, "Tahun-2", None],
    [None] * 10 + ["Target", "Rp", "Target", "Rp"],
]


def _relative(tmp_path):
    rows = [
        ["Meningkatnya tata kelola", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", None, None, None,
         None, None, None, "62,5", "65", None, "70", None],
        [None, None, None, "6", "01", "01", None, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
         "Persentase dokumen perencanaan tepat waktu", "100%", "100%", "150.000.000", "100%", "160.000.000"],
        [None, None, None, None, None, None, "2,01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
         "Jumlah dokumen perencanaan", "5 dokumen", "5 dokumen", "150.000.000", "5 dokumen", "160.000.000"],
    ]
    return _table(tmp_path / "renstra_bappeda.xlsx", RELATIVE, rows, number_row=False,
                  merges=["D1:G3", "K1:N1", "K2:L2", "M2:N2"])


def test_relative_years_need_the_period(tmp_path, capsys):
    path = _relative(tmp_path)
    result = import_renstra([path], pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    assert [f.code for f in result.errors] == ["R02"] and "--periode" in result.errors[0].message
    out = tmp_path / "hasil.xlsx"
    assert main(["impor", "renstra", str(path), "--out", str(out), "--pemda", "3525:Kabupaten Contoh"]) == 1
    assert not out.exists() and "Tahun-1" in capsys.readouterr().out
    result = import_renstra([path], pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"},
                     period=(2025, 2029))
    assert result.errors == [] and result.years == [2025, 2026, 2029]
    indicators = {r["nama"]: r for r in result.tables["indikator"]}
    assert (indicators["Nilai SAKIP"]["baseline"], indicators["Nilai SAKIP"]["target_2026"]) == (62.5, 70)
    # The kegiatan row carries only its own piece "2,01" (decimal comma): the code is completed
    # from its program above, as tables that split the code by level do.
    nodes = {r["kode_kegiatan"] for r in result.tables["pohon"] if r["kode_kegiatan"]}
    assert nodes == {"6.01.01.2.01"}
    tables_ok(result, tmp_path)


OFFICIAL = [  # T-C.27 as Permendagri 86/2017 prints it: one indicator column for every level
    ["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan",
     "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
     "Data Capaian pada Tahun Awal Perencanaan", "Target Kinerja Program dan Kerangka Pendanaan", None, None,
     None, "Unit Kerja Perangkat Daerah Penanggung-jawab", "Lokasi"],
    [None] * 6 + ["Tahun 2025", None, "Tahun 2026", None, None, None],
    [None] * 6 + ["Target", "Pagu Indikatif (Rp)", "Target", "Pagu Indikatif (Rp)", None, None],
]


def test_the_official_layout_with_one_indicator_column(tmp_path):
    rows = [
        ["Meningkatnya kualitas pelayanan publik", "Meningkatnya kepuasan masyarakat", None, None,
         "Indeks Kepuasan Masyarakat", "75", "78", None, "80", None, "Sekretariat", None],
        [None, None, None, None, "Persentase pengaduan yang ditindaklanjuti", "85%", "90%", None, "95%", None,
         None, None],
        [None, None, "4.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Nilai SAKIP OPD", "60",
         "65", "Rp 2.000.000.000", "70", "Rp 2.100.000.000", "Sekretariat", "Kabupaten"],
        [None, None, None, None, "Persentase dokumen perencanaan tepat waktu", "90%", "100%", None, "100%",
         None, None, None],
    ]
    path = _table(tmp_path / "renstra_setda.xlsx", OFFICIAL, rows, merges=["G1:J1", "G2:H2", "I2:J2"])
    result = import_renstra([path], [OpdSpec("4.01", "Sekretariat Daerah")],
                            pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    owners = _by(result.tables["indikator"], "id_pohon")
    assert owners == {"4.01-S1": 2, "4.01-4.01.01": 2}
    ikm = next(r for r in result.tables["indikator"] if r["nama"] == "Indeks Kepuasan Masyarakat")
    assert (ikm["baseline"], ikm["target_2025"], ikm["target_2026"], ikm["jenis"]) == (75, 78, 80, "outcome")
    assert {(r["tahun"], r["pagu"]) for r in result.tables["anggaran"]} == {(2025, 2e9), (2026, 2.1e9)}
    assert [f for f in result.findings if f.severity != "info"] == []
    _every_cell_mapped_or_reported(result, path)
    tables_ok(result, tmp_path)


def test_a_file_that_is_not_a_renstra_table(tmp_path):
    result = import_renstra([SAMPLE], pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    assert [f.code for f in result.errors] == ["R01"]
    assert "baris judul tabel Renstra" in result.errors[0].message
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan xlsx")
    result = import_renstra([broken], pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    assert [f.code for f in result.errors] == ["R01"] and "tidak dapat dibaca" in result.errors[0].message


def test_added_to_an_existing_workbook_which_stays_untouched(tmp_path, capsys):
    path = _dinkes(tmp_path)
    out = tmp_path / "contoh_plus.xlsx"
    digest = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    code = main(["impor", "renstra", str(path), "--out", str(out), "--tambah-ke", str(SAMPLE),
                 "--kode-opd", "DINKES-RENSTRA", "--nama-opd", "Dinas Kesehatan (Renstra)"])
    assert code == 0, capsys.readouterr()
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == digest
    pemda, findings = validate(out)
    assert [f for f in findings if f.severity == "error"] == []
    sample_opds = len(base_tables(SAMPLE)[0]["opd"])
    assert len(pemda.opd_codes()) == sample_opds + 1 and "DINKES-RENSTRA" in pemda.opd_codes()
    assert pemda.info["kode_pemda"] == "3599"
    # A code already in the workbook is refused; the output must not be an input.
    assert main(["impor", "renstra", str(path), "--out", str(tmp_path / "x.xlsx"), "--tambah-ke",
                 str(SAMPLE), "--kode-opd", pemda.opd_codes()[0]]) == 2
    assert "sudah ada di workbook" in capsys.readouterr().err
    assert main(["impor", "renstra", str(path), "--out", str(path), "--pemda", "1:X"]) == 2
    assert "sama dengan berkas masukan" in capsys.readouterr().err


def test_without_a_pemda_the_import_says_what_to_write(tmp_path):
    with pytest.raises(RenstraError, match="--pemda KODE:NAMA"):
        import_renstra([_dinkes(tmp_path)])


def test_formula_like_text_is_written_as_text(tmp_path):
    rows = [["=HYPERLINK(\"http://x\")", "+Meningkatnya layanan", "@Indeks", None, None, None, "1", "2",
             None, "3", None, None, None, "-Bidang", None, None]]
    path = _table(tmp_path / "renstra_jahat.xlsx", HEADER3, rows, merges=HEADER3_MERGES, text=True)
    result = import_renstra([path], pemda={"kode_pemda": "1", "nama_pemda": "X"})
    out = write_import(result, tmp_path / "hasil.xlsx")
    book = openpyxl.load_workbook(out)
    formulas = [c.coordinate for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert book["pohon"]["D2"].value == "=HYPERLINK(\"http://x\")"


def test_a_formula_never_computed_is_reported_not_skipped(tmp_path):
    rows = [["Meningkatnya layanan", "Meningkatnya mutu", "Indeks kepuasan", None, None, None, "=1+1",
             "80", None, "85", None, None, None, None, None, None]]
    path = _table(tmp_path / "renstra_rumus.xlsx", HEADER3, rows, merges=HEADER3_MERGES)
    result = import_renstra([path], pemda={"kode_pemda": "1", "nama_pemda": "X"})
    found = [f for f in result.findings if f.code == "R04" and "rumus" in f.message]
    assert [(f.row, f.column_letter) for f in found] == [(5, "G")]


# --------------------------------------------------------------------------- cell readers


@pytest.mark.parametrize("text,thousands,expected", [
    ("3 Laporan", ".", (3, "laporan", "number")),
    ("100 %", ".", (100, "%", "number")),
    ("32.25%", ",", (32.25, "%", "number")),
    ("12,5 %", ".", (12.5, "%", "number")),
    ("1.000 orang", ".", (1000, "orang", "number")),
    ("30\nDokumen", ",", (30, "dokumen", "number")),
    ("A", ".", (None, None, "text")),
    ("n/a", ".", (None, None, "missing")),
    ("-", ".", (None, None, "missing")),
    ("%", ".", (None, "%", "unit")),
    ("2900 orang 10 kali", ",", (None, None, "unclear")),
])
def test_parse_measure(text, thousands, expected):
    measure = parse_measure(text, thousands)
    assert (measure.number, measure.unit, measure.kind) == expected


@pytest.mark.parametrize("text,thousands,expected", [
    ("1,775,000,000", ",", 1_775_000_000), ("350,000,000.00", ",", 350_000_000),
    ("Rp 1.500.000.000", ".", 1_500_000_000), ("Rp. 1.500.000,50", ".", 1_500_000.5),
    ("0", ",", 0), ("satu milyar", ",", None),
])
def test_read_amount(text, thousands, expected):
    assert read_amount(text, thousands) == expected


def test_split_indicators_and_proposals():
    assert split_indicators("Indikator Program (Outcome) :Tingkat Kematangan (Indeks KAMI)") == \
        ["Tingkat Kematangan (Indeks KAMI)"]
    assert split_indicators("1. Persentase A\n2. Persentase B") == ["Persentase A", "Persentase B"]
    assert proposed_statement("PROGRAM KEPEGAWAIAN DAERAH", "immediate") == \
        "Tercapainya sasaran program kepegawaian daerah"
    assert proposed_statement("Pengelolaan Informasi dan Komunikasi Publik", "output") == \
        "Terkelolanya informasi dan komunikasi publik"
    assert proposed_statement("Mutasi dan Promosi ASN", "output") == "Terlaksananya mutasi dan promosi ASN"


@needs_real
def test_every_import_rule_is_triggered(tmp_path):
    seen = {f.code for f in _real().findings}
    contoh = {"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"}
    for result in (import_renstra([_dinkes(tmp_path)], pemda=contoh),
                   import_renstra([_dinkes(tmp_path, program_rp=("1", "2"))], pemda=contoh),
                   import_renstra([_relative(tmp_path)], pemda=contoh),
                   import_renstra([SAMPLE], pemda=contoh)):
        seen |= {f.code for f in result.findings}
    assert seen == {code for code in RULES if code.startswith("R")}


def test_readme_shows_the_mapping_and_the_real_figures():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Mulai dari Renstra yang sudah ada"):]
    from pohon_nb.impor.renstra import MAPPING

    for source, target in MAPPING:
        assert f"| {source} | {target} |" in section
    for code in (c for c in RULES if c.startswith("R")):
        assert f"| {code} |" in section
    if DISKOMINFO.exists() and BKPSDM.exists():
        result = _real()
        figures = (f"{len(result.tables['pohon'])} kondisi, {len(result.tables['indikator'])} indikator, "
                   f"{len(result.tables['anggaran'])} baris anggaran")
        assert figures in section.replace("\n", " ")


# --------------------------------------------------------------------------- never guessing silently


def _defects(tmp_path):
    """The defects a third real table showed, each in one synthetic row: a stray "0" in the Tujuan
    column below the merged tujuan, a name wrapped on two lines with one target, debris of an HTML
    conversion in a name."""
    rows = [
        ["Meningkatnya akuntabilitas kinerja", "Meningkatnya kualitas perencanaan",
         "Nilai SAKIP", None, None, None, "60", "65", None, "70", None, "75", None, "Sekretariat", None,
         None],
        ["0", "Meningkatnya kualitas evaluasi", "Nilai Evaluasi Kinerja\nPerangkat Daerah", None, None,
         None, "70", "72", None, "74", None, "80", None, "Sekretariat", None, None],
        [None, None, None, "4.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
         "Persentase dokumen_x0002_ perencanaan tepat waktu", "90 %", "95 %", "1.000.000", "100 %",
         "1.000.000", None, None, "Sekretariat", None, None],
    ]
    return _table(tmp_path / "renstra_cacat.xlsx", HEADER3, rows, merges=HEADER3_MERGES + ["A5:A5"])


def test_a_stray_number_in_the_tujuan_column_is_reported_not_a_tujuan(tmp_path):
    path = _defects(tmp_path)
    result = import_renstra([path], [OpdSpec("4.01.0.00.0.00.01.0000", "Sekretariat Daerah")],
                            pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    nodes = result.tables["pohon"]
    tujuan = [n for n in nodes if n["komponen"] == "tujuan"]
    assert [t["pernyataan"] for t in tujuan] == ["Meningkatnya akuntabilitas kinerja"]  # no tujuan "0"
    sasaran = [n for n in nodes if n["komponen"] == "sasaran_strategis"]
    assert len(sasaran) == 2 and {s["induk"] for s in sasaran} == {tujuan[0]["id"]}
    stray = [f for f in _findings(result, "R04") if f.row == 6 and f.column_letter == "A"]
    assert stray and "bukan rumusan tujuan" in stray[0].message
    _every_cell_mapped_or_reported(result, path)


def test_a_name_wrapped_on_two_lines_is_one_indicator_and_a_note(tmp_path):
    path = _defects(tmp_path)
    result = import_renstra([path], [OpdSpec("4.01.0.00.0.00.01.0000", "Sekretariat Daerah")],
                            pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh"})
    names = [r["nama"] for r in result.tables["indikator"]]
    assert "Nilai Evaluasi Kinerja Perangkat Daerah" in names and "Perangkat Daerah" not in names
    assert len(names) == 3
    wrapped = next(r for r in result.tables["indikator"] if r["nama"].startswith("Nilai Evaluasi"))
    assert wrapped["target_2020"] == 74  # its one target belongs to the whole name
    notes = [f.message for f in _findings(result, "R11") if f.row == 6]
    assert any("dibaca sebagai satu indikator" in m for m in notes), notes
    # Stacked targets still split a cell of numbered indicators (test above); a line break alone never.
    assert split_indicators("Nilai Evaluasi Kinerja\nPerangkat Daerah") == [
        "Nilai Evaluasi Kinerja Perangkat Daerah"]
    assert split_indicators("Indikator A\nIndikator B", stacked=2) == ["Indikator A", "Indikator B"]


def test_debris_baseline_year_and_targets_before_the_period_are_notes(tmp_path):
    path = _defects(tmp_path)
    result = import_renstra([path], [OpdSpec("4.01.0.00.0.00.01.0000", "Sekretariat Daerah")],
                            pemda={"kode_pemda": "3525", "nama_pemda": "Kabupaten Contoh",
                                   "periode_awal": 2020, "periode_akhir": 2024})
    rows = {r["nama"]: r for r in result.tables["indikator"]}
    assert "Persentase dokumen perencanaan tepat waktu" in rows  # "_x0002_" taken out
    sakip = rows["Nilai SAKIP"]
    assert sakip["baseline"] == 60 and sakip["tahun_baseline"] == 2020  # the period's start, said
    assert "target_2019" not in sakip and sakip["target_2020"] == 70  # 2019 is before the period
    notes = " ".join(f.message for f in _findings(result, "R11"))
    assert "sisa konversi HTML" in notes and "tahun_baseline diisi 2020" in notes
    assert "sebelum periode 2020-2024" in notes
    _every_cell_mapped_or_reported(result, path)
