"""Reading cells and files: normalisation that must happen, and files that cannot be read."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from conftest import write_csv_folder, write_xlsx

from pohon_nb.method.checks import validate
from pohon_nb.reading import schema
from pohon_nb.reading.model import load
from pohon_nb.reading.workbook import CellError, Range, parse_cell, parse_number, parse_value

CODE = schema.Column("x", "code", "X", "")
INT = schema.Column("x", "int", "X", "", bounds=(1990, 2100))
FLAG = schema.Column("x", "flag", "X", "")
POLARITY = schema.sheet("indikator").column("polaritas")
LEVEL = schema.sheet("pohon").column("level")


@pytest.mark.parametrize("raw,expected", [
    ("007", "007"),
    ("1.02.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000"),
    (" 3599 ", "3599"),
    (2025.0, "2025"),
    (7, "7"),
    ("2025.0", "2025"),
    ("A.1.2", "A.1.2"),
])
def test_codes_stay_text_as_typed(raw, expected):
    assert parse_cell(CODE, raw) == expected


@pytest.mark.parametrize("raw,expected", [
    (12.5, 12.5), ("12,5", 12.5), ("1.234.567", 1234567.0), ("1.234,5", 1234.5),
    ("75%", 75.0), ("Rp 1.500.000", 1500000.0), ("-3", -3.0), (0, 0.0), ("0", 0.0),
])
def test_numbers_in_indonesian_notation(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", [None, "", " ", "-", "n/a", "N/A", "NA", "—"])
def test_missing_is_none_never_zero(raw):
    assert parse_number(raw) is None
    assert parse_value(raw) is None


@pytest.mark.parametrize("raw", ["lima", "12 orang", "1,2,3", True])
def test_text_in_a_number_is_an_error(raw):
    with pytest.raises(CellError) as err:
        parse_number(raw)
    assert err.value.code == "S09"


def test_range_targets_are_kept_as_ranges():
    assert parse_value("10-15") == Range(10, 15)
    assert parse_value("10 – 15") == Range(10, 15)
    assert parse_value("2,5 s.d. 3,5") == Range(2.5, 3.5)
    assert parse_value("15-10") == Range(10, 15)
    assert parse_value("-5") == -5.0
    assert str(Range(10, 15.5)) == "10–15,5"


def test_year_integers_from_excel_floats_and_bounds():
    assert parse_cell(INT, 2025.0) == 2025
    assert parse_cell(INT, "2025") == 2025
    with pytest.raises(CellError):
        parse_cell(INT, 2025.5)
    with pytest.raises(CellError) as err:
        parse_cell(INT, 3000)
    assert err.value.code == "S10"


@pytest.mark.parametrize("raw,expected", [("YA", True), (" Ya ", True), ("tidak", False),
                                          ("TIDAK", False), (True, True), (1, True), (0, False)])
def test_flags(raw, expected):
    assert parse_cell(FLAG, raw) is expected


@pytest.mark.parametrize("raw,expected", [("Maks", "maks"), (" MIN ", "min"), ("maksimal", "maks"),
                                          ("Stabil", "stabil")])
def test_enumerations_are_normalised(raw, expected):
    assert parse_cell(POLARITY, raw) == expected


@pytest.mark.parametrize("raw,expected", [("Intermediate Outcome", "intermediate"),
                                          ("ULTIMATE", "ultimate"), ("Immediate outcome", "immediate")])
def test_level_spellings(raw, expected):
    assert parse_cell(LEVEL, raw) == expected


def test_loaded_model_keeps_codes_years_ranges_and_missing(clean, tmp_path):
    clean["opd"][0]["kode_opd"] = "007"
    for row in clean["pohon"] + clean["masalah"]:
        if row.get("kode_opd") == "01":
            row["kode_opd"] = "007"
    ind = clean["indikator"][0]
    ind["target_2031"] = "10-15"
    ind["realisasi_2026"] = "-"
    ind["Catatan Bappeda"] = "kolom tambahan"
    ind["polaritas"] = " Maks "
    pemda = load(write_xlsx(clean, tmp_path / "wb.xlsx"))
    assert pemda.findings == []
    assert "007" in pemda.opd_codes()
    assert pemda.years == [2025, 2026, 2027, 2031]
    row = pemda.indikator.set_index("id").loc["U1.I1"]
    assert row["target_2031"] == Range(10, 15)
    assert row["realisasi_2026"] is None
    assert row["polaritas"] == "maks"
    assert row["catatan_bappeda"] == "kolom tambahan"
    values = pemda.values()
    r2031 = values[(values.id_indikator == "U1.I1") & (values.tahun == 2031)].iloc[0]
    assert (r2031.target_min, r2031.target_maks, r2031.target) == (10, 15, 12.5)
    assert pemda.tree.has_edge("U1", "A007") is False and pemda.tree.has_edge("U1", "A01")
    assert pemda.problems.has_edge("M01.2", "M01.1")


def test_header_spelling_and_sheet_case_are_forgiven(clean, tmp_path):
    path = write_xlsx(clean, tmp_path / "wb.xlsx")
    book = openpyxl.load_workbook(path)
    book["pohon"].title = "Pohon "
    book["Pohon "]["B1"] = "Induk"
    book["opd"]["A1"] = " Kode OPD "
    book.save(path)
    assert load(path).findings == []


def test_duplicate_column_is_a_warning(clean, tmp_path):
    folder = write_csv_folder(clean, tmp_path / "wb")
    text = (folder / "opd.csv").read_text().splitlines()
    text[0] += ",nama_opd"
    text[1:] = [line + ",lain" for line in text[1:]]
    (folder / "opd.csv").write_text("\n".join(text) + "\n")
    _, findings = validate(folder)
    assert [(f.code, f.sheet, f.row, f.column_letter) for f in findings] == [("S15", "opd", 1, "C")]


def test_semicolon_csv_from_indonesian_excel(clean, tmp_path):
    folder = write_csv_folder(clean, tmp_path / "wb")
    for file in folder.glob("*.csv"):
        import csv
        rows = list(csv.reader(file.open(encoding="utf-8")))
        with file.open("w", newline="", encoding="utf-8-sig") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    assert load(folder).findings == []


def test_blank_rows_are_skipped_but_row_numbers_stay_excel_numbers(clean, tmp_path):
    clean["pohon"].insert(3, {})
    clean["pohon"][5]["level"] = "entah"
    path = write_xlsx(clean, tmp_path / "wb.xlsx")
    _, findings = validate(path)
    assert [(f.code, f.row) for f in findings] == [("S08", 7)]


@pytest.mark.parametrize("name,content,fragment", [
    ("teks.xlsx", b"ini bukan workbook", "bukan workbook Excel"),
    ("lama.xls", b"\xd0\xcf\x11\xe0 old excel", ".xls"),
    ("kosong.xlsx", b"", "bukan workbook Excel"),
])
def test_files_that_are_not_workbooks(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    _, findings = validate(path)
    assert [f.code for f in findings] == ["S01"]
    assert fragment in findings[0].message and findings[0].file == str(path)


def test_broken_zip_and_missing_path(tmp_path):
    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not an xlsx")
    _, findings = validate(path)
    assert [f.code for f in findings] == ["S01"] and "rusak" in findings[0].message
    _, findings = validate(tmp_path / "tidak-ada.xlsx")
    assert [f.code for f in findings] == ["S01"] and "tidak ditemukan" in findings[0].message
    empty = tmp_path / "kosong"
    empty.mkdir()
    _, findings = validate(empty)
    assert [f.code for f in findings] == ["S01"] and ".csv" in findings[0].message


def test_a_workbook_without_the_sheets_names_every_missing_one(tmp_path):
    path = write_xlsx({"Sheet1": [{"a": 1}]}, tmp_path / "lain.xlsx")
    _, findings = validate(path)
    assert sorted(f.sheet for f in findings if f.code == "S02") == sorted(schema.REQUIRED_SHEETS)
    assert all(f.code == "S02" for f in findings)


def test_hostile_text_is_kept_literally_and_control_characters_are_masked(clean, tmp_path):
    clean["pohon"][2]["pernyataan"] = "Pelaksanaan <script>alert(1)</script> $x_1$ \x1b[31m"
    _, findings = validate(write_csv_folder(clean, tmp_path / "wb"))  # xlsx cannot hold ESC
    (finding,) = findings
    assert "<script>alert(1)</script> $x_1$" in finding.message
    assert "\x1b" not in finding.message


def test_a_static_run_shares_the_model_until_the_file_changes(clean, tmp_path):
    """Report after report on one workbook reuses its model (and what was computed on it); a
    changed file is read again, and a folder of CSV files is never shared."""
    import os

    from pohon_nb.reading.model import load_shared

    path = write_xlsx(clean, tmp_path / "wb.xlsx")
    first = load_shared(path)
    assert load_shared(str(path)) is first and load(path) is not first
    clean["opd"][0]["nama_opd"] = "Dinas yang Diganti Namanya"
    write_xlsx(clean, path)
    os.utime(path, ns=(first_time := path.stat().st_mtime_ns + 10**9, first_time))
    again = load_shared(path)
    assert again is not first and again.opd_name(clean["opd"][0]["kode_opd"]) == "Dinas yang Diganti Namanya"
    folder = write_csv_folder(clean, tmp_path / "csv")
    assert load_shared(folder) is not load_shared(folder)
