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

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from conftest import CHROMIUM, REPO, need_browser
from lab import CHROME_ARGS, LabFailed, Walk, running_lab

from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import shared_roots
from pohon_nb.reading.model import load

pytestmark = pytest.mark.lambat  # drives JupyterLab in headless Chromium

@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free local port, in a folder of its own; always stopped."""
    need_browser()
    try:
        with running_lab(tmp_path_factory.mktemp("lab"), tmp_path_factory.mktemp("jupyter")) as lab:
            yield lab
    except LabFailed as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield chromium
        chromium.close()


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


def open_and_run(browser, lab, shots, relative: str, data_name: str, dropdowns: int = 3) -> tuple[Walk, Path]:
    """Copy the sample, open the notebook reading it, run all cells, check the widgets."""
    data = lab["root"] / data_name
    shutil.copy(SAMPLE, data)
    walk = Walk(browser, lab, _copy_notebook(lab, relative, data), shots)
    walk.run_all()
    walk.assert_widgets_rendered(dropdowns)
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
    # The shared roots follow the OPD: those involving it, every OPD's one click away.
    pemda = load(SAMPLE)
    tani = pemda.node("DISTANPANGAN.1")["kode_opd"]
    every = shared_roots.shared_roots(pemda, pemda.assessed_year())
    mine = int(shared_roots.involving(every, tani).sum())
    walk.wait_for_text(f"{mine} dari {len(every)} akar masalah bersama melibatkan {pemda.opd_short(tani)}")
    walk.wait_for_text("Semua OPD: ")
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
    # An OPD's name finds its conditions; a search that finds nothing lists them all again.
    search.fill("Dinas Kesehatan")
    search.press("Enter")
    walk.wait_for_text("kondisi memuat semua kata «Dinas Kesehatan»")
    walk.wait_settled()
    first = conditions.locator("option").first.inner_text().replace("\xa0", " ").lstrip("· ")
    assert first.startswith("DINKES."), walk.fail_note(f"OPD tidak ditemukan: {first}")
    search.fill("tidakadayangcocok")
    search.press("Enter")
    walk.wait_for_text("daftar kembali ke semua kondisi")
    assert conditions.locator("option").count() > len(found), walk.fail_note("daftar tidak kembali")
    walk.snap("tidak_ditemukan")
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


def test_the_overview_has_no_opd_choice_and_follows_the_year(browser, lab, shots):
    walk, _ = open_and_run(browser, lab, shots, "templates/00_ikhtisar_pemda.ipynb", "kab_ikhtisar.xlsx",
                           dropdowns=2)
    pemda = load(SAMPLE)
    assert walk.dropdown("Tahun").count() == 1 and walk.dropdown("Skala").count() == 1
    labels = walk.notebook.locator(".widget-dropdown label").all_inner_texts()
    assert "OPD" not in labels, walk.fail_note(f"pilihan OPD masih ada: {labels}")
    assert "pilihan OPD tidak mengubah" not in walk.page.inner_text(".jp-Notebook")
    headline = walk.notebook.locator(".widget-html", has_text=pemda.info["nama_pemda"]).first
    before = headline.inner_text()
    walk.select("Tahun", str(min(pemda.realised_years())))
    walk.wait_settled()
    walk.snap("tahun_diganti")
    assert headline.inner_text() != before, walk.fail_note("angka utama Pemda tidak mengikuti tahun")
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
