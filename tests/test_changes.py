"""The asistensi loop (issue 16): what changed between two versions of a workbook.

The sample is changed the way an OPD changes it after an asistensi: an activity-worded
condition reworded, an indicator added to a condition that had none chosen, a falling target
fixed, a row moved, a crosscutting request approved. The comparison must list exactly those
changes and the findings they resolved, and nothing from the moved row.
"""

from __future__ import annotations

import openpyxl
import pytest

from pohon_nb.cli import main
from pohon_nb.core.paths import SAMPLE
from pohon_nb.method.changes import compare
from pohon_nb.reading.model import load

DISHUB, DLH = "2.15.0.00.0.00.01.0000", "2.11.0.00.0.00.01.0000"
DUKCAPIL, KOMINFO = "2.12.0.00.0.00.01.0000", "2.16.0.00.0.00.01.0000"


def _row(sheet, column: str, value):
    header = [c.value for c in sheet[1]]
    index = header.index(column)
    return header, next(r for r in sheet.iter_rows(min_row=2) if r[index].value == value)


def after_asistensi(source, target):
    """The sample as an OPD leaves it after an asistensi (see the module docstring)."""
    book = openpyxl.load_workbook(source)
    pohon, indikator, lintas = book["pohon"], book["indikator"], book["lintas_opd"]
    header, row = _row(pohon, "id", "DISDUKCAPIL.1.1")  # M01: worded as an activity
    row[header.index("pernyataan")].value = "Meningkatnya cakupan pelayanan pendaftaran penduduk"
    header, row = _row(indikator, "id", "DISHUB.1.1.I1")  # M06 and M07: target 2027 fell to 58
    row[header.index("target_2027")].value = 62
    header = [c.value for c in indikator[1]]  # M02: DLH.1.2.2 had only an unchosen candidate
    values = {"id": "DLH.1.2.2.I2", "id_pohon": "DLH.1.2.2", "nama": "Persentase titik pantau air sungai "
              "yang memenuhi baku mutu", "satuan": "%", "polaritas": "maks", "jenis": "output",
              "iku": "tidak",
              "dipilih": "ya", "baseline": 48, "tahun_baseline": 2024, "target_2025": 52, "target_2026": 58,
              "target_2027": 64, "target_2028": 70, "target_2029": 76, "realisasi_2025": 53,
              "realisasi_2026": 59}
    indikator.append([values.get(h) for h in header])
    header, row = _row(lintas, "id_pohon", "DISKOMINFO.1.1")  # M11: the partner agreed
    row[header.index("status")].value = "disetujui"
    header, row = _row(pohon, "id", "BPBD.1")  # a row moved to the end of its sheet: no change
    values = [c.value for c in row]
    pohon.delete_rows(row[0].row)
    pohon.append(values)
    book.save(target)
    return target


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    folder = tmp_path_factory.mktemp("banding")
    return compare(load(SAMPLE), load(after_asistensi(SAMPLE, folder / "sesudah.xlsx")))


def test_the_comparison_lists_exactly_what_the_opd_changed(comparison):
    changes = {(r.kode_opd, r.bagian, r.id, r.perubahan, r.lama, r.baru)
               for r in comparison.changes.itertuples()}
    assert changes == {
        (DUKCAPIL, "kondisi", "DISDUKCAPIL.1.1", "dirumuskan ulang",
         "Peningkatan pelayanan pendaftaran penduduk", "Meningkatnya cakupan pelayanan pendaftaran penduduk"),
        (DISHUB, "indikator", "DISHUB.1.1.I1", "target diubah", "2027: 58", "2027: 62"),
        (DLH, "indikator", "DLH.1.2.2.I2", "ditambah", "",
         "Persentase titik pantau air sungai yang memenuhi baku mutu (kondisi DLH.1.2.2)"),
        (KOMINFO, "crosscutting", "DISKOMINFO.1.1 → Disdukcapil (DISDUKCAPIL.1.3)", "status diubah",
         "usulan", "disetujui"),
    }


