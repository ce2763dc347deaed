"""`pohon-nb impor realisasi`: yearly realisations from a published table into a copy of the
workbook, matched by name, never guessed (issue 30, part 2). Synthetic tables, one per case."""

from __future__ import annotations

import csv
from collections import Counter

import openpyxl
import pytest
from conftest import clean_tables, write_xlsx

from pohon_nb.cli import main
from pohon_nb.impor.realisasi import OUTCOMES, RealisationError, import_realisation, read_table, read_value
from pohon_nb.method.checks import validate
from pohon_nb.reading.model import load


@pytest.fixture
def workbook(tmp_path):
    tables = clean_tables()
    for row in tables["indikator"]:
        row.pop("realisasi_2026", None)
        row.pop("realisasi_2025", None)  # last year's realisation still to come, but for one
        if row["id"].startswith("A02"):
            row["nama"] += " wilayah dua"  # names unique across the workbook, but see the duplicates test
    cakupan = next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")
    cakupan["nama"] = "Persentase cakupan layanan 1"
    cakupan["realisasi_2025"] = 50
    return write_xlsx(tables, tmp_path / "kabupaten.xlsx")


def _table(path, rows, header=("No", "Uraian Indikator", "Satuan", "Realisasi 2025", "Capaian Tahun 2026",
                                "Persen Capaian 2026 (%)")):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Tabel capaian indikator kinerja daerah"])
    ws.append([])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def _outcomes(outcomes):
    return {(o.row, o.year): (o.outcome, o.indicator) for o in outcomes}


def test_every_case_ends_in_one_outcome_and_the_workbook_is_untouched(workbook, tmp_path):
    table = _table(tmp_path / "lppd.xlsx", [
        (1, "Prosentase  cakupan layanan 1.", "%", "51", "55,5", "98"),  # spelling, spacing, punctuation
        (2, "Angka harapan hidup", "%", "70", "WTP", ""),              # text, not a number
        (3, "Cakupan layanan 2", "%", "0,00", "", ""),                  # 0: written, with a note
        (4, "Jumlah layanan 2.1", "%", "10", "", ""),                   # kecamatan A
        (5, "Jumlah layanan 2.1", "%", "12", "", ""),                   # kecamatan B: ambiguous
        (6, "Indek Pembangunan Manusia", "%", "71,2", "", ""),          # near, one candidate (98)
        (7, "Jumlah penduduk", "jiwa", "1000", "", ""),                 # not in the workbook
    ])
    before = workbook.read_bytes()
    read, outcomes, missing, copy = import_realisation(table, workbook, tmp_path / "salinan.xlsx")
    assert workbook.read_bytes() == before
    assert read.years == [2025, 2026] and any("persen capaian" in n for n in read.notes)
    found = _outcomes(outcomes)
    assert found[(4, 2025)] == ("dipertahankan", "A01.1.I1")  # 50 already there, kept
    assert found[(4, 2026)] == ("ditulis", "A01.1.I1")
    assert found[(5, 2025)] == ("ditulis", "A01.I1") and found[(5, 2026)][0] == "bukan angka"
    assert found[(6, 2025)] == ("ditulis", "A01.2.I1")
    assert found[(7, None)][0] == found[(8, None)][0] == "ambigu"
    assert found[(9, 2025)] == ("ditulis", "U1.I1")
    assert found[(10, None)][0] == "tidak ada di workbook"
    assert {o.outcome for o in outcomes} <= set(OUTCOMES)
    assert {o.row for o in outcomes} == set(range(4, 11))  # every table row is told
    by = {(o.row, o.year): o for o in outcomes}
    assert "sudah berisi 50, berbeda dari tabel 51" in by[(4, 2025)].note
    assert "belum diukur" in by[(6, 2025)].note
    assert "nama mirip (98 dari 100)" in by[(9, 2025)].note
    assert "(7, 8)" in by[(7, None)].note
    pemda = load(copy)
    values = pemda.indikator.set_index("id")
    assert values.loc["A01.1.I1", "realisasi_2025"] == 50 and values.loc["A01.1.I1", "realisasi_2026"] == 55.5
    assert values.loc["A01.2.I1", "realisasi_2025"] == 0 and values.loc["U1.I1", "realisasi_2025"] == 71.2
    assert "impor_realisasi" in openpyxl.load_workbook(copy).sheetnames
    _, findings = validate(copy)
    assert not [f for f in findings if f.severity == "error"]  # the copy validates
    assert any(m.startswith("A02.") for m in missing)


