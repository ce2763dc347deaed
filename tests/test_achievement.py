"""Achievement formulas with hand-worked values, roll-up, weakest branch and efficiency."""

from __future__ import annotations

import pytest
from conftest import write_csv_folder

from pohon_nb.method.achievement import (
    SCALES,
    AchievementConfig,
    Scale,
    achievement,
    get_scale,
    indicator_achievement,
    node_achievement,
    weakest_branch,
)
from pohon_nb.method.budget import efficiency
from pohon_nb.reading.model import load
from pohon_nb.reading.workbook import Range

T_R = AchievementConfig(minimise="t/r", cap=None)
NO_FLOOR = AchievementConfig(floor=None, cap=None)
NO_CAP = AchievementConfig(cap=None)


@pytest.mark.parametrize("target,actual,polarity,config,expected", [
    (80, 60, "maks", None, 75.0),                 # 60 / 80
    (80, 100, "maks", NO_CAP, 125.0),             # over target, no cap
    (80, 100, "maks", None, 120.0),               # the default cap: 120, as Kemenkeu
    (80, 100, "maks", AchievementConfig(cap=120), 120.0),
    (80, 100, "maks", AchievementConfig(cap=110), 110.0),
    (80, 100, "maks", AchievementConfig(cap=100), 100.0),
    (20, 15, "min", NO_CAP, 125.0),               # (2*20 - 15) / 20
    (20, 25, "min", None, 75.0),                  # minimise above target: (40 - 25) / 20
    (20, 45, "min", None, 0.0),                   # (40 - 45) / 20 = -25, floored at 0
    (20, 45, "min", NO_FLOOR, -25.0),
    (20, 25, "min", T_R, 80.0),                   # 20 / 25
    (20, 16, "min", T_R, 125.0),                  # 20 / 16
    (Range(10, 15), 12, "maks", None, 100.0),     # inside the range
    (Range(10, 15), 18, "maks", None, 120.0),     # above: 18 / 15
    (Range(10, 15), 8, "maks", None, 80.0),       # below: 8 / 10
    (Range(10, 15), 8, "min", None, 120.0),       # better than the lower bound: (20 - 8) / 10
    (Range(10, 15), 18, "min", None, 80.0),       # worse than the upper bound: (30 - 18) / 15
    (Range(2, 4), 3, "stabil", None, 100.0),
    (Range(2, 4), 5, "stabil", None, 75.0),       # 1 above the bound 4: 100 * (1 - 1/4)
    (Range(2, 4), 1, "stabil", None, 50.0),       # 1 below the bound 2: 100 * (1 - 1/2)
    (3, 3, "stabil", None, 100.0),
    (0, 0, "min", None, 100.0),                   # zero cases targeted, zero happened
])
def test_formulas(target, actual, polarity, config, expected):
    value, why = achievement(target, actual, polarity, config)
    assert value == pytest.approx(expected) and why == ""


@pytest.mark.parametrize("target,actual,polarity,why", [
    (80, None, "maks", "realisasi belum ada"),
    (None, 50, "maks", "target belum ada"),
    (80, 50, None, "polaritas belum diisi"),
    (0, 5, "maks", "target 0: rumus tidak terdefinisi"),
    (0, 5, "min", "target 0: rumus tidak terdefinisi"),
])
def test_missing_stays_missing_with_a_reason(target, actual, polarity, why):
    assert achievement(target, actual, polarity) == (None, why)


def test_minimise_variant_must_be_known():
    with pytest.raises(ValueError):
        AchievementConfig(minimise="r/t")


@pytest.mark.parametrize("value,five,six", [
    (100, "Sangat Baik", "Sangat Baik"), (91, "Sangat Baik", "Sangat Baik"),
    (90.5, "Baik", "Baik"), (76, "Baik", "Baik"), (66, "Cukup", "Cukup"),
    (65.9, "Kurang", "Kurang"), (51, "Kurang", "Kurang"), (50, "Sangat Kurang", "Sangat Kurang"),
    (0, "Sangat Kurang", "Sangat Kurang"), (120, "Sangat Baik", "Melampaui Target"),
    (None, None, None),
])
def test_predicate_scales(value, five, six):
    assert SCALES["lima_tingkat"].predicate(value) == five
    assert SCALES["enam_tingkat"].predicate(value) == six


