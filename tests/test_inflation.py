"""A file that inflates past documented limits is refused before it is parsed (issue 26, item 3):
a located S18 error in well under a second, while every real workbook and the 30,000-condition
bench workbook pass."""

from __future__ import annotations

import sys
import time
import tracemalloc
import zipfile

import pytest
from conftest import REPO, SHARED, clean_tables, write_xlsx

from pohon_nb.impor.renstra_grid import read_grid
from pohon_nb.reading.model import load
from pohon_nb.reading.workbook import MAX_MEMBER_BYTES, inflation_problem


def _bomb(tmp_path, padding_mib: int = 64):
    """A valid workbook whose indikator sheet XML is padded with whitespace (a 1,000-times ratio)."""
    good = write_xlsx(clean_tables(), tmp_path / "baik.xlsx")
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet4.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (padding_mib * 2**20), 1)
            dst.writestr(info, data)
    return bomb


def test_an_inflating_workbook_is_refused_before_parsing(tmp_path):
    bomb = _bomb(tmp_path)
    assert bomb.stat().st_size < 2**20
    tracemalloc.start()
    started = time.perf_counter()
    pemda = load(bomb)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 5 and peak < 50 * 2**20  # refused from the declared sizes, nothing inflated
    [finding] = pemda.findings
    assert finding.code == "S18" and finding.severity == "error" and finding.file == str(bomb)
    assert finding.sheet == "xl/worksheets/sheet4.xml" and "kali" in finding.message
    assert "pohon-nb template" in finding.message


def test_the_cli_says_so_and_exits_with_errors(tmp_path, capsys):
    from pohon_nb.cli import main

    assert main(["validate", str(_bomb(tmp_path))]) == 1
    assert "S18" in capsys.readouterr().out


def test_a_huge_csv_file_is_refused_unread(tmp_path):
    folder = tmp_path / "wb"
    folder.mkdir()
    with open(folder / "indikator.csv", "wb") as handle:  # sparse: no disk is used
        handle.truncate(MAX_MEMBER_BYTES + 1)
    findings = [f for f in load(folder).findings if f.code == "S18"]
    assert findings and findings[0].file.endswith("indikator.csv")


def test_a_renstra_table_that_inflates_is_reported_not_read(tmp_path):
    grid = read_grid(_bomb(tmp_path))
    assert grid.problems and "mengembang" in grid.problems[0][1]


def test_every_real_workbook_passes(tmp_path):
    assert inflation_problem(REPO / "data" / "kabupaten_contoh.xlsx") is None
    assert inflation_problem(write_xlsx(clean_tables(), tmp_path / "wb.xlsx")) is None
    real = sorted((SHARED / "real").glob("*.xlsx")) if (SHARED / "real").exists() else []
    for path in real:
        assert inflation_problem(path) is None, path


@pytest.mark.lambat
def test_the_30000_condition_workbook_passes(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    from validate import synthetic_tables

    from pohon_nb.reading.blank_workbook import write_workbook

    path = write_workbook(tmp_path / "besar.xlsx", synthetic_tables(30000))
    assert inflation_problem(path) is None
