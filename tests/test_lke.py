"""The LKE estimate (issue 17): the answer each criterion the workbook decides would get, from
the share of its elements fulfilled, explained by the elements that hold it back.

Worked by hand on small workbooks (the grade boundaries at exactly 25, 50, 75 and 100%), and
on the sample; fixing what "would raise it one grade" does raise it; a criterion whose sheet is
absent is "dinilai evaluator", never a grade.
"""

from __future__ import annotations

import copy

import openpyxl
import pytest
from conftest import clean_tables, write_xlsx

from pohon_nb.cli import main
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import lke
from pohon_nb.method.checks import run_checks
from pohon_nb.nb import views
from pohon_nb.reading.model import load

DINKES, DISHUB, DUKCAPIL = "1.02.0.00.0.00.01.0000", "2.15.0.00.0.00.01.0000", "2.12.0.00.0.00.01.0000"
GRADES = lke.read_grades()


def _estimates(pemda, year=2025):
    return lke.estimate(pemda, pemda.findings + run_checks(pemda), year)


def _criterion(estimates, code):
    return next(e for e in estimates if e.criterion.code == code)


@pytest.mark.parametrize("share,answer", [
    (100, "BB"), (99.9, "B"), (75.1, "B"), (75, "CC"), (50.1, "CC"), (50, "C"), (25.1, "C"),
    (25, "D"), (0.1, "D"), (0, "E")])
def test_the_grade_boundaries_follow_the_regulation(share, answer):
    assert lke.grade_of(share, GRADES).answer == answer


def four_outcomes(worded_as_activity: int) -> dict:
    """OPD 01 with four outcome-level conditions (A01, A01.1, A01.2, A01.3), of which the first
    ``worded_as_activity`` immediate ones are worded as activities (rule M01)."""
    tables = copy.deepcopy(clean_tables())
    tables["pohon"].append({"id": "A01.3", "induk": "A01", "level": "immediate", "kode_opd": "01",
                            "pernyataan": "Meningkatnya cakupan layanan 3"})
    tables["indikator"].append({**next(r for r in tables["indikator"] if r["id_pohon"] == "A01.2"),
                                "id": "A01.3.I1", "id_pohon": "A01.3"})
    for n, node in enumerate(("A01.1", "A01.2", "A01.3")[:worded_as_activity]):
        next(r for r in tables["pohon"] if r["id"] == node)["pernyataan"] = f"Pelaksanaan pelayanan {n}"
    return tables


@pytest.mark.parametrize("activities,share,answer", [(0, 100, "BB"), (1, 75, "CC"), (2, 50, "C"),
                                                     (3, 25, "D")])
def test_result_wording_counted_by_hand(tmp_path, activities, share, answer):
    pemda = load(write_xlsx(four_outcomes(activities), tmp_path / "wb.xlsx"))
    estimate = _criterion(_estimates(pemda)["01"], "1.b.4")
    assert [e.ref for e in estimate.elements] == ["A01", "A01.1", "A01.2", "A01.3"]
    assert estimate.share == share and estimate.answer == answer
    held = [e.ref for e in estimate.held_back]
    assert held == ["A01.1", "A01.2", "A01.3"][:activities]
    assert all(e.why.startswith("M01:") for e in estimate.held_back)


def test_fixing_what_would_raise_it_raises_it(tmp_path):
    tables = four_outcomes(2)  # 50%: C
    pemda = load(write_xlsx(tables, tmp_path / "awal.xlsx"))
    before = _criterion(_estimates(pemda)["01"], "1.b.4")
    fixes = before.to_raise()
    assert before.answer == "C" and [e.ref for e in fixes] == ["A01.1"]  # one fix: 75%, CC
    next(r for r in tables["pohon"] if r["id"] == "A01.1")["pernyataan"] = "Meningkatnya pelayanan 0"
    after = _criterion(_estimates(load(write_xlsx(tables, tmp_path / "baik.xlsx")))["01"], "1.b.4")
    assert after.answer == "CC" and after.share == 75


