"""Root problems the OPDs solve together, and alignment from national to unit (issue 15).

The sample plants cross-OPD causes (``scripts/sample_content.SHARED_ROOTS``): the shared roots
found must be exactly those. A small graph worked by hand pins the rank (ties, a root reaching
the same OPD twice counted once); the batch's fingerprints follow the joined problems; the
drawing of the joined graph has no overlaps and shows text literally.
"""

from __future__ import annotations

import copy
import sys

import openpyxl
import pytest
from conftest import REPO, clean_tables, write_xlsx
from test_diagrams import HOSTILE, _on_border, check_texts_inside

from pohon_nb.cli import main
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import alignment, shared_roots
from pohon_nb.method.checks import run_checks
from pohon_nb.nb import views
from pohon_nb.nb.widgets import ControlPanel
from pohon_nb.outputs.diagrams import shared_roots_figure
from pohon_nb.outputs.layout import overlaps
from pohon_nb.reading.model import load
from pohon_nb.run.index_page import SHARED_ROOTS_ANCHOR
from pohon_nb.run.plan import input_fingerprints

sys.path.insert(0, str(REPO / "scripts"))
import sample_content  # noqa: E402 - the sample's own statement of what it plants

DINKES, DISTAN = "1.02.0.00.0.00.01.0000", "3.27.0.00.0.00.01.0000"


@pytest.fixture(scope="module")
def sample():
    return load(SAMPLE)


def joined_tables() -> dict[str, list[dict]]:
    """The clean workbook with a third OPD whose problems cause the other two's, and the Pemda's
    goal U1 converted from OPD 01's core problem.

    R1 (03) causes M01.2 and M02.2: it reaches the cores of 01 and 02 (2 OPDs) and U1.
    R2 (03) causes M01.2 and M01.1 (OPD 01 reached twice) and 03's core M03.1: 2 OPDs, U1.
    R4 (03) has exactly R2's links: a tie with R2.
    R3 (01) causes M01.1 only: 1 OPD, but U1, so shared too.
    """
    tables = copy.deepcopy(clean_tables())
    tables["opd"].append({"kode_opd": "03", "nama_opd": "Dinas Pertanian"})
    tables["pohon"][0]["asal_masalah"] = "M01.1"
    flags = {"lokus": "internal", "apkl_a": "ya", "apkl_p": "ya", "apkl_k": "ya", "apkl_l": "ya"}
    tables["masalah"] += [
        {"id": "M03.1", "kode_opd": "03", "pernyataan": "Rendahnya produksi pangan", "inti": "ya", **flags},
        {"id": "R1", "kode_opd": "03", "pernyataan": "Rendahnya akses air bersih",
         "menyebabkan": "M01.2;M02.2", **flags},
        {"id": "R2", "kode_opd": "03", "pernyataan": "Kurangnya penyuluh", "menyebabkan": "M01.2;M01.1;M03.1",
         **flags},
        {"id": "R3", "kode_opd": "01", "pernyataan": "Kurangnya tenaga kesehatan", "menyebabkan": "M01.1",
         **flags},
        {"id": "R4", "kode_opd": "03", "pernyataan": "Rendahnya mutu benih", "menyebabkan": "M01.2;M03.1",
         **flags},
    ]
    return tables


