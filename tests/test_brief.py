"""The printed brief says true things: crosscutting with its direction, who signs, page numbers."""

from __future__ import annotations

import copy

import pytest
from conftest import clean_tables, write_xlsx

from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.checked import check
from pohon_nb.method.wording import head_title
from pohon_nb.outputs.brief import brief_pages
from pohon_nb.reading.model import load

DINKES = "1.02.0.00.0.00.01.0000"


def page_texts(pages) -> list[str]:
    return [" ".join(" ".join(page.text_lines()).split()) for page in pages]


@pytest.fixture(scope="module")
def sample():
    return check(load(SAMPLE))


def test_an_opd_without_requests_is_not_told_they_are_agreed(tmp_path):
    tables = clean_tables()
    tables.pop("lintas_opd", None)
    checked = check(load(write_xlsx(tables, tmp_path / "wb.xlsx")))
    text = " ".join(page_texts(brief_pages(checked, "01", 2025)))
    assert "tidak meminta dan tidak dimintai crosscutting" in text
    assert "sudah disepakati" not in text and "sudah dijawab" not in text
    assert "tidak ada crosscutting yang menunggu jawaban" in text


def test_requests_are_said_with_their_direction_and_the_counts_agree(sample):
    text = " ".join(page_texts(brief_pages(sample, DINKES, 2025)))
    # Dinkes asked DPUPR and BKPSDM (both usulan); DP3AP2KB's request to Dinkes is agreed.
    assert "crosscutting belum disepakati: 2 diminta OPD ini." in text
    assert "Crosscutting belum disepakati (2)" in text
    assert "Diminta OPD ini dari DPUPR" in text and "Diminta OPD ini dari BKPSDM" in text
    assert "Diminta dari OPD ini" not in text


def test_a_request_made_of_the_opd_is_labelled_as_such(sample):
    pemda = sample.pemda
    waiting = pemda.lintas_opd[pemda.lintas_opd["status"] == "usulan"]
    partner = waiting.iloc[0]["kode_opd_mitra"]
    text = " ".join(page_texts(brief_pages(sample, partner, 2025)))
    assert "diminta dari OPD ini" in text and "Diminta dari OPD ini oleh" in text
    assert "menunggu jawaban OPD ini" in text


@pytest.mark.parametrize("name,title", [
    ("Sekretariat Daerah", "Sekretaris Daerah"), ("Kecamatan Sukamaju", "Camat Sukamaju"),
    ("Kelurahan Kota Baru", "Lurah Kota Baru"), ("Inspektorat Daerah", "Inspektur Daerah"),
    ("Dinas Kesehatan", "Kepala Dinas Kesehatan"),
    ("Badan Pendapatan Daerah", "Kepala Badan Pendapatan Daerah"),
    ("Sekretariat DPRD", "Sekretaris DPRD"),
])
def test_the_head_is_named_by_title_not_by_office(name, title):
    assert head_title(name) == title


def test_the_opd_sheet_may_give_the_heads_title(tmp_path):
    tables = copy.deepcopy(clean_tables())
    tables["opd"][0]["nama_opd"] = "Sekretariat Daerah"
    tables["opd"][1]["jabatan_kepala"] = "Plt. Kepala Dinas Kesehatan"
    checked = check(load(write_xlsx(tables, tmp_path / "wb.xlsx")))
    first = page_texts(brief_pages(checked, tables["opd"][0]["kode_opd"], 2025))[0]
    assert "Disetujui, Sekretaris Daerah:" in first and "Kepala Sekretariat" not in first
    second = page_texts(brief_pages(checked, tables["opd"][1]["kode_opd"], 2025))[0]
    assert "Disetujui, Plt. Kepala Dinas Kesehatan:" in second and "Fasilitator asistensi" in second


def test_every_page_is_numbered(sample):
    pages = brief_pages(sample, DINKES, 2025)
    for number, text in enumerate(page_texts(pages), start=1):
        assert f"Dinkes · Halaman {number} dari {len(pages)}" in text


def test_the_room_gets_what_it_works_from(sample):
    text = " ".join(page_texts(brief_pages(sample, DINKES, 2026)))
    for heading in ("Perbaiki hari ini (usulan tindak lanjut)", "Perkiraan LKE",
                    "Indikator di bawah target", "Anggaran", "Masalah inti"):
        assert heading in text, heading
    assert "Penanggung jawab: __________; tenggat: __________" in text
    assert ("M.DINKES.2 Tingginya prevalensi stunting pada balita (USG 15, ditandai inti, peringkat "
            "USG 1)") in text
    # The fixes name the rule; the finding's full text is said once, under the findings.
    message = next(f.message for f in sample.findings if f.code == "M19" and f.kode_opd == DINKES)
    assert text.count(" ".join(message.split())) == 1


def test_a_workbook_without_budget_or_problems_says_where_to_fill_them(tmp_path):
    tables = clean_tables()
    tables.pop("anggaran", None)
    tables["masalah"] = []
    for row in tables["pohon"]:
        row.pop("asal_masalah", None)
    checked = check(load(write_xlsx(tables, tmp_path / "wb.xlsx")))
    text = " ".join(page_texts(brief_pages(checked, "01", 2025)))
    assert "Sheet anggaran belum berisi pagu OPD ini tahun 2025." in text
    assert "Sheet masalah belum menandai masalah inti OPD ini (kolom inti)." in text


