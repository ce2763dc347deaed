"""Every rule of the catalogue: a case that triggers it, at the right place, and near misses."""

from __future__ import annotations

import pytest
from conftest import write_csv_folder, write_xlsx

from pohon_nb.core.findings import RULES
from pohon_nb.method.checks import CHECKS, CheckConfig, validate


def _findings(tables, tmp_path, config=None, form="csv"):
    path = (write_csv_folder(tables, tmp_path / "wb") if form == "csv"
            else write_xlsx(tables, tmp_path / "wb.xlsx"))
    _, findings = validate(path, config)
    return findings


def _node(tables, node_id):
    return next(r for r in tables["pohon"] if r["id"] == node_id)


def _indicator(tables, ind_id):
    return next(r for r in tables["indikator"] if r["id"] == ind_id)


def test_clean_workbook_has_no_findings(clean, tmp_path):
    assert _findings(clean, tmp_path) == []


# Each case: (code, how to break the clean workbook, (sheet, Excel row, column, ref) expected).
# Row numbers: header is row 1; pohon rows are U1=2, A01=3, A01.1=4, A01.1.1=5, A01.1.2=6,
# A01.2=7, A01.2.1=8, A01.2.2=9, A02=10 ...; indikator rows follow the same order.


def drop_sheet(name):
    return lambda t: t.pop(name)


def set_cell(sheet, index, column, value):
    def mutate(t):
        t[sheet][index][column] = value

    return mutate


def add_row(sheet, row):
    return lambda t: t[sheet].append(row)


def chain(*mutations):
    def mutate(t):
        for m in mutations:
            m(t)

    return mutate


def drop_column(sheet, column):
    def mutate(t):
        for row in t[sheet]:
            row.pop(column, None)

    return mutate


def _single_chain(t):
    # A01 -> A01.1 (only child) -> A01.1.1 (now immediate, only child) -> A01.1.1.1
    t["pohon"] = [r for r in t["pohon"] if r["id"] not in ("A01.2", "A01.2.1", "A01.2.2", "A01.1.2")]
    t["indikator"] = [r for r in t["indikator"]
                      if r["id_pohon"] not in ("A01.2", "A01.2.1", "A01.2.2", "A01.1.2")]
    _node(t, "A01.1.1")["level"] = "immediate"
    t["pohon"].append({"id": "A01.1.1.1", "induk": "A01.1.1", "level": "output", "kode_opd": "01",
                       "pernyataan": "Tersedianya layanan rujukan"})
    t["indikator"].append({"id": "A01.1.1.1.I1", "id_pohon": "A01.1.1.1", "nama": "Jumlah rujukan",
                           "satuan": "kali", "polaritas": "maks", "jenis": "output"})
    t["anggaran"] = []



