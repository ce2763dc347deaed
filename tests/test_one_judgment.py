"""One judgment, read everywhere (issue 25): the LKE estimate, the headline figures, the advice
and the reports say what the findings say, on the sample, on workbooks unlike it and on the real
BSSN tree."""

from __future__ import annotations

import copy
import random

import pytest
from conftest import SHARED, clean_tables, write_xlsx
from workbooks import BSSN, bssn_tables, kabupaten_lain_tables, random_tables, required_only_tables

from pohon_nb.core.findings import RULES
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import indicators, lke, problems, summary
from pohon_nb.method.checked import check, rules_of_criterion
from pohon_nb.method.checks import CheckConfig
from pohon_nb.nb import views
from pohon_nb.reading.model import load

DINKES = "1.02.0.00.0.00.01.0000"


def _sitting(pemda, checked, kind: str, element) -> list:
    """The findings on an element, found from the findings' own locations (not Checked's index):
    a condition's row, its indicators' rows, its requests' rows, its OPD's row; an indicator's
    row and its OPD's; a request's row and its OPD's."""
    found = []
    owner = element.kode_opd
    for f in checked.findings:
        on_opd = f.sheet == "opd" and owner and f.ref == owner
        if kind in lke.CONDITION_SETS:
            ids = {r.get("id") for r in pemda.indicators_of(element.ref)}
            mine = ((f.sheet == "pohon" and f.ref == element.ref)
                    or (f.sheet == "indikator" and f.ref in ids)
                    or (f.sheet == "lintas_opd" and f.ref == element.ref))
        elif kind in lke.INDICATOR_SETS:
            mine = f.sheet == "indikator" and f.ref == element.ref
        else:
            node, partner = element.ref.split(" → ")
            rows = {r["_baris"] for r in pemda.tables["lintas_opd"].rows if r.get("id_pohon") == node
                    and pemda.opd_short(r.get("kode_opd_mitra") or "") == partner}
            mine = f.sheet == "lintas_opd" and f.row in rows
        if mine or on_opd:
            found.append(f)
    return found


def _workbooks(tmp_path):
    yield "sampel", load(SAMPLE)
    for name, tables in (("lain", kabupaten_lain_tables()), ("wajib", required_only_tables()),
                         ("acak", random_tables(random.Random(25)))):
        yield name, load(write_xlsx(tables, tmp_path / f"{name}.xlsx"))
    if BSSN.exists():
        yield "bssn", load(write_xlsx(bssn_tables(), tmp_path / "bssn.xlsx"))


def test_no_element_is_fulfilled_while_a_finding_of_its_criterion_sits_on_it(tmp_path):
    seen = 0
    for name, pemda in _workbooks(tmp_path):
        year = pemda.default_year()
        checked = check(pemda, CheckConfig(tahun=year))
        for estimate in lke.estimate(checked, year)[None]:
            kind = estimate.criterion.elements
            for element in estimate.elements:
                tagged = [f for f in _sitting(pemda, checked, kind, element)
                          if f.criterion == estimate.criterion.code]
                if tagged:
                    seen += 1
                    assert not element.fulfilled, (name, estimate.criterion.code, element.ref, tagged[0])
                    assert tagged[0].code in element.why
    assert seen > 100  # the property was exercised, not vacuous


