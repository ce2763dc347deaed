"""SMART/CREAM scoring with reasons, assessors' scores, IKU recommendation, Manual IKU."""

from __future__ import annotations

import pytest
from conftest import write_csv_folder

from pohon_nb.method.indicators import CRITERIA, indicator_scores, manual_iku, recommend_iku, score_reasons
from pohon_nb.reading.model import load


def _load(tables, tmp_path):
    return load(write_csv_folder(tables, tmp_path / "wb"))


def _reasons(pemda, ind_id):
    table = score_reasons(pemda)
    return table[table["id_indikator"] == ind_id].set_index("kolom")


@pytest.fixture
def rich(clean):
    ind = clean["indikator"][1]  # A01.I1, intermediate, iku
    ind.update(nama="Persentase balita stunting", formula="(stunting / diukur) x 100%",
               definisi="Balita dengan TB/U < -2 SD", sumber_data="e-PPGBM", frekuensi="tahunan",
               target_2025=55, target_2026=60, target_2027=65, jenis="outcome")
    return clean


def test_a_well_specified_indicator_scores_full(rich, tmp_path):
    pemda = _load(rich, tmp_path)
    reasons = _reasons(pemda, "A01.I1")
    # Period 2025-2029 but targets only to 2027: Time-bound gets 1, everything else 2.
    assert reasons.loc["smart_t", "skor"] == 1 and "2028, 2029" in reasons.loc["smart_t", "alasan"]
    others = reasons.drop("smart_t")
    assert (others["skor"] == 2).all(), others[["skor", "alasan"]]


@pytest.mark.parametrize("change,column,score,fragment", [
    ({"nama": "Pelayanan kesehatan yang optimal"}, "smart_s", 0, "optimal"),
    ({"nama": "Persentase layanan yang baik"}, "smart_s", 1, "baik"),
    ({"nama": "Kualitas layanan"}, "smart_s", 1, "ukuran"),
    ({"formula": None}, "smart_m", 1, "formula"),
    ({"satuan": None, "formula": None}, "smart_m", 0, "satuan"),
    ({"target_2026": 50}, "smart_a", 1, "berlawanan"),
    ({"target_2025": 45, "target_2026": 44}, "smart_a", 0, "baseline"),
    ({"target_2025": 45}, "smart_a", 1, "baseline"),
    ({"baseline": None}, "smart_a", 1, "baseline"),
    ({"target_2025": None, "target_2026": None, "target_2027": None}, "smart_a", 0, "target"),
    ({"jenis": "output"}, "smart_r", 0, "output"),
    ({"jenis": None}, "smart_r", 1, "jenis"),
    ({"target_2025": None, "target_2026": None, "target_2027": None}, "smart_t", 0, "target"),
    ({"definisi": None}, "cream_c", 1, "definisi"),
    ({"sumber_data": None}, "cream_e", 1, "sumber"),
    ({"definisi": None, "formula": None}, "cream_a", 0, "definisi"),
    ({"definisi": None}, "cream_a", 1, "formula"),
    ({"sumber_data": None, "frekuensi": None, "realisasi_2025": None}, "cream_m", 0, "sumber"),
])
def test_each_rule_lowers_its_score_with_a_reason(rich, tmp_path, change, column, score, fragment):
    rich["indikator"][1].update(change)
    reasons = _reasons(_load(rich, tmp_path), "A01.I1")
    assert reasons.loc[column, "skor_otomatis"] == score
    assert fragment in reasons.loc[column, "alasan"]


def test_assessors_override_and_disagreement_is_flagged(rich, tmp_path):
    rich["penilaian_indikator"] = [
        {"id_indikator": "A01.I1", "penilai": "Bappeda", "smart_s": 2, "smart_m": 1},
        {"id_indikator": "A01.I1", "penilai": "Inspektorat", "smart_s": 0, "smart_m": 1},
    ]
    pemda = _load(rich, tmp_path)
    reasons = _reasons(pemda, "A01.I1")
    assert reasons.loc["smart_s", "skor_penilai"] == 1 and reasons.loc["smart_s", "jumlah_penilai"] == 2
    assert reasons.loc["smart_s", "skor"] == 1 and bool(reasons.loc["smart_s", "beda_pendapat"])
    assert reasons.loc["smart_m", "skor"] == 1 and not reasons.loc["smart_m", "beda_pendapat"]
    assert reasons.loc["smart_a", "skor"] == reasons.loc["smart_a", "skor_otomatis"]
    row = indicator_scores(pemda).set_index("id_indikator").loc["A01.I1"]
    assert row["sumber_skor"] == "campuran" and row["beda_pendapat"] == "SMART: spesifik"
    # SMART: S 1 + M 1 + A 2 + R 2 + T 1 = 7 of 10.
    assert row["skor_smart"] == 70


def test_scores_table_shape(rich, tmp_path):
    table = indicator_scores(_load(rich, tmp_path), "01")
    assert set(CRITERIA) <= set(table.columns)
    assert set(table["kode_opd"]) == {"01"}
    assert table["skor_smart"].between(0, 100).all()