def test_the_findings_they_resolved_and_nothing_spurious(comparison):
    findings = comparison.findings
    resolved = {(r.code, r.ref) for r in findings[findings["status"] == "selesai"].itertuples()}
    assert resolved == {("M01", "DISDUKCAPIL.1.1"), ("M02", "DLH.1.2.2"), ("M06", "DISHUB.1.1.I1"),
                        ("M07", "DISHUB.1.1.I1"), ("M11", "DISKOMINFO.1.1")}
    assert findings[findings["status"] == "baru"].empty  # the moved row brings nothing new
    # 122 findings on the sample (27 planted or derived, 95 indicators without a 2026 realisation)
    assert len(findings[findings["status"] == "masih"]) == 122 - 5
    assert comparison.summary(DISHUB) == "2 temuan selesai, 0 baru, 2 masih terbuka; 1 perubahan data"
    assert comparison.summary("1.05.0.00.0.00.02.0000").startswith("0 temuan selesai, 0 baru")  # BPBD moved
    assert comparison.summary() == "5 temuan selesai, 0 baru, 117 masih terbuka; 4 perubahan data"


def test_rows_moved_and_reworded_are_told_apart(tmp_path):
    from conftest import clean_tables, write_xlsx

    old = clean_tables()
    new = clean_tables()
    new["pohon"].reverse()  # every row moved
    node = next(r for r in new["pohon"] if r["id"] == "A01.2.1")
    node["induk"] = "A01.1"  # re-parented
    new["masalah"].append({"id": "M01.3", "kode_opd": "01", "pernyataan": "Kurangnya bidan desa",
                           "menyebabkan": "M01.2", "lokus": "internal", "apkl_a": "ya", "apkl_p": "ya",
                           "apkl_k": "ya", "apkl_l": "ya", "usg_u": 5, "usg_s": 5, "usg_g": 5})
    new["indikator"] = [r for r in new["indikator"] if r["id"] != "A02.2.2.I1"]
    result = compare(load(write_xlsx(old, tmp_path / "lama.xlsx")),
                     load(write_xlsx(new, tmp_path / "baru.xlsx")))
    found = {(r.id, r.perubahan, r.lama, r.baru) for r in result.changes.itertuples()}
    assert found == {("A01.2.1", "dipindah", "A01.2", "A01.1"),
                     ("M01.3", "ditambah", "", "Kurangnya bidan desa"),
                     # The new problem moved the others: they are not called re-scored.
                     ("M01.1", "peringkat USG bergeser", "1", "2 (karena M01.3)"),
                     ("M01.2", "peringkat USG bergeser", "2", "3 (karena M01.3)"),
                     ("M01.1", "masalah inti bukan lagi peringkat USG 1", "1",
                      "2; periksa skornya atau tinjau ulang masalah intinya"),
                     ("A02.2.2.I1", "dihapus", "Jumlah layanan 2.2 (kondisi A02.2.2)", "")}


def test_a_usg_rescore_is_attributed_to_the_problem_rescored(tmp_path):
    from conftest import clean_tables, write_xlsx

    from pohon_nb.method.changes import change_sentence

    old = clean_tables()
    new = clean_tables()
    cause = next(r for r in new["masalah"] if r["id"] == "M01.2")
    cause.update(usg_u=5, usg_s=5, usg_g=5)  # re-scored above the core problem (5-4-4)
    result = compare(load(write_xlsx(old, tmp_path / "lama.xlsx")),
                     load(write_xlsx(new, tmp_path / "baru.xlsx")))
    rows = {(r.id, r.perubahan): r for r in result.changes.itertuples()}
    assert set(rows) == {("M01.2", "skor USG diubah"), ("M01.1", "peringkat USG bergeser"),
                         ("M01.1", "masalah inti bukan lagi peringkat USG 1")}
    assert change_sentence(rows["M01.2", "skor USG diubah"]) == (
        "Masalah M01.2 skor USG diubah: U4 S3 G3 = 10 (peringkat 2) menjadi U5 S5 G5 = 15 (peringkat 1)")
    assert change_sentence(rows["M01.1", "peringkat USG bergeser"]) == (
        "Masalah M01.1 peringkat USG bergeser dari peringkat 1 ke 2 (karena M01.2)")
    assert "masalah inti bukan lagi peringkat USG 1, sekarang peringkat 2" in change_sentence(
        rows["M01.1", "masalah inti bukan lagi peringkat USG 1"])


def test_a_realisation_filled_in_is_a_change(tmp_path):
    from conftest import clean_tables, write_xlsx

    old, new = clean_tables(), clean_tables()
    next(r for r in old["indikator"] if r["id"] == "A01.1.I1")["realisasi_2025"] = None
    result = compare(load(write_xlsx(old, tmp_path / "lama.xlsx")),
                     load(write_xlsx(new, tmp_path / "baru.xlsx")))
    rows = [(r.id, r.perubahan) for r in result.changes.itertuples()]
    assert rows == [("A01.1.I1", "realisasi diisi")]


