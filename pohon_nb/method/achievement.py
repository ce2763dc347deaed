"""Achievement (capaian): per indicator and year, rolled up the tree (budget: :mod:`.budget`).

Formulas (``docs/metode.md``, "Capaian")
------------------------------
maks                 R / T x 100
min (default)        (2T - R) / T x 100        ``minimise="2t-r"``
min (variant)        T / R x 100               ``minimise="t/r"``
range target         inside the range 100; above it compare with the upper bound, below
                     it with the lower bound, by the polarity's formula
stabil               100 inside the band; outside, 100 x (1 - |R - B| / |B|) where B is the
                     nearest bound (the band width stands in for |B| when B is 0). A
                     single-value target is a band of width 0.

The result is then capped (none, 100, 110, 120) and floored (0 by default). A missing
realisation stays missing (None) with the reason in ``keterangan``; it is never 0.

Predicate scales are data (:data:`SCALES`); a user-supplied one is a :class:`Scale`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from ..reading import schema
from ..reading.model import Pemda, is_chosen
from ..reading.workbook import Range
from .config import DEFAULT_CAP, AchievementConfig, config_from_cap  # noqa: F401 - read as achievement.X
from .scales import (  # noqa: F401 - the scales are read as achievement.SCALES too
    BUILT_IN_SCALES,
    DEFAULT_SCALE,
    SCALES,
    Scale,
    get_scale,
)

TARGET_MET = 100.0
"""Achievement (percent) at which an indicator meets its target."""
LOW_ACHIEVEMENT = 90.0
"""Achievement below which the next steps of problem identification trace the cause."""
MATERIAL_SHORTFALL = 0.5
"""Points of an outcome's shortfall below which a branch is not named as holding it back."""


# --------------------------------------------------------------------------- one value


def achievement(target: float | Range | None, actual: float | None, polarity: str | None,
                config: AchievementConfig | None = None) -> tuple[float | None, str]:
    """Achievement in percent of one realisation against one target, and why when None.

    Returns
    -------
    (capaian, keterangan)
        ``capaian`` is None when it cannot be computed; ``keterangan`` then says why in
        Indonesian (missing realisation, missing target, no polarity, zero target).
    """
    config = config or AchievementConfig()
    if actual is None or pd.isna(actual):
        return None, "realisasi belum ada"
    if target is None or (not isinstance(target, Range) and pd.isna(target)):
        return None, "target belum ada"
    if polarity not in schema.POLARITIES:
        return None, "polaritas belum diisi"
    low, high = (target.low, target.high) if isinstance(target, Range) else (target, target)
    if polarity == "stabil":
        value = _band(low, high, actual)
    elif low <= actual <= high and low != high:
        value = 100.0
    else:
        bound = high if actual > high else low
        value = _ratio(bound, actual, polarity, config.minimise)
        if value is None:
            return None, "target 0: rumus tidak terdefinisi"
    if config.cap is not None:
        value = min(value, config.cap)
    if config.floor is not None:
        value = max(value, config.floor)
    return value, ""


def _ratio(target: float, actual: float, polarity: str, minimise: str) -> float | None:
    if polarity == "maks":
        return None if target == 0 else actual / target * 100
    if minimise == "t/r":
        if actual == 0:
            return None if target != 0 else 100.0
        return target / actual * 100
    if target == 0:
        return 100.0 if actual == 0 else None
    return (2 * target - actual) / target * 100


def _band(low: float, high: float, actual: float) -> float:
    if low <= actual <= high:
        return 100.0
    bound = low if actual < low else high
    scale = abs(bound) or (high - low) or 1.0
    return 100 * (1 - abs(actual - bound) / scale)


# --------------------------------------------------------------------------- per indicator

INDICATOR_COLUMNS = [
    "id_indikator", "id_pohon", "kode_opd", "nama", "satuan", "polaritas", "tahun", "target",
    "target_min", "target_maks", "realisasi", "capaian", "predikat", "keterangan",
    "capaian_tanpa_batas",
]


