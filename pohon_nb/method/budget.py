"""The budget beside the results: an OPD's budget per branch, and budget efficiency.

Efficiency is measured both ways evaluators read it (``docs/metode.md``, "Efisiensi"):
Kemenkeu's E and its score, and the regional practice of the ceiling left unspent once the
target is met. Budget lines attach to outputs (sub kegiatan); a line elsewhere is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..reading.model import Pemda, is_chosen
from ..reading.workbook import Range
from .achievement import AchievementConfig, node_achievement, own_achievement


@dataclass(frozen=True)
class OpdBudget:
    """An OPD's budget in one year, as the causal-mapping notebook shows it."""

    total: float  # the sum of the year's ceilings (pagu)
    funded: list[str]  # conditions with a budget line, in tree order
    unfunded_outputs: list[str]  # outputs without a line on them or below them
    off_output: list[str]  # funded conditions that are neither output nor aksi
    branches: pd.DataFrame  # BRANCH_COLUMNS, one row per top condition of the OPD
    efficiency: pd.DataFrame  # EFFICIENCY_COLUMNS, the OPD's funded conditions

    @property
    def efficiency_known(self) -> bool:
        """Whether any funded condition has an efficiency by either way."""
        return bool(self.efficiency["efisiensi"].notna().any()
                    or self.efficiency["sisa_anggaran_target_tercapai"].notna().any())


BRANCH_COLUMNS = ["id", "pernyataan", "pagu", "realisasi_anggaran", "serapan", "capaian_sendiri",
                  "capaian_cabang"]


def opd_budget(pemda: Pemda, kode_opd: str, year: int,
               config: AchievementConfig | None = None) -> OpdBudget | None:
    """The OPD's budget lines of ``year`` per top branch, beside each branch's achievement.

    None when the OPD has no budget line that year. ``serapan`` is spent / ceiling in percent,
    blank without any realisation.
    """
    own = pemda.owned_by(kode_opd)
    lines = pemda.anggaran
    lines = lines[lines["id_pohon"].isin(set(own)) & (lines["tahun"] == year)] if len(lines) else lines
    if lines.empty:
        return None
    funded_set = set(lines["id_pohon"])
    outputs = [n for n in own if pemda.level(n) == "output"]
    unfunded = [n for n in outputs if n not in funded_set
                and not any(d in funded_set for d in pemda.descendants(n))]
    nodes = node_achievement(pemda, year, config).set_index("id")
    records = []
    for top in pemda.top_owned(kode_opd):
        part = lines[lines["id_pohon"].isin({top, *pemda.descendants(top)})]
        ceiling = float(part["pagu"].dropna().sum())
        spent = part["realisasi"].dropna()
        records.append({"id": top, "pernyataan": pemda.node(top).get("pernyataan"), "pagu": ceiling,
                        "realisasi_anggaran": float(spent.sum()) if len(spent) else None,
                        "serapan": float(spent.sum()) / ceiling * 100 if len(spent) and ceiling else None,
                        "capaian_sendiri": nodes.loc[top, "capaian_sendiri"],
                        "capaian_cabang": nodes.loc[top, "capaian_cabang"]})
    eff = efficiency(pemda, year, config)
    return OpdBudget(
        total=float(lines["pagu"].dropna().sum()),
        funded=[n for n in own if n in funded_set], unfunded_outputs=unfunded,
        off_output=sorted(n for n in funded_set if pemda.level(n) not in ("output", "aksi")),
        branches=pd.DataFrame(records, columns=BRANCH_COLUMNS),
        efficiency=eff[eff["id_pohon"].isin(set(own))].reset_index(drop=True))


EFFICIENCY_COLUMNS = [
    "id_pohon", "kode_opd", "tahun", "pagu", "realisasi_anggaran", "serapan", "capaian",
    "efisiensi", "nilai_efisiensi", "sisa_anggaran_target_tercapai",
]


def efficiency(pemda: Pemda, year: int, config: AchievementConfig | None = None) -> pd.DataFrame:
    """Budget efficiency of every funded condition in ``year``, both ways of ``docs/metode.md``.

    ``efisiensi`` is Kemenkeu's E in percent: the mean over the node's maximise indicators
    with data of 1 - (spent / volume achieved) / (ceiling / volume targeted), clipped to
    [-20, 20]; ``nilai_efisiensi`` = 50 + E / 20 x 50. ``sisa_anggaran_target_tercapai`` is
    the regional practice: the share of the ceiling left unspent, reported only when the
    node's own achievement reaches 100%. ``serapan`` is spent / ceiling in percent.
    """
    key = ("efficiency", year, config or AchievementConfig())
    return pemda.memo(key, lambda: _efficiency(pemda, year, config)).copy()


def _efficiency(pemda: Pemda, year: int, config: AchievementConfig | None) -> pd.DataFrame:
    budget = pemda.anggaran
    budget = budget[budget["tahun"] == year] if len(budget) else budget
    own, _ = own_achievement(pemda, year, config)
    volumes = _volumes(pemda, year)
    records = []
    for node_id, group in budget.groupby("id_pohon", sort=False):
        ceiling = float(group["pagu"].dropna().sum())
        spent_values = group["realisasi"].dropna()
        spent = float(spent_values.sum()) if len(spent_values) else None
        node = pemda.tree.nodes.get(node_id, {})
        e = None
        if spent is not None and ceiling > 0:
            ratios = [1 - (spent / achieved) / (ceiling / targeted)
                      for targeted, achieved in volumes.get(node_id, []) if achieved > 0 and targeted > 0]
            if ratios:
                e = max(-20.0, min(20.0, 100 * sum(ratios) / len(ratios)))
        achieved_pct = own.get(node_id)
        leftover = None
        if spent is not None and ceiling > 0 and achieved_pct is not None and achieved_pct >= 100:
            leftover = (ceiling - spent) / ceiling * 100
        records.append({
            "id_pohon": node_id, "kode_opd": node.get("kode_opd"), "tahun": year, "pagu": ceiling,
            "realisasi_anggaran": spent,
            "serapan": spent / ceiling * 100 if spent is not None and ceiling else None,
            "capaian": achieved_pct, "efisiensi": e,
            "nilai_efisiensi": 50 + e / 20 * 50 if e is not None else None,
            "sisa_anggaran_target_tercapai": leftover,
        })
    frame = pd.DataFrame(records, columns=EFFICIENCY_COLUMNS)
    for column in EFFICIENCY_COLUMNS[3:]:
        frame[column] = frame[column].astype("float64")
    return frame


def _volumes(pemda: Pemda, year: int) -> dict[str, list[tuple[float, float]]]:
    volumes: dict[str, list[tuple[float, float]]] = {}
    for row in pemda.tables["indikator"].rows:
        if row.get("polaritas") != "maks" or not is_chosen(row):
            continue
        target, actual = row.get(f"target_{year}"), row.get(f"realisasi_{year}")
        if target is None or actual is None:
            continue
        target = target.mid if isinstance(target, Range) else target
        volumes.setdefault(row.get("id_pohon"), []).append((target, actual))
    return volumes


