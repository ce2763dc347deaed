"""Crosscutting: which OPD needs which, in what state, and where the network concentrates.

A request (a row of ``lintas_opd``) is recorded on the node that needs support; the
requester is that node's owner, the partner is ``kode_opd_mitra``. A blank status counts
as ``usulan`` (nobody has agreed yet).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..reading import schema
from ..reading.model import Pemda

REQUEST_COLUMNS = [
    "id_pohon", "pernyataan", "level", "kode_opd", "nama_opd", "kode_opd_mitra", "nama_mitra",
    "mitra_terdaftar", "id_pohon_mitra", "pernyataan_mitra", "simpul_mitra_ada", "peran", "status",
    "_baris",
]


def requests(pemda: Pemda) -> pd.DataFrame:
    """Every crosscutting request with both sides named.

    Columns: ``id_pohon, pernyataan, level, kode_opd`` (requester), ``nama_opd``,
    ``kode_opd_mitra, nama_mitra, mitra_terdaftar`` (the partner is in the opd sheet),
    ``id_pohon_mitra, pernyataan_mitra, simpul_mitra_ada`` (the partner's node is given and
    exists), ``peran, status`` (usulan when blank), ``_baris`` (Excel row).
    """
    known = set(pemda.opd_codes())
    records = []
    for row in pemda.tables["lintas_opd"].rows:
        node = pemda.tree.nodes.get(row.get("id_pohon"), {})
        partner_node = pemda.tree.nodes.get(row.get("id_pohon_mitra"), {})
        partner = row.get("kode_opd_mitra")
        records.append({
            "id_pohon": row.get("id_pohon"), "pernyataan": node.get("pernyataan"),
            "level": node.get("level"), "kode_opd": node.get("kode_opd"),
            "nama_opd": pemda.opd_name(node["kode_opd"]) if node.get("kode_opd") else None,
            "kode_opd_mitra": partner,
            "nama_mitra": pemda.opd_name(partner) if partner else None,
            "mitra_terdaftar": partner in known, "id_pohon_mitra": row.get("id_pohon_mitra"),
            "pernyataan_mitra": partner_node.get("pernyataan"),
            "simpul_mitra_ada": bool(partner_node), "peran": row.get("peran"),
            "status": row.get("status") or "usulan", "_baris": row["_baris"],
        })
    return pd.DataFrame(records, columns=REQUEST_COLUMNS)


def matrix(pemda: Pemda, status: str | None = None) -> pd.DataFrame:
    """OPD x OPD counts of requests: rows the requester, columns the partner.

    With ``status`` only requests in that state are counted. Every OPD of the opd sheet
    has a row and a column (zeros included); partners outside it (vertical agencies) get a
    column of their own after them.
    """
    if status is not None and status not in schema.CROSSCUTTING_STATUSES:
        raise ValueError(f"status harus salah satu dari {', '.join(schema.CROSSCUTTING_STATUSES)}")
    table = requests(pemda)
    if status is not None:
        table = table[table["status"] == status]
    table = table[table["kode_opd"].notna()]
    codes = pemda.opd_codes()
    outside = sorted(set(table["kode_opd_mitra"].dropna()) - set(codes))
    counts = pd.crosstab(table["kode_opd"], table["kode_opd_mitra"])
    counts = counts.reindex(index=codes, columns=codes + outside, fill_value=0)
    counts.index.name, counts.columns.name = "peminta", "mitra"
    return counts.astype(int)


def status_matrix(pemda: Pemda) -> pd.DataFrame:
    """Per pair of OPDs that have requests, the count in each status.

    Columns: ``kode_opd, kode_opd_mitra, usulan, disetujui, ditolak, total``.
    """
    table = requests(pemda)
    table = table[table["kode_opd"].notna()]
    counts = pd.crosstab([table["kode_opd"], table["kode_opd_mitra"]], table["status"])
    counts = counts.reindex(columns=list(schema.CROSSCUTTING_STATUSES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index().rename_axis(columns=None)


def dependencies(pemda: Pemda, kode_opd: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what this OPD needs from others, what others need from it), as request tables."""
    table = requests(pemda)
    needs = table[table["kode_opd"] == kode_opd].reset_index(drop=True)
    needed_by = table[table["kode_opd_mitra"] == kode_opd].reset_index(drop=True)
    return needs, needed_by


def network(pemda: Pemda) -> nx.MultiDiGraph:
    """The OPD dependency network: an edge requester -> partner per request, with its status."""
    graph = nx.MultiDiGraph()
    for code in pemda.opd_codes():
        graph.add_node(code, nama=pemda.opd_name(code), terdaftar=True)
    for _, row in requests(pemda).iterrows():
        if not row["kode_opd"] or not row["kode_opd_mitra"]:
            continue
        if row["kode_opd_mitra"] not in graph:
            graph.add_node(row["kode_opd_mitra"], nama=row["nama_mitra"], terdaftar=False)
        graph.add_edge(row["kode_opd"], row["kode_opd_mitra"], status=row["status"],
                       id_pohon=row["id_pohon"])
    return graph


HUB_COLUMNS = ["kode_opd", "nama_opd", "diminta", "meminta", "total", "usulan", "disetujui",
               "ditolak", "sentralitas"]


def hubs(pemda: Pemda) -> pd.DataFrame:
    """OPDs by how much crosscutting runs through them, most first.

    Columns: ``kode_opd, nama_opd, diminta`` (requests received), ``meminta`` (sent),
    ``total``, counts by status over both directions, and ``sentralitas`` (degree
    centrality of the OPD network, 0-1).
    """
    graph = network(pemda)
    simple = nx.DiGraph(graph)
    centrality = nx.degree_centrality(simple) if len(simple) > 1 else {}
    records = []
    for code, data in graph.nodes(data=True):
        edges = list(graph.in_edges(code, data=True)) + list(graph.out_edges(code, data=True))
        statuses = [d["status"] for _, _, d in edges]
        records.append({
            "kode_opd": code, "nama_opd": data.get("nama"), "diminta": graph.in_degree(code),
            "meminta": graph.out_degree(code), "total": len(edges),
            **{s: statuses.count(s) for s in schema.CROSSCUTTING_STATUSES},
            "sentralitas": centrality.get(code, 0.0),
        })
    table = pd.DataFrame(records, columns=HUB_COLUMNS)
    return table.sort_values(["total", "diminta"], ascending=False, kind="stable").reset_index(drop=True)


def pending(pemda: Pemda) -> pd.DataFrame:
    """Requests still waiting for the partner: ``usulan`` (or blank). A rejected request is not
    pending: it is settled, and needs another partner or design (rule M16)."""
    table = requests(pemda)
    return table[table["status"] == "usulan"].reset_index(drop=True)


def without_partner_node(pemda: Pemda) -> pd.DataFrame:
    """Requests that name no partner node, or a partner node that does not exist."""
    table = requests(pemda)
    return table[~table["simpul_mitra_ada"]].reset_index(drop=True)
