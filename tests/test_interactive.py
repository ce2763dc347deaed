"""The analyst's panel on large Pemdas: a figure that stays readable, sections remembered per
state and never stale, wide trees drawn branch by branch, and a search over conditions.

Timings live in ``bench/interactive.py``; these tests pin the behaviour the speed rests on.
"""

from __future__ import annotations

import copy
import html

import ipywidgets as w
import pandas as pd
import pytest
from conftest import write_xlsx
from test_diagrams import check_geometry, synthetic

from pohon_nb.method.achievement import weakest_branch
from pohon_nb.nb import views
from pohon_nb.nb.display import Deferred
from pohon_nb.nb.widgets import ControlPanel
from pohon_nb.outputs.diagrams import FOCUS_BOXES, focus_tree, plan_tree
from pohon_nb.reading.model import load

DINKES = "1.02.0.00.0.00.01.0000"


def _texts(output) -> str:
    return " ".join(str(o.get("data", {}).get("text/markdown", "")) + str(o.get("data", {}).get(
        "text/html", "")) for o in output.outputs)


def test_a_high_condition_is_drawn_readably_with_its_path_and_what_is_folded(tmp_path):
    pemda = synthetic(600, tmp_path / "wb", seed=3)
    high = max(pemda.children("U"), key=pemda.subtree_size)
    budget = FOCUS_BOXES // 2  # smaller than its branch: part of it is folded
    assert pemda.subtree_size(high) > budget
    drawing = focus_tree(pemda, high, year=2025, max_boxes=budget)
    boxes = drawing.layout.boxes
    assert len(boxes) <= budget and "U" in boxes and high in boxes  # the path above it
    assert set(pemda.children(high)) <= set(boxes)  # at least its children
    texts = [t.get_text() for lines in drawing.texts.values() for t in lines]
    folded = [t for t in texts if "kondisi lagi" in t]
    shown_below = len(boxes) - 2
    assert folded and pemda.subtree_size(high) - 1 > shown_below
    assert any("di cabang lain" in t for t in folded)  # U's other branches are counted
    check_geometry(drawing, pemda)
    deep = max(pemda.tree_order(), key=lambda n: len(pemda.ancestors(n)))
    leaf = focus_tree(pemda, deep, year=2025)
    assert set(pemda.ancestors(deep)) | {deep} <= set(leaf.layout.boxes)


def _fan(folder, leaves: int):
    """A Pemda whose one immediate outcome has ``leaves`` outputs: a wide fan."""
    from conftest import write_csv_folder
    pohon = [{"id": "U", "level": "ultimate", "pernyataan": "Meningkatnya kesejahteraan"},
             {"id": "I", "induk": "U", "level": "intermediate", "kode_opd": "01",
              "pernyataan": "Meningkatnya derajat kesehatan"},
             {"id": "M", "induk": "I", "level": "immediate", "kode_opd": "01",
              "pernyataan": "Meningkatnya cakupan layanan kesehatan dasar"}]
    pohon += [{"id": f"O{k}", "induk": "M", "level": "output", "kode_opd": "01",
               "pernyataan": f"Tersedianya layanan kesehatan dasar nomor {k} di desa"}
              for k in range(leaves)]
    tables = {"pemda": [{"kode_pemda": "1", "nama_pemda": "Uji", "periode_awal": 2025,
                         "periode_akhir": 2029}],
              "opd": [{"kode_opd": "01", "nama_opd": "Dinas Uji"}], "pohon": pohon}
    return load(write_csv_folder(tables, folder))


def test_a_wide_fan_wraps_into_columns_that_use_the_width(tmp_path):
    pemda = _fan(tmp_path / "wb", 24)
    drawing = focus_tree(pemda, "M")
    layout = drawing.layout
    outputs = [layout.boxes[f"O{k}"] for k in range(24)]
    columns = sorted({round(b.x, 6) for b in outputs})
    assert len(columns) > 1  # wrapped, not one column running down the screen
    assert layout.width <= 16.0 and layout.height < layout.width
    check_geometry(drawing, pemda)  # no overlaps, texts inside, every edge drawn box to box
    # Each edge runs along the bar under its parent, never through another box.
    for parent, child, line in drawing.edges:
        points = list(zip(line.get_xdata(), line.get_ydata()))
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            for node, box in layout.boxes.items():
                if node in (parent, child):
                    continue
                inside_x = box.x + 1e-6 < max(x0, x1) and min(x0, x1) < box.right - 1e-6
                inside_y = box.y + 1e-6 < max(y0, y1) and min(y0, y1) < box.bottom - 1e-6
                assert not (inside_x and inside_y), (parent, child, node)
    # A fan of two stays one column; one of three already uses a second column and is shorter.
    pair = focus_tree(_fan(tmp_path / "dua", 2), "M").layout
    assert len({round(pair.boxes[f"O{k}"].x, 6) for k in range(2)}) == 1
    three = _fan(tmp_path / "tiga", 3)
    small = focus_tree(three, "M").layout
    assert len({round(small.boxes[f"O{k}"].x, 6) for k in range(3)}) == 2
    one_column = plan_tree(three, ["U"]).layout  # the same boxes, the fan in one column
    assert small.height < one_column.height