def test_the_sample_finds_exactly_the_planted_shared_roots(sample):
    frame = shared_roots.shared_roots(sample, 2025)
    assert set(frame["id"]) == set(sample_content.SHARED_ROOTS)
    keys = list(zip(frame["jumlah_opd_inti"], frame["jumlah_kondisi_pemda"], frame["kekurangan"]))
    assert keys == sorted(keys, reverse=True)  # ranked as documented
    first = frame.iloc[0]  # data (Disdukcapil) reaches Dinsos's and Bapperida's cores and SD.2
    assert first["id"] == "M.DISDUKCAPIL.4" and first["peringkat"] == 1
    assert first["opd_inti"] == "1.06.0.00.0.00.01.0000;5.01.0.00.0.00.01.0000"
    assert first["kondisi_pemda"] == "SD.2"
    stunting = frame[frame["masalah_inti"].str.contains("M.DINKES.2")]
    assert set(stunting["id"]) == {"M.DPUPR.5", "M.DISTANPANGAN.4", "M.DISTANPANGAN.5", "M.DISTANPANGAN.6"}
    assert frame.set_index("id").at["M.DINSOS.5", "jumlah_opd_inti"] == 0  # shared through SD.2 alone
    # Existing crosscutting is recognised; a missing one is a candidate, not written anywhere.
    water = frame.set_index("id").loc["M.DPUPR.5"]
    assert water["crosscutting_ada"] == "Dinkes → DPUPR (usulan)" and water["crosscutting_kurang"] == \
        "1.04.0.00.0.00.01.0000"
    candidates = shared_roots.crosscutting_candidates(sample, frame)
    row = candidates[candidates["akar_masalah"] == "M.DPUPR.5"].iloc[0]
    assert (row["kode_opd"], row["id_pohon"], row["kode_opd_mitra"]) == (
        "1.04.0.00.0.00.01.0000", "DISPERKIM.1", "1.03.0.00.0.00.01.0000")


def test_a_small_graph_ranked_by_hand(tmp_path):
    pemda = load(write_xlsx(joined_tables(), tmp_path / "gabung.xlsx"))
    assert not [f for f in pemda.findings if f.severity == "error"]
    frame = shared_roots.shared_roots(pemda, 2025).set_index("id")
    assert list(frame.index) == ["R1", "R2", "R4", "R3"]
    # Every condition reaches 52/55 = 94.545%: each converted condition holds back 5.455 points.
    # R1 holds back U1, A01 (from M01.1) and A02 (from M02.1); R2 and R4 U1 and A01.
    short = 100 - 52 / 55 * 100
    assert frame.at["R1", "kekurangan"] == round(3 * short, 1)
    assert frame.at["R2", "kekurangan"] == frame.at["R4", "kekurangan"] == round(2 * short, 1)
    assert list(frame["peringkat"]) == [1, 2, 2, 4] and list(frame["seri"]) == [False, True, True, False]
    assert frame.at["R2", "opd_inti"] == "01;03" and frame.at["R2", "jumlah_opd_inti"] == 2  # 01 once
    assert frame.at["R2", "masalah_inti"] == "M01.1;M03.1"
    assert frame.at["R3", "jumlah_opd_inti"] == 1 and frame.at["R3", "kondisi_pemda"] == "U1"
    assert frame.at["R1", "kondisi_tertahan"] == "U1;A01;A02"
    assert frame.at["R1", "crosscutting_kurang"] == "01;02" and frame.at["R3", "opd_akibat"] == ""
    # Without a year there is no shortfall: R1 and R2/R4 differ by nothing else, so all three tie.
    undated = shared_roots.shared_roots(pemda).set_index("id")
    assert list(undated["peringkat"]) == [1, 1, 1, 4] and (undated["kekurangan"] == 0).all()
    candidates = shared_roots.crosscutting_candidates(pemda)
    proposed = candidates[candidates["akar_masalah"] == "R1"]
    assert list(zip(proposed["kode_opd"], proposed["id_pohon"], proposed["kode_opd_mitra"])) == [
        ("01", "A01", "03"), ("02", "A02", "03")]
    assert shared_roots.touching(pemda, "02")["id"].tolist() == ["R1"]


def test_a_cycle_through_two_opds_is_refused_at_validation(tmp_path):
    tables = joined_tables()
    next(r for r in tables["masalah"] if r["id"] == "M02.1")["menyebabkan"] = "R1"
    pemda = load(write_xlsx(tables, tmp_path / "siklus.xlsx"))
    cycle = [f for f in pemda.findings if f.code == "S07"]
    assert cycle and cycle[0].sheet == "masalah" and cycle[0].column == "menyebabkan"
    assert "R1" in cycle[0].message and "M02.1" in cycle[0].message
    shared_roots.shared_roots(pemda, 2025)  # the graph is acyclic once loaded: no hang, no crash


