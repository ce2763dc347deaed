"""The reports an OPD head reads (issue 29): each step report opens with "Perbaiki hari ini", a
finding's text appears once per report, the evaluator's criteria only on the Pemda overview,
repeated reasons are one line, and the page fits 1280 px. Rendered in headless Chromium, as a
reader's browser shows it; the page heights are printed by ``bench/report_height.py``.

Without Chromium or playwright the browser part skips with the reason (fails under ``CI``).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import CHROMIUM, need_browser

from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.checked import check
from pohon_nb.reading.model import load
from pohon_nb.run.batch import run_batch
from pohon_nb.run.reports import STEPS

pytestmark = pytest.mark.lambat  # runs the notebooks of one OPD and a browser

DINKES = "1.02.0.00.0.00.01.0000"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("laporan")
    report = run_batch(SAMPLE, out, jobs=1, only=[DINKES], briefs=False, progress=False)
    assert not report.failed, report.failed
    folder = out / "3599"
    return {"overview": folder / "00_ikhtisar_pemda.html",
            **{step: folder / DINKES / f"{step}.html" for step in STEPS}}


def text_of(path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), features="html.parser")
    for hidden in soup.select("script, style"):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def test_each_step_report_opens_with_what_to_fix_today(reports):
    for step in STEPS:
        soup = BeautifulSoup(reports[step].read_text(encoding="utf-8"), features="html.parser")
        sections = soup.find_all("h2")
        assert sections[0].get_text().startswith("Perbaiki hari ini"), (step, sections[0].get_text())
        assert sections[1].get_text().startswith("1. "), step
        # The list between: findings named by rule and id, and where their text is.
        text = text_of(reports[step])
        part = text[text.find("Perbaiki hari ini"):text.find(sections[1].get_text(" ").strip()[:12])]
        items = re.findall(r"usulan: \S+ .*?; lihat langkah \d", part)
        assert len(items) == 6 and re.search(r"\(M\d\d, menaikkan 1\.[bc]\.\d\)", part), part


def test_a_finding_s_text_appears_once_per_report(reports):
    checked = check(load(SAMPLE))
    own = [f for f in checked.findings if f.kode_opd == DINKES]
    assert len(own) >= 10
    for step in STEPS:
        text = text_of(reports[step])
        for finding in own:
            assert text.count(finding.message) <= 1, (step, finding.code, finding.ref)


def test_the_evaluator_s_criteria_are_listed_once_on_the_overview(reports):
    assert "Bukti yang diminta" in text_of(reports["overview"])
    causal = text_of(reports["02_pemetaan_kausal"])
    assert "Bukti yang diminta" not in causal and "di ikhtisar Pemda" in causal


def test_repeated_reasons_are_one_line(reports):
    soup = BeautifulSoup(reports["03_pemilihan_indikator"].read_text(encoding="utf-8"),
                         features="html.parser")
    heading = next(h for h in soup.find_all(["h2", "h3"]) if "Skor SMART dan CREAM" in h.get_text())
    reasons = next(t for t in heading.find_all_next("table")
                   if "Alasan" in [th.get_text(strip=True) for th in t.find_all("th")])
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all("td")] for tr in reasons.find_all("tr")[1:]]
    keys = [(r[0], r[1], r[3]) for r in rows]  # framework, criterion, reason
    assert len(keys) == len(set(keys)), keys  # "definisi dan formula belum diisi" once, not per indicator
    adequate = next(r for r in rows if r[3] == "definisi dan formula belum diisi")
    assert int(adequate[-2]) >= 20 and adequate[-1].count("DINKES.") >= 10, adequate


def _folded(soup) -> str:
    return " ".join(d.get_text(" ", strip=True) for d in soup.select("details.pohon-lipat"))


def _open(soup) -> str:
    """The report's text outside its folded parts."""
    import copy

    shown = copy.copy(soup)
    for details in shown.select("details.pohon-lipat"):
        details.decompose()
    return shown.get_text(" ", strip=True)