def test_a_section_is_remembered_per_state_and_never_stale(clean, tmp_path):
    first_code = clean["opd"][0]["kode_opd"]
    ctx = views.Context(load(write_xlsx(clean, tmp_path / "awal.xlsx")), first_code, 2025, out_dir=tmp_path)
    panel = ControlPanel(ctx)
    calls = []

    def glance(c):
        calls.append((c.kode_opd, c.tahun))
        return views.opd_glance(c)

    out = panel.add(glance)
    first = _texts(out)
    panel.year.value = 2026
    in_2026 = _texts(out)
    panel.year.value = 2025
    assert _texts(out) == first and in_2026 != first
    assert calls == [(first_code, 2025), (first_code, 2026)]  # 2025 shown again without recomputing
    # Another workbook (a renamed OPD) in the same panel: recomputed, never the old page.
    renamed = copy.deepcopy(clean)
    renamed["opd"][0]["nama_opd"] = "Dinas Yang Baru Dinamai"
    ctx.pemda = load(write_xlsx(renamed, tmp_path / "baru.xlsx"))
    panel.opd.value = renamed["opd"][1]["kode_opd"]
    panel.opd.value = renamed["opd"][0]["kode_opd"]
    assert "Dinas Yang Baru Dinamai" in _texts(out)


def test_a_wide_tree_is_drawn_branch_by_branch_when_opened(sample_path, tmp_path):
    ctx = views.Context(load(sample_path), DINKES, 2025, out_dir=tmp_path)
    items = views.opd_tree(ctx)
    later = [i for i in items if isinstance(i, Deferred)]
    assert later and all(i._value is None for i in later)  # nothing drawn before it is shown
    panel = ControlPanel(ctx)
    out = panel.add(views.opd_tree)
    shown = [o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] for o in out.outputs
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    accordion = out.accordion
    assert shown == [accordion.model_id]
    assert isinstance(accordion, w.Accordion) and len(accordion.children) == len(later)
    assert all(not pane.outputs for pane in accordion.children)
    accordion.selected_index = 1
    assert accordion.children[1].outputs[0]["data"].get("image/png")
    assert not accordion.children[0].outputs  # only what was opened is drawn


def test_search_narrows_the_conditions_and_shows_the_first_match(sample_path, tmp_path):
    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2025, node="U1", out_dir=tmp_path)
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    out = panel.add(views.node_subtree)
    panel.search.value = "stunting"
    found = [v for _, v in panel.node.options]
    assert found and len(found) < len(pemda.tree)
    for node in found:
        text = " ".join([node, pemda.node(node).get("pernyataan") or "",
                         *(i.get("nama") or "" for i in pemda.indicators_of(node))]).lower()
        assert "stunting" in text
    assert found == [n for n in pemda.tree_order() if n in found]  # tree order
    assert ctx.node == found[0] and found[0] in _texts(out)
    assert "kondisi memuat" in panel.status.value
    own = pemda.owned_by(ctx.kode_opd)
    above = {a for n in own for a in pemda.ancestors(n)}
    full = [n for n in pemda.tree_order() if n in own or n in above]
    # No match: the full list again (not the old narrowed one), and a sentence saying so.
    panel.search.value = "tidakadayangcocok"
    assert [v for _, v in panel.node.options] == full
    assert "Tidak ada kondisi" in panel.status.value and "daftar kembali" in panel.status.value
    panel.search.value = ""  # the list of the OPD now chosen, with the conditions above it
    assert [v for _, v in panel.node.options] == full


def test_search_finds_an_opd_by_name_or_singkatan_and_ranks_the_phrase_first(sample_path, tmp_path):
    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2025, out_dir=tmp_path)
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    tani = pemda.node("DISTANPANGAN.1")["kode_opd"]
    for words in (pemda.opd_name(tani), pemda.opd_short(tani).upper()):
        panel.search.value = words
        found = [v for _, v in panel.node.options]
        assert set(pemda.owned_by(tani)) <= set(found), words
        assert ctx.node == found[0]
    # Several words: every condition holding them all, those holding the phrase first.
    panel.search.value = "Kesehatan   DASAR"
    found, phrased = panel.matches("kesehatan dasar")
    assert 0 < phrased < len(found)
    assert [v for _, v in panel.node.options] == found and ctx.node == found[0]
    assert all("kesehatan dasar" in panel_text(pemda, n) for n in found[:phrased])
    assert not any("kesehatan dasar" in panel_text(pemda, n) for n in found[phrased:])
    rest = found[phrased:]
    assert rest == [n for n in pemda.tree_order() if n in rest]  # tree order within each group
    assert f"{len(found)} kondisi memuat semua kata" in panel.status.value
    assert f"{phrased} memuatnya sebagai satu frasa" in panel.status.value


def panel_text(pemda, node: str) -> str:
    """What the search reads of a condition (see ``widgets._search_index``)."""
    from pohon_nb.nb.widgets import _search_index

    return _search_index(pemda)[node]


