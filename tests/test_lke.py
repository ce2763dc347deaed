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
from pohon_nb.core.errors import PohonError
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import lke
from pohon_nb.method.checked import check
from pohon_nb.method.checks import CheckConfig
from pohon_nb.nb import views
from pohon_nb.reading.model import load

DINKES, DISHUB, DUKCAPIL = "1.02.0.00.0.00.01.0000", "2.15.0.00.0.00.01.0000", "2.12.0.00.0.00.01.0000"
GRADES = lke.read_grades()


def _estimates(pemda, year=2025, **options):
    return lke.estimate(check(pemda, CheckConfig(tahun=year)), year, **options)


def _criterion(estimates, code):
    return next(e for e in estimates if e.criterion.code == code)


@pytest.mark.parametrize("share,answer", [
    (100, "BB"), (99.9, "B"), (75.1, "B"), (75, "CC"), (50.1, "CC"), (50, "C"), (25.1, "C"),
    (25, "D"), (0.1, "D"), (0, "E")])
def test_the_grade_boundaries_follow_the_regulation(share, answer):
    assert lke.grade_of(share, GRADES).answer == answer


def four_outcomes(worded_as_activity: int) -> dict:
    """OPD 01 with four conditions, all at outcome level (A01, A01.1, A01.2, A01.3: its outputs
    are left out), of which the first ``worded_as_activity`` immediate ones are worded as
    activities (rule M01)."""
    tables = copy.deepcopy(clean_tables())
    outputs = {r["id"] for r in tables["pohon"] if r.get("kode_opd") == "01" and r["level"] == "output"}
    tables["pohon"] = [r for r in tables["pohon"] if r["id"] not in outputs]
    tables["indikator"] = [r for r in tables["indikator"] if r["id_pohon"] not in outputs]
    tables["anggaran"] = []
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
        alone = _estimates(pemda, kode_opd=code)
        assert set(alone) == {code}
        assert [(e.answer, e.share, [x.ref for x in e.held_back]) for e in alone[code]] == \
            [(e.answer, e.share, [x.ref for x in e.held_back]) for e in estimates[code]]
    # Hand-counted: of Disdukcapil's conditions only DISDUKCAPIL.1.1 is worded as an activity
    # (M01): (n - 1) / n, B. Dinkes sent four crosscutting requests, two agreed: 50%, C.
    wording = _criterion(estimates[DUKCAPIL], "1.b.4")
    conditions = [n for n in pemda.owned_by(DUKCAPIL) if pemda.level(n) != "aksi"]
    assert [e.ref for e in wording.elements] == conditions
    assert [e.ref for e in wording.held_back] == ["DISDUKCAPIL.1.1"]
    assert (wording.share, wording.answer) == (100 * (len(conditions) - 1) / len(conditions), "B")
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
    assert _criterion(_estimates(pemda, 2027)["01"], "1.c.3").answer == lke.NOT_DECIDED


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


B_ROW = "1.b.4,1. Perencanaan Kinerja,30,1.b Kualitas,9,"


@pytest.mark.parametrize("table, old, new, where", [
    ("jawaban", "B,75,100,70", "B,tujuh puluh lima,100,70",
     "baris 3, kolom lebih_dari: 'tujuh puluh lima' bukan angka"),
    ("jawaban", "CC,50,75,60", "CC,50,80,60",
     "baris 4, kolom lebih_dari/sampai: CC lebih dari 50 sampai 80 tidak bersambung dengan B "
     "(lebih dari 75)"),
    ("jawaban", "E,-1,0,0", "E,0,0,0", "jawaban terakhir harus mencakup 0%"),
    ("kriteria", ",kondisi_opd,skor_smart<70,", ",kondisi,skor_smart<70,",
     "kolom unsur: 'kondisi' tidak dikenal"),
    ("kriteria", "skor_smart<70", "skor_smart<tujuh",
     "kolom gagal_bila: aturan 'skor_smart<tujuh' tidak dikenal"),
    ("kriteria", B_ROW + "10,", B_ROW + "sepuluh,", "kolom bobot_kriteria: 'sepuluh' bukan angka"),
])
def test_a_broken_lke_table_is_a_clear_error_naming_its_cell(tmp_path, table, old, new, where):
    source = lke.GRADES_FILE if table == "jawaban" else lke.CRITERIA_FILE
    text = source.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / f"{table}.csv"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    read = lke.read_grades if table == "jawaban" else lke.read_criteria
    with pytest.raises(lke.LkeTableError) as caught:
        read(broken)
    assert str(broken) in str(caught.value) and where in str(caught.value)
    assert isinstance(caught.value, PohonError)


