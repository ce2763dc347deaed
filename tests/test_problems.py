"""APKL, USG with ties, the problem tree, conversion to conditions, traceability."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import write_csv_folder

from pohon_nb.method.problems import (
    PHRASE_RULES,
    apkl_screen,
    convert,
    core_problem,
    positive_phrase,
    problem_tree,
    traceability,
    usg_ranking,
)
from pohon_nb.reading.model import load

YES = {"apkl_a": "ya", "apkl_p": "ya", "apkl_k": "ya", "apkl_l": "ya"}


def _problem(pid, statement, causes=None, usg=(3, 3, 3), lokus="internal", inti="tidak", **apkl):
    return {"id": pid, "kode_opd": "01", "pernyataan": statement, "menyebabkan": causes,
            "inti": inti, "lokus": lokus, **{**YES, **apkl},
            **({"usg_u": usg[0], "usg_s": usg[1], "usg_g": usg[2]} if usg else {})}


@pytest.fixture
def pemda(clean, tmp_path):
    # E  <- C (core) <- K1 <- R1 (root, external)
    #                <- K2 (root)        and X: unlinked
    clean["masalah"] = [
        _problem("E", "Tingginya angka kematian ibu", usg=(4, 5, 4)),
        _problem("C", "Tingginya prevalensi stunting", "E", usg=(5, 5, 4), inti="ya"),
        _problem("K1", "Rendahnya cakupan pelayanan gizi", "C", usg=(4, 4, 3)),
        _problem("R1", "Kurangnya akses sanitasi layak", "K1", usg=(4, 3, 4), lokus="eksternal"),
        _problem("K2", "Belum optimalnya pemantauan pertumbuhan balita", "C", usg=(3, 3, 3)),
        _problem("X", "Harga pangan naik", None, usg=(5, 5, 5), apkl_l="tidak"),
        _problem("Y", "Tenaga gizi", None, usg=None),
    ]
    clean["pohon"][1]["asal_masalah"] = "C"  # A01
    clean["pohon"][2]["asal_masalah"] = "K1"  # A01.1
    return load(write_csv_folder(clean, tmp_path / "wb"))


def test_apkl_screen(pemda):
    table = apkl_screen(pemda, "01").set_index("id")
    assert table["lolos"].tolist() == [True, True, True, True, True, False, True]
    assert table["gagal"].tolist() == ["", "", "", "", "", "L", ""]


def test_usg_ranking_shows_ties_and_leaves_out_failed_and_incomplete(pemda):
    table = usg_ranking(pemda, "01")
    assert list(table["id"]) == ["C", "E", "K1", "R1", "K2"]
    assert list(table["total"]) == [14, 13, 11, 11, 9]
    assert list(table["peringkat"]) == [1, 2, 3, 3, 5]
    assert list(table["seri"]) == [False, False, True, True, False]
    assert "X" not in set(table["id"]) and "Y" not in set(table["id"])


def test_core_problem_compares_mark_and_usg(pemda):
    table = core_problem(pemda, "01")
    assert list(table["id"]) == ["C"]
    assert bool(table.iloc[0]["ditandai_inti"]) and bool(table.iloc[0]["usg_teratas"])


def test_problem_tree_roles_and_depth(pemda):
    table = problem_tree(pemda, "01").set_index("id")
    assert table.loc["C", "peran"] == "inti" and table.loc["C", "kedalaman"] == 0
    assert table.loc["E", "peran"] == "akibat" and table.loc["E", "kedalaman"] == 1
    assert table.loc["K1", "peran"] == "penyebab" and table.loc["K1", "kedalaman"] == 1
    assert table.loc["R1", "peran"] == "akar" and table.loc["R1", "kedalaman"] == 2
    assert table.loc["K2", "peran"] == "akar" and table.loc["K2", "kedalaman"] == 1
    assert table.loc["X", "peran"] == "lepas"
    assert table.loc["C", "disebabkan"] == "K1;K2" and table.loc["C", "menyebabkan"] == "E"
    assert list(problem_tree(pemda, "01")["id"])[:2] == ["E", "C"]


@pytest.mark.parametrize("negative,positive", [
    ("Tingginya prevalensi stunting", "Menurunnya prevalensi stunting"),
    ("Rendahnya cakupan imunisasi", "Meningkatnya cakupan imunisasi"),
    ("Kurangnya tenaga kesehatan", "Meningkatnya ketersediaan tenaga kesehatan"),
    ("Belum optimalnya pemutakhiran data", "Optimalnya pemutakhiran data"),
    ("belum  optimalnya pemutakhiran data", "Optimalnya pemutakhiran data"),
    ("Lemahnya kelembagaan kelompok tani", "Menguatnya kelembagaan kelompok tani"),
    ("Terbatasnya armada", "Meningkatnya ketersediaan armada"),
    ("Sulitnya akses perizinan", "Mudahnya akses perizinan"),
    ("Masih banyaknya desa tertinggal", "Berkurangnya desa tertinggal"),
    # A scarce resource: its availability grows; a scarce measure or capacity: the opening alone.
    ("Kurangnya tenaga bidan di desa", "Meningkatnya ketersediaan tenaga bidan di desa"),
    ("Kurangnya asupan gizi", "Meningkatnya asupan gizi"),
    ("Mahalnya harga bibit", "Terjangkaunya harga bibit"),
    ("Belum meratanya layanan", "Meratanya layanan"),
])
def test_phrase_rules(negative, positive):
    assert positive_phrase(negative)[0] == positive


def test_unmatched_phrase_is_left_for_a_person():
    assert positive_phrase("Harga pangan naik") == (None, None)
    assert positive_phrase("Tingginyaa kasus") == (None, None)  # a misspelt opening is not guessed


def test_rules_prefer_the_longest_opening():
    openings = [n for n, _ in PHRASE_RULES]
    for i, longer in enumerate(openings):
        for shorter in openings[i + 1:]:
            assert not shorter.lower().startswith(longer.lower() + " ")


def test_conversion_keeps_problem_ids_levels_and_crosscutting(pemda):
    table = convert(pemda, "01").set_index("id_masalah")
    assert table.loc["C", "usulan_kondisi"] == "Menurunnya prevalensi stunting"
    assert table.loc["C", "usulan_level"] == "intermediate"
    assert table.loc["E", "usulan_level"] == "ultimate"
    assert table.loc["K1", "usulan_level"] == "immediate"
    assert table.loc["R1", "usulan_level"] == "output"
    assert bool(table.loc["R1", "kandidat_crosscutting"]) and not table.loc["K1", "kandidat_crosscutting"]
    assert table.loc["C", "kondisi_terkait"] == "A01" and table.loc["K1", "kondisi_terkait"] == "A01.1"
    assert pd.isna(table.loc["X", "usulan_kondisi"])


def test_traceability(pemda):
    table = traceability(pemda, "01").set_index("id")
    assert table.loc["A01.1.1", "jejak_masalah"] == "K1"  # inherited from its parent
    assert table.loc["A01.1.1", "akar_masalah"] == "R1"
    assert table.loc["A01.2.1", "jejak_masalah"] == "C"  # via A01
    assert table.loc["A01.2.1", "akar_masalah"] == "K2;R1"
    assert table["terlacak"].all()
    assert "A02" not in table.index


def test_untraced_outputs(clean, tmp_path):
    for row in clean["pohon"]:
        row.pop("asal_masalah", None)
    pemda = load(write_csv_folder(clean, tmp_path / "wb"))
    table = traceability(pemda, "01")
    assert not table["terlacak"].any()


def test_sample_problem_trees(sample_path):
    pemda = load(sample_path)
    for code in pemda.opd_codes():
        tree = problem_tree(pemda, code)
        assert (tree["peran"] == "inti").sum() == 1, code
    ranking = usg_ranking(pemda, "1.02.0.00.0.00.01.0000")
    assert ranking.iloc[0]["id"] == "M.DINKES.2"
    table = convert(pemda, "1.02.0.00.0.00.01.0000").set_index("id_masalah")
    assert table.loc["M.DINKES.2", "usulan_kondisi"] == "Menurunnya prevalensi stunting pada balita"
    assert bool(table.loc["M.DINKES.4", "kandidat_crosscutting"])
