"""Problem analysis: APKL screen, USG ranking, the problem tree and its conversion.

The problem graph (``Pemda.problems``) runs cause -> effect. For an OPD with a core
problem, every problem that leads to the core is a cause (``kedalaman`` = steps from the
core), every problem the core leads to is an effect; causes that nothing causes are root
causes. Conversion (Logical Framework Approach, ``docs/metode.md``, "Identifikasi masalah") restates each
negative condition as the positive one it should become, by the phrasing rules of
:data:`PHRASE_RULES`, and proposes a level by position: effects -> ultimate, core ->
intermediate, causes -> immediate, root causes -> output (the operational conditions).
Internal causes stay with the OPD; external ones become crosscutting candidates.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..reading.model import Pemda
from .wording import PHRASE_RULES, RESOURCES, SCARCITY  # noqa: F401 - also read as problems.PHRASE_RULES

LEVEL_BY_ROLE = {"akibat": "ultimate", "inti": "intermediate", "penyebab": "immediate",
                 "akar": "output"}


def proposed_level(role: str | None, depth: int | None) -> str | None:
    """The level a problem becomes in the performance tree (docs/metode.md, "Identifikasi
    masalah", Konversi): the core problem an intermediate outcome, its effects ultimate, its
    causes immediate and root causes outputs; a root cause directly under the core becomes an
    immediate outcome, since an output there would skip the immediate level (rule M09)."""
    if role == "akar" and depth == 1:
        return "immediate"
    return LEVEL_BY_ROLE.get(role)

APKL = ("apkl_a", "apkl_p", "apkl_k", "apkl_l")
USG = ("usg_u", "usg_s", "usg_g")


def _problems_of(pemda: Pemda, kode_opd: str | None) -> pd.DataFrame:
    frame = pemda.masalah
    if kode_opd is not None:
        frame = frame[frame["kode_opd"] == kode_opd]
    return frame


def apkl_screen(pemda: Pemda, kode_opd: str | None = None) -> pd.DataFrame:
    """APKL screen of candidate issues.

    Columns: ``id, kode_opd, pernyataan, apkl_a, apkl_p, apkl_k, apkl_l`` (True/False/None),
    ``lolos`` (True when all four are ya, False when any is tidak, None while incomplete),
    ``gagal`` (the letters that failed, e.g. "L").
    """
    frame = _problems_of(pemda, kode_opd)
    records = []
    for _, row in frame.iterrows():
        passed, failed = _apkl(row)
        records.append({"id": row["id"], "kode_opd": row["kode_opd"], "pernyataan": row["pernyataan"],
                        **{c: row[c] for c in APKL}, "lolos": passed, "gagal": failed})
    return pd.DataFrame(records, columns=["id", "kode_opd", "pernyataan", *APKL, "lolos", "gagal"])


def _apkl(row) -> tuple[bool | None, str]:
    """(passed, failed letters): passed is None while any of the four is still blank."""
    flags = [row[c] for c in APKL]
    failed = "".join(c[-1].upper() for c, f in zip(APKL, flags) if f is False)
    return (False if failed else (True if all(f is True for f in flags) else None)), failed


def usg_ranking(pemda: Pemda, kode_opd: str | None = None) -> pd.DataFrame:
    """USG ranking of the issues that passed (or have not failed) APKL, ties shown.

    Columns: ``id, kode_opd, pernyataan, usg_u, usg_s, usg_g, total, peringkat, seri``.
    Equal totals share a rank (1, 2, 2, 4) and ``seri`` is True for each of them; nothing
    is broken silently. Issues with an incomplete score are left out. Ranked per OPD.
    """
    frame = _problems_of(pemda, kode_opd)
    columns = ["id", "kode_opd", "pernyataan", *USG, "total", "peringkat", "seri"]
    records = []
    for _, row in frame.iterrows():
        if _apkl(row)[0] is False:
            continue
        scores = [row[c] for c in USG]
        if any(s is None for s in scores):
            continue
        records.append({"id": row["id"], "kode_opd": row["kode_opd"],
                        "pernyataan": row["pernyataan"], **dict(zip(USG, scores)),
                        "total": sum(scores)})
    ranked = pd.DataFrame(records, columns=columns[:-2])
    if ranked.empty:
        return pd.DataFrame(columns=columns).astype({"seri": bool})
    return rank_usg(ranked)[columns]


def rank_usg(scored: pd.DataFrame) -> pd.DataFrame:
    """Rank rows holding ``usg_u, usg_s, usg_g`` (per ``kode_opd`` when that column is there).

    Adds ``total``, ``peringkat`` (equal totals share a rank: 1, 2, 2, 4) and ``seri``; the
    widget's sliders and :func:`usg_ranking` rank by this one rule.
    """
    ranked = scored.copy()
    ranked["total"] = ranked[list(USG)].sum(axis=1).astype(int)
    group = ["kode_opd"] if "kode_opd" in ranked else []
    totals = ranked.groupby(group)["total"] if group else ranked["total"]
    ranked["peringkat"] = totals.rank(method="min", ascending=False).astype(int)
    ranked["seri"] = ranked.duplicated([*group, "total"], keep=False)
    return ranked.sort_values([*group, "peringkat", "id"], kind="stable").reset_index(drop=True)


def core_problem(pemda: Pemda, kode_opd: str) -> pd.DataFrame:
    """The OPD's core problem as marked (``inti``) beside the USG top, to compare.

    Columns: ``id, pernyataan, ditandai_inti, peringkat_usg, total_usg, usg_teratas``.
    Rows: every problem marked inti and every problem ranked first by USG (a tie gives
    several). ``usg_teratas`` says whether the row is ranked first.
    """
    ranking = usg_ranking(pemda, kode_opd).set_index("id")
    frame = _problems_of(pemda, kode_opd)
    records = []
    for _, row in frame.iterrows():
        rank = ranking["peringkat"].get(row["id"])
        if row["inti"] is True or rank == 1:
            records.append({"id": row["id"], "pernyataan": row["pernyataan"],
                            "ditandai_inti": row["inti"] is True,
                            "peringkat_usg": rank, "total_usg": ranking["total"].get(row["id"]),
                            "usg_teratas": rank == 1})
    frame = pd.DataFrame(records, columns=["id", "pernyataan", "ditandai_inti", "peringkat_usg",
                                           "total_usg", "usg_teratas"])
    return frame.astype({"ditandai_inti": bool, "usg_teratas": bool})


def core_id(pemda: Pemda, kode_opd: str) -> str | None:
    """The marked core problem (the first, when several are marked), else the USG top."""
    frame = _problems_of(pemda, kode_opd)
    marked = frame[frame["inti"].apply(lambda v: v is True)]
    if len(marked):
        return marked.iloc[0]["id"]
    ranking = usg_ranking(pemda, kode_opd)
    top = ranking[ranking["peringkat"] == 1]
    return top.iloc[0]["id"] if len(top) == 1 else None


TREE_COLUMNS = ["id", "pernyataan", "peran", "kedalaman", "lokus", "menyebabkan", "disebabkan"]


def problem_tree(pemda: Pemda, kode_opd: str) -> pd.DataFrame:
    """The OPD's problem tree around its core problem.

    Columns: ``id, pernyataan, peran`` (inti, akibat, penyebab, akar, ``penyebab_akibat`` for a
    problem that feeds an effect of the core without causing the core, or lepas for a problem not
    linked to the core at all), ``kedalaman`` (steps from the core: effects and causes both
    count up from 1), ``lokus``, ``menyebabkan`` and ``disebabkan`` (ids, ";"-joined, other
    OPDs' problems included: a cause of another OPD's problem is kept). Ordered effects
    (farthest first), core, then causes by depth.
    """
    frame = _problems_of(pemda, kode_opd)
    ids = list(frame["id"])
    graph = pemda.problems.subgraph(ids)
    core = core_id(pemda, kode_opd)
    causes = nx.single_source_shortest_path_length(graph.reverse(copy=False), core) if core else {}
    effects = nx.single_source_shortest_path_length(graph, core) if core else {}
    around = nx.node_connected_component(graph.to_undirected(as_view=True), core) if core else set()
    records = []
    for _, row in frame.iterrows():
        pid = row["id"]
        if pid == core:
            role, depth = "inti", 0
        elif pid in effects:
            role, depth = "akibat", effects[pid]
        elif pid in causes:
            role = "akar" if graph.in_degree(pid) == 0 else "penyebab"
            depth = causes[pid]
        elif pid in around:
            role, depth = "penyebab_akibat", None
        else:
            role, depth = "lepas", None
        records.append({
            "id": pid, "pernyataan": row["pernyataan"], "peran": role, "kedalaman": depth,
            "lokus": row["lokus"],
            "menyebabkan": ";".join(pemda.problems.successors(pid)) if pid in pemda.problems else "",
            "disebabkan": ";".join(pemda.problems.predecessors(pid)) if pid in pemda.problems else "",
        })
    table = pd.DataFrame(records, columns=TREE_COLUMNS)
    order = {"akibat": 0, "inti": 1, "penyebab": 2, "akar": 2, "penyebab_akibat": 3, "lepas": 4}
    table["_urut"] = [(order[r], -(d or 0) if r == "akibat" else (d or 0))
                      for r, d in zip(table["peran"], table["kedalaman"])]
    table = table.sort_values("_urut", kind="stable").drop(columns="_urut")
    table["kedalaman"] = table["kedalaman"].astype("Int64")
    return table.reset_index(drop=True)


def positive_phrase(statement: str) -> tuple[str | None, str | None]:
    """The positive restatement of a negative condition, and the rule used.

    ``("Tingginya prevalensi stunting")`` gives ``("Menurunnya prevalensi stunting",
    "Tingginya → Menurunnya")``. Without a matching rule: ``(None, None)``.
    """
    text = " ".join(statement.split())
    lowered = text.lower()
    for negative, positive in PHRASE_RULES:
        key = negative.lower()
        if lowered == key or lowered.startswith(key + " "):
            rest = text[len(negative):]
            following = rest.split()[0].lower().strip(".,;:") if rest.split() else ""
            if negative in SCARCITY and following in RESOURCES:  # a resource: its availability grows
                positive += " ketersediaan"
            return positive + rest, f"{negative} → {positive}"
    return None, None


CONVERSION_COLUMNS = [
    "id_masalah", "pernyataan_masalah", "peran", "kedalaman", "usulan_kondisi", "aturan",
    "usulan_level", "lokus", "kandidat_crosscutting", "kondisi_terkait",
]


def convert(pemda: Pemda, kode_opd: str) -> pd.DataFrame:
    """Problems restated as proposed conditions, each keeping its problem id.

    Columns: ``id_masalah, pernyataan_masalah, peran, kedalaman, usulan_kondisi`` (None when
    no phrasing rule matches: write it by hand), ``aturan`` (the rule applied),
    ``usulan_level``, ``lokus``, ``kandidat_crosscutting`` (an external cause: another OPD
    or agency should deliver it), ``kondisi_terkait`` (ids of conditions in ``pohon`` whose
    ``asal_masalah`` is this problem).
    """
    tree = problem_tree(pemda, kode_opd)
    linked: dict[str, list[str]] = {}
    for node_id, node in pemda.tree.nodes(data=True):
        if node.get("asal_masalah"):
            linked.setdefault(node["asal_masalah"], []).append(node_id)
    records = []
    for _, row in tree.iterrows():
        phrase, rule = positive_phrase(row["pernyataan"] or "")
        role = row["peran"]
        records.append({
            "id_masalah": row["id"], "pernyataan_masalah": row["pernyataan"], "peran": role,
            "kedalaman": row["kedalaman"], "usulan_kondisi": phrase, "aturan": rule,
            "usulan_level": proposed_level(role, row["kedalaman"]),
            "lokus": row["lokus"],
            "kandidat_crosscutting": role in ("penyebab", "akar") and row["lokus"] == "eksternal",
            "kondisi_terkait": ";".join(linked.get(row["id"], [])),
        })
    return pd.DataFrame(records, columns=CONVERSION_COLUMNS)


def problem_trail(pemda: Pemda, node_id: str) -> tuple[str | None, list[str]]:
    """The problem a condition comes from (its own ``asal_masalah`` or the nearest one up its
    branch) and the root causes behind that problem; (None, []) when there is none."""
    for candidate in [node_id, *pemda.ancestors(node_id)]:
        link = pemda.node(candidate).get("asal_masalah")
        if link and link in pemda.problems:
            upstream = nx.ancestors(pemda.problems, link) | {link}
            return link, sorted(p for p in upstream if pemda.problems.in_degree(p) == 0)
    return None, []


OPERATIONAL_LEVELS = ("output", "aksi")
"""Levels that serve the outcome above them and answer its problem rather than one of their own."""


def branch_problems(pemda: Pemda, node_id: str) -> tuple[list[str], list[str]]:
    """The problems a condition's branch answers, and the root causes behind them.

    The branch's own problems are the ``asal_masalah`` links of the condition and of every
    condition below it. An output or action whose branch links none answers the problem of the
    outcome it serves: the nearest outcome above it (through outputs and actions only). A branch
    with neither answers no problem here: never the problem of a higher outcome, whose root
    causes may lie in other branches altogether (a tuberculosis branch is not held back by the
    farm machinery behind the stunting problem of the outcome above it). Root causes are those
    upstream of these problems in the problem tree; both lists are in a stable order.
    """
    problems = pemda.problems
    links = [pemda.node(n).get("asal_masalah") for n in (node_id, *pemda.descendants(node_id))]
    links = [link for link in dict.fromkeys(links) if link and link in problems]
    current = node_id
    while not links and pemda.level(current) in OPERATIONAL_LEVELS and pemda.parent(current):
        current = pemda.parent(current)
        link = pemda.node(current).get("asal_masalah")
        if link and link in problems:
            links = [link]
    roots = {p for link in links for p in nx.ancestors(problems, link) | {link}
             if problems.in_degree(p) == 0}
    return links, sorted(roots)


def with_root_causes(pemda: Pemda, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (a column ``id`` of conditions) with each condition's owner and its root causes.

    ``opd`` is the owner's short name ("Pemda" for a condition without one), ``jabatan`` the
    owner's position as the ``pohon`` sheet gives it, ``jejak_masalah`` the problems the
    condition's branch answers and ``akar_masalah`` the root causes behind them
    (:func:`branch_problems`), each with its statement and the OPD that analysed it
    ("; "-joined).
    """
    owners, posts, trails, roots = [], [], [], []
    for node_id in frame["id"]:
        links, upstream = branch_problems(pemda, node_id)
        trails.append("; ".join(links) or None)
        roots.append("; ".join(f"{p} {pemda.problems.nodes[p].get('pernyataan')} "
                               f"({pemda.opd_short(pemda.problems.nodes[p].get('kode_opd') or '')})"
                               for p in upstream))
        owner = pemda.node(node_id).get("kode_opd")
        owners.append(pemda.opd_short(owner) if owner else "Pemda")
        posts.append(pemda.node(node_id).get("jabatan"))
    return frame.assign(opd=owners, jabatan=posts, jejak_masalah=trails, akar_masalah=roots)


TRACE_COLUMNS = ["id", "level", "pernyataan", "asal_masalah", "jejak_masalah", "akar_masalah",
                 "terlacak"]


def traceability(pemda: Pemda, kode_opd: str) -> pd.DataFrame:
    """Which of the OPD's conditions come from a problem, and which outputs trace to none.

    For every condition of the OPD: ``asal_masalah`` (its own link), ``jejak_masalah`` (the
    nearest link on the way up its branch), ``akar_masalah`` (the root causes behind that
    problem, ";"-joined) and ``terlacak``: whether the condition traces to a problem at all.
    Outputs (operational conditions) with ``terlacak`` False trace to no root cause.
    """
    records = []
    for node_id in pemda.tree_order():
        node = pemda.node(node_id)
        if node.get("kode_opd") != kode_opd:
            continue
        trail, roots = problem_trail(pemda, node_id)
        records.append({
            "id": node_id, "level": node.get("level"), "pernyataan": node.get("pernyataan"),
            "asal_masalah": node.get("asal_masalah"), "jejak_masalah": trail,
            "akar_masalah": ";".join(roots), "terlacak": trail is not None,
        })
    return pd.DataFrame(records, columns=TRACE_COLUMNS).astype({"terlacak": bool})


TRAIL_COLUMNS = ["jejak_masalah", "pernyataan_masalah", "jumlah_kondisi", "kondisi", "akar_masalah"]


def traced_by_problem(trace: pd.DataFrame, pemda: Pemda) -> pd.DataFrame:
    """:func:`traceability` read per problem: one row per problem the OPD's conditions trace to
    (``jejak_masalah``), with the conditions (ids, ", "-joined, tree order) and the root causes
    behind it; the conditions tracing to none last, under an empty ``jejak_masalah``."""
    statements = dict(zip(pemda.masalah["id"], pemda.masalah["pernyataan"])) if len(pemda.masalah) else {}
    records = []
    for trail, group in trace.groupby(trace["jejak_masalah"].fillna(""), sort=False):
        records.append({"jejak_masalah": trail, "pernyataan_masalah": statements.get(trail, "") if trail
                        else "(tidak tertelusur ke masalah mana pun)", "jumlah_kondisi": len(group),
                        "kondisi": ", ".join(group["id"]),
                        "akar_masalah": ", ".join(dict.fromkeys(r for roots in group["akar_masalah"]
                                                                for r in roots.split(";") if r))})
    frame = pd.DataFrame(records, columns=TRAIL_COLUMNS)
    return frame.sort_values("jejak_masalah", key=lambda c: c == "", kind="stable").reset_index(drop=True)