def test_two_indicators_of_one_name_in_the_workbook_are_ambiguous(tmp_path):
    workbook = write_xlsx(clean_tables(), tmp_path / "k.xlsx")  # A01.I1 and A02.I1 share a name
    table = _table(tmp_path / "t.xlsx", [(1, "Angka harapan hidup", "%", "70", "", "")])
    _, outcomes, _, _ = import_realisation(table, workbook, tmp_path / "s.xlsx")
    assert [o.outcome for o in outcomes] == ["ambigu"] and "A01.I1, A02.I1" in outcomes[0].note


def test_a_near_name_with_two_candidates_or_another_unit_is_not_written(workbook, tmp_path):
    table = _table(tmp_path / "t.xlsx", [
        (1, "Jumlah layanan", "%", "3", "", ""),                       # near several: a candidate
        (2, "Persentase cakupan layanan 1", "orang", "40", "", ""),   # the name matches, the unit not
    ])
    _, outcomes, _, copy = import_realisation(table, workbook, tmp_path / "s.xlsx")
    assert [o.outcome for o in outcomes] == ["kandidat", "kandidat"]
    assert "satuan tabel 'orang'" in outcomes[1].note
    assert load(copy).indikator.set_index("id").loc["A01.1.I1", "realisasi_2025"] == 50  # untouched


def test_overwrite_only_when_asked_and_one_year_only(workbook, tmp_path):
    table = _table(tmp_path / "t.xlsx", [(1, "Persentase cakupan layanan 1", "%", "51", "55", "")])
    _, outcomes, _, copy = import_realisation(table, workbook, tmp_path / "s.xlsx", year=2025,
                                              overwrite_values=True)
    assert [(o.year, o.outcome) for o in outcomes] == [(2025, "ditulis")]
    assert "menggantikan 50" in outcomes[0].note
    values = load(copy).indikator.set_index("id")
    assert values.loc["A01.1.I1", "realisasi_2025"] == 51
    assert "realisasi_2026" not in values or values["realisasi_2026"].isna().all()


def test_a_csv_with_semicolons_and_a_bare_year_header(workbook, tmp_path):
    path = tmp_path / "esakip.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nama Indikator", "2025", "2026"])
        writer.writerow(["Cakupan layanan 2", "1.234,5", "12,75"])
    _, outcomes, _, copy = import_realisation(path, workbook, tmp_path / "s.xlsx")
    assert Counter(o.outcome for o in outcomes) == {"ditulis": 2}
    assert load(copy).indikator.set_index("id").loc["A01.2.I1", "realisasi_2025"] == 1234.5


@pytest.mark.parametrize("text,comma,value", [
    ("12,5", True, 12.5), ("1.234,5", True, 1234.5), ("1.234", True, 1234.0), ("98.7", False, 98.7),
    ("1,234.5", False, 1234.5), ("0,00", True, 0.0), ("WTP", True, None), ("12 %", True, None),
])
def test_numbers_as_tables_write_them(text, comma, value):
    assert read_value(text, comma) == value


def test_a_table_without_a_header_and_the_command_line(workbook, tmp_path, capsys):
    blank = _table(tmp_path / "kosong.xlsx", [("a", "b")], header=("Kolom A", "Kolom B"))
    with pytest.raises(RealisationError, match="kosong.xlsx, sheet Sheet: judul kolom tidak ditemukan"):
        read_table(blank)
    table = _table(tmp_path / "t.xlsx", [(1, "Cakupan layanan 2", "%", "61", "", "")])
    out = tmp_path / "salinan.xlsx"
    assert main(["impor", "realisasi", str(table), "--ke", str(workbook), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Ringkasan: 1 ditulis" in said and "impor_realisasi" in said
    assert main(["impor", "realisasi", str(table), "--ke", str(workbook), "--out", str(out)]) != 0
    assert "sudah ada" in capsys.readouterr().err  # never overwritten
    assert main(["impor", "realisasi", str(table), "--ke", str(workbook), "--out", str(workbook)]) != 0
