"""Numbers a facilitator can defend: one figure per condition in every report, the branch
roll-up as a labelled second figure, a documented cap that can be set, and the contradiction
between outputs and outcome said out loud."""

from __future__ import annotations

import copy

import nbformat
import pandas as pd
import pytest
from conftest import clean_tables, write_xlsx
from workbooks import kabupaten_lain_tables

from pohon_nb.core.formats import percent
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.achievement import DEFAULT_CAP, AchievementConfig, config_from_cap, node_achievement
from pohon_nb.method.checked import check
from pohon_nb.method.summary import opd_headlines, outcome_carriers
from pohon_nb.nb import views
from pohon_nb.nb.session import Session
from pohon_nb.outputs.diagrams import opd_tree_figures, pemda_tree_figure
from pohon_nb.reading.model import load
from pohon_nb.run.plan import plan


def _badges(drawings) -> dict[str, str]:
    return {n: next(t.get_text() for t in texts if t.get_text().startswith("Capaian"))
            for d in drawings for n, texts in d.texts.items()}


def _pct(value) -> str:
    return percent(value)  # as the tables write it: one decimal ("100,0%", never "100%")


@pytest.mark.parametrize("which", ["sampel", "lain"])
def test_no_condition_shows_two_different_figures_across_reports(which, tmp_path):
    pemda = load(SAMPLE if which == "sampel" else
                 write_xlsx(kabupaten_lain_tables(), tmp_path / "lain.xlsx"))
    year = 2025 if which == "sampel" else 2024
    table = node_achievement(pemda, year).set_index("id")
    # The Pemda overview: the outcomes and the upper tree.
    carriers = outcome_carriers(pemda, year).set_index("id")
    for node, row in carriers.iterrows():
        own = table.loc[node, "capaian_sendiri"]
        assert (row["capaian"] == pytest.approx(own)) if own == own else row["capaian"] is None
    shown = _badges([pemda_tree_figure(pemda, year=year)])
    # Every OPD's tree, and its headline.
    heads = opd_headlines(check(pemda), year).set_index("kode_opd")
    for code in pemda.opd_codes():
        shown |= _badges(opd_tree_figures(pemda, code, year=year))
        tops = [n for n in table.index if table.loc[n, "kode_opd"] == code
                and table.loc[n, "induk"] not in table.index[table["kode_opd"] == code]]
        own = table.loc[tops, "capaian_sendiri"].dropna()
        expected = own.mean() if len(own) else None
        value = heads.loc[code, "capaian"]
        assert (value == pytest.approx(expected)) if expected is not None else value != value
    for node, badge in shown.items():
        own = table.loc[node, "capaian_sendiri"]
        if own == own:
            assert badge.startswith(f"Capaian {year}: {_pct(own)}"), (node, badge)
        else:
            assert "n/a" in badge and table.loc[node, "keterangan"] in badge


