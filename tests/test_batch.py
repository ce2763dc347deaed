"""The batch: incremental reruns, a failing notebook, a dying kernel, interruption, hostile
text, the warm path against cold papermill, no leakage between notebooks, and Dask.

Most tests use small fixture templates written here (fast, and able to fail on purpose
for chosen OPD codes); the warm/cold comparison and hostile text use the real templates.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from conftest import clean_tables, write_csv_folder, write_xlsx

from pohon_nb.cli import main
from pohon_nb.core.paths import TEMPLATES
from pohon_nb.reading.model import load
from pohon_nb.run.batch import execute_task, run_batch
from pohon_nb.run.plan import Task, plan

pytestmark = pytest.mark.lambat  # every test here runs notebooks through papermill


def workbook(tmp_path, extra_opds=()) -> Path:
    tables = copy.deepcopy(clean_tables())
    tables["opd"] += [{"kode_opd": code, "nama_opd": f"Dinas {code.title()}"} for code in extra_opds]
    return write_csv_folder(tables, tmp_path / "data")


def test_incremental_reruns(tmp_path, fixture_templates):
    data, out = workbook(tmp_path), tmp_path / "out"
    first = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    assert len(first.ran) == 7 and not first.failed and first.skipped == []
    again = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    assert again.ran == [] and len(again.skipped) == 7
    # One OPD's row changes: that OPD and the overview are redone, nothing else.
    indikator = (data / "indikator.csv").read_text().replace("A02.1.1.I1,A02.1.1,Jumlah layanan 1.1",
                                                             "A02.1.1.I1,A02.1.1,Jumlah layanan baru")
    (data / "indikator.csv").write_text(indikator)
    changed = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    assert sorted(changed.ran) == ["00_ikhtisar_pemda", "02/01_identifikasi_masalah",
                                   "02/02_pemetaan_kausal", "02/03_pemilihan_indikator"]
    # A template changes: every notebook of it is redone. --force redoes all.
    path = fixture_templates / "02_pemetaan_kausal.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print('baru')"))
    nbformat.write(nb, path)
    changed = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    assert sorted(changed.ran) == ["01/02_pemetaan_kausal", "02/02_pemetaan_kausal"]
    forced = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False, force=True)
    assert len(forced.ran) == 7
    # A parameter changes: everything is redone.
    assert len(run_batch(data, out, jobs=1, templates=fixture_templates, progress=False,
                         skala="enam_tingkat").ran) == 7


def test_a_failure_does_not_stop_the_others(tmp_path, fixture_templates, capsys):
    data, out = workbook(tmp_path, ["GAGAL", "MATI1", "MATI2"]), tmp_path / "out"
    report = run_batch(data, out, jobs=2, templates=fixture_templates, progress=False)
    assert sorted(report.failed) == ["GAGAL/01_identifikasi_masalah", "MATI2/02_pemetaan_kausal"]
    ok = [k for k, r in report.results.items() if r["status"] == "ok"]
    assert len(ok) == 1 + 5 * 3 - 2
    failed = report.results["GAGAL/01_identifikasi_masalah"]
    assert failed["error"] == "bagian «2. Bagian yang gagal» gagal: ValueError: sengaja gagal untuk uji"
    assert failed["failing_cell"] == 4
    kept = nbformat.read(failed["notebook"], as_version=4)  # kept, with the error visible
    assert any(o.get("ename") == "ValueError" for c in kept.cells for o in c.get("outputs", []))
    page = Path(failed["html"]).read_text()
    assert "sengaja gagal" in page and "Bagian ini gagal dijalankan" in page
    assert "An Exception was encountered" not in page
    # A kernel that dies once is retried and succeeds; one that always dies is reported.
    assert report.results["MATI1/02_pemetaan_kausal"]["status"] == "ok"
    assert report.results["MATI1/02_pemetaan_kausal"]["attempts"] == 2
    dead = report.results["MATI2/02_pemetaan_kausal"]
    assert dead["attempts"] == 2 and "kernel" in dead["error"]
    index = report.index.read_text()
    assert index.count('<tr class="fail">') == 2 and "sengaja gagal untuk uji" in index
    manifest = json.loads(report.manifest.read_text())
    assert manifest["notebooks"]["GAGAL/01_identifikasi_masalah"]["status"] == "gagal"
    # Through the command line: exit 1 and the failures named.
    code = main(["batch", str(data), "--out", str(out), "--templates", str(fixture_templates),
                 "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1 and "GAGAL/01_identifikasi_masalah" in err and "MATI2" in err


def assert_clean_start(notebook: str, out: Path, code: str) -> None:
    """The fixture's probe cell found nothing an earlier notebook left behind."""
    nb = nbformat.read(notebook, as_version=4)
    probe = next(c for c in nb.cells if c.source.startswith("import os, matplotlib"))
    state = probe.outputs[0]["text"]
    assert "'bocor': False" in state, state
    assert f"'cwd': '{out / '9901' / code}'" in state
    assert "'skala': ['enam_tingkat', 'lima_tingkat', 'lima_tingkat_permendagri']" in state
    assert "'dpi': 33" not in state and "'env': None" in state
    assert nb.cells[0].execution_count == 1  # the counter starts again for each notebook


