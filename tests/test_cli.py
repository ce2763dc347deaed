"""The command line, called as a user calls it: real exit codes and output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import openpyxl
import pytest
from conftest import write_csv_folder, write_xlsx

from pohon_nb.cli import main
from pohon_nb.core.paths import BLANK_TEMPLATE
from pohon_nb.reading import schema
from pohon_nb.reading.blank_workbook import sheet_columns

CLI = [sys.executable, "-m", "pohon_nb.cli"]


def run(*args, cwd=None):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_validate_without_argument_uses_the_sample(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Kabupaten Contoh" in result.stdout
    last = result.stdout.strip().splitlines()[-1]
    # 25 planted or derived weaknesses and 95 indicators without a 2026 realisation (M23; the
    # sample's 2026 is partly published), see test_sample.
    assert last.startswith("Ringkasan: 0 galat, 120 peringatan, 2 info")
    assert result.stderr == ""


def test_validate_groups_by_opd_most_severe_first(capsys, clean, tmp_path):
    clean["pohon"][2]["level"] = "strategis"  # error in OPD 01
    clean["pohon"][3]["pernyataan"] = "Pelaksanaan layanan"  # output named as a kegiatan: M30, OPD 01
    clean["pohon"][9]["pernyataan"] = "Koordinasi layanan"  # warning in OPD 02 (intermediate)
    clean["lintas_opd"][0]["status"] = "ditolak"  # info in OPD 01
    code = main(["validate", str(write_csv_folder(clean, tmp_path / "wb"))])
    out = capsys.readouterr().out
    assert code == 1
    heading_01 = out.index("== 01 Dinas Kesehatan")
    heading_02 = out.index("== 02 Dinas Sosial")
    assert heading_01 < out.index("GALAT S08") < out.index("INFO M16") < heading_02
    assert out.index("PERINGATAN M01") > heading_02
    assert "sheet pohon, baris 4, kolom level (C), id 'A01.1'" in out
    assert "Ringkasan: 1 galat, 2 peringatan, 1 info" in out


@pytest.mark.parametrize("breakage", ["not-a-workbook", "missing-sheet", "cycle", "bad-number"])
def test_broken_input_exits_1_without_traceback(tmp_path, clean, breakage):
    path = tmp_path / "wb.xlsx"
    if breakage == "not-a-workbook":
        path.write_text("id,induk\n1,2\n")
    else:
        if breakage == "missing-sheet":
            clean.pop("pohon")
        elif breakage == "cycle":
            clean["pohon"][1]["induk"] = "A01.1.2"
        else:
            clean["indikator"][4]["target_2026"] = "tiga"
        write_xlsx(clean, path)
    result = run("validate", path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "GALAT" in result.stdout


def test_json_output(capsys, clean, tmp_path):
    clean["indikator"][0]["polaritas"] = "naik"
    code = main(["validate", str(write_xlsx(clean, tmp_path / "wb.xlsx")), "--json"])
    (finding,) = json.loads(capsys.readouterr().out)
    assert code == 1
    assert finding["code"] == "S08" and finding["row"] == 2 and finding["column"] == "polaritas"
    assert finding["severity"] == "error" and finding["title"]


def test_limits_from_the_command_line(capsys, sample_path):
    main(["validate", str(sample_path), "--maks-iku-sasaran", "2", "--json"])
    strict = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "M04"]
    main(["validate", str(sample_path), "--json"])
    default = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "M04"]
    assert len(strict) > len(default) == 1


def test_template_is_written_and_never_overwritten_silently(tmp_path):
    out = tmp_path / "input.xlsx"
    assert run("template", out).returncode == 0
    before = out.read_bytes()
    again = run("template", out)
    assert again.returncode == 1 and "--force" in again.stderr
    assert out.read_bytes() == before
    assert run("template", out, "--force", "--tahun-awal", "2026", "--tahun-akhir", "2030").returncode == 0
    headers = [c.value for c in openpyxl.load_workbook(out)["indikator"][1]]
    assert "target_2030" in headers and "target_2025" not in headers
    assert not list(tmp_path.glob(".*.tmp"))


def test_blank_template_matches_the_schema_and_loads():
    book = openpyxl.load_workbook(BLANK_TEMPLATE)
    for sheet in schema.SHEETS:
        ws = book[sheet.name]
        headers = [c.value for c in ws[1]]
        assert headers == [c.name for c in sheet_columns(sheet, range(2025, 2030))]
        for index, column in enumerate(sheet.columns, start=1):
            comment = ws.cell(row=1, column=index).comment
            assert comment is not None and column.help in comment.text
        lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
        for index, column in enumerate(sheet.columns):
            letter = openpyxl.utils.get_column_letter(index + 1)
            if column.kind == "enum":
                assert lists[letter] == '"' + ",".join(column.allowed) + '"'
            elif column.kind == "flag":
                assert lists[letter] == '"ya,tidak"'
    assert "petunjuk" in book.sheetnames
    # An empty template is read without any structure error but the empty pemda row.
    result = run("validate", BLANK_TEMPLATE)
    assert result.returncode == 1 and "S13" in result.stdout and "S0" not in result.stdout.replace("S13", "")


def test_shipped_template_is_what_the_command_writes(tmp_path):
    out = tmp_path / "baru.xlsx"
    main(["template", str(out)])
    from conftest import read_xlsx_rows

    assert read_xlsx_rows(out) == read_xlsx_rows(BLANK_TEMPLATE)


def test_schema_document_lists_every_column(capsys):
    main(["schema"])
    text = capsys.readouterr().out
    for sheet in schema.SHEETS:
        assert f"## `{sheet.name}`" in text
        for column in sheet.columns:
            assert f"`{column.name}`" in text


def test_help_is_fast_to_import():
    code = ("import sys, pohon_nb.cli; "
            "print(sorted(m for m in ('pandas', 'networkx', 'openpyxl') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_validate_from_any_folder_with_relative_path(tmp_path, sample_path):
    shutil.copy(sample_path, tmp_path / "kab.xlsx")
    result = run("validate", "kab.xlsx", cwd=tmp_path)
    assert result.returncode == 0 and "Ringkasan" in result.stdout