def test_on_the_sample_every_grade_is_explained(tmp_path):
    pemda = load(SAMPLE)
    estimates = _estimates(pemda)
    assert set(estimates) == {None, *pemda.opd_codes()}
    for code, listed in estimates.items():
        for estimate in listed:
            if not estimate.decided:
                assert estimate.answer == lke.NOT_DECIDED
                continue
            assert len(estimate.held_back) == len(estimate.elements) - round(
                estimate.share * len(estimate.elements) / 100)
            assert all(e.why for e in estimate.held_back), (code, estimate.criterion.code)
    # One OPD estimated alone (what its notebook does) is the same as its part of the whole.
    for code in (DINKES, DISHUB, DUKCAPIL):
        alone = lke.estimate(pemda, pemda.findings + run_checks(pemda), 2025, kode_opd=code)
        assert set(alone) == {code}
        assert [(e.answer, e.share, [x.ref for x in e.held_back]) for e in alone[code]] == \
            [(e.answer, e.share, [x.ref for x in e.held_back]) for e in estimates[code]]
    # Hand-counted: Disdukcapil has four outcome-level conditions, DISDUKCAPIL.1.1 worded as an
    # activity: exactly 75%, CC. Dinkes sent four crosscutting requests, two agreed: 50%, C.
    wording = _criterion(estimates[DUKCAPIL], "1.b.4")
    assert (wording.share, wording.answer) == (75, "CC")
    assert [e.ref for e in wording.held_back] == ["DISDUKCAPIL.1.1"]
    crosscutting = _criterion(estimates[DINKES], "1.b.9")
    assert (crosscutting.share, crosscutting.answer) == (50, "C")
    assert _criterion(estimates[DISHUB], "1.b.9").answer == "E"  # its one request is still usulan
    # Approving the request listed as the fix raises Dinkes one grade.
    fix = crosscutting.to_raise()
    assert len(fix) == 1 and fix[0].ref == "DINKES.1 → DPUPR"
    book = openpyxl.load_workbook(SAMPLE)
    sheet = book["lintas_opd"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "DINKES.1")
    row[header.index("status")].value = "disetujui"
    book.save(tmp_path / "disetujui.xlsx")
    raised = _criterion(_estimates(load(tmp_path / "disetujui.xlsx"))[DINKES], "1.b.9")
    assert (raised.share, raised.answer) == (75, "CC")


def test_an_absent_sheet_is_for_the_evaluator_not_a_grade(tmp_path):
    tables = copy.deepcopy(clean_tables())
    del tables["lintas_opd"], tables["anggaran"]
    pemda = load(write_xlsx(tables, tmp_path / "tanpa.xlsx"))
    estimates = _estimates(pemda)["01"]
    for code in ("1.b.9", "1.c.1"):
        estimate = _criterion(estimates, code)
        assert estimate.answer == lke.NOT_DECIDED and estimate.share is None
    frame = lke.table(estimates).set_index("kriteria")
    assert frame.at["1.b.9", "bukti_evaluator"] and frame.at["1.c.1", "bukti_evaluator"]
    # No realisation in the year either: 1.c.3 is for the evaluator too.
    assert _criterion(lke.estimate(pemda, pemda.findings, 2027)["01"], "1.c.3").answer == lke.NOT_DECIDED


def test_the_tables_are_data_a_pemda_can_change(tmp_path):
    row = "1.b.4,1. Perencanaan Kinerja,30,1.b Kualitas,9,"
    text = lke.CRITERIA_FILE.read_text(encoding="utf-8").replace(row + "10,", row + "12,")
    stricter = lke.GRADES_FILE.read_text(encoding="utf-8").replace("B,75,100,70", "B,90,100,70").replace(
        "CC,50,75,60", "CC,50,90,60")
    (tmp_path / "kriteria.csv").write_text(text, encoding="utf-8")
    (tmp_path / "jawaban.csv").write_text(stricter, encoding="utf-8")
    criteria = lke.read_criteria(tmp_path / "kriteria.csv")
    grades = lke.read_grades(tmp_path / "jawaban.csv")
    assert next(c for c in criteria if c.code == "1.b.4").weight == 12
    assert lke.grade_of(88.9, grades).answer == "CC" and lke.grade_of(88.9, GRADES).answer == "B"


def test_where_people_see_it(tmp_path):
    pemda = load(SAMPLE)
    ctx = views.Context(pemda, DISHUB, 2025, out_dir=tmp_path)
    opd = views.lke_opd(ctx)
    assert lke.ESTIMATE_NOTE in opd.text and "1.b.9" in list(opd.table.data["Kriteria"])
    assert "DISHUB.1.1 → DPUPR" in " ".join(opd.table.data["Perbaiki ini untuk naik satu tingkat"])
    whole = views.lke_pemda(ctx)
    pulls = whole.parts["pulls"][1].data.set_index("Kriteria")
    assert "Disdukcapil CC (75%)" in pulls.at["1.b.4", "OPD terendah"]
    out = tmp_path / "lke.xlsx"
    assert main(["export", "--what", "lke", "--out", str(out), "--opd", DISHUB]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["lke"]
    assert [c.value for c in sheet[1]] == ["Komponen", "Subkomponen", "Kriteria", "Uraian kriteria",
                                           "Jawaban (perkiraan)", "Unsur terpenuhi (%)", "Catatan",
                                           "Rekomendasi"]
    assert sheet.freeze_panes == "A2" and sheet.page_setup.orientation == "landscape"
    assert sheet.max_row == 1 + len(lke.read_criteria())
    assert "bukan keputusan evaluator" in sheet.oddHeader.center.text
    assert "bukan keputusan evaluator" in " ".join(str(c.value) for r in book["info"].iter_rows() for c in r)