def test_the_method_page_lists_every_rule_with_the_catalogues_criterion():
    # A criterion the workbook does not decide still shows the findings tagged with it.
    pemda = load(SAMPLE)
    estimates = lke.estimate(check(pemda))[None]
    need = next(e for e in estimates if e.criterion.code == "1.b.3")
    assert not need.decided and "M27" in {f.code for f in need.related}
    row = lke.table(estimates).set_index("kriteria").loc["1.b.3"]
    assert "M27" in row["tertahan"] and row["jawaban"] == "dinilai evaluator"
    method = (SAMPLE.parents[1] / "docs" / "metode.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        if code[0] in "SM":
            rows = [line for line in method.splitlines() if line.startswith(f"| {code} |")]
            assert len(rows) == 1, f"{code}: one row in docs/metode.md's rule table"
            cells = [c.strip() for c in rows[0].split("|")]
            assert cells[3] == rule.criterion, (code, cells[3], rule.criterion)
    assert lke.read_criteria()[10].rules == rules_of_criterion("1.b.4")


# --------------------------------------------------------------------------- headline marks


def _capped_tables():
    """OPD 01's top condition A01 measured by one indicator at 142,9% of target (cap 120)."""
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.I1")["realisasi_2025"] = 78.6  # target 55
    return tables


def test_a_capped_figure_is_disclosed_wherever_it_is_shown(tmp_path):
    pemda = load(write_xlsx(_capped_tables(), tmp_path / "cap.xlsx"))
    checked = check(pemda)
    head = summary.opd_headlines(checked, 2025, codes=["01"]).iloc[0]
    assert head["capaian"] == pytest.approx(120) and "142,9% sebelum batas atas" in head["catatan_capaian"]
    assert "batas atas" in head["tanda"]
    ctx = views.Context(pemda, "01", 2025, out_dir=tmp_path)
    assert "[142,9% sebelum batas atas" in views.headline(ctx)
    rollup = next(i for i in views.achievement_rollup(ctx) if hasattr(i, "data")).data.set_index("ID")
    assert rollup.loc["A01", "Catatan capaian"].startswith("142,9% sebelum batas atas")
    marks = summary.badge_marks(checked, 2025)
    assert any("142,9%" in m for m in marks["A01"][0])
    assert marks["U1"][1]  # the Pemda goal's branch holds the capped value


def test_a_loose_target_is_marked_beside_every_figure_built_on_it(tmp_path):
    from pohon_nb.outputs.brief import brief_pages
    from pohon_nb.outputs.diagrams import opd_tree_plans

    pemda = load(SAMPLE)
    checked = check(pemda, CheckConfig(tahun=2025))
    head = summary.opd_headlines(checked, 2025, codes=[DINKES]).iloc[0]
    assert head["tanda"] == "target longgar M07"
    assert head["catatan_capaian"] == "98,5% tanpa 1 indikator bertarget kurang menantang (M07: DINKES.1.I1)"
    ctx = views.Context(pemda, DINKES, 2025)
    overview = next(i for i in views.pemda_headlines(ctx) if hasattr(i, "data")).data.set_index("Kode OPD")
    assert overview.loc[DINKES, "Tanda"] == "target longgar M07"
    plans = opd_tree_plans(pemda, DINKES, year=2025)
    badge = " ".join(line.text for plan in plans for line in plan.content.get("DINKES.1", []))
    assert "target longgar M07" in badge
    text = " ".join(line for page in brief_pages(checked, DINKES, 2025) for line in page.text_lines())
    assert "M07: DINKES.1.I1" in " ".join(text.split())


def test_a_branch_figure_has_no_predicate_and_a_predicate_under_target_says_so(tmp_path):
    from pohon_nb.outputs.diagrams import opd_tree_plans

    pemda = load(SAMPLE)
    for plan in opd_tree_plans(pemda, DINKES, year=2025):
        for lines in plan.content.values():
            for line in lines:
                if line.text.startswith("cabang:"):
                    assert "·" not in line.text and "Baik" not in line.text, line.text
    assert summary.predicate_text(91.7, "Sangat Baik") == "Sangat Baik (di bawah target)"
    assert summary.predicate_text(100, "Sangat Baik") == "Sangat Baik"


# --------------------------------------------------------------------------- advice


def test_the_iku_recommender_marks_a_tie_at_the_cut_off_and_credits_no_flagged_target(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["pemda"][0]["periode_akhir"] = 2027  # a target for every year earns its points
    base = next(r for r in tables["indikator"] if r["id"] == "A01.I1")
    for k in range(3):  # four equally good candidates for three places
        tables["indikator"].append({**base, "id": f"A01.X{k}", "nama": f"Usia harapan hidup {k}"})
    pemda = load(write_xlsx(tables, tmp_path / "seri.xlsx"))
    table = indicators.recommend_iku(pemda, "01")
    on_a01 = table[table["id_pohon"] == "A01"]
    assert on_a01["seri"].all() and on_a01["direkomendasikan"].sum() == 3
    dropped = on_a01[~on_a01["direkomendasikan"]].iloc[0]
    assert "SERI di batas 3" in dropped["alasan"]
    flagged = indicators.recommend_iku(pemda, "01", flagged={"A01.X0": ["M07"]}).set_index("id_indikator")
    assert flagged.loc["A01.X0", "skor"] == table.set_index("id_indikator").loc["A01.X0", "skor"] - 20
    assert "target ditandai M07 (+0)" in flagged.loc["A01.X0", "alasan"]
    assert not flagged.loc["A01.X0", "direkomendasikan"]


def test_next_steps_without_problem_rows_say_where_to_fill_them(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["masalah"] = [r for r in tables["masalah"] if r["kode_opd"] != "02"]
    tables["pohon"] = [{**r, "asal_masalah": None} if r.get("kode_opd") == "02" else r
                       for r in tables["pohon"]]
    ctx = views.Context(load(write_xlsx(tables, tmp_path / "tanpa.xlsx")), "02", 2025)
    text = " ".join(str(i) for i in views.next_steps_identification(ctx))
    assert "Tetapkan satu masalah inti" not in text and "isi sheet `masalah`" in text


def test_a_problem_feeding_the_cores_effect_is_linked(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["masalah"] += [
        {"id": "M01.3", "kode_opd": "01", "pernyataan": "Rendahnya produktivitas penduduk"},
        {"id": "M01.4", "kode_opd": "01", "pernyataan": "Rendahnya upah buruh", "menyebabkan": "M01.3"},
        {"id": "M01.5", "kode_opd": "01", "pernyataan": "Banyaknya sampah", "menyebabkan": "M02.1"},
    ]
    tables["masalah"][0]["menyebabkan"] = "M01.3"  # the core M01.1 causes M01.3, fed by M01.4
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    tree = problems.problem_tree(pemda, "01").set_index("id")
    assert tree.loc["M01.3", "peran"] == "akibat" and tree.loc["M01.4", "peran"] == "penyebab_akibat"
    assert tree.loc["M01.5", "menyebabkan"] == "M02.1"  # a cause of another OPD's problem is kept


def test_shared_roots_count_own_achievement_first(tmp_path):
    from pohon_nb.method.shared_roots import shared_roots

    tables = copy.deepcopy(clean_tables())
    # Both OPDs' core problems caused by one root of OPD 01; A01 and A02 (from the cores) are
    # below target on their own indicators (45 of 55) while their branches are on target.
    tables["masalah"].append({"id": "R1", "kode_opd": "01", "pernyataan": "Rendahnya akses air minum",
                              "menyebabkan": "M01.1;M02.1"})
    for row in tables["indikator"]:
        if row["id_pohon"] in ("A01", "A02"):
            row["realisasi_2025"] = 45
        elif row["id_pohon"].startswith(("A01.", "A02.")):
            row["realisasi_2025"] = 60
    pemda = load(write_xlsx(tables, tmp_path / "akar.xlsx"))
    ranked = shared_roots(pemda, 2025).set_index("id")
    own = 100 * 45 / 55
    assert ranked.loc["R1", "kekurangan"] == pytest.approx(round(2 * (100 - own), 1), abs=0.11)


def test_a_stabil_indicator_has_a_clear_polarity(tmp_path):
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1").update(
        polaritas="stabil", target_2025="50-60", target_2026="50-60", target_2027="50-60")
    pemda = load(write_xlsx(tables, tmp_path / "stabil.xlsx"))
    reasons = indicators.score_reasons(pemda, "01")
    row = reasons[(reasons["id_indikator"] == "A01.1.I1") & (reasons["kriteria"] == "Achievable")].iloc[0]
    assert row["skor_otomatis"] == 2 and "belum jelas" not in row["alasan"]


def test_a_range_target_reads_as_a_range_in_the_gap_table(tmp_path):
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["target_2025"] = "65-67"
    ctx = views.Context(load(write_xlsx(tables, tmp_path / "rentang.xlsx")), "01", 2025)
    gaps = views.indicator_gaps(ctx).table.data.set_index("ID indikator")
    assert gaps.loc["A01.1.I1", "Target"] == "65-67"


def test_a_rejected_request_is_not_pending(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["lintas_opd"][0]["status"] = "ditolak"
    checked = check(load(write_xlsx(tables, tmp_path / "tolak.xlsx")))
    assert summary.opd_headlines(checked, 2025, codes=["01"]).iloc[0]["permintaan_tertunda"] == 0


@pytest.mark.skipif(not (SHARED / "real").exists(), reason="../shared/real tidak ada")
def test_the_real_tree_gets_one_judgment(tmp_path):
    pemda = load(write_xlsx(bssn_tables(), tmp_path / "bssn.xlsx"))
    checked = check(pemda)
    estimates = lke.estimate(checked)["BSSN"]
    smart = next(e for e in estimates if e.criterion.code == "1.b.5")
    # Indicators without polarity or target: the SMART criterion cannot be BB.
    assert smart.answer != "BB" and smart.held_back


def test_an_opd_tree_draws_the_other_owners_children_its_branch_figures_average(tmp_path):
    from pohon_nb.outputs.diagrams import opd_tree_plans

    pemda = load(write_xlsx(kabupaten_lain_tables(), tmp_path / "lain.xlsx"))
    plans = opd_tree_plans(pemda, "007", year=2024)
    drawn = {n for plan in plans for n in plan.content}
    assert {"C1", "C2"} <= drawn  # the kecamatan's outputs under Dinkes' K1.2
    note = " ".join(line.text for line in plans[0].content["C1"])
    assert "dihitung dalam capaian cabang" in note


def test_the_index_marks_a_figure_built_on_a_loose_target(tmp_path):
    from pohon_nb.run.index_page import write_index
    from pohon_nb.run.plan import plan

    pemda = load(SAMPLE)
    checked = check(pemda, CheckConfig(tahun=2025))
    tasks = plan(pemda, tmp_path, tahun=2025)
    page = write_index(checked, tmp_path, tasks, {}, 2025, "lima_tingkat", None, None).read_text()
    row = page.split(f'<code class="code">{DINKES}</code>')[1].split("</tr>")[0]
    assert "⚑ target longgar M07" in row and "98,5% tanpa 1 indikator" in row
    assert "Sangat Baik (di bawah target)" in row


def test_the_iku_set_is_compared_with_the_earlier_version_and_said(tmp_path):
    old = load(write_xlsx(clean_tables(), tmp_path / "lama.xlsx"))
    tables = copy.deepcopy(clean_tables())
    next(r for r in tables["indikator"] if r["id"] == "A01.1.I1")["iku"] = "ya"  # not a sasaran
    tables["indikator"].append({**next(r for r in tables["indikator"] if r["id"] == "A01.I1"),
                                "id": "A01.I2", "nama": "Usia harapan hidup sehat"})
    new = load(write_xlsx(tables, tmp_path / "baru.xlsx"))
    assert lke.iku_changes(old, new, "01") == ["A01: IKU ditambah A01.I2"]
    ctx = views.Context(new, "01", 2025, previous=old)
    note = views.lke_opd(ctx).parts["note"]
    assert "A01: IKU ditambah A01.I2" in note and "disebut, tidak dihitung" in note
    same = views.Context(old, "01", 2025, previous=old)
    assert "tidak berubah" in views.lke_opd(same).parts["note"]
