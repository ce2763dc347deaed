"""Exports end to end: sample workbook -> Excel -> read back with openpyxl -> matches the model."""

from __future__ import annotations

import openpyxl
import pytest

from pohon_nb.cli import main
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.achievement import indicator_achievement
from pohon_nb.method.checks import validate
from pohon_nb.method.crosscutting import requests
from pohon_nb.method.indicators import manual_iku
from pohon_nb.outputs.exports import cascading_table
from pohon_nb.reading.model import load

DINKES = "1.02.0.00.0.00.01.0000"


@pytest.fixture(scope="module")
def pemda():
    return load(SAMPLE)


def _rows(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[1]]
    return ws, header, [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]


def test_cascading_export_matches_the_model(tmp_path, pemda):
    out = tmp_path / "cascading.xlsx"
    assert main(["export", "--what", "cascading", "--out", str(out)]) == 0
    ws, header, rows = _rows(out, "cascading")
    assert header[:7] == ["Level", "ID kondisi", "Kondisi (sasaran)", "ID indikator", "Indikator",
                          "Satuan", "Baseline"]
    assert "Target 2029" in header and "Realisasi 2026" in header and "Capaian 2025 (%)" in header
    assert "Realisasi 2027" not in header  # no realisation yet: no empty columns
    assert ws.freeze_panes == "A2"
    # Tree order: the first rows are the first Pemda outcome and the first OPD under it.
    assert [r["ID kondisi"] for r in rows[:3]] == ["SD.1", "SD.1", "DINKES.1"]
    table = cascading_table(pemda)
    assert len(rows) == len(table)
    values = indicator_achievement(pemda, 2025).set_index("id_indikator")
    aki = next(r for r in rows if r["ID indikator"] == "DINKES.1.I1")
    assert aki["Baseline"] == 93.65 and aki["Target 2025"] == 115 and aki["Realisasi 2025"] == 108.2
    assert aki["Capaian 2025 (%)"] == pytest.approx(values.loc["DINKES.1.I1", "capaian"])
    assert aki["Capaian 2025 (%)"] == pytest.approx((2 * 115 - 108.2) / 115 * 100)
    assert aki["Realisasi 2026"] is None  # n/a stays empty, not 0
    assert aki["Kode OPD"] == DINKES and aki["Jabatan"] == "Kepala Dinas Kesehatan"
    cell = ws.cell(row=rows.index(aki) + 2, column=header.index("Kode OPD") + 1)
    assert cell.data_type == "s" and cell.number_format == "@"
    number = ws.cell(row=rows.index(aki) + 2, column=header.index("Target 2025") + 1)
    assert number.data_type == "n"
    assert ws.column_dimensions["C"].width >= 40
    assert ws.cell(row=2, column=3).alignment.wrap_text


def test_cascading_for_one_opd_keeps_the_outcomes_it_serves(tmp_path, pemda):
    out = tmp_path / "dinkes.xlsx"
    assert main(["export", "--what", "cascading", "--opd", DINKES, "--out", str(out)]) == 0
    _, _, rows = _rows(out, "cascading")
    ids = [r["ID kondisi"] for r in rows]
    assert ids[0] == "SD.1" and "DINKES.2.2.3" in ids
    assert not [i for i in ids if i.startswith(("DISDIK", "SD.2"))]
    info = openpyxl.load_workbook(out)["info"]
    assert any(DINKES in str(c.value) for c in info["B"])


def test_crosscutting_export(tmp_path, pemda):
    out = tmp_path / "lintas.xlsx"
    assert main(["export", "--what", "crosscutting", "--out", str(out)]) == 0
    _, header, rows = _rows(out, "permintaan")
    assert len(rows) == len(requests(pemda))
    assert {r["Status"] for r in rows} == {"usulan", "disetujui", "ditolak"}
    _, mheader, mrows = _rows(out, "matriks")
    dinkes = next(r for r in mrows if r["Kode OPD peminta"] == DINKES)
    assert dinkes["DPUPR"] == 1 and dinkes["DP3AP2KB"] == 1 and dinkes["Dinkes"] is None  # empty: none
    assert sum(v or 0 for r in mrows for k, v in r.items()
               if k not in ("Kode OPD peminta", "OPD peminta")) == 19


def test_manual_iku_export(tmp_path, pemda):
    out = tmp_path / "manual.xlsx"
    assert main(["export", "--what", "manual-iku", "--opd", DINKES, "--out", str(out)]) == 0
    _, header, rows = _rows(out, "manual_iku")
    assert header[:4] == ["Kode OPD", "Kode", "Nama indikator", "Sasaran yang diukur"]
    expected = manual_iku(pemda, DINKES)
    assert [r["Kode"] for r in rows] == list(expected["kode"])
    aki = rows[0]
    assert aki["Formula"] == "(Jumlah kematian ibu / jumlah kelahiran hidup) × 100.000"
    assert aki["Polaritas"] == "min" and aki["Target 2029"] == 100


def test_findings_export(tmp_path, pemda):
    out = tmp_path / "temuan.xlsx"
    assert main(["export", "--what", "findings", "--out", str(out)]) == 0
    _, header, rows = _rows(out, "temuan")
    _, findings = validate(pemda.source)
    assert len(rows) == len(findings)
    assert {"Tingkat", "Kode", "Sheet", "Baris", "Kolom", "Keterangan"} <= set(header)
    assert rows[0]["Tingkat"] == "peringatan"


def test_existing_file_is_never_overwritten_silently(tmp_path, capsys):
    out = tmp_path / "ada.xlsx"
    out.write_bytes(b"milik pengguna")
    assert main(["export", "--what", "cascading", "--out", str(out)]) == 1
    assert out.read_bytes() == b"milik pengguna"
    assert "--force" in capsys.readouterr().err
    assert main(["export", "--what", "cascading", "--out", str(out), "--force"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["cascading", "info"]


def test_export_refuses_to_write_over_the_input(tmp_path):
    copy = tmp_path / "data.xlsx"
    copy.write_bytes(SAMPLE.read_bytes())
    before = copy.read_bytes()
    assert main(["export", str(copy), "--what", "cascading", "--out", str(copy), "--force"]) == 2
    assert copy.read_bytes() == before


def test_export_of_a_broken_workbook(tmp_path, clean, capsys):
    from conftest import write_xlsx

    clean["pohon"][2]["level"] = "tinggi"
    data = write_xlsx(clean, tmp_path / "rusak.xlsx")
    assert main(["export", str(data), "--what", "cascading", "--out", str(tmp_path / "c.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "galat" in err and "dengan --opd: 02" in err and not (tmp_path / "c.xlsx").exists()
    assert main(["export", str(data), "--what", "findings", "--out", str(tmp_path / "t.xlsx")]) == 0
    # The error sits on OPD 01's row (pohon row 4): the other OPD exports on its own.
    capsys.readouterr()
    assert main(["export", str(data), "--what", "cascading", "--opd", "01",
                 "--out", str(tmp_path / "c01.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "OPD 01 memiliki 1 galat" in err and "sheet pohon, baris 4, kolom level" in err
    assert main(["export", str(data), "--what", "cascading", "--opd", "02",
                 "--out", str(tmp_path / "c02.xlsx")]) == 0


def test_unknown_opd(tmp_path, capsys):
    assert main(["export", "--what", "cascading", "--opd", "99", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "99" in capsys.readouterr().err