def test_a_change_in_one_opds_problems_reruns_the_opds_its_shared_roots_touch(sample, tmp_path):
    book = openpyxl.load_workbook(SAMPLE)
    sheet = book["masalah"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "M.DISTANPANGAN.4")
    row[header.index("pernyataan")].value = "Terbatasnya alat dan mesin pertanian modern"
    changed_path = tmp_path / "berubah.xlsx"
    book.save(changed_path)
    before, after = input_fingerprints(sample), input_fingerprints(load(changed_path))
    changed = {code for code in before if before[code] != after[code]}
    # Distanpangan itself, Dinkes (its stunting is caused through Distanpangan's problems) and
    # the overview; not DPUPR or Disperkim (their shared root joins Dinkes, not Distanpangan).
    assert changed == {None, DISTAN, DINKES}


def test_the_joined_graph_is_drawn_without_overlaps_and_literally(tmp_path):
    tables = joined_tables()
    next(r for r in tables["masalah"] if r["id"] == "R1")["pernyataan"] = HOSTILE
    pemda = load(write_xlsx(tables, tmp_path / "gambar.xlsx"))
    frame = shared_roots.shared_roots(pemda, 2025)
    drawing = shared_roots_figure(pemda, frame)
    boxes = list(drawing.layout.boxes.values())
    assert {b.id for b in boxes} == set().union(*(shared_roots.reach(pemda, r) for r in frame["id"]))
    for i, a in enumerate(boxes):
        assert not any(overlaps(a, b) for b in boxes[i + 1:]), a
    check_texts_inside(drawing)
    texts = " ".join(t.get_text() for lines in drawing.texts.values() for t in lines)
    assert "$x_1$" in texts and "<b>tebal</b>" in texts  # literal, not math or HTML
    assert "AKAR BERSAMA #1" in " ".join(t.get_text() for t in drawing.texts["R1"])
    # Every cause -> effect link is one drawn line from the cause's top to the effect's bottom.
    drawn = {(c, e) for c, e, _ in drawing.edges}
    assert drawn == {(c, e) for c, e in pemda.problems.edges if c in drawing.layout.boxes
                     and e in drawing.layout.boxes}
    for cause, effect, line in drawing.edges:
        xs, ys = line.get_xdata(), line.get_ydata()
        assert _on_border(drawing.layout.boxes[cause], xs[0], ys[0])
        assert _on_border(drawing.layout.boxes[effect], xs[-1], ys[-1])
        assert ys[0] > ys[-1]  # effects above their causes
        inner = drawing.layout.boxes.values()
        for x, y in zip(xs[1:-1], ys[1:-1]):  # a long link's bends are never inside a box
            assert not any(b.x < x < b.right and b.y < y < b.bottom for b in inner), (cause, effect)
    drawing.figure.savefig(tmp_path / "akar_bersama.png")


def test_the_sections_say_what_is_missing(tmp_path):
    clean = load(write_xlsx(clean_tables(), tmp_path / "bersih.xlsx"))
    ctx = views.Context(clean, "01", 2025, out_dir=tmp_path)
    assert "Belum ada akar masalah bersama" in views.shared_roots_pemda(ctx)[0]
    assert "belum terlibat dalam akar masalah bersama" in views.shared_roots_opd(ctx)[0]
    assert "Belum ada acuan nasional" in views.national_alignment(ctx)[0]
    tables = clean_tables()
    del tables["masalah"]
    no_sheet = load(write_xlsx(tables, tmp_path / "tanpa_masalah.xlsx"))
    text = views.shared_roots_pemda(views.Context(no_sheet, "01", 2025, out_dir=tmp_path))[0]
    assert "Workbook ini belum punya data masalah" in text and "Sheet `masalah` belum ada" in text
    assert "OPD ini" not in text  # the Pemda's section speaks of the workbook, not of one OPD