def test_the_brief_s_tree_prints_readable_text_with_indicators_where_they_fit():
    """Never the 5 pt text of a shrunk tree: the indicators named when they print at 5.5 pt or more,
    else the statements at 6.4 pt or more on one page, else one page per branch."""
    from pohon_nb.outputs.brief import MIN_INDICATOR_SCALE, MIN_STATEMENT_SCALE, _page_fit, _trees_for_brief
    from pohon_nb.outputs.diagrams import figure_size

    pemda = load(SAMPLE)
    small, note = _trees_for_brief(pemda, "2.23.0.00.0.00.01.0000", 2026, "lima_tingkat", None)
    def fit(plan):
        return _page_fit(figure_size(pemda, plan))

    def texts(plans):
        return " ".join(line.text for plan in plans for lines in plan.content.values() for line in lines)

    assert len(small) == 1 and note == "" and fit(small[0]) >= MIN_INDICATOR_SCALE
    assert "Tingkat Gemar Membaca" in texts(small)  # an indicator's name, as the HTML tree has it
    large, note = _trees_for_brief(pemda, "1.02.0.00.0.00.01.0000", 2026, "lima_tingkat", None)
    assert len(large) > 2 and "satu halaman per cabang" in note
    assert all(fit(d) >= MIN_STATEMENT_SCALE for d in large)
    # Every condition of the OPD is on some page: splitting leaves none out.
    assert all(node in texts(large) for node in pemda.owned_by("1.02.0.00.0.00.01.0000"))


def printed_words(path) -> list[tuple[int, str, float, float, float]]:
    """Every piece of text the PDF prints: (page, text, x, y in points from the page's bottom-left,
    the size it prints at), read back by pypdf."""
    from pypdf import PdfReader

    words = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                # The text matrix inside the current transformation (the tree's scale and place).
                a, b, c, d, e, f = cm
                x, y = tm[4] * a + tm[5] * c + e, tm[4] * b + tm[5] * d + f
                words.append((number, text.strip(), x, y, size * tm[3] * d))

        page.extract_text(visitor_text=visit)
    return words


def test_the_written_brief_prints_its_tree_as_text_inside_the_page(sample, tmp_path):
    """The PDF read back: the tree is vector text (its statements and indicators searchable), at
    the size the brief chose it for, and nothing lies outside the page."""
    from pypdf import PdfReader

    from pohon_nb.outputs.brief import MIN_INDICATOR_SCALE, write_brief

    code = "2.23.0.00.0.00.01.0000"
    path = write_brief(brief_pages(sample, code, 2026), tmp_path / "ringkasan.pdf")
    words = printed_words(path)
    tree_page = len(PdfReader(path).pages) - 1
    on_tree = " ".join(" ".join(w[1] for w in words if w[0] == tree_page).split())
    assert "Meningkatnya budaya literasi dan" in on_tree and "Tingkat Gemar Membaca (nilai)" in on_tree
    assert "Halaman 2 dari 2" in on_tree
    # The indicator lines (6.5 pt in the figure) print at 5.5 pt or more.
    sizes = [w[4] for w in words if w[0] == tree_page and "Tingkat Gemar Membaca" in w[1]]
    assert sizes and min(sizes) >= 6.5 * MIN_INDICATOR_SCALE - 0.01
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]
    for page, text, x, y, _ in words:
        width, height = boxes[page]
        assert 0 < x < width and 0 < y < height, (page, text, x, y)


def test_hostile_text_prints_literally(tmp_path):
    """A workbook's text is data in the PDF too: brackets, backslashes, markup and formulas print as
    typed; a control character prints as a space."""
    from pohon_nb.outputs.brief import write_brief
    from pohon_nb.outputs.fonts import printable

    tables = copy.deepcopy(clean_tables())
    hostile = "Naiknya (mutu) \\ layanan $x_1$ <b>tebal</b> =SUM(A1)\tkolom"
    tables["opd"][0]["nama_opd"] = hostile
    checked = check(load(write_xlsx(tables, tmp_path / "wb.xlsx")))
    path = write_brief(brief_pages(checked, tables["opd"][0]["kode_opd"], 2025), tmp_path / "r.pdf")
    text = " ".join(w[1] for w in printed_words(path))
    assert "Naiknya (mutu) \\ layanan $x_1$ <b>tebal</b> =SUM(A1) kolom" in " ".join(text.split())
    assert printable("bel\x07di\x00sini") == "bel di sini"  # a CSV cell may hold what xlsx cannot


def test_a_real_wide_tree_prints_every_page_readable_overview_included(tmp_path):
    """The BSSN 2025-2029 tree (shared/real): six intermediate outcomes under one, each with its
    immediate outcomes. Its overview down to immediate outcomes would print at 3.8 pt; it is
    drawn down to intermediate outcomes instead, and every tree page, overview included, prints
    its statements (8.5 pt in the figure) at 6.4 pt or more."""
    from conftest import write_xlsx
    from workbooks import BSSN, bssn_tables

    from pohon_nb.outputs.brief import MIN_STATEMENT_SCALE

    if not BSSN.exists():
        pytest.skip(f"{BSSN} tidak ada (shared/ tidak tersedia)")
    checked = check(load(write_xlsx(bssn_tables(), tmp_path / "bssn.xlsx")))
    pages = brief_pages(checked, "BSSN", 2025)
    trees = [tree for page in pages for tree in page.trees]
    assert len(trees) > 2 and all(tree.scale >= MIN_STATEMENT_SCALE for tree in trees)
    assert trees[0].plan.title.endswith("ikhtisar sampai intermediate outcome")
    # The branches still show every condition the OPD owns.
    drawn = {n for tree in trees[1:] for n in tree.plan.layout.boxes}
    assert set(checked.pemda.owned_by("BSSN")) <= drawn
