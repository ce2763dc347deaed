"""The interactive notebooks in a real browser: JupyterLab, ipywidgets, headless Chromium.

A widget that works when driven from Python can still fail in the browser (a missing
frontend extension, a version mismatch, an output that never renders). These tests start
``jupyter lab`` on 127.0.0.1 with a token in a temporary folder, open the notebooks, run
all cells and act as a user would. Screenshots of every step are saved in the test's
temporary folder and named in any failure message.

Without Chromium (Debian's ``chromium``) or the ``playwright`` package the tests skip with
the reason; when the environment variable ``CI`` is set they fail instead, so CI cannot
pass without running them.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import CHROMIUM, REPO, need_browser

from pohon_nb.core.paths import SAMPLE

pytestmark = pytest.mark.lambat  # drives JupyterLab in headless Chromium

@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free local port, in a folder of its own; always stopped."""
    need_browser()
    root = tmp_path_factory.mktemp("lab")
    home = tmp_path_factory.mktemp("jupyter")
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    notebook_settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    # Every cell in the page (no windowing), so widgets above the fold can be found.
    (notebook_settings / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    log = open(home / "lab.log", "w")  # noqa: SIM115 (open for the server's whole life)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--allow-root",
         f"--LabApp.workspaces_dir={home / 'workspaces'}",
         f"--LabApp.user_settings_dir={home / 'settings'}"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"jupyter lab berhenti: {(home / 'lab.log').read_text()[-2000:]}")
                time.sleep(0.3)
        else:
            pytest.fail("jupyter lab tidak menjawab dalam 60 detik")
        yield {"url": url, "token": token, "root": root}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


