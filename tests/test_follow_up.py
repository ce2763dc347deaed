"""The follow-up that carries to the next round: proposed from the findings (the fewest actions that
raise the LKE estimate first), agreed by copying into the workbook, reviewed on the next run."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest
from conftest import CHROMIUM, need_browser

from pohon_nb.core.paths import SAMPLE
from pohon_nb.method import follow_up
from pohon_nb.method.checked import check
from pohon_nb.reading import schema
from pohon_nb.reading.model import load

DINKES = "1.02.0.00.0.00.01.0000"


@pytest.fixture(scope="module")
def sample():
    return check(load(SAMPLE))


def test_the_proposal_starts_with_what_raises_the_estimate_soonest(sample):
    proposed = follow_up.propose(sample, DINKES, 2026)
    first = proposed.iloc[0]
    assert (first["id"], first["kode_aturan"], first["ref"], first["kriteria"]) == (
        "TL.DINKES.1", "M19", "DINKES.1", "1.b.8")
    assert list(proposed.columns) == follow_up.COLUMNS
    assert list(proposed["id"]) == [f"TL.DINKES.{n}" for n in range(1, len(proposed) + 1)]
    assert set(proposed["status"]) == {"disepakati"} and set(proposed["kode_opd"]) == {DINKES}
    # every proposed action answers a finding that is really there
    found = {(f.code, f.ref) for f in sample.findings}
    for row in proposed.itertuples():
        if row.kode_aturan:
            assert (row.kode_aturan, row.ref.split(" ")[0]) in found, row


def _with_follow_up(sample_csv, rows: list[dict]):
    columns = [c.name for c in schema.SHEETS_BY_NAME["tindak_lanjut"].columns]
    with open(sample_csv / "tindak_lanjut.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return check(load(sample_csv))


def test_each_agreed_action_is_reviewed_against_the_new_version(sample_csv):
    today = dt.date(2026, 12, 3)
    base = {"kode_opd": DINKES, "tindakan": "x", "status": "disepakati"}
    checked = _with_follow_up(sample_csv, [
        {**base, "id": "TL.1", "kode_aturan": "M19", "ref": "DINKES.1", "tenggat": "2027-01-31"},
        {**base, "id": "TL.2", "kode_aturan": "M19", "ref": "DINKES.1", "tenggat": "30-11-2026"},
        {**base, "id": "TL.3", "kode_aturan": "M07", "ref": "DINKES.2.1.1", "tenggat": ""},
        {**base, "id": "TL.4", "kode_aturan": "M19", "ref": "DINKES.9.9"},
        {**base, "id": "TL.5", "kode_aturan": "M19", "ref": "DINKES.1", "status": "dibatalkan"},
        {**base, "id": "TL.6", "kode_aturan": "M19", "ref": "DINKES.1", "tenggat": "akhir bulan"},
        {**base, "id": "TL.7", "kode_aturan": "M11", "ref": "DINKES.1 → DPUPR"},
    ])
    reviewed = follow_up.review(checked, today).set_index("id")
    assert reviewed.loc["TL.1", "keadaan"] == "terbuka"
    assert reviewed.loc["TL.2", "keadaan"] == "lewat tenggat"
    assert "30-11-2026" in reviewed.loc["TL.2", "alasan"]
    assert reviewed.loc["TL.3", "keadaan"] == "selesai"  # no M07 on that condition now
    assert reviewed.loc["TL.4", "keadaan"] == "tidak diperlukan"
    assert "tidak ada lagi" in reviewed.loc["TL.4", "alasan"]
    assert reviewed.loc["TL.5", "keadaan"] == "tidak diperlukan"
    assert reviewed.loc["TL.6", "keadaan"] == "terbuka"
    assert "tidak terbaca" in reviewed.loc["TL.6", "alasan"]
    assert reviewed.loc["TL.7", "keadaan"] == "terbuka"  # the request to DPUPR is still proposed
    counted = follow_up.counts(follow_up.review(checked, today), DINKES)
    assert counted == {"selesai": 1, "terbuka": 3, "lewat tenggat": 1, "tidak diperlukan": 2}
    assert follow_up.counts_text(counted) == "1\u00a0selesai · 3\u00a0terbuka · 1\u00a0lewat tenggat · " \
                                             "2\u00a0tidak diperlukan"
    # what is agreed is no longer proposed
    proposed = follow_up.propose(checked, DINKES, 2026)
    assert not ((proposed["kode_aturan"] == "M19") & (proposed["ref"] == "DINKES.1")).any()


def test_the_proposal_file_can_be_copied_into_the_workbook_as_it_is(tmp_path, sample, sample_csv):
    from pohon_nb.outputs.exports import export_follow_up

    proposed = follow_up.propose(sample, DINKES, 2026)
    path = export_follow_up(sample.pemda, proposed, follow_up.review(sample), tmp_path / "tl.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["tindak_lanjut"]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.name for c in schema.SHEETS_BY_NAME["tindak_lanjut"].columns]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(proposed)
    assert not any(isinstance(v, str) and v.startswith("=") for r in rows for v in r)
    # copied into the workbook's own sheet: read back without a structure error, every action open
    with open(sample_csv / "tindak_lanjut.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
    again = check(load(sample_csv))
    assert not [f for f in again.findings if f.sheet == "tindak_lanjut"]
    assert set(follow_up.review(again)["keadaan"]) == {"terbuka"}
    assert len(follow_up.propose(again, DINKES, 2026)) < len(proposed)


MARCH_31 = dt.date(2026, 3, 31)


@pytest.mark.parametrize("value,date", [("2026-03-31", MARCH_31), ("31-03-2026", MARCH_31),
                                        ("31/03/2026", MARCH_31), (dt.datetime(2026, 3, 31), MARCH_31),
                                        ("2026-03-31T00:00:00", MARCH_31), ("", None)])
def test_a_deadline_as_people_write_it(value, date):
    assert follow_up.deadline(value)[0] == date


def test_a_deadline_typed_as_an_excel_date_is_read_as_that_date(tmp_path):
    """In Excel a deadline is usually a date cell (a datetime at midnight to openpyxl): past, the
    action is overdue, and the room reads it as a date, not "2020-01-31T00:00:00"."""
    from conftest import write_xlsx
    from workbooks import kabupaten_lain_tables

    tables = kabupaten_lain_tables()
    finding = next(f for f in check(load(write_xlsx(tables, tmp_path / "a.xlsx"))).findings
                   if f.ref and f.kode_opd)
    tables["tindak_lanjut"] = [{"id": "TL1", "kode_opd": finding.kode_opd, "tindakan": "Perbaiki",
                                "kode_aturan": finding.code, "ref": finding.ref,
                                "tenggat": dt.datetime(2020, 1, 31), "status": "disepakati"}]
    checked = check(load(write_xlsx(tables, tmp_path / "b.xlsx")))
    assert checked.pemda.tindak_lanjut.iloc[0]["tenggat"] == "2020-01-31"
    assert follow_up.review(checked).iloc[0]["keadaan"] == "lewat tenggat"
    agreed = follow_up.today(checked, finding.kode_opd).iloc[0]
    assert (agreed["keadaan"], agreed["tenggat"]) == ("lewat tenggat", "31-01-2020")


@pytest.mark.lambat
def test_two_rounds_carry_the_agreed_follow_up(tmp_path, sample_csv, fixture_templates):
    from pypdf import PdfReader

    from pohon_nb.run.batch import run_batch

    out = tmp_path / "asistensi"
    first = run_batch(sample_csv, out, jobs=1, only=[DINKES], overview=False, templates=fixture_templates,
                      progress=False)
    assert first.follow_up == out / "3599" / "tindak_lanjut_usulan.xlsx" and first.follow_up.exists()
    index = first.index.read_text(encoding="utf-8")
    assert "tindak_lanjut_usulan.xlsx" in index and "Tindak lanjut" in index
    book = openpyxl.load_workbook(first.follow_up)
    rows = [[c.value for c in r] for r in book["tindak_lanjut"].iter_rows()]
    headers, proposals = rows[0], [r for r in rows[1:] if r[1] == DINKES]
    assert proposals and proposals[0][3] == "M19"
    # The room agrees the first two, one already overdue, and copies them into the workbook.
    agreed = [dict(zip(headers, r)) for r in proposals[:2]]
    agreed[0]["tenggat"], agreed[1]["tenggat"] = "2020-01-31", "2099-12-31"
    agreed[0]["penanggung_jawab"] = "Kepala Bidang Kesehatan Masyarakat"
    with open(sample_csv / "tindak_lanjut.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, headers)
        writer.writeheader()
        writer.writerows([{k: ("" if v is None else v) for k, v in r.items()} for r in agreed])
    second = run_batch(sample_csv, out, jobs=1, only=[DINKES], overview=False, templates=fixture_templates,
                       progress=False)
    index = second.index.read_text(encoding="utf-8")
    assert "1\u00a0terbuka · 1\u00a0lewat tenggat" in index
    brief = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out / "3599" / DINKES /
                                                                          "ringkasan.pdf").pages)
    assert f"{agreed[0]['id']} (lewat tenggat)" in brief
    assert "Kepala Bidang Kesehatan Masyarakat; tenggat: 31-01-2020" in brief
    again = openpyxl.load_workbook(second.follow_up)
    review_rows = [[c.value for c in r] for r in again["tinjauan"].iter_rows(min_row=2)]
    assert {r[0] for r in review_rows} == {agreed[0]["id"], agreed[1]["id"]}
    proposed_again = [r[4] for r in again["tindak_lanjut"].iter_rows(min_row=2, values_only=True)
                      if r[1] == DINKES]
    assert agreed[0]["ref"] not in proposed_again or agreed[0]["kode_aturan"] != "M19"
    # A third run with nothing changed says so instead of the last run's time.
    third = run_batch(sample_csv, out, jobs=1, only=[DINKES], overview=False, templates=fixture_templates,
                      progress=False)
    assert third.skipped
    assert "tidak berubah, tidak dijalankan ulang" in third.index.read_text(encoding="utf-8")
    # The index with its longest texts (round 2's changes and follow-up, OPDs not rerun) fits a
    # laptop's 1280 px: no column cut at the right.
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(third.index.resolve().as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        browser.close()


def test_an_action_without_a_rule_is_judged_by_its_lke_element(sample_csv):
    """A Manual IKU action has no rule: it is done when its element of 2.a.2 is fulfilled, and an
    empty cell (read as NaN) never reaches the brief as a number."""
    from pohon_nb.outputs.brief import action_line

    today = dt.date(2026, 12, 3)
    base = {"kode_opd": DINKES, "status": "disepakati", "kode_aturan": "", "kriteria": "2.a.2"}
    checked = _with_follow_up(sample_csv, [
        {**base, "id": "TL.A", "ref": "DINKES.2.I1", "tenggat": "2026-11-30", "penanggung_jawab": "",
         "tindakan": "Perbaiki DINKES.2.I1: Manual IKU belum diisi"},
        {**base, "id": "TL.B", "ref": "DINKES.1.I1", "tindakan": "Lengkapi Manual IKU", "tenggat": ""},
    ])
    reviewed = follow_up.review(checked, today).set_index("id")
    assert reviewed.loc["TL.A", "keadaan"] == "lewat tenggat"
    assert "unsur DINKES.2.I1 kriteria 2.a.2 masih belum terpenuhi" in reviewed.loc["TL.A", "alasan"]
    assert reviewed.loc["TL.B", "keadaan"] == "selesai"  # its Manual IKU is complete
    actions = follow_up.today(checked, DINKES, 2026, today_=today)
    first = next(actions.itertuples())
    assert (first.id, first.tenggat, first.kode_aturan) == ("TL.A", "30-11-2026", "")
    assert action_line(first).startswith(
        "TL.A (lewat tenggat): DINKES.2.I1: Manual IKU belum diisi (menaikkan 2.a.2)")
    # agreed, so not proposed again
    assert not (follow_up.propose(checked, DINKES, 2026)["ref"] == "DINKES.2.I1").any()


def test_an_opd_s_reports_are_redone_when_its_agreed_follow_up_changes(sample_csv):
    """Each report opens with the OPD's follow-up: its rows (and the day, once it has some) are in
    the OPD's fingerprint, and only in that OPD's."""
    from pohon_nb.run.plan import input_fingerprints

    before = input_fingerprints(load(sample_csv))
    after = input_fingerprints(_with_follow_up(sample_csv, [
        {"id": "TL.1", "kode_opd": DINKES, "tindakan": "x", "kode_aturan": "M19", "ref": "DINKES.1",
         "status": "disepakati"}]).pemda)
    changed = {code for code in before if before[code] != after[code]}
    assert changed == {DINKES, None}  # the OPD, and the workbook as a whole