def test_a_regions_own_scale_is_passed_not_registered(roll):
    scale = Scale("uji", ((100, "Tercapai"), (80, "Hampir")), "Belum")
    assert get_scale(scale) is scale
    assert [scale.predicate(v) for v in (100, 85, 10)] == ["Tercapai", "Hampir", "Belum"]
    assert list(scale.as_frame()["predikat"]) == ["Tercapai", "Hampir", "Belum"]
    table = indicator_achievement(roll, 2025, scale=scale)
    assert set(table["predikat"].dropna()) <= {"Tercapai", "Hampir", "Belum"}
    with pytest.raises(TypeError):  # the shipped scales are read-only: nothing leaks to other runs
        SCALES["uji"] = scale  # type: ignore[index]
    assert "uji" not in SCALES
    with pytest.raises(KeyError, match="lima_tingkat"):
        get_scale("tidak-ada")


# A small tree for roll-up:  R (ultimate) -> A (intermediate) -> A1, A2 (immediate);
# A1 -> A1a, A1b (output); A2 -> A2a (output). One indicator each, targets 100 in 2025.
ACTUALS = {"R": 90, "A": 80, "A1": 70, "A1a": 60, "A1b": 100, "A2": None, "A2a": 40}


def _roll_tables():
    parents = {"R": "", "A": "R", "A1": "A", "A2": "A", "A1a": "A1", "A1b": "A1", "A2a": "A2"}
    levels = {"R": "ultimate", "A": "intermediate", "A1": "immediate", "A2": "immediate",
              "A1a": "output", "A1b": "output", "A2a": "output"}
    pohon = [{"id": n, "induk": p, "level": levels[n], "kode_opd": "" if n == "R" else "01",
              "pernyataan": f"Meningkatnya {n}"} for n, p in parents.items()]
    indikator = [{"id": f"{n}.I", "id_pohon": n, "nama": f"Indikator {n}", "satuan": "%",
                  "polaritas": "maks", "target_2025": 100, "realisasi_2025": a}
                 for n, a in ACTUALS.items()]
    return {"pemda": [{"kode_pemda": "1", "nama_pemda": "Uji", "periode_awal": 2025,
                       "periode_akhir": 2029}],
            "opd": [{"kode_opd": "01", "nama_opd": "Dinas"}], "pohon": pohon, "indikator": indikator,
            "anggaran": [
                {"id_pohon": "A1a", "tahun": 2025, "pagu": 1000, "realisasi": 900},
                {"id_pohon": "A1b", "tahun": 2025, "pagu": 1000, "realisasi": 800},
                {"id_pohon": "A1b", "tahun": 2025, "pagu": 1000, "realisasi": 800},
                {"id_pohon": "A2a", "tahun": 2025, "pagu": 500, "realisasi": None},
            ]}


@pytest.fixture
def roll(tmp_path):
    return load(write_csv_folder(_roll_tables(), tmp_path / "roll"))


def test_indicator_achievement_table(roll):
    table = indicator_achievement(roll, 2025).set_index("id_indikator")
    assert table.loc["A1a.I", "capaian"] == 60 and table.loc["A1a.I", "predikat"] == "Kurang"
    assert table.loc["A2.I", "keterangan"] == "realisasi belum ada"
    assert table.loc["A2.I", "capaian"] != table.loc["A2.I", "capaian"]  # NaN, not 0
    assert list(table.columns)[:3] == ["id_pohon", "kode_opd", "nama"]


