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
    return [" ".join(" ".join(t.get_text() for t in page.texts).split()) for page in pages]


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

    pemda = load(SAMPLE)
    small, note = _trees_for_brief(pemda, "2.23.0.00.0.00.01.0000", 2026, "lima_tingkat", None)
    def fit(drawing):  # measured on the drawn figure, not on the plan the brief chose it by
        return _page_fit(tuple(drawing.figure.get_size_inches()))

    assert len(small) == 1 and note == "" and fit(small[0]) >= MIN_INDICATOR_SCALE
    texts = " ".join(t.get_text() for t in small[0].figure.findobj(lambda a: hasattr(a, "get_text")))
    assert "Tingkat Gemar Membaca" in texts  # an indicator's name, as the HTML tree has it
    large, note = _trees_for_brief(pemda, "1.02.0.00.0.00.01.0000", 2026, "lima_tingkat", None)
    assert len(large) > 2 and "satu halaman per cabang" in note
    assert all(fit(d) >= MIN_STATEMENT_SCALE for d in large)
    # Every condition of the OPD is on some page: splitting leaves none out.
    drawn = " ".join(t.get_text() for d in large for t in d.figure.findobj(lambda a: hasattr(a, "get_text")))
    assert all(node in drawn for node in pemda.owned_by("1.02.0.00.0.00.01.0000"))