def test_where_people_see_it(tmp_path):
    pemda = load(SAMPLE)
    ctx = views.Context(pemda, DISHUB, 2025, out_dir=tmp_path)
    opd = views.lke_opd(ctx)
    assert lke.ESTIMATE_NOTE in opd.text and "1.b.9" in list(opd.table.data["Kriteria"])
    row = opd.table.data.set_index("Kriteria").loc["1.b.9"]
    # Every element holding 1.b.9 back must be fixed to rise a grade: listed once, not twice.
    assert "DISHUB.1.1 → DPUPR" in row["Yang menahan"]
    assert row["Perbaiki ini untuk naik satu tingkat"] == "semua yang menahan"
    # A criterion at BB is named in the text, not given a row: the table is what to work on.
    assert "BB" not in set(opd.table.data["Jawaban (perkiraan)"])
    assert "BB, semua unsur terpenuhi: 1.b." in opd.text
    whole = views.lke_pemda(ctx)
    pulls = whole.parts["pulls"][1].data.set_index("Kriteria")
    assert "Disdukcapil B (90,0%)" in pulls.at["1.b.4", "OPD terendah"]  # 9 of its 10 conditions
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


# --------------------------------------------------------------------------- one judgment (issue 25)


def _opd01(tables, tmp_path, name="wb.xlsx", year=2025):
    return _estimates(load(write_xlsx(tables, tmp_path / name)), year)["01"]


def test_smart_criterion_fails_on_its_findings_not_only_on_scores(tmp_path):
    # A sasaran without an indicator (M02) and an immediate outcome measured only by an output
    # count (M03) both sit on 1.b.5 elements: never BB.
    tables = copy.deepcopy(clean_tables())
    tables["indikator"] = [r for r in tables["indikator"] if r["id"] != "A01.I1"]
    estimate = _criterion(_opd01(tables, tmp_path, "m02.xlsx"), "1.b.5")
    assert estimate.answer != "BB" and [e.ref for e in estimate.held_back] == ["A01"]
    assert estimate.held_back[0].why.startswith("M02:")
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["jenis"] = "output"
    estimate = _criterion(_opd01(tables, tmp_path, "m03.xlsx"), "1.b.5")
    assert estimate.answer != "BB" and [e.ref for e in estimate.held_back] == ["A01.1"]
    assert "M03:" in estimate.held_back[0].why


def test_the_iku_limit_holds_back_its_sasaran_only(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["pohon"].append({"id": "A01B", "induk": "U1", "level": "intermediate", "kode_opd": "01",
                            "pernyataan": "Meningkatnya gizi masyarakat wilayah 01"})
    tables["indikator"].append({**next(r for r in tables["indikator"] if r["id"] == "A01.I1"),
                                "id": "A01B.I1", "id_pohon": "A01B", "nama": "Angka harapan hidup sehat"})
    for k in range(3):  # A01 now holds four IKU against the local limit of three (M04)
        tables["indikator"].append({**next(r for r in tables["indikator"] if r["id"] == "A01.I1"),
                                    "id": f"A01.X{k}", "nama": f"Usia harapan hidup {k}"})
    estimate = _criterion(_opd01(tables, tmp_path), "1.b.6")
    assert [e.ref for e in estimate.elements] == ["A01", "A01B"]
    assert [e.ref for e in estimate.held_back] == ["A01"] and "M04:" in estimate.held_back[0].why
    assert (estimate.share, estimate.answer) == (50, "C")


def test_an_iku_measuring_an_output_holds_back_its_sasaran(tmp_path):
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.I1").update(
        nama="Jumlah dokumen rencana kesehatan", jenis="output")
    estimate = _criterion(_opd01(tables, tmp_path), "1.b.6")
    assert estimate.answer == "E" and "M31:" in estimate.held_back[0].why


