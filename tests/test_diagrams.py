"""Diagrams measured on the rendered figure: no overlaps, text inside boxes, edges join the
right boxes; literal text; splitting wide trees; Mermaid escaping; atomic saving."""

from __future__ import annotations

import os
import random
import re

import pytest
from conftest import write_csv_folder
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pohon_nb.core.formats import percent
from pohon_nb.method.achievement import node_achievement
from pohon_nb.outputs.diagrams import (
    crosscutting_figure,
    draw_tree,
    figure_size,
    opd_tree_figures,
    opd_tree_plans,
    pemda_tree_figure,
    problem_tree_figure,
    render_tree,
    save_figure,
)
from pohon_nb.outputs.layout import overlaps
from pohon_nb.outputs.mermaid import as_markdown, escape, mermaid_problem_tree, mermaid_tree
from pohon_nb.reading.model import load

WORDS = (
    "meningkatnya cakupan layanan kesehatan dasar masyarakat desa terpencil kualitas pendidikan "
    "anak usia dini sarana prasarana air minum sanitasi layak penurunan prevalensi stunting "
    "balita keluarga berisiko"
).split()
HOSTILE = "Biaya $x_1$ naik 50% {a} <b>tebal</b> & \"kutip\" #1; `kode`"


def synthetic(n: int, folder, seed: int = 1):
    """A Pemda of about ``n`` conditions with statements of varied length, one hostile."""
    rng = random.Random(seed)
    pohon = [{"id": "U", "level": "ultimate", "pernyataan": "Meningkatnya kesejahteraan"}]
    indikator = []
    levels = ("intermediate", "immediate", "output")
    frontier = ["U"]
    count = 1
    while count < n:
        parent = frontier.pop(0) if frontier else "U"
        depth = parent.count(".")
        for _ in range(rng.randint(2, 5)):
            if count >= n:
                break
            node = f"{parent}.{count}"
            level = levels[min(depth, 2)]
            words = rng.sample(WORDS, rng.randint(2, 14))
            statement = HOSTILE if count == 3 else "Meningkatnya " + " ".join(words)
            pohon.append({"id": node, "induk": parent, "level": level, "kode_opd": "01",
                          "pernyataan": statement})
            indikator.append({"id": f"{node}.I", "id_pohon": node, "polaritas": "maks",
                              "nama": "Persentase " + " ".join(rng.sample(WORDS, rng.randint(2, 9))),
                              "satuan": "%", "target_2025": 100,
                              "realisasi_2025": rng.choice([None, 40, 70, 95, 110])})
            if level != "output":
                frontier.append(node)
            count += 1
    tables = {"pemda": [{"kode_pemda": "1", "nama_pemda": "Uji", "periode_awal": 2025,
                         "periode_akhir": 2029}],
              "opd": [{"kode_opd": "01", "nama_opd": "Dinas Uji"}], "pohon": pohon,
              "indikator": indikator}
    return load(write_csv_folder(tables, folder))


def check_geometry(drawing, pemda):
    layout = drawing.layout
    boxes = list(layout.boxes.values())
    # 1. No two boxes overlap.
    by_x = sorted(boxes, key=lambda b: b.x)
    for i, a in enumerate(by_x):
        for b in by_x[i + 1:]:
            if b.x >= a.right:
                break
            assert not overlaps(a, b), (a, b)
    # 2. Every text lies inside its box.
    check_texts_inside(drawing)
    # 3. Every edge joins a parent's box to its child's box, and the drawn line is the edge.
    drawn = {(p, c) for p, c, _ in drawing.edges}
    expected = {(p, c) for p, c in pemda.tree.edges if p in layout.boxes and c in layout.boxes}
    assert drawn == expected
    for parent, child, line in drawing.edges:
        (x0, y0), (x1, y1) = (line.get_xdata()[0], line.get_ydata()[0]), (line.get_xdata()[-1],
                                                                          line.get_ydata()[-1])
        assert _on_border(layout.boxes[parent], x0, y0), (parent, child)
        assert _on_border(layout.boxes[child], x1, y1), (parent, child)