def test_the_explorer_keeps_opd_condition_and_headline_in_step(sample_path, tmp_path):
    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2025, node="DINKES.1", out_dir=tmp_path)
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    panel.add(views.node_subtree)
    tani = pemda.node("DISTANPANGAN.1")["kode_opd"]
    panel.opd.value = tani
    listed = [v for _, v in panel.node.options]
    own = pemda.owned_by(tani)
    assert set(own) <= set(listed) and not any(n.startswith("DINKES.") for n in listed)
    assert ctx.node == own[0] and pemda.opd_name(tani) in panel.headline.value
    panel.search.value = "stunting"  # a search reaches every OPD ...
    other = next(v for _, v in panel.node.options if pemda.node(v).get("kode_opd") not in (tani, None))
    panel.node.value = other  # ... and choosing another OPD's condition moves the OPD with it
    assert panel.opd.value == pemda.node(other)["kode_opd"] == ctx.kode_opd
    assert pemda.opd_name(ctx.kode_opd) in panel.headline.value


def test_the_root_causes_name_their_owners_and_only_branches_that_hold_back(sample_path, tmp_path):
    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2025, node="SD.1", out_dir=tmp_path)
    section = views.node_root_causes(ctx)
    frame = section.table.data  # headers as the reader sees them
    from pohon_nb.method.achievement import HOLDS_BACK

    assert len(frame) and (frame["Kontribusi pada kekurangan (poin)"] >= HOLDS_BACK).all()
    owners = [pemda.opd_short(pemda.node(n).get("kode_opd")) for n in frame["ID"]]
    assert list(frame["OPD"]) == owners
    ranked = weakest_branch(pemda, "SD.1", 2025)
    held = ranked[ranked["kontribusi"].notna() & (ranked["kontribusi"] < HOLDS_BACK)]
    assert len(held)  # the sample has branches that hold nothing back: they are left out
    if len(held):
        assert f"{len(held)} cabang lain berdata dan tidak mengurangi nilai" in section.text


def test_a_partner_that_is_not_an_opd_is_said_so_in_the_tree(tmp_path):
    from workbooks import kabupaten_lain_tables

    from pohon_nb.outputs.diagrams import draw_tree

    pemda = load(write_xlsx(kabupaten_lain_tables(), tmp_path / "lain.xlsx"))
    drawing = draw_tree(pemda, ["K1.2"], year=2025)
    texts = [t.get_text() for t in drawing.texts["K1.2"]]
    assert any("BPS (bukan OPD)" in t for t in texts), texts


def test_years_without_realisation_are_marked_in_the_panel(sample_path, tmp_path):
    pemda = load(sample_path)
    panel = ControlPanel(views.Context(pemda, DINKES, 2025, out_dir=tmp_path))
    labels = dict((v, label) for label, v in panel.year.options)
    assert labels[2025] == "2025" and labels[2026] == "2026"  # 2026 is partly realised
    assert labels[2027] == "2027 (belum ada realisasi)"


def test_every_explorer_section_says_when_the_year_has_no_realisation(sample_path, tmp_path):
    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2027, node="DINKES.1", out_dir=tmp_path)
    for view in (views.node_subtree, views.node_achievement, views.node_root_causes):
        text = " ".join(item for item in view(ctx) if isinstance(item, str))
        assert "Belum ada realisasi 2027" in text, view.__name__


def _counting(view, calls: list):
    def counted(ctx):
        calls.append((view.__name__, ctx.node))
        return view(ctx)
    counted.__name__ = view.__name__
    return counted


def test_rapid_picks_are_drawn_once_for_the_last_and_greyed_out_meanwhile(sample_path, tmp_path):
    """In a kernel's event loop, three picks in quick succession grey every section out at once
    and draw each section once, for the last pick."""
    import asyncio

    from pohon_nb.nb.widgets import STALE

    pemda = load(sample_path)
    calls: list = []

    async def picks():
        ctx = views.Context(pemda, DINKES, 2025, node="DINKES.1", out_dir=tmp_path)
        panel = ControlPanel(ctx, node=True, all_nodes=True, settle=0.2)
        outputs = [panel.add(_counting(v, calls)) for v in (views.node_subtree, views.node_achievement)]
        calls.clear()
        chosen = [v for _, v in panel.node.options if v.startswith("DINKES.1.")][:3]
        for node in chosen:
            panel.node.value = node
            await asyncio.sleep(0.05)
        assert all(STALE in o._dom_classes for o in outputs)  # all greyed out together
        assert "memperbarui" in panel.status.value and calls == []
        await asyncio.sleep(1.0)
        assert not any(STALE in o._dom_classes for o in outputs)
        assert "memperbarui" not in panel.status.value
        return chosen[-1], outputs

    last, outputs = asyncio.run(picks())
    assert calls == [("node_subtree", last), ("node_achievement", last)]
    assert last in _texts(outputs[1])


