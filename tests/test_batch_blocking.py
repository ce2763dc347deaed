"""An error inside one OPD's rows blocks that OPD only; errors of the whole workbook stop all.

Uses the small fixture templates of test_batch.py (fast); the rule itself is tested on the
findings, the batch, the index page, the command line and the notebook session.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import clean_tables, write_xlsx

from pohon_nb.cli import main
from pohon_nb.method.blocking import classify
from pohon_nb.nb.session import Session, WorkbookError
from pohon_nb.reading.model import load
from pohon_nb.run.batch import run_batch
from pohon_nb.run.plan import BatchError

pytestmark = pytest.mark.lambat  # runs batches


def _tables(**changes):
    tables = copy.deepcopy(clean_tables())
    tables["opd"].append({"kode_opd": "007", "nama_opd": "Dinas Tujuh"})
    tables["pohon"].append({"id": "T7", "induk": "U1", "level": "intermediate", "kode_opd": "007",
                            "pernyataan": "Meningkatnya layanan tujuh"})
    for change in changes.values():
        change(tables)
    return tables


def _bad_level_in_opd_02(tables):
    row = next(r for r in tables["pohon"] if r["id"] == "A02.1")
    row["level"] = "tinggi"  # S08 at pohon row of OPD 02


def _row_of(tables, sheet, node_id):
    return 2 + next(i for i, r in enumerate(tables[sheet]) if r.get("id") == node_id)


def test_errors_are_placed_by_the_rows_they_sit_on(tmp_path):
    tables = _tables(opd=_bad_level_in_opd_02)
    tables["indikator"].append({"id": "X.I", "id_pohon": "U1", "nama": "Indeks", "satuan": "%",
                                "polaritas": "naik"})  # S08 on a Pemda-level indicator
    tables["masalah"].append({"id": "M01.9", "kode_opd": "01", "pernyataan": "x", "usg_u": 9})
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    blocking = classify(pemda, pemda.findings)
    assert blocking.workbook == []
    assert [(f.code, f.sheet, f.row) for f in blocking.opd["02"]] == [
        ("S08", "pohon", _row_of(tables, "pohon", "A02.1"))]
    assert [(f.code, f.sheet, f.column) for f in blocking.opd["01"]] == [("S10", "masalah", "usg_u")]
    assert [(f.code, f.sheet) for f in blocking.overview] == [("S08", "indikator")]
    assert blocking.blocks("007") == [] and blocking.blocked_opds == ["02", "01"]


def test_a_cycle_through_two_opds_stops_everything_one_inside_an_opd_blocks_it(tmp_path):
    def cycle_across(tables):
        rows = {r["id"]: r for r in tables["pohon"]}
        rows["A01.1"]["induk"], rows["A02"]["induk"] = "A02", "A01.1"

    pemda = load(write_xlsx(_tables(c=cycle_across), tmp_path / "a.xlsx"))
    blocking = classify(pemda, pemda.findings)
    assert [f.code for f in blocking.workbook] == ["S06"]
    assert [f.code for f in blocking.opd["02"]] == ["S11"]  # A02 now sits under an immediate

    def cycle_inside(tables):
        rows = {r["id"]: r for r in tables["pohon"]}
        rows["A02.1"]["induk"] = "A02.1.1"

    pemda = load(write_xlsx(_tables(c=cycle_inside), tmp_path / "b.xlsx"))
    blocking = classify(pemda, pemda.findings)
    assert blocking.workbook == [] and [f.code for f in blocking.opd["02"]] == ["S06"]


def test_batch_runs_the_sound_opds_and_names_the_blocked_one(tmp_path, fixture_templates, capsys):
    tables = _tables(opd=_bad_level_in_opd_02)
    data, out = write_xlsx(tables, tmp_path / "wb.xlsx"), tmp_path / "out"
    report = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    states = {k: r["status"] for k, r in report.results.items()}
    assert states["02/01_identifikasi_masalah"] == "diblokir"
    assert all(states[f"{c}/{s}"] == "ok" for c in ("01", "007")
               for s in ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator"))
    assert states["00_ikhtisar_pemda"] == "ok"
    assert (out / "9901" / "01" / "02_pemetaan_kausal.html").exists()
    assert not (out / "9901" / "02").exists()  # nothing written for the blocked OPD
    assert list(report.blocked) == ["02"]
    index = report.index.read_text()
    row = _row_of(tables, "pohon", "A02.1")
    assert "diblokir" in index and f"sheet pohon, baris {row}, kolom level" in index
    assert "id A02.1" in index and "tinggi" in index
    manifest = json.loads(report.manifest.read_text())["notebooks"]
    assert manifest["02/02_pemetaan_kausal"]["errors"][0]["row"] == row
    # The command line: exit 1, the blocked OPD and its error's location on stderr.
    code = main(["batch", str(data), "--out", str(out), "--templates", str(fixture_templates),
                 "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert "OPD 02 diblokir" in captured.err and f"sheet pohon, baris {row}" in captured.err
    assert "02" in captured.out and "diblokir" in captured.out
    # Fixed: the rerun runs the OPD that was blocked, and only what read the fixed row (01
    # asks A02.1 for crosscutting support); 007 is not redone.
    fixed = write_xlsx(_tables(), tmp_path / "wb.xlsx")
    again = run_batch(fixed, out, jobs=1, templates=fixture_templates, progress=False)
    assert sorted(k.split("/")[0] for k in again.ran) == ["00_ikhtisar_pemda", *["01"] * 3, *["02"] * 3]
    assert not again.blocked and not again.failed


def test_a_pemda_level_error_blocks_the_overview_only(tmp_path, fixture_templates):
    tables = _tables()
    tables["pohon"][0]["level"] = "puncak"  # the Pemda's own condition
    report = run_batch(write_xlsx(tables, tmp_path / "wb.xlsx"), tmp_path / "out", jobs=1,
                       templates=fixture_templates, progress=False)
    assert report.results["00_ikhtisar_pemda"]["status"] == "diblokir"
    assert list(report.blocked) == [None]
    assert sum(r["status"] == "ok" for r in report.results.values()) == 9
    assert "Ikhtisar Pemda" in report.index.read_text()


def test_errors_of_the_whole_workbook_stop_everything(tmp_path, fixture_templates):
    tables = _tables()
    tables["pemda"][0]["periode_awal"] = 2031  # after periode_akhir: the pemda sheet
    with pytest.raises(BatchError, match="menghentikan semua notebook") as info:
        run_batch(write_xlsx(tables, tmp_path / "wb.xlsx"), tmp_path / "out", jobs=1,
                  templates=fixture_templates, progress=False)
    assert "S14" in str(info.value) and "sheet pemda" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_the_notebook_session_follows_the_same_rule(tmp_path):
    path = write_xlsx(_tables(opd=_bad_level_in_opd_02), tmp_path / "wb.xlsx")
    assert Session(str(path), "01", interaktif=False).ctx.kode_opd == "01"
    assert Session(str(path), "007", interaktif=False, ikhtisar=True)
    with pytest.raises(WorkbookError, match="OPD 02 tidak dapat dijalankan") as info:
        Session(str(path), "02", interaktif=False)
    assert "sheet pohon" in str(info.value) and "kolom level" in str(info.value)


def test_the_explorer_falls_back_to_a_condition_that_exists(tmp_path, capsys):
    path = write_xlsx(_tables(), tmp_path / "wb.xlsx")
    session = Session(str(path), kondisi="DINKES.1", interaktif=False)
    assert session.ctx.node == "U1"
    session.headline()
    out = capsys.readouterr().out
    assert "'DINKES.1' tidak ada di sheet pohon" in out and "A01.1" in out


def test_run_for_one_opd_follows_the_same_rule(tmp_path, capsys):
    data = write_xlsx(_tables(opd=_bad_level_in_opd_02), tmp_path / "wb.xlsx")
    assert main(["run", str(data), "--opd", "02", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "OPD 02 tidak dapat dijalankan" in err and "kolom level" in err
    assert not (tmp_path / "out").exists()
