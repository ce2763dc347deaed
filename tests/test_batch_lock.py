"""A batch that cannot be raced (issue 26, item 1): two batches on one output folder never run
side by side; a lock left by a killed run is taken over with a note."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from pohon_nb.core.lock import BUSY_EXIT, RECORD_NAME, FolderBusy, folder_lock
from pohon_nb.core.paths import SAMPLE

pytestmark = pytest.mark.lambat  # batches in subprocesses, waits on a held lock

ONE_OPD = "2.15.0.00.0.00.01.0000"  # Dishub: a small OPD, three notebooks


def _batch(out, *extra):
    command = [sys.executable, "-c",
               "import sys; from pohon_nb.cli import main; sys.exit(main(sys.argv[1:]))"]
    return subprocess.Popen([*command, "batch", "--out", str(out), "--only", ONE_OPD,
                             "--no-pdf", "--no-html", "--jobs", "1", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _hold(folder):
    """Another process holding the folder's lock (for 30 s, or until killed), once it holds it."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time; from pohon_nb.core.lock import folder_lock\n"
        f"with folder_lock({str(folder)!r}, what='uji'):\n"
        "    print('siap', flush=True); time.sleep(30)")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "siap"
    return holder


def test_a_second_batch_on_the_same_folder_refuses_or_waits(tmp_path):
    first = _batch(tmp_path)
    time.sleep(2)
    second = _batch(tmp_path)
    out, err = second.communicate(timeout=120)
    assert second.returncode == BUSY_EXIT, (out, err)
    assert "sedang dipakai pohon-nb lain" in err and f"proses {first.pid}" in err and "--tunggu" in err
    waiting = _batch(tmp_path, "--tunggu", "--force")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert waiting.wait(timeout=300) == 0, waiting.stderr.read()
    manifest = json.loads((tmp_path / "3599" / "manifest.json").read_text(encoding="utf-8"))
    assert {k for k in manifest["notebooks"] if k.startswith(ONE_OPD)} == {
        f"{ONE_OPD}/{s}" for s in ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator")}
    assert all(v["status"] == "ok" for k, v in manifest["notebooks"].items() if k.startswith(ONE_OPD))
    assert not (tmp_path / "3599" / RECORD_NAME).exists()  # released: nobody holds it


def test_a_lock_left_by_a_killed_run_is_taken_over_with_a_note(tmp_path):
    folder = tmp_path / "3599"
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = {"pid": dead.pid, "host": "laptop", "sejak": "2026-12-01 20:00:00"}
    (folder / RECORD_NAME).write_text(json.dumps(record))
    with folder_lock(folder) as notes:
        assert notes and f"proses {dead.pid}" in notes[0] and "diambil alih" in notes[0]
        record = json.loads((folder / RECORD_NAME).read_text())
        assert record["pid"] == os.getpid()


def test_another_process_holding_the_folder_is_named(tmp_path):
    holder = _hold(tmp_path)
    try:
        with pytest.raises(FolderBusy, match=f"proses {holder.pid}"), folder_lock(tmp_path):
            pass
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(tmp_path) as notes:  # killed: the system released its lock
        assert "diambil alih" in notes[0]


def test_export_into_a_busy_batch_folder_waits_for_nobody(tmp_path, capsys):
    from pohon_nb.cli import main

    folder = tmp_path / "3599"
    folder.mkdir()
    (folder / "manifest.json").write_text("{}")
    holder = _hold(folder)
    try:
        code = main(["export", str(SAMPLE), "--what", "cascading", "--out", str(folder / "c.xlsx")])
        assert code == BUSY_EXIT and "sedang dipakai" in capsys.readouterr().err
        assert not (folder / "c.xlsx").exists()
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL: POSIX")
def test_a_batch_killed_hard_leaves_no_worker_or_kernel_behind(tmp_path):
    import signal

    psutil = pytest.importorskip("psutil")
    main_ = "import sys; from pohon_nb.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", main_, "batch", "--out", str(tmp_path), "--no-pdf", "--no-html",
               "--jobs", "2"]
    batch = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list = []
    manifest = tmp_path / "3599" / "manifest.json"
    deadline = time.time() + 90
    while time.time() < deadline:  # until both workers are running notebooks (in themselves)
        children = psutil.Process(batch.pid).children(recursive=True)
        done = json.loads(manifest.read_text() or "{}").get("notebooks", {}) if manifest.exists() else {}
        if len(children) >= 2 and len(done) >= 2:
            break
        time.sleep(0.2)
    assert len(children) >= 2 and len(done) >= 2, [c.cmdline() for c in children]
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, [p.cmdline() for p in alive]
    # The same command then completes, taking the killed run's lock over.
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "diambil alih" in rerun.stderr