def test_a_pick_during_a_refresh_drops_the_rest_of_the_superseded_one(sample_path, tmp_path):
    import asyncio

    pemda = load(sample_path)
    calls: list = []

    async def picks():
        ctx = views.Context(pemda, DINKES, 2025, node="DINKES.1", out_dir=tmp_path)
        panel = ControlPanel(ctx, node=True, all_nodes=True, settle=0.05)
        chosen = [v for _, v in panel.node.options if v.startswith("DINKES.1.")][:2]
        loop = asyncio.get_running_loop()

        def first_section(c):
            calls.append(("first", c.node))
            if c.node == chosen[0]:  # the analyst picks again while this section is drawn
                loop.call_soon(setattr, panel.node, "value", chosen[1])
            return views.node_subtree(c)

        def second_section(c):
            calls.append(("second", c.node))
            return views.node_achievement(c)

        panel.add(first_section)
        panel.add(second_section)
        calls.clear()
        panel.node.value = chosen[0]
        await asyncio.sleep(1.0)
        return chosen

    chosen = asyncio.run(picks())
    assert calls == [("first", chosen[0]), ("first", chosen[1]), ("second", chosen[1])]


def test_outside_an_event_loop_a_change_is_drawn_at_once(sample_path, tmp_path):
    from pohon_nb.nb.widgets import STALE

    ctx = views.Context(load(sample_path), DINKES, 2025, out_dir=tmp_path)
    panel = ControlPanel(ctx)
    out = panel.add(views.opd_glance)
    panel.year.value = 2026
    assert "2026" in _texts(out) and STALE not in out._dom_classes and panel.status.value == ""


def _weak_clean(clean):
    """The clean workbook with one output of Dinas Sosial at half its 2025 target, and 2026
    realised for Dinas Kesehatan's first output."""
    for row in clean["indikator"]:
        if row["id_pohon"] == "A02.2.1":
            row["realisasi_2025"] = 27.5  # target 55: 50%
        if row["id_pohon"] == "A01.1.1":
            row["realisasi_2026"] = 30  # target 60: 50%
    return clean


def test_the_pemda_entry_table_follows_the_weakest_branch_down_to_its_root_problem(clean, tmp_path):
    from pohon_nb.method.summary import weakest_across_pemda

    pemda = load(write_xlsx(_weak_clean(clean), tmp_path / "lemah.xlsx"))
    frame = weakest_across_pemda(pemda, 2025)
    # Worked by hand: every other condition reaches 52/55 = 94.545%. A02.2 = (50 + 94.545) / 2
    # = 72.27; A02 = (94.545 + 72.27) / 2 = 83.41, which takes 0.5 x (100 - 83.41) = 8.30
    # points off U1; A01 takes 0.5 x 5.455 = 2.73.
    ok = 52 / 55 * 100
    a02 = (ok + (50 + ok) / 2) / 2
    assert list(frame["id"]) == ["A02", "A01"]
    assert frame.loc[0, "kontribusi"] == pytest.approx(0.5 * (100 - a02))
    assert frame.loc[1, "kontribusi"] == pytest.approx(0.5 * (100 - ok))
    assert frame.loc[0, "capaian_cabang"] == pytest.approx(a02)
    # Down A02 -> A02.2 (6.93 points) -> A02.2.1 (6.25). That output serves A02.2, which names
    # no problem: its root causes are left out and the table says so (never A02's, whose problem
    # may have causes in other branches).
    assert frame.loc[0, "titik_terlemah"] == "A02.2.1" and pd.isna(frame.loc[0, "jejak_masalah"])
    assert frame.loc[0, "akar_masalah"] == ""
    said = views.pemda_weakest(views.Context(pemda, "01", 2025, out_dir=tmp_path)).text
    assert "Belum ada cabang ini yang merujuk masalah" in said  # A01.1.2 names none either
    # Once A02.2 comes from A02's problem (M02.1), its root cause M02.2, owned by Dinas Sosial.
    for row in clean["pohon"]:
        if row["id"] == "A02.2":
            row["asal_masalah"] = "M02.1"
    pemda = load(write_xlsx(clean, tmp_path / "lemah_terlacak.xlsx"))
    frame = weakest_across_pemda(pemda, 2025)
    assert frame.loc[0, "titik_terlemah"] == "A02.2.1" and frame.loc[0, "jejak_masalah"] == "M02.1"
    assert frame.loc[0, "akar_masalah"] == "M02.2 Rendahnya cakupan layanan"
    assert frame.loc[0, "opd_akar_masalah"] == "Dinas Sosial"
    assert frame.loc[0, "sasaran_daerah"] == "U1"
    shown = views.pemda_weakest(views.Context(pemda, "01", 2025, out_dir=tmp_path)).table.data
    assert list(shown["ID"]) == ["A02", "A01"] and list(shown["OPD"]) == ["Dinas Sosial", "Dinas Kesehatan"]


