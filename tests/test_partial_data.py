"""Workbooks users bring: partial data, formula-like text, formulas without saved values,
repeated loads. Every section of every notebook has content or a sentence saying what is
missing; no file the tool writes turns workbook text into a formula."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest
from conftest import clean_tables, write_xlsx
from openpyxl.utils import get_column_letter
from sections import SECTIONS, run_section, section_problem
from workbooks import BSSN, kabupaten_lain_tables, required_only_tables

from pohon_nb.method.checks import validate
from pohon_nb.nb import views
from pohon_nb.outputs.exports import export_cascading, export_crosscutting, export_findings, export_manual_iku
from pohon_nb.reading.blank_workbook import write_workbook
from pohon_nb.reading.model import load
from pohon_nb.reading.scores import save_scores

HOSTILE = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 812 345", "-1+1", "@SUM(A1)",
           "=1+1"]


def _load_clean(tables, tmp_path, name="wb.xlsx"):
    pemda, findings = validate(write_xlsx(tables, tmp_path / name))
    errors = [f"{f.code} {f.location()} {f.message}" for f in findings if f.severity == "error"]
    assert errors == []
    return pemda


def _section_texts(pemda, kode_opd, year, view):
    items = getattr(views, view)(views.Context(pemda, kode_opd, year))
    assert section_problem(items) is None, (view, items)
    return " ".join(i for i in items if isinstance(i, str))


# --------------------------------------------------------------------------- missing data


def test_optional_sheets_absent_every_section_says_what_to_fill(tmp_path):
    pemda = _load_clean(required_only_tables(), tmp_path)
    text = _section_texts(pemda, "01", 2025, "apkl")
    assert "belum punya data masalah" in text and "sheet `masalah`" in text
    assert "belum ada di workbook" in text
    assert "masalah inti" not in _section_texts(pemda, "01", 2025, "usg").lower()
    assert "sheet `lintas_opd`" in _section_texts(pemda, "01", 2025, "crosscutting_both_ways")
    assert "sheet `lintas_opd`" in _section_texts(pemda, "01", 2025, "crosscutting_network")
    # targets but no realisation yet
    assert "Belum ada realisasi 2025" in _section_texts(pemda, "01", 2025, "indicator_gaps")
    assert "realisasi_2025" in _section_texts(pemda, "01", 2025, "achievement_rollup")
    for name in SECTIONS:
        for code in pemda.opd_codes():
            assert run_section(pemda, name, code, 2025) is None, name


def test_optional_sheets_with_headers_only(tmp_path):
    tables = clean_tables()
    for name in ("lintas_opd", "masalah", "anggaran", "penilaian_indikator"):
        tables[name] = []  # written with the schema's header line and no rows
    for row in tables["pohon"]:
        row.pop("asal_masalah", None)
    pemda = _load_clean(tables, tmp_path)
    assert pemda.tables["masalah"].present and pemda.masalah.empty
    text = _section_texts(pemda, "01", 2025, "apkl")
    assert "belum punya data masalah" in text and "belum ada di workbook" not in text
    for name in SECTIONS:
        assert run_section(pemda, name, "02", 2025) is None, name


def test_an_optional_sheet_left_entirely_blank_is_no_rows_not_an_error(tmp_path):
    tables = clean_tables()
    for row in tables["pohon"]:
        row.pop("asal_masalah", None)
    path = write_xlsx(tables, tmp_path / "wb.xlsx")
    book = openpyxl.load_workbook(path)
    del book["masalah"]
    book.create_sheet("masalah")
    book.save(path)
    pemda, findings = validate(path)
    assert [f for f in findings if f.severity == "error"] == []
    assert pemda.masalah.empty


def test_a_year_outside_the_data_is_named_with_the_years_there_are(tmp_path):
    pemda = _load_clean(clean_tables(), tmp_path)
    text = _section_texts(pemda, "01", 1999, "indicator_gaps")
    assert "Tahun 1999 tidak ada di workbook" in text and "2025, 2026, 2027" in text
    for name in SECTIONS:
        assert run_section(pemda, name, "01", 1999) is None, name


def test_a_tree_with_no_targets_at_all(tmp_path):
    tables = clean_tables()
    for row in tables["indikator"]:
        for key in [k for k in row if k.startswith("target_")]:
            row.pop(key)
    pemda = _load_clean(tables, tmp_path)
    assert "belum punya target 2025" in _section_texts(pemda, "01", 2025, "indicator_gaps")
    for name in SECTIONS:
        assert run_section(pemda, name, "01", 2025) is None, name


def test_an_opd_without_conditions_or_problems_or_indicators(tmp_path):
    tables = clean_tables()
    tables["opd"].append({"kode_opd": "007", "nama_opd": "Dinas Baru"})
    pemda = _load_clean(tables, tmp_path)
    assert "kolom `kode_opd`-nya `007`" in _section_texts(pemda, "007", 2025, "opd_tree")
    assert "belum punya data masalah" in _section_texts(pemda, "007", 2025, "core_problem")
    for name in SECTIONS:
        assert run_section(pemda, name, "007", 2025) is None, name


def test_an_opd_with_conditions_but_no_indicators(tmp_path):
    pemda = _load_clean(kabupaten_lain_tables(), tmp_path)
    assert "belum punya indikator" in _section_texts(pemda, "BPBD", 2024, "indicator_scores")
    assert "belum punya indikator" in _section_texts(pemda, "BPBD", 2024, "manual_iku")
    assert "tidak ditulis" in _section_texts(pemda, "BPBD", 2024, "manual_iku_export")
    # indicators, none of them IKU
    assert "Belum ada IKU terpilih" in _section_texts(pemda, "KEC-01", 2024, "manual_iku")


def test_problems_without_a_core_show_the_table_and_say_how_to_mark_one(tmp_path):
    pemda = _load_clean(kabupaten_lain_tables(), tmp_path)
    items = views.problem_tree(views.Context(pemda, "1.03.0.00.0.00.01.0000", 2024))
    assert "Masalah inti belum ditentukan" in items[0] and "`inti` = ya" in items[0]
    assert sorted(items[1].patches) == ["BM1", "BM2"]  # every problem drawn
    assert len(items[2].data) == 2  # and listed
    assert section_problem(items) is None


def test_realistic_kabupaten_unlike_the_sample_every_section_every_opd(tmp_path):
    pemda = _load_clean(kabupaten_lain_tables(), tmp_path)
    assert pemda.opd_codes()[0] == "007"  # codes stay text
    for code in pemda.opd_codes():
        for name in SECTIONS:
            assert run_section(pemda, name, code, 2024) is None, (code, name)
            assert run_section(pemda, name, code, 2025) is None, (code, name)
    # nested intermediate outcomes three deep are one OPD's branch
    assert [pemda.level(n) for n in ("B1", "B1.1", "B1.1.1")] == ["intermediate"] * 3
    # a vertical agency partner is shown by its code
    text = _section_texts(pemda, "007", 2024, "crosscutting_both_ways")
    assert "BPS" in text


@pytest.mark.skipif(not BSSN.exists(), reason=f"{BSSN} tidak ada (shared/ tidak tersedia)")
def test_real_bssn_tree_every_section(tmp_path):
    from workbooks import bssn_tables

    pemda = _load_clean(bssn_tables(), tmp_path)
    for name in SECTIONS:
        assert run_section(pemda, name, "BSSN", 2025) is None, name
    assert "Tahun 2025 tidak ada di workbook" in _section_texts(pemda, "BSSN", 2025, "opd_tree")


# --------------------------------------------------------------------------- formulas


def _formulas(path) -> list[str]:
    """Every cell an Excel file stores as a formula (``<f>`` elements), as sheet!cell."""
    found = []
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            found += [f"{ws.title}!{c.coordinate}" for c in row if c.data_type == "f"]
    with zipfile.ZipFile(path) as archive:
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n)
                       for n in archive.namelist() if n.startswith("xl/worksheets/"))
    return found


def _hostile_tables():
    tables = clean_tables()
    tables["pohon"][1]["pernyataan"] = HOSTILE[0]
    tables["pohon"][2]["pernyataan"] = HOSTILE[1]
    tables["indikator"][1]["nama"] = HOSTILE[2]
    tables["indikator"][1]["iku"] = "ya"
    tables["indikator"][1]["definisi"] = HOSTILE[3]
    tables["lintas_opd"][0]["peran"] = HOSTILE[4]
    return tables


def test_text_that_looks_like_a_formula_is_written_as_text_in_every_export(tmp_path):
    source = tmp_path / "hostile.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in _hostile_tables().items():  # written as text by hand: not formulas
        ws = book.create_sheet(name)
        headers = list(dict.fromkeys(k for r in rows for k in r))
        ws.append(headers)
        for r, row in enumerate(rows, start=2):
            for c, key in enumerate(headers, start=1):
                cell = ws.cell(row=r, column=c, value=row.get(key))
                cell.data_type = "s" if isinstance(row.get(key), str) else cell.data_type
    book.save(source)
    pemda = load(source)
    assert pemda.node("A01")["pernyataan"] == HOSTILE[0]
    outputs = [
        export_cascading(pemda, tmp_path / "cascading.xlsx"),
        export_crosscutting(pemda, tmp_path / "crosscutting.xlsx"),
        export_manual_iku(pemda, tmp_path / "manual.xlsx"),
        export_findings(pemda, pemda.findings, tmp_path / "temuan.xlsx"),
        write_workbook(tmp_path / "templat.xlsx", _hostile_tables()),
    ]
    for path in outputs:
        assert _formulas(path) == [], path
    cascading = openpyxl.load_workbook(outputs[0])["cascading"]
    values = {c.value for row in cascading.iter_rows() for c in row}
    assert HOSTILE[0] in values and HOSTILE[1] in values  # the text itself, as typed
    assert load(outputs[0]).source  # still a readable workbook


def test_saved_scores_keep_hostile_notes_as_text(tmp_path):
    source = write_xlsx(clean_tables(), tmp_path / "wb.xlsx")
    note = '=HYPERLINK("http://contoh.invalid")'
    target = save_scores(source, assessments=[{"id_indikator": "A01.I1", "penilai": "@budi",
                                               "catatan": note, "smart_s": 2}])
    assert _formulas(target) == []
    rows = list(openpyxl.load_workbook(target)["penilaian_indikator"].iter_rows(values_only=True))
    assert rows[-1][0] == "A01.I1" and note in rows[-1] and "@budi" in rows[-1]
    # A CSV folder: the note cannot be evaluated by a spreadsheet program.
    from conftest import write_csv_folder

    folder = write_csv_folder(clean_tables(), tmp_path / "csv")
    copy = save_scores(folder, assessments=[{"id_indikator": "A01.I1", "catatan": note}],
                       target=tmp_path / "csv_copy")
    with open(copy / "penilaian_indikator.csv", encoding="utf-8") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert "'" + note in cells


# --------------------------------------------------------------------------- reading


def test_loading_the_same_workbook_twice_gives_the_same_findings(tmp_path):
    tables = clean_tables()
    tables["indikator"][0]["polaritas"] = None
    path = write_xlsx(tables, tmp_path / "wb.xlsx")
    counts = [sum(1 for f in load(path).findings if f.code == "S16") for _ in range(3)]
    assert counts == [1, 1, 1]


def test_a_formula_cell_without_a_saved_value_is_reported_as_such(tmp_path):
    path = write_xlsx(clean_tables(), tmp_path / "wb.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["indikator"]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("realisasi_2025") + 1, value="=40+12")
    ws.cell(row=4, column=header.index("satuan") + 1, value='=CONCAT("%","")')
    book.save(path)  # openpyxl saves formulas without their values: Excel never computed them
    findings = load(path).findings
    found = [(f.code, f.sheet, f.row, f.column, f.column_letter) for f in findings
             if f.code == "S17"]
    letter = get_column_letter
    assert found == [
        ("S17", "indikator", 3, "realisasi_2025", letter(header.index("realisasi_2025") + 1)),
        ("S17", "indikator", 4, "satuan", letter(header.index("satuan") + 1)),
    ]
    assert all("rumus tanpa nilai tersimpan" in f.message and "simpan" in f.message
               for f in findings if f.code == "S17")
    assert not any(f.code in ("S12", "S16") and f.row == 4 and f.column == "satuan" for f in findings)


def test_a_formula_with_a_saved_value_reads_the_value(tmp_path):
    tables = clean_tables()
    path = write_xlsx(tables, tmp_path / "wb.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    name = "xl/worksheets/sheet4.xml"  # indikator, the fourth sheet written
    xml = parts[name].decode()
    # realisasi 2025 of the first indicator: a formula with its cached value 52, as Excel saves it
    cell = get_column_letter(list(tables["indikator"][0]).index("realisasi_2025") + 1) + "2"
    old = f'<c r="{cell}" t="n"><v>52</v></c>'
    assert old in xml
    parts[name] = xml.replace(old, f'<c r="{cell}"><f>50+2</f><v>52</v></c>').encode()
    with zipfile.ZipFile(path, "w") as archive:
        for n, data in parts.items():
            archive.writestr(n, data)
    pemda = load(path)
    assert not any(f.code == "S17" for f in pemda.findings)
    assert pemda.indicators_of("U1")[0]["realisasi_2025"] == 52


def test_scorers_say_what_is_missing_instead_of_an_empty_widget(tmp_path):
    from pohon_nb.nb.widgets import IndicatorScorer, UsgScorer

    pemda = _load_clean(required_only_tables(), tmp_path)
    usg = UsgScorer(views.Context(pemda, "01", 2025), tmp_path)
    assert len(usg.children) == 1 and "belum punya data masalah" in usg.children[0].value
    pemda = _load_clean(kabupaten_lain_tables(), tmp_path, "lain.xlsx")
    scorer = IndicatorScorer(views.Context(pemda, "BPBD", 2024), tmp_path)
    assert len(scorer.children) == 1 and "belum punya indikator" in scorer.children[0].value
    assert len(IndicatorScorer(views.Context(pemda, "007", 2024), tmp_path).children) > 1