def test_roll_up_mean_and_coverage(roll):
    table = node_achievement(roll, 2025).set_index("id")
    # A1: mean of its outputs (60, 100) = 80; A2: its only output 40; A: mean(80, 40) = 60.
    assert table.loc["A1", "capaian_cabang"] == 80
    assert table.loc["A2", "capaian_cabang"] == 40
    assert table.loc["A", "capaian_cabang"] == 60
    assert table.loc["R", "capaian_cabang"] == 60
    assert table.loc["A", "capaian_sendiri"] == 80
    assert table.loc["A2", "capaian_sendiri"] != table.loc["A2", "capaian_sendiri"]  # no data
    # Coverage of A's branch: 5 indicators (A, A1, A1a, A1b, A2, A2a = 6), 5 with data.
    assert (table.loc["A", "indikator"], table.loc["A", "indikator_berdata"]) == (6, 5)
    assert table.loc["A", "cakupan"] == pytest.approx(5 / 6)
    assert list(table.index) == ["R", "A", "A1", "A1a", "A1b", "A2", "A2a"]


def test_roll_up_weighted(roll):
    table = node_achievement(roll, 2025, weights={"A1": 3, "A2": 1}).set_index("id")
    assert table.loc["A", "capaian_cabang"] == pytest.approx((3 * 80 + 40) / 4)


def test_node_whose_descendants_have_no_data(tmp_path):
    tables = _roll_tables()
    for row in tables["indikator"]:
        if row["id_pohon"] in ("A2", "A2a"):
            row["realisasi_2025"] = "n/a"
    table = node_achievement(load(write_csv_folder(tables, tmp_path / "x")), 2025).set_index("id")
    assert table.loc["A2", "capaian_cabang"] != table.loc["A2", "capaian_cabang"]
    assert table.loc["A2", "cakupan"] == 0
    assert table.loc["A", "capaian_cabang"] == 80  # only A1's branch counts


def test_weakest_branch_ranks_what_holds_the_outcome_back(roll):
    table = weakest_branch(roll, "A", 2025)
    assert list(table["id"][:3]) == ["A2", "A2a", "A1"]
    rows = table.set_index("id")
    # A's shortfall is 40 points: A2 (weight 1/2, at 40) accounts for 30, A1 (1/2, at 80) for 10.
    assert rows.loc["A2", "kontribusi"] == pytest.approx(30)
    assert rows.loc["A1", "kontribusi"] == pytest.approx(10)
    assert rows.loc["A1a", "kontribusi"] == pytest.approx(0.25 * 40)
    assert rows.loc["A1b", "kontribusi"] == pytest.approx(0)
    leaves = rows.loc[["A1a", "A1b", "A2a"], "kontribusi"].sum()
    assert leaves == pytest.approx(100 - 60)
    assert rows.loc["A1a", "jalur"] == "A1 > A1a"


def test_efficiency_both_ways(roll):
    table = efficiency(roll, 2025).set_index("id_pohon")
    # A1a: pagu 1000, spent 900, volume 100 targeted, 60 achieved:
    # E = 1 - (900/60)/(1000/100) = 1 - 15/10 = -0.5 -> -50% clipped to -20; score 0.
    assert table.loc["A1a", "efisiensi"] == -20 and table.loc["A1a", "nilai_efisiensi"] == 0
    assert table.loc["A1a", "serapan"] == 90
    assert table["sisa_anggaran_target_tercapai"].isna()["A1a"]  # target not met
    # A1b: two lines, pagu 2000, spent 1600, achieved 100 of 100: E = 1 - 16/20 = 20%; score 100;
    # target met, so 20% of the ceiling was left.
    assert table.loc["A1b", "efisiensi"] == pytest.approx(20)
    assert table.loc["A1b", "nilai_efisiensi"] == pytest.approx(100)
    assert table.loc["A1b", "sisa_anggaran_target_tercapai"] == pytest.approx(20)
    # A2a: no spending reported.
    assert table.loc["A2a", "realisasi_anggaran"] != table.loc["A2a", "realisasi_anggaran"]


def test_sample_achievement_is_sane(sample_path):
    pemda = load(sample_path)
    values = indicator_achievement(pemda, 2025)
    assert values["capaian"].notna().mean() > 0.9
    assert 60 < values["capaian"].median() < 110
    nodes = node_achievement(pemda, 2025).set_index("id")
    assert nodes.loc[["SD.1", "SD.2", "SD.3", "SD.4"], "capaian_cabang"].notna().all()
    weakest = weakest_branch(pemda, "DINKES.1", 2025)
    assert weakest["kontribusi"].iloc[0] >= weakest["kontribusi"].dropna().iloc[-1]