def test_two_years_are_compared_branch_by_branch(clean, tmp_path):
    from pohon_nb.method.achievement import compare_years, earlier_year

    pemda = load(write_xlsx(_weak_clean(clean), tmp_path / "dua_tahun.xlsx"))
    assert pemda.realised_years() == [2025, 2026] and earlier_year(pemda, 2026) == 2025
    assert earlier_year(pemda, 2025) is None
    frame = compare_years(pemda, ["A01.1", "A01.1.1", "A01.1.2"], 2026, 2025).set_index("id")
    ok = 52 / 55 * 100
    assert frame.at["A01.1.1", "capaian_2025"] == pytest.approx(ok)
    assert frame.at["A01.1.1", "capaian_2026"] == pytest.approx(50)
    assert frame.at["A01.1.1", "perubahan"] == pytest.approx(50 - ok)
    assert pd.isna(frame.at["A01.1.2", "perubahan"])  # no 2026 figure: no change, not zero
    # A01.1 in 2026 has only A01.1.1 below it with data: its branch figure is that one.
    assert frame.at["A01.1", "perubahan"] == pytest.approx(50 - ok)
    ctx = views.Context(pemda, "01", 2025, node="A01.1", out_dir=tmp_path)
    assert "Tidak ada tahun sebelum 2025" in views.node_year_change(ctx)[0]
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    out = panel.add(views.node_year_change)
    assert panel.compare.index == 0 and panel.compare.label == "tahun berdata sebelumnya"
    panel.compare.value = 2026  # the analyst picks the year to compare with
    assert "Capaian cabang 2026 dibanding 2025" in _texts(out) and "A01.1.1" in _texts(out)
    assert "Turun paling banyak" in _texts(out)
    panel.year.value = 2026
    panel.compare.value = 2026  # the assessed year itself: said, and the year before used
    assert "Tahun banding sama dengan tahun yang dinilai (2026)" in _texts(out)
    assert "sebelumnya, 2025" in _texts(out) and "Capaian cabang 2026 dibanding 2025" in _texts(out)
    panel.year.value = 2025
    panel.compare.value = 2027  # a year without realisation: said, not an empty table
    assert "dari 2025 ke 2027 belum dapat dihitung: belum ada realisasi 2027" in _texts(out)


def test_saving_the_view_writes_its_tables_and_figures_and_never_overwrites(clean, tmp_path):
    import openpyxl
    from PIL import Image

    hostile = "=HYPERLINK(\"http://x\",\"klik\") Meningkatnya derajat"
    path = write_xlsx(_weak_clean(clean), tmp_path / "simpan.xlsx")
    book = openpyxl.load_workbook(path)
    cell = next(c for c in book["pohon"][3] if c.value == clean["pohon"][1]["pernyataan"])
    cell.value, cell.data_type = hostile, "s"  # typed as text in the user's workbook
    book.save(path)
    pemda = load(path)
    assert pemda.node("A01")["pernyataan"] == hostile
    ctx = views.Context(pemda, "01", 2025, node="A01", out_dir=tmp_path / "out")
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    for view in (views.pemda_weakest, views.node_subtree, views.node_achievement, views.node_year_change):
        panel.add(view)
    first = panel.save_view()
    book_path, figures = first[0], first[1:]
    assert book_path.suffix == ".xlsx" and book_path.parent == tmp_path / "out" / "9901" / "01" / "tampilan"
    assert "Tersimpan" in panel.saved.value and book_path.name in panel.saved.value
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["1 Titik masuk, cabang terlemah", "3 Capaian di cabang ini", "info"]
    sheet = book["3 Capaian di cabang ini"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["ID", "Level", "Pernyataan"] and sheet.freeze_panes == "A2"
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "A01")
    cell = row[headers.index("Pernyataan")]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"  # text, never a formula
    assert isinstance(row[headers.index("Capaian cabang (%)")].value, float)
    coverage = row[headers.index("Cakupan data")]
    assert "%" in coverage.number_format and 0 <= coverage.value <= 1  # 93% as Excel shows a share
    assert row[headers.index("Level")].value == "Intermediate outcome"
    info = {r[0].value: r[1].value for r in book["info"].iter_rows()}
    assert "tahun 2025" in info["Pilihan"] and "kondisi A01" in info["Pilihan"]
    assert "banding: tidak ada tahun berdata" in info["Pilihan"]  # 2025 has no realised year before it
    panel.compare.value = 2026
    book = openpyxl.load_workbook(panel.save_view()[0])
    assert "banding 2026" in {r[0].value: r[1].value for r in book["info"].iter_rows()}["Pilihan"]
    panel.compare.value = 0
    assert any("Tidak ada tahun sebelum 2025" in str(v) for v in info.values())  # sentences kept
    assert len(figures) == 1 and Image.open(figures[0]).size[0] > 400
    second = panel.save_view()
    assert not set(second) & set(first) and all(p.exists() for p in first + second)