class Walk:
    """One notebook opened in JupyterLab, with a screenshot at every step."""

    def __init__(self, browser, lab, name: str, shots: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.set_default_timeout(90_000)
        self.shots, self.name, self.step = shots, name, 0
        # A workspace of its own, so no notebook of an earlier test is open in a hidden tab.
        workspace = Path(name).stem.replace("_", "-")
        self.page.goto(f"{lab['url']}/lab/workspaces/{workspace}/tree/{name}?token={lab['token']}")
        self.page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
        self.snap("dibuka")

    @property
    def notebook(self):
        """The notebook panel on screen (not one in a hidden tab)."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def snap(self, what: str) -> Path:
        self.step += 1
        path = self.shots / f"{Path(self.name).stem}_{self.step:02d}_{what}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def run_all(self) -> None:
        self.page.get_by_role("menuitem", name="Run", exact=True).click()
        self.page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        # Done when no cell still waits or runs ("[*]") and the kernel is idle again.
        self.page.wait_for_function(
            "() => !Array.from(document.querySelectorAll('.jp-InputPrompt'))"
            ".some(e => e.textContent.includes('*'))", timeout=180_000)
        self.page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
        self.snap("dijalankan")

    def assert_widgets_rendered(self) -> None:
        body = self.page.inner_text("body")
        assert "Loading widget" not in body, self.fail_note("widget tidak tampil")
        assert "Error displaying widget" not in body, self.fail_note("widget galat")
        assert self.notebook.locator(".widget-dropdown select").count() >= 3, self.fail_note(
            "panel pilihan tidak ada")

    def select(self, index: int, label_part: str) -> None:
        select = self.notebook.locator(".widget-dropdown select").nth(index)
        options = select.locator("option").all_inner_texts()
        # ipywidgets shows spaces in option labels as non-breaking spaces.
        label = next(o for o in options if label_part in o.replace("\xa0", " "))
        select.scroll_into_view_if_needed()
        select.select_option(label=label)
        self.snap("pilihan")

    def wait_for_text(self, text: str) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function("t => document.body.innerText.includes(t)", arg=text,
                                        timeout=30_000)
        except PlaywrightTimeout:
            raise AssertionError(self.fail_note(f"teks {text!r} tidak muncul")) from None

    def images(self) -> list[str]:
        return self.notebook.locator(".jp-OutputArea-output img").evaluate_all(
            "els => els.map(e => e.src.slice(-200))")

    def fail_note(self, what: str) -> str:
        return f"{what}; tangkapan layar: {self.snap('gagal')}"


def _copy_notebook(lab, relative: str, data: Path) -> str:
    """The notebook in the lab folder, reading a copy of the sample."""
    nb = nbformat.read(REPO / relative, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace('data_path: str = ""', f'data_path: str = "{data}"')
    name = Path(relative).name
    nbformat.write(nb, lab["root"] / name)
    return name


@pytest.fixture
def shots(tmp_path):
    folder = tmp_path / "tangkapan"
    folder.mkdir()
    return folder


def open_and_run(browser, lab, shots, relative: str, data_name: str) -> tuple[Walk, Path]:
    """Copy the sample, open the notebook reading it, run all cells, check the widgets."""
    data = lab["root"] / data_name
    shutil.copy(SAMPLE, data)
    walk = Walk(browser, lab, _copy_notebook(lab, relative, data), shots)
    walk.run_all()
    walk.assert_widgets_rendered()
    return walk, data


CONDITION = 4  # the explorer's condition list among its dropdowns


def test_explorer_follows_the_chosen_condition(browser, lab, shots):
    walk, _ = open_and_run(browser, lab, shots, "notebooks/jelajah_akar_masalah.ipynb",
                           "kab_jelajah.xlsx")
    before_images, before_text = walk.images(), walk.page.inner_text(".jp-Notebook")
    assert before_images, walk.fail_note("gambar pohon tidak tampil")
    assert walk.notebook.locator(".jp-OutputArea-output img").first.is_visible()
    # The dropdowns: OPD, Tahun, Skala, Banding (the year compared with), Kondisi.
    # The OPD choice narrows the condition list to that OPD (and what is above it) and the
    # condition follows it; then a condition of that OPD is chosen.
    walk.select(0, "Dinas Pertanian dan Ketahanan Pangan")
    walk.page.wait_for_function("() => !document.body.innerText.includes('memperbarui')")
    conditions = walk.notebook.locator(".widget-dropdown select").nth(CONDITION)
    listed = conditions.locator("option").all_inner_texts()
    assert any("DISTANPANGAN.1 " in o.replace("\xa0", " ") for o in listed), walk.fail_note("daftar")
    assert not any("DINKES." in o for o in listed), walk.fail_note("daftar tidak mengikuti OPD")
    walk.select(CONDITION, "DISTANPANGAN.1 ")
    walk.wait_for_text("DISTANPANGAN.1 Meningkatnya produksi dan produktivitas pertanian: ")
    walk.wait_for_text("Dinas Pertanian dan Ketahanan Pangan (3.27.0.00.0.00.01.0000):")  # the headline
    walk.page.wait_for_function("() => !document.body.innerText.includes('memperbarui')")
    walk.snap("kondisi_diganti")
    assert walk.images() != before_images, walk.fail_note("gambar tidak berubah")
    assert walk.page.inner_text(".jp-Notebook") != before_text
    # Find a condition by a word instead of scrolling the list: Enter narrows it and shows
    # the first match.
    every = walk.notebook.locator(".widget-dropdown select").nth(CONDITION).locator("option").count()
    search = walk.notebook.locator(".widget-text input").first
    search.fill("stunting")
    search.press("Enter")
    walk.wait_for_text("kondisi memuat")
    walk.page.wait_for_function("() => !document.body.innerText.includes('memperbarui')")
    walk.snap("dicari")
    found = conditions.locator("option").all_inner_texts()
    assert 0 < len(found) < every, walk.fail_note("daftar kondisi tidak menyempit")
    walk.wait_for_text(found[0].replace("\xa0", " ").lstrip("· ").split(" ")[0] + " ")
    # Two picks in quick succession: every section greys out at once, and what settles is the
    # last pick's content.
    walk.page.evaluate("() => { window.sawGrey = false; const look = () => { if (document"
                       ".querySelectorAll('.pohon-nb-usang').length >= 4 && getComputedStyle("
                       "document.querySelector('.pohon-nb-usang')).opacity < 0.5) window.sawGrey = "
                       "true; else requestAnimationFrame(look); }; look(); }")
    select = walk.notebook.locator(".widget-dropdown select").nth(CONDITION)
    labels = [o for o in select.locator("option").all_inner_texts()][1:3]
    for label in labels:
        select.select_option(label=label)
    walk.page.wait_for_function("() => window.sawGrey", timeout=30_000)
    walk.snap("diganti_cepat")
    walk.page.wait_for_function("() => !document.body.innerText.includes('memperbarui') && "
                                "!document.querySelector('.pohon-nb-usang')", timeout=60_000)
    walk.wait_for_text(labels[-1].replace("\xa0", " ").lstrip("· ").split(" ")[0] + " ")
    walk.snap("diganti_cepat_selesai")
    # The analyst saves what is on screen: tables to Excel, figures to PNG.
    walk.notebook.get_by_role("button", name="Simpan tampilan").click()
    walk.wait_for_text("Tersimpan")
    saved = list((lab["root"] / "out").rglob("tampilan_*.xlsx"))
    assert saved and list((lab["root"] / "out").rglob("tampilan_*.png")), walk.fail_note("tidak tersimpan")
    walk.page.close()


def test_causal_mapping_follows_the_chosen_opd(browser, lab, shots):
    walk, _ = open_and_run(browser, lab, shots, "templates/02_pemetaan_kausal.ipynb",
                           "kab_kausal.xlsx")
    before = walk.images()
    assert "Dinas Kesehatan" in walk.page.inner_text(".jp-Notebook")
    walk.select(0, "Badan Penanggulangan Bencana Daerah")
    walk.wait_for_text("BPBD.1.1.1")
    walk.page.wait_for_function("() => !document.body.innerText.includes('memperbarui')")
    walk.snap("opd_diganti")
    text = walk.page.inner_text(".jp-Notebook")
    assert "BPBD.1" in text, walk.fail_note("tabel tidak berubah")
    assert walk.images() != before, walk.fail_note("gambar pohon tidak berubah")
    walk.page.close()


def test_usg_scorer_saves_a_new_file_and_keeps_the_input(browser, lab, shots):
    walk, data = open_and_run(browser, lab, shots, "templates/01_identifikasi_masalah.ipynb",
                              "kab_usg.xlsx")
    original = SAMPLE.read_bytes()  # the copy is byte-identical to the sample
    button = walk.page.get_by_role("button", name="Simpan skor USG")
    button.scroll_into_view_if_needed()
    button.click()
    walk.page.get_by_text("Tersimpan di", exact=False).wait_for()
    walk.snap("disimpan")
    saved = sorted(lab["root"].glob("kab_usg_penilaian_*.xlsx"))
    assert len(saved) == 1, walk.fail_note("berkas baru tidak tertulis")
    assert data.read_bytes() == original, walk.fail_note("workbook asli berubah")
    walk.page.close()


def _learner_opens(browser, lab, shots, module: str) -> Walk:
    """A training module as a participant gets it (the sample, the learner edition), run."""
    walk = Walk(browser, lab, _copy_notebook(lab, f"notebooks/pelatihan/{module}.ipynb", SAMPLE), shots)
    walk.run_all()
    body = walk.page.inner_text("body")
    assert "Error displaying widget" not in body and "Traceback" not in body, walk.fail_note("galat")
    return walk


def _check(walk: Walk, form, expect: str) -> str:
    """Press the form's Periksa and return the feedback shown under it once it says ``expect``
    (the feedback of an earlier press may still be on screen until the kernel answers)."""
    form.get_by_role("button", name="Periksa").click()
    output = form.locator(".jp-OutputArea-output", has_text=re.compile(re.escape(expect))).first
    try:
        output.wait_for(timeout=30_000)
    except Exception:
        shown = form.locator(".jp-OutputArea-output").all_inner_texts()
        raise AssertionError(walk.fail_note(f"umpan balik {expect!r} tidak muncul: {shown}")) from None
    walk.snap("diperiksa")
    return output.inner_text()


def _order(form) -> list[str]:
    return [t.split(". ", 1)[1] for t in form.locator(".pohon-urutan-item").all_inner_texts()]


def test_a_learner_answers_one_exercise_per_module_through_its_form(browser, lab, shots):
    # Modul 1, exercise 1.1: the levels put in order with the arrow buttons, then checked.
    walk = _learner_opens(browser, lab, shots, "01_konsep")
    form = walk.notebook.locator(".pohon-latihan").nth(0)
    form.scroll_into_view_if_needed()
    assert _order(form) == ["output", "immediate", "ultimate", "intermediate"]
    _check(walk, form, "Belum tepat")  # the shuffled order, checked as it stands
    for level, target in (("ultimate", 0), ("intermediate", 1), ("immediate", 2)):
        while _order(form).index(level) > target:
            before = _order(form)
            form.locator(f'button[title="naikkan {level}"]').click()
            walk.page.wait_for_function(
                "([sel, old]) => Array.from(document.querySelectorAll(sel)).map(e => e.innerText)"
                ".join('|') !== old", arg=[".pohon-latihan .pohon-urutan-item",
                                          "|".join(f"{i + 1}. {x}" for i, x in enumerate(before))])
    assert _order(form) == ["ultimate", "intermediate", "immediate", "output"]
    _check(walk, form, "Tepat!")
    walk.page.close()

    # Modul 2, exercise 2.1: the APKL criterion typed as a word.
    walk = _learner_opens(browser, lab, shots, "02_identifikasi_masalah")
    form = walk.notebook.locator(".pohon-latihan").nth(0)
    form.scroll_into_view_if_needed()
    form.locator("input").first.fill("layak")
    assert "crosscutting" in _check(walk, form, "Tepat!")
    walk.page.close()

    # Modul 3, exercise 3.2: a level from the dropdown, first one too low, then the right one.
    walk = _learner_opens(browser, lab, shots, "03_pohon_masalah_ke_pohon_kinerja")
    form = walk.notebook.locator(".pohon-latihan").nth(1)
    form.scroll_into_view_if_needed()
    form.locator("select").select_option(label="output")
    _check(walk, form, "terlewati")
    form.locator("select").select_option(label="immediate")
    _check(walk, form, "Tepat!")
    walk.page.close()

    # Modul 4, exercise 4.2: a number with a decimal comma; the capped figure is a variant.
    walk = _learner_opens(browser, lab, shots, "04_indikator")
    form = walk.notebook.locator(".pohon-latihan").nth(1)
    form.scroll_into_view_if_needed()
    form.locator("input").first.fill("120,0")
    _check(walk, form, "dibatasi")
    form.locator("input").first.fill("125,0")
    _check(walk, form, "Tepat!")
    walk.page.close()

    # Modul 5, exercise 5.7: the partners not yet agreed, ticked.
    walk = _learner_opens(browser, lab, shots, "05_cascading_dan_crosscutting")
    form = walk.notebook.locator(".pohon-latihan").nth(6)
    form.scroll_into_view_if_needed()
    for partner in ("DPUPR", "BKPSDM"):
        form.get_by_label(partner).check()
    assert "forum" in _check(walk, form, "Tepat!")
    walk.page.close()