def test_an_opd_sees_its_shared_roots_and_the_candidates_it_is_part_of(sample, tmp_path):
    ctx = views.Context(sample, "1.04.0.00.0.00.01.0000", 2025, out_dir=tmp_path)  # Disperkim
    section = views.shared_roots_opd(ctx)
    assert list(section.table.data["ID"]) == ["M.DPUPR.5"]
    assert "DISPERKIM.1" in repr(section.parts["candidates"][1])


def test_the_explorer_finds_what_a_shared_root_holds_back(sample, tmp_path):
    ctx = views.Context(sample, DINKES, 2025, node="DINKES.1", out_dir=tmp_path)
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    panel.find("M.DPUPR.5")
    held = shared_roots.shared_roots(sample, 2025).set_index("id").at["M.DPUPR.5", "kondisi_tertahan"]
    assert [v for _, v in panel.node.options] == [n for n in sample.tree_order() if n in held.split(";")]
    section = views.shared_roots_outcomes(ctx)
    rows = section.table.data
    assert set(rows[rows["Akar masalah"] == "M.DPUPR.5"]["ID"]) == set(held.split(";"))


def test_national_alignment_on_the_sample(sample, tmp_path):
    support = alignment.national_support(sample).set_index("acuan_nasional")
    stunting = support.loc["RPJMN 2025-2029: Prevalensi stunting balita"]
    assert stunting["kondisi"] == "SD.1;DINKES.1" and DINKES in stunting["opd"].split(";")
    assert alignment.pemda_goals_without_reference(sample) == []  # every sasaran daerah has one
    assert not [f for f in run_checks(sample) if f.code == "M22"]
    ctx = views.Context(sample, DINKES, 2025, out_dir=tmp_path)
    assert "7 dari 36 sasaran" in views.national_alignment(ctx).text


def test_the_export_for_the_workshop_room(tmp_path, capsys):
    out = tmp_path / "akar.xlsx"
    before = SAMPLE.read_bytes()
    assert main(["export", "--what", "akar-bersama", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["akar_bersama", "kandidat_crosscutting", "info"]
    ranked = book["akar_bersama"]
    assert ranked.freeze_panes == "A2" and ranked["A1"].value == "Peringkat"
    ids = [r[2].value for r in ranked.iter_rows(min_row=2)]
    assert set(ids) == set(sample_content.SHARED_ROOTS)
    assert book["kandidat_crosscutting"].max_row == 3  # two candidates, proposed only
    assert SAMPLE.read_bytes() == before  # nothing written into the user's workbook
    assert main(["export", "--what", "akar-bersama", "--out", str(out)]) == 1  # never overwritten


def test_the_index_links_to_the_overview_section():
    source = (REPO / "templates" / "00_ikhtisar_pemda.py").read_text(encoding="utf-8")
    heading = SHARED_ROOTS_ANCHOR.replace("-", " ")
    assert f"# ## {heading}\n" in source  # nbconvert makes the heading's id from its words


@pytest.mark.lambat
def test_the_batch_index_counts_the_shared_roots_and_links_to_them(tmp_path, fixture_templates):
    from pohon_nb.run.batch import run_batch

    data = write_xlsx(joined_tables(), tmp_path / "gabung.xlsx")
    report = run_batch(data, tmp_path / "out", jobs=1, templates=fixture_templates, progress=False)
    page = report.index.read_text()
    assert "Akar masalah bersama: <b>4</b>; teratas R1 Rendahnya akses air bersih." in page
    assert f"00_ikhtisar_pemda.html#{SHARED_ROOTS_ANCHOR}" in page
    rows = {code: page.split(f'<code class="code">{code}</code>')[1].split("</tr>")[0]
            for code in ("01", "02", "03")}
    # Roots touching each OPD: 01 all four, 02 R1 only, 03 the three it analysed.
    # the cells after the OPD: capaian, cabang, temuan, crosscutting, akar bersama
    counts = [r.split('<td class="num">')[5].split("<")[0] for r in rows.values()]
    assert counts == ["4", "1", "3"]