def test_a_notebook_standing_by_when_another_ends_its_worker_is_not_blamed():
    """A worker's death breaks everything in flight. What ran in the worker's own process (a
    notebook's first try, a brief) could have ended it; a notebook rerun on a warm kernel after a
    crash could not (its cells end only the kernel): it runs again, not reported as dying twice.
    When nothing in flight could have ended the worker, everything counts the death."""
    from types import SimpleNamespace

    from pohon_nb.run.batch import _blame
    from pohon_nb.run.briefs import BriefTask

    first = SimpleNamespace(key="MATI2/02_pemetaan_kausal")
    again = SimpleNamespace(key="MATI1/02_pemetaan_kausal")
    brief = BriefTask("MATI1", "wb", "ringkasan.pdf", 2025, "lima_tingkat", None, "x")
    crashed = {again.key, brief.key}
    assert _blame([first, again, brief], crashed) == [(first, True), (again, False), (brief, True)]
    assert _blame([again], crashed) == [(again, True)]


def test_no_state_leaks_from_one_notebook_to_the_next(tmp_path, fixture_templates):
    data, out = workbook(tmp_path), tmp_path / "out"
    report = run_batch(data, out, jobs=1, templates=fixture_templates, progress=False)
    for code in ("01", "02"):  # both ran on the same warm kernel, 01 first
        assert_clean_start(report.results[f"{code}/03_pemilihan_indikator"]["notebook"], out, code)


def in_one_worker(tasks, after_crash=False):
    """Run ``tasks`` one after another in one worker of the batch's pool, where notebooks run in
    the worker's own process (pohon_nb.run.inprocess)."""
    from concurrent.futures import ProcessPoolExecutor

    from pohon_nb.run.batch import _worker_init

    with ProcessPoolExecutor(max_workers=1, initializer=_worker_init) as pool:
        in_one_worker.pid = pool.submit(os.getpid).result()
        return list(pool.map(execute_task, tasks, [after_crash] * len(tasks)))


def test_no_state_leaks_between_notebooks_run_in_a_worker_process(tmp_path, fixture_templates):
    data, out = workbook(tmp_path), tmp_path / "out"
    tasks = plan(load(data), out, templates=fixture_templates)
    results = in_one_worker(tasks)
    assert [r.status for r in results] == ["ok"] * len(tasks)
    by_key = {r.key: r for r in results}
    for code in ("01", "02"):  # 01's step 3 left a variable, a folder, an rcParam, an env var
        notebook = by_key[f"{code}/03_pemilihan_indikator"].notebook
        assert_clean_start(notebook, out, code)
        probe = nbformat.read(notebook, as_version=4).cells[2].outputs[0].text
        assert f"'pid': {in_one_worker.pid}" in probe  # run in the worker itself, not a kernel
    # What a cell prints is that cell's output, as from a kernel.
    nb = nbformat.read(by_key["01/01_identifikasi_masalah"].notebook, as_version=4)
    assert nb.cells[-1].outputs == [{"output_type": "stream", "name": "stdout", "text": "langkah 1 01\n"}]


@pytest.mark.parametrize("jobs", [1, 2])  # a warm kernel, and a pool worker's own process
def test_a_cell_past_the_time_limit_fails_its_notebook_only(tmp_path, fixture_templates, jobs):
    data, out = workbook(tmp_path, ["LAMBAT"]), tmp_path / "out"
    report = run_batch(data, out, jobs=jobs, templates=fixture_templates, progress=False,
                       only=["LAMBAT", "01"], overview=False, timeout=1)
    assert report.failed == ["LAMBAT/01_identifikasi_masalah"]
    assert "waktu habis" in report.results["LAMBAT/01_identifikasi_masalah"]["error"]
    assert report.results["LAMBAT/02_pemetaan_kausal"]["status"] == "ok"