def test_what_changed_is_said_in_words_for_the_brief(tmp_path):
    from conftest import clean_tables, write_xlsx

    from pohon_nb.method.changes import change_sentence, finding_sentence

    old, new = clean_tables(), clean_tables()
    node = next(r for r in new["pohon"] if r["id"] == "A01.2.1")
    node["induk"], node["pernyataan"] = "A01.1", "Tersedianya layanan terpadu"
    next(r for r in new["indikator"] if r["id"] == "A01.1.I1")["target_2026"] = 40  # below 2025: M06
    result = compare(load(write_xlsx(old, tmp_path / "lama.xlsx")),
                     load(write_xlsx(new, tmp_path / "baru.xlsx")))
    said = {change_sentence(r) for r in result.changes.itertuples()}
    assert "Kondisi A01.2.1 dipindah dari bawah A01.2 ke bawah A01.1" in said
    assert ("Kondisi A01.2.1 dirumuskan ulang: 'Tersedianya layanan 2.1' menjadi 'Tersedianya layanan "
            "terpadu'") in said
    found = {finding_sentence(r) for r in result.findings.itertuples() if r.status == "baru"}
    assert any(f.startswith("Temuan baru M06 (Target bergerak berlawanan dengan polaritas) pada A01.1.I1")
               for f in found), found


def test_banding_writes_a_page_and_a_workbook_and_keeps_the_inputs(comparison, tmp_path, capsys):
    new = after_asistensi(SAMPLE, tmp_path / "sesudah.xlsx")
    before = SAMPLE.read_bytes(), new.read_bytes()
    page, book = tmp_path / "banding.html", tmp_path / "banding.xlsx"
    assert main(["banding", str(SAMPLE), str(new), "--out", str(page), "--xlsx", str(book)]) == 0
    out = capsys.readouterr().out
    assert "Kabupaten Contoh: 5 temuan selesai, 0 baru, 117 masih terbuka; 4 perubahan data" in out
    text = page.read_text(encoding="utf-8")
    assert "Peningkatan pelayanan pendaftaran penduduk" in text and "sejak versi sebelumnya" in text
    sheets = openpyxl.load_workbook(book).sheetnames
    assert sheets == ["ringkasan", "temuan", "perubahan", "info"]
    # Grouped by OPD: each OPD's rows together, in the workbook's order of OPDs.
    workbook = openpyxl.load_workbook(book)
    opd_order = [r[1] for r in workbook["ringkasan"].iter_rows(min_row=2, values_only=True)]
    for sheet in ("temuan", "perubahan"):
        column = [r[0] for r in workbook[sheet].iter_rows(min_row=2, values_only=True) if r[0]]
        runs = [name for i, name in enumerate(column) if i == 0 or column[i - 1] != name]
        assert len(runs) == len(set(runs)), (sheet, runs)  # no OPD comes back after another
        assert runs == [o for o in opd_order if o in runs], (sheet, runs)
    assert (SAMPLE.read_bytes(), new.read_bytes()) == before
    assert main(["banding", str(SAMPLE), str(new), "--out", str(page)]) == 1  # never overwritten
    assert "sudah ada" in capsys.readouterr().err