def test_saved_sheet_names_stay_unique_when_cut_to_excels_limit(clean, tmp_path):
    import openpyxl

    from pohon_nb.nb.display import table as shown_table
    from pohon_nb.nb.saving import _sheet_name, save_view

    pemda = load(write_xlsx(clean, tmp_path / "nama.xlsx"))
    ctx = views.Context(pemda, "01", 2025, out_dir=tmp_path / "out")
    frame = pd.DataFrame({"id": ["A01"], "cakupan": [0.93]})
    long = "Akar masalah bersama dan outcome yang ditahannya per OPD"
    sections = [(long, [shown_table(frame), shown_table(frame)]), (long + " lagi", [shown_table(frame)]),
                (long + " juga", [shown_table(frame)])]
    book = openpyxl.load_workbook(save_view(ctx, sections)[0])
    names = book.sheetnames
    assert len(names) == len({n.lower() for n in names}) == 5 and all(len(n) <= 31 for n in names)
    taken: set[str] = set()  # two titles equal in their first 31 characters: numbered
    cut = [_sheet_name(long + " A", taken), _sheet_name(long + " B", taken), _sheet_name(long.upper(), taken)]
    assert len(set(cut)) == 3 and all(len(n) <= 31 for n in cut) and cut[1].endswith("(2)")
    assert book[names[0]]["B2"].value == pytest.approx(0.93) and "%" in book[names[0]]["B2"].number_format
    # The Pemda overview saves beside the OPD folders and names no OPD among its choices.
    overview = openpyxl.load_workbook(save_view(ctx, sections[:1], pemda_wide=True)[0])
    info = {r[0].value: r[1].value for r in overview["info"].iter_rows()}
    assert not info["Pilihan"].startswith("OPD") and "tahun 2025" in info["Pilihan"]


def test_the_overview_panel_chooses_no_opd_and_heads_with_the_pemda(clean, tmp_path):
    from pohon_nb.nb.session import Session

    path = write_xlsx(_weak_clean(clean), tmp_path / "ikhtisar.xlsx")
    session = Session(str(path), "01", 2025, "lima_tingkat", True, str(tmp_path / "out"), ikhtisar=True)
    session.controls()
    panel = session.panel
    assert panel.opd is None
    assert "OPD" not in [c.description for c in panel.children if isinstance(c, w.Dropdown)]
    assert html.escape(views.pemda_headline(panel.ctx)) in panel.headline.value
    out = panel.add(views.pemda_headlines)
    panel.year.value = 2026  # the Pemda's figures follow the year
    assert html.escape(views.pemda_headline(panel.ctx)) in panel.headline.value and panel.ctx.tahun == 2026
    assert out.current() and 2026 in out.shown  # redrawn for 2026
    saved = panel.save_view()  # beside the OPD folders, naming no OPD
    assert saved and saved[0].parent == tmp_path / "out" / "9901" / "tampilan"
    # The overview of a workbook without the parameter's default OPD code opens all the same
    # (it reads no OPD); an OPD notebook says the code is not there.
    again = Session(str(path), "1.02.0.00.0.00.01.0000", 2025, "lima_tingkat", False, str(tmp_path / "out"),
                    ikhtisar=True)
    assert again.ctx.kode_opd in again.pemda.opd_codes()
    with pytest.raises(Exception, match="tidak ada di sheet opd"):
        Session(str(path), "1.02.0.00.0.00.01.0000", 2025, "lima_tingkat", False, str(tmp_path / "out"))
    # An OPD notebook's panel keeps its OPD choice and the OPD's headline.
    own = ControlPanel(views.Context(session.pemda, "01", 2025, out_dir=tmp_path))
    assert own.opd is not None and html.escape(views.headline(own.ctx)) in own.headline.value


def test_the_explorer_shared_roots_follow_the_opd_with_all_opds_one_click_away(sample_path, tmp_path):
    from pohon_nb.method import shared_roots

    pemda = load(sample_path)
    every = shared_roots.shared_roots(pemda, 2025)
    counts = {code: int(shared_roots.involving(every, code).sum()) for code in pemda.opd_codes()}
    some = next(code for code, n in counts.items() if 0 < n < len(every))
    ctx = views.Context(pemda, some, 2025, out_dir=tmp_path)
    panel = ControlPanel(ctx, node=True, all_nodes=True)
    out = panel.add(views.shared_roots_outcomes)
    text, shown, everyone = out.items
    assert f"{counts[some]} dari {len(every)} akar masalah bersama melibatkan" in text
    roots = set(shown.data["Akar masalah"])
    assert len(roots) == counts[some]
    for root in roots:
        row = every.set_index("id").loc[root]
        involved = {row["kode_opd"], *row["opd_inti"].split(";"), *row["opd_akibat"].split(";")}
        assert some in involved, root
    assert set(everyone.resolve().data["Akar masalah"]) == set(every["id"])  # "Semua OPD"
    assert "Semua OPD" in everyone.title
    # Another OPD: the section follows it.
    other = next(code for code, n in counts.items() if n and code != some and n != counts[some])
    panel.opd.value = other
    assert f"{counts[other]} dari {len(every)}" in _texts(out)
    # An OPD no shared root involves: a sentence, and every root still one click away.
    none = next((code for code, n in counts.items() if n == 0), None)
    if none is not None:
        said = views.shared_roots_outcomes(views.Context(pemda, none, 2025, out_dir=tmp_path))
        assert said[0].startswith("Tidak ada akar masalah bersama yang melibatkan")
        assert isinstance(said[1], Deferred)