CASES = [
    ("S02", drop_sheet("indikator"), ("indikator", None, "", "")),
    ("S03", drop_column("pohon", "level"), ("pohon", 1, "level", "")),
    ("S04", set_cell("pohon", 3, "id", "A01.1"), ("pohon", 5, "id", "A01.1")),
    ("S05", set_cell("pohon", 2, "induk", "TIDAK-ADA"), ("pohon", 4, "induk", "A01.1")),
    ("S05", set_cell("indikator", 1, "id_pohon", "X9"), ("indikator", 3, "id_pohon", "A01.I1")),
    ("S05", set_cell("pohon", 1, "kode_opd", "99"), ("pohon", 3, "kode_opd", "A01")),
    ("S05", set_cell("pohon", 1, "asal_masalah", "M77"), ("pohon", 3, "asal_masalah", "A01")),
    ("S05", set_cell("masalah", 1, "menyebabkan", "M01.1;M01.9"), ("masalah", 3, "menyebabkan", "M01.2")),
    # A cause in another OPD's problems: an unknown id is located like any other.
    ("S05", set_cell("masalah", 3, "menyebabkan", "M01.1;M01.9"), ("masalah", 5, "menyebabkan", "M02.2")),
    ("S06", set_cell("pohon", 1, "induk", "A01.1.1"), ("pohon", 3, "induk", "A01")),
    # A cycle through two OPDs' problems: M01.1 -> M02.2 -> M02.1 -> M01.2 -> M01.1.
    ("S07", chain(set_cell("masalah", 0, "menyebabkan", "M02.2"),
                  set_cell("masalah", 2, "menyebabkan", "M01.2")),
     ("masalah", 2, "menyebabkan", "M01.1")),
    ("S07", set_cell("masalah", 0, "menyebabkan", "M01.2"), ("masalah", 2, "menyebabkan", "M01.1")),
    ("S08", set_cell("pohon", 2, "level", "strategis"), ("pohon", 4, "level", "A01.1")),
    ("S08", set_cell("indikator", 0, "polaritas", "naik"), ("indikator", 2, "polaritas", "U1.I1")),
    ("S08", set_cell("indikator", 0, "iku", "mungkin"), ("indikator", 2, "iku", "U1.I1")),
    ("S09", set_cell("indikator", 0, "target_2026", "lima puluh"), ("indikator", 2, "target_2026", "U1.I1")),
    ("S09", set_cell("indikator", 0, "realisasi_2025", "naik 5%"),
     ("indikator", 2, "realisasi_2025", "U1.I1")),
    ("S10", set_cell("masalah", 0, "usg_u", 7), ("masalah", 2, "usg_u", "M01.1")),
    ("S10", set_cell("penilaian_indikator", 0, "smart_s", 3),
     ("penilaian_indikator", 2, "smart_s", "A01.I1")),
    ("S11", set_cell("pohon", 3, "level", "intermediate"), ("pohon", 5, "level", "A01.1.1")),
    ("S12", set_cell("pohon", 2, "pernyataan", ""), ("pohon", 4, "pernyataan", "A01.1")),
    ("S13", add_row("pemda", {"kode_pemda": "9902", "nama_pemda": "Kota Lain", "periode_awal": 2025,
                              "periode_akhir": 2029}), ("pemda", 3, "", "")),
    ("S14", set_cell("pemda", 0, "periode_awal", 2031), ("pemda", 2, "periode_awal", "")),
    ("S16", set_cell("indikator", 0, "satuan", ""), ("indikator", 2, "satuan", "U1.I1")),
    ("M01", set_cell("pohon", 2, "pernyataan", "Pelaksanaan pelayanan kesehatan"),
     ("pohon", 4, "pernyataan", "A01.1")),
    ("M02", set_cell("indikator", 3, "dipilih", "tidak"), ("pohon", 5, "", "A01.1.1")),
    ("M03", set_cell("indikator", 2, "jenis", "output"), ("pohon", 4, "", "A01.1")),
    ("M04", chain(*(add_row("indikator", {"id": f"A01.X{k}", "id_pohon": "A01", "nama": f"IKU {k}",
                                          "satuan": "%", "polaritas": "maks", "iku": "ya"})
                    for k in range(3))), ("pohon", 3, "", "A01")),
    ("M06", set_cell("indikator", 0, "target_2027", 50), ("indikator", 2, "target_2027", "U1.I1")),
    ("M07", set_cell("indikator", 0, "target_2025", 45), ("indikator", 2, "", "U1.I1")),
    ("M08", _single_chain, ("pohon", 3, "", "A01")),
    ("M09", set_cell("pohon", 3, "induk", "A01"), ("pohon", 5, "induk", "A01.1.1")),
    ("M10", set_cell("pohon", 8, "induk", ""), ("opd", 3, "", "02")),
    ("M11", set_cell("lintas_opd", 0, "status", "usulan"), ("lintas_opd", 2, "status", "A01.1")),
    ("M11", set_cell("lintas_opd", 0, "status", ""), ("lintas_opd", 2, "status", "A01.1")),
    ("M12", set_cell("lintas_opd", 0, "kode_opd_mitra", "BPS"), ("lintas_opd", 2, "kode_opd_mitra", "A01.1")),
    ("M13", set_cell("masalah", 0, "inti", "tidak"), ("masalah", 2, "inti", "M01.1")),
    ("M13", lambda t: t["masalah"].__delitem__(slice(2, 4)), ("opd", 3, "", "02")),
    ("M14", set_cell("masalah", 1, "inti", "ya"), ("masalah", 3, "inti", "M01.2")),
    ("M15", set_cell("masalah", 0, "apkl_l", "tidak"), ("masalah", 2, "", "M01.1")),
    ("M16", set_cell("lintas_opd", 0, "status", "ditolak"), ("lintas_opd", 2, "status", "A01.1")),
    ("M33", set_cell("lintas_opd", 0, "kode_opd_mitra", "01"), ("lintas_opd", 2, "kode_opd_mitra", "A01.1")),
    ("M17", set_cell("pohon", 1, "induk", ""), ("pohon", 3, "induk", "A01")),
    ("M18", chain(*(set_cell("indikator", 2, f"target_{y}", "") for y in (2025, 2026, 2027))),
     ("indikator", 4, "", "A01.1.I1")),
    # A01's own indicator at 30/55 (54,5%) while every output under it is at 60/55 (>100%).
    # M01.1 is the core problem of OPD 01; A01 no longer comes from it.
    ("M20", set_cell("pohon", 1, "asal_masalah", ""), ("masalah", 2, "inti", "M01.1")),
    # A01.1 worded as the conversion of M01.2 ("Rendahnya cakupan layanan") but linked to M01.1.
    ("M21", chain(set_cell("pohon", 2, "pernyataan", "Meningkatnya cakupan layanan"),
                  set_cell("pohon", 2, "asal_masalah", "M01.1")), ("pohon", 4, "asal_masalah", "A01.1")),
    # An OPD goal names its national reference; the Pemda's goal U1 does not.
    ("M22", set_cell("pohon", 1, "acuan_nasional", "RPJMN 2025-2029: Angka Harapan Hidup"),
     ("pohon", 2, "acuan_nasional", "U1")),
    ("M19", chain(set_cell("indikator", 1, "realisasi_2025", 30),
                  *(set_cell("indikator", i, "realisasi_2025", 60) for i in (3, 4, 6, 7))),
     ("pohon", 3, "id", "A01")),
    # The assessed year is 2025 (the latest with realisation): A01.1's indicator has none.
    ("M23", set_cell("indikator", 2, "realisasi_2025", ""), ("indikator", 4, "realisasi_2025", "A01.1.I1")),
    # Targets for 2026 and 2027, none for 2025, the assessed year.
    ("M24", set_cell("indikator", 2, "target_2025", ""), ("indikator", 4, "target_2025", "A01.1.I1")),
    ("M25", chain(set_cell("indikator", 2, "polaritas", "min"), set_cell("indikator", 2, "target_2027", 0)),
     ("indikator", 4, "target_2027", "A01.1.I1")),
    # A01's own indicator at 45 below its baseline 50 while all four outputs under it met 55.
    ("M26", chain(set_cell("indikator", 1, "realisasi_2025", 45),
                  *(set_cell("indikator", i, "realisasi_2025", 60) for i in (3, 4, 6, 7))),
     ("pohon", 3, "id", "A01")),
    # A01.1 worded as the conversion of M01.2 ("Rendahnya cakupan layanan"), asal_masalah empty.
    ("M27", set_cell("pohon", 2, "pernyataan", "Meningkatnya cakupan layanan"),
     ("pohon", 4, "asal_masalah", "A01.1")),
    # Measured by "Cakupan layanan 1" (maks), worded as lowering it.
    ("M28", set_cell("pohon", 2, "pernyataan", "Menurunnya cakupan layanan 1"),
     ("pohon", 4, "pernyataan", "A01.1")),
    ("M29", set_cell("indikator", 3, "nama", "Prevalensi stunting balita"),
     ("indikator", 5, "jenis", "A01.1.1.I1")),
    ("M30", set_cell("pohon", 3, "pernyataan", "Penyediaan layanan 1.1"),
     ("pohon", 5, "pernyataan", "A01.1.1")),
    ("M32", set_cell("pohon", 2, "pernyataan", "Rendahnya cakupan layanan 1"),
     ("pohon", 4, "pernyataan", "A01.1")),
    ("M31", chain(set_cell("indikator", 1, "jenis", "output"),
                  set_cell("indikator", 1, "nama", "Jumlah dokumen rencana kesehatan")),
     ("indikator", 3, "iku", "A01.I1")),
]