def indicator_achievement(pemda: Pemda, year: int | None = None,
                          config: AchievementConfig | None = None,
                          scale: str | Scale = "lima_tingkat",
                          chosen_only: bool = True) -> pd.DataFrame:
    """Achievement of every indicator in every year (or one ``year``).

    Columns: ``id_indikator, id_pohon, kode_opd, nama, satuan, polaritas, tahun, target``
    (midpoint of a range), ``target_min, target_maks, realisasi, capaian`` (percent or
    None), ``predikat`` (by ``scale``), ``keterangan`` (why capaian is None),
    ``capaian_tanpa_batas`` (the figure before the cap, to disclose a capped one).
    """
    config = config or AchievementConfig()
    scale = get_scale(scale)
    key = ("indicator_achievement", year, config, scale, chosen_only)
    return pemda.memo(key, lambda: _indicator_achievement(pemda, year, config, scale,
                                                          chosen_only)).copy()


def _indicator_achievement(pemda, year, config, scale, chosen_only) -> pd.DataFrame:
    years = [year] if year is not None else pemda.years
    uncapped_config = replace(config, cap=None)
    records = []
    for row in pemda.tables["indikator"].rows:
        if not row.get("id") or row.get("_ganda") or (chosen_only and not is_chosen(row)):
            continue
        node = pemda.tree.nodes.get(row.get("id_pohon"), {})
        for y in years:
            target = row.get(f"target_{y}")
            actual = row.get(f"realisasi_{y}")
            if year is None and target is None and actual is None:
                continue
            value, why = achievement(target, actual, row.get("polaritas"), config)
            uncapped = (achievement(target, actual, row.get("polaritas"), uncapped_config)[0]
                        if value is not None and config.cap is not None else value)
            low, high = (target.low, target.high) if isinstance(target, Range) else (target, target)
            records.append({
                "id_indikator": row["id"], "id_pohon": row.get("id_pohon"),
                "kode_opd": node.get("kode_opd"), "nama": row.get("nama"),
                "satuan": row.get("satuan"), "polaritas": row.get("polaritas"), "tahun": y,
                "target": target.mid if isinstance(target, Range) else target,
                "target_min": low, "target_maks": high, "realisasi": actual,
                "capaian": value, "predikat": scale.predicate(value), "keterangan": why,
                "capaian_tanpa_batas": uncapped,
            })
    frame = pd.DataFrame(records, columns=INDICATOR_COLUMNS)
    frame["capaian"] = frame["capaian"].astype("float64")
    frame["capaian_tanpa_batas"] = frame["capaian_tanpa_batas"].astype("float64")
    return frame


# --------------------------------------------------------------------------- roll-up

NODE_COLUMNS = [
    "id", "induk", "level", "pernyataan", "kode_opd", "capaian_sendiri", "predikat", "keterangan",
    "capaian_cabang", "predikat_cabang", "indikator", "indikator_berdata", "cakupan",
]


