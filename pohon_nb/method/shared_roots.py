"""Root problems the OPDs solve together: every OPD's problems joined into the Pemda's graph.

Each OPD analyses its own problems, but a cause in one OPD's sheet may be named as causing a
problem of another (``masalah.menyebabkan`` may point anywhere in the sheet): poor sanitation
(public works) causes stunting (health); low farm productivity (agriculture) causes food
insecurity, which causes stunting too. Joined, the problems form one graph (cause -> effect).

A **root cause** is a problem with no cause of its own in the graph and at least one effect.
Its **reach** is the root with everything downstream of it. A root is **shared** when its
reach holds the core problems (:func:`problems.core_id`) of two or more OPDs, or the problem
a Pemda-level condition (one without ``kode_opd``) was converted from (``pohon.asal_masalah``).

Shared roots are ranked by, in order: how many OPDs' core problems they reach (an OPD counted
once however many paths lead to it), how many Pemda-level conditions they reach, and how much
off-target achievement they hold back: the sum, over the conditions converted from a problem in
the reach, of their shortfall from 100% in the year, own achievement first (a condition is
measured by its own indicators; its branch figure stands in only where it has none; none counted
without a year or data). Roots equal on all three share a rank (1, 1, 3) and are marked ``seri``.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

from ..reading.model import Pemda
from .achievement import AchievementConfig, node_achievement
from .crosscutting import requests
from .problems import core_id

SHARED_COLUMNS = [
    "peringkat", "seri", "id", "pernyataan", "kode_opd", "opd_inti", "jumlah_opd_inti",
    "masalah_inti", "kondisi_pemda", "jumlah_kondisi_pemda", "kekurangan", "kondisi_tertahan",
    "opd_akibat", "crosscutting_ada", "crosscutting_kurang",
]

CANDIDATE_COLUMNS = ["akar_masalah", "kode_opd", "id_pohon", "kode_opd_mitra", "peran", "status"]


def core_problems(pemda: Pemda) -> dict[str, str]:
    """Each OPD's core problem: problem id -> the OPD's code (OPDs without one left out)."""
    return pemda.memo(("core_problems",), lambda: {
        pid: code for code in pemda.opd_codes() if (pid := core_id(pemda, code)) is not None})


def reach(pemda: Pemda, problem: str) -> set[str]:
    """The problem and every problem downstream of it (its effects, their effects, ...)."""
    return {problem} | nx.descendants(pemda.problems, problem)


def converted(pemda: Pemda) -> dict[str, list[str]]:
    """Problem id -> the conditions converted from it (``pohon.asal_masalah``), in tree order."""
    def compute() -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for node_id in pemda.tree_order():
            link = pemda.node(node_id).get("asal_masalah")
            if link in pemda.problems:
                found[link].append(node_id)
        return dict(found)

    return pemda.memo(("converted_problems",), compute)


def root_causes(pemda: Pemda) -> list[str]:
    """Problems with no cause in the joined graph and at least one effect, in sheet order."""
    graph = pemda.problems
    return [p for p in graph if graph.in_degree(p) == 0 and graph.out_degree(p) > 0]


def shared_roots(pemda: Pemda, year: int | None = None,
                 config: AchievementConfig | None = None) -> pd.DataFrame:
    """The shared root problems, ranked as the module docstring says.

    Columns: ``peringkat`` and ``seri``; ``id, pernyataan, kode_opd`` (the OPD that analysed
    the root); ``opd_inti`` (";"-joined codes of the OPDs whose core problem it reaches) and
    ``jumlah_opd_inti``; ``masalah_inti`` (those core problems); ``kondisi_pemda`` and
    ``jumlah_kondisi_pemda``; ``kekurangan`` (points, see the module docstring);
    ``kondisi_tertahan`` (the conditions converted from a problem in its reach: the outcomes it
    holds back); ``opd_akibat`` (OPDs that own a problem in the reach, the root's own OPD
    excluded); ``crosscutting_ada`` (requests already recorded from an OPD of the effects to the
    root's OPD, by short name, with their status) and ``crosscutting_kurang`` (the OPDs of the effects with no
    such request: see :func:`crosscutting_candidates`).
    """
    return pemda.memo(("shared_roots", year, config), lambda: _shared_roots(pemda, year, config)).copy()


def _shared_roots(pemda: Pemda, year: int | None, config: AchievementConfig | None) -> pd.DataFrame:
    graph = pemda.problems
    cores = core_problems(pemda)
    linked = converted(pemda)
    pemda_level = {n for n in pemda.tree if not pemda.node(n).get("kode_opd")}
    branch = {}
    if year is not None and year in pemda.years:
        table = node_achievement(pemda, year, config)
        branch = {n: own if pd.notna(own) else below  # own first: docs/metode.md, "Capaian"
                  for n, own, below in zip(table["id"], table["capaian_sendiri"], table["capaian_cabang"])}
    asked = _requests_between(pemda)
    records = []
    for root in root_causes(pemda):
        reached = reach(pemda, root)
        core_ids = [p for p in _ordered(pemda, reached) if p in cores]
        opds = list(dict.fromkeys(cores[p] for p in core_ids))
        held = [n for p in _ordered(pemda, reached) for n in linked.get(p, [])]
        held = list(dict.fromkeys(held))
        at_pemda = [n for n in held if n in pemda_level]
        if len(opds) < 2 and not at_pemda:
            continue
        owner = graph.nodes[root].get("kode_opd") or ""
        effects = list(dict.fromkeys(graph.nodes[p].get("kode_opd") for p in _ordered(pemda, reached)
                                     if p != root and graph.nodes[p].get("kode_opd") not in (None, owner)))
        existing = [f"{pemda.opd_short(opd)} → {pemda.opd_short(owner)} ({asked[(opd, owner)]})"
                    for opd in effects if (opd, owner) in asked]
        missing = [opd for opd in effects if (opd, owner) not in asked]
        shortfall = sum(max(0.0, 100.0 - branch[n]) for n in held if pd.notna(branch.get(n)))
        records.append({
            "id": root, "pernyataan": graph.nodes[root].get("pernyataan"), "kode_opd": owner,
            "opd_inti": ";".join(opds), "jumlah_opd_inti": len(opds), "masalah_inti": ";".join(core_ids),
            "kondisi_pemda": ";".join(at_pemda), "jumlah_kondisi_pemda": len(at_pemda),
            "kekurangan": round(shortfall, 1), "kondisi_tertahan": ";".join(held),
            "opd_akibat": ";".join(effects), "crosscutting_ada": "; ".join(existing),
            "crosscutting_kurang": ";".join(missing),
        })
    frame = pd.DataFrame(records, columns=[c for c in SHARED_COLUMNS if c not in ("peringkat", "seri")])
    keys = ["jumlah_opd_inti", "jumlah_kondisi_pemda", "kekurangan"]
    frame = frame.sort_values(keys, ascending=False, kind="stable").reset_index(drop=True)
    ranks = frame[keys].apply(tuple, axis=1)
    frame.insert(0, "peringkat", [1 + sum(other > key for other in ranks) for key in ranks])
    frame.insert(1, "seri", frame["peringkat"].duplicated(keep=False))
    return frame


def crosscutting_candidates(pemda: Pemda, shared: pd.DataFrame | None = None) -> pd.DataFrame:
    """Crosscutting requests a shared root calls for and the workbook lacks, proposed (never
    written into the user's workbook): from each OPD of the root's effects to the OPD that
    analysed the root, on that OPD's condition converted from a problem in the root's reach
    (else its first condition)."""
    shared = shared_roots(pemda) if shared is None else shared
    linked = converted(pemda)
    records = []
    for row in shared.itertuples():
        reached = _ordered(pemda, reach(pemda, row.id))
        for opd in filter(None, row.crosscutting_kurang.split(";")):
            own = [n for p in reached for n in linked.get(p, []) if pemda.node(n).get("kode_opd") == opd]
            node = own[0] if own else next(iter(pemda.owned_by(opd)), None)
            records.append({
                "akar_masalah": row.id, "kode_opd": opd, "id_pohon": node,
                "kode_opd_mitra": row.kode_opd,
                "peran": f"Menangani akar masalah {row.id}: {row.pernyataan}",
                "status": "kandidat (belum ada di workbook)",
            })
    return pd.DataFrame(records, columns=CANDIDATE_COLUMNS)


def touching(pemda: Pemda, kode_opd: str, shared: pd.DataFrame | None = None) -> pd.DataFrame:
    """The shared roots an OPD takes part in: analysed by it, or reaching a problem it owns."""
    shared = shared_roots(pemda) if shared is None else shared
    graph = pemda.problems
    mask = [row.kode_opd == kode_opd or any(graph.nodes[p].get("kode_opd") == kode_opd
                                            for p in reach(pemda, row.id))
            for row in shared.itertuples()]
    return shared[mask].reset_index(drop=True)


def involved_problems(pemda: Pemda, kode_opd: str) -> set[str]:
    """The problems whose rows decide the shared roots an OPD takes part in: its own, those
    upstream of them, and everything downstream of either (what makes a root shared)."""
    graph = pemda.problems
    own = {p for p, data in graph.nodes(data=True) if data.get("kode_opd") == kode_opd}
    upstream = own | {a for p in own for a in nx.ancestors(graph, p)}
    return upstream | {d for p in upstream for d in nx.descendants(graph, p)}


def _ordered(pemda: Pemda, problems: set[str]) -> list[str]:
    """Problems in the order of the masalah sheet (the graph keeps it)."""
    return [p for p in pemda.problems if p in problems]


def _requests_between(pemda: Pemda) -> dict[tuple[str, str], str]:
    """(requesting OPD, partner OPD) -> the statuses of the requests between them."""
    frame = requests(pemda)
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in frame.itertuples():
        found[(row.kode_opd, row.kode_opd_mitra)].append(row.status or "tanpa status")
    return {pair: ", ".join(dict.fromkeys(statuses)) for pair, statuses in found.items()}


HELD_COLUMNS = ["peringkat", "akar_masalah", "id", "opd", "level", "pernyataan", "capaian_cabang",
                "predikat_cabang"]


def involving(shared: pd.DataFrame, kode_opd: str) -> pd.Series:
    """Which shared roots (rows of :func:`shared_roots`) involve the OPD: it analysed the root,
    the root reaches its core problem, or it owns a problem on the root's path of effects."""
    def has(codes: str) -> bool:
        return kode_opd in (codes or "").split(";")

    return (shared["kode_opd"].eq(kode_opd) | shared["opd_inti"].map(has)
            | shared["opd_akibat"].map(has))


def held_conditions(pemda: Pemda, shared: pd.DataFrame, year: int | None,
                    config: AchievementConfig | None = None, scale: str = "lima_tingkat") -> pd.DataFrame:
    """Each shared root (``shared``, from :func:`shared_roots`) with the conditions it holds back
    (``kondisi_tertahan``): their owner ("Pemda" without one), level, statement and branch
    achievement in ``year``."""
    branch = node_achievement(pemda, year, config, scale).set_index("id")
    records = []
    for row in shared.itertuples():
        for node in filter(None, row.kondisi_tertahan.split(";")):
            owner = pemda.node(node).get("kode_opd")
            records.append({"peringkat": row.peringkat, "akar_masalah": row.id,
                            "id": node, "opd": pemda.opd_short(owner) if owner else "Pemda",
                            "level": pemda.level(node), "pernyataan": pemda.node(node).get("pernyataan"),
                            "capaian_cabang": branch.at[node, "capaian_cabang"],
                            "predikat_cabang": branch.at[node, "predikat_cabang"]})
    return pd.DataFrame(records, columns=HELD_COLUMNS)
