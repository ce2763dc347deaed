"""The notebooks as files (parameters, house rules), the widgets driven from Python, the
save path, and `pohon-nb run`."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys

import nbformat
import openpyxl
import papermill as pm
import pytest
from conftest import REPO, write_xlsx

from pohon_nb.cli import main
from pohon_nb.nb import views
from pohon_nb.nb.session import Session, WorkbookError
from pohon_nb.nb.widgets import ControlPanel, IndicatorScorer, UsgScorer
from pohon_nb.reading.model import load

TEMPLATES = sorted((REPO / "templates").glob("*.ipynb"))
NOTEBOOKS = TEMPLATES + sorted((REPO / "notebooks").rglob("*.ipynb"))
DINKES = "1.02.0.00.0.00.01.0000"


def test_there_are_the_four_templates_and_the_explorer():
    assert [p.stem for p in TEMPLATES] == ["00_ikhtisar_pemda", "01_identifikasi_masalah",
                                          "02_pemetaan_kausal", "03_pemilihan_indikator"]
    assert (REPO / "notebooks" / "jelajah_akar_masalah.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_house_rules(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells[0] is tagged[0], "the parameters cell is the first code cell"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in code_cells:
        tree = ast.parse(cell.source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        checked = "nbval-check-output" in cell.metadata.get("tags", [])
        assert bool(cell.outputs) == checked, cell.source[:60]
    # Parameters: literals only, each "name: type = value  # help".
    for line in tagged[0].source.splitlines():
        node = ast.parse(line).body[0]
        assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), line
        assert "  # " in line, line


@pytest.mark.lambat
@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_help_notebook_documents_every_parameter(path):
    params = pm.inspect_notebook(str(path))
    assert {"data_path", "kode_opd", "tahun", "skala", "interaktif", "folder_keluaran"} <= set(params)
    for name, spec in params.items():
        assert spec["help"], name
        assert spec["inferred_type_name"] in ("str", "int", "bool"), name
    result = subprocess.run([sys.executable, "-m", "papermill", str(path), "--help-notebook"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    for name in params:
        assert name in result.stdout


@pytest.mark.lambat
def test_a_changed_headline_number_is_caught(tmp_path):
    source = REPO / "templates" / "02_pemetaan_kausal.ipynb"
    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if "nbval-check-output" in c.metadata.get("tags", []))
    data = cell.outputs[0]["data"]  # a paragraph: the same words as plain text and as Markdown
    assert "24 kondisi" in data["text/plain"] and "24 kondisi" in data["text/markdown"]
    for kind in ("text/plain", "text/markdown"):
        data[kind] = data[kind].replace("24 kondisi", "25 kondisi")
    target = tmp_path / "ubah.ipynb"
    nbformat.write(nb, target)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "--nbval-lax", "--nbval-current-env", str(target)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 1 and "24 kondisi" in result.stdout


# --------------------------------------------------------------------------- session


def test_session_refuses_a_broken_workbook_clearly(tmp_path, clean):
    clean["pohon"][2]["level"] = "tinggi"
    with pytest.raises(WorkbookError, match="sheet pohon, baris 4, kolom level"):
        Session(str(write_xlsx(clean, tmp_path / "rusak.xlsx")), "01")
    with pytest.raises(WorkbookError, match="tidak ada di sheet opd"):
        Session("", "99")


def test_static_views_render_for_every_opd(sample_path):
    pemda = load(sample_path)
    for code in pemda.opd_codes():
        ctx = views.Context(pemda, code, 2025)
        assert views.headline(ctx).startswith(pemda.opd_name(code))
        for view in (views.indicator_gaps, views.usg, views.opd_tree, views.weakest_branch,
                     views.crosscutting_both_ways, views.iku_recommendation):
            assert view(ctx)


# --------------------------------------------------------------------------- widgets


def _texts(output):
    return json.dumps([o.get("data", {}).get("text/plain", "") + o.get("data", {}).get(
        "text/html", "") + o.get("data", {}).get("text/markdown", "") for o in output.outputs])


def test_control_panel_updates_every_view(sample_path):
    ctx = views.Context(load(sample_path), DINKES, 2025)
    panel = ControlPanel(ctx)
    glance = panel.add(views.opd_glance)
    gaps = panel.add(views.indicator_gaps)
    before = (_texts(glance), _texts(gaps))
    assert "Dinas Kesehatan" in before[0] and glance.outputs
    panel.opd.value = "1.05.0.00.0.00.02.0000"
    assert ctx.kode_opd == "1.05.0.00.0.00.02.0000"
    after = (_texts(glance), _texts(gaps))
    assert "Badan Penanggulangan Bencana Daerah" in after[0] and "Dinas Kesehatan" not in after[0]
    assert after[1] != before[1]
    panel.year.value = 2026
    assert "2026" in _texts(gaps) and ctx.tahun == 2026
    scale_before = _texts(gaps)
    panel.scale.value = "lima_tingkat_permendagri"
    assert _texts(gaps) != scale_before and "Sangat Tinggi" in _texts(gaps)


def test_explorer_node_choice(sample_path):
    ctx = views.Context(load(sample_path), DINKES, 2025, node="DINKES.1")
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    subtree = panel.add(views.node_subtree)
    causes = panel.add(views.node_root_causes)
    assert "image/png" in subtree.outputs[1]["data"]
    first = _texts(causes)
    # The list holds Dinkes's conditions (and those above them); another OPD's condition is
    # reached by search, and choosing it moves the OPD.
    assert "DISTANPANGAN.1" not in [v for _, v in panel.node.options]
    panel.search.value = "DISTANPANGAN.1"
    panel.node.value = "DISTANPANGAN.1"
    assert ctx.kode_opd == "3.27.0.00.0.00.01.0000"
    assert _texts(causes) != first and "DISTANPANGAN" in _texts(causes)


def test_usg_scorer_saves_to_a_new_file_and_leaves_the_input(tmp_path, sample_path):
    data = tmp_path / "kab.xlsx"
    shutil.copy(sample_path, data)
    before = data.read_bytes()
    ctx = views.Context(load(data), DINKES, 2025)
    scorer = UsgScorer(ctx, out_dir=tmp_path / "out")
    u, s, g = scorer.sliders["M.DINKES.3"]
    u.value, s.value, g.value = 5, 5, 5
    assert "M.DINKES.3" in _texts(scorer.ranking)
    scorer.save.click()
    assert data.read_bytes() == before
    saved = scorer.saved
    assert saved.parent == tmp_path and saved.name.startswith("kab_penilaian_") and saved.suffix == ".xlsx"
    problems = load(saved).masalah.set_index("id")
    assert problems.loc["M.DINKES.3", ["usg_u", "usg_s", "usg_g"]].tolist() == [5, 5, 5]
    assert problems.loc["M.DINKES.5", "usg_u"] == 4  # untouched scores stay
    assert "Tersimpan" in scorer.message.value
    assert not [f for f in load(saved).findings if f.severity == "error"]


def test_indicator_scorer_appends_assessments(tmp_path, sample_path):
    data = tmp_path / "kab.xlsx"
    shutil.copy(sample_path, data)
    before = data.read_bytes()
    scorer = IndicatorScorer(views.Context(load(data), DINKES, 2025), out_dir=tmp_path / "out")
    scorer.indicator.value = "DINKES.1.I2"
    assert scorer.sliders["smart_s"].value == 2 and "otomatis" in scorer.why["smart_s"].value
    scorer.add_button.click()
    assert "penilai" in scorer.message.value  # no assessor name yet
    scorer.assessor.value = "Tim Uji"
    scorer.sliders["smart_a"].value = 0
    scorer.add_button.click()
    scorer.save.click()
    assert data.read_bytes() == before
    rows = load(scorer.saved).penilaian_indikator
    mine = rows[rows["penilai"] == "Tim Uji"]
    assert len(rows) == 8 and mine.iloc[0]["id_indikator"] == "DINKES.1.I2"
    assert mine.iloc[0]["smart_a"] == 0


def test_sample_scores_go_to_the_output_folder_not_the_package(tmp_path, sample_path):
    ctx = views.Context(load(sample_path), DINKES, 2025)
    scorer = UsgScorer(ctx, out_dir=tmp_path / "keluaran")
    scorer.save.click()
    assert scorer.saved.parent == (tmp_path / "keluaran").resolve()
    assert not list(sample_path.parent.glob("*_penilaian_*"))


def test_scores_for_a_csv_folder(tmp_path, sample_csv):
    from pohon_nb.reading.scores import save_scores

    target = save_scores(sample_csv, usg={"M.DINKES.3": (1, 2, 3)},
                         assessments=[{"id_indikator": "DINKES.1.I1", "penilai": "X", "smart_s": 1}])
    assert target.is_dir() and target.parent == sample_csv.parent
    pemda = load(target)
    assert pemda.masalah.set_index("id").loc["M.DINKES.3", "usg_g"] == 3
    assert (pemda.penilaian_indikator["penilai"] == "X").sum() == 1
    assert not [f for f in pemda.findings if f.severity == "error"]


# --------------------------------------------------------------------------- run


@pytest.mark.lambat
def test_run_writes_three_notebooks_and_html_for_one_opd(tmp_path, capsys):
    out = tmp_path / "keluaran"
    assert main(["run", "--opd", "1.05.0.00.0.00.02.0000", "--out", str(out)]) == 0
    folder = out / "3599" / "1.05.0.00.0.00.02.0000"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["01_identifikasi_masalah.html", "01_identifikasi_masalah.ipynb",
                     "02_pemetaan_kausal.html", "02_pemetaan_kausal.ipynb",
                     "03_pemilihan_indikator.html", "03_pemilihan_indikator.ipynb", "manual_iku.xlsx",
                     "ringkasan.pdf"]  # the brief to print for the asistensi
    nb = nbformat.read(folder / "02_pemetaan_kausal.ipynb", as_version=4)
    params = nb.metadata["papermill"]["parameters"]
    assert params["kode_opd"] == "1.05.0.00.0.00.02.0000" and params["interaktif"] is False
    html = (folder / "02_pemetaan_kausal.html").read_text()
    assert "Badan Penanggulangan Bencana Daerah" in html
    assert "session.show" not in html and "notebook.Session" not in html  # inputs hidden
    assert "Rantai" in html or "M08" in html  # the planted single-child chain is reported
    assert openpyxl.load_workbook(folder / "manual_iku.xlsx").sheetnames == ["manual_iku", "info"]
    assert not [p for p in folder.rglob(".*")]


def test_run_refuses_unknown_opd(tmp_path, capsys):
    assert main(["run", "--opd", "99", "--out", str(tmp_path)]) == 1
    assert "99" in capsys.readouterr().err