@pytest.mark.parametrize("code,mutate,where", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_triggers_at_its_location(clean, tmp_path, code, mutate, where):
    mutate(clean)
    found = [f for f in _findings(clean, tmp_path) if f.code == code]
    assert found, f"{code} not reported"
    sheet, row, column, ref = where
    located = [f for f in found if f.sheet == sheet and f.row == row
               and (not column or f.column == column) and (not ref or f.ref == ref)]
    assert located, [(f.sheet, f.row, f.column, f.ref, f.message) for f in found]
    finding = located[0]
    assert finding.severity == RULES[code].severity
    assert finding.file and finding.message
    if finding.column and code != "S03":  # a missing column has no letter
        assert finding.column_letter.isalpha()


def test_every_rule_has_a_triggering_case():
    # S01 and S15 are tested in test_workbook.py, S17 in test_partial_data.py, S18 in test_inflation.py,
    # M05 in test_iku_per_opd_limit, the import's R codes in test_renstra.py.
    elsewhere = {"S01", "S15", "S17", "S18", "M05"}
    covered = {c[0] for c in CASES} | elsewhere | {c for c in RULES if c.startswith("R")}
    assert set(RULES) == covered
    assert set(CHECKS) <= set(RULES)


# Near misses: close to a rule, but correct.

def test_result_wording_passes_and_an_output_named_as_a_kegiatan_is_its_own_rule(clean, tmp_path):
    _node(clean, "A01.1")["pernyataan"] = "Meningkatnya pelaksanaan imunisasi"  # starts with a result
    _node(clean, "A01.1.1")["pernyataan"] = "Pelaksanaan imunisasi dasar"  # output level: a kegiatan name
    _node(clean, "A01.1.2")["pernyataan"] = "Terlaksananya imunisasi dasar"  # what the kegiatan delivers
    found = _findings(clean, tmp_path)
    assert [(f.code, f.ref) for f in found] == [("M30", "A01.1.1")]
    assert "'Terlaksananya imunisasi dasar'" in found[0].message  # the wording it proposes


def test_level_may_repeat_under_itself(clean, tmp_path):
    clean["pohon"].append({"id": "A01.1.3", "induk": "A01.1", "level": "immediate", "kode_opd": "01",
                           "pernyataan": "Meningkatnya kesiapsiagaan layanan"})
    clean["pohon"].append({"id": "A01.1.3.1", "induk": "A01.1.3", "level": "output", "kode_opd": "01",
                           "pernyataan": "Tersedianya layanan siaga"})
    for node in ("A01.1.3", "A01.1.3.1"):
        clean["indikator"].append({"id": f"{node}.I", "id_pohon": node, "nama": "Cakupan",
                                   "satuan": "%", "polaritas": "maks"})
    codes = {f.code for f in _findings(clean, tmp_path)}
    assert not codes & {"S11", "M09"}


def test_three_iku_on_a_sasaran_is_within_the_limit_and_limit_is_configurable(clean, tmp_path):
    for k in range(2):
        clean["indikator"].append({"id": f"A01.X{k}", "id_pohon": "A01", "nama": f"IKU {k}",
                                   "satuan": "%", "polaritas": "maks", "iku": "ya"})
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M04"]
    strict = CheckConfig(max_iku_per_sasaran=2)
    assert [f for f in _findings(clean, tmp_path, strict) if f.code == "M04"]


def test_iku_per_opd_limit(clean, tmp_path):
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M05"]
    found = [f for f in _findings(clean, tmp_path, CheckConfig(max_iku_per_opd=0)) if f.code == "M05"]
    assert {(f.sheet, f.row, f.ref) for f in found} == {("opd", 2, "01"), ("opd", 3, "02")}


def test_minimise_targets_falling_are_fine_rising_are_not(clean, tmp_path):
    ind = _indicator(clean, "A01.1.I1")
    ind.update(nama="Angka kesakitan", polaritas="min", baseline=50, target_2025=45, target_2026=40,
               target_2027=35, realisasi_2025=44)
    assert _findings(clean, tmp_path) == []
    ind["target_2027"] = 41
    assert {f.code for f in _findings(clean, tmp_path)} == {"M06"}


def test_range_target_uses_its_ambitious_end(clean, tmp_path):
    ind = _indicator(clean, "U1.I1")
    ind.update(baseline=50, target_2025="48-56", target_2026="55-60", target_2027="60-65",
               realisasi_2025="52")
    assert _findings(clean, tmp_path) == []
    ind["target_2026"] = "45-50"  # below the 2025 realisation 52 even at its top
    codes = {f.code for f in _findings(clean, tmp_path)}
    assert "M07" in codes


def test_an_easy_target_is_said_in_the_polarity_s_direction(clean, tmp_path):
    """M07 in words, never "vs": for min a target above what was reached is the easy one."""
    ind = _indicator(clean, "U1.I1")
    ind.update(polaritas="min", baseline=108.2, tahun_baseline=2024, target_2025=115, target_2026=110,
               target_2027=105, target_2028=100, target_2029=95)
    message = next(f.message for f in _findings(clean, tmp_path) if f.code == "M07")
    assert " vs " not in message and "makin rendah makin baik" in message
    assert "target 2025 115 di atas baseline 2024 108,2" in message
    assert "Target yang lebih tinggi dari capaian terakhir" in message


def test_stabilise_polarity_is_not_checked_for_direction(clean, tmp_path):
    ind = _indicator(clean, "U1.I1")
    ind.update(polaritas="stabil", target_2025="2-4", target_2026="2-4", target_2027="1-3")
    assert _findings(clean, tmp_path) == []


def test_a_chain_of_two_single_children_is_tolerated(clean, tmp_path):
    clean["pohon"] = [r for r in clean["pohon"] if r["id"] not in ("A01.2", "A01.2.1", "A01.2.2")]
    gone = ("A01.2", "A01.2.1", "A01.2.2")
    clean["indikator"] = [r for r in clean["indikator"] if r["id_pohon"] not in gone]
    # A01 -> A01.1 -> (two outputs): one single link only
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M08"]


def test_vertical_partner_is_a_warning_not_an_error(clean, tmp_path):
    clean["lintas_opd"][0]["kode_opd_mitra"] = "BPS-9901"
    findings = _findings(clean, tmp_path)
    assert [f.severity for f in findings] == ["warning"]
    assert "instansi vertikal" in findings[0].message


def test_cycle_message_names_every_id_on_it(clean, tmp_path):
    _node(clean, "A01")["induk"] = "A01.1.1"
    cycle = [f for f in _findings(clean, tmp_path) if f.code == "S06"]
    assert len(cycle) == 1
    for node in ("A01", "A01.1", "A01.1.1"):
        assert f"'{node}'" in cycle[0].message


def test_problem_cycle_names_its_ids(clean, tmp_path):
    clean["masalah"][0]["menyebabkan"] = "M01.2"
    found = [f for f in _findings(clean, tmp_path) if f.code == "S07"]
    assert len(found) == 1 and "'M01.1'" in found[0].message and "'M01.2'" in found[0].message


def test_unknown_enum_message_lists_allowed_values(clean, tmp_path):
    _indicator(clean, "U1.I1")["polaritas"] = "naik"
    (finding,) = _findings(clean, tmp_path)
    assert "maks, min, stabil" in finding.message and "'naik'" in finding.message


def test_many_problems_reported_in_one_run(clean, tmp_path):
    _node(clean, "A01.1")["level"] = "tinggi"
    _indicator(clean, "U1.I1")["target_2025"] = "abc"
    clean["masalah"][1]["usg_g"] = 9
    codes = sorted(f.code for f in _findings(clean, tmp_path))
    assert codes == ["S08", "S09", "S10"]


def test_same_findings_from_xlsx_and_csv_for_broken_input(clean, tmp_path):
    _node(clean, "A01.1")["level"] = "tinggi"
    _indicator(clean, "U1.I1")["target_2025"] = "abc"
    _node(clean, "A01")["pernyataan"] = "Koordinasi layanan"

    def key(findings):
        return [(f.code, f.sheet, f.row, f.column, f.ref, f.message) for f in findings]

    csv_findings = _findings(clean, tmp_path / "a", form="csv")
    xlsx_findings = _findings(clean, tmp_path / "b", form="xlsx")
    assert key(csv_findings) == key(xlsx_findings) and csv_findings


def test_outcome_and_outputs_close_to_each_other_are_no_contradiction(clean, tmp_path):
    # Own 52/55 (94,5%) against outputs at 60/55: within the 10-point margin.
    for i in (3, 4, 6, 7):
        clean["indikator"][i]["realisasi_2025"] = 60
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M19"]
    # The reverse: the outcome met while its outputs are far short.
    clean["indikator"][1]["realisasi_2025"] = 60
    for i in (2, 3, 4, 5, 6, 7):
        clean["indikator"][i]["realisasi_2025"] = 30
    found = [f for f in _findings(clean, tmp_path) if f.code == "M19"]
    assert [(f.ref, f.row) for f in found] == [("A01", 3)]
    assert "outcome tercapai tanpa outputnya" in found[0].message


@pytest.mark.parametrize("statement,flagged", [
    ("Menurunnya cakupan imunisasi dasar lengkap", True),
    ("Meningkatnya prevalensi stunting pada balita", True),
    ("Meningkatnya angka kematian ibu", True),
    ("Berkurangnya partisipasi sekolah", True),
    ("Meningkatnya cakupan imunisasi dasar lengkap", False),
    ("Menurunnya prevalensi stunting pada balita", False),
    ("Meningkatnya tindak lanjut hasil temuan", False),  # "temuan" is what is followed up
    ("Rendahnya prevalensi stunting", False),  # not a change; wording is another matter
])
def test_direction_of_a_statement_against_what_it_names(clean, tmp_path, statement, flagged):
    _node(clean, "A01.1")["pernyataan"] = statement
    _indicator(clean, "A01.1.I1")["nama"] = "Persentase layanan tuntas"  # says nothing of the words
    found = [f for f in _findings(clean, tmp_path) if f.code == "M28"]
    assert bool(found) == flagged, [f.message for f in found]


def test_direction_read_from_the_indicator_measuring_the_same_thing(clean, tmp_path):
    # "Menurunnya waktu layanan" names no known measure; its indicator "Waktu layanan ..." is maks.
    _node(clean, "A01.1")["pernyataan"] = "Menurunnya waktu layanan"
    _indicator(clean, "A01.1.I1")["nama"] = "Waktu layanan yang memenuhi standar"
    found = [f for f in _findings(clean, tmp_path) if f.code == "M28"]
    assert found and "berpolaritas maks" in found[0].message
    # An outcome measured by a minimise indicator of something else is not a contradiction.
    _node(clean, "A01")["pernyataan"] = "Meningkatnya derajat kesehatan masyarakat"
    _indicator(clean, "A01.I1").update(nama="Angka kematian ibu", polaritas="min")
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M28" and f.ref == "A01"]


@pytest.mark.parametrize("name,flagged", [
    ("Prevalensi stunting", True), ("Indeks Pembangunan Manusia (IPM)", True),
    ("Angka Kematian Ibu (AKI)", True), ("Usia Harapan Hidup (UHH)", True),
    ("Jumlah kematian ibu", True), ("Jumlah kasus gizi buruk", True),
    ("Jumlah posyandu yang dipantau", False), ("Jumlah kasus perselisihan yang dimediasi", False),
    ("Jumlah balita gizi kurang yang mendapat PMT", False),
])
def test_an_output_measured_by_an_outcome_measure(clean, tmp_path, name, flagged):
    _node(clean, "A01.1.1")["pernyataan"] = "Terpantaunya posyandu"
    _indicator(clean, "A01.1.1.I1").update(nama=name, jenis=None)
    found = [f for f in _findings(clean, tmp_path) if f.code == "M29"]
    assert bool(found) == flagged, [f.message for f in found]


def test_counts_of_outcomes_measure_an_outcome(clean, tmp_path):
    # Declared "output", but "Jumlah kematian ibu" counts an outcome: the outcome is measured.
    _indicator(clean, "A01.1.I1").update(nama="Jumlah kematian ibu", jenis="output", polaritas="min")
    assert not [f for f in _findings(clean, tmp_path) if f.code == "M03"]


def test_no_realisation_rule_waits_for_a_year_with_data(clean, tmp_path):
    # Assessed on 2026, when nothing is realised yet: no M23 flood, the sections say it once.
    path = write_csv_folder(clean, tmp_path / "wb")
    _, findings = validate(path, CheckConfig(tahun=2026))
    assert not [f for f in findings if f.code == "M23"]
    _, findings = validate(path, CheckConfig(tahun=2025))
    assert not [f for f in findings if f.code == "M23"]  # every indicator is realised in 2025