def check_texts_inside(drawing):
    """Every text lies inside its box, measured with the renderer that draws it, at each
    resolution drawings are rendered at (font hinting changes small text's width)."""
    canvas = FigureCanvasAgg(drawing.figure)
    for dpi in (100, 150):
        drawing.figure.set_dpi(dpi)
        canvas.draw()
        renderer = canvas.get_renderer()
        for node_id, patch in drawing.patches.items():
            outer = patch.get_window_extent(renderer)
            for text in drawing.texts[node_id]:
                inner = text.get_window_extent(renderer)
                where = (dpi, node_id, text.get_text())
                assert outer.x0 - 0.5 <= inner.x0 and inner.x1 <= outer.x1 + 0.5, where
                assert outer.y0 - 0.5 <= inner.y0 and inner.y1 <= outer.y1 + 0.5, where


def _on_border(box, x, y, eps=1e-6):
    inside_x = box.x - eps <= x <= box.right + eps
    inside_y = box.y - eps <= y <= box.bottom + eps
    on_edge = (min(abs(x - box.x), abs(x - box.right)) < eps or
               min(abs(y - box.y), abs(y - box.bottom)) < eps)
    return inside_x and inside_y and on_edge


@pytest.mark.parametrize("n", [5, 50, pytest.param(300, marks=pytest.mark.lambat)])
def test_tree_geometry(tmp_path, n):
    pemda = synthetic(n, tmp_path / "wb", seed=n)
    drawing = draw_tree(pemda, ["U"], year=2025, title=f"Uji {n}")
    assert len(drawing.layout.boxes) == n
    check_geometry(drawing, pemda)


@pytest.mark.lambat
def test_sample_trees_geometry(sample_path):
    pemda = load(sample_path)
    for code in ("1.02.0.00.0.00.01.0000", "1.05.0.00.0.00.02.0000", "2.16.0.00.0.00.01.0000"):
        for drawing in opd_tree_figures(pemda, code, year=2025):
            check_geometry(drawing, pemda)
    check_geometry(pemda_tree_figure(pemda, year=2025), pemda)


def test_a_planned_tree_s_size_is_the_size_it_is_drawn_at(sample_path):
    """The brief chooses a tree's page from its plan's size and draws only what it keeps."""
    pemda = load(sample_path)
    for code in ("1.02.0.00.0.00.01.0000", "2.23.0.00.0.00.01.0000"):
        for indicators, width in ((True, float("inf")), (False, 9.0)):
            for plan in opd_tree_plans(pemda, code, year=2026, indicators=indicators, max_width=width):
                drawn = tuple(render_tree(pemda, plan).figure.get_size_inches())
                assert figure_size(pemda, plan) == pytest.approx(drawn)


def test_text_is_literal(tmp_path):
    pemda = synthetic(5, tmp_path / "wb", seed=5)
    drawing = draw_tree(pemda, ["U"])
    texts = [t for ts in drawing.texts.values() for t in ts]
    hostile = [t for t in texts if "$x_1$" in t.get_text()]
    assert hostile and all(not t.get_parse_math() for t in texts)
    svg = tmp_path / "pohon.svg"
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none"}):
        drawing.figure.savefig(svg, format="svg")
    content = svg.read_text()
    assert "$x_1$" in content and "&lt;b&gt;tebal&lt;/b&gt;" in content and "{a}" in content


def test_wide_tree_is_split_into_overview_and_branches(sample_path):
    pemda = load(sample_path)
    code = "1.02.0.00.0.00.01.0000"
    whole = opd_tree_figures(pemda, code, year=2025, max_width=40)
    assert len(whole) == 1
    split = opd_tree_figures(pemda, code, year=2025, max_width=8)
    assert len(split) > 2
    overview = split[0]
    assert "ikhtisar" in overview.title
    assert not [n for n in overview.layout.boxes if pemda.level(n) in ("output", "aksi")]
    own = {n for n in pemda.tree if pemda.node(n).get("kode_opd") == code}
    shown = set().union(*(d.layout.boxes for d in split[1:]))
    assert own <= shown
    for drawing in split[1:]:  # each branch drawing keeps its chain to the Pemda outcome
        assert "SD.1" in drawing.layout.boxes