def test_a_condition_whose_indicator_has_no_realisation_is_not_given_its_branch_figure(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["indikator"][1]["realisasi_2025"] = None  # A01's only indicator
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    row = node_achievement(pemda, 2025).set_index("id").loc["A01"]
    assert pd.isna(row["capaian_sendiri"]) and pd.isna(row["predikat"])
    assert row["keterangan"] == "belum ada realisasi 2025"
    assert row["capaian_cabang"] == pytest.approx(52 / 55 * 100)  # explained by the branch
    badge = _badges(opd_tree_figures(pemda, "01", year=2025))["A01"]
    assert badge == "Capaian 2025: n/a (belum ada realisasi 2025)"
    text = " ".join(i for i in views.weakest_branch(views.Context(pemda, "01", 2025))
                    if isinstance(i, str))
    assert "indikatornya sendiri n/a (belum ada realisasi 2025); capaian cabang 94,5%" in text


def test_outputs_achieved_outcome_not_is_said_in_the_weakest_branch_section(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["indikator"][1]["realisasi_2025"] = 30
    for i in (3, 4, 6, 7):
        tables["indikator"][i]["realisasi_2025"] = 60
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    text = " ".join(i for i in views.weakest_branch(views.Context(pemda, "01", 2025))
                    if isinstance(i, str))
    assert "**Output tercapai, outcome tidak**" in text and "M19" in text


def test_the_default_cap_is_120_and_can_be_set(tmp_path):
    assert AchievementConfig().cap == DEFAULT_CAP == 120
    assert config_from_cap(None).cap == 120 and config_from_cap(0).cap is None
    assert config_from_cap(100).cap == 100
    tables = copy.deepcopy(clean_tables())
    tables["indikator"][3]["realisasi_2025"] = 110  # 110 / 55: 200%
    path = write_xlsx(tables, tmp_path / "wb.xlsx")
    capped = Session(str(path), "01", interaktif=False)
    free = Session(str(path), "01", interaktif=False, batas_atas=0)
    hundred = Session(str(path), "01", interaktif=False, batas_atas=100)
    values = [node_achievement(s.pemda, 2025, s.ctx.config).set_index("id").loc["A01.1.1",
                                                                                 "capaian_sendiri"]
              for s in (capped, free, hundred)]
    assert values == [120, 200, 100]
    # The batch passes the cap to every notebook; the notebooks declare the parameter.
    tasks = plan(load(path), tmp_path / "out", batas_atas=110)
    assert {t.parameters["batas_atas"] for t in tasks} == {110}
    for task in tasks:
        nb = nbformat.read(task.template, as_version=4)
        params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        assert "batas_atas: int = 120" in params.source


def test_every_problem_of_the_opd_is_drawn_and_a_tie_with_the_core_is_said(tmp_path):
    from pohon_nb.method.problems import problem_tree
    from pohon_nb.outputs.diagrams import problem_tree_figure

    tables = copy.deepcopy(clean_tables())
    # M01.3 ties with the core M01.1 in USG (13) and causes M01.4, an effect of nothing
    # linked to the core: both are loose, and both must still be drawn.
    tables["masalah"] += [
        {"id": "M01.3", "kode_opd": "01", "pernyataan": "Kurangnya tenaga kesehatan",
         "menyebabkan": "M01.4", "usg_u": 5, "usg_s": 4, "usg_g": 4},
        {"id": "M01.4", "kode_opd": "01", "pernyataan": "Rendahnya kunjungan posyandu"},
    ]
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    drawing = problem_tree_figure(pemda, "01")
    assert sorted(drawing.patches) == sorted(problem_tree(pemda, "01")["id"])
    assert "2 masalah lain tidak terhubung" in drawing.title
    text = views.core_problem(views.Context(pemda, "01", 2025))[0]
    assert "juga teratas menurut USG, **seri** dengan M01.3" in text
    for code in load(SAMPLE).opd_codes():
        sample = load(SAMPLE)
        assert set(problem_tree_figure(sample, code).patches) == set(problem_tree(sample, code)["id"])


def test_a_flagged_target_is_shown_beside_its_figure(tmp_path):
    from pohon_nb.outputs.exports import cascading_table, export_cascading

    pemda = load(SAMPLE)  # DINKES.1.I1 (AKI): targets looser than the baseline, M07
    items = views.indicator_gaps(views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025))
    table = next(i for i in items if hasattr(i, "data")).data.set_index("ID indikator")
    assert table.loc["DINKES.1.I1", "Temuan"].startswith("M07 Target kurang menantang")
    assert table.loc["DINKES.1.I1", "Predikat"] == "Sangat Baik"  # the figure, with its note
    assert "catatan temuan" in items[0]
    cascading = cascading_table(pemda).set_index("id_indikator")
    assert "M07 Target kurang menantang" in cascading.loc["DINKES.1.I1", "temuan"]
    import openpyxl

    ws = openpyxl.load_workbook(export_cascading(pemda, tmp_path / "c.xlsx"))["cascading"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "DINKES.1.I1")
    assert "M07 Target kurang menantang" in row[header.index("Temuan pada indikator")]


def test_repeated_findings_get_one_summary_line(tmp_path, capsys):
    from workbooks import BSSN, bssn_tables

    from pohon_nb.cli import main

    if not BSSN.exists():
        pytest.skip(f"{BSSN} tidak ada (shared/ tidak tersedia)")
    path = write_xlsx(bssn_tables(), tmp_path / "bssn.xlsx")
    main(["validate", str(path)])
    out = capsys.readouterr().out
    assert "berulang: M18 × 116: Indikator terpilih tanpa target (sheet indikator, baris" in out
    shown = views.type_and_polarity(views.Context(load(path), "BSSN", 2025))[1].data.set_index("Kode")
    # One row for the 116, its first text the example, the ids listed (the first twelve).
    assert shown.loc["M18", "Keterangan"].startswith("116 temuan. Contoh, ")
    assert shown.loc["M18", "ID"].endswith("dan 104 lagi")


def test_manual_iku_shows_every_iku_side_by_side_with_every_target(tmp_path):
    pemda = load(SAMPLE)
    items = views.manual_iku(views.Context(pemda, "1.02.0.00.0.00.01.0000", 2025))
    sheets = [i for i in items if hasattr(i, "data")]
    # The five IKU of Dinas Kesehatan, three to a table: never wider than a report's page.
    assert [len(s.data.columns) for s in sheets] == [4, 2 + 1]
    assert sum(len(s.data.columns) - 1 for s in sheets) == 5
    first = dict(zip(sheets[0].data["Uraian"], sheets[0].data["DINKES.1.I1"]))
    assert first["Baseline"] == "93,65" and first["Tahun baseline"] == "2024"
    assert [first[f"Target {y}"] for y in range(2025, 2030)] == ["115", "110", "105", "102", "100"]


def test_crosscutting_matrix_cells_without_requests_are_empty(tmp_path):
    import openpyxl

    from pohon_nb.outputs.exports import export_crosscutting

    ws = openpyxl.load_workbook(export_crosscutting(load(SAMPLE), tmp_path / "x.xlsx"))["matriks"]
    values = [c.value for row in ws.iter_rows(min_row=2, min_col=3) for c in row]
    assert 0 not in values and None in values and any(isinstance(v, int) and v > 0 for v in values)


def test_the_budget_is_shown_beside_the_results(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["anggaran"].append({"id_pohon": "A01.2", "tahun": 2025, "pagu": 500000})  # not an output
    pemda = load(write_xlsx(tables, tmp_path / "wb.xlsx"))
    items = views.budget(views.Context(pemda, "01", 2025))
    assert "Rp 1.500.000 pada 2 kondisi" in items[0]
    assert "3 output belum punya baris anggaran" in items[0] and "A01.1.2, A01.2.1, A01.2.2" in items[0]
    assert "bukan output: A01.2" in items[0]
    branch = items[1].data.set_index("ID")
    assert branch.loc["A01", "Pagu (Rp)"] == 1500000 and branch.loc["A01", "Serapan (%)"] == 60
    # another OPD, no budget line: the sentence that says where to fill it
    assert "isi sheet `anggaran`" in views.budget(views.Context(pemda, "02", 2025))[0]