def test_what_the_room_works_on_is_in_view_and_the_rest_one_click_below(reports):
    from pohon_nb.method import achievement, indicators, problems
    from pohon_nb.reading.model import load

    pemda = load(SAMPLE)
    step1, step3 = (BeautifulSoup(reports[s].read_text(encoding="utf-8"), features="html.parser")
                    for s in ("01_identifikasi_masalah", "03_pemilihan_indikator"))
    gaps = achievement.indicator_gaps(pemda, DINKES, pemda.assessed_year()).dropna(subset=["capaian"])
    below = gaps[gaps["capaian"] < achievement.TARGET_MET]
    assert len(below) and all(i in _open(step1) for i in below["id_indikator"])
    assert "indikator lain mencapai target tanpa catatan temuan" in _folded(step1)
    scores = indicators.indicator_scores(pemda, DINKES)
    iku, others = scores[scores["iku"].astype(bool)], scores[~scores["iku"].astype(bool)]
    assert all(i in _open(step3) for i in iku["id_indikator"])
    hidden = [i for i in others["id_indikator"] if f"{i} " in _folded(step3)]
    assert len(hidden) >= len(others) - 2  # a low score or a disagreement stays in view
    # The Manual IKU: its blanks named in view, the manual itself one click below.
    manual = indicators.manual_iku(pemda, DINKES)
    blank = manual[manual["belum_diisi"] != ""]
    assert all(k in _open(step3) for k in blank["kode"])
    assert "Manual IKU" in _folded(step3) and "Target 2029" in _folded(step3)
    assert "Target 2029" not in _open(step3)
    # Step 1: the headline says the OPD's figures, its table is folded; the APKL issues that fail
    # stay in view (Dinkes has two); the problem tree is drawn, its rows folded.
    opened, folded = _open(step1), _folded(step1)
    assert "Angka utama OPD dalam satu tabel" in folded and "kondisi per level" in opened
    screen = problems.apkl_screen(pemda, DINKES)
    failed = screen[screen["lolos"] == False]  # noqa: E712
    assert len(failed) and all(f"{i} (gagal" in opened for i in failed["id"])
    assert "Lolos APKL" in opened  # a table with failures is the room's work: not folded
    assert "Peran, kedalaman dan lokus" in folded and 'alt="Gambar: 6. Pohon masalah"' in str(step1)


def test_reports_fit_1280_px_and_their_status_line_is_a_paragraph(reports):
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        heights = {}
        for name, path in reports.items():
            page.goto(path.resolve().as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            heights[name] = page.evaluate("document.documentElement.scrollHeight")
            assert width <= 1280, (name, width)  # nothing cut at the right
            # The headline is a paragraph that wraps, not a monospace block running past the margin.
            monospace = page.evaluate("Array.from(document.querySelectorAll('pre'))"
                                      ".map(e => e.innerText).filter(t => t.includes('kondisi,'))")
            assert not monospace, (name, monospace)
        browser.close()
    # Regressions show here; the goal (half of the heights before issue 29) is bench/report_height.py's.
    assert sum(heights[s] for s in STEPS) < 24_000, heights


def test_an_indicator_no_assessor_scored_shows_no_assessor_score():
    """"Penilai" is blank where no assessor scored (it read 0), and the column is absent when no
    assessor scored any of the reasons shown."""
    from pohon_nb.nb import views

    pemda = load(SAMPLE)
    shown = views.score_reasons(views.Context(pemda, DINKES, 2026)).table
    rows = shown.text.to_dict("records")
    automatic = [r for r in rows if r["Skor penilai"] == ""]
    assert automatic and all(r["Penilai"] == "" for r in automatic), automatic[:2]
    assert any(r["Penilai"] not in ("", "0") for r in rows)  # where assessors scored, how many
    other = next(c for c in pemda.opd_codes() if c != DINKES
                 and not views.score_reasons(views.Context(pemda, c, 2026)).table.data.empty)
    columns = list(views.score_reasons(views.Context(pemda, other, 2026)).table.data.columns)
    assert "Penilai" not in columns and "Skor penilai" not in columns, (other, columns)