def node_achievement(pemda: Pemda, year: int, config: AchievementConfig | None = None,
                     scale: str | Scale = "lima_tingkat",
                     weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Achievement of every condition in ``year``: its own, and its branch's that explains it.

    A condition is measured by its own indicators (``docs/metode.md``, "Capaian"): ``capaian_sendiri``
    is the mean achievement of its chosen indicators with data, ``predikat`` its predicate,
    and ``keterangan`` says why it is missing ("belum ada realisasi 2025", "tanpa indikator
    terpilih", ...). ``capaian_cabang`` is a second figure that explains the first: the
    (weighted) mean of its children's branch achievement, over the children that have one;
    a node whose children have none falls back to its own; ``predikat_cabang`` its predicate.
    ``weights`` maps a node id to its weight among its siblings (default 1).
    ``indikator`` and ``indikator_berdata`` count the chosen indicators in the whole branch
    (node included) and those with an achievement; ``cakupan`` is their ratio.
    """
    scale = get_scale(scale)
    key = ("node_achievement", year, config or AchievementConfig(), scale,
           tuple(sorted((weights or {}).items())))
    return pemda.memo(key, lambda: _node_achievement(pemda, year, config, scale, weights)).copy()


def _node_achievement(pemda, year, config, scale, weights) -> pd.DataFrame:
    own, counts = own_achievement(pemda, year, config)
    branch = _branch_values(pemda, own, weights or {})
    records = []
    for node_id in pemda.tree_order():
        node = pemda.node(node_id)
        total, with_data = _subtree_counts(pemda, node_id, counts)
        records.append({
            "id": node_id, "induk": pemda.parent(node_id), "level": node.get("level"),
            "pernyataan": node.get("pernyataan"), "kode_opd": node.get("kode_opd"),
            "capaian_sendiri": own.get(node_id), "predikat": scale.predicate(own.get(node_id)),
            "keterangan": "" if node_id in own else _why_no_own(pemda, node_id, year),
            "capaian_cabang": branch.get(node_id),
            "predikat_cabang": scale.predicate(branch.get(node_id)),
            "indikator": total, "indikator_berdata": with_data,
            "cakupan": with_data / total if total else None,
        })
    frame = pd.DataFrame(records, columns=NODE_COLUMNS)
    for column in ("capaian_sendiri", "capaian_cabang", "cakupan"):
        frame[column] = frame[column].astype("float64")
    return frame


def data_gap(pemda: Pemda, nodes: list[str], year: int) -> str | None:
    """Why no achievement of ``nodes`` in ``year`` can be computed, or None when some can.

    The first gap met, as a key: "indikator" (no chosen indicator), "tahun" (the workbook has
    no column for the year), "realisasi" (no realisation that year), "target" (no target).
    """
    rows = [r for n in nodes for r in pemda.chosen_indicators(n)]
    if not rows:
        return "indikator"
    if year not in pemda.years:
        return "tahun"
    if all(r.get(f"realisasi_{year}") is None for r in rows):
        return "realisasi"
    if all(r.get(f"target_{year}") is None for r in rows):
        return "target"
    return None


GAP_LABELS = {"indikator": "tanpa indikator terpilih", "tahun": "tahun {year} tidak ada di workbook",
              "realisasi": "belum ada realisasi {year}", "target": "belum ada target {year}",
              None: "capaian indikator tidak dapat dihitung (lihat polaritas dan target)"}


def _why_no_own(pemda: Pemda, node_id: str, year: int) -> str:
    """Why a condition has no achievement of its own in ``year``, in words."""
    return GAP_LABELS[data_gap(pemda, [node_id], year)].format(year=year)


def own_achievement(pemda: Pemda, year: int, config: AchievementConfig | None):
    """Each condition's own achievement (mean of its chosen indicators with data) and its
    (indicators, indicators with data) counts."""
    values = indicator_achievement(pemda, year, config)
    all_values: dict[str, list[float]] = {}
    for node_id, value in zip(values["id_pohon"], values["capaian"]):  # plain Python: fast
        all_values.setdefault(node_id, []).append(value)
    own: dict[str, float] = {}
    counts: dict[str, tuple[int, int]] = {}
    for node_id, found in all_values.items():
        achieved = [v for v in found if v == v]  # NaN is not equal to itself
        counts[node_id] = (len(found), len(achieved))
        if achieved:
            own[node_id] = float(sum(achieved) / len(achieved))
    return own, counts


def _branch_values(pemda: Pemda, own: dict[str, float], weights: Mapping[str, float]):
    branch: dict[str, float] = {}
    for node_id in reversed(pemda.tree_order()):  # children before parents
        parts = [(branch[c], weights.get(c, 1.0)) for c in pemda.children(node_id) if c in branch]
        parts = [(v, w) for v, w in parts if w > 0]
        if parts:
            branch[node_id] = sum(v * w for v, w in parts) / sum(w for _, w in parts)
        elif node_id in own:
            branch[node_id] = own[node_id]
    return branch


def _subtree_counts(pemda, node_id, counts):
    total = with_data = 0
    for current in [node_id, *pemda.descendants(node_id)]:
        t, d = counts.get(current, (0, 0))
        total, with_data = total + t, with_data + d
    return total, with_data


CONTRADICTION_COLUMNS = ["id", "kode_opd", "tahun", "capaian_sendiri", "capaian_cabang", "arah"]


def contradictions(pemda: Pemda, year: int, config: AchievementConfig | None = None,
                   margin: float = 10.0) -> pd.DataFrame:
    """Conditions on target by one figure and clearly short of it by the other.

    ``arah`` is "output_tercapai" (the branch at or above 100 while the condition's own
    indicators are more than ``margin`` points short: outputs achieved, outcome not) or
    "outcome_tercapai" (the reverse). Only conditions with children count: a leaf's branch
    is its own figure. The margin keeps 99% against 101% from being called a contradiction.
    """
    # Only the two figures are needed: the roll-up without the per-node counts of
    # node_achievement keeps this cheap enough for every validate.
    own, _ = own_achievement(pemda, year, config)
    branch = _branch_values(pemda, own, {})
    records = []
    for node_id in pemda.tree_order():
        mine, below = own.get(node_id), branch.get(node_id)
        if mine is None or below is None or not pemda.children(node_id):
            continue
        if mine < 100 - margin and below >= 100:
            arah = "output_tercapai"
        elif mine >= 100 and below < 100 - margin:
            arah = "outcome_tercapai"
        else:
            continue
        records.append({"id": node_id, "kode_opd": pemda.node(node_id).get("kode_opd"),
                        "tahun": year, "capaian_sendiri": mine, "capaian_cabang": below,
                        "arah": arah})
    return pd.DataFrame(records, columns=CONTRADICTION_COLUMNS)


# --------------------------------------------------------------------------- weakest branch

WEAKEST_COLUMNS = [
    "id", "level", "pernyataan", "kode_opd", "kedalaman", "capaian_cabang", "bobot",
    "kontribusi", "jalur",
]


HOLDS_BACK = 0.05
"""Points of an outcome's shortfall from which a branch is said to hold it back: less is below
what the tables show (one decimal) and rounding noise of branches at their target."""


def weakest_branch(pemda: Pemda, node_id: str, year: int,
                   config: AchievementConfig | None = None,
                   weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Which descendants of ``node_id`` explain its shortfall from 100%, ranked.

    Every descendant with a branch achievement gets ``bobot``, its share of the node's
    branch value (the product of its weight fractions along the path down), and
    ``kontribusi`` = bobot x (100 - capaian_cabang): the percentage points of the node's
    shortfall it accounts for (negative when it over-achieves). The leaves' contributions
    add up to the node's own shortfall. Sorted by contribution, largest first; descendants
    without data come last with no contribution.
    """
    weights = weights or {}
    table = node_achievement(pemda, year, config, weights=weights).set_index("id")
    branch = table["capaian_cabang"].dropna().to_dict()
    records = []
    stack = [(c, 1, 1.0, [node_id]) for c in pemda.children(node_id)]
    while stack:
        current, depth, share, path = stack.pop()
        siblings = [c for c in pemda.children(path[-1]) if c in branch
                    and weights.get(c, 1.0) > 0]
        total_weight = sum(weights.get(c, 1.0) for c in siblings)
        if current in branch and total_weight:
            fraction = share * weights.get(current, 1.0) / total_weight
            contribution = fraction * (100 - branch[current])
        else:
            fraction = contribution = None
        row = table.loc[current]
        records.append({
            "id": current, "level": row["level"], "pernyataan": row["pernyataan"],
            "kode_opd": row["kode_opd"], "kedalaman": depth,
            "capaian_cabang": branch.get(current), "bobot": fraction, "kontribusi": contribution,
            "jalur": " > ".join([*path[1:], current]),
        })
        if fraction is not None:
            stack.extend((c, depth + 1, fraction, [*path, current])
                         for c in pemda.children(current))
        else:
            stack.extend((c, depth + 1, 0.0, [*path, current]) for c in pemda.children(current))
    frame = pd.DataFrame(records, columns=WEAKEST_COLUMNS)
    frame = frame.sort_values("kontribusi", ascending=False, na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def compare_years(pemda: Pemda, nodes: list[str], year: int, earlier: int,
                  config: AchievementConfig | None = None,
                  scale: str | Scale = "lima_tingkat") -> pd.DataFrame:
    """The branch achievement of ``nodes`` in ``earlier`` and in ``year``, and the change.

    Columns: ``id, level, pernyataan, kode_opd``, ``capaian_<earlier>`` and
    ``predikat_<earlier>``, ``capaian_<year>`` and ``predikat_<year>`` (branch figures, as the
    root-cause ranking reads them) and ``perubahan``: percentage points gained (negative: lost),
    None where either year has no figure. In the order of ``nodes``.
    """
    scale = get_scale(scale)
    before = node_achievement(pemda, earlier, config, scale).set_index("id")
    after = node_achievement(pemda, year, config, scale).set_index("id")
    records = []
    for node_id in nodes:
        old, new = before.at[node_id, "capaian_cabang"], after.at[node_id, "capaian_cabang"]
        old = None if pd.isna(old) else float(old)
        new = None if pd.isna(new) else float(new)
        records.append({
            "id": node_id, "level": after.at[node_id, "level"],
            "pernyataan": after.at[node_id, "pernyataan"], "kode_opd": after.at[node_id, "kode_opd"],
            f"capaian_{earlier}": old, f"predikat_{earlier}": scale.predicate(old),
            f"capaian_{year}": new, f"predikat_{year}": scale.predicate(new),
            "perubahan": None if old is None or new is None else new - old,
        })
    columns = ["id", "level", "pernyataan", "kode_opd", f"capaian_{earlier}", f"predikat_{earlier}",
               f"capaian_{year}", f"predikat_{year}", "perubahan"]
    frame = pd.DataFrame(records, columns=columns)
    for column in (f"capaian_{earlier}", f"capaian_{year}", "perubahan"):
        frame[column] = frame[column].astype("float64")
    return frame


def earlier_year(pemda: Pemda, year: int) -> int | None:
    """The latest year before ``year`` with any realisation (what a year is compared with)."""
    before = [y for y in pemda.realised_years() if y < year]
    return max(before) if before else None


# --------------------------------------------------------------------------- gaps

GAP_COLUMNS = [
    "id_indikator", "id_pohon", "level", "nama", "satuan", "polaritas", "target", "realisasi",
    "capaian", "predikat", "kesenjangan", "realisasi_sebelumnya", "tren", "keterangan",
    "target_min", "target_maks", "capaian_tanpa_batas",
]


def indicator_gaps(pemda: Pemda, kode_opd: str | None, year: int,
                   config: AchievementConfig | None = None,
                   scale: str | Scale = "lima_tingkat") -> pd.DataFrame:
    """The indicators of an OPD in ``year``, the worst gaps first.

    Columns: those of :func:`indicator_achievement` that matter to a reader, plus ``level``
    (of the condition measured), ``kesenjangan`` (100 - capaian: percentage points short of
    target, negative when above it), ``realisasi_sebelumnya`` (the latest earlier realisation,
    or the baseline) and ``tren`` ("membaik", "memburuk", "tetap" by the polarity, or blank
    without two values). Indicators without an achievement come last.
    """
    values = indicator_achievement(pemda, year, config, scale)
    if kode_opd is not None:
        values = values[values["kode_opd"] == kode_opd]
    rows = {r["id"]: r for r in pemda.tables["indikator"].rows if r.get("id")}
    earlier_years = [y for y in pemda.years if y < year]
    previous, trend, levels = [], [], []
    for item in values.itertuples():
        row = rows[item.id_indikator]
        before = next((row.get(f"realisasi_{y}") for y in reversed(earlier_years)
                       if row.get(f"realisasi_{y}") is not None), row.get("baseline"))
        previous.append(before)
        levels.append(pemda.tree.nodes.get(item.id_pohon, {}).get("level"))
        if before is None or item.realisasi is None or pd.isna(item.realisasi) or \
                item.polaritas not in ("maks", "min"):
            trend.append(None)
            continue
        change = (item.realisasi - before) * (1 if item.polaritas == "maks" else -1)
        trend.append("membaik" if change > 0 else "memburuk" if change < 0 else "tetap")
    frame = values.assign(level=levels, kesenjangan=100 - values["capaian"],
                          realisasi_sebelumnya=previous, tren=trend)
    frame = frame.sort_values("capaian", na_position="last", kind="stable")
    return frame[GAP_COLUMNS].reset_index(drop=True)