@pytest.mark.lambat
def test_the_batch_keeps_each_version_and_shows_what_changed_since(tmp_path, fixture_templates):
    import shutil

    from pohon_nb.run.batch import run_batch

    data, out = tmp_path / "kabupaten.xlsx", tmp_path / "asistensi"
    shutil.copy(SAMPLE, data)
    first = run_batch(data, out, jobs=1, only=[DISHUB], templates=fixture_templates, progress=False)
    assert first.change is None and "Sejak asistensi lalu" not in first.index.read_text()
    after_asistensi(data, data)  # the OPD fixes the workbook in place
    second = run_batch(data, out, jobs=1, only=[DISHUB], templates=fixture_templates, progress=False)
    history = sorted((out / "3599" / "riwayat").glob("*.xlsx"))
    assert len(history) == 2 and history[0].read_bytes() == SAMPLE.read_bytes()  # kept, never overwritten
    assert second.change is not None
    page = second.index.read_text()
    assert "<th>Sejak asistensi lalu</th>" in page
    assert ('<a class="since" href="2.15.0.00.0.00.01.0000/perubahan.html">2 temuan selesai, 0 baru, '
            "2 masih terbuka; 1 perubahan data</a>") in page
    assert "5 temuan selesai, 0 baru, 117 masih terbuka; 4 perubahan data" in page
    opd_page = (out / "3599" / DISHUB / "perubahan.html").read_text()
    assert "target diubah" in opd_page and "2027: 58" in opd_page
    assert second.change.page.exists() and second.change.page.parent.name == "riwayat"
    assert second.change.page.name == f"perubahan_{history[0].stem}_ke_{history[1].stem}.html"  # one per pair
    # Round 2: the causal-mapping notebook was given the earlier version to compare with.
    import nbformat

    ran = nbformat.read(out / "3599" / DISHUB / "02_pemetaan_kausal.ipynb", as_version=4)
    injected = next(c for c in ran.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "data_path_sebelumnya" in injected.source and history[0].name in injected.source
    # The same workbook again: no new copy, and the comparison with the earlier version stays.
    third = run_batch(data, out, jobs=1, only=[DISHUB], templates=fixture_templates, progress=False)
    assert len(sorted((out / "3599" / "riwayat").glob("*.xlsx"))) == 2
    assert third.change is not None and third.ran == []


@pytest.mark.lambat
def test_the_batch_writes_a_printable_brief_for_every_opd(tmp_path, fixture_templates):
    """Every OPD of the sample gets ringkasan.pdf: A4, the text on one or two portrait pages, the
    tree on a page of its own, every line of text inside the page; and one PDF of them all."""
    from pypdf import PdfReader

    from pohon_nb.method.checked import check
    from pohon_nb.outputs.brief import brief_pages
    from pohon_nb.run.batch import run_batch

    report = run_batch(SAMPLE, tmp_path / "out", jobs=2, templates=fixture_templates, progress=False)
    pemda = load(SAMPLE)
    total = 0
    for code in pemda.opd_codes():
        reader = PdfReader(tmp_path / "out" / "3599" / code / "ringkasan.pdf")
        sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
        assert sizes[0] == (595, 842), (code, sizes)  # A4 portrait first
        assert all(s in ((595, 842), (842, 595)) for s in sizes)
        texts = [" ".join(p.extract_text().split()) for p in reader.pages]
        signed = next(i for i, t in enumerate(texts) if "Disetujui, " in t)
        # The text on one or two pages, signed; then the tree, a page each (per branch when large).
        assert signed <= 1 and len(sizes) - signed - 1 >= 1, (code, len(sizes), signed)
        flat = " ".join(texts)
        assert pemda.opd_name(code) in flat and "Disetujui, " in flat and "Fasilitator" in flat
        assert all(f"Halaman {n} dari {len(sizes)}" in flat for n in range(1, len(sizes) + 1)), code
        total += len(sizes)
    assert len(PdfReader(report.briefs).pages) == total
    index = report.index.read_text()
    assert "ringkasan_semua_opd.pdf" in index and "1.02.0.00.0.00.01.0000/ringkasan.pdf" in index
    # Text never cut: every line of every page lies inside the page, for the OPD with the most
    # findings and the one with the widest tree.
    # Measured by the font that prints it; a tree's figure, scaled, inside the page too.
    from pohon_nb.outputs.brief import MARGIN
    from pohon_nb.outputs.diagrams import figure_size

    checked = check(pemda)
    for code in ("3.27.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000", "2.15.0.00.0.00.01.0000"):
        for page in brief_pages(checked, code, 2025):
            width, height = page.size
            for text in page.texts:
                assert text.left >= MARGIN - 1e-9, (code, text.text)
                assert text.left + text.width <= width - MARGIN, (code, text.text)
                assert text.y >= MARGIN / 4, (code, text.text)
                assert text.y + text.size / 72 <= height - MARGIN / 4, (code, text.text)
            for tree in page.trees:
                tree_w, tree_h = figure_size(pemda, tree.plan)
                assert tree.x + tree_w * tree.scale <= width - MARGIN + 1e-9, code
                assert tree.y + tree_h * tree.scale <= height - MARGIN + 1e-9, code
    # Rerun without a change: no brief is redone.
    before = (tmp_path / "out" / "3599" / "ringkasan_semua_opd.pdf").stat().st_mtime_ns
    run_batch(SAMPLE, tmp_path / "out", jobs=2, templates=fixture_templates, progress=False)
    assert (tmp_path / "out" / "3599" / "ringkasan_semua_opd.pdf").stat().st_mtime_ns == before