def test_met_or_on_track_follows_the_scale_and_no_data_is_never_dropped(tmp_path):
    tables = copy.deepcopy(clean_tables())
    # Every OPD 01 indicator on target in 2025, but A01.1.I1 at 98% of its target 55.
    for row in tables["indikator"]:
        if row["id_pohon"].startswith("A01"):
            row["realisasi_2025"] = row["target_2025"]
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["realisasi_2025"] = 53.9
    estimate = _criterion(_opd01(tables, tmp_path), "1.c.3")
    assert estimate.answer == "BB"  # 98% is "Sangat Baik": met or on track on the five-band scale
    pemda = load(tmp_path / "wb.xlsx")
    six = _criterion(_estimates(pemda, scale="enam_tingkat")["01"], "1.c.3")
    assert six.answer == "BB"  # 98% is "Sangat Baik" there too, the predicate 100% gets
    at_80 = copy.deepcopy(tables)
    next(r for r in at_80["indikator"] if r["id"] == "A01.1.I1")["realisasi_2025"] = 44
    held = _criterion(_opd01(at_80, tmp_path, "80.xlsx"), "1.c.3").held_back
    assert [e.ref for e in held] == ["A01.1.I1"] and "Baik" in held[0].why and not held[0].fixable
    # An OPD whose only IKU has no realisation in the assessed year: unfulfilled, and said so.
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.I1")["realisasi_2025"] = None
    estimate = _criterion(_opd01(tables, tmp_path, "tanpa.xlsx"), "1.c.3")
    assert "A01.I1" in [e.ref for e in estimate.held_back] and estimate.answer != "BB"
    why = next(e for e in estimate.held_back if e.ref == "A01.I1").why
    assert "M23:" in why and "realisasi" in why


def test_a_realised_year_is_never_proposed_as_the_fix(tmp_path):
    # A01.1.I1's 2025 target is looser than its baseline (M07 on 2025, the assessed, realised
    # year); A01.2.I1's 2027 target is looser than the 2025 realisation (M07 on 2027: can change).
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["target_2025"] = 45
    next(r for r in tables["indikator"] if r["id"] == "A01.2.I1").update(target_2026=53, target_2027=51)
    estimate = _criterion(_opd01(tables, tmp_path), "1.b.7")
    held = {e.ref: e for e in estimate.held_back}
    assert set(held) >= {"A01.1.I1", "A01.2.I1"}
    assert not held["A01.1.I1"].fixable and held["A01.2.I1"].fixable
    assert "A01.1.I1" not in [e.ref for e in estimate.to_raise()]
    # Only past targets hold it back: no fix is proposed, and the table says why.
    only_past = copy.deepcopy(clean_tables())
    next(r for r in only_past["indikator"] if r["id"] == "A01.1.I1")["target_2025"] = 45
    estimates = _opd01(only_past, tmp_path, "lalu.xlsx")
    estimate = _criterion(estimates, "1.b.7")
    assert estimate.answer != "BB" and estimate.to_raise() == []
    row = lke.table(estimates).set_index("kriteria").loc["1.b.7"]
    assert "tidak dapat naik" in row["naik_satu_tingkat"] and "jangan turunkan" in row["naik_satu_tingkat"]


def test_the_fewest_fixes_come_from_the_least_effort(tmp_path):
    # Of OPD 01's seven chosen indicators, A01.1.I1 carries two 1.b.7 findings (its 2027 target
    # falls to 50: M06, and is below the 2025 realisation 52: M07) and A01.2.I1 one (2027 falls to
    # 59: M06). 5 of 7 is CC; one fix gives 6 of 7, B: the one proposed is the least effort.
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["target_2027"] = 50
    next(r for r in tables["indikator"] if r["id"] == "A01.2.I1")["target_2027"] = 59
    estimate = _criterion(_opd01(tables, tmp_path), "1.b.7")
    assert {e.ref: e.reasons for e in estimate.held_back} == {"A01.1.I1": 2, "A01.2.I1": 1}
    assert estimate.answer == "CC" and [e.ref for e in estimate.to_raise()] == ["A01.2.I1"]