def test_interrupted_run_then_rerun_completes(tmp_path, fixture_templates):
    data, out = workbook(tmp_path, ["LAMBAT"]), tmp_path / "out"
    command = [sys.executable, "-m", "pohon_nb.cli", "batch", str(data), "--out", str(out),
               "--templates", str(fixture_templates), "--jobs", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    manifest = out / "9901" / "manifest.json"
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until some notebooks are done, then interrupt
        done = json.loads(manifest.read_text()).get("notebooks", {}) if manifest.exists() else {}
        if len(done) >= 2:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "lanjut" in err
    partial = json.loads(manifest.read_text())["notebooks"]
    assert 2 <= len(partial) < 10
    assert not list(out.rglob(".*tmp*"))  # nothing half-written
    assert main(["batch", str(data), "--out", str(out), "--templates", str(fixture_templates),
                 "--jobs", "1"]) == 0
    final = json.loads(manifest.read_text())["notebooks"]
    assert len(final) == 10 and all(e["status"] == "ok" for e in final.values())
    for entry in final.values():
        nbformat.validate(nbformat.read(entry["notebook"], as_version=4))
        assert Path(entry["html"]).read_text().rstrip().endswith("</html>")


def test_hostile_text_is_escaped_and_paths_stay_inside(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["opd"][1].update(kode_opd="../../x", nama_opd="<script>alert(1)</script> & $x_1$")
    for sheet in ("pohon", "masalah"):
        for row in tables[sheet]:
            if row.get("kode_opd") == "02":
                row["kode_opd"] = "../../x"
    tables["pohon"][9]["pernyataan"] = "Meningkatnya <b>tebal</b> $x_1$ <script>alert(2)</script>"
    data = write_xlsx(tables, tmp_path / "jahat.xlsx")
    out = tmp_path / "out"
    report = run_batch(data, out, jobs=2, only=["../../x"], progress=False)
    assert not report.failed, report.results
    files = [p.resolve() for p in out.rglob("*")]
    assert all(out.resolve() in p.parents for p in files)
    assert (out / "9901" / ".._.._x" / "02_pemetaan_kausal.html").exists()
    index = report.index.read_text()
    assert "<script>alert" not in index and "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    for page in (out / "9901" / ".._.._x").glob("*.html"):
        text = page.read_text()
        assert "<script>alert" not in text, page.name


def test_warm_path_gives_the_same_outputs_as_cold_papermill(tmp_path):
    pemda = load()
    (task,) = [t for t in plan(pemda, tmp_path / "warm", only=["1.05.0.00.0.00.02.0000"])
               if t.key.endswith("01_identifikasi_masalah")]
    warm = execute_task(task)
    assert warm.status == "ok"
    cold_path = tmp_path / "cold.ipynb"
    pm.execute_notebook(task.template, str(cold_path), parameters=task.parameters,
                        kernel_name="python3", progress_bar=False, cwd=str(Path(task.notebook).parent))
    cold_nb = nbformat.read(cold_path, as_version=4)
    (here,) = in_one_worker([replace(task, notebook=str(tmp_path / "sini" / "01.ipynb"))])
    for result in (warm, here):  # a warm kernel, and a pool worker's own process
        warm_nb = nbformat.read(result.notebook, as_version=4)
        assert len(warm_nb.cells) == len(cold_nb.cells)
        assert warm_nb.metadata.language_info == cold_nb.metadata.language_info
        for a, b in zip(warm_nb.cells, cold_nb.cells):
            if a.cell_type == "code":
                assert a.execution_count == b.execution_count
                assert a.outputs == b.outputs, a.source[:60]


def test_dask_cluster_runs_the_same_work(tmp_path, fixture_templates):
    distributed = pytest.importorskip("distributed")
    data, out = workbook(tmp_path), tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        report = run_batch(data, out, templates=fixture_templates, progress=False,
                           scheduler=cluster.scheduler_address)
    assert not report.failed and len(report.ran) == 7
    entries = json.loads(report.manifest.read_text())["notebooks"]
    assert entries["01/01_identifikasi_masalah"]["status"] == "ok"
    assert report.index.exists()


def test_unknown_only_codes_and_broken_workbooks_are_refused(tmp_path, capsys, clean):
    assert main(["batch", "--only", "99", "--out", str(tmp_path)]) == 1
    assert "99" in capsys.readouterr().err
    del clean["pemda"]  # an error of the whole workbook: nothing runs
    broken = write_xlsx(clean, tmp_path / "rusak.xlsx")
    assert main(["batch", str(broken), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "galat yang menghentikan semua notebook" in err and "S02" in err and "sheet pemda" in err
    assert not (tmp_path / "out").exists()


def test_task_is_plain_data():
    # Tasks cross process (and machine) boundaries: they must pickle.
    import pickle

    task = Task("k", None, str(TEMPLATES / "00_ikhtisar_pemda.ipynb"), "/tmp/x.ipynb", {}, "f")
    assert pickle.loads(pickle.dumps(task)) == task