def test_a_weak_branch_lists_only_the_root_causes_of_its_own_problems(sample_path, tmp_path):
    from pohon_nb.method.problems import branch_problems

    pemda = load(sample_path)
    # The tuberculosis output serves DINKES.1.2, which names no problem: none, never the farm
    # machinery behind the stunting problem of DINKES.1 above it.
    assert pemda.node("DINKES.1.2").get("asal_masalah") is None
    assert branch_problems(pemda, "DINKES.1.2.1") == ([], [])
    assert branch_problems(pemda, "DINKES.1.2") == ([], [])
    # An output answers the problem of the outcome it serves.
    assert branch_problems(pemda, "DINKES.1.3.2") == (["M.DINKES.5"], ["M.DINKES.5"])
    links, roots = branch_problems(pemda, "DINKES.1")  # its own and its branch's problems
    assert links[0] == "M.DINKES.2" and {"M.DINKES.3", "M.DINKES.5"} <= set(links)
    assert any(r.startswith("M.DISTANPANGAN") for r in roots)
    ctx = views.Context(pemda, DINKES, 2025, node="DINKES.1", out_dir=tmp_path)
    section = views.node_root_causes(ctx)
    data = section.table.data.set_index("ID")
    assert "Jabatan" in data.columns and data["Jabatan"].notna().all()
    for node in data.index:
        expected = branch_problems(pemda, node)[1]
        assert [p.split(" ")[0] for p in filter(None, data.at[node, "Akar masalah"].split("; "))] == expected
    if "DINKES.1.2" in data.index:
        assert not data.at["DINKES.1.2", "Akar masalah"] and "DINKES.1.2" in section.text


def test_branches_at_their_target_are_not_ranked_and_the_entry_says_why(clean, tmp_path):
    from pohon_nb.method.achievement import HOLDS_BACK
    from pohon_nb.method.summary import weakest_across_pemda

    for row in clean["indikator"]:
        row["realisasi_2025"] = row["target_2025"]  # every condition at its target ...
        if row["id_pohon"] == "A02.2.1":
            row["realisasi_2025"] = row["target_2025"] * 0.9999  # ... one a hair below it
    clean["indikator"] = [r for r in clean["indikator"] if r["id_pohon"] != "U1"]  # the SD without one
    pemda = load(write_xlsx(clean, tmp_path / "tepat.xlsx"))
    ranked = weakest_branch(pemda, "U1", 2025)
    assert 0 < ranked["kontribusi"].max() < HOLDS_BACK  # it takes a sliver off, below what tables show
    assert weakest_across_pemda(pemda, 2025).empty
    said = views.pemda_weakest(views.Context(pemda, "01", 2025, out_dir=tmp_path))
    assert len(said) == 1 and said[0].startswith("*Tidak ada cabang OPD yang dapat diurutkan untuk 2025")
    assert "1 dari 1 sasaran daerah belum punya indikator sendiri" in said[0]
    causes = views.node_root_causes(views.Context(pemda, "01", 2025, node="U1", out_dir=tmp_path))
    assert causes[0].startswith("Tidak ada cabang di bawah **U1** yang menahan capaian 2025")


def _fingerprint(items) -> list:
    """What a section shows, comparable: sentences, tables' text, figures' boxes and texts."""
    from pohon_nb.nb.display import Table
    from pohon_nb.outputs.diagrams import Drawing

    shown = []
    for item in items:
        if isinstance(item, Deferred):
            shown += [item.title, *_fingerprint([item.resolve()])]
        elif isinstance(item, Table):
            shown.append(item.text.to_json())
        elif isinstance(item, Drawing):
            shown.append(sorted((n, t.get_text()) for n, texts in item.texts.items() for t in texts))
        else:
            shown.append(str(item))
    return shown


def test_a_section_reads_only_the_choices_it_declares(sample_path, tmp_path):
    """A section the panel leaves as it is when another choice changes (``views.reads``) shows
    exactly what it would show if drawn again: every undeclared field is changed in turn."""
    import dataclasses

    from pohon_nb.nb.views.context import FIELDS

    pemda = load(sample_path)
    base = views.Context(pemda, DINKES, 2025, node="DINKES.1", out_dir=tmp_path, tahun_banding=2026)
    other_opd = pemda.node("DISTANPANGAN.1")["kode_opd"]
    changes = {"kode_opd": other_opd, "tahun": 2026, "skala": "enam_tingkat", "node": "DISTANPANGAN.1",
               "tahun_banding": 2025, "out_dir": tmp_path / "lain",
               "config": dataclasses.replace(base.config, cap=100),
               "check_config": dataclasses.replace(base.check_config, max_iku_per_opd=1)}
    assert set(changes) == set(FIELDS)
    declared = [v for v in (*vars(views).values(),) if callable(v) and hasattr(v, "reads")]
    assert {"pemda_weakest", "node_subtree", "pemda_headlines", "shared_roots_pemda"} <= {
        v.__name__ for v in declared}
    for view in declared:
        before = _fingerprint(view(base))
        for field, value in changes.items():
            if field in view.reads:
                continue
            changed = dataclasses.replace(base, **{field: value})
            assert _fingerprint(view(changed)) == before, (view.__name__, field)
    # The changes are real ones: a section that reads a field shows something else for it.
    for name, field in (("node_subtree", "node"), ("node_year_change", "tahun_banding"),
                        ("shared_roots_outcomes", "kode_opd"), ("pemda_headlines", "config")):
        view = getattr(views, name)
        assert field in view.reads
        changed = dataclasses.replace(base, **{field: changes[field]})
        assert _fingerprint(view(changed)) != _fingerprint(view(base)), (name, field)


