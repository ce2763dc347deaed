"""pohon-nb kelas (issue 32): joining with and without the class code, an answer recorded and
counted in the trainer's view, a restart mid-class with nothing lost, code execution and paths
outside the assets refused, the export, and a participant answering in a browser.

The server runs in a thread of the test on 127.0.0.1; clients are plain HTTP with cookies,
as a browser sends them.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import nbformat
import pytest
from classroom import CLASS, Client, Served

from pohon_nb.kelas import server
from pohon_nb.kelas.modules import page
from pohon_nb.kelas.store import Store, export
from pohon_nb.nb.training import BY_KEY

TRAINER = "RAHASIA-PELATIH"


# ------------------------------------------------------------------ without a notebook run


def test_a_name_taken_gets_a_number_and_never_signs_in_as_the_other(tmp_path):
    store = Store(tmp_path / "k.sqlite")
    first, second = store.join("Ani"), store.join("  Ani ")
    assert first[1] == "Ani" and second[1] == "Ani (2)" and first[2] != second[2]
    assert store.participant(first[2]) == (first[0], "Ani") and store.participant("palsu") is None


def test_the_trainer_counts_each_participant_s_last_answer_and_the_common_wrong_ones(tmp_path):
    store = Store(tmp_path / "k.sqlite")
    ani, budi, citra = (store.join(n)[0] for n in ("Ani", "Budi", "Citra"))
    store.record(ani, "01_konsep", "1.2", "Pelaksanaan imunisasi", "Pelaksanaan imunisasi", "salah", "❌")
    store.record(ani, "01_konsep", "1.2", "Meningkatnya cakupan", "Meningkatnya cakupan", "tepat", "✅")
    store.record(budi, "01_konsep", "1.2", "pelaksanaan  Imunisasi", "x", "salah", "❌ kegiatan")
    store.record(citra, "01_konsep", "1.2", "Pelaksanaan imunisasi", "x", "salah", "❌ kegiatan")
    store.record(citra, "01_konsep", "1.1", "", "", "kosong", "✏️")  # an empty answer is not counted
    rows = {r["latihan"]: r for r in store.summary(["1.1", "1.2"])}
    assert rows["1.2"]["menjawab"] == 3 and rows["1.2"]["tepat"] == 1 and rows["1.2"]["salah"] == 2
    assert rows["1.2"]["keliru_terbanyak"][0]["jumlah"] == 2  # spaces and case aside
    assert rows["1.1"]["menjawab"] == 0
    assert store.last_answers(ani)["1.2"]["nilai"] == "tepat"


def test_what_a_form_may_send_and_how_the_check_reads_it():
    assert server.well_formed("Meningkatnya ...") and server.well_formed(["a", "b"])
    assert not server.well_formed({"code": "import os"}) and not server.well_formed([["nested"]])
    assert not server.well_formed("x" * 10_000) and not server.well_formed(["a"] * 100)
    assert server.as_answer("indikator", ["Persentase", "%"]) == ("Persentase", "%", "")
    assert server.as_answer("urutan", ["a", "b"]) == ["a", "b"]
    assert server.as_answer("teks", ["a", "b"]) == "a, b"
    assert "&lt;script&gt;" in server.feedback_html("❌ 'Pelaksanaan <script>x</script>'")
    assert "&amp;lt;" not in server.feedback_html("❌ &lt;b&gt; as the checks escape it")


def test_a_module_page_keeps_the_narrative_and_outputs_and_puts_a_form_where_each_exercise_is(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Modul 1: Konsep\n\nNarasi **tebal**."),
        nbformat.v4.new_markdown_cell("Jalankan sel (Shift+Enter).", metadata={"tags": ["hanya-interaktif"]}),
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('kelas.question("1.2")', outputs=[nbformat.v4.new_output(
            "display_data", data={"text/markdown": "Tulis kondisi untuk *Pelaksanaan ...*"})]),
        nbformat.v4.new_code_cell('jawaban = ""\nkelas.check("1.2", jawaban)', outputs=[
            nbformat.v4.new_output("display_data", data={"text/markdown": "✏️ Belum ada jawaban"})]),
        nbformat.v4.new_code_cell("kelas.info()", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="Kabupaten <Contoh>\n")]),
    ]
    path = tmp_path / "01_konsep.abc.ipynb"
    nbformat.write(nb, path)
    module = page(1, path)
    kinds = [k for k, _ in module.parts]
    assert module.title == "Modul 1: Konsep" and module.name == "01_konsep"
    assert kinds == ["html", "html", "latihan", "html"] and module.exercises == ["1.2"]
    text = " ".join(v for _, v in module.parts)
    assert "<strong>tebal</strong>" in text and "Shift+Enter" not in text and "Belum ada jawaban" not in text
    assert "Kabupaten &lt;Contoh&gt;" in text  # printed text is escaped


def test_a_workbook_the_modules_cannot_read_is_said_before_anything_runs(tmp_path, capsys):
    from conftest import clean_tables, write_xlsx

    from pohon_nb.cli import main

    tables = clean_tables()
    del tables["opd"]  # a required sheet missing
    broken = write_xlsx(tables, tmp_path / "rusak.xlsx")
    assert main(["kelas", str(broken), "--folder", str(tmp_path / "kelas")]) == 1
    said = capsys.readouterr().err
    assert "opd" in said and "rusak.xlsx" in said
    assert main(["kelas", "--opd", "9.99", "--folder", str(tmp_path / "kelas")]) == 1
    assert "9.99" in capsys.readouterr().err
    assert not (tmp_path / "kelas").exists()  # nothing run, nothing written


# ------------------------------------------------------------------ a class served


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("kelas")


def _open(folder):
    return server.open_class("", "1.02.0.00.0.00.01.0000", 0, [1], folder, CLASS, TRAINER)


@pytest.fixture(scope="module")
def served(folder):
    served = Served(_open(folder))
    yield served
    served.stop()
    served.room.store.close()


@pytest.mark.lambat  # runs module 1 once with papermill
def test_joining_needs_the_class_code(served):
    stranger = Client(served.url)
    status, where, _ = stranger.get("/modul/1")
    assert where.endswith("/") and "Kode kelas" in stranger.get("/")[2]  # sent to the join page
    before = served.room.store.participants()
    status, _, text = stranger.join("Penyusup", code="SALAH")
    assert status == 403 and "Kode kelas salah" in text and served.room.store.participants() == before
    status, where, text = stranger.join("Ani")
    assert status == 200 and where.endswith("/modul/1") and 'data-latihan="1.1"' in text
    # The page says which data the exercises read, not the notebook's instructions for JupyterLab.
    assert "sampel sintetis Kabupaten Contoh (angka dikarang" in text and "Shift+Enter" not in text
    assert "data_path" not in text
    assert served.room.store.participants() == before + 1
    # Nothing is fetched from the internet: every script, style and image is the laptop's.
    import re

    sources = re.findall(r'<(?:script|img|link|iframe)[^>]*?(?:src|href)="([^"]*)"', text)
    assert sources and all(s.startswith(("/aset/", "data:image/")) for s in sources), sources
    assert "@import" not in text and "cdn" not in text.lower()
    # The code is typed as read from the projector: case and spaces aside.
    assert Client(served.url).join("Budi", code=" kelas1 ")[1].endswith("/modul/1")


@pytest.mark.lambat
def test_an_answer_is_recorded_and_shown_in_the_trainer_s_view(served):
    material = served.room.material
    ani, budi = Client(served.url), Client(served.url)
    ani.join("Ani"), budi.join("Budi")
    right = ani.answer("1.1", BY_KEY["1.1"].answer(material))
    assert right["nilai"] == "tepat" and "Tepat" in right["html"]
    wrong = budi.answer("1.2", "Pelaksanaan <b>imunisasi</b> balita")
    assert wrong["nilai"] == "salah" and "<b>" not in wrong["html"]
    trainer = Client(served.url)
    assert trainer.get("/pelatih/data")[0] == 403  # the counts need the trainer code
    assert ani.get("/pelatih/data")[0] == 403  # a participant's cookie is not the trainer's
    assert trainer.post("/pelatih", {"kode": "salah"})[0] == 403
    trainer.post("/pelatih", {"kode": TRAINER})
    data = json.loads(trainer.get("/pelatih/data")[2])
    rows = {r["latihan"]: r for r in data["latihan"]}
    assert rows["1.1"]["tepat"] >= 1 and rows["1.2"]["salah"] >= 1
    common = rows["1.2"]["keliru_terbanyak"][0]
    assert common["jawaban"] == "Pelaksanaan <b>imunisasi</b> balita" and "kegiatan" in common["umpan_balik"]
    assert "<b>imunisasi" not in common["umpan_balik"]  # what was typed is escaped in the feedback


@pytest.mark.lambat
def test_code_execution_and_paths_outside_the_assets_are_refused(served, tmp_path):
    ani = Client(served.url)
    ani.join("Ani")
    for path in ("/api/kernels", "/api/contents", "/api/kernels/x/channels", "/aset/../../../etc/passwd",
                 "/aset/..%2f..%2f..%2fetc%2fpasswd", "/aset/server.py", "/modul/1/../../kelas.sqlite",
                 "/kelas.sqlite", "/lab"):
        assert ani.get(path)[0] == 404, path
    assert ani.post("/api/kernels", body={"name": "python3"})[0] == 404
    marker = tmp_path / "dijalankan"
    code = {"code": f"open('{marker}', 'w')"}
    assert ani.post("/jawab", body={"latihan": "1.2", "jawaban": code})[0] == 400
    reply = ani.answer("1.2", f"__import__('pathlib').Path('{marker}').touch()")
    assert reply["nilai"] != "tepat" and not marker.exists()  # an answer is text, never run
    assert ani.post("/jawab", body={"latihan": "../../etc", "jawaban": "x"})[0] == 400
    assert ani.post("/jawab", body=["1.2", "x"])[0] == 400  # not an object: refused, not a crash
    # Without the XSRF token a POST from another site's page is refused.
    request = urllib.request.Request(served.url + "/jawab", data=b'{"latihan": "1.2", "jawaban": "x"}',
                                     method="POST", headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        ani.opener.open(request, timeout=10)
    assert refused.value.code == 403
    assert ani.get("/aset/kelas.js")[0] == 200


@pytest.mark.lambat
def test_a_restart_mid_class_loses_nothing(folder, tmp_path):
    first = Served(_open(folder))
    citra = Client(first.url)
    citra.join("Citra")
    citra.answer("1.2", "Meningkatnya cakupan imunisasi dasar lengkap")
    answered = len(first.room.store.answers())
    first.stop()
    first.room.store.close()
    again = Served(_open(folder))  # the same command again: the modules are not run again
    try:
        assert len(again.room.store.answers()) == answered
        citra.url = again.url  # the same browser, its cookie kept: signed in, where it was
        status, where, text = citra.get("/modul/1")
        assert status == 200 and where.endswith("/modul/1")
        assert "Meningkatnya cakupan imunisasi dasar lengkap" in text  # the last answer is back
        assert again.room.class_code == CLASS
    finally:
        again.stop()
        again.room.store.close()
    target = export(Store(folder / "kelas.sqlite"), ["1.1", "1.2"], {k: BY_KEY[k].title for k in BY_KEY},
                    tmp_path / "hasil.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["ringkasan", "jawaban"]
    assert book["jawaban"].max_row - 1 == answered
    assert any(c.value == "Citra" for c in book["jawaban"]["B"])


@pytest.mark.lambat
def test_a_formula_typed_as_an_answer_is_text_in_the_export(folder, tmp_path):
    store = Store(tmp_path / "k.sqlite")
    who = store.join("=HYPERLINK(\"http://x\")")[0]
    store.record(who, "01_konsep", "1.2", "=cmd|' /C calc'!A0", "=cmd", "salah", "❌")
    import openpyxl

    book = openpyxl.load_workbook(export(store, ["1.2"], {}, tmp_path / "hasil.xlsx"))
    cells = [c for row in book["jawaban"].iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)


@pytest.mark.lambat
def test_a_participant_answers_in_the_browser_and_the_trainer_s_view_counts_it(folder, tmp_path):
    from conftest import CHROMIUM, need_browser

    need_browser()
    from playwright.sync_api import sync_playwright

    served = Served(_open(folder))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--no-first-run"])
            phone = browser.new_context(viewport={"width": 412, "height": 900}).new_page()
            phone.goto(served.url)
            phone.fill("input[name=kode]", CLASS.lower())
            phone.fill("input[name=nama]", "Dewi")
            phone.click("button[type=submit]")
            form = phone.locator('form.latihan[data-latihan="1.2"]')
            form.locator("input[name=jawaban]").fill("Meningkatnya cakupan imunisasi dasar lengkap")
            form.locator("button[type=submit]").click()
            form.locator(".umpan-balik.nilai-tepat").wait_for()
            phone.screenshot(path=str(tmp_path / "peserta.png"))
            trainer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            trainer.goto(served.url + "/pelatih")
            trainer.fill("input[name=kode]", TRAINER)
            trainer.click("button[type=submit]")
            row = trainer.locator('tr[data-latihan="1.2"]')
            trainer.wait_for_function(
                "() => Number(document.querySelector('tr[data-latihan=\"1.2\"] td.tepat').textContent) >= 1")
            assert int(row.locator("td.menjawab").inner_text()) >= 1
            trainer.screenshot(path=str(tmp_path / "pelatih.png"))
            # Reloaded, the participant's page shows the answer and its feedback again.
            phone.reload()
            assert phone.locator('form.latihan[data-latihan="1.2"] input[name=jawaban]').input_value() == (
                "Meningkatnya cakupan imunisasi dasar lengkap")
            assert "Tepat" in phone.locator('form.latihan[data-latihan="1.2"] .umpan-balik').inner_text()
            browser.close()
    finally:
        served.stop()
        served.room.store.close()


@pytest.mark.lambat  # runs the five modules on a generated workbook
def test_a_class_on_a_workbook_unlike_the_sample(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from validate import YEARS, synthetic_tables

    from pohon_nb.reading.blank_workbook import write_workbook
    from pohon_nb.reading.model import load

    workbook = tmp_path / "kabupaten_lain.xlsx"
    write_workbook(workbook, synthetic_tables(300, linked=True), years=YEARS, overwrite=True, guide=False)
    opd = load(workbook).opd_codes()[0]
    room = server.open_class(str(workbook), opd, 0, None, tmp_path / "kelas", "K2", "T2")
    served = Served(room)
    try:
        assert "kabupaten_lain.xlsx" in room.data_note and "dikarang" not in room.data_note
        person = Client(served.url)
        person.join("Eka", code="K2")
        done = 0
        for number, module in room.by_number.items():
            page_text = person.get(f"/modul/{number}")[2]
            for key in module.exercises:
                missing = server.form_of(key, room.material)["missing"]
                if missing:  # no form; the module's question says what the data lacks
                    assert f'data-latihan="{key}"' not in page_text and missing[:40] in page_text
                    continue
                answer = BY_KEY[key].answer(room.material)
                sent = list(answer) if isinstance(answer, (list, tuple)) else str(answer)
                assert person.answer(key, sent)["nilai"] == "tepat", key
                done += 1
        assert done >= 15 and len(room.store.answers()) == done
    finally:
        served.stop()
        room.store.close()