def test_problem_tree_effects_above_core_causes_below(sample_path):
    pemda = load(sample_path)
    drawing = problem_tree_figure(pemda, "1.02.0.00.0.00.01.0000")
    boxes = drawing.layout.boxes
    core = boxes["M.DINKES.2"]
    assert boxes["M.DINKES.1"].bottom <= core.y  # effect above
    for cause in ("M.DINKES.3", "M.DINKES.4", "M.DINKES.5", "M.DINKES.6"):
        assert boxes[cause].y >= core.bottom
    assert boxes["M.DINKES.5"].y > boxes["M.DINKES.3"].bottom  # root cause below its effect
    assert {(p, c) for p, c, _ in drawing.edges} >= {("M.DINKES.2", "M.DINKES.3"),
                                                     ("M.DINKES.2", "M.DINKES.1")}
    for a in boxes.values():
        for b in boxes.values():
            assert a is b or not overlaps(a, b)


def test_crosscutting_network(sample_path, clean, tmp_path):
    figure = crosscutting_figure(load(sample_path))
    assert isinstance(figure, Figure)
    texts = {t.get_text() for t in figure.axes[0].texts}
    assert {"Dinkes", "DPUPR", "BPS-3599 (bukan OPD)"} <= texts
    clean["lintas_opd"] = []
    empty = crosscutting_figure(load(write_csv_folder(clean, tmp_path / "wb")))
    assert any("Belum ada" in t.get_text() for t in empty.axes[0].texts)


def _network_boxes(figure):
    """The OPD boxes of a crosscutting figure, as (x0, y0, x1, y1) in the axes' units (inches)."""
    from matplotlib.patches import FancyBboxPatch

    return [(b.get_x(), b.get_y(), b.get_x() + b.get_width(), b.get_y() + b.get_height())
            for b in figure.axes[0].patches if isinstance(b, FancyBboxPatch)]