def test_a_wide_branch_shows_its_largest_drops_and_the_whole_change_one_click_away(sample_path, tmp_path):
    from pohon_nb.nb.views.explorer import ACHIEVEMENT_ROWS, CHANGE_ROWS

    pemda = load(sample_path)
    ctx = views.Context(pemda, DINKES, 2026, node="SD.1", out_dir=tmp_path, tahun_banding=2025)
    assert pemda.subtree_size("SD.1") > ACHIEVEMENT_ROWS
    section = views.node_year_change(ctx)
    shown, everything = section.table.data, section.everything.resolve().data
    assert len(everything) == pemda.subtree_size("SD.1")
    assert len(shown) <= 1 + len(pemda.children("SD.1")) + CHANGE_ROWS < len(everything)
    assert {"SD.1", *pemda.children("SD.1")} <= set(shown["ID"])
    drops = everything.dropna(subset=["Perubahan (poin)"])
    drops = drops[drops["Perubahan (poin)"] < 0].nsmallest(CHANGE_ROWS, "Perubahan (poin)")
    assert set(drops["ID"]) <= set(shown["ID"])  # the largest drops are on screen
    assert "Capaian cabang 2026 dibanding 2025" in section.text and "penurunan terbesar" in section.text


def test_an_idle_panel_draws_the_likely_next_choices_ahead_and_a_change_stops_it(sample_path, tmp_path,
                                                                                  monkeypatch):
    import asyncio

    from pohon_nb.nb import widgets

    monkeypatch.setattr(widgets, "LOOK_AHEAD_SECONDS", 0.01)
    pemda = load(sample_path)
    calls = []

    def counted(view):
        def drawn(ctx):
            calls.append((view.__name__, ctx.tahun, ctx.skala, ctx.node))
            return view(ctx)
        drawn.__name__, drawn.reads = view.__name__, view.reads
        return drawn

    async def session():
        ctx = views.Context(pemda, DINKES, 2026, node="DINKES.1", out_dir=tmp_path)
        panel = ControlPanel(ctx, node=True, all_nodes=True)
        for view in (views.node_subtree, views.node_year_change, views.pemda_weakest):
            panel.add(counted(view))
        assert {"tahun": 2025} in panel.neighbours() and {"node": "SD.1"} in panel.neighbours()
        # The year after, with targets but no realisation yet, is one an analyst looks at next.
        years = [c["tahun"] for c in panel.neighbours() if "tahun" in c]
        assert years[:2] == [2025, 2027] and 2026 not in years
        while panel._ahead is not None:  # idle: the neighbours are drawn ahead
            await asyncio.sleep(0.02)
        ahead = len(calls)
        assert ("node_subtree", 2025, "lima_tingkat", "DINKES.1") in calls
        assert ("node_subtree", 2026, "lima_tingkat", "SD.1") in calls
        # A section that does not read the condition is not drawn again for another one.
        assert not any(name == "pemda_weakest" and node == "SD.1" for name, _, _, node in calls)
        panel.year.value = 2025  # drawn ahead: shown without drawing again
        while "memperbarui" in panel.status.value:
            await asyncio.sleep(0.01)
        assert all(o.current() for o in panel.views) and panel.ctx.tahun == 2025
        redrawn = [c for c in calls[ahead:] if c[1:] == (2025, "lima_tingkat", "DINKES.1")]
        assert not redrawn, redrawn
        # A change while the panel looks ahead is drawn for what was chosen, not what was guessed.
        panel.scale.value = "enam_tingkat"
        while "memperbarui" in panel.status.value:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.03)  # the look-ahead has begun
        panel.node.value = "DINKES.1.1"
        while "memperbarui" in panel.status.value:
            await asyncio.sleep(0.01)
        assert all(o.current() for o in panel.views) and panel.ctx.node == "DINKES.1.1"
        assert ("node_subtree", 2025, "enam_tingkat", "DINKES.1.1") in calls

    asyncio.run(session())


def test_every_notebook_opens_on_the_latest_year_with_realisation(sample_path):
    """Issue 31, item 2: no notebook's year is hard-coded; 0 means the latest realised year."""
    import re

    from pohon_nb.core.paths import TEMPLATES, TRAINING
    from pohon_nb.nb.session import Session

    pemda = load(sample_path)
    assert pemda.realised_years()[-1] == 2026
    sources = [*TEMPLATES.glob("0*.py"), TRAINING.parent / "jelajah_akar_masalah.py", *TRAINING.glob("0*.py")]
    for source in sources:
        parameters = re.search(r'tags=\["parameters"\]\n(.*?)\n\n', source.read_text(encoding="utf-8"), re.S)
        assert parameters and re.search(r"^tahun: int = 0\b", parameters.group(1), re.M), source.name
    session = Session(str(sample_path), DINKES, interaktif=False)
    assert session.ctx.tahun == 2026
    panel = ControlPanel(session.ctx)
    assert panel.year.value == 2026