def test_iku_recommendation_respects_type_and_limits(clean, tmp_path):
    extra = [
        {"id": f"A01.X{k}", "id_pohon": "A01", "nama": f"Persentase hasil {k}", "satuan": "%",
         "polaritas": "maks", "jenis": "outcome", "iku": "ya", "formula": "a/b",
         "target_2025": 1, "target_2026": 2, "target_2027": 3, "baseline": 0}
        for k in range(3)
    ]
    extra.append({"id": "A01.OUT", "id_pohon": "A01", "nama": "Jumlah kegiatan", "satuan": "kali",
                  "polaritas": "maks", "jenis": "output", "iku": "ya", "formula": "hitung",
                  "definisi": "x", "sumber_data": "y", "target_2025": 1, "target_2026": 2,
                  "target_2027": 3, "baseline": 0})
    clean["indikator"] += extra
    table = recommend_iku(_load(clean, tmp_path), "01")
    a01 = table[table["id_pohon"] == "A01"].set_index("id_indikator")
    assert a01["direkomendasikan"].sum() == 3
    assert not a01.loc["A01.OUT", "direkomendasikan"] and "jenis" in a01.loc["A01.OUT", "alasan"]
    assert a01.loc["A01.OUT", "peringkat"] == 5
    limited = recommend_iku(_load(clean, tmp_path), "01", max_per_opd=2)
    assert limited["direkomendasikan"].sum() == 2
    assert limited["alasan"].str.contains("melebihi 2 IKU").sum() == 1


def test_manual_iku(rich, tmp_path):
    rich["indikator"][1].update(target_2027="60-70", validitas="Proxy", konsolidasi="Nilai Akhir")
    table = manual_iku(_load(rich, tmp_path), "01")
    assert list(table["kode"]) == ["A01.I1"]
    row = table.iloc[0]
    assert row["sasaran"] == "Meningkatnya derajat kesehatan wilayah 01"
    assert row["target_2027"] == "60–70" and row["target_2025"] == 55
    assert row["validitas"] == "proksi" and row["konsolidasi"] == "nilai_akhir"
    assert "Alasan pemilihan" in row["belum_diisi"] and "Definisi" not in row["belum_diisi"]


def test_sample_scores(sample_path):
    pemda = load(sample_path)
    table = indicator_scores(pemda).set_index("id_indikator")
    assert table.loc["DINKES.1.I2", "skor_smart"] > table.loc["DISTANPANGAN.1.1.I1", "skor_smart"]
    assert table.loc["DISTANPANGAN.1.1.I1", "smart_r"] == 0  # output measure on an immediate outcome
    manual = manual_iku(pemda, "1.02.0.00.0.00.01.0000")
    assert {"DINKES.1.I1", "DINKES.1.I2", "DINKES.1.I3"} <= set(manual["kode"])


def test_standard_national_indicators_are_valid_measures(clean, tmp_path):
    row = {"id": "A01.UHH", "id_pohon": "A01", "nama": "Usia Harapan Hidup", "satuan": "tahun",
           "polaritas": "maks", "jenis": "outcome", "dipilih": "ya", "sumber_data": "BPS",
           "baseline": 70.1, **{f"target_{y}": 70.5 + (y - 2025) * 0.2 for y in (2025, 2026, 2027)}}
    clean["indikator"].append(row)
    reasons = score_reasons(_load(clean, tmp_path), "01").set_index(["id_indikator", "kolom"])
    uhh = reasons.loc["A01.UHH"]
    # Before: "name does not state a measure" (1) and "formula missing" (1).
    assert uhh.loc["smart_s", "skor"] == 2 and "standar nasional" in uhh.loc["smart_s", "alasan"]
    assert uhh.loc["smart_m", "skor"] == 2 and "baku" in uhh.loc["smart_m", "alasan"]
    assert uhh.loc["cream_a", "skor"] == 2


def test_a_count_needs_no_ratio_formula_but_a_percentage_does(clean, tmp_path):
    for name, expected in (("Jumlah kader terlatih", 2), ("Persentase kader terlatih", 1)):
        clean["indikator"].append({"id": f"X.{expected}", "id_pohon": "A01.1.1", "nama": name,
                                   "satuan": "orang", "polaritas": "maks", "jenis": "output"})
    reasons = score_reasons(_load(clean, tmp_path), "01").set_index(["id_indikator", "kolom"])
    assert reasons.loc[("X.2", "smart_m"), "skor"] == 2
    ratio = reasons.loc[("X.1", "smart_m")]
    assert ratio["skor"] == 1 and "rasio" in ratio["alasan"]


def test_the_iku_recommender_weighs_what_matters_not_filled_prose(clean, tmp_path):
    # A standard indicator with source, polarity and targets against a made-up one with a
    # definition, reasons and formula but no source and no targets.
    clean["indikator"] += [
        {"id": "A01.UHH", "id_pohon": "A01", "nama": "Usia Harapan Hidup", "satuan": "tahun",
         "polaritas": "maks", "jenis": "outcome", "sumber_data": "BPS", "baseline": 70.1,
         **{f"target_{y}": 71 for y in range(2025, 2030)}},  # the whole period
        {"id": "A01.X", "id_pohon": "A01", "nama": "Persentase layanan prima", "satuan": "%",
         "jenis": "outcome", "definisi": "Layanan yang prima", "alasan": "Penting",
         "formula": "a / b x 100", "penanggung_jawab": "Sekretariat"},
    ]
    table = recommend_iku(_load(clean, tmp_path), "01").set_index("id_indikator")
    assert table.loc["A01.UHH", "peringkat"] < table.loc["A01.X", "peringkat"]
    assert table.loc["A01.UHH", "skor"] == 100
    assert "sumber data disebut (+2)" in table.loc["A01.UHH", "alasan"]
    missing = "kurang: ukuran hasil yang jelas, sumber data disebut, polaritas jelas"
    assert missing in table.loc["A01.X", "alasan"]