@pytest.mark.parametrize("opds", [27, 60])
def test_the_crosscutting_network_fills_its_figure_and_no_box_covers_another(opds, clean, tmp_path):
    import random

    rng = random.Random(opds)
    codes = [f"{i:02d}" for i in range(1, opds + 1)]
    clean["opd"] = [{"kode_opd": c, "nama_opd": f"Dinas Urusan {' '.join(rng.sample(WORDS, 2))} {c}"}
                    for c in codes]
    clean["pohon"] += [{"id": f"K{c}", "induk": "U1", "level": "intermediate", "kode_opd": c,
                        "pernyataan": "Meningkatnya layanan"} for c in codes[2:]]
    clean["lintas_opd"] = [
        {"id_pohon": f"K{a}" if a not in ("01", "02") else f"A{a}", "kode_opd_mitra": b,
         "peran": "dukungan", "status": rng.choice(["usulan", "disetujui", "ditolak"])}
        for a, b in (rng.sample(codes, 2) for _ in range(int(opds * 1.2)))]
    figure = crosscutting_figure(load(write_csv_folder(clean, tmp_path / "wb")))
    boxes = _network_boxes(figure)
    x_span, y_span = figure.axes[0].get_xlim()[1], figure.axes[0].get_ylim()[1]
    assert boxes and all(x0 >= 0 and x1 <= x_span and y0 >= 0 and y1 <= y_span for x0, y0, x1, y1 in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # The network spans its figure: not a small ring in a large empty square.
    assert max(b[2] for b in boxes) - min(b[0] for b in boxes) > 0.8 * x_span
    assert max(b[3] for b in boxes) - min(b[1] for b in boxes) > 0.7 * y_span


def test_save_writes_every_format_atomically(tmp_path, sample_path):
    drawing = pemda_tree_figure(load(sample_path))
    written = drawing.save(tmp_path / "pemda")
    assert [p.suffix for p in written] == [".png", ".svg", ".pdf"]
    assert written[0].read_bytes()[:4] == b"\x89PNG" and written[2].read_bytes()[:4] == b"%PDF"
    assert not list(tmp_path.glob(".*"))
    save_figure(drawing.figure, tmp_path / "lagi", formats=("png",), dpi=50)
    assert (tmp_path / "lagi.png").exists()


def test_mermaid_escapes_everything_it_must():
    label = escape(HOSTILE, width=200)
    bare = re.sub(r"#\w+;", "", label)  # what is left once the entity codes are taken out
    for raw in '"<>`;&|#':
        assert raw not in bare, raw
    assert "#quot;kutip#quot;" in label and "#lt;b#gt;tebal#lt;/b#gt;" in label
    assert label.startswith("Biaya $x_1$ naik 50% {a}")
    assert escape("a " * 40, width=10).count("<br/>") >= 5


def test_mermaid_tree_and_problem_tree(tmp_path, sample_path):
    pemda = synthetic(5, tmp_path / "wb", seed=5)
    chart = mermaid_tree(pemda, ["U"])
    lines = chart.splitlines()
    assert lines[0] == "flowchart TD"
    assert sum(" --> " in line for line in lines) == pemda.tree.number_of_edges()
    assert "classDef intermediate" in chart
    node_lines = [line for line in lines if '["' in line]
    for line in node_lines:  # no raw quote inside a label
        inner = line.split('["', 1)[1].rsplit('"]', 1)[0]
        assert '"' not in inner
    assert as_markdown(chart).startswith("```mermaid\n")
    sample = load(sample_path)
    problem_chart = mermaid_problem_tree(sample, "1.02.0.00.0.00.01.0000")
    assert problem_chart.startswith("flowchart BT") and "MASALAH INTI" in problem_chart
    assert problem_chart.count(" --> ") == 5


def test_only_conditions_above_the_opd_show_their_own_achievement(sample_path):
    pemda = load(sample_path)
    (drawing,) = opd_tree_figures(pemda, "1.05.0.00.0.00.02.0000", year=2025)
    badges = {n: [t.get_text() for t in texts if "Capaian" in t.get_text()]
              for n, texts in drawing.texts.items()}
    branch = {n: [t.get_text() for t in texts if t.get_text().startswith("cabang:")]
              for n, texts in drawing.texts.items()}
    # Every box shows its own indicators' figure first; the OPD's own conditions with
    # children also show their branch's, while the Pemda condition above (whose branch holds
    # other OPDs) shows only its own.
    table = node_achievement(pemda, 2025).set_index("id")
    for node in ("SD.3", "BPBD.1", "BPBD.1.1"):
        own = table.loc[node, "capaian_sendiri"]
        assert badges[node][0].startswith(f"Capaian 2025: {percent(own)}")  # one decimal, as tables
    assert branch["SD.3"] == [] and branch["BPBD.1"] and branch["BPBD.1.1"]
    assert branch["BPBD.1"][0].startswith(f"cabang: {percent(table.loc['BPBD.1', 'capaian_cabang'])}")


def test_trend_axes_write_numbers_as_the_tables_do(sample_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from pohon_nb.outputs.diagrams.trends import trend_figure

    figure = trend_figure(load(sample_path), ["DINKES.1.2.2.I1", "DINKES.1.1.I2"])  # 12.600 bayi; 6,2 %
    FigureCanvasAgg(figure).draw()
    ticks = [[t.get_text() for t in ax.get_yticklabels() if t.get_text()] for ax in figure.axes]
    indonesian = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")
    assert all(indonesian.match(t) for axis in ticks for t in axis), ticks
    assert any("." in t for t in ticks[0]) and any("," in t for t in ticks[1]), ticks


def test_a_partner_s_condition_drawn_as_a_child_gets_no_arc_across_the_boxes(tmp_path):
    """Dinas Kesehatan asks the Kecamatan for C1, drawn under K1.2 as its child: the tree's edge
    joins them and the tag names the request; no dashed arc runs over the boxes between."""
    from conftest import write_xlsx
    from matplotlib.patches import FancyArrowPatch
    from workbooks import kabupaten_lain_tables

    pemda = load(write_xlsx(kabupaten_lain_tables(), tmp_path / "lain.xlsx"))
    (drawing,) = opd_tree_figures(pemda, "007", year=2024)
    assert "C1" in drawing.patches and any("crosscutting: Kecamatan" in t.get_text()
                                           for t in drawing.texts["K1.2"])
    arcs = [a for a in drawing.figure.axes[0].patches
            if isinstance(a, FancyArrowPatch) and a.get_linestyle() == "--"]
    assert arcs == []


def test_the_printed_tree_says_what_the_figure_says(sample_path, tmp_path):
    """The brief's vector tree is painted from the same plan as the notebook's figure: the same
    lines in the boxes, the same title and legend, the crosscutting arc between two conditions on
    the drawing (dashed), all inside the figure's frame."""
    from pypdf import PdfReader

    from pohon_nb.outputs import pdf
    from pohon_nb.outputs.diagrams import children_within, plan_tree

    pemda = load(sample_path)
    keep = {"DINKES.1.1", "DP3AP2KB.1.2", *pemda.ancestors("DINKES.1.1"), *pemda.ancestors("DP3AP2KB.1.2")}
    plan = plan_tree(pemda, ["SD.1"], children=children_within(pemda, ["SD.1"], keep=keep), year=2025,
                     title="Dinkes dan DP3AP2KB: crosscutting")
    assert len(plan.drawn_links()) == 1
    figure = render_tree(pemda, plan).figure
    texts = [*figure.axes[0].texts, *figure.legends[0].get_texts()]
    drawn = sorted(" ".join(t.get_text().split()) for t in texts if t.get_text().strip() not in ("", "●"))
    marks = ("", "●", "⚑")  # the dots before badges, and the legend's mark (a marker in matplotlib)
    width, height = figure_size(pemda, plan)
    page = pdf.Page((width + 1, height + 1), trees=[pdf.PlacedTree(pemda, plan, 0.5, 0.5, 1.0)])
    path = pdf.write_pdf([page], tmp_path / "pohon.pdf")
    printed, places = [], []

    def visit(text, cm, tm, font, size):
        if text.strip() not in marks:
            printed.append(" ".join(text.split()))
            places.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    reader = PdfReader(path)
    reader.pages[0].extract_text(visitor_text=visit)
    assert sorted(printed) == drawn
    inside = [0.5 * 72 <= x <= (width + 0.5) * 72 and 0.5 * 72 <= y <= (height + 0.5) * 72 for x, y in places]
    assert all(inside)
    assert b"[4.07 1.76] 0 d" in reader.pages[0].get_contents().get_data()  # the dashed arc


def test_the_network_figures_are_the_same_every_run(sample_path):
    """The same workbook draws the same crosscutting network and shared-roots figure in every run,
    whatever Python's hash seed (a networkx subgraph view of a few nodes iterates a set)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pohon_nb.reading.model import load\n"
        "from pohon_nb.method.shared_roots import shared_roots\n"
        "from pohon_nb.outputs.diagrams import crosscutting_figure, shared_roots_figure\n"
        "pemda = load(sys.argv[1])\n"
        "network = crosscutting_figure(pemda).axes[0]\n"
        "boxes = [p for p in network.patches if hasattr(p, 'get_x')]\n"
        "print(sorted((round(p.get_x(), 4), round(p.get_y(), 4)) for p in boxes))\n"
        "roots = shared_roots_figure(pemda, shared_roots(pemda, 2025))\n"
        "print(sorted((k, round(b.x, 4), round(b.y, 4)) for k, b in roots.layout.boxes.items()))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script, str(sample_path)], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    assert all(line.startswith("[(") for line in runs[0].splitlines())  # both figures have boxes
