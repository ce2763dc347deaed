"""Faults of the machine, not of the workbook (issue 26): a disk that fills during a run, a file
another program holds. A clear message naming the file, no file that looks complete and is not,
and the rerun completes."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from conftest import clean_tables, write_xlsx

from pohon_nb.cli import main
from pohon_nb.core import atomic
from pohon_nb.core.paths import SAMPLE
from pohon_nb.reading.model import load

ONE_OPD = "2.15.0.00.0.00.01.0000"


def _full_after(monkeypatch, allowed: int):
    """os.replace (the last step of every write) fails with ENOSPC after ``allowed`` calls."""
    real, calls = os.replace, {"n": 0}

    def replace(src, dst, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > allowed:
            raise OSError(errno.ENOSPC, "No space left on device", str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "replace", replace)


def _temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".") and ".tmp" in p.name]


def test_a_disk_that_fills_during_an_export_leaves_nothing(tmp_path, monkeypatch, capsys):
    out = tmp_path / "cascading.xlsx"
    _full_after(monkeypatch, 0)
    assert main(["export", str(SAMPLE), "--what", "cascading", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "cascading.xlsx" in err and "Traceback" not in err
    assert not out.exists() and not _temporary_files(tmp_path)
    monkeypatch.undo()
    assert main(["export", str(SAMPLE), "--what", "cascading", "--out", str(out)]) == 0
    assert out.exists()


@pytest.mark.lambat
def test_a_disk_that_fills_during_a_batch_stops_it_and_the_rerun_completes(tmp_path, monkeypatch, capsys):
    command = ["batch", "--out", str(tmp_path), "--only", ONE_OPD, "--no-pdf", "--jobs", "1"]
    _full_after(monkeypatch, 3)
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "jalankan perintah yang sama lagi" in err
    assert not _temporary_files(tmp_path)
    manifest = tmp_path / "3599" / "manifest.json"
    if manifest.exists():  # what was written is whole
        json.loads(manifest.read_text(encoding="utf-8"))
    monkeypatch.undo()
    assert main(command) == 0
    done = json.loads(manifest.read_text(encoding="utf-8"))["notebooks"]
    assert all(done[f"{ONE_OPD}/{s}"]["status"] == "ok"
               for s in ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator"))


def test_a_workbook_another_program_holds_gets_a_message_naming_it(tmp_path, monkeypatch):
    path = write_xlsx(clean_tables(), tmp_path / "terbuka.xlsx")
    real_open = Path.open

    def locked(self, *args, **kwargs):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    [finding] = load(path).findings
    assert finding.code == "S01" and finding.file == str(path) and "terbuka di Excel" in finding.message


def test_an_output_another_program_holds_is_said_not_a_traceback(tmp_path, monkeypatch, capsys):
    out = tmp_path / "lke.xlsx"
    out.write_bytes(b"dibuka di Excel")

    def replace(src, dst, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(src), None, str(dst))

    monkeypatch.setattr(atomic.os, "replace", replace)
    assert main(["export", str(SAMPLE), "--what", "lke", "--out", str(out), "--force"]) == 1
    err = capsys.readouterr().err
    assert "lke.xlsx" in err and "Excel" in err and "Traceback" not in err
    assert out.read_bytes() == b"dibuka di Excel" and not _temporary_files(tmp_path)


@pytest.mark.parametrize("code", [errno.EIO])
def test_other_os_errors_stay_tracebacks(monkeypatch, code, tmp_path):
    def replace(src, dst, *args, **kwargs):
        raise OSError(code, "I/O error", str(src))

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError):
        main(["export", str(SAMPLE), "--what", "cascading", "--out", str(tmp_path / "c.xlsx")])
